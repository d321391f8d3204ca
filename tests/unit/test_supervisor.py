"""The supervisor PIN: a salted slow hash only, wrong PINs refused, every approval recorded."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from services.dayclose import (
    CASH_CORRECTION,
    REOPEN_DAY,
    DayCloseService,
    InvalidSupervisorPin,
    NoSupervisor,
)
from services.dayclose.supervisor import CHANGE_PIN, FIRST_SUPERVISOR, REVERSAL
from services.errors import UserInputError

PIN = "482916"


@pytest.fixture
def days(journal):
    with DayCloseService(journal) as service:
        yield service


def stored(journal) -> list[tuple[str, str, str, str]]:
    con = sqlite3.connect(journal.path)
    try:
        return con.execute("SELECT name, salt, pin_hash, kdf FROM supervisor ORDER BY id").fetchall()
    finally:
        con.close()


def test_the_pin_is_kept_only_as_a_salted_scrypt_hash(days, journal):
    days.supervisors.set_pin("Budi Santoso", PIN)
    [(name, salt, digest, kdf)] = stored(journal)
    assert name == "Budi Santoso" and kdf == "scrypt:n=16384,r=8,p=1"
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert PIN not in digest and PIN not in salt
    # Not a fast hash of the PIN, salted or not: a stolen table cannot be reversed cheaply.
    for fast in (hashlib.sha256(PIN.encode()).hexdigest(),
                 hashlib.sha256(bytes.fromhex(salt) + PIN.encode()).hexdigest(),
                 hashlib.sha256(PIN.encode() + bytes.fromhex(salt)).hexdigest()):
        assert digest != fast
    # It is scrypt with the stored salt, so the only way back is to try every PIN at scrypt's cost.
    assert digest == hashlib.scrypt(PIN.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32).hex()


def test_salts_differ_so_the_same_pin_hashes_differently(days, journal):
    days.supervisors.set_pin("Budi Santoso", PIN)
    days.supervisors.set_pin("Rina Wati", PIN, current_pin=PIN)
    (_, salt1, hash1, _), (_, salt2, hash2, _) = stored(journal)
    assert salt1 != salt2 and hash1 != hash2


def test_a_wrong_pin_is_refused_and_records_nothing(days):
    with pytest.raises(NoSupervisor):
        days.supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION)
    days.supervisors.set_pin("Budi Santoso", PIN)
    for wrong in ("482917", "000000", "", "48291a"):
        with pytest.raises(InvalidSupervisorPin):
            days.supervisors.approve(wrong, "koreksi kas receh", CASH_CORRECTION)
    assert [a.action for a in days.supervisors.approvals()] == [FIRST_SUPERVISOR]  # its own setting only
    with pytest.raises(UserInputError) as err:
        days.supervisors.approve(PIN, "", CASH_CORRECTION)
    assert err.value.field == "reason"


def test_an_approval_records_approver_time_reason_and_action(days, clock):
    days.supervisors.set_pin("Budi Santoso", PIN)
    approval = days.supervisors.approve(PIN, "salah hitung kas", REOPEN_DAY, subject="Z-0001")
    assert (approval.approver, approval.action, approval.reason, approval.subject) == (
        "Budi Santoso", REOPEN_DAY, "salah hitung kas", "Z-0001")
    assert approval.at == "2026-11-21T14:05:00.000+07:00" and approval.business_date == "2026-11-21"
    assert days.supervisors.approvals("2026-11-21")[1:] == [approval]  # after the first supervisor's setting


def test_changing_a_pin_needs_the_current_one_and_the_old_pin_stops_working(days):
    days.supervisors.set_pin("Budi Santoso", PIN)
    with pytest.raises(InvalidSupervisorPin):
        days.supervisors.set_pin("Budi Santoso", "735194")
    with pytest.raises(InvalidSupervisorPin):
        days.supervisors.set_pin("Budi Santoso", "735194", current_pin="111111")
    days.supervisors.set_pin("Budi Santoso", "735194", current_pin=PIN)
    with pytest.raises(InvalidSupervisorPin):
        days.supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION)
    assert days.supervisors.approve("735194", "koreksi kas receh", CASH_CORRECTION).approver == "Budi Santoso"


@pytest.mark.parametrize("weak", ["12345", "123456789", "111111", "123456", "654321", "12a456"])
def test_weak_or_malformed_pins_are_refused_at_the_field(days, weak):
    with pytest.raises(UserInputError) as err:
        days.supervisors.set_pin("Budi Santoso", weak)
    assert err.value.field == "pin"


def test_the_pin_never_appears_in_the_database_files(days, journal, tmp_path):
    days.supervisors.set_pin("Budi Santoso", PIN)
    days.supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION)
    with pytest.raises(InvalidSupervisorPin):
        days.supervisors.approve("918273", "coba coba", CASH_CORRECTION)
    journal.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("journal.db*"))
    assert raw  # the files are there and were read
    for pin in (PIN, "918273"):
        assert pin.encode() not in raw and pin.encode("utf-16-le") not in raw


def test_the_first_supervisor_is_recorded_naming_the_agent_and_cannot_be_the_agent(days, clock):
    """No PIN approves the first supervisor, so its setting is on the record as an approval
    naming the agent who was logged in; the agent cannot name themselves."""
    for own in ("BNIUS100294", "ardha  herdianto"):
        with pytest.raises(UserInputError) as err:
            days.supervisors.set_pin(own, PIN, set_by="BNIUS100294", agent_name="Ardha Herdianto")
        assert err.value.field == "name"
    assert not days.supervisors.has_supervisor()
    days.supervisors.set_pin("Budi Santoso", PIN, set_by="BNIUS100294", agent_name="Ardha Herdianto")
    [first] = days.supervisors.approvals("2026-11-21")
    assert (first.approver, first.action, first.subject) == ("Budi Santoso", FIRST_SUPERVISOR, "Budi Santoso")
    assert "BNIUS100294" in first.reason
    days.supervisors.set_pin("Sri Wahyuni", "482917", current_pin=PIN)  # later ones: a PIN approves them
    assert [a.action for a in days.supervisors.approvals()] == [FIRST_SUPERVISOR, CHANGE_PIN]


def test_a_reversal_approver_records_the_approval_with_its_reason_and_transfer(days):
    """The day's list of approvals says which transfer was reversed and why: it said
    "reversal transfer Switcher" for every one."""
    days.supervisors.set_pin("Budi Santoso", PIN)
    approve = days.supervisors.approver(REVERSAL)
    assert approve("111222", "Salah rekening tujuan", "2611211405000003") is None
    assert approve(PIN, "Salah rekening tujuan", "2611211405000003") == "Budi Santoso"
    last = days.supervisors.approvals()[-1]
    assert (last.action, last.approver, last.reason, last.subject) == (
        REVERSAL, "Budi Santoso", "Salah rekening tujuan", "2611211405000003")


def test_the_wait_after_wrong_pins_is_not_lengthened_by_the_clock_going_back(days, clock):
    """Five wrong supervisor PINs shut the PIN for 60 s. The kiosk's clock was an hour fast
    and Windows puts it right meanwhile: the supervisor must not wait an hour and a minute
    to close the day (the wait is counted from a time now in the future). A clock moved back
    lets the PIN be tried again, as one moved forward already does."""
    from services.lockout import LockedOut

    days.supervisors.set_pin("Budi Santoso", PIN)
    for _ in range(5):
        with pytest.raises(InvalidSupervisorPin):
            days.supervisors.approve("111112", "koreksi kas laci", CASH_CORRECTION)
    with pytest.raises(LockedOut):
        days.supervisors.approve(PIN, "koreksi kas laci", CASH_CORRECTION)
    clock.advance(-3600)
    assert days.supervisors.approve(PIN, "koreksi kas laci", CASH_CORRECTION).approver == "Budi Santoso"


def test_a_pin_change_that_fails_to_be_stored_leaves_no_approval_and_the_old_pin(days, journal):
    """The approval "Ganti PIN supervisor" and the new PIN are one journal transaction. They were
    two: a failure between them left a PIN change on the record and the day's Laporan Z that
    never happened (the old PIN still the one that works)."""
    days.supervisors.set_pin("Budi Santoso", PIN)
    fault = sqlite3.connect(journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON supervisor BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    with pytest.raises(sqlite3.DatabaseError):
        days.supervisors.set_pin("Budi Santoso", "735194", current_pin=PIN)
    fault.close()
    assert CHANGE_PIN not in [a.action for a in days.supervisors.approvals()]
    assert days.supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION).approver == "Budi Santoso"
