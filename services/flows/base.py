"""The one interface every money-moving flow offers the screens.

    quote = flow.prepare(inputs)     # validation, limits, fee, the host's inquiry: a Quote
    done = flow.pay(pin)             # journal before send, through the TransactionRunner

``prepare`` may be called again (the agent went back and changed something); ``pay`` pays
the last quote. The flow keeps the one rule a screen must never decide:

* **Resend with the same reference.** A payment that provably never left (``NotSent``: its
  row is back at NEW) is sent again under that same reference when ``pay`` is pressed again
  for the same quote. A new quote that differs (another amount, another customer) starts a
  new transaction, and the unsent row is closed (FAILED: it never left) when that one is paid.
* **Over is over.** Once the flow's row reached SUCCESS, FAILED or SUSPECT the flow is
  ``over``: the screen starts an empty form when it is opened again, and ``pay`` refuses a
  SUCCESS or SUSPECT transaction (a FAILED one, a wrong PIN say, may be paid again as a
  new transaction while the agent is still on the screen).
* **A repeat of a recent success needs a deliberate yes.** The runner raises
  ``RecentSuccessExists`` (with the earlier row); ``pay(pin, confirm_duplicate=ref)``
  says the agent confirmed that this is a new transaction.

Every error that ended a transaction carries its journal row (``LoketError.row``): the
screen shows the SUSPECT row's result, the flow keeps the NotSent row's reference.

The PIN is an argument, never kept: ``pay`` hands it to the host call (or to the local
verifier of ``services.flows.pin`` for hosts whose API has no PIN) and forgets it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Hashable, Mapping

from services.errors import LoketError, NotSent, UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import State
from services.validation import is_digits

if TYPE_CHECKING:
    from services.journal import JournalRow
    from services.transactions import Executed, TransactionRunner

OVER = frozenset({State.SUCCESS, State.FAILED, State.SUSPECT, State.REVERSED})
FINAL = frozenset({State.SUCCESS, State.SUSPECT, State.REVERSED})  # never paid again

PinCheck = Callable[[str], None]  # raises when the PIN is wrong (local verifier)


@dataclass(frozen=True)
class Quote:
    """What the confirmation step shows and ``pay`` pays: checked, priced, inquired."""

    amount: int
    fee: int
    total: int
    customer_ref: str
    customer_name: str
    # (label, value) lines naming the customer/destination: the confirmation and result
    lines: tuple[tuple[str, str], ...] = ()
    detail: Any = field(default=None, compare=False)  # the kind's own data for ``pay``
    key: Hashable = ()  # equal keys: the same transaction (a NotSent one is resent)


class DayClosedSinceQuote(LoketError):
    """Tutup Hari sealed a day (or a sealed day was reopened) after this transaction was
    filled in: the customer of a form left unfinished at the day close is long gone, and a
    habitual Enter on its confirmation would move money nobody handed over. Its screen
    starts again from an empty form."""

    default_message = QT_TRANSLATE_NOOP("errors", "Tutup Hari dilakukan sesudah transaksi ini diisi, jadi transaksi "
                                                  "ini tidak dikirim. Mulai lagi dari awal bila nasabah masih ada.")


class FlowOver(LoketError):
    def __init__(self, row: "JournalRow") -> None:
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "Transaksi {reference} sudah selesai dan tidak "
                                                               "dikirim lagi. Mulai transaksi baru."),
                                   reference=row.reference))


def transaction_pin(pin: str | None, label: str = QT_TRANSLATE_NOOP("errors", "PIN transaksi")) -> str:
    """A transaction PIN's shape: 4 to 8 digits (refused at the field, before anything is sent)."""
    text = "" if pin is None else str(pin).strip()
    if not text:
        raise UserInputError("pin", templated(QT_TRANSLATE_NOOP("errors", "{label} wajib diisi."), label=label))
    if not is_digits(text) or not 4 <= len(text) <= 8:
        raise UserInputError("pin", templated(QT_TRANSLATE_NOOP("errors", "{label} berupa 4 sampai 8 angka."),
                                              label=label))
    return text


class Flow:
    """Base of the per-kind flows; a subclass writes ``_prepare`` and ``_pay``."""

    title = ""
    # The host call's overall deadline in seconds (services/hosts/http.py), which the busy
    # veil counts down; None where the flow has no single host call to time.
    deadline: float | None = None
    needs_pin = True  # False only where nothing moves (a VA creation: see services/flows/kinds.py)
    # Cash changes hands at the counter, so today's shift must be open and the drawer this
    # agent's (the screens' gate, ui/shift_gate.py). The same rule as the payment runner's
    # (services/reports/cash.py, ``Handovers.require_drawer``): a balance check or a VA
    # creation moves none.
    moves_cash = True

    def __init__(self) -> None:
        self.quote: Quote | None = None
        self.row: "JournalRow | None" = None  # the last transaction's row, as it now stands
        self._unsent: str | None = None
        self._replaced: str | None = None  # a NotSent row the agent's new inputs replaced
        self._sealed_at_quote: str | None = None  # the journal's last sealed day when quoted

    # -- state -------------------------------------------------------------------------
    @property
    def over(self) -> bool:
        """The transaction reached SUCCESS, FAILED or SUSPECT: its screen starts afresh."""
        return self.row is not None and self.row.state in OVER

    @property
    def unsent_reference(self) -> str | None:
        """The reference ``pay`` will resend (a NotSent row), if any."""
        return self._unsent

    def reset(self) -> None:
        self.quote = None
        self.row = None
        self._unsent = self._replaced = None
        self._sealed_at_quote = None

    # -- the interface -----------------------------------------------------------------
    def prepare(self, inputs: Mapping[str, Any]) -> Quote:
        if self.row is not None and self.row.state in FINAL:
            raise FlowOver(self.row)  # the screen must ``reset`` first: a new, empty transaction
        quote = self._prepare(dict(inputs))
        if self.quote is None or quote.key != self.quote.key:
            self._forget_unsent()  # other inputs: a new transaction
        if self.row is not None and self.row.state is not State.NEW:
            self.row = None  # a FAILED one stays in the journal; this is another
        self.quote = quote
        self._quoted_now()
        return quote

    def pay(self, pin: str | None = None, *, confirm_duplicate: str | None = None) -> "Executed":
        quote = self.quote
        if quote is None:
            raise UserInputError("confirm", QT_TRANSLATE_NOOP("errors", "Lengkapi dan periksa data transaksi dulu."))
        if self.row is not None and self.row.state in FINAL:
            raise FlowOver(self.row)
        if self._runner().journal.sealed_through != self._sealed_at_quote:
            self.reset()  # a NotSent row of the closed day stays unsent: never resent after its close
            raise DayClosedSinceQuote()
        if self.needs_pin:
            pin = transaction_pin(pin)
        if self._replaced is not None:  # here, off the GUI thread: a journal write
            self._runner().abandon(self._replaced)
            self._replaced = None
        try:
            executed = self._pay(quote, pin, self._unsent, confirm_duplicate)
        except LoketError as exc:
            if exc.row is not None:
                self.row = exc.row
                self._unsent = exc.row.reference if isinstance(exc, NotSent) else None
            raise
        self.row = executed.row
        self._unsent = None
        return executed

    def _quoted_now(self) -> None:
        """A new quote (an inquiry, the transaction's inputs): remember under which last
        sealed day it was made, for ``pay`` to refuse it after a Tutup Hari. Every flow that
        quotes without ``Flow.prepare`` calls this too."""
        self._sealed_at_quote = self._runner().journal.sealed_through

    def _forget_unsent(self) -> None:
        """The NotSent row is not resent with other inputs; the next ``pay`` closes it
        (NEW -> FAILED: it never left), else it would hold the customer as an open payment."""
        if self._unsent is not None:
            self._replaced, self._unsent = self._unsent, None

    # -- for subclasses ----------------------------------------------------------------
    def _runner(self) -> "TransactionRunner":
        raise NotImplementedError

    def _prepare(self, inputs: dict[str, Any]) -> Quote:
        raise NotImplementedError

    def _pay(self, quote: Quote, pin: str | None, reference: str | None,
             confirm_duplicate: str | None) -> "Executed":
        raise NotImplementedError
