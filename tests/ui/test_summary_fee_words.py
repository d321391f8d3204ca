"""The day's summary on paper ("Cetak ringkasan" after Tutup Hari) says the admin fee is inside
the products' totals (counter-day walk).

Each product line prints its total (nominal and the bank's admin fee), and the group's admin
fee followed it as " Biaya admin Rp 3.000", in the same style as " Biaya loket", which is paid
besides: a supervisor adding the PLN bill's Rp 1.203.000 and its Rp 3.000 read Rp 1.206.000
for a day whose bills took Rp 1.203.000. The fee's line now says it is included."""

from __future__ import annotations

from services.journal import State
from tests.ui.test_reports_layout import sealed_through_the_screen
from tests.ui.uidrive import USERNAME

TIMEOUT = 10_000


def paid_bill(context) -> None:
    """A PLN bill of Rp 1.200.000 paid with the bank's Rp 3.000 admin fee, as the runner writes it."""
    journal = context.journal
    ref = journal.next_reference()
    journal.begin(reference=ref, host="keagenan", product="pln_postpaid", product_group="bills", amount=1_200_000,
                  fee=3_000, operator=USERNAME, request={}, customer_ref="5311112", customer_name="PEL POSTPAID")
    journal.transition(ref, State.SENT, actor=USERNAME, reason="dikirim")
    journal.transition(ref, State.SUCCESS, actor="system", reason="ok")


def group_lines(text: str, group: str) -> list[str]:
    """The lines of ``group``'s block in the printout, up to the rule under the groups."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(group))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(("-", "Perbankan", "Tagihan")))
    return [" ".join(line.split()) for line in lines[start + 1:end]]


def test_the_bills_admin_fee_reads_as_part_of_its_total_not_on_top_of_it(qtbot, context, shell, loket):
    paid_bill(context)
    screen = sealed_through_the_screen(qtbot, context, shell, loket)  # with a deposit of Rp 250.000
    screen.sealed_page.print_button.click()
    preview = screen.sealed_page.summary_preview
    qtbot.waitUntil(lambda: "LAPORAN Z" in preview.toPlainText(), timeout=TIMEOUT)
    bills = group_lines(preview.toPlainText(), "Tagihan")
    assert bills[-2:] == ["Rp 1.203.000", "Termasuk biaya admin Rp 3.000"], bills
    assert group_lines(preview.toPlainText(), "Perbankan")[-1] == "Termasuk biaya admin Rp 0"
