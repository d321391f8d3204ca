"""The printout preview's size before its first layout (Tutup Hari's summary, reflowed as
the page is built, before it is shown): never a negative minimum, which Qt refuses with a
warning ("setMinimumSize: negative sizes"), and never less than its lines need."""

from __future__ import annotations

import pytest

from ui.widgets.preview import monospace_preview, whole_height, whole_width


@pytest.mark.parametrize("lines", [0, 1, 30])
def test_a_preview_not_laid_out_yet_measures_its_lines(qtbot, lines: int) -> None:
    preview = monospace_preview("printPreview")
    qtbot.addWidget(preview)
    preview.setPlainText("\n".join(f"BARIS {n:02d}".ljust(32, ".") for n in range(lines)))
    spacing = preview.fontMetrics().lineSpacing()
    assert whole_height(preview) >= max(lines, 1) * spacing
    assert whole_width(preview) >= preview.fontMetrics().horizontalAdvance("B" * 32) * (lines > 0)


def test_a_preview_resized_by_its_page_before_it_is_shown(qtbot) -> None:
    """Its page's layout gives it a geometry before it is shown; its viewport keeps Qt's
    default size until the resize event that the showing delivers."""
    preview = monospace_preview("printPreview")
    qtbot.addWidget(preview)
    preview.setPlainText("RINGKASAN")
    preview.resize(23, 30)
    assert whole_height(preview) >= preview.fontMetrics().lineSpacing()
