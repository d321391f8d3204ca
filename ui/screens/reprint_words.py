"""What Riwayat says when a print has left the printer queue (``HistoryScreen``): mostly a
reprint, or the original of a success whose receipt never went out.

The printer's own error is written for the first print of a successful transaction ("…
Transaksi tetap BERHASIL, jangan diulang. Struk disimpan sebagai PDF: <path>. Cetak ulang
dari Riwayat Transaksi."). Riwayat used to show it whole, after its own "Struk gagal
dicetak:" and before its own PDF sentence: the PDF was named twice, after "..", the agent in
Riwayat was sent to Riwayat, and a reprint of a BELUM PASTI or GAGAL transaction was called
BERHASIL, words an agent may repeat to the customer across the counter. So a failed reprint
says only the printer's reason, where the PDF went, and what the transaction's status is
(the journal row's, which printing never changes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.journal import State
from ui.errors import localized_message
from ui.i18n import translate

if TYPE_CHECKING:
    from services.receipts.worker import PrintResult

def _status(state: State | None) -> str:
    if state is State.SUCCESS:
        return translate("reprint_words", "Transaksi tetap BERHASIL, jangan diulang.")
    if state is State.SUSPECT or state is State.SENT:
        return translate("reprint_words", "Status transaksi tetap BELUM PASTI: jangan diulang dan jangan "
                                          "kembalikan uang sebelum statusnya pasti.")
    if state is State.FAILED:
        return translate("reprint_words", "Transaksi ini GAGAL; struk tidak mengubahnya.")
    return ""


def reprint_message(result: "PrintResult", state: State | None, *, copy: bool = True) -> tuple[str, str]:
    """(banner kind, text) for a print's answer; ``state``: the printed row's state; ``copy``:
    a numbered copy ("cetak ulang"), else the receipt's original, printed late."""
    if result.ok:
        if result.printed:
            if copy:
                return "success", translate("reprint_words", "Struk cetak ulang sudah tercetak.")
            return "success", translate("reprint_words", "Struk sudah tercetak. Serahkan kepada nasabah.")
        name = result.pdf_path.name if result.pdf_path else ""
        saved = (translate("reprint_words", "Struk cetak ulang tersimpan sebagai PDF {pdf_name} di folder struk "
                                            "(lihat Pengaturan > Printer).") if copy else
                 translate("reprint_words", "Struk tersimpan sebagai PDF {pdf_name} di folder struk (lihat "
                                            "Pengaturan > Printer)."))
        return "success", saved.format(pdf_name=name)
    reason = localized_message(result.error.reason) if result.error is not None else ""
    failed = (translate("reprint_words", "Struk cetak ulang gagal dicetak: {reason}") if copy else
              translate("reprint_words", "Struk gagal dicetak: {reason}"))
    parts = [failed.format(reason=reason)]
    if result.pdf_path is not None:
        parts.append(translate("reprint_words", "Struk disimpan sebagai PDF {pdf_name} di folder struk.").format(
            pdf_name=result.pdf_path.name))
    parts.append(_status(state))
    return "error", " ".join(part for part in parts if part)
