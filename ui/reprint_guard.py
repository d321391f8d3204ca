"""One copy for a habitual double press of "Cetak ulang" (Riwayat's and the result screen's).

Decision: after the printer's answer to a receipt's print is on show, a press of "Cetak
ulang" for that receipt is nothing for ``READ_SECONDS``, the time to read the answer. The
button already waits for the answer, but with the PDF printer (no printer set up) the answer
comes within a moment, so two Enters 0.6 s apart (walked at the counter) saved two copies,
cetak-ulang-1 and -2, for one payment. A second copy on purpose (the paper jammed, the
customer wants two) comes after the agent has read the answer and looked at the printer,
later than this. The press is dropped without a word: the answer on show still says what was
printed."""

from __future__ import annotations

import time
from typing import Callable

READ_SECONDS = 1.5


class ReprintGuard:
    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now  # tests move it by hand
        self._answered: tuple[str, float] = ("", 0.0)  # the receipt answered last, and when

    def answered(self, reference: str) -> None:
        """The printer's answer to ``reference``'s print is on show now."""
        self._answered = (reference, self.now())

    def too_soon(self, reference: str) -> bool:
        """A press for ``reference`` now is the echo of the one just answered."""
        answered, when = self._answered
        return answered == reference and self.now() - when < READ_SECONDS
