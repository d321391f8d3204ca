"""Keyboard-first counter work, for every screen at once (no per-screen code):

* **Enter** moves on. A line edit whose Enter a screen has wired (``returnPressed``: look
  up the account, check the bill, pay) keeps that meaning, and so does a table whose
  ``activated`` a screen has wired (Riwayat: open the row; Qt emits it on Enter). Anywhere
  else Enter goes to the next input of the screen, and from the last input presses the
  screen's visible primary button; on a button Enter presses it, on a tick box it ticks it
  (then moves on). A radio group is one stop (its checked radio, else its first): Enter on
  it moves on and leaves the choice as it is; the arrow keys choose (``choose_by_arrow``),
  and so do Space and a click. Except where the choice is what the screen is for, made by
  its button (Bahasa, its radios marked ``ENTER_CHOOSES``): Enter on a radio chooses it and
  goes on to the button, so the language under the cursor is the one applied.
  In a multi-line text box Enter is a new line.
* **A widget with its own Enter** (marked ``OWN_ENTER``: a transfer's bank box) keeps it: it
  picks the bank and moves on itself, or says why it cannot, never guessing a bank.
* **A file chooser** (Buka Rekening's "Pilih berkas…": a button marked ``CHOSEN``) is an
  input of the Enter path, not a button: Enter on it opens the chooser while nothing is
  chosen, and moves on once a file is (its thumbnail is the filled-in field). A habitual
  Enter after choosing therefore never opens the chooser again; to replace the file the
  agent presses Space on "Ganti berkas…", or clicks it.
* **A secret box** (masked: a PIN, a password) keeps the cursor on Enter while it is empty,
  and says so under it: the secret typed next must go into this box. Moved on, the
  Supervisor screen's PINs each landed one box down ("PIN yang diulang tidak sama"), and a
  PIN typed into a visible box after it would be in plain sight. A box where empty means
  "keep the saved one" (Koneksi Host's keys, marked ``MAY_STAY_EMPTY``) lets Enter move on.
* **A double Enter** (the habit of pressing it twice): when the first press opened another
  screen ("Transaksi baru", "Ya, buka shift" handing over to Setor Tunai) or another step of
  this one (its own widget gone from sight: Tutup Hari's count entered), the second, less
  than ``DOUBLE_ENTER_SECONDS`` after it, does nothing in the empty box the cursor arrived
  in: its echo greeted the next customer with a red "Nomor rekening wajib diisi.", and Tutup
  Hari's difference note with "Ada selisih kas: tulis keterangannya.", before anything was typed
  (a deliberate Enter there still says what is missing). Nor does it give a tick that came on
  show with the first press, on any screen: after "Cek tujuan" the second press landed on
  "Nama penerima sudah saya bacakan dan dibenarkan oleh nasabah" the moment the name
  appeared, ticking what nobody had read out. A tick on show all along (the Supervisor
  screen's "Saya supervisor, bukan petugas…", the cursor brought to it by Enter) is given by
  the next Enter however quick: taken for an echo, it did nothing, press after press.
  Otherwise, within one screen a quick Enter keeps its meaning (an optional Berita left
  empty: review), a deliberate Enter in an empty box still says what is missing, and a
  secret box keeps its own rule (below).
* **Typing on a stop that takes no text** (a radio group, a tick box, a file chooser, a
  button): the key types nothing, changes no choice, and the cursor stays; a short line under
  the stop says so and what its keys are ("Ketikan tidak masuk: ini pilihan, bukan kotak
  isian. Pilih dengan tombol panah, lalu Enter untuk lanjut."; ``ui.widgets.key_note``). It
  goes at the next key, when the cursor moves, or after six seconds. Qt itself does nothing
  with a digit or a letter there (a mnemonic needs Alt; a letter matching a radio's first
  letter chooses nothing): on Buat Virtual Account, Enter from "Nomor pelanggan" stops on "Jenis VA", and the
  amount typed next vanished, Nominal empty, nothing said. Space keeps its meaning (choose,
  tick, press), and so do the digits of a widget that takes them (``OWN_DIGITS``): Tagihan's
  month picker, where typing the count chooses it, and a transfer's name tick once given.
  A drop-down list (not editable) is such a stop for a digit none of its choices begins
  with: Qt's own search finds nothing and drops it. Right after "Ya, buka shift" the cursor
  is on Buka Shift's "Jenis mutasi", and the amount typed there vanished. Letters stay Qt's
  (typed quickly they find a choice by its first letters, visibly), and so do digits where a
  choice begins with one (a printer's baud rate).

  Decision: the keys are refused and said, never carried on to the next text box (type-ahead).
  What they meant is known only to the agent: the amount, or the rest of the customer number
  typed after an Enter too many, or a PIN. Carried on, digits meant for one box would set a
  money field the agent never looked at, past a choice nobody looked at either (the radio is
  passed without a deliberate Enter, and a choice can change which boxes are on show, so the
  next box is not even known before it is made). Refused, nothing is set by accident, the
  choice stays one the agent makes (arrows, Space, Enter), and the cost is typing the amount
  again, told why at the place the eyes are. The line never repeats what was typed: on the
  Supervisor screen it could be a PIN. The one carrying on is a transfer's name tick once
  the agent has given it (``ui.screens.transfer_steps``): the choice was just made, by the
  agent's own press, and the amount is the one box after it, on show whatever the choice.
* **Settings** (``Screen.enter_only_moves``: the screens behind the supervisor PIN): Enter
  only moves between inputs. It never ticks a box and never presses the save button by
  itself: saving is the agent's own press of it (Tab to it and Enter or Space, or a click),
  so a habitual Enter changes no setting.
* **Tab** goes round the screen on show (Shift+Tab too, backwards): from its last stop to its
  first, never out into the window's header (the drill switch, "Keluar", "Menu") or the
  sidebar, where an arrow key changed the training drill and Enter asked to log out. On
  Tutup Hari's first page one Tab from "Hitung kas di laci" was already there. The header and
  the sidebar are the mouse's, and the keyboard's by Ctrl+K ("Latihan", "Keluar", every
  screen). Tab leaves a date box in one step (Shift+Tab too): Qt's own Tab walked its day, month
  and year first, so Riwayat's two dates took six Tabs before the list. Inside the box the
  arrows move between its parts, and typing a part moves on by itself. (In a dialog:
  ``ui.widgets.dialog_keys.TabLeavesDateBox``.) The widget Tab reaches is scrolled into
  view in every scroll area it is in; no scroll area is a Tab stop itself.
* **Esc** goes back: one step inside a multi-step screen (``Screen.back``); when there is
  no step to go back to, to Beranda. From the result screen, to Beranda, but not in the
  result's first half second (nor Ctrl+H then): see ``ui.counter.Counter._holds_way_out``.
* **Ctrl+K** opens the command palette anywhere (also inside a line edit, where Qt would
  read it as "delete to end of line"); a letter typed on Beranda opens it with that letter.

Decision: whether ``back()`` went anywhere is judged by what is on show before and after
(the set of visible widgets), because the screens' ``back`` returns nothing.
"""

from __future__ import annotations

import time
from typing import Callable, Iterator

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, SIGNAL, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from ui.i18n import translate
from ui.screen_fit import scroll_areas
from ui.widgets.field import Field
from ui.widgets.key_note import KeyNote

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QRadioButton)
# A button's dynamic property that makes it a file chooser on the Enter path: True once the
# file is chosen, False while it is not (``ui.widgets.image_picker``).
CHOSEN = "chosen"
# A secret box's dynamic property: empty is an answer there ("keep the saved key"), so Enter
# on it empty moves on like any other box.
MAY_STAY_EMPTY = "may_stay_empty"
# A widget's dynamic property: its Enter is its own, the counter's Enter leaves it alone (the
# bank box of a transfer, ``ui.widgets.bank_box``: it picks a bank, or says why it cannot).
OWN_ENTER = "own_enter"
# A radio's dynamic property: Enter on it chooses it (then moves on, to the screen's button).
ENTER_CHOOSES = "enter_chooses"
# A widget's dynamic property: an arrival on its screen puts the cursor here rather than on
# the first input (Riwayat's customer box, below date filters the screen filled itself;
# Beranda's first "Layani nasabah" shortcut, not its graphs' toggle).
ARRIVAL = "arrival"
# A widget's dynamic property: the digits typed on it are its own, not keys gone astray
# (Tagihan's month picker: typing the count chooses it; a transfer's name tick, once given:
# the amount typed on it starts the amount).
OWN_DIGITS = "own_digits"
# Two Enters closer than this are one habitual double press, not two decisions.
DOUBLE_ENTER_SECONDS = 0.5
EMPTY_SECRET = QT_TRANSLATE_NOOP("keyboard", "Kotak ini masih kosong. Ketik di sini dulu, lalu Enter.")
# What a stop that takes no text says of the key typed on it (``not_typed_words``).
NOT_TYPED_RADIO = QT_TRANSLATE_NOOP("keyboard", "Ketikan tidak masuk: ini pilihan, bukan kotak isian. Pilih dengan "
                                                "tombol panah, lalu Enter untuk lanjut.")
NOT_TYPED_TICK = QT_TRANSLATE_NOOP("keyboard", "Ketikan tidak masuk: ini kotak centang, bukan kotak isian. Spasi "
                                               "mencentangnya, Tab untuk lanjut.")
NOT_TYPED_BUTTON = QT_TRANSLATE_NOOP("keyboard", "Ketikan tidak masuk: ini tombol, bukan kotak isian. Enter "
                                                 "menekannya, Tab untuk lanjut.")
NOT_TYPED_CHOSEN = QT_TRANSLATE_NOOP("keyboard", "Ketikan tidak masuk: berkas sudah dipilih di sini. Enter untuk "
                                                 "lanjut.")
NOT_TYPED_LIST = QT_TRANSLATE_NOOP("keyboard", "Ketikan tidak masuk: ini daftar pilihan, bukan kotak isian. Pilih "
                                               "dengan tombol panah, lalu Enter untuk lanjut.")


def _usable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def is_chooser(widget: QWidget) -> bool:
    """A button that fills its field by choosing a file (marked with ``CHOSEN``)."""
    return isinstance(widget, QPushButton) and widget.property(CHOSEN) is not None


def _is_input(widget: QWidget) -> bool:
    if is_chooser(widget):
        return True
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and not isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))
    return isinstance(widget, INPUTS) or (isinstance(widget, QPushButton) and widget.isCheckable())


def radio_group(radio: QRadioButton) -> list[QRadioButton]:
    """The radios one choice is made among: its button group, else (Qt's auto-exclusive
    rule) the auto-exclusive radios of the same parent."""
    group = radio.group()
    if group is not None:
        return [b for b in group.buttons() if isinstance(b, QRadioButton)]
    parent = radio.parentWidget()
    if not radio.autoExclusive() or parent is None:
        return [radio]
    return [b for b in parent.findChildren(QRadioButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if b.autoExclusive() and b.group() is None]


def radio_stop(radio: QRadioButton) -> QRadioButton:
    """The one stop of a radio group on the Enter path: its checked radio, else its first.
    (Qt's Tab does the same: in a group with a checked radio it takes the others' tab focus.)"""
    usable = [b for b in radio_group(radio) if b.isVisible() and b.isEnabled()] or [radio]
    return next((b for b in usable if b.isChecked()), usable[0])


def choose_by_arrow(radio: QRadioButton, key: int) -> None:
    """An arrow key on a radio chooses: the next radio of its group (the previous one for
    Left and Up), or this one at the group's end, is ticked and takes the focus. Qt's own
    arrow ticks only when the radio it leaves is ticked: in a group with nothing chosen yet
    (Jenis kelamin) it would only move the focus, and the choice would look made."""
    group = [b for b in radio_group(radio) if b.isVisible() and b.isEnabled()]
    if radio not in group:
        group = [radio]
    index = group.index(radio) + (-1 if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else 1)
    target = group[index] if 0 <= index < len(group) else radio
    if not target.isChecked():
        target.click()  # as a click: the form hears of the choice (its error clears)
    target.setFocus(Qt.FocusReason.TabFocusReason)


def owner_input(widget: QWidget) -> QWidget:
    """The input a focus widget belongs to (an editable combo's line edit -> the combo, a
    radio -> its group's stop)."""
    if isinstance(widget, QRadioButton):
        return radio_stop(widget)
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return parent
    return widget


def inputs_in_reading_order(screen: QWidget) -> list[QWidget]:
    """The screen's usable inputs, top to bottom and left to right, as the agent reads them.
    Reading order rather than the focus chain: forms that swap their inputs (bill products)
    append the new widgets at the end of the chain. Inputs side by side are one line even when
    their tops differ by a few pixels (a radio row sits lower than the date box beside it): an
    input whose top is above the middle of the line's first input belongs to that line."""
    def place(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(screen, widget.rect().topLeft())
        return point.y(), point.x()

    found = {id(w): w for w in (owner_input(c) for c in screen.findChildren(QWidget) if _usable(c) and _is_input(c))}
    lines: list[list[QWidget]] = []
    middle = 0
    for widget in sorted(found.values(), key=place):
        top = place(widget)[0]
        if lines and top < middle:
            lines[-1].append(widget)
        else:
            lines.append([widget])
            middle = top + widget.height() // 2
    return [widget for line in lines for widget in sorted(line, key=lambda w: place(w)[1])]


def next_input(screen: QWidget, current: QWidget) -> QWidget | None:
    """The input after ``current`` (None when ``current`` is the last)."""
    inputs = inputs_in_reading_order(screen)
    if current in inputs:
        later = inputs[inputs.index(current) + 1:]
        return later[0] if later else None
    return None


def first_input(screen: QWidget) -> QWidget | None:
    """Where the cursor goes when a screen is shown: the first empty input, else the first."""
    inputs = inputs_in_reading_order(screen)
    for widget in inputs:
        if not isinstance(widget, QLineEdit) or not widget.text():
            return widget
    return inputs[0] if inputs else None


def arrival_input(screen: QWidget) -> QWidget | None:
    """Where the cursor goes when the agent arrives on a screen from elsewhere (the menu, the
    palette, back from Buka Shift): the first input that is empty or that the agent typed
    into, its text selected. Inputs the screen filled itself (a default bank, today's date)
    are passed over, as ``first_input`` does. But what an agent typed for a customer and
    left there is never passed over: the cursor starts on it, so the form is read from the
    top and the next customer's account number replaces the last one's, instead of going
    into a later empty box (Berita) while the last customer's account and amount wait
    above it to be paid.

    A screen whose first inputs are its own filters (Riwayat's dates, filled with today)
    marks the box where the agent's typing belongs (``ARRIVAL``): the cursor starts there
    while it is on show. So does a screen whose first control is no input (Beranda: its first
    shortcut, where Enter serves the next customer, not the graphs' toggle, the one input it
    has)."""
    inputs = inputs_in_reading_order(screen)
    marked = next((w for w in screen.findChildren(QWidget) if w.property(ARRIVAL) and _usable(w)), None)
    chosen = marked or next(
        (w for w in inputs if not isinstance(w, QLineEdit) or not w.text() or w.isModified()),
        inputs[0] if inputs else None)
    if isinstance(chosen, QLineEdit):
        chosen.selectAll()
    return chosen


def primary_button(screen: QWidget) -> QPushButton | None:
    for button in screen.findChildren(QPushButton, "primary"):
        if button.isVisible() and button.isEnabled():
            return button
    return None


def way_back(screen: QWidget) -> QPushButton | None:
    """The way back from a money screen's confirmation page (its ``back_button``: Setor
    Tunai, the transfers, a bill, Buka Rekening), where Enter is harmless, not the pay
    button; None on any other page, whose own focus stands (Tutup Hari's first step, a
    balance's "Perbarui": there Enter does what the page is for)."""
    button = getattr(screen, "back_button", None)
    if isinstance(button, QPushButton) and button.isVisible() and button.isEnabled():
        return button
    return None


def is_echo_target(widget: QWidget) -> bool:
    """An empty, plain box (or one with its own Enter, ``OWN_ENTER``): where a double
    Enter's second press would only report the box empty, or go on without what it asks."""
    if isinstance(widget, QComboBox) and widget.property(OWN_ENTER):
        return not widget.currentText()
    return (isinstance(widget, QLineEdit) and not widget.text() and widget.echoMode() == QLineEdit.EchoMode.Normal
            and not widget.isReadOnly())


def out_of_sight(widget: QWidget | None) -> bool:
    """``widget`` (what the last Enter was pressed on) is gone or hidden: that Enter turned the page."""
    return widget is not None and (not shiboken6.isValid(widget) or not widget.isVisible())


def is_unticked(widget: QWidget) -> bool:
    """A tick not yet given, which Enter would give: what it says the agent did ("Nama penerima
    sudah saya bacakan") takes longer than a double press."""
    return isinstance(widget, QCheckBox) and not widget.isChecked()


def ticks_on_show(screen: QWidget) -> frozenset[int]:
    """The tick boxes ``screen`` shows now (their ids): those an Enter's echo may still give."""
    return frozenset(id(box) for box in screen.findChildren(QCheckBox) if box.isVisible())


def awaits_secret(widget: QWidget) -> bool:
    """An empty masked box whose emptiness is no answer (see ``MAY_STAY_EMPTY``)."""
    return (isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal
            and not widget.text() and not widget.property(MAY_STAY_EMPTY))


def field_of(widget: QWidget) -> Field | None:
    """The form field ``widget`` is the editor of (its label and error line), if any."""
    field = widget.parentWidget()
    while field is not None and not isinstance(field, Field):
        field = field.parentWidget()
    return field


def say_secret_awaited(box: QLineEdit) -> None:
    """The message under the box's field (its error line), the cursor left in the box."""
    field = field_of(box)
    if field is not None:
        field.show_error(translate("keyboard", EMPTY_SECRET))
    box.setFocus(Qt.FocusReason.OtherFocusReason)


def show_in_scroll(widget: QWidget) -> None:
    """Scroll every scroll area ``widget`` is in until it is in view, as Qt does for Tab but
    not for a focus moved by Enter: on a long form (Buka Rekening at 1024x768) the cursor
    went on below the window's edge, out of the agent's sight."""
    for area in scroll_areas(widget):
        area.ensureWidgetVisible(widget)


def show_focus(window: QWidget) -> None:
    """The widget Tab reached in ``window``, in view in every scroll area it is in. Qt
    scrolls only the areas Tab moved inside of: from the header into the sidebar, or from
    Tagihan's search box into its products, the cursor went to a button out of sight."""
    widget = window.focusWidget() if shiboken6.isValid(window) else None
    if widget is not None:
        show_in_scroll(widget)


def first_stop(screen: QWidget) -> QWidget | None:
    """The first widget of ``screen`` that Tab stops on, in the window's focus chain."""
    widget = screen.nextInFocusChain()
    while widget is not screen:
        if screen.isAncestorOf(widget) and _usable(widget):
            return _tab_stop(widget)
        widget = widget.nextInFocusChain()
    return None


def _stops_after(start: QWidget, *, forward: bool) -> Iterator[QWidget]:
    """The usable widgets after ``start`` in the window's focus chain (before it: ``forward``
    False), past ``start``'s own parts, once round."""
    widget = start
    while True:
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is start:
            return
        if not start.isAncestorOf(widget) and _usable(widget):
            yield widget


def _tab_stop(widget: QWidget) -> QWidget:
    """Where Tab arriving on ``widget`` puts the cursor: a radio group's one stop."""
    return radio_stop(widget) if isinstance(widget, QRadioButton) else widget


def leave(box: QWidget, *, forward: bool, within: QWidget | None = None) -> bool:
    """Move the focus to the widget after ``box`` (before it: ``forward`` False) in the focus
    chain, past ``box``'s own parts, and (``within``) round that screen rather than out of
    it; False when there is none."""
    for widget in _stops_after(box, forward=forward):
        if within is not None and within.isAncestorOf(box) and not within.isAncestorOf(widget):
            continue
        widget = _tab_stop(widget)
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        widget.setFocus(reason)
        show_in_scroll(widget)
        return True
    return False


def uses_tab(widget: QWidget) -> bool:
    """A widget whose own Tab is no move: a text box that takes it as a character, a list that
    walks its cells with it."""
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly() and not widget.tabChangesFocus()
    return isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation()


def stays_in(screen: QWidget, receiver: QWidget, *, forward: bool) -> bool:
    """Tab (Shift+Tab: ``forward`` False) from ``receiver`` on ``screen`` goes round the screen,
    never out of it (True: the focus was moved here). Qt's own move is left alone while the
    next stop of the window's chain is on the screen; where it would leave the screen (for the
    header's drill switch or "Keluar", or the sidebar) the cursor goes round to the screen's
    first stop (Shift+Tab: its last), or stays on the screen's only one."""
    if not screen.isAncestorOf(receiver) or uses_tab(receiver):
        return False
    following = next(_stops_after(receiver, forward=forward), None)
    if following is None or screen.isAncestorOf(following):
        return False  # Qt's own move stays on the screen
    leave(receiver, forward=forward, within=screen)
    return True  # the screen's only stop (Laporan Harian's "Buka Tutup Hari") keeps the cursor


def takes_no_text(screen: QWidget, receiver: QWidget, event: QKeyEvent) -> bool:
    """A printable key (a digit, a letter: Shift and the keypad allowed, not Ctrl or Alt, the
    shortcuts' keys) typed on a stop of ``screen`` that takes no text: a radio, a tick box, a
    button (a file chooser too), and a digit on a drop-down list none of whose choices begins
    with one. Space is not one: it is theirs (it chooses, ticks, presses). Nor is a digit on a
    widget marked ``OWN_DIGITS``."""
    text = event.text()
    allowed = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    if (len(text) != 1 or not text.isprintable() or text.isspace() or event.modifiers() & ~allowed
            or not screen.isAncestorOf(receiver) or text.isdigit() and receiver.property(OWN_DIGITS)):
        return False
    if isinstance(receiver, QComboBox):  # a digit Qt's own search would drop (see the rule)
        return (not receiver.isEditable() and text.isdigit()
                and not any(receiver.itemText(i)[:1].isdigit() for i in range(receiver.count())))
    return isinstance(receiver, QAbstractButton)


def not_typed_words(stop: QWidget) -> str:
    """What the keys of ``stop`` are, said when a key typed on it went nowhere."""
    if isinstance(stop, QComboBox):
        words = NOT_TYPED_LIST
    elif isinstance(stop, QRadioButton):
        words = NOT_TYPED_RADIO
    elif isinstance(stop, QCheckBox):
        words = NOT_TYPED_TICK
    elif is_chooser(stop) and stop.property(CHOSEN):
        words = NOT_TYPED_CHOSEN
    else:
        words = NOT_TYPED_BUTTON
    return translate("keyboard", words)


def visible_state(screen: QWidget) -> frozenset[int]:
    return frozenset(id(w) for w in screen.findChildren(QWidget) if w.isVisibleTo(screen))


class CounterKeys:
    def __init__(self, *, current_screen: Callable[[], QWidget | None], is_home: Callable[[QWidget], bool],
                 go_home: Callable[[], None], open_palette: Callable[[str], None],
                 back: Callable[[QWidget], None]) -> None:
        """``back(screen)``: one step back inside ``screen`` (``Screen.back``), if it has steps."""
        self.current_screen = current_screen
        self.is_home = is_home
        self.back = back
        self.go_home = go_home
        self.open_palette = open_palette
        # time.monotonic() of the last Enter, the screen and the widget it was pressed on
        self.last_enter: tuple[float, QWidget | None, QWidget | None] = (-DOUBLE_ENTER_SECONDS, None, None)
        self.ticks_at_last_enter: frozenset[int] = frozenset()  # ``ticks_on_show`` at that Enter
        self.note: KeyNote | None = None  # made at the first key typed on a stop that takes no text

    def say_not_typed(self, stop: QWidget) -> None:
        """The note under ``stop`` (under its whole group, for a radio), saying what its keys are."""
        if self.note is None or not shiboken6.isValid(self.note):
            self.note = KeyNote(stop.window())
        under = [b for b in radio_group(stop) if b.isVisible()] if isinstance(stop, QRadioButton) else [stop]
        self.note.show_under(under, not_typed_words(stop))

    def key_press(self, receiver: QWidget, event: QKeyEvent) -> bool:
        """One key press that reached the focus widget of the main window; True = used up."""
        key, mods = event.key(), event.modifiers()
        if self.note is not None and shiboken6.isValid(self.note):
            self.note.hide()  # it answered the key before this one
        if key == Qt.Key.Key_K and mods & Qt.KeyboardModifier.ControlModifier:
            self.open_palette("")
            return True
        if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget() is not None:
            return False  # a drop-down or a completer list has its own Enter and Esc
        screen = self.current_screen()
        if screen is None:
            return False
        if key == Qt.Key.Key_Escape and not mods:
            return self.escape(screen)
        if key in TABS and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            window = receiver.window()
            QTimer.singleShot(0, lambda: show_focus(window))  # once Qt has moved the focus
            box = owner_input(receiver)
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            if isinstance(box, QDateTimeEdit):
                return leave(box, forward=forward, within=screen)
            return stays_in(screen, receiver, forward=forward)
        if key in ENTER and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            now, (before, where, on), ticks = time.monotonic(), self.last_enter, self.ticks_at_last_enter
            self.last_enter, self.ticks_at_last_enter = (now, screen, receiver), ticks_on_show(screen)
            turned = where is not screen or out_of_sight(on)  # another screen, or another step of it
            if now - before < DOUBLE_ENTER_SECONDS and (turned and is_echo_target(receiver)
                                                        or is_unticked(receiver) and id(receiver) not in ticks):
                return True  # see "A double Enter"
            return self.enter(screen, receiver)
        if key in ARROWS and not mods & ~Qt.KeyboardModifier.KeypadModifier and isinstance(receiver, QRadioButton):
            choose_by_arrow(receiver, key)
            return True
        text = event.text()
        if (self.is_home(screen) and len(text) == 1 and text.isalpha() and not mods & ~Qt.KeyboardModifier.ShiftModifier
                and not isinstance(receiver, (QLineEdit, QTextEdit, QPlainTextEdit))):
            self.open_palette(text)
            return True
        if takes_no_text(screen, receiver, event):
            self.say_not_typed(receiver)
            return True  # see "Typing on a stop that takes no text"
        return False

    def escape(self, screen: QWidget) -> bool:
        if self.is_home(screen):
            return False
        before = visible_state(screen)
        self.back(screen)
        if visible_state(screen) != before:
            return True
        self.go_home()
        return True

    def enter(self, screen: QWidget, receiver: QWidget) -> bool:
        if not screen.isAncestorOf(receiver) or receiver.property(OWN_ENTER):
            return False
        if isinstance(receiver, QLineEdit) and receiver.receivers(SIGNAL("returnPressed()")) > 0:
            return False  # the screen gave this Enter a meaning
        if isinstance(receiver, QAbstractItemView) and receiver.receivers(SIGNAL("activated(QModelIndex)")) > 0:
            return False  # the view emits ``activated`` for its current row
        if isinstance(receiver, (QTextEdit, QPlainTextEdit)) and not receiver.isReadOnly():
            return False  # a new line
        if awaits_secret(receiver):
            say_secret_awaited(receiver)
            return True
        only_moves = bool(getattr(screen, "enter_only_moves", False))
        if isinstance(receiver, QCheckBox):
            if not receiver.isChecked() and not only_moves:
                receiver.setChecked(True)
                return True
        elif isinstance(receiver, QRadioButton):
            if receiver.property(ENTER_CHOOSES) and not receiver.isChecked():
                receiver.click()  # the choice under the cursor (``ENTER_CHOOSES``), then on to the button
            # elsewhere the choice is made by the arrows (or Space, or a click), never by a habitual Enter
        elif is_chooser(receiver):
            if not receiver.property(CHOSEN):
                receiver.click()  # nothing chosen yet: choose
                return True  # the file chosen, the focus stays here and the next Enter moves on
        elif (isinstance(receiver, QAbstractButton)
                and not (isinstance(receiver, QPushButton) and receiver.isCheckable())):
            receiver.click()
            return True
        current = owner_input(receiver)
        if isinstance(current, QComboBox) and current.isEditable():
            current.lineEdit().editingFinished.emit()
        following = next_input(screen, current)
        if following is not None:
            following.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(following, QLineEdit):
                following.selectAll()
            show_in_scroll(following)
            return True
        if only_moves:
            return True  # the last input: saving waits for the agent's own press of the save button
        button = primary_button(screen)
        if button is not None:
            button.click()
            return True
        return False
