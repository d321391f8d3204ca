"""Status checks of hosts other than the Switcher, for the suspect work-list
(``services.resolution``): the resolver asks, this module translates the host's answer.

BCA: the SNAP Transfer Status Inquiry (service 36, ``BcaClient.transfer_status``) for both
kinds of transfer Loket sends, named by the original service code (17 intrabank, 18
interbank). "00" is SUCCESS; 04 refunded, 05 cancelled, 06 failed are FAILED (04 with
``refunded``: the money went out and came back, said so in the journal and to the agent); 07 "not
found" (and the 404 36 01 refusal) is FAILED with ``not_found``, so the resolver waits out
its grace period first; 01 initiated, 02 paying, 03 pending settle nothing yet (the next
run asks again).

The other hosts of the seeds: DOKU's document covers creating a VA only (no status call;
a VA creation moves no money, and a SUSPECT one is settled by hand); Bank+ and BNI
Keagenan print no status or advice call, so their SUSPECT rows are settled by hand.

BCA's own "Cek status" screen (``BcaService.transfer_status``) asks with ``ask_bca`` too and
settles through the resolver (``SuspectResolver.settle_answer``): one reading of BCA's
answer, one set of rules for settling on it.
"""

from __future__ import annotations

from services.errors import LoketError
from services.hosts.bca.client import BcaClient, TransferStatus
from services.hosts.snap.codes import SERVICE_TRANSFER_INTERBANK, SERVICE_TRANSFER_INTRABANK, TransactionNotFound
from services.journal import Journal, JournalRow, State
from services.money import format_rupiah
from services.resolution import StatusAnswer, SuspectResolver

BCA_HOST = "bca"
NOT_FOUND = "07"  # latestTransactionStatus "Not found"
# journal product -> the SNAP service code of the original transfer
BCA_TRANSFER_SERVICES = {
    "bca_transfer_intrabank": SERVICE_TRANSFER_INTRABANK,
    "bca_transfer_interbank": SERVICE_TRANSFER_INTERBANK,
}


class StillPending(LoketError):
    """The host has the transaction but has not finished it: ask again later."""


def ask_bca(client: BcaClient, journal: Journal, row: JournalRow) -> tuple[TransferStatus, dict]:
    """BCA's Transfer Status Inquiry about ``row``'s own partnerReferenceNo, named by the
    original transfer's service code. BCA's "not found" refusal (404 36 01) reads as status
    07 with BCA's words; any other failure propagates (the row stays as it is)."""
    service_code = BCA_TRANSFER_SERVICES.get(row.product)
    if service_code is None:
        raise LoketError(f"BCA {row.product}: tidak ada cek status untuk jenis ini.")
    try:
        return client.transfer_status(
            reference=row.reference, transaction_date=str((row.request or {}).get("transactionDate", "")),
            reference_no=row.host_ref or "", external_id=journal.next_reference(), service_code=service_code,
            sent=row.request)
    except TransactionNotFound as exc:
        return TransferStatus(row.reference, row.host_ref or "", NOT_FOUND, exc.host_message or "Transaction Not "
                              "Found", None), {}


def status_answer(row: JournalRow, status: TransferStatus, answer: dict) -> StatusAnswer | None:
    """What BCA's status says for the resolver; None while BCA is still processing it."""
    detail = f"BCA {status.status} {status.description}".strip()
    if status.succeeded:
        return StatusAnswer(State.SUCCESS, host_ref=status.reference_no or row.host_ref or "",
                            response=answer, detail=detail, reference=status.reference)
    if status.refunded:
        # Booked, then sent back: FAILED (the money is back), in words that say so. What the
        # answer gives is said: the amount where stated, the account it went back to; it
        # names no refund time, so the journal event's own time is when BCA reported it.
        source = str(answer.get("sourceAccountNo") or (row.request or {}).get("sourceAccountNo") or "").strip()
        back = f"dana {format_rupiah(status.amount)}" if status.amount is not None else "dana transfer"
        where = f" rekening {source}" if source else " rekening sumber"
        return StatusAnswer(State.FAILED, response=answer or None, refunded=True, reference=status.reference,
                            code=status.status, detail=f"{detail}: {back} dikembalikan BCA ke{where}")
    if status.failed:
        return StatusAnswer(State.FAILED, response=answer or None, detail=detail,
                            not_found=status.status == NOT_FOUND, reference=status.reference, code=status.status)
    return None


def bca_transfer_checker(client: BcaClient, journal: Journal):
    """The resolver's checker for BCA rows."""

    def check(row: JournalRow) -> StatusAnswer:
        status, answer = ask_bca(client, journal, row)
        heard = status_answer(row, status, answer)
        if heard is None:
            raise StillPending(f"transaksi masih diproses bank (BCA {status.status} {status.description})")
        return heard

    return check


def register_bca(resolver: SuspectResolver, client: BcaClient, journal: Journal) -> None:
    resolver.register(BCA_HOST, bca_transfer_checker(client, journal), rechecks_success=True)
