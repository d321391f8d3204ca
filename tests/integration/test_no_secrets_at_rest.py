"""Nothing typed in secret is left in the profile: after a session of transactions (login,
cash deposit and customer balance with PINs, a PLN bill paid with the PIN, receipts), the
host settings saved with new secrets and a quick PIN set, every file under the profile
folder — settings.json, journal.db and its -wal, logs, receipts, the quick PIN — is read
as bytes and none of the PINs, passwords or secrets appears in it, in UTF-8 or UTF-16.

The secrets themselves are stored encrypted (the encrypted-file backend is forced so the
test sees them on disk: ``secrets.bin`` holds them as Fernet ciphertext, which must not
contain the plain bytes either), and they can be read back through the SecretStore."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from datetime import datetime

from app.context import build_context
from services.clock import WIB, FixedClock
from services.host_settings import HostSettings
from services.hosts.keagenan.service import BillPayFlow
from services.profile import Profile
from services.quick_pin import QuickPin
from services.secrets import SecretStore

AGENT_PIN = "359569"  # the agent's transaction PIN (and customer 4447's PIN in the sandbox)
PASSWORD = "T6jkl4ss"
QUICK_PIN = "246802"
SECRETS = {
    "keagenan.x_auth_password": "S3cret-XAuth-Pass-77",
    "keagenan.client_secret": "client-secret-QQ99",
    "doku.client_secret": "doku-Secret-Zz41",
    "bca.client_secret": "bca-Secret-Kk58",
}
NEVER = (AGENT_PIN, PASSWORD, QUICK_PIN, *SECRETS.values())


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le")]


def leaks(folder) -> list[tuple[str, str]]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for secret in NEVER:
            if any(form in data for form in encodings(secret)):
                found.append((str(path.relative_to(folder)), secret))
    return found


def test_no_pin_password_or_secret_at_rest(tmp_path, monkeypatch):
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: None)  # secrets on disk, encrypted
    profile = Profile(tmp_path / "profile")
    # a fixed time whose references cannot spell a PIN by chance
    context = build_context(profile, clock=FixedClock(datetime(2026, 11, 21, 10, 2, 3, tzinfo=WIB)))
    handler = logging.handlers.RotatingFileHandler(profile.logs_dir / "loket.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # Everything any module would log, at the most talkative level: httpx too, which the
    # app's own logging setup (run by other tests in this process) keeps at WARNING.
    quieted = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in quieted:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        session = context.banking.login("BNIUS100294", PASSWORD)
        assert session.username == "BNIUS100294"
        context.dayclose.shifts.open(0, session.username)
        info = context.banking.check_account("14047")
        deposit = context.banking.deposit(account="14047", name=info.account_name, amount="250000",
                                          narration="Setor tunai", pin=AGENT_PIN)
        balance = context.banking.customer_balance("4447", AGENT_PIN)
        flow = BillPayFlow(context.billpay, "pln_postpaid")
        flow.prepare({"customerId": "53111"}, AGENT_PIN)
        paid = flow.pay(AGENT_PIN)
        for reference in (deposit.row.reference, paid.row.reference):
            printed = threading.Event()
            context.receipts.issue(reference, on_done=lambda _outcome, printed=printed: printed.set())
            assert printed.wait(20)
            # a PDF's text may be compressed on disk: read what the receipt says as well
            assert not any(secret in context.receipts.preview_text(reference) for secret in NEVER)

        hosts = HostSettings(profile, context.secrets)
        values = hosts.load().values
        values["keagenan"].update(base_url="https://keagenan.example.co.id", dealer_id="2114534465611173",
                                  x_auth_user="LOKETMITRA", client_id="loket-live", agent_code="BNI014100294")
        hosts.save("sandbox", values, SECRETS)
        QuickPin(profile.folder, secrets_store=context.secrets).set(QUICK_PIN, QUICK_PIN)
        view = hosts.load()
        assert all(view.stored[name] for name in SECRETS)
        assert "S3cret" not in repr(view)  # the screen is never handed a stored secret

        assert leaks(profile.folder) == []  # while the journal is open (its -wal holds the newest rows)
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)
        for name, level in quieted.items():
            logging.getLogger(name).setLevel(level)
        context.close()

    assert leaks(profile.folder) == []
    files = {p.name for p in profile.folder.rglob("*") if p.is_file()}
    assert {"settings.json", "journal.db", "loket.log", "secrets.bin", "quick_pin.json"} <= files
    assert any(p.suffix == ".pdf" for p in profile.receipts_for(sandbox=True).iterdir())
    assert (profile.logs_dir / "loket.log").stat().st_size > 0
    assert balance.row.state.name == "SUCCESS" and paid.row.state.name == "SUCCESS"
    store = SecretStore(profile.folder, use_keyring=False)
    assert {name: store.get(name) for name in SECRETS} == SECRETS  # kept, encrypted, readable
