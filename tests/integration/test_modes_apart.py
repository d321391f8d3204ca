"""Sandbox and live keep their transactions apart (``Profile.data_folder``).

One journal served both: a drill or a simulated deposit made on a kiosk before it was
switched to live stayed a row of the live journal, counted in its Laporan Z and its office
copy, and the sandbox's KYC picture copies waited for upload among the real customers'."""

from __future__ import annotations

import queue

import pytest

from app.context import build_context
from app.screen_services import screen_services
from services.errors import UserInputError
from services.host_settings import HostSettings
from services.journal import State
from services.profile import Profile
from services.secrets import SecretStore
from tests.integration.test_live_tls_context import configure_live

PIN = "359569"


def test_a_sandbox_deposit_stays_out_of_the_live_journal(tmp_path):
    profile = Profile(tmp_path / "profile")
    context = build_context(profile)
    try:
        assert context.sandbox and context.journal.path == profile.folder / "sandbox" / "journal.db"
        assert profile.journal_path == context.journal.path  # the support commands read the mode's own
        context.banking.login("BNIUS100294", "T6jkl4ss")
        context.dayclose.shifts.open(0, "BNIUS100294")
        done = context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="125.000", narration="",
                                       pin=PIN)
        assert done.row.state.name == "SUCCESS"
        assert context.banking.attachments_dir.parent == profile.folder / "sandbox"
    finally:
        context.close()

    configure_live(profile)
    live = build_context(profile, live=True)
    try:
        assert not live.sandbox and live.journal.path == profile.folder / "journal.db"
        assert profile.journal_path == live.journal.path
        assert live.journal.count() == 0  # the sandbox's deposit is not a live row
        assert live.banking.attachments_dir == profile.folder / "attachments"
    finally:
        live.close()


def test_a_live_kiosk_switched_to_sandbox_in_koneksi_host_starts_the_simulator_on_purpose(tmp_path):
    """The supervisor's choice is kept as such ("mode": "sandbox" in settings.json), so it is
    not read as settings that lost their mode (``Profile.is_sandbox``)."""
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    build_context(profile).close()  # the live journal is there
    host_settings = HostSettings(profile, SecretStore(profile.folder))
    host_settings.save("sandbox", host_settings.load().values, {})
    assert profile.load_settings()["mode"] == "sandbox"
    context = build_context(profile)
    try:
        assert context.sandbox and context.journal.path == profile.folder / "sandbox" / "journal.db"
    finally:
        context.close()


def koneksi_host(context) -> HostSettings:
    """What Pengaturan > Koneksi Host saves through: the screens' services, as the app makes them."""
    return screen_services(context, worker=None, errors=None, ask_pin=None).host_settings  # type: ignore[arg-type]


def _live_row(journal, state: State) -> str:
    ref = journal.next_reference()
    journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking", amount=250_000, fee=0,
                  operator="BNIUS100294", customer_ref="14047", customer_name="ARDHA HERDIANTO", request={})
    journal.transition(ref, State.SENT, actor="BNIUS100294", reason="dikirim")
    if state is not State.SENT:
        journal.transition(ref, state, actor="system", reason="jawaban")
    return ref


@pytest.mark.parametrize("state, words", [(State.SUSPECT, "1 transaksi live belum pasti"),
                                          (State.SENT, "1 transaksi live belum pasti"),
                                          (State.SUCCESS, "struk 1 transaksi live belum dicetak"),
                                          (State.FAILED, "hari 21 Nov 2026 di mode live belum ditutup")])
def test_a_live_day_with_business_left_is_not_switched_to_sandbox(tmp_path, clock, state, words):
    """In sandbox the work-list, Beranda's unprinted receipts and Tutup Hari read the sandbox's
    journal, and no status check runs: the live customer's uncertain deposit, the receipt he
    never got and the unsealed day went out of sight, for as long as the drill lasted."""
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    live = build_context(profile, clock=clock)
    try:
        assert not live.sandbox
        _live_row(live.journal, state)
        host_settings = koneksi_host(live)
        with pytest.raises(UserInputError) as refused:
            host_settings.save("sandbox", host_settings.load().values, {})
        assert refused.value.field == "mode" and words in str(refused.value)
        assert profile.load_settings()["mode"] == "live"  # nothing saved
        host_settings.save("live", host_settings.load().values, {})  # other changes are still saved
    finally:
        live.close()


def test_a_live_kiosk_with_nothing_left_is_switched_to_sandbox(tmp_path, clock):
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    live = build_context(profile, clock=clock)
    try:
        host_settings = koneksi_host(live)
        host_settings.save("sandbox", host_settings.load().values, {})
        assert profile.load_settings()["mode"] == "sandbox"
    finally:
        live.close()


def test_a_sandbox_run_of_a_live_kiosk_does_not_switch_it_to_sandbox(tmp_path, clock):
    """``--sandbox`` (a drill on the live kiosk, or the way back into Koneksi Host) opens only
    the sandbox's journal, so Koneksi Host could not see the live day's business: choosing
    Sandbox there and saving hid the live customer's uncertain deposit (no work-list, no
    status check) from the next start on. The live kiosk is switched from a live run, where
    its business is checked; the sandbox run may still correct the live settings."""
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    live = build_context(profile, clock=clock)
    try:
        _live_row(live.journal, State.SUSPECT)
    finally:
        live.close()
    drill = build_context(profile, sandbox=True, clock=clock)
    try:
        assert drill.sandbox
        host_settings = koneksi_host(drill)
        with pytest.raises(UserInputError) as refused:
            host_settings.save("sandbox", host_settings.load().values, {})
        assert refused.value.field == "mode" and "mode live" in str(refused.value)
        assert profile.load_settings()["mode"] == "live"
        values = host_settings.load().values
        values["bankplus"]["call_center"] = "1500046"
        host_settings.save("live", values, {})  # the live settings can still be corrected
        assert profile.load_settings()["hosts"]["bankplus"]["call_center"] == "1500046"
    finally:
        drill.close()


def test_a_new_kiosk_saved_live_in_the_sandbox_may_go_back_before_its_first_live_day(tmp_path):
    """The technician setting up a new kiosk chose Live too early (the bank's credentials are
    not there yet): no live day exists, so nothing is hidden by going back."""
    profile = Profile(tmp_path / "profile")
    context = build_context(profile)
    try:
        host_settings = koneksi_host(context)
        values = host_settings.load().values
        values["bankplus"]["base_url"] = "https://api.bankplus.example"
        host_settings.save("live", values, {})
        host_settings.save("sandbox", host_settings.load().values, {})
        assert profile.load_settings()["mode"] == "sandbox"
    finally:
        context.close()


def test_a_sandbox_receipt_is_saved_apart_from_the_live_receipts(tmp_path):
    """A kiosk's first days in the sandbox (training) left their receipt PDFs in the one
    receipts folder; once switched to live, the drills' SANDBOX receipts lay among the real
    customers' for the agent to find, send or print again. Each mode keeps its own."""
    profile = Profile(tmp_path / "profile")
    context = build_context(profile)
    try:
        context.banking.login("BNIUS100294", "T6jkl4ss")
        context.dayclose.shifts.open(0, "BNIUS100294")
        done = context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="125.000", narration="",
                                       pin=PIN)
        printed: queue.Queue = queue.Queue()
        context.receipts.issue(done.row.reference, on_done=printed.put)
        result = printed.get(timeout=30)
        assert result.pdf_path == profile.folder / "sandbox" / "receipts" / f"{done.row.reference}.pdf"
        assert b"%PDF" in result.pdf_path.read_bytes()[:8]
        assert context.printer_settings.receipts_dir == result.pdf_path.parent  # the folder Pengaturan > Printer names
    finally:
        context.close()

    configure_live(profile)
    live = build_context(profile, live=True)
    try:
        assert live.printer_settings.receipts_dir == profile.folder / "receipts"
        assert list(live.printer_settings.receipts_dir.iterdir()) == []  # no drill among the live receipts
    finally:
        live.close()
