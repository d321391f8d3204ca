"""Loket stopped (killed, the power cut) with one payment cut off after it left and another
before it was sent: the notice after the login says both in the same words. Its line about
the first said Loket "berhenti", its line about the second "ditutup", as if the agent had
closed it: the same stop, named two ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.context import build_context
from services.journal import State
from services.profile import Profile
from tests.ui.uidrive import USERNAME

TIMEOUT = 10_000


@pytest.fixture
def context(tmp_path: Path):
    """The profile of a Loket killed twice mid-payment: a deposit SENT (its answer never
    came) and one begun but never sent."""
    first = build_context(Profile(tmp_path / "profile"))
    made = []
    for amount, sent_by in ((200_000, USERNAME), (50_000, None)):
        ref = first.journal.next_reference()
        first.journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                            amount=amount, fee=0, operator=USERNAME, customer_ref="14047",
                            customer_name="ARDHA HERDIANTO", request={}, sent_by=sent_by)
        made.append(ref)
    first.close()
    ctx = build_context(Profile(tmp_path / "profile"))  # the start after the kill
    assert [(row.reference, row.state) for row in ctx.recovered] == [(made[0], State.SUSPECT),
                                                                     (made[1], State.FAILED)]
    yield ctx
    ctx.close()


def test_both_lines_of_the_restart_notice_say_loket_berhenti(qtbot, shell, context):
    home = shell.screen("home")
    qtbot.waitUntil(lambda: shell.current_screen() is home and home.loaded, timeout=TIMEOUT)
    lines = shell.notice.text().split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("1 transaksi terputus saat Loket terakhir berhenti dan statusnya belum pasti.")
    assert lines[1].startswith("1 transaksi belum sempat dikirim saat Loket terakhir berhenti: dicatat GAGAL")
    assert "ditutup" not in shell.notice.text()
