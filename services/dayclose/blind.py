"""The blind count, kept on every way a Laporan X leaves Loket.

Until Tutup Hari's count of the day is recorded, the drawer's expected cash is on no
output: not the screen, not a PDF or CSV export (``python -m app report`` included), not the
thermal print. A count made to match a figure the agent has already seen proves nothing.
The day's drawer handovers (``services.dayclose.handover``) go with the cash section: each
names what the drawer should have held then, from which the expected cash now is a subtraction
away. The one exception is a supervisor's deliberate export: with the supervisor PIN and a reason
it includes the expected cash, and it is recorded like every approval (action
``show_expected_cash``, the approvals list of the day's reports, the PDF and the CSV of this
very export).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from services.dayclose.supervisor import ACTION_LABELS, SHOW_EXPECTED_CASH
from services.reports import ApprovalLine, Report

if TYPE_CHECKING:
    from services.dayclose.supervisor import Supervisors


def counted_only(report: Report) -> Report:
    """``report`` without its cash section (nor the handovers' figures) before the day's first
    count: what a screen (Laporan X, Beranda's day) may show without a supervisor."""
    if report.cash is None or report.cash.counts > 0:
        return report
    return replace(report, cash=None, handovers=())


def keep_blind(report: Report, supervisors: "Supervisors", fmt: str, *, pin: str | None, reason: str) -> Report:
    """``report`` (a Laporan X) as it may leave Loket: without its cash section before the
    day's first count, unless ``pin`` approves showing it (raises on a wrong PIN)."""
    if report.cash is None or report.cash.counts > 0:
        return report
    if pin is None:
        return counted_only(report)
    approval = supervisors.approve(pin, reason, SHOW_EXPECTED_CASH, subject=f"Laporan X {fmt}",
                                   business_date=report.business_date)
    line = ApprovalLine(approval.approver, ACTION_LABELS[SHOW_EXPECTED_CASH], approval.reason, approval.at,
                        approval.subject)
    return replace(report, approvals=report.approvals + (line,))
