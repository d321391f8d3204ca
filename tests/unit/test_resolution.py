"""Settling SUSPECT rows: the status-check registry and manual resolution."""

from __future__ import annotations

import pytest

from services.errors import MaybeSent, UserInputError
from services.journal import State
from services.resolution import Confirmation, StatusAnswer, SuspectResolver
from services.resolution_guide import SANDBOX_NUMBER, ResolutionGuides


def suspect(journal, host="bankplus", customer="1234567890"):
    ref = journal.next_reference()
    journal.begin(reference=ref, host=host, product="deposit", product_group="banking", amount=100_000, fee=0,
                  operator="BNIUS100294", customer_ref=customer, request={"amount": "100000"})
    journal.transition(ref, State.SENT, actor="BNIUS100294", reason="dikirim")
    return journal.transition(ref, State.SUSPECT, actor="system", reason="jawaban tidak diterima")


def test_manual_success_records_who_when_why_and_the_hosts_number(journal, clock):
    row = suspect(journal)
    resolver = SuspectResolver(journal)
    [item] = resolver.worklist()
    assert item.can_check is False and "Telepon" in item.advice and item.guide.host == "bankplus"
    clock.advance(600)
    outcome = resolver.resolve_manually(row.reference, success=True, actor="SPV Rina",
                                        reason="Tercatat di laporan harian Bank+", host_ref="BLB2611210001")
    assert outcome.state is State.SUCCESS and "SPV Rina" in outcome.message
    settled = journal.get(row.reference)
    assert settled.host_ref == "BLB2611210001"
    event = journal.events(row.reference)[-1]
    assert (event.actor, event.to_state) == ("SPV Rina", State.SUCCESS)
    assert "laporan harian" in event.reason and event.at == settled.updated_at
    assert event.at.startswith("2026-11-21T14:15:00")
    assert resolver.worklist() == []


def test_manual_failure_needs_a_reason_and_keeps_it(journal):
    row = suspect(journal)
    resolver = SuspectResolver(journal)
    with pytest.raises(UserInputError) as info:
        resolver.resolve_manually(row.reference, success=False, actor="SPV Rina", reason="")
    assert info.value.field == "reason"
    with pytest.raises(UserInputError) as info:
        resolver.resolve_manually(row.reference, success=True, actor="SPV Rina", reason="ada di laporan")
    assert info.value.field == "host_ref"
    resolver.resolve_manually(row.reference, success=False, actor="SPV Rina", reason="Tidak ada di laporan host")
    failed = journal.get(row.reference)
    assert failed.state is State.FAILED and failed.error_code == "MANUAL"
    assert failed.error_message == "Tidak ada di laporan host"


def test_hosts_with_a_status_check_are_not_resolved_by_hand(journal):
    row = suspect(journal, host="switcher")
    resolver = SuspectResolver(journal)
    resolver.register("switcher", lambda r: StatusAnswer(State.SUCCESS, host_ref="1001"))
    with pytest.raises(UserInputError):
        resolver.resolve_manually(row.reference, success=True, actor="x", reason="saya yakin", host_ref="1")
    assert [o.state for o in resolver.resolve_all()] == [State.SUCCESS]


def test_resolve_all_checks_only_rows_whose_host_has_a_check(journal):
    checked, manual = suspect(journal, host="switcher", customer="1"), suspect(journal, host="bankplus", customer="2")
    seen = []
    resolver = SuspectResolver(journal)
    resolver.register("switcher", lambda r: seen.append(r.reference) or StatusAnswer(State.SUCCESS, host_ref="7"))
    outcomes = resolver.resolve_all()
    assert seen == [checked.reference] and [o.reference for o in outcomes] == [checked.reference]
    assert journal.get(manual.reference).state is State.SUSPECT


def test_an_unreachable_host_leaves_the_row_suspect(journal):
    row = suspect(journal, host="switcher")
    resolver = SuspectResolver(journal)

    def down(r):
        raise MaybeSent(host="switcher", detail="timeout")

    resolver.register("switcher", down)
    [outcome] = resolver.resolve_all()
    assert outcome.resolved is False and journal.get(row.reference).state is State.SUSPECT


def test_not_found_is_believed_only_after_the_grace_period(journal, clock):
    row = suspect(journal, host="switcher")
    resolver = SuspectResolver(journal, not_found_grace_seconds=120)
    resolver.register("switcher", lambda r: StatusAnswer(State.FAILED, detail="refnum provided was not found",
                                                          not_found=True))
    assert resolver.check(row.reference).resolved is False
    clock.advance(121)
    outcome = resolver.check(row.reference)
    assert outcome.state is State.FAILED and journal.get(row.reference).error_code == "NOT_FOUND"


def test_a_clock_put_forward_does_not_shorten_the_grace_of_not_found(journal, clock):
    """A request still travelling may be booked later: an hour added to the wall clock
    (Windows' time sync) is not two minutes of SUSPECT, so "not found" settles nothing yet."""
    row = suspect(journal, host="switcher")
    resolver = SuspectResolver(journal, not_found_grace_seconds=120)
    resolver.register("switcher", lambda r: StatusAnswer(State.FAILED, detail="refnum provided was not found",
                                                          not_found=True))
    clock.advance(30)
    clock.jump(3600)
    assert resolver.check(row.reference).resolved is False
    assert journal.get(row.reference).state is State.SUSPECT
    clock.advance(91)
    assert resolver.check(row.reference).state is State.FAILED


def test_after_success_hooks_run_for_checked_and_manual_settlements(journal):
    calls = []
    resolver = SuspectResolver(journal)
    resolver.register("switcher", lambda r: StatusAnswer(State.SUCCESS, host_ref="1"),
                      after_success=lambda row, actor: calls.append((row.reference, actor)))
    resolver.register("bankplus", after_success=lambda row, actor: calls.append((row.reference, actor)))
    a, b = suspect(journal, host="switcher", customer="1"), suspect(journal, customer="2")
    resolver.resolve_all(actor="timer")
    resolver.resolve_manually(b.reference, success=True, actor="SPV", reason="laporan host", host_ref="X1")
    assert calls == [(a.reference, "timer"), (b.reference, "SPV")]


def test_a_row_that_never_left_is_listed_and_can_be_abandoned(journal):
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=1, fee=0,
                  operator="op", customer_ref="9", request={})
    resolver = SuspectResolver(journal)
    assert resolver.worklist() == []  # NEW and about to be sent: not the agent's business
    journal.transition(ref, State.SENT, actor="op", reason="dikirim")
    journal.transition(ref, State.NEW, actor="system", reason="tidak terkirim: ConnectError")
    [item] = resolver.worklist()
    assert item.not_sent and "Kirim ulang" in item.advice
    outcome = resolver.abandon(ref, actor="BNIUS100294", reason="pelanggan pergi")
    assert outcome.state is State.FAILED and journal.get(ref).error_code == "NOT_SENT"
    assert resolver.worklist() == []


def test_manual_success_records_the_hosts_fee(journal):
    row = suspect(journal)  # sent as Rp 100.000 with no fee; the host's report shows Rp 2.500 admin
    resolver = SuspectResolver(journal)
    resolver.resolve_manually(row.reference, success=True, actor="SPV Rina", reason="Laporan host: admin 2.500",
                              host_ref="BLB2611210002", settled_fee=2_500)
    settled = journal.get(row.reference)
    assert (settled.state, settled.fee, settled.fee_final, settled.total_final) == (State.SUCCESS, 0, 2_500, 102_500)
    assert journal.verify().ok  # the settled figures are part of the hash chain like any change


def test_manual_success_takes_the_hosts_total_and_derives_the_fee(journal):
    row = suspect(journal)
    SuspectResolver(journal).resolve_manually(row.reference, success=True, actor="SPV Rina",
                                              reason="Laporan host: total 103.000", host_ref="BLB3",
                                              settled_total=103_000)
    settled = journal.get(row.reference)
    assert (settled.settled_fee, settled.settled_total) == (3_000, 103_000)


def test_manual_host_figures_are_checked(journal):
    row = suspect(journal)
    resolver = SuspectResolver(journal)
    cases = [
        dict(success=False, settled_fee=2_500),  # a failure moved no money: no fee to record
        dict(success=True, host_ref="X", settled_fee=-1),
        dict(success=True, host_ref="X", settled_total=99_000),  # below the amount
        dict(success=True, host_ref="X", settled_fee=2_500, settled_total=103_000),  # do not add up
    ]
    for case in cases:
        with pytest.raises(UserInputError) as info:
            resolver.resolve_manually(row.reference, actor="SPV Rina", reason="laporan host", **case)
        assert info.value.field in ("settled_fee", "settled_total")
    assert journal.get(row.reference).state is State.SUSPECT  # nothing recorded
    resolver.resolve_manually(row.reference, success=True, actor="SPV Rina", reason="laporan host", host_ref="X",
                              settled_fee=2_500, settled_total=102_500)
    assert journal.get(row.reference).total_final == 102_500


def test_a_status_answer_naming_another_reference_settles_nothing(journal):
    from services.journal import State as S
    from services.resolution import StatusAnswer, SuspectResolver

    ref = journal.next_reference()
    journal.begin(reference=ref, host="switcher", product="switcher_transfer", product_group="banking",
                  customer_ref="888801000157516", customer_name="SITI", amount=50_000, fee=0, operator="k",
                  request={"refnum": ref})
    journal.transition(ref, S.SENT, actor="k", reason="dikirim")
    journal.transition(ref, S.SUSPECT, actor="system", reason="jawaban tidak diterima")
    resolver = SuspectResolver(journal, not_found_grace_seconds=0)
    resolver.register("switcher", lambda row: StatusAnswer(S.SUCCESS, host_ref="1001", reference="2611211405009999"))
    outcome = resolver.check(ref)
    assert (outcome.state, outcome.resolved) == (S.SUSPECT, False)
    assert journal.get(ref).state is S.SUSPECT


def test_a_call_centers_word_settles_the_row_and_is_journaled_as_the_evidence(journal, clock):
    """What the agent can learn by telephone is enough: the officer's name and the time,
    no host journal number; the event's reason says exactly that."""
    row = suspect(journal)
    resolver = SuspectResolver(journal, guides=ResolutionGuides({"bankplus": {"call_center": "021-555-0101"}},
                                                                sandbox=False))
    [item] = resolver.worklist()
    assert (item.guide.phone, item.guide.who()) == ("021-555-0101", "Call center Bank+ (layanan agen), 021-555-0101")
    call = Confirmation(item.guide.who(), "  Ibu  Rina ", "14:05")
    resolver.resolve_manually(row.reference, success=True, actor="BNIUS100294", confirmation=call)
    settled = journal.get(row.reference)
    assert settled.state is State.SUCCESS and settled.host_ref == ""
    event = journal.events(row.reference)[-1]
    assert event.actor == "BNIUS100294"
    assert event.reason == ("penyelesaian manual: dikonfirmasi BERHASIL oleh Call center Bank+ (layanan agen), "
                            "021-555-0101; petugas Ibu Rina, pukul 14:05 WIB")


def test_a_confirmed_failure_keeps_the_officer_the_journal_number_stays_optional(journal):
    row = suspect(journal, host="keagenan")
    resolver = SuspectResolver(journal, guides=ResolutionGuides({}, sandbox=True))
    guide = resolver.guides.for_host("keagenan")
    assert guide.phone == SANDBOX_NUMBER and "fiktif" in guide.phone  # never a real bank's number
    for officer, time in (("", "14:05"), ("Budi", "25:00"), ("Budi", "1405"), ("Budi", "١٤:٠٥")):
        with pytest.raises(UserInputError):
            resolver.resolve_manually(row.reference, success=False, actor="agen",
                                      confirmation=Confirmation(guide.who(), officer, time))
    resolver.resolve_manually(row.reference, success=False, actor="agen", reason="pelanggan diberi tahu",
                              confirmation=Confirmation(guide.who(), "Budi", "09:30"))
    settled = journal.get(row.reference)
    assert settled.state is State.FAILED and settled.error_code == "MANUAL"
    assert "dikonfirmasi GAGAL" in settled.error_message and "petugas Budi, pukul 09:30 WIB" in settled.error_message
    assert journal.events(row.reference)[-1].reason.endswith("catatan: pelanggan diberi tahu")


def test_live_without_a_number_says_where_to_get_one():
    guide = ResolutionGuides({"bankplus": {"base_url": "https://x"}}, sandbox=False).for_host("bankplus")
    assert "kantor mitra" in guide.phone
