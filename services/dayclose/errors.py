"""What refuses a day-close step: each says, in the agent's words, what to do instead."""

from __future__ import annotations

from services.errors import LoketError
from services.i18n import QT_TRANSLATE_NOOP


class DayCloseError(LoketError):
    """What the day close refuses, in the agent's words."""


class DayAlreadyClosed(DayCloseError):
    def __init__(self, business_date: str, number: int) -> None:
        self.business_date, self.number = business_date, number
        super().__init__(f"Hari {business_date} sudah ditutup (Laporan Z No. {number:04d}). "
                         "Buka kembali hanya dengan persetujuan supervisor.")


class DayNotClosed(DayCloseError):
    def __init__(self, business_date: str) -> None:
        super().__init__(f"Hari {business_date} belum ditutup.")


class EarlierDayOpen(DayCloseError):
    def __init__(self, earlier: str) -> None:
        self.earlier = earlier
        super().__init__(f"Hari {earlier} belum ditutup. Tutup hari itu lebih dulu.")


class BlindCount(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Hitung kas di laci dan masukkan jumlahnya dulu; angka seharusnya "
                                                  "ditampilkan sesudahnya.")


class WrongStep(DayCloseError):
    """A flow method called out of order: a bug in the caller, never shown to an agent."""


class NeedsApproval(DayCloseError):
    default_message = (QT_TRANSLATE_NOOP("errors", "Masih ada transaksi menggantung. Selesaikan dulu, atau minta "
                       "supervisor menyetujui penutupan dengan PIN dan alasan."))


class DayChanged(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Transaksi berubah sejak kas dihitung. Hitung ulang kas di laci.")


class ReportTampered(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Laporan Z tersimpan tidak cocok dengan hash-nya. Hubungi "
                                                  "helpdesk; jangan dipakai.")


class NeedsReprintApproval(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Laporan ini sudah pernah dicetak/diekspor. Cetak ulang perlu PIN "
                                                  "supervisor dan alasan.")
