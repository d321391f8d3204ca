"""The receipt model: everything a receipt says, taken from one journal row.

A ``Receipt`` holds text and integer rupiah only; how it is laid out is the renderers'
business (``blocks`` describes its order once for all of them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from services.formats import format_moment
from services.journal import JournalRow, State
from services.receipts.products import ProductReceipt, money_returned, product_lines, product_receipt, same_label
from services.sender import receipt_lines as sender_lines

DEFAULT_FOOTER = "Terima kasih.\nSimpan struk ini sebagai\nbukti transaksi yang sah."

# What the customer reads as the outcome. A receipt is printed for any state (support
# reprints a SUSPECT one to chase it); it never claims more than the journal knows.
STATUS_TEXT = {
    State.SUCCESS: "BERHASIL",
    State.FAILED: "GAGAL",
    State.SUSPECT: "DALAM PROSES",
    State.REVERSED: "DIBATALKAN",
    State.NEW: "BELUM TERKIRIM",
    State.SENT: "DALAM PROSES",
}
ISSUED_TEXT = "DIBUAT, BELUM DIBAYAR"  # a created VA: the customer pays it at the bank
# Under the title of a receipt whose transaction did not succeed, in large letters: the title
# and a bold TOTAL are what a customer reads first, and the status line and footer at the
# bottom were all that told an uncertain or failed payment's paper from a paid one's.
NOT_PROOF_MARK = "BUKAN BUKTI BAYAR"

# The footer of a receipt whose transaction did not succeed, in place of the configured one:
# that one is written for a completed payment ("Simpan struk ini sebagai bukti transaksi yang
# sah", the default), and a reprint of an uncertain payment must not be the customer's proof
# that it was paid. What the customer keeps it for instead.
# Lines of at most 32 characters: one line each on 58 mm paper.
_UNCERTAIN = "Status transaksi BELUM PASTI.\nStruk ini BUKAN bukti bayar.\nTanyakan status dengan No. Ref."
NOT_PROOF_FOOTER = {
    State.SUSPECT: _UNCERTAIN,
    State.SENT: _UNCERTAIN,
    State.NEW: "Belum terkirim ke bank.\nStruk ini BUKAN bukti bayar.",
    State.FAILED: "Transaksi GAGAL.\nStruk ini BUKAN bukti bayar.",
    State.REVERSED: "Transaksi DIBATALKAN.\nStruk ini BUKAN bukti bayar.",
}
# A FAILED transfer the bank sent back (``products.Returned``): the money went out and came
# back, which "never moved" would misstate to the customer and to the agent's statement.
RETURNED_TEXT = "GAGAL, DANA KEMBALI"
RETURNED_MARK = "DANA DIKEMBALIKAN BANK"
RETURNED_FOOTER = "Transaksi GAGAL. Dana sudah\nDIKEMBALIKAN bank ke rek. agen.\nStruk ini BUKAN bukti bayar."
# A created VA's: the configured footer says "keep this as proof of the transaction", and the
# customer has paid nothing yet.
ISSUED_FOOTER = "Tagihan ini BELUM DIBAYAR.\nBayar sebelum batas waktunya.\nStruk ini BUKAN bukti bayar."


@dataclass(frozen=True)
class Agent:
    name: str = ""
    code: str = ""
    address: str = ""


@dataclass(frozen=True)
class Receipt:
    reference: str
    host: str
    product: str
    title: str
    agent: Agent
    when: str  # "21/11/2026 14:05 WIB"
    state: State
    status: str
    references: tuple[tuple[str, str], ...]  # our reference, the host's journal numbers
    details: tuple[tuple[str, str], ...]  # customer fields, then the product's own lines
    amounts: tuple[tuple[str, int], ...]  # amount, the bank's fee, the counter's fee (if any)
    total: int | None  # None when the product moves no money
    footer: tuple[str, ...]
    total_label: str = "TOTAL"
    sandbox: bool = False
    reprint: int = 0  # 0 for the first print, n for "CETAK ULANG ke-n"
    # Under the title, large: what a receipt of a transaction that did not succeed is
    # ("TRANSAKSI DALAM PROSES", NOT_PROOF_MARK); empty for a success.
    warning: tuple[str, ...] = ()
    # Rendered from the journal outside the counter (``python -m app receipt``): not a print
    # and not counted, so it says on its face that it is a copy (COPY_MARK), never passing
    # for the original the customer was handed.
    copy: bool = False


COPY_MARK = "SALINAN DARI JURNAL"


def agent_for(row: JournalRow, settings_agent: dict[str, Any] | None = None) -> Agent:
    """Who served the customer: the profile's ``agent`` setting, else the host's answer.

    Bank+ answers carry ``agent: {kode_agen, nama, alamat}``; a profile may override it
    (a mitra that prints its shop name). Missing everywhere gives blanks, never a guess.
    """
    if settings_agent:
        return Agent(
            name=str(settings_agent.get("name", "")),
            code=str(settings_agent.get("code", "")),
            address=str(settings_agent.get("address", "")),
        )
    answer = (row.response or {}).get("agent")
    if isinstance(answer, dict):
        return Agent(
            name=str(answer.get("nama", "")),
            code=str(answer.get("kode_agen", "")),
            # Bank+ writes region codes into the address ("Kab_Sidoarjo"); paper shows words.
            address=str(answer.get("alamat", "")).replace("_", " "),
        )
    return Agent()


def _printed_reference(row: JournalRow, spec: ProductReceipt,
                       lines: list[tuple[str, str]]) -> tuple[str, str, set[str]]:
    """The customer reference as the receipt prints it: (its label, its value, every form of
    it the product lines may repeat)."""
    ref = spec.ref_text(row.customer_ref)
    # as kept and as printed: a card number's line repeats the masked reference above it
    refs = {row.customer_ref, ref}
    # A product line repeating a customer field names it in the product's own words ("No. VA",
    # "Kode bayar", "Penumpang"), where the generic "No. Pelanggan" reads as another number.
    ref_label = next((label for label, value in lines if value in refs), spec.customer_ref_label)
    # The host's answer under the reference's own name (PLN's ID pelanggan, answered longer than
    # typed; "No. polis" beside the typed "Nomor polis") is what was paid: it stands in the
    # reference's place, never as a second number under the same name.
    answered = next((value for label, value in lines if same_label(label, ref_label) and value not in refs),
                    None)
    if answered is not None:
        ref, refs = answered, refs | {answered}
    return ref_label, ref, refs


def printed_reference(row: JournalRow) -> str:
    """The customer reference as the row's receipt prints it (PLN's 5311112 answered to a
    typed 53111; a NIK masked): what a list beside the customer's paper shows."""
    return _printed_reference(row, product_receipt(row.host, row.product), product_lines(row))[1]


def receipt_details(row: JournalRow) -> list[tuple[str, str]]:
    """What a transaction's receipt says about it above the amounts: the customer, the
    product's own lines (``products.product_lines``), then the sender the counter recorded
    (a transfer's), from the journal row alone.

    The one answer to "what does the customer see": the printed receipt, a reprint, the PDF,
    ``python -m app receipt`` and the result screen all show these lines.
    """
    spec = product_receipt(row.host, row.product)
    lines = product_lines(row)
    ref_label, ref, refs = _printed_reference(row, spec, lines)
    # A product line repeating the customer's name names it in the product's own words; the
    # field is printed once, first.
    name_label = next((label for label, value in lines if value == row.customer_name), spec.customer_name_label)
    # The bank's own reference is printed above as "Ref. Bank" (the screens show it apart too):
    # the Switcher's "No. Jurnal", Bank+'s "ID Transaksi" or BCA's "No. Ref. BCA" saying it again
    # would read as a second number to check.
    shown = refs | {row.customer_name} | ({row.host_ref} if row.host_ref else set())
    details = [
        (ref_label, ref),
        (name_label, row.customer_name),
        # A product line repeating a customer field (an account number the answer echoes) or the
        # bank's reference is dropped.
        *[(label, value) for label, value in lines if value not in shown],
        *sender_lines(row.declared),
    ]
    return [(label, value) for label, value in details if value]


def build_receipt(
    row: JournalRow,
    *,
    agent: Agent,
    sandbox: bool,
    reprint: int = 0,
    footer: str = DEFAULT_FOOTER,
    copy: bool = False,
) -> Receipt:
    spec = product_receipt(row.host, row.product)
    references = [("No. Ref", row.reference), ("Ref. Bank", row.host_ref)]
    # The final fee and total: what the host confirmed (a fee first named in the payment's
    # answer) is what the customer paid, whatever the row asked before sending. The
    # counter's own fee is printed apart from the bank's admin fee, and the total is all
    # the customer handed over.
    # Imported here: ``services.reports`` imports this module (the agent header).
    from services.reports.cash import issues_document

    status = STATUS_TEXT[row.state]
    footer = NOT_PROOF_FOOTER.get(row.state, footer)
    warning: tuple[str, ...] = () if row.state is State.SUCCESS else (f"TRANSAKSI {status}", NOT_PROOF_MARK)
    if money_returned(row) is not None:
        status, footer = RETURNED_TEXT, RETURNED_FOOTER
        warning = (f"TRANSAKSI {STATUS_TEXT[row.state]}", RETURNED_MARK, NOT_PROOF_MARK)
    amounts: tuple[tuple[str, int], ...]
    total: int | None
    if issues_document(row.host, row.product):
        # A created VA is a bill the customer pays later, elsewhere: its amount, no fee,
        # no total taken at the counter.
        amounts, total = ((spec.amount_label, row.amount),) if row.amount else (), None
        if row.state is State.SUCCESS:
            status, footer = ISSUED_TEXT, ISSUED_FOOTER
    elif spec.shows_amount:
        amounts = ((spec.amount_label, row.amount), ("Biaya Admin", row.fee_final),
                   *((("Biaya Loket", row.counter_fee),) if row.counter_fee else ()))
        total = row.collected
    else:
        amounts, total = (("Biaya Admin", row.fee_final),), None
    return Receipt(
        reference=row.reference,
        host=row.host,
        product=row.product,
        title=spec.title,
        agent=agent,
        when=format_moment(row.created_at),
        state=row.state,
        status=status,
        references=tuple((label, value) for label, value in references if value),
        details=tuple(receipt_details(row)),
        amounts=amounts,
        total=total,
        total_label=spec.total_label,
        footer=tuple(line for line in footer.splitlines() if line.strip()),
        sandbox=sandbox,
        reprint=reprint,
        warning=warning,
        copy=copy,
    )
