"""Riwayat's details at 1024x768 at 125 % (819x614 logical pixels) and at 1366x768, in both
languages (walked at the counter).

The page was 756px tall in a 494px window: the agent scrolled past the fields to reach the
tabs (the status history, the messages). Now what the agent opens a row for (its state,
money, customer, reference, the trouble words and the buttons) and the tabs are in sight as
the page opens, and each Tab stop, each tab's own included, is in sight when it arrives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from app.gui import translations_dir
from tests.ui.screenshots import settle
from tests.ui.test_focus_in_view import in_sight
from tests.ui.test_history_screens import deposit, open_details, open_history
from tests.ui.test_narrow_window import NARROW, sized
from tests.ui.uidrive import focused, key
from ui import i18n
from ui.models.journal_table import customer_text, row_state_label
from ui.screen_fit import scroll_areas

WIDE = (1366, 768)
TROUBLE = ("Kode kesalahan", "Pesan kesalahan")  # a lost answer: no words from the bank yet, but their place


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    i18n.install("id", translations_dir())


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["1024x768-125", "1366x768"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_an_uncertain_rows_fields_buttons_and_tabs_are_in_sight_and_so_is_each_tab_stop(
        qtbot, qapp, shell, context, language, size):
    assert i18n.install(language, translations_dir())
    reference = deposit(context, 80_000, lost=True)  # Bank+: "Selesaikan manual", the trouble words
    screen = open_history(qtbot, shell)
    sized(qapp, shell, *size)
    details = open_details(qtbot, screen, reference)
    settle(qapp)
    page_area = next(scroll_areas(details))
    if size == NARROW:
        assert page_area.verticalScrollBar().maximum() == 0  # the whole page in the window
    assert page_area.verticalScrollBar().value() == 0  # as it opens: nothing scrolled for
    row = context.journal.get(reference)
    words = {reference, "Rp 80.000", customer_text(row), row_state_label(row),
             *(QCoreApplication.translate("DetailsView", caption) for caption in TROUBLE)}
    shown = [label for label in details.findChildren(QLabel) if label.text() in words and label.isVisible()]
    assert {label.text() for label in shown} == words
    for widget in (*shown, details.settle_button, details.reprint_button, details.tabs.tabBar()):
        assert widget.isVisible() and in_sight(widget), widget.objectName() or widget.text()
    assert details.events_table.rowViewportPosition(0) >= 0 and in_sight(details.events_table.horizontalHeader())

    # Tab from the first button all the way round, through each tab's page
    for index in range(details.tabs.count()):
        details.tabs.setCurrentIndex(index)
        details.main_action().setFocus(Qt.FocusReason.OtherFocusReason)
        settle(qapp)
        seen = []
        while focused(shell) not in seen:
            widget = focused(shell)
            assert in_sight(widget), (index, widget.objectName())
            seen.append(widget)
            assert len(seen) < 12
            key(qtbot, shell, Qt.Key.Key_Tab)
            settle(qapp)
        assert details.tabs.tabBar() in seen
        page = details.tabs.currentWidget()
        if page.focusPolicy() != Qt.FocusPolicy.NoFocus:
            assert page in seen, index
