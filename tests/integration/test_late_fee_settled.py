"""A PLN bill SUSPECT at Tutup Hari, settled by hand the next day with another admin fee than
the Rp 3.000 quoted and collected: the bank's officer names Rp 5.500 (or Rp 1.000).

Day 1's Laporan Z held the quoted total in the drawer (in the next float). The next day the
journal settles the bank's figures, so the day's late line moves the difference: received
when the bank took more, paid out when it took less. The agent must be told exactly that, in
the decision's own words (``Resolution.message``, ``drawer_change``); with the difference
collected or handed back the day closes even, and the Laporan Z's CSV and the journal
export carry the bank's figures. Before, the decision said only "Dicatat BERHASIL".
"""

from __future__ import annotations

import pytest

from services.journal.export import records_for_day
from services.resolution import SuspectResolver
from tests.integration.test_carry_forward import close_day, day_one, late_lines, next_day
from tests.integration.test_variance_held import FLOAT, bank, bills, days  # noqa: F401

QUOTED = 3_000


@pytest.mark.parametrize("fee, told", [
    (5_500, "Tagih nasabah Rp 2.500 lagi"),
    (1_000, "Kembalikan Rp 2.000 kepada nasabah"),
])
def test_a_bill_settled_the_next_day_at_another_fee_moves_and_tells_the_difference(bills, bank, days,  # noqa: F811
                                                                                   clock, journal,
                                                                                   fee, told):
    held, reference = day_one(bills, bank, days, clock, drawer_has_it=True)
    drawer = FLOAT + held
    next_day(days, clock, drawer)
    decided = SuspectResolver(journal).resolve_manually(reference, success=True, actor="kasir1",
                                                        reason="laporan host", host_ref="JRN-123", settled_fee=fee)
    assert told in decided.message and decided.drawer_change == fee - QUOTED
    row = journal.get(reference)
    assert (row.fee, row.fee_final, row.total_final) == (QUOTED, fee, held - QUOTED + fee)

    x = days.x_report()
    [late] = x.late
    assert (late.received, late.paid_out) == (max(fee - QUOTED, 0), max(QUOTED - fee, 0))
    assert x.cash.expected == drawer + fee - QUOTED
    assert len(late_lines(x)) == 1
    assert close_day(days, drawer + decided.drawer_change) == 0  # the difference collected / handed back

    [exported] = [r for r in records_for_day(journal, row.business_date, mode="sandbox") if r["reference"] == reference]
    assert (exported["fee"], exported["settled_fee"], exported["settled_total"]) == (QUOTED, fee, held - QUOTED + fee)
