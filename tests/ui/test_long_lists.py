"""Lists that grow with a kiosk's age cost the GUI thread what is in view, not what they hold.

At a kiosk a year old Laporan Harian lists ~300 Laporan Z (tests/bench/aged.py). Its table's
columns were sized to their contents over every row at each layout: Qt reads up to 1,000 rows
of every column through the model (38,000 reads, 110-170 ms on the GUI thread when the screen
opened, two years' list twice that). They are sized from the rows in view.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QApplication

from ui.models.report import ClosedDay, ClosedDaysModel
from ui.widgets.report_view import report_table


class CountedDays(ClosedDaysModel):
    """Counts what the view reads from the model."""

    reads = 0

    def data(self, index, role=0):  # noqa: ANN001 - Qt's signature
        self.reads += 1
        return super().data(index, role)


def reads_to_show(qtbot, days: int) -> int:
    """The model's reads while the list of ``days`` closed days is filled and laid out."""
    model = CountedDays()
    table = report_table(model, "reportTable", 2, fit=False)  # as Laporan Harian's list
    qtbot.addWidget(table)
    table.resize(300, 500)
    table.show()
    qtbot.waitExposed(table)
    first = date(2025, 12, 1)
    model.reads = 0
    model.set_rows([ClosedDay((first + timedelta(days=n)).isoformat(), n + 1, True) for n in reversed(range(days))])
    table.selectRow(0)
    QApplication.processEvents()
    table.repaint()
    return model.reads


def test_laporan_harians_list_reads_what_is_in_view_however_many_days_it_holds(qtbot):
    month, two_years = reads_to_show(qtbot, 30), reads_to_show(qtbot, 600)
    assert month > 0
    assert two_years < 2 * month, f"{two_years} reads for 600 days against {month} for 30"
