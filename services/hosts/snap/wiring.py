"""The SNAP client a SNAP host's ``build`` starts from: what the bank issued, the partner's
private key, the shared HTTP client."""

from __future__ import annotations

from services.hosts.host import Wiring
from services.hosts.snap.client import SnapClient, SnapCredentials

# what every SNAP host needs issued before it is "configured" (the key pair is checked apart):
# its address, and the headers every SNAP request carries (X-CLIENT-KEY, X-PARTNER-ID,
# CHANNEL-ID: "Mandatory" in doku-snap-bni-va-create.txt L31-33) with the secret to sign for a token
REQUIRED = ("base_url", "client_key", "client_secret", "partner_id", "channel_id")


def snap_client(wiring: Wiring, host: str) -> SnapClient:
    issued = wiring.issued
    credentials = SnapCredentials(issued["client_key"], issued["client_secret"], issued["partner_id"],
                                  issued["channel_id"], issued["token_path"])
    assert wiring.keys is not None, "a SNAP host is built with its partner keys"
    return SnapClient.build(wiring.http, wiring.base_url, host, credentials, wiring.keys.private_key(),
                            clock=wiring.clock, deadline=wiring.deadline, bank_time=wiring.bank_time)
