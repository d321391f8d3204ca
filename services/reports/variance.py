"""The drawer's variance said in words, and the unsettled payments that may explain it.

"Selisih Rp 65.000" leaves the agent and the supervisor to guess which way the drawer is
off. Every output of the count (the Tutup Hari screen, the thermal summary, the PDF) says
"Kas lebih Rp 65.000" or "Kas kurang Rp 15.000" and lists, by reference and amount, the
payments still unsettled whose cash the agent took: outside the day's own cash
(``services.reports.cash``), that cash is in the drawer until they settle, so it is in what
the drawer should hold (``Cash.should_hold``), and a drawer short by one of them is missing
that customer's cash. (A Laporan Z sealed before that rule lists them beside its variance,
which they explain when it is over.)
"""

from __future__ import annotations

from services.money import format_rupiah
from services.reports import cash as cash_rules
from services.reports.model import Listed, Report

EVEN, OVER, SHORT = "Kas pas", "Kas lebih", "Kas kurang"


def variance_words(variance: int) -> tuple[str, str]:
    """("Kas lebih", "Rp 65.000"): the direction as the label, the size as the amount."""
    word = EVEN if variance == 0 else OVER if variance > 0 else SHORT
    return word, format_rupiah(abs(variance))


def unsettled(report: Report) -> tuple[Listed, ...]:
    """The open rows (NEW, SENT, SUSPECT) whose cash is in the drawer but not in the day's own cash."""
    return cash_rules.held(report.open)
