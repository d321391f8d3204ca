"""Product groups are identifiers; the label is looked up for display.

A journal written before the identifiers holds the labels its rows were hashed with
("Perbankan", "Tagihan", "Pembelian"), and a day written across the upgrade holds both:
the reports read them as one group and show its label.
"""

from __future__ import annotations

import csv
import io

from services.dayclose import DayCloseService
from services.journal import State
from services.product_groups import BANKING, BILLS, PURCHASES, group_id, group_label
from services.reports import render_csv, render_summary

DAY = "2026-11-21"


def deposit(journal, group: str, amount: int) -> None:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group=group, amount=amount, fee=0,
                  operator="kasir1", request={"accountNum": "14047"}, customer_ref="14047")
    journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim ke host")
    journal.transition(ref, State.SUCCESS, actor="system", reason="dikonfirmasi host")


def test_the_old_labels_read_as_the_identifiers_they_stand_for():
    assert [group_id(label) for label in ("Perbankan", "Tagihan", "Pembelian")] == [BANKING, BILLS, PURCHASES]
    assert group_id(BANKING) == BANKING
    assert [group_label(g) for g in (BANKING, "Perbankan", BILLS, PURCHASES)] == [
        "Perbankan", "Perbankan", "Tagihan", "Pembelian"]


def test_a_day_written_across_the_upgrade_is_one_group_shown_by_its_label(journal, clock):
    deposit(journal, "Perbankan", 100_000)  # before the upgrade: the label, hashed as it is
    deposit(journal, BANKING, 50_000)  # after it: the identifier
    assert [row.product_group for row in journal.iter_rows("1=1", {})] == ["Perbankan", BANKING]
    assert journal.verify().ok  # nothing rewritten: the chain holds

    report = DayCloseService(journal, clock=clock).x_report(DAY, operator="kasir1")
    assert [(p.group, p.product, p.count, p.total) for p in report.products] == [(BANKING, "deposit", 2, 150_000)]
    assert [(g.group, g.count, g.total) for g in report.groups] == [(BANKING, 2, 150_000)]

    printed = render_summary(report, 32).text
    assert "Perbankan" in printed and BANKING not in printed
    rows = list(csv.DictReader(io.StringIO(render_csv(report).decode("utf-8-sig"))))
    assert {r["product_group"] for r in rows if r["section"] == "product"} == {BANKING}
