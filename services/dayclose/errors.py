"""What refuses a day-close step: each says, in the agent's words, what to do instead, in the
agent's language (marked for translation) and with dates as the screens write them."""

from __future__ import annotations

from services.errors import LoketError
from services.i18n import QT_TRANSLATE_NOOP, templated


def day_text(business_date: str) -> str:
    """``2026-12-05`` -> ``05/12/2026``: a business day as every screen writes a date (the
    messages below reach the agent; the ISO form is the journal's). Anything else is returned
    as it came (the office report shows a Laporan Z's late rows' days as the counter wrote them):
    a date that cannot be written so is never an error inside a message or a report."""
    year, _, rest = business_date.partition("-")
    month, _, day = rest.partition("-")
    if (len(year), len(month), len(day)) == (4, 2, 2) and (year + month + day).isdigit():
        return f"{day}/{month}/{year}"
    return business_date


class DayCloseError(LoketError):
    """What the day close refuses, in the agent's words."""


class DayAlreadyClosed(DayCloseError):
    def __init__(self, business_date: str, number: int) -> None:
        self.business_date, self.number = business_date, number
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "Hari {day} sudah ditutup (Laporan Z No. {number}). "
                                                               "Buka kembali hanya dengan persetujuan supervisor."),
                                   day=day_text(business_date), number=f"{number:04d}"))


class DayNotClosed(DayCloseError):
    def __init__(self, business_date: str) -> None:
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "Hari {day} belum ditutup."),
                                   day=day_text(business_date)))


class EarlierDayOpen(DayCloseError):
    def __init__(self, earlier: str) -> None:
        self.earlier = earlier
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "Hari {day} belum ditutup. Tutup hari itu lebih dulu."),
                                   day=day_text(earlier)))


class BlindCount(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Hitung kas di laci dan masukkan jumlahnya dulu; angka seharusnya "
                                                  "ditampilkan sesudahnya.")


class WrongStep(DayCloseError):
    """A flow method called out of order: a bug in the caller, never shown to an agent."""


class NeedsApproval(DayCloseError):
    default_message = (QT_TRANSLATE_NOOP("errors", "Masih ada transaksi menggantung. Selesaikan dulu, atau minta "
                       "supervisor menyetujui penutupan dengan PIN dan alasan."))


class NeedsVarianceApproval(DayCloseError):
    """A count that differs from the expected cash, and no supervisor's approval of that very
    count (its figures and the agent's note) to seal it with."""
    default_message = QT_TRANSLATE_NOOP("errors", "Ada selisih kas. Hari ditutup hanya dengan persetujuan "
                                                  "supervisor untuk selisih ini (PIN supervisor).")


class DayChanged(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Transaksi berubah sejak kas dihitung. Hitung ulang kas di laci.")


class ReportTampered(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Laporan Z tersimpan tidak cocok dengan hash-nya. Hubungi "
                                                  "helpdesk; jangan dipakai.")


class NeedsReprintApproval(DayCloseError):
    default_message = QT_TRANSLATE_NOOP("errors", "Laporan ini sudah pernah dicetak/diekspor. Cetak ulang perlu PIN "
                                                  "supervisor dan alasan.")
