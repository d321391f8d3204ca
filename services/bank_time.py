"""The bank's clock as its answers tell it, beside the PC's: the one check of a wrong PC clock.

A kiosk's clock is often wrong: a flat CMOS battery starts it at 2000-01-01 or a year back,
a clock set by hand is an hour or a day off, a time zone set wrong moves UTC by hours.
Loket's business day, references, receipts, Buka Shift and Tutup Hari all follow the PC's
clock (``services.clock``), so no rule built on that clock alone can notice. The hosts'
answers can: ``BankTime`` keeps the last difference between the PC's clock and a host's,
with when and from which host it was read, and says what it means for the day.

Where a host's time is read (``observe``, called by ``services.hosts.http.JsonHttp`` for
every answer it accepts as the host's: JSON, not a redirect, not a 5xx):

* the SNAP ``X-TIMESTAMP`` answer header (DOKU, BCA): the bank's own time, to the second,
  with its zone;
* else the HTTP ``Date`` header (RFC 9110 6.6.1: an origin server with a clock sends it in
  every 2xx, 3xx and 4xx answer), which Bank+, the Switcher and BNI Keagenan send like any
  HTTP server. Bank+'s login answer is thus the first reading of the day.

Decided, not read: the time fields inside bodies (the Switcher's ``data.timestamp``,
Keagenan's ``CustomerData.time``, Bank+'s ``date_time``). They are a transaction's time: a
status check or a repeated inquiry carries the original transaction's, hours old, and
failures carry none. The headers are on every answer and are the server's now.

Decided, the thresholds:

* ``WARN_SECONDS`` (5 minutes): Beranda says the clock is wrong, by how much, and what to do.
  It is the SNAP hosts' own tolerance for X-TIMESTAMP: past it DOKU and BCA refuse anyway.
* ``REFUSE_SECONDS`` (30 minutes), or the bank's business date not the PC's: Buka Shift
  and Tutup Hari are refused (``ClockWrong``), since a shift or a seal on the wrong day is
  what breaks the reports (rows outside the evening's Laporan Z, a sealed-through mark a
  year ahead for good). A few minutes of drift, a clock the agent may not be allowed to set,
  still lets the counter work; half an hour and more is a wrong hour, zone or date. Within
  the threshold the two dates can still differ around midnight: that is refused too.
* Payments are never refused here: the hosts that check time refuse by themselves.
* A host's time no host can be living in (before 2020, or the calendar's end: a value never
  set, Unix time 0, .NET's ``DateTime.MinValue``) is no reading (``_livable``).
* No reading, no opinion: before any host answered (an offline start) nothing is said and
  nothing refused. A reading is kept in memory only, and for ``READING_SECONDS`` (12 hours)
  of the process's monotonic clock.
* Hosts that disagree: the login host's reading (Bank+, the agent's platform, which answers
  every session) is the one judged while it is fresh; the latest of the others only before
  it answered. One host with a clock of its own (a Switcher on a private network) then
  neither flips the warning on and off nor blocks a day the login host agrees with.

The bank's time now is the reading's plus the monotonic time since (``Clock.monotonic``,
which a change of the wall clock does not move; on Windows it counts a sleep too): the
agent who puts the Windows clock right is believed at once, with no host call in between.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Callable, Mapping

from services.clock import WIB, Clock, format_wib, host_moment
from services.errors import LoketError
from services.i18n import QT_TRANSLATE_NOOP, Message, templated
from services.product_names import HOST_NAMES

WARN_SECONDS = 5 * 60
REFUSE_SECONDS = 30 * 60
READING_SECONDS = 12 * 3600
LIVABLE_YEARS = range(2020, 3000)  # a host's time outside them is no reading (``_livable``)



class ClockWrong(LoketError):
    """Buka Shift or Tutup Hari refused: the PC's clock is not the bank's (see the module)."""


def host_time(headers: Mapping[str, str]) -> datetime | None:
    """The host's time in an answer's headers (lower-case names): SNAP's ``X-TIMESTAMP``, else
    HTTP's ``Date``; None when neither is there or readable (never a guess), or when it is no
    time a host can be living in (``_livable``)."""
    moment = host_moment(headers.get("x-timestamp", ""))
    if moment is not None and _livable(moment):
        return moment
    date = headers.get("date", "").strip()
    if not date:
        return None
    try:
        moment = parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError):
        return None
    # "-0000": no zone, no time
    return moment if moment.tzinfo is not None and _livable(moment) else None


def _livable(moment: datetime) -> bool:
    """Whether ``moment`` can be a host's now: in ``LIVABLE_YEARS``, in UTC.

    Decision: a time outside them is a value nobody set, not a clock: Unix time 0 (1970, a
    server whose clock never ran), .NET's ``DateTime.MinValue`` (``0001-01-01T00:00:00+07:00``)
    or ``MaxValue`` (9999-12-31). Read as the bank's clock it told the agent to put Windows' to
    1970, refused Buka Shift and Tutup Hari for the reading's 12 hours, and at the edge of the
    calendar it overflowed the arithmetic of every check (Beranda's, on the GUI thread, every
    few seconds). No host of Loket's lived before 2020 (SNAP is of 2021); a PC's own clock may
    (its flat battery, 2000-01-01): that is what the reading is for, and it is the PC's, not
    the host's, that this never judges."""
    try:
        year = moment.astimezone(timezone.utc).year
    except OverflowError:  # 0001-01-01 east of UTC, 9999-12-31 west of it
        return False
    return year in LIVABLE_YEARS


@dataclass(frozen=True)
class Reading:
    host: str
    bank: datetime  # the host's time in its answer
    pc: datetime  # the PC's clock when the answer arrived
    monotonic: float  # ``Clock.monotonic`` then


def span_text(seconds: float) -> Message:
    """``3 hari 4 jam``, ``1 hari``, ``2 jam 5 menit``, ``7 menit``: a difference the agent reads
    at once (a year in minutes is a number nobody reads)."""
    minutes = int(round(abs(seconds) / 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days and hours:
        return templated(QT_TRANSLATE_NOOP("errors", "{days} hari {hours} jam"), days=days, hours=hours)
    if days:
        return templated(QT_TRANSLATE_NOOP("errors", "{days} hari"), days=days)
    if hours and minutes:
        return templated(QT_TRANSLATE_NOOP("errors", "{hours} jam {minutes} menit"), hours=hours, minutes=minutes)
    if hours:
        return templated(QT_TRANSLATE_NOOP("errors", "{hours} jam"), hours=hours)
    return templated(QT_TRANSLATE_NOOP("errors", "{minutes} menit"), minutes=minutes)


class BankTime:
    """The last time each host told, beside the PC's; thread-safe (answers arrive on workers).
    ``trusted``: the login host, whose reading is judged first (see the module)."""

    def __init__(self, clock: Clock, trusted: str = "") -> None:
        self.clock = clock
        self.trusted = trusted
        self._readings: dict[str, Reading] = {}
        self._lock = threading.Lock()

    def observe(self, host: str, headers: Mapping[str, str]) -> None:
        """An answer of ``host`` arrived with ``headers``: keep its time, if it tells one."""
        bank = host_time(headers)
        if bank is None:
            return
        reading = Reading(host, bank, self.clock.now(), self.clock.monotonic())
        with self._lock:
            self._readings[host] = reading

    def reading(self) -> Reading | None:
        """The reading judged: the login host's while fresh, else the latest fresh one."""
        with self._lock:
            readings = list(self._readings.values())
        now = self.clock.monotonic()
        fresh = [r for r in readings if now - r.monotonic <= READING_SECONDS]
        trusted = [r for r in fresh if r.host == self.trusted]
        return (trusted or sorted(fresh, key=lambda r: r.monotonic))[-1] if fresh else None

    def now(self) -> tuple[datetime, datetime, Reading] | None:
        """(the PC's time, the bank's time, the reading it comes from), or None before any."""
        reading = self.reading()
        if reading is None:
            return None
        bank = reading.bank + timedelta(seconds=self.clock.monotonic() - reading.monotonic)
        return self.clock.now(), bank, reading

    def difference(self) -> float | None:
        """Seconds the PC's clock is ahead of the bank's (negative: behind); None before any reading."""
        now = self.now()
        return None if now is None else (now[0] - now[1]).total_seconds()

    def warning(self) -> Message | None:
        """Beranda's warning while the clock is more than ``WARN_SECONDS`` off, else None."""
        now = self.now()
        if now is None or abs((now[0] - now[1]).total_seconds()) <= WARN_SECONDS:
            return None
        return self._message(QT_TRANSLATE_NOOP(
            "errors", "Jam komputer ini salah: {pc_time}, jam bank {bank_time} (selisih {difference}, menurut "
                      "{host}). Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, sesuai daerah "
                      "ini). Selama jam salah, Buka Shift dan Tutup Hari bisa ditolak."), *now)

    def check_day(self, business_day: Callable[[datetime], str]) -> None:
        """Raise ``ClockWrong`` while the PC's business day (``business_day`` of a moment) is not
        the bank's, or the clocks are more than ``REFUSE_SECONDS`` apart; Buka Shift and Tutup
        Hari call it first. Nothing before a reading."""
        now = self.now()
        if now is None:
            return
        pc, bank, _reading = now
        if abs((pc - bank).total_seconds()) <= REFUSE_SECONDS and business_day(pc) == business_day(bank):
            return
        raise ClockWrong(self._message(QT_TRANSLATE_NOOP(
            "errors", "Jam komputer ini salah: {pc_time}, jam bank {bank_time} (selisih {difference}, menurut "
                      "{host}). Buka Shift dan Tutup Hari ditolak selama jam salah, agar laporan tidak masuk hari "
                      "yang salah. Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, sesuai daerah "
                      "ini), lalu coba lagi."), *now))

    @staticmethod
    def _message(template: str, pc: datetime, bank: datetime, reading: Reading) -> Message:
        return templated(template, pc_time=format_wib(pc), bank_time=format_wib(bank.astimezone(WIB)),
                         difference=span_text((pc - bank).total_seconds()),
                         host=HOST_NAMES.get(reading.host, reading.host))
