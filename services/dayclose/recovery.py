"""The owner's recovery code (kode pemulihan): the way back when the only supervisor forgot the PIN.

A supervisor PIN is a salted hash in the journal: nobody reads it back, and another
supervisor's PIN sets a new one. A counter whose only supervisor forgot it had no way back
into settings, a day close with a difference or open rows, a Laporan Z reprint or reopening
a day. So Loket issues the owner a one-time code:

* 20 characters from ``ALPHABET`` (23 symbols without look-alikes: no 0/O, 1/I/L, 2/Z, 5/S,
  8/B, U/V), about 90 bits from ``secrets``, shown in four groups of five
  (``ABCDE-FGHJK-…``) to read aloud and type; typed back, case, spaces and dashes do not
  matter.
* Issued when a supervisor is registered and no code is in force (the first one; the next
  after a code was spent; a kiosk from before codes existed), under that registration's
  approval, and on demand behind a supervisor PIN (Pengaturan > Supervisor), which is an
  approval of its own (``issue_recovery_code``) on the day's list: Laporan Z says a new code
  exists and the paper one is void.
* Stored only as a salted scrypt hash with the supervisor PINs' cost (``recovery_code``,
  append-only); the latest code is the one in force, a new one supersedes the old.
* Used once: the code, a supervisor's name and a new PIN set that supervisor's PIN, recorded
  as an approval (``recovery_code_reset``, naming the agent logged in) and a ``recovery_use``
  row; the code is spent. Tries are supervisor attempts (``supervisor_attempt``), every try
  recorded: the PINs' back-off after five wrong ones, counted in the journal, but a count of
  its own (``Supervisors._check_attempts``): wrong PINs never hold back the code.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from services.clock import format_wib
from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.receipts.layout import Center, Gap, Rule
from services.receipts.model import Agent
from services.reports.thermal import Printout, render_blocks

ALPHABET = "ACDEFGHJKMNPQRTWXY34679"
GROUPS, GROUP_LEN = 4, 5
LENGTH = GROUPS * GROUP_LEN


class InvalidRecoveryCode(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors", "Kode pemulihan salah. Periksa lagi kode di kertas pemilik.")


SPENT = QT_TRANSLATE_NOOP("errors", "Kode pemulihan ini sudah dipakai. Satu kode hanya berlaku sekali.")
SUPERSEDED = QT_TRANSLATE_NOOP("errors", "Kode pemulihan ini sudah diganti dengan kode yang lebih baru.")


class NoRecoveryCode(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors", "Loket ini belum punya kode pemulihan. PIN supervisor yang lupa "
                                                  "hanya dapat diganti dengan PIN supervisor lain.")


def new_code() -> str:
    """A fresh code, grouped for reading: ``XXXXX-XXXXX-XXXXX-XXXXX``."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def grouped(code: str) -> str:
    return "-".join(code[i:i + GROUP_LEN] for i in range(0, len(code), GROUP_LEN))


def normalized(typed: object) -> str:
    """The code as hashed: capitals, no spaces or dashes; refused at the field when it cannot
    be one (before any attempt is counted: a typing slip is not a guess)."""
    text = "".join(str(typed or "").split()).replace("-", "").upper()
    if len(text) != LENGTH or any(ch not in ALPHABET for ch in text):
        raise UserInputError("code", QT_TRANSLATE_NOOP("errors", "Kode pemulihan: 20 huruf dan angka (empat "
                                                                 "kelompok lima), seperti tertulis di kertas."))
    return text


def render_code_slip(code: str, *, at: str, agent: Agent, sandbox: bool, columns: int = 32) -> Printout:
    """The paper the owner keeps in the safe: the code, two groups a line, and what it is for.
    Printed straight to the receipt printer, never kept as a file (``keep_text=False``)."""
    from services.dayclose.shift import slip_head  # shift imports the supervisors, which import this

    blocks = slip_head(agent, sandbox)
    groups = code.split("-")
    blocks += [Center("KODE PEMULIHAN", bold=True, tall=True), Center("PIN SUPERVISOR", bold=True), Rule(), Gap()]
    blocks += [Center("  ".join(groups[i:i + 2]), bold=True, tall=True) for i in range(0, len(groups), 2)]
    blocks += [Gap(), Rule(), Center(f"Dibuat {format_wib(datetime.fromisoformat(at))}"), Gap(),
               Center("Simpan di brankas pemilik,"), Center("JANGAN di loket."),
               Center("Untuk mengganti PIN supervisor"), Center("yang lupa. Sekali pakai."),
               Center("Kode baru membatalkan kode ini."), Rule("=")]
    return render_blocks(blocks, columns)
