"""The owner's recovery code: the only supervisor who forgot the PIN gets back in with it,
once; it is kept only as a salted slow hash, a new one supersedes the old, and its tries
meet a back-off like the supervisor PIN's, counted apart from it in the journal."""

from __future__ import annotations

import re
import sqlite3

import pytest

from services.dayclose import CASH_CORRECTION, DayCloseService, InvalidSupervisorPin
from services.dayclose.recovery import ALPHABET, InvalidRecoveryCode, NoRecoveryCode
from services.dayclose.supervisor import FIRST_SUPERVISOR, ISSUE_RECOVERY_CODE, RECOVERY_RESET
from services.errors import UserInputError
from services.lockout import LockedOut

PIN, NEW_PIN = "482916", "735194"


@pytest.fixture
def days(journal):
    with DayCloseService(journal) as service:
        yield service


def registered(days) -> str:
    code = days.supervisors.set_pin("Budi Santoso", PIN, set_by="BNIUS100294")
    assert code is not None
    return code


def test_registering_the_first_supervisor_issues_a_readable_code(days):
    code = registered(days)
    assert re.fullmatch(r"[A-Z0-9]{5}(-[A-Z0-9]{5}){3}", code)
    assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set("0O1IL2Z5S8BUV") & set(ALPHABET)  # nothing read or typed as something else
    assert days.supervisors.recovery_issued_at() is not None
    assert [a.action for a in days.supervisors.approvals()] == [FIRST_SUPERVISOR]  # issued under that approval
    # neither a second supervisor nor a changed PIN replaces the owner's paper
    assert days.supervisors.set_pin("Sari Dewi", "135792", current_pin=PIN) is None
    assert days.supervisors.set_pin("Budi Santoso", "135793", current_pin=PIN) is None


def test_the_only_supervisor_who_forgot_the_pin_sets_a_new_one_with_the_code(days, clock):
    code = registered(days)
    days.supervisors.recover(code.lower().replace("-", " "), "budi  santoso", NEW_PIN, set_by="BNIUS100294")
    with pytest.raises(InvalidSupervisorPin):
        days.supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION)
    assert days.supervisors.approve(NEW_PIN, "koreksi kas receh", CASH_CORRECTION).approver == "Budi Santoso"
    reset = [a for a in days.supervisors.approvals("2026-11-21") if a.action == RECOVERY_RESET]
    assert [(a.approver, a.subject) for a in reset] == [("Budi Santoso", "Budi Santoso")]
    assert "BNIUS100294" in reset[0].reason and "kode pemulihan" in reset[0].reason
    assert days.supervisors.recovery_issued_at() is None  # spent: a new one is to be issued


def test_a_code_is_spent_after_one_use(days):
    code = registered(days)
    days.supervisors.recover(code, "Budi Santoso", NEW_PIN)
    with pytest.raises(InvalidRecoveryCode) as err:
        days.supervisors.recover(code, "Budi Santoso", "951753")
    assert "sudah dipakai" in err.value.message
    assert days.supervisors.approve(NEW_PIN, "koreksi kas receh", CASH_CORRECTION)  # unchanged by the second try


def test_a_new_code_supersedes_the_old_and_needs_a_supervisor_pin(days):
    old = registered(days)
    with pytest.raises(InvalidSupervisorPin):
        days.supervisors.issue_recovery_code("111112", set_by="BNIUS100294")
    new = days.supervisors.issue_recovery_code(PIN, set_by="BNIUS100294")
    assert new != old
    issued = days.supervisors.approvals()[-1]
    assert (issued.action, issued.approver) == (ISSUE_RECOVERY_CODE, "Budi Santoso")
    with pytest.raises(InvalidRecoveryCode) as err:
        days.supervisors.recover(old, "Budi Santoso", NEW_PIN)
    assert "diganti" in err.value.message
    days.supervisors.recover(new, "Budi Santoso", NEW_PIN)


def test_shape_name_and_pin_are_refused_at_their_field_before_any_try(days):
    code = registered(days)
    for typed, name, pin, field in ((code[:-1], "Budi Santoso", NEW_PIN, "code"),
                                    (code.replace(code[0], "0"), "Budi Santoso", NEW_PIN, "code"),
                                    (code, "Rina", NEW_PIN, "name"),
                                    (code, "Budi Santoso", "123456", "pin")):
        with pytest.raises(UserInputError) as err:
            days.supervisors.recover(typed, name, pin)
        assert err.value.field == field
    assert days.supervisors.attempts() == []


def test_a_kiosk_whose_supervisor_came_before_recovery_codes_says_so_and_gets_one_with_the_next(days, journal):
    """A journal of an earlier Loket has supervisors and no code: nothing to try, no try counted."""
    from services.dayclose.supervisor import _hashed

    salt, digest = _hashed(PIN)
    con = sqlite3.connect(journal.path)
    with con:
        con.execute("INSERT INTO supervisor(name, salt, pin_hash, kdf, created_at) VALUES (?, ?, ?, ?, ?)",
                    ("Budi Santoso", salt, digest, "scrypt:n=16384,r=8,p=1", "2026-11-01T08:00:00.000+07:00"))
    con.close()
    assert days.supervisors.recovery_issued_at() is None
    with pytest.raises(NoRecoveryCode):
        days.supervisors.recover("ACDEF-GHJKM-NPQRT-WXY34", "Budi Santoso", NEW_PIN)
    assert days.supervisors.attempts() == []
    assert days.supervisors.set_pin("Sari Dewi", "135792", current_pin=PIN) is not None


def wrong_code(code: str) -> str:
    return "".join(ALPHABET[(ALPHABET.index(c) + 1) % len(ALPHABET)] if c != "-" else c for c in code)


def test_wrong_codes_meet_a_back_off_of_their_own_counted_in_the_journal(days, journal, clock):
    """Five wrong codes: the code waits 60 s, doubling, as wrong PINs do; a restart clears
    nothing. They do not shut the PIN prompts: the supervisor who knows the PIN still
    approves (a mistyped 20-letter code is not a guess at a 6-digit PIN)."""
    code = registered(days)
    for _ in range(5):
        with pytest.raises(InvalidRecoveryCode):
            days.supervisors.recover(wrong_code(code), "Budi Santoso", NEW_PIN)
    with pytest.raises(LockedOut) as locked:  # even the right code waits
        days.supervisors.recover(code, "Budi Santoso", NEW_PIN)
    assert "kode pemulihan" in locked.value.message and locked.value.seconds == 60
    with DayCloseService(journal) as restarted:  # a restart clears nothing
        with pytest.raises(LockedOut):
            restarted.supervisors.recover(code, "Budi Santoso", NEW_PIN)
    outcomes = [(action, subject, ok) for action, subject, ok, _at in days.supervisors.attempts()]
    assert outcomes == [(RECOVERY_RESET, "Budi Santoso", 0)] * 5 + [(RECOVERY_RESET, "Budi Santoso", -1)] * 2
    assert days.supervisors.approve(PIN, "koreksi kas receh", CASH_CORRECTION).approver == "Budi Santoso"
    clock.advance(61)
    days.supervisors.recover(code, "Budi Santoso", NEW_PIN)
    assert days.supervisors.attempts()[-1][2] == 1


def test_the_supervisor_who_guessed_the_forgotten_pin_is_not_held_back_from_the_code(days, clock):
    """The only supervisor forgot the PIN at Tutup Hari and guessed it eight times (the PIN
    prompts wait 8 minutes): the owner's code, fetched from the safe, sets a new PIN at once
    (it used to wait with the PINs: up to an hour, at the only way back). Its 90 bits need
    no help from the PINs' count, and a guess at either buys nothing against the other."""
    code = registered(days)
    for _ in range(5):
        with pytest.raises(InvalidSupervisorPin):
            days.supervisors.approve("111111", "selisih kas", CASH_CORRECTION)
    for _ in range(3):
        clock.advance(10 * 60)  # each wait over: the next guess is checked, and doubles it
        with pytest.raises(InvalidSupervisorPin):
            days.supervisors.approve("111111", "selisih kas", CASH_CORRECTION)
    with pytest.raises(LockedOut) as locked:
        days.supervisors.approve(PIN, "selisih kas", CASH_CORRECTION)
    assert locked.value.seconds == 8 * 60 and "PIN supervisor" in locked.value.message
    days.supervisors.recover(code, "Budi Santoso", NEW_PIN)
    # the new PIN approves: the guesses were at the PIN it replaced
    assert days.supervisors.approve(NEW_PIN, "selisih kas", CASH_CORRECTION).approver == "Budi Santoso"


def test_the_code_never_appears_in_the_journal_files(days, journal, tmp_path):
    code = registered(days)
    second = days.supervisors.issue_recovery_code(PIN)
    days.supervisors.recover(second, "Budi Santoso", NEW_PIN)
    journal.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("journal.db*"))
    assert raw
    for secret in (code, second):
        for form in (secret, secret.replace("-", ""), secret.lower(), secret.replace("-", "").lower()):
            assert form.encode() not in raw and form.encode("utf-16-le") not in raw
        for group in secret.split("-"):  # not even a group of it (one of digits could be in a date)
            assert group.isdigit() or group.encode() not in raw


def test_recovery_rows_are_never_changed(days, journal):
    registered(days)
    con = sqlite3.connect(journal.path)
    try:
        for sql in ("UPDATE recovery_code SET code_hash='00'", "DELETE FROM recovery_code"):
            with pytest.raises(sqlite3.DatabaseError):
                con.execute(sql)
    finally:
        con.close()


def test_laporan_z_lists_the_pin_set_with_the_code_and_a_new_code_issued(days):
    """The owner and the partner office read on the day's report that the recovery code was
    used (and for whom), and that a new one was issued (the paper before it is void)."""
    from services.reports.csv_export import render_csv
    from services.reports.thermal import render_summary

    code = registered(days)
    days.supervisors.recover(code, "Budi Santoso", NEW_PIN, set_by="BNIUS100294")
    days.supervisors.issue_recovery_code(NEW_PIN, set_by="BNIUS100294")
    report = days.x_report()
    listed = [(a.action, a.approver, a.subject) for a in report.approvals]
    assert ("PIN supervisor diatur dengan kode pemulihan", "Budi Santoso", "Budi Santoso") in listed
    assert ("Kode pemulihan baru dibuat", "Budi Santoso", "") in listed
    printed = " ".join(render_summary(report, 32).text.split())
    assert "PIN supervisor diatur dengan kode pemulihan" in printed and "Kode pemulihan baru dibuat" in printed
    assert "diatur dengan kode pemulihan" in render_csv(report).decode("utf-8")


def test_a_new_code_that_fails_to_be_stored_leaves_no_approval_and_the_old_code_in_force(days, journal):
    """The approval "Kode pemulihan baru dibuat" and the new code are one journal transaction.
    They were two: a failure between them left on the day's record and its Laporan Z that a new
    code exists, so the owner's paper is void, while that paper's code was still the one in
    force and the new one had never been shown to anyone."""
    old = registered(days)
    fault = sqlite3.connect(journal.path)
    fault.execute("CREATE TRIGGER fault BEFORE INSERT ON recovery_code BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
    fault.commit()
    with pytest.raises(sqlite3.DatabaseError):
        days.supervisors.issue_recovery_code(PIN, set_by="BNIUS100294")
    fault.close()
    assert ISSUE_RECOVERY_CODE not in [a.action for a in days.supervisors.approvals()]
    days.supervisors.recover(old, "Budi Santoso", NEW_PIN)  # the paper's code still works
