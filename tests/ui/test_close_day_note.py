"""Tutup Hari's cash difference by keyboard: Enter in the empty "Keterangan selisih (wajib)".

Walked at the counter (a drawer short by Rp 10.000): the agent pressed Enter in the empty
required note and was asked "Tutup hari? Hari ini akan disegel…" at once. The note was
checked only after that question: a "Ya" was refused, a "Batal" left the agent wondering
why the day was not closed. Now the empty note is said at the note, the cursor stays in it,
and the question comes once the note is written.

And the Enter that entered the count, pressed twice by habit, landed in the note as it
appeared and said "note required" before anything could be typed: the note says what is
missing only when the agent goes on from it empty, not as the agent arrives in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, start_close, wait_loaded
from tests.ui.uidrive import focused, key, type_text
from ui.keyboard import DOUBLE_ENTER_SECONDS
from ui.widgets.supervisor import SupervisorAnswer

TIMEOUT = 10_000


def counted_short(qtbot, shell, loket, context):
    """Tutup Hari by keyboard up to the difference: Rp 10.000 counted where Rp 0 should be;
    (screen, the questions asked: "Tutup hari?", the supervisor's approval of the difference)."""
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN)
    screen = start_close(qtbot, shell, loket)  # the drawer should hold Rp 0
    asked: list[str] = []
    screen.ask_confirm = lambda parent, title, text: asked.append(title) or True
    screen.ask_supervisor = lambda parent, title, detail, with_reason: (asked.append(title)
                                                                        or SupervisorAnswer(SUPERVISOR_PIN))
    key(qtbot, shell, Qt.Key.Key_Return)  # "Hitung kas di laci"
    qtbot.waitUntil(lambda: screen.page == "count", timeout=TIMEOUT)
    type_text(qtbot, shell, "10000")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=TIMEOUT)
    assert focused(shell) is screen.variance_page.note
    return screen, asked


def note_error(screen):
    field = screen.variance_page.note.parentWidget()
    while field is not None and not hasattr(field, "error"):
        field = field.parentWidget()
    assert field is not None
    return field.error


def test_enter_on_an_empty_difference_note_says_so_before_asking_to_close(qtbot, shell, loket, context):
    screen, asked = counted_short(qtbot, shell, loket, context)
    note = screen.variance_page.note
    qtbot.wait(int(DOUBLE_ENTER_SECONDS * 1000) + 100)  # the agent reads the difference
    key(qtbot, shell, Qt.Key.Key_Return)  # then goes on from the empty required note
    wait_loaded(qtbot, loket)
    assert asked == []  # no question (the supervisor's, "Tutup hari?") for a note not written
    assert screen.page == "variance" and focused(shell) is note
    assert "selisih kas" in note_error(screen).text() and note_error(screen).isVisible()
    assert context.dayclose.business_day() == screen.flow.business_date  # nothing sealed

    type_text(qtbot, shell, "lebih 10 ribu, uang kembalian")
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    assert asked == ["Setujui selisih kas"]  # the difference is the supervisor's to approve, and seals


def test_the_count_s_enter_pressed_twice_says_nothing_at_the_note(qtbot, shell, loket, context):
    screen, asked = counted_short(qtbot, shell, loket, context)
    key(qtbot, shell, Qt.Key.Key_Return)  # the Enter that entered the count, pressed twice
    wait_loaded(qtbot, loket)
    assert screen.page == "variance" and focused(shell) is screen.variance_page.note
    assert not note_error(screen).isVisible() and asked == []
    type_text(qtbot, shell, "kurang 10 ribu")
    assert screen.variance_page.note.text() == "kurang 10 ribu"
