"""A report on screen shows every product's name whole, at every width.

A cashier comparing Laporan X or Tutup Hari's figures with the paper reads the product's
name in the summary: at some widths the longest names the sandbox has ("PLN Non-Taglis
(Pasang Baru/Tambah Daya)") ended in "…". The name wraps in its column instead, and the row
is as tall as its lines; the page never scrolls sideways for it. (Laporan Harian shows its
Laporan Z in the same view.)
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from services.journal import State
from services.product_names import product_names as known_names
from tests.ui.every_screen import SIZES
from tests.ui.screenshots import settle
from tests.ui.test_dayclose_screens import open_screen
from tests.ui.test_reports_layout import back_to_indonesian, logged_in, page_area, sized
from tests.ui.uidrive import USERNAME

PRODUCT = 2  # the product column of the lists of failed and open transactions
LONGEST = 8  # the sandbox's longest product names, each with a day's figures

__all__ = ["back_to_indonesian"]  # the fixture: the next test starts in Indonesian again


def sell_the_longest_names(context) -> list[str]:
    """A success today for each of the longest-named products, and one refused and one whose
    answer never came for the longest two (the report's lists); their ids, longest first."""
    ids = sorted(known_names(), key=lambda key: len(known_names()[key]), reverse=True)[:LONGEST]
    journal = context.journal
    for number, (product, state) in enumerate([(p, State.SUCCESS) for p in ids]
                                              + [(p, State.FAILED) for p in ids[:2]]
                                              + [(p, State.SUSPECT) for p in ids[:2]]):
        reference = journal.next_reference()
        journal.begin(reference=reference, host="keagenan", product=product, product_group="bills",
                      amount=100_000 + number * 1_000, fee=2_500, operator=USERNAME, request={},
                      customer_ref=f"53910001{number:02d}", customer_name="SITI AMINAH")
        journal.transition(reference, State.SENT, actor=USERNAME, reason="dikirim")
        journal.transition(reference, state, actor="system", reason=state.value.lower())
    return ids


def cut_names(table, column: int = 0) -> list[str]:
    """The rows whose product name (in ``column``) the table paints cut ("…"), laid out as
    Qt's style paints a cell (``QCommonStylePrivate::viewItemDrawText``): in the style's text
    rectangle (the style sheet's padding taken off), less a margin each side, wrapped at word
    boundaries; a line wider than that, or lines taller than it, end in "…"."""
    model, style = table.model(), table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    found = []
    for row in range(model.rowCount()):
        index = model.index(row, column)
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        table.itemDelegate().initStyleOption(option, index)
        option.rect = table.visualRect(index)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
        width = text_rect.width() - 2 * margin
        layout = QTextLayout(option.text, option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WordWrap if table.wordWrap() else QTextOption.WrapMode.ManualWrap)
        layout.setTextOption(text_option)
        layout.beginLayout()
        height, widest = 0.0, 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
        if widest > width + 0.5 or height > text_rect.height() + 0.5:
            found.append(f"{option.text.strip()!r}: {widest:.0f}x{height:.0f} in {width}x{text_rect.height()}")
    return found


def report_on_screen(qtbot, shell, screen_id: str):
    """``screen_id`` opened from Beranda, as the agent opens it, and its report loaded."""
    shell.open("home")
    screen = open_screen(qtbot, shell, screen_id)
    view = screen.view if screen_id == "x_report" else screen.summary_page.report_view
    qtbot.waitUntil(lambda: screen.calls == 0 and view.summary.rowCount() > LONGEST, timeout=10_000)
    return view


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("screen_id", ["x_report", "day_close"])
def test_every_product_name_is_whole_at_819_and_1366(qtbot, qapp, request, language, screen_id):
    context, shell, loket = logged_in(request, language)
    sell_the_longest_names(context)
    area = page_area(shell)
    for size in ("1024x768-125", "1366x768", "1366x768-125", "1024x768"):
        sized(qapp, shell, *SIZES[size])
        view = report_on_screen(qtbot, shell, screen_id)  # opened at this size
        for resized in (False, True):  # and again after the window changed size under it
            if resized:
                sized(qapp, shell, 1200, 700)
                sized(qapp, shell, *SIZES[size])
            settle(qapp)
            assert cut_names(view.summary_table) == [], size
            for listed in (view.failed_table, view.open_table):
                assert cut_names(listed, PRODUCT) == [], size
            assert area.horizontalScrollBar().maximum() == 0, f"{size}: the page scrolls sideways"
            assert view.horizontalScrollBar().maximum() == 0, f"{size}: the report scrolls sideways"


def test_a_wrapped_product_name_stays_set_in_under_its_group_on_every_line(qtbot, qapp, request):
    """Products were set in under their group by four leading spaces: a name wrapped at
    1024x768 kept them on its first line only, and its next line ("(Tagihan Listrik)") stood
    out under the group's heading. Every line of a product's name now starts where its first does."""
    context, shell, loket = logged_in(request, "id")
    sell_the_longest_names(context)
    sized(qapp, shell, *SIZES["1024x768-125"])
    view = report_on_screen(qtbot, shell, "x_report")
    settle(qapp)
    table, model, style = view.summary_table, view.summary, view.summary_table.style()

    def text_left(row: int) -> int:
        """Where the style starts every line of the row's first cell."""
        index = model.index(row, 0)
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        table.itemDelegate().initStyleOption(option, index)
        option.rect = table.visualRect(index)
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table).left()

    kinds = [line.kind for line in model.rows()]
    group, products = kinds.index("group"), [row for row, kind in enumerate(kinds) if kind == "product"]
    line = table.fontMetrics().lineSpacing()
    assert any(table.rowHeight(row) >= 2 * line for row in products)  # some name does wrap here
    for row in products:
        assert model.text(row, 0) == model.text(row, 0).lstrip()  # no spaces for the wrapped lines to miss
        assert text_left(row) >= text_left(group) + 12
