"""The office report's CSV is written line by line for speed: what a spreadsheet reads back
must still be every value as it is, with commas, quotes, line breaks and percent signs in
names and notes."""

from __future__ import annotations

import csv
import io

from services.office.report import (
    CSV_COLUMNS,
    CounterDay,
    Figures,
    OfficeReport,
    OpenRow,
    ProductLine,
    Seal,
    render_csv,
)


def test_the_csv_reads_back_every_value_even_with_commas_quotes_and_line_breaks():
    odd = ProductLine('Bank, "plus"', "host,1", "pro\nduct", 'Setor "tunai" 100%d', Figures(2, 10_000, 2_500, 12_500))
    plain = ProductLine("Tagihan", "keagenan", "pln_postpaid", "PLN Pascabayar",
                        Figures(1, 50_000, 2_500, 52_500, 3_000))
    seal = Seal(7, 100_000, 95_000, -5_000, 'kurang "lima", ribu\r\ndicek', Figures(3, 60_000, 5_000, 65_000, 3_000))
    days = [CounterDay("K001", "Loket A", [odd, plain], Figures(3, 60_000, 5_000, 65_000, 3_000), [], seal),
            CounterDay("K002", "", [], Figures(), [], None)]
    open_row = OpenRow("K001", "R,0001", "10:05", "keagenan", "pln_postpaid", '53"91', 52_500, "SUSPECT")
    report = OfficeReport("2026-11-21", days, [odd, plain], Figures(3, 60_000, 5_000, 65_000, 3_000), [open_row],
                          ["K002"], 1)

    data = render_csv(report)

    assert data.count(b"\r\n") >= 8  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert all(len(r) == len(CSV_COLUMNS) and None not in r for r in rows)
    product = next(r for r in rows if r["section"] == "counter_product" and r["host"] == "host,1")
    assert (product["product_group"], product["product"], product["name"]) == ('Bank, "plus"', "pro\nduct",
                                                                               'Setor "tunai" 100%d')
    assert (product["count"], product["amount"], product["fee"], product["total"]) == ("2", "10000", "2500", "12500")
    assert product["counter_fee"] == "0"
    pln = next(r for r in rows if r["section"] == "counter_product" and r["product"] == "pln_postpaid")
    assert (pln["total"], pln["counter_fee"]) == ("52500", "3000")  # the agent's own fee, beside the bank's total
    assert {r["section"]: r["counter_fee"] for r in rows if r["section"] in ("counter_total", "counter_close",
                                                                            "office_total", "unsealed")} == {
        "counter_total": "0", "counter_close": "3000", "office_total": "3000", "unsealed": ""}
    close = next(r for r in rows if r["section"] == "counter_close")
    assert close["detail"] == ('Z-0007 expected 100000 counted 95000 variance -5000 (kurang "lima", ribu\r\ndicek)')
    opened = next(r for r in rows if r["section"] == "open")
    assert (opened["reference"], opened["detail"]) == ("R,0001", '10:05 keagenan pln_postpaid 53"91')
    unsealed = next(r for r in rows if r["section"] == "unsealed")
    assert ((unsealed["counter_id"], unsealed["total"], unsealed["detail"])
            == ("K002", "", "day not sealed (no Laporan Z)"))
    assert rows[-1]["section"] == "office_total" and rows[-1]["total"] == "65000" and rows[-1]["detail"] == "alerts 1"
