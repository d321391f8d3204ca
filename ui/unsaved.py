"""Settings edits that "Simpan" has not saved yet, and the question before they are left.

A settings screen (Biaya Loket, Printer, Koneksi Host) is edited field by field and saved
on purpose with "Simpan" (``Screen.enter_only_moves``). Esc by habit, a menu button or the
palette used to take the supervisor to another screen and drop the edits without a word:
the fee meant for the next customer was never in force, and Biaya Loket even showed the
unsaved figures again when reopened, as if they had been saved.

So the screen keeps a ``SavedForm``: a picture of the form as last loaded or saved. When
the agent leaves a screen whose form differs from it, the counter asks first
(``may_leave``). The safe answer, the default for Enter, Space and Esc, is to go back to the
edits; only a deliberate "Buang perubahan" leaves, and the form then shows what is saved
again, so reopening it never shows figures that are not in force.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

UNSAVED = QT_TRANSLATE_NOOP("unsaved", "Perubahan di {screen} belum disimpan. Tinggalkan layar ini dan buang "
                                       "perubahannya? Untuk menyimpan: pilih Kembali ke isian, lalu tekan Simpan.")

AskLeave = Callable[["QWidget", str], bool]  # (parent, the question) -> discard the edits and leave?


class SavedForm:
    """``state()``: what the form holds now (comparable; None while nothing is loaded yet).
    ``revert()``: show the saved values again (the agent chose to throw the edits away).
    ``in_force()``: the same picture of the values in force, where the service holds them in
    memory (the counter fees); it is the truth the moment a save ends in the worker, before
    the screen hears of it. Without it, the picture taken by ``mark`` (after a load or a
    save) stands for them."""

    def __init__(self, state: Callable[[], Any], revert: Callable[[], None],
                 in_force: Callable[[], Any] | None = None) -> None:
        self.state = state
        self.revert = revert
        self.in_force = in_force
        self.saved: Any = None

    def mark(self) -> None:
        """The form now shows what is saved (just loaded, or just saved)."""
        self.saved = self.state()

    def changed(self) -> bool:
        now = self.state()
        saved = self.in_force() if self.in_force is not None else self.saved
        return now is not None and saved is not None and now != saved


def may_leave(screen: "QWidget", title: str, ask: AskLeave) -> bool:
    """True: ``screen`` may be left (nothing unsaved, or the agent chose to discard the
    edits, which are reverted). False: the agent stays on the edits."""
    form: SavedForm | None = getattr(screen, "saved_form", None)
    if form is None or not form.changed():
        return True
    if not ask(screen, translate("unsaved", UNSAVED).format(screen=title)):
        return False
    form.revert()
    form.mark()
    return True
