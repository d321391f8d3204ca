"""One ``--profile``, wherever it is written: before the subcommand's name, after it, or after
its action. Every subcommand is run against a profile while the user's default profile holds
a different journal, and must read the one named."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import main
from services.journal import Journal, State
from services.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-21"


def _fill(profile: Profile, clock, names: list[str]) -> list[str]:
    refs = []
    with Journal(profile.journal_path, clock=clock) as journal:
        for i, name in enumerate(names):
            ref = journal.next_reference()
            journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                          amount=100_000 * (i + 1), fee=0, operator="kasir1", customer_ref=f"55500011{i:02d}",
                          customer_name=name, request={})
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
            journal.transition(ref, State.SUCCESS, actor="system", reason="jawaban", host_ref=f"BLB{i}")
            refs.append(ref)
            clock.advance(60)
    return refs


@pytest.fixture
def profiles(tmp_path, clock, monkeypatch):
    """(the profile named on the line, its references); the default profile holds one other row."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "xdg"))
    (tmp_path / "escpos").mkdir()
    monkeypatch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(tmp_path / "escpos"))  # main() sets it otherwise
    decoy = Profile()
    assert decoy.folder.is_relative_to(tmp_path)
    _fill(decoy, clock, ["DEFAULT PROFILE"])
    target = Profile(tmp_path / "kiosk")
    refs = _fill(target, clock, ["SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI"])
    return target, refs


def _placements(command: list[str], action_len: int, profile: Path) -> list[list[str]]:
    """--profile before the command, after its name, after its action, and at the very end."""
    flag = ["--profile", str(profile)]
    head, rest = command[:1 + action_len], command[1 + action_len:]
    lines = [flag + command, command[:1] + flag + command[1:], head + flag + rest, command + flag]
    unique = []
    for line in lines:
        if line not in unique:
            unique.append(line)
    return unique


def test_journal_verify_reads_the_named_profile_wherever_it_is_written(profiles, capsys):
    target, _refs = profiles
    for line in _placements(["journal", "verify"], 1, target.folder):
        assert main(line) == 0, line
        assert capsys.readouterr().out.strip() == "OK 3 rows", line


def test_journal_export_reads_the_named_profile_wherever_it_is_written(profiles, capsys):
    target, _refs = profiles
    for line in _placements(["journal", "export", "--date", DAY, "--format", "csv"], 1, target.folder):
        assert main(line) == 0, line
        rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
        assert [r["customer_name"] for r in rows] == ["SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI"], line


def test_receipt_reads_the_named_profile_wherever_it_is_written(profiles, tmp_path, capsys):
    target, refs = profiles
    out = tmp_path / "struk.txt"
    for line in _placements(["receipt", refs[1], "--format", "text", "--out", str(out)], 1, target.folder):
        out.unlink(missing_ok=True)
        assert main(line) == 0, (line, capsys.readouterr().err)
        assert "BUDI SANTOSO" in out.read_text(encoding="utf-8"), line


def test_report_reads_the_named_profile_wherever_it_is_written(profiles, tmp_path, capsys):
    target, _refs = profiles
    for i, line in enumerate(_placements(["report", "--date", DAY, "--format", "csv", "--out",
                                          str(tmp_path / "out")], 0, target.folder)):
        out = tmp_path / f"out{i}"
        line = [str(out) if part == str(tmp_path / "out") else part for part in line]
        assert main(line) == 0, (line, capsys.readouterr().err)
        written = Path(capsys.readouterr().out.strip())
        assert written.parent == out
        text = written.read_text(encoding="utf-8")
        assert "600000" in text.replace(".", ""), line  # 100 000 + 200 000 + 300 000, not the default's


def test_office_which_reads_no_profile_refuses_one_instead_of_ignoring_it(profiles, capsys):
    target, _refs = profiles
    for line in (["--profile", str(target.folder), "office", "verify"],
                 ["office", "verify", "--profile", str(target.folder)]):
        with pytest.raises(SystemExit) as stop:
            main(line)
        assert stop.value.code == 2
        assert "--profile" in capsys.readouterr().err


def test_two_different_profiles_on_one_line_are_refused(profiles, tmp_path, capsys):
    target, _refs = profiles
    other = str(tmp_path / "other")
    for line in (["--profile", other, "journal", "verify", "--profile", str(target.folder)],
                 ["journal", "--profile", other, "verify", "--profile", str(target.folder)],
                 ["--profile", other, "--profile", str(target.folder), "journal", "verify"],
                 ["--profile", other, "report", "--date", DAY, "--out", other, "--profile", str(target.folder)]):
        with pytest.raises(SystemExit) as stop:
            main(line)
        assert stop.value.code == 2, line
        assert "--profile diberikan dua kali" in capsys.readouterr().err
    # the same folder written twice is one profile
    assert main(["--profile", str(target.folder), "journal", "verify", "--profile", str(target.folder)]) == 0
    assert capsys.readouterr().out.strip() == "OK 3 rows"


def test_the_support_persons_line_through_a_real_process(profiles, tmp_path):
    """The reported case: ``python -m app --profile P journal verify`` said OK for the default
    profile's journal."""
    target, _refs = profiles
    env = {**__import__("os").environ}
    done = subprocess.run([sys.executable, "-m", "app", "--profile", str(target.folder), "journal", "verify"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "OK 3 rows"
