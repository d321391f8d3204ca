"""The receipt desk: turns a journal reference into a printed receipt.

It is the one place that decides what a print is: it builds the receipt from the
journal row, numbers it in the journal (first print or "CETAK ULANG ke-n"), and hands it
to the printer worker. The journal row itself is only read: printing, failing to print
and reprinting never change a transaction's state.
"""

from __future__ import annotations

from typing import Any

from services.journal import Journal, JournalRow, State
from services.receipts.agents import agent_header
from services.receipts.model import Receipt, build_receipt
from services.receipts.prints import number_print, print_count
from services.receipts.text import render_text
from services.receipts.worker import Callback, PrinterWorker


class ReceiptDesk:
    def __init__(
        self,
        journal: Journal,
        worker: PrinterWorker,
        *,
        sandbox: bool,
        agent: dict[str, Any] | None = None,
    ) -> None:
        """``agent`` is the profile's ``agent`` setting (name, code, address), if any; without
        it the header is the one recorded in the journal at the row's agent's login
        (``receipts.agents``)."""
        self._journal = journal
        self._worker = worker
        self._sandbox = sandbox
        self._agent = agent

    def _build(self, reference: str, reprint: int, row: JournalRow | None = None) -> Receipt:
        if row is None:
            row = self._journal.get(reference)
        return build_receipt(
            row,
            agent=agent_header(self._journal, row, self._agent),
            sandbox=self._sandbox,
            reprint=reprint,
            footer=self._worker.config.footer,
        )

    def preview(self, reference: str) -> Receipt:
        """The receipt as the customer holds it, to look at; records nothing.

        Viewing is not reprinting: it never says "CETAK ULANG" nor counts. Only ``issue``
        numbers a print, and a reprint's mark is on the paper that reprint makes."""
        return self._build(reference, 0)

    def preview_text(self, reference: str) -> str:
        """``preview`` as the lines the printer's paper width gives, for an on-screen preview."""
        return render_text(self.preview(reference), self._worker.config.columns)

    def issue(self, reference: str, *, reprint: bool = False, on_done: Callback | None = None) -> Receipt:
        """Number this print in the journal, then queue it; ``on_done`` gets the result."""
        n, row = number_print(self._journal, reference, "reprint" if reprint else "original")
        receipt = self._build(reference, n if reprint else 0, row)
        self._worker.submit(receipt, on_done)
        return receipt

    def original_printed(self, reference: str) -> bool:
        """Whether the original of ``reference``'s receipt (the first print of its success)
        was issued."""
        return print_count(self._journal, reference, "original") > 0

    def issue_later(self, reference: str, *, on_done: Callback | None = None) -> Receipt:
        """A print asked for after the result screen (Riwayat): the original of a successful
        transaction whose original never went out, else a numbered copy.

        A transaction uncertain at the counter and settled later, or one whose preview was
        closed unprinted, has had no receipt: its first print is the customer's receipt, and
        was numbered "CETAK ULANG ke-1" as if one had been handed over already (Beranda's
        "belum dicetak" list printed the same row as the original). A print of a row that did
        not succeed is always a copy: its paper is no proof of payment."""
        row = self._journal.get(reference)
        reprint = row.state is not State.SUCCESS or self.original_printed(reference)
        return self.issue(reference, reprint=reprint, on_done=on_done)
