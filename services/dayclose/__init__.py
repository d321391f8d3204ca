"""End of day: Buka Shift, cash movements, the supervisor PIN, Tutup Hari and its seal.

Public API (what the UI and the CLI use; all Qt-free, all blocking on the disk, so the UI
calls them through its worker like any service call):

``DayCloseService(journal, *, clock=None, agent=Agent(), sandbox=True, bank_balance=None)``
    keeps its tables in the journal's file and reads and writes them only through the
    journal (``Journal.execute``, ``Journal.transaction``); a seal moves the journal's
    ``sealed_through`` mark in the same commit.

    ``.business_day()`` / ``.business_day_of(moment)``  today's business date (the journal's)
    ``.check_clock()``  raises ``services.bank_time.ClockWrong`` while the hosts' clock puts the
                      PC on another business day (Buka Shift and Tutup Hari call it first)
    ``.shifts``       ``Shifts``: ``open(float, operator)``, ``current()``, ``shift_for(date)``,
                      ``record(kind, amount, reason, operator)``,
                      ``correct(amount, reason, operator, pin=)``, ``movements(date)``
    ``.handovers``    ``Handovers`` (Serah Terima Kas, ``services.dayclose.handover``):
                      ``holder(date)``, ``pending_for(operator)``, ``require_drawer(host, product,
                      operator)`` (the payment runner's check), ``begin(operator)`` ->
                      ``HandoverFlow`` (blind count, ``confirm(note, pin=)``), ``records(date)``
    ``.supervisors``  ``Supervisors``: ``set_pin(name, pin, current_pin=)``, ``approve(pin,
                      reason, action, subject=)``, ``approver(action)`` (a check for a
                      service: the Switcher reversal), ``approvals(date)``, ``has_supervisor()``
    ``.x_report(date=None, operator=, with_balance=False)``  Laporan X (closes nothing)
    ``.begin_close(operator, date=None)`` -> ``DayCloseFlow`` (the Tutup Hari state machine; a
                      count that differs from the expected cash seals only with a supervisor's
                      PIN, ``confirm(note, pin=)``, bound to that count's figures)
    ``.z_report(date)`` / ``.z_report_by_number(n)`` -> (Report, hash) from the stored snapshot
    ``.report(date)``  Z when sealed, else X
    ``.render(date, "pdf"|"csv"|"thermal", actor=, pin=None, reason="", columns=32)``
    ``.export(date, "pdf"|"csv", out_dir, actor=, pin=None, reason="")`` -> Path
    ``.reopen(date, pin=, reason=)``, ``.is_sealed(date)``, ``.closed_days()``

``render_handover_slip(record, agent=, sandbox=, columns=32)`` -> ``Printout``
    the slip of a drawer handover, both agents named, with places to sign.

``render_slip(movement, business_date=, at=, agent=, sandbox=, columns=32)`` -> ``Printout``
    the slip printed for a cash movement.
"""

from services.dayclose.close import DayCloseService
from services.dayclose.errors import (
    BlindCount,
    DayAlreadyClosed,
    DayChanged,
    DayCloseError,
    DayNotClosed,
    EarlierDayOpen,
    NeedsApproval,
    NeedsReprintApproval,
    NeedsVarianceApproval,
    ReportTampered,
    WrongStep,
)
from services.dayclose.flow import DayCloseFlow, Step
from services.dayclose.handover import (
    DrawerNotHeld,
    HandoverFlow,
    HandoverNeeded,
    HandoverRecord,
    Handovers,
    NeedsHandoverApproval,
    NoHandoverNeeded,
    handover_number,
    render_handover_slip,
)
from services.dayclose.shift import KINDS, Shift, ShiftAlreadyOpen, ShiftNotOpen, Shifts, render_slip, slip_number
from services.dayclose.supervisor import (
    ACTION_LABELS,
    CASH_CORRECTION,
    CASH_VARIANCE,
    CLOSE_WITH_OPEN_ITEMS,
    HANDOVER_VARIANCE,
    REOPEN_DAY,
    REPRINT_AFTER_CLOSE,
    Approval,
    InvalidSupervisorPin,
    NoSupervisor,
    Supervisors,
)

__all__ = [
    "ACTION_LABELS", "Approval", "BlindCount", "CASH_CORRECTION", "CASH_VARIANCE", "CLOSE_WITH_OPEN_ITEMS",
    "DayAlreadyClosed", "DayChanged", "DayCloseError", "DayCloseFlow", "DayCloseService", "DayNotClosed",
    "DrawerNotHeld", "EarlierDayOpen", "HANDOVER_VARIANCE", "HandoverFlow", "HandoverNeeded", "HandoverRecord",
    "Handovers",
    "InvalidSupervisorPin", "KINDS", "NeedsApproval", "NeedsHandoverApproval", "NeedsReprintApproval",
    "NeedsVarianceApproval", "NoHandoverNeeded", "NoSupervisor", "REOPEN_DAY", "REPRINT_AFTER_CLOSE",
    "ReportTampered", "Shift", "ShiftAlreadyOpen", "ShiftNotOpen", "Shifts", "Step", "Supervisors", "WrongStep",
    "handover_number", "render_handover_slip", "render_slip", "slip_number",
]
