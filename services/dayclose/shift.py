"""Buka Shift and the cash movements of the day, each with a printed slip.

Decision: one shift per business day. A kiosk has one drawer; the shift opens the day
with the opening float (modal awal) and the day close ends it. Several agents may work that
one drawer in a day, one at a time: it passes between them by Serah Terima Kas
(``services.dayclose.handover``), counted by the incoming agent. Cash movements need an
open shift on the current business day, carry a reason, and are signed by what they do
to the drawer:

==================  ===========================  =====
kind                label                        sign
==================  ===========================  =====
``bank_deposit``    Setor ke Bank                 -
``pay_in``          Tambah Kas (pay-in)           +
``pay_out``         Pengeluaran Kas (pay-out)     -
``cash_drop``       Cash Drop ke Brankas          -
``correction``      Koreksi Kas (supervisor)      +/-
==================  ===========================  =====

A correction is the only signed entry and needs a supervisor PIN. Nothing here is ever
edited: a wrong movement is put right by a correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from services.clock import Clock, format_business_date, format_wib, iso
from services.dayclose.supervisor import CASH_CORRECTION, Supervisors
from services.errors import LoketError, ShiftNotOpen, UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import Journal
from services.money import MoneyError, format_rupiah, parse_rupiah
from services.receipts.layout import SANDBOX_MARK, Center, Gap, Pair, Rule
from services.reports import cash as cash_rules
from services.reports.model import Agent, Movement
from services.reports.thermal import Printout, render_blocks

# The labels are Indonesian on the slip and the reports; a screen shows them translated
# (context "movements").
KINDS: dict[str, tuple[str, int]] = {
    "bank_deposit": (QT_TRANSLATE_NOOP("movements", "Setor ke Bank"), -1),
    "pay_in": (QT_TRANSLATE_NOOP("movements", "Tambah Kas (Pay-in)"), +1),
    "pay_out": (QT_TRANSLATE_NOOP("movements", "Pengeluaran Kas (Pay-out)"), -1),
    "cash_drop": (QT_TRANSLATE_NOOP("movements", "Cash Drop ke Brankas"), -1),
    "correction": (QT_TRANSLATE_NOOP("movements", "Koreksi Kas"), 0),  # signed by the caller, supervisor-approved
}
MAX_CASH = 1_000_000_000  # no drawer holds a billion rupiah: a typo guard


class ShiftAlreadyOpen(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors", "Shift hari ini sudah dibuka.")


@dataclass(frozen=True)
class Shift:
    id: int
    business_date: str
    operator: str
    opening_float: int
    opened_at: str


def rupiah(field: str, value: int | str, label: str, *, allow_zero: bool = False, signed: bool = False) -> int:
    if isinstance(value, str) and not value.strip():
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} wajib diisi."), label=label))
    try:
        amount = parse_rupiah(value)
    except MoneyError:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} harus berupa angka rupiah tanpa "
                                                                          "sen."), label=label)) from None
    if amount < 0 and not signed:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors", "{label} tidak boleh negatif."), label=label))
    if amount == 0 and not allow_zero:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} harus lebih dari nol."), label=label))
    if abs(amount) > MAX_CASH:
        raise UserInputError(field, templated(QT_TRANSLATE_NOOP("errors",
                                                                "{label} paling banyak {MAX_CASH}."), label=label,
                                              MAX_CASH=format_rupiah(MAX_CASH)))
    return amount


def _reason(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) < 3:
        raise UserInputError("reason", QT_TRANSLATE_NOOP("errors", "Tulis alasan mutasi kas."))
    return text


class Shifts:
    def __init__(self, conn: "Journal", write: Callable, clock: Clock,
                 business_day: Callable[[], str], supervisors: Supervisors,
                 check_clock: Callable[[], None] = lambda: None) -> None:
        """``check_clock`` refuses Buka Shift while the PC's clock is wrong (``DayCloseService.check_clock``)."""
        self._conn = conn
        self._check_clock = check_clock
        self._write = write
        self._clock = clock
        self._business_day = business_day
        self._supervisors = supervisors
        # A business date whose shift is known open. A shift row is never closed, changed or
        # deleted (Tutup Hari moves the business date on instead), so once seen it holds:
        # every cash payment after it needs no read of the shift table.
        self._open_on: str | None = None

    def shift_for(self, business_date: str) -> Shift | None:
        row = self._conn.execute(
            "SELECT id, business_date, operator, opening_float, opened_at FROM shift WHERE business_date=?",
            (business_date,)).fetchone()
        return Shift(*row) if row else None

    def business_date(self) -> str:
        """Today's business date: the clock and the journal's last sealed day, both in memory
        (no disk), so the GUI thread may ask it."""
        return self._business_day()

    def current(self) -> Shift | None:
        return self.shift_for(self._business_day())

    def require_open(self, host: str, product: str) -> None:
        """Refuse (``ShiftNotOpen``) a payment of ``product`` that moves cash at the counter
        while today's business day has no shift: the day's expected cash starts with the
        shift's opening float. A balance check or a VA creation moves none and needs none.
        Part of the ``drawer_check`` of every host's ``TransactionRunner``
        (``Handovers.require_drawer``, wired in app/context.py)."""
        if cash_rules.direction(host, product) == cash_rules.NO_CASH:
            return
        day = self._business_day()
        if day == self._open_on:
            return
        if self.shift_for(day) is None:
            raise ShiftNotOpen()
        self._open_on = day

    def open(self, opening_float: int | str, operator: str) -> Shift:
        """Buka Shift: the current business day starts with ``opening_float`` in the drawer."""
        amount = rupiah("opening_float", opening_float, "Modal awal kas", allow_zero=True)
        self._check_clock()
        day = self._business_day()
        at = iso(self._clock.now())

        def work() -> int:
            if self.shift_for(day):
                raise ShiftAlreadyOpen()
            return self._conn.execute(
                "INSERT INTO shift(business_date, operator, opening_float, opened_at) VALUES (?, ?, ?, ?)",
                (day, operator, amount, at)).lastrowid

        shift = Shift(self._write(work), day, operator, amount, at)
        self._open_on = day
        return shift

    def record(self, kind: str, amount: int | str, reason: str, operator: str) -> Movement:
        """Setor ke bank / pay-in / pay-out / cash drop: a positive amount and a reason."""
        if kind not in KINDS or kind == "correction":
            raise ValueError(f"unknown cash movement {kind!r}")
        sign = KINDS[kind][1]
        value = rupiah("amount", amount, "Jumlah")
        return self._insert(kind, sign * value, _reason(reason), operator, None)

    def correct(self, amount: int | str, reason: str, operator: str, *, pin: str) -> Movement:
        """A signed cash correction, approved by a supervisor PIN."""
        value = rupiah("amount", amount, "Jumlah koreksi", signed=True)
        reason = _reason(reason)
        shift = self.current()
        if shift is None:
            raise ShiftNotOpen()
        made: list[Movement] = []  # in the approval's transaction: never an approved correction not made
        self._supervisors.approve(pin, reason, CASH_CORRECTION, subject=format_rupiah(value),
                                  business_date=shift.business_date,
                                  then=lambda approval: made.append(
                                      self._insert("correction", value, reason, operator, approval.id)))
        return made[0]

    def _insert(self, kind: str, signed: int, reason: str, operator: str, approval_id: int | None) -> Movement:
        day = self._business_day()
        at = iso(self._clock.now())

        def work() -> int:
            shift = self.shift_for(day)
            if shift is None:
                raise ShiftNotOpen()
            return self._conn.execute(
                "INSERT INTO cash_movement(shift_id, business_date, kind, amount, reason, operator, at, approval_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (shift.id, day, kind, signed, reason, operator, at, approval_id)).lastrowid

        return Movement(self._write(work), at[11:16], kind, KINDS[kind][0], signed, reason, operator)

    def movements(self, business_date: str) -> tuple[Movement, ...]:
        rows = self._conn.execute(
            "SELECT id, at, kind, amount, reason, operator FROM cash_movement WHERE business_date=? ORDER BY id",
            (business_date,))
        return tuple(Movement(i, at[11:16], kind, KINDS[kind][0], amount, reason, op)
                     for i, at, kind, amount, reason, op in rows)

    def movement_at(self, movement_id: int) -> tuple[str, str]:
        """(business date, ISO time) of a movement, for its slip."""
        row = self._conn.execute("SELECT business_date, at FROM cash_movement WHERE id=?", (movement_id,)).fetchone()
        if row is None:
            raise KeyError(movement_id)
        return row[0], row[1]


def slip_number(business_date: str, movement_id: int) -> str:
    return f"KAS-{business_date.replace('-', '')}-{movement_id:05d}"


def slip_head(agent: Agent, sandbox: bool) -> list:
    """The head of a drawer slip (a cash movement's, a handover's): the agent, and SANDBOX."""
    blocks: list = []
    if agent.name:
        blocks.append(Center(agent.name, bold=True))
    if agent.code:
        blocks.append(Center(f"Kode Agen {agent.code}"))
    blocks.append(Rule("="))
    if sandbox:
        blocks.append(Center(SANDBOX_MARK, bold=True))
    return blocks


def render_slip(movement: Movement, *, business_date: str, at: str, agent: Agent, sandbox: bool,
                columns: int = 32) -> Printout:
    """The slip printed for a cash movement: what, how much, which way, why, two signatures."""
    blocks = slip_head(agent, sandbox)
    blocks += [
        Center("SLIP KAS", bold=True, tall=True),
        Center(movement.label.upper(), bold=True),
        Rule(),
        Pair("No. Slip", slip_number(business_date, movement.id)),
        Pair("Tanggal", format_wib(datetime.fromisoformat(at))),
        Pair("Hari kerja", format_business_date(business_date)),
        Pair("Petugas", movement.operator),
        Rule(),
        Pair("Jumlah", format_rupiah(abs(movement.amount)), bold=True),
        Pair("Laci kas", "MASUK" if movement.amount > 0 else "KELUAR"),
        Pair("Alasan", movement.reason),
        Rule("="),
        Gap(),
        Pair("Petugas", "(............)"),
        Gap(),
        Pair("Penerima/Supervisor", "(............)"),
    ]
    if sandbox:
        blocks.append(Center(SANDBOX_MARK, bold=True))
    return render_blocks(blocks, columns)
