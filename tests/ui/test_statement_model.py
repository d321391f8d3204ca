"""The BCA mutasi table model and its proxy, without a window (STYLE.md rule 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from services.hosts.bca.service import StatementRow
from ui.models.statement import (
    AMOUNT,
    BALANCE,
    COLUMNS,
    DATE,
    REMARK,
    TYPE,
    StatementModel,
    format_sen,
    statement_proxy,
)

ROWS = [
    StatementRow("20/11/2026 08:00 WIB", "SALDO AWAL SANDBOX", "CR", 25_000_000_00, 25_000_000_00, "OPEN1"),
    StatementRow("21/11/2026 09:15 WIB", "TRSF E-BANKING DB sewa", "DB", 1_500_000_00, 23_500_000_00, "T2"),
    StatementRow("21/11/2026 10:30 WIB", "TRSF E-BANKING CR bunga", "CR", 12_345, 23_500_123_45, "T3"),
]


def texts(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_columns_and_display_text(qapp):
    model = StatementModel(ROWS)
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == list(COLUMNS)
    assert COLUMNS == ("Tanggal", "Keterangan", "CR/DB", "Nominal", "Saldo")
    assert texts(model, DATE)[1] == "21/11/2026 09:15 WIB"
    assert texts(model, TYPE) == ["CR", "DB", "CR"]
    assert texts(model, AMOUNT) == ["Rp 25.000.000", "Rp 1.500.000", "Rp 123,45"]
    assert texts(model, BALANCE)[2] == "Rp 23.500.123,45"
    alignment = model.index(0, AMOUNT).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)


def test_unknown_running_balance_shows_a_dash(qapp):
    model = StatementModel([StatementRow("x", "r", "CR", 100, None, "id")])
    assert model.index(0, BALANCE).data() == "—"


def test_amounts_sort_as_numbers_not_text(qapp):
    proxy = statement_proxy(StatementModel(ROWS))
    proxy.sort(AMOUNT, Qt.SortOrder.AscendingOrder)
    # as text "Rp 1.500.000" < "Rp 123,45" < "Rp 25.000.000"; as numbers 123,45 comes first
    assert texts(proxy, AMOUNT) == ["Rp 123,45", "Rp 1.500.000", "Rp 25.000.000"]
    proxy.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, REMARK)[0] == "TRSF E-BANKING CR bunga"


def test_search_filters_on_the_remark(qapp):
    proxy = statement_proxy(StatementModel(ROWS))
    proxy.setFilterFixedString("sewa")
    assert texts(proxy, REMARK) == ["TRSF E-BANKING DB sewa"]
    proxy.setFilterFixedString("TRSF")
    assert proxy.rowCount() == 2


def test_set_rows_resets_the_model(qtbot, qapp):
    model = StatementModel()
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS)
    assert model.rowCount() == 3 and model.row_at(1).transaction_id == "T2"


def test_format_sen():
    assert format_sen(0) == "Rp 0"
    assert format_sen(-150_00) == "-Rp 150"
    assert format_sen(1_234_567_89) == "Rp 1.234.567,89"
