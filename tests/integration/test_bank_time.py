"""A wrong PC clock, noticed from the hosts' own time (services/bank_time.py).

Each host's sandbox keeps its own clock and answers with it, as a real server does: the HTTP
``Date`` header on every answer (Bank+, the Switcher, BNI Keagenan), SNAP's ``X-TIMESTAMP``
(DOKU, BCA). A test gives a host a clock other than the PC's; what Loket reads from the
answers decides whether Buka Shift and Tutup Hari may run. Payments never wait on it."""

from __future__ import annotations

from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from app.context import AppContext, build_context
from services.bank_time import BankTime, ClockWrong
from services.clock import WIB, FixedClock
from services.errors import MaybeSent, NotSent
from services.hosts.snap.codes import ClockRefused
from services.hosts.switcher.client import SwitcherClient
from services.profile import Profile
from services.sandbox import make_host
from services.sandbox.server import SandboxServer

PC = datetime(2026, 12, 5, 10, 0, tzinfo=WIB)
USERNAME, PASSWORD = "BNIUS100294", "T6jkl4ss"


def context_with(tmp_path: Path, pc: FixedClock, **host_clocks: FixedClock) -> AppContext:
    """Loket on the PC's clock ``pc``, the named sandbox hosts each on a clock of its own."""
    hosts = {name: make_host(name, clock=clock) for name, clock in host_clocks.items()}
    return build_context(Profile(tmp_path / "profile"), clock=pc, sandbox_hosts=hosts)


@pytest.fixture
def pc() -> FixedClock:
    return FixedClock(PC)


def test_the_login_answer_is_the_first_reading_and_a_day_ahead_refuses_shift_and_close(tmp_path, pc):
    with closing(context_with(tmp_path, pc, bankplus=FixedClock(PC + timedelta(days=1)))) as ctx:
        assert ctx.bank_time is not None and ctx.bank_time.reading() is None
        ctx.banking.login(USERNAME, PASSWORD)
        reading = ctx.bank_time.reading()
        assert reading is not None and reading.host == "bankplus"
        assert reading.bank == PC + timedelta(days=1)
        assert ctx.bank_time.difference() == -86400.0  # the PC a day behind the bank
        with pytest.raises(ClockWrong) as refused:
            ctx.dayclose.shifts.open(500_000, "kasir1")
        assert "Jam komputer ini salah: 05/12/2026 10:00 WIB, jam bank 06/12/2026 10:00 WIB (selisih 1 hari, " \
               "menurut Bank+)" in refused.value.message
        assert "zona waktu Windows (WIB, WITA atau WIT" in refused.value.message
        assert ctx.dayclose.shifts.current() is None
        with pytest.raises(ClockWrong):
            ctx.dayclose.begin_close("kasir1")
        assert ctx.dayclose.closed_days() == []


def test_the_agent_who_puts_the_clock_right_is_believed_without_another_host_call(tmp_path, pc):
    with closing(context_with(tmp_path, pc, bankplus=FixedClock(PC + timedelta(days=1)))) as ctx:
        ctx.banking.login(USERNAME, PASSWORD)
        with pytest.raises(ClockWrong):
            ctx.dayclose.shifts.open(0, "kasir1")
        pc.jump(86400)  # Windows' date put right: the wall clock moves, the monotonic one does not
        assert ctx.bank_time.warning() is None
        shift = ctx.dayclose.shifts.open(0, "kasir1")
        assert shift.business_date == "2026-12-06"


def test_a_clock_within_minutes_of_the_bank_refuses_and_warns_nothing(tmp_path, pc):
    with closing(context_with(tmp_path, pc, bankplus=FixedClock(PC + timedelta(minutes=4)))) as ctx:
        ctx.banking.login(USERNAME, PASSWORD)
        assert ctx.bank_time.warning() is None
        ctx.dayclose.shifts.open(0, "kasir1")
        flow = ctx.dayclose.begin_close("kasir1")
        flow.start_count()
        flow.enter_count(0)
        flow.confirm()
        assert ctx.dayclose.is_sealed("2026-12-05")


def test_minutes_off_warn_but_still_open_the_shift(tmp_path, pc):
    with closing(context_with(tmp_path, pc, bankplus=FixedClock(PC - timedelta(minutes=12)))) as ctx:
        ctx.banking.login(USERNAME, PASSWORD)
        warning = ctx.bank_time.warning()
        assert warning is not None and "selisih 12 menit" in warning
        ctx.dayclose.shifts.open(0, "kasir1")  # 12 minutes: under the half hour, the same day


def test_minutes_off_across_midnight_put_the_bank_on_another_day_and_refuse(tmp_path):
    pc = FixedClock(datetime(2026, 12, 5, 23, 55, tzinfo=WIB))
    with closing(context_with(tmp_path, pc, bankplus=FixedClock(datetime(2026, 12, 6, 0, 5, tzinfo=WIB)))) as ctx:
        ctx.dayclose.shifts.open(0, "kasir1")  # before any answer: nothing known, nothing refused
        ctx.banking.login(USERNAME, PASSWORD)
        with pytest.raises(ClockWrong) as refused:
            ctx.dayclose.begin_close("kasir1")  # it would seal 05/12 when the bank is on 06/12
        assert "selisih 10 menit" in refused.value.message


def test_offline_nothing_is_said_and_nothing_refused(tmp_path, pc):
    """No host answered (the network down from the start): no reading, no guess."""
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 101] Network is unreachable", request=request)

    def refuse(_inner: httpx.BaseTransport) -> httpx.BaseTransport:
        return httpx.MockTransport(down)

    hosts = {"bankplus": make_host("bankplus", clock=FixedClock(PC + timedelta(days=1)))}
    with closing(build_context(Profile(tmp_path / "profile"), clock=pc, sandbox_hosts=hosts,
                               wrap_transport=refuse)) as ctx:
        with pytest.raises(NotSent):
            ctx.banking.login(USERNAME, PASSWORD)
        assert ctx.bank_time.reading() is None and ctx.bank_time.warning() is None
        ctx.dayclose.shifts.open(0, "kasir1")
        ctx.dayclose.begin_close("kasir1")


def test_a_payment_is_never_held_back_by_the_clock(tmp_path, pc):
    with closing(context_with(tmp_path, pc, bankplus=FixedClock(PC + timedelta(days=1)))) as ctx:
        ctx.dayclose.shifts.open(0, USERNAME)  # opened before any host answered, by the agent who pays
        ctx.banking.login(USERNAME, PASSWORD)
        assert ctx.bank_time.warning() is not None
        done = ctx.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=50_000, narration="", pin="359569")
        assert done.row.state.value == "SUCCESS"


def test_keagenan_answers_tell_its_clock(tmp_path, pc):
    with closing(context_with(tmp_path, pc, keagenan=FixedClock(PC - timedelta(days=365)))) as ctx:
        assert ctx.billpay is not None
        assert ctx.billpay.client.ping().ok
        reading = ctx.bank_time.reading()
        assert reading is not None and reading.host == "keagenan" and reading.bank == PC - timedelta(days=365)
        with pytest.raises(ClockWrong, match="selisih 365 hari, menurut BNI Keagenan"):
            ctx.dayclose.shifts.open(0, "kasir1")


def test_a_snap_refusal_of_the_timestamp_still_tells_the_banks_clock(tmp_path, pc):
    """DOKU 7 hours ahead (the PC showing UTC as WIB) refuses our X-TIMESTAMP; its refusal's own
    X-TIMESTAMP header is its time. The SNAP host is made by Loket (it holds the partner key)."""
    with closing(context_with(tmp_path, pc)) as ctx:
        ctx.sandbox_hosts["doku"].clock = FixedClock(PC + timedelta(hours=7))
        with pytest.raises(ClockRefused):
            ctx.va.client.snap.tokens.get()
        reading = ctx.bank_time.reading()
        assert reading is not None and reading.host == "doku"
        assert ctx.bank_time.difference() == -7 * 3600.0
        with pytest.raises(ClockWrong, match="selisih 7 jam, menurut DOKU"):
            ctx.dayclose.shifts.open(0, "kasir1")


def test_over_a_real_socket_the_date_header_is_the_hosts_own_clock(pc):
    """The loopback server sends the host's Date, not the machine's: the Switcher 2 hours ahead."""
    bank_time = BankTime(pc)
    host = make_host("switcher", clock=FixedClock(PC + timedelta(hours=2)))
    with SandboxServer(host) as server, httpx.Client(timeout=5) as http:
        client = SwitcherClient(http, server.base_url, bank_time=bank_time)
        client.inquiry("2612051000000001", "BRINIDJA", "888801000003301")
    reading = bank_time.reading()
    assert reading is not None and reading.host == "switcher" and reading.bank == PC + timedelta(hours=2)


@pytest.mark.parametrize("answer", [
    httpx.Response(503, headers={"date": "Sun, 06 Dec 2026 03:00:00 GMT"}, text="<html>503</html>"),
    httpx.Response(302, headers={"date": "Sun, 06 Dec 2026 03:00:00 GMT", "location": "http://portal.invalid/"}),
    httpx.Response(200, headers={"date": "Sun, 06 Dec 2026 03:00:00 GMT"}, text="<html>Wi-Fi login</html>"),
])
def test_an_answer_that_is_not_the_hosts_tells_no_time(pc, answer):
    """A proxy's 5xx, a redirect, a captive portal's page: their clocks are not the bank's."""
    bank_time = BankTime(pc)
    transport = httpx.MockTransport(lambda request: answer)
    client = SwitcherClient(httpx.Client(transport=transport), "http://switcher.invalid", bank_time=bank_time)
    with pytest.raises(MaybeSent):
        client.inquiry("2612051000000001", "BRINIDJA", "888801000003301")
    assert bank_time.reading() is None


def test_a_reading_is_forgotten_after_half_a_day_without_an_answer(pc):
    bank_time = BankTime(pc)
    bank_time.observe("bankplus", {"date": "Sun, 06 Dec 2026 03:00:00 GMT"})
    assert bank_time.warning() is not None
    pc.advance(12 * 3600 + 1)
    assert bank_time.reading() is None and bank_time.warning() is None
    bank_time.check_day(lambda moment: moment.date().isoformat())  # nothing known: nothing refused


def test_the_login_hosts_clock_is_judged_when_another_host_disagrees(pc):
    """A Switcher on a private network with a clock of its own neither hides Bank+'s word nor
    blocks a day Bank+ agrees with; before Bank+ answered, the latest host's word is judged."""
    bank_time = BankTime(pc, trusted="bankplus")
    bank_time.observe("switcher", {"date": "Sun, 06 Dec 2026 03:00:00 GMT"})  # a day ahead of the PC
    assert "menurut Bank+ Switcher" in (bank_time.warning() or "")
    bank_time.observe("bankplus", {"date": "Sat, 05 Dec 2026 03:00:00 GMT"})  # the PC's own time
    pc.advance(60)
    bank_time.observe("switcher", {"date": "Sun, 06 Dec 2026 03:01:00 GMT"})
    assert bank_time.warning() is None
    bank_time.check_day(lambda moment: moment.astimezone(WIB).date().isoformat())


class HeaderSaid(httpx.BaseTransport):
    """Between Loket and its hosts: every answer's header ``name`` replaced by ``value``."""

    def __init__(self, inner: httpx.BaseTransport, name: str, value: str) -> None:
        self.inner, self.name, self.value = inner, name, value

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.inner.handle_request(request)
        headers = {**dict(answer.headers), self.name: self.value}
        return httpx.Response(answer.status_code, headers=headers, content=answer.read(), request=request)


@pytest.mark.parametrize("date", [
    "Thu, 01 Jan 1970 00:00:00 GMT",  # Unix time 0: a server whose clock was never set
    "Fri, 31 Dec 9999 23:59:59 GMT",  # the greatest date there is, a field's "no value"
])
def test_a_time_no_host_can_be_living_in_tells_no_time(tmp_path, pc, date):
    """The agent is never told to put Windows' clock to 1970, nor kept from Buka Shift by it;
    and Beranda's clock check, every few seconds on the GUI thread, never overflows."""
    with closing(build_context(Profile(tmp_path / "profile"), clock=pc,
                               wrap_transport=lambda inner: HeaderSaid(inner, "date", date))) as ctx:
        ctx.banking.login(USERNAME, PASSWORD)
        pc.advance(5)
        assert ctx.bank_time.reading() is None and ctx.bank_time.warning() is None
        ctx.dayclose.shifts.open(0, "kasir1")


def test_a_snap_refusal_of_the_timestamp_answered_at_a_time_never_set_names_the_pcs_time(tmp_path, pc):
    """DOKU refuses our X-TIMESTAMP, and its answer's own is .NET's date never set
    (``DateTime.MinValue`` with its offset): the refusal named the difference between the two,
    which overflowed (a bare OverflowError: a transfer whose token it refused went SUSPECT,
    though nothing had left). It is refused for the clock, with the PC's time only."""
    with closing(build_context(Profile(tmp_path / "profile"), clock=pc, wrap_transport=lambda inner: HeaderSaid(
            inner, "x-timestamp", "0001-01-01T00:00:00+07:00"))) as ctx:
        ctx.sandbox_hosts["doku"].clock = FixedClock(PC + timedelta(hours=7))
        with pytest.raises(ClockRefused) as refused:
            ctx.va.client.snap.tokens.get()
        assert "Bank menolak jam komputer ini (05/12/2026 10:00 WIB)" in refused.value.message
