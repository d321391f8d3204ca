"""Laporan Harian and Tutup Hari on the kiosk's small screens, once a day has been closed
(found by a keyboard walk at 1024x768 and 125 %, 819x614 logical pixels, which never showed
a closed day):

* Laporan Harian scrolled sideways by ~140px: the report's security code, 64 characters
  without a space, was one word as wide as the report column, and the list of closed days
  beside the report was squeezed to ~156px, its Status column cut; Down+Enter in it moved
  the page. The list is now above the report, as wide as its texts.
* Empty, it opened on the tall empty list, in a page as tall as Beranda (the stack of
  screens answered with its tallest screen's height): nothing useful had the keyboard.
* Tutup Hari opened with "Hitung kas di laci", the keyboard's place, below the window's
  edge, under a summary as tall as its whole report.
* The sealed and "already closed" pages, which the screenshot walk never reaches, fit.
* In English the Laporan Z read "LAPORAN Z No. 0001".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea

from app.gui import translations_dir
from services.journal import State
from tests.ui.every_screen import SIZES
from tests.ui.fit_check import findings
from tests.ui.language_check import wrong_words
from tests.ui.screenshots import settle
from tests.ui.test_dayclose_screens import SUPERVISOR_PIN, deposit, open_screen, suspect_row, wait_loaded
from tests.ui.test_printing import use_printer
from tests.ui.uidrive import USERNAME, focused, key, type_text
from ui import i18n
from ui.keyboard import DOUBLE_ENTER_SECONDS
from ui.models.product_names import product_names

TIMEOUT = 10_000
NARROW = SIZES["1024x768-125"]  # 819x614


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    i18n.install("id", translations_dir())


def close_today(context) -> None:
    """Tutup Hari through the service, as the day-close tests do: counted Rp 0, the day's cash
    gone to the bank; a difference is approved by the supervisor."""
    flow = context.dayclose.begin_close(USERNAME)
    flow.start_count()
    flow.enter_count(0)
    if flow.variance:
        flow.confirm("kas disetor ke bank", pin=SUPERVISOR_PIN)
    else:
        flow.confirm("kas disetor ke bank")


def two_laporan_z(context) -> None:
    """Today closed, reopened by a supervisor and closed again: Z-0002 in force above Z-0001,
    which says "Dibuka kembali" (the list's longest status)."""
    deposit(context)
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN, set_by=USERNAME)  # as Supervisor does
    close_today(context)
    day = context.dayclose.closed_days()[0][0]
    context.dayclose.reopen(day, pin=SUPERVISOR_PIN, reason="setoran terlambat dicatat")
    close_today(context)


def logged_in(request, language: str):
    """(context, shell, loket) with the app built in ``language``, as run_gui builds it."""
    assert i18n.install(language, translations_dir())
    return (request.getfixturevalue("context"), request.getfixturevalue("shell"),
            request.getfixturevalue("loket"))


def page_area(shell) -> QScrollArea:
    return shell.findChild(QScrollArea, "stackScroll")


def cut(shell) -> str:
    """What ``fit_check`` finds cut in the window now, a line each ("" when nothing)."""
    return "\n".join(str(finding) for finding in findings(shell, page_area(shell)))


def sized(qapp, shell, width: int, height: int) -> None:
    shell.showNormal()
    shell.resize(width, height)
    settle(qapp)


def in_view(widget, area: QScrollArea) -> bool:
    """Wholly inside the page's viewport, as the agent sees it now."""
    viewport = area.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def cut_cells(table) -> list[str]:
    """Cells whose text is wider than their column (shown elided)."""
    model, header = table.model(), table.horizontalHeader()
    return [f"row {row} column {column}: {model.text(row, column)!r}"
            for row in range(model.rowCount()) for column in range(model.columnCount())
            if table.sizeHintForIndex(model.index(row, column)).width() > header.sectionSize(column) + 1]


@pytest.mark.parametrize("language", ["id", "en"])
def test_laporan_harian_with_closed_days_fits_every_size_and_never_scrolls_sideways(qtbot, qapp, request,
                                                                                    language):
    context, shell, loket = logged_in(request, language)
    two_laporan_z(context)
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.selected is not None, timeout=TIMEOUT)
    area = page_area(shell)
    names = sorted(product_names().values(), key=len, reverse=True)
    for size, (width, height) in SIZES.items():
        sized(qapp, shell, width, height)
        assert area.horizontalScrollBar().maximum() == 0, f"{size}: the page scrolls sideways"
        assert cut(shell) == "", size
        table = screen.table
        assert table.horizontalScrollBar().maximum() == 0, f"{size}: the list of closed days scrolls sideways"
        assert cut_cells(table) == [], size
    assert wrong_words(shell, language, names) == []

    sized(qapp, shell, *NARROW)
    assert focused(shell) is screen.table
    key(qtbot, shell, Qt.Key.Key_Down)  # the older Laporan Z, superseded
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_loaded(qtbot, loket)
    qtbot.waitUntil(lambda: screen.selected is not None and screen.selected.number == 1, timeout=TIMEOUT)
    settle(qapp)
    assert area.horizontalScrollBar().maximum() == 0 and area.horizontalScrollBar().value() == 0
    assert cut(shell) == ""
    assert focused(shell) is screen.table and in_view(screen.table, area)
    assert not screen.pdf_button.isEnabled()  # a superseded report is not exported
    sized(qapp, shell, NARROW[0], NARROW[1] - 150)  # shorter still: the page scrolls down
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    scrolled = bar.value()
    key(qtbot, shell, Qt.Key.Key_Down)  # past the last day: the list has nothing more, the page stays
    settle(qapp)
    assert area.verticalScrollBar().value() == scrolled and area.horizontalScrollBar().value() == 0
    assert wrong_words(shell, language, names) == []


def test_laporan_z_reads_in_english_on_screen_as_the_other_headings_do(qtbot, request):
    context, shell, _loket = logged_in(request, "en")
    close_today(context)
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.selected is not None, timeout=TIMEOUT)
    title = screen.view.title.text()
    assert title.startswith("Z report No. 0001 · working day "), title
    assert "LAPORAN" not in screen.view.text()


def test_laporan_z_keeps_its_indonesian_heading_in_indonesian(qtbot, shell, context):
    close_today(context)
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.selected is not None, timeout=TIMEOUT)
    assert screen.view.title.text().startswith("Laporan Z No. 0001 · hari kerja ")


@pytest.mark.parametrize("language", ["id", "en"])
def test_laporan_harian_without_a_closed_day_opens_at_its_top_on_the_way_to_tutup_hari(qtbot, qapp, request,
                                                                                      language):
    context, shell, loket = logged_in(request, language)
    sized(qapp, shell, *NARROW)
    area = page_area(shell)
    screen = open_screen(qtbot, shell, "daily_reports")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    wait_loaded(qtbot, loket)
    settle(qapp)
    assert area.verticalScrollBar().maximum() == 0, "an empty list needs no scrolling at 819x614"
    assert area.verticalScrollBar().value() == 0 and in_view(screen.heading, area)
    assert not screen.table.isVisible() and screen.empty.isVisible()  # no empty list, its note says why
    button = screen.day_close_button
    assert focused(shell) is button and in_view(button, area)
    assert cut(shell) == ""
    key(qtbot, shell, Qt.Key.Key_Return)  # to Tutup Hari, which starts at its summary: nothing is closed by it
    close = shell.screen("day_close")
    qtbot.waitUntil(lambda: shell.current_screen() is close and not close.loading, timeout=TIMEOUT)
    assert close.page == "summary" and context.dayclose.closed_days() == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_tutup_hari_opens_with_hitung_kas_in_view_and_enter_still_asks_before_closing(qtbot, qapp, request,
                                                                                     language):
    context, shell, loket = logged_in(request, language)
    deposit(context)
    sized(qapp, shell, *NARROW)
    area = page_area(shell)
    screen = open_screen(qtbot, shell, "day_close")
    qtbot.waitUntil(lambda: not screen.loading, timeout=15_000)
    wait_loaded(qtbot, loket)
    settle(qapp)
    count = screen.summary_page.count_button
    assert focused(shell) is count
    assert in_view(count, area) and in_view(screen.heading, area) and in_view(screen.step_label, area)
    assert cut(shell) == ""

    asked: list[str] = []

    def refuse(parent, title: str, text: str) -> bool:  # "Tutup hari?": no
        asked.append(title)
        return False

    screen.ask_confirm = refuse
    key(qtbot, shell, Qt.Key.Key_Return)  # the blind count, nothing closed
    assert screen.page == "count" and focused(shell) is screen.count_page.counted
    type_text(qtbot, shell, str(context.dayclose.x_report().cash.expected))
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=TIMEOUT)
    assert focused(shell) is screen.variance_page.note and in_view(screen.variance_page.note, area)
    qtbot.wait(int(DOUBLE_ENTER_SECONDS * 1000) + 100)  # the difference read: not the count's Enter pressed twice
    key(qtbot, shell, Qt.Key.Key_Return)
    wait_loaded(qtbot, loket)
    assert asked == [screen.tr("Tutup hari?")]  # asked, and the answer no kept the day open
    assert screen.page == "variance" and context.dayclose.closed_days() == []


def sealed_through_the_screen(qtbot, context, shell, loket):
    """A deposit, then Tutup Hari on its screen: counted even, sealed; the screen on its sealed page."""
    deposit(context)
    screen = open_screen(qtbot, shell, "day_close")
    screen.ask_confirm = lambda *args: True
    qtbot.waitUntil(lambda: not screen.loading, timeout=15_000)
    wait_loaded(qtbot, loket)
    screen.summary_page.count_button.click()
    screen.count_page.counted.setText(str(context.dayclose.x_report().cash.expected))
    screen.count_page.enter_button.click()
    qtbot.waitUntil(lambda: screen.page == "variance", timeout=TIMEOUT)
    screen.variance_page.confirm_button.click()
    qtbot.waitUntil(lambda: screen.page == "sealed", timeout=TIMEOUT)
    return screen


@pytest.mark.parametrize("language", ["id", "en"])
def test_tutup_hari_sealed_and_closed_pages_fit_every_size(qtbot, qapp, request, language):
    """The pages after the seal, which the screenshot walk never reaches: the sealed report
    with its code, and "today is already closed"."""
    context, shell, loket = logged_in(request, language)
    screen = sealed_through_the_screen(qtbot, context, shell, loket)
    area = page_area(shell)
    names = sorted(product_names().values(), key=len, reverse=True)
    for page in ("sealed", "closed"):
        if page == "closed":
            open_screen(qtbot, shell, "daily_reports")
            open_screen(qtbot, shell, "day_close")
            qtbot.waitUntil(lambda: screen.page == "closed" and not screen.loading, timeout=15_000)
        for size, (width, height) in SIZES.items():
            sized(qapp, shell, width, height)
            assert cut(shell) == "", f"{page} {size}"
            focus = focused(shell)
            assert focus is not None and screen.isAncestorOf(focus) and in_view(focus, area), f"{page} {size}"
        assert wrong_words(shell, language, names) == [], page


def squeezed(labels) -> list[str]:
    """Labels narrower than their text wants on one line (wrapped into a column of words, or
    elided/clipped), with their widths."""
    return [f"{label.text()!r}: {label.width()} < {label.sizeHint().width()}" for label in labels
            if label.isVisibleTo(label.window()) and label.width() < label.sizeHint().width()]


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_earlier_days_late_line_on_the_blind_laporan_x_leaves_the_hidden_figure_whole(qtbot, qapp, request,
                                                                                         language):
    """Yesterday's bill, in doubt at its seal, settled today: Laporan X lists it before the count,
    the drawer's figure hidden. Its label (reference and working day) stood on one line as wide
    as the drawer box, squeezing "disembunyikan sampai kas selesai dihitung" into a column of
    words at 1024x768 and 125 %, a few pixels from cutting the box off at the right."""
    context, shell, loket = logged_in(request, language)
    context.dayclose.supervisors.set_pin("Budi Santoso", SUPERVISOR_PIN, set_by=USERNAME)
    reference = suspect_row(context)
    flow = context.dayclose.begin_close(USERNAME)
    flow.start_count()
    assert flow.enter_count(100_500) == 0  # the bill's cash in the drawer
    flow.confirm("")
    flow.approve(SUPERVISOR_PIN, "status PLN belum pasti")
    context.journal.transition(reference, State.SUCCESS, actor="system", reason="jawaban host terlambat")
    screen = open_screen(qtbot, shell, "x_report")
    qtbot.waitUntil(lambda: screen.loaded, timeout=TIMEOUT)
    wait_loaded(qtbot, loket)
    view = screen.view
    labels = [view.cash_grid.itemAt(i).widget() for i in range(view.cash_grid.count())]
    assert any(reference in label.text() for label in labels)
    assert any(label.text() == i18n.translate("ReportView", "disembunyikan sampai kas selesai dihitung")
               for label in labels)
    for size, (width, height) in SIZES.items():
        sized(qapp, shell, width, height)
        assert squeezed(labels) == [], size
        assert cut(shell) == "", size
        assert view.cash_box.geometry().right() < view.viewport().width(), f"{size}: the drawer box is cut"
    assert wrong_words(shell, language, sorted(product_names().values(), key=len, reverse=True)) == []


@pytest.mark.parametrize(("language", "paper_mm"), [("id", 58), ("id", 80), ("en", 80)])
def test_the_sealed_days_printout_on_screen_shows_every_column_without_scrolling_sideways(
        qtbot, qapp, request, language, paper_mm):
    """After the seal, "Cetak ringkasan" shows the Laporan Z as the paper has it. Beside the
    figures at 1024x768 and 125 % its preview was ~140px wide for a 32-column printout (48 on
    80 mm paper): a sideways scroll bar, each line cut after a dozen characters. It moves under
    the buttons when there is no room beside them, each line whole, as tall as its lines."""
    context, shell, loket = logged_in(request, language)
    use_printer(context, paper_mm=paper_mm)
    qtbot.waitUntil(lambda: context.printer_worker.config.paper_mm == paper_mm, timeout=TIMEOUT)
    screen = sealed_through_the_screen(qtbot, context, shell, loket)
    screen.sealed_page.print_button.click()
    preview = screen.sealed_page.summary_preview
    qtbot.waitUntil(lambda: "LAPORAN Z" in preview.toPlainText(), timeout=TIMEOUT)
    lines = preview.toPlainText().splitlines()
    assert max(map(len, lines)) == {58: 32, 80: 48}[paper_mm]
    area = page_area(shell)
    for size, (width, height) in SIZES.items():
        sized(qapp, shell, width, height)
        assert preview.horizontalScrollBar().maximum() == 0, f"{size}: the printout scrolls sideways"
        assert not preview.horizontalScrollBar().isVisible(), size
        button = screen.sealed_page.print_button
        if preview.mapTo(shell, QPoint(0, 0)).y() > button.mapTo(shell, QPoint(0, 0)).y():  # under the buttons
            assert preview.verticalScrollBar().maximum() == 0, f"{size}: the page scrolls, not the printout"
        assert area.horizontalScrollBar().maximum() == 0, f"{size}: the page scrolls sideways"
        assert cut(shell) == "", size
