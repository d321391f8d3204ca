"""The support commands read one mode's journal and say which; ``--live`` / ``--sandbox`` pick
the other one.

A kiosk switched from live to sandbox keeps its live journal (``Profile.data_folder``): the
commands read the sandbox's, said only "OK 2 rows", and had no way to reach the live one
short of editing settings.json (``--live`` before the command was ignored, after it refused).
A live kiosk that lost its settings.json had them read the empty sandbox folder:
"Jurnal tidak ditemukan".
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from app.__main__ import main
from services.profile import Profile
from tests.integration.test_cli_profile import DAY, _fill


@pytest.fixture
def switched(tmp_path, clock, monkeypatch):
    """A kiosk that ran live (one row), then was switched to sandbox for a drill (two rows)."""
    (tmp_path / "escpos").mkdir()
    monkeypatch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(tmp_path / "escpos"))
    profile = Profile(tmp_path / "kiosk")
    profile.save_settings({"mode": "live"})
    live = _fill(profile, clock, ["SITI RAHAYU"])
    profile.save_settings({"mode": "sandbox"})
    drill = _fill(profile, clock, ["LATIHAN SATU", "LATIHAN DUA"])
    return profile, live, drill


def _run(line: list[str], capsys) -> tuple[int, str, str]:
    code = main(line)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_journal_verify_says_which_journal_it_read(switched, capsys):
    profile, _live, _drill = switched
    code, out, err = _run(["journal", "verify", "--profile", str(profile.folder)], capsys)
    assert (code, out.strip()) == (0, "OK 2 rows")
    assert f"Jurnal sandbox: {profile.folder / 'sandbox' / 'journal.db'}" in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_live_reads_the_live_journal_of_a_kiosk_in_sandbox_mode(switched, capsys, where):
    profile, _live, _drill = switched
    command = ["journal", "verify", "--profile", str(profile.folder)]
    code, out, err = _run(["--live", *command] if where == "before" else [*command, "--live"], capsys)
    assert (code, out.strip()) == (0, "OK 1 rows")
    assert f"Jurnal live: {profile.folder / 'journal.db'}" in err


def test_the_live_day_is_exported_and_its_receipt_is_no_sandbox_receipt(switched, capsys):
    profile, live, drill = switched
    folder = ["--profile", str(profile.folder)]
    code, out, err = _run(["journal", "export", "--date", DAY, "--format", "csv", "--live", *folder], capsys)
    assert code == 0 and "Jurnal live" in err
    assert [(r["customer_name"], r["mode"]) for r in csv.DictReader(out.splitlines())] == [("SITI RAHAYU", "live")]
    code, out, err = _run(["receipt", live[0], "--format", "text", "--out", "-", "--live", *folder], capsys)
    assert code == 0 and "SITI RAHAYU" in out and "SANDBOX" not in out
    code, out, err = _run(["receipt", drill[0], "--format", "text", "--out", "-", *folder], capsys)
    assert code == 0 and "LATIHAN SATU" in out and "SANDBOX" in out and "Jurnal sandbox" in err


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_drill_exported_from_the_sandbox_journal_says_so_in_every_record(switched, capsys, fmt):
    """A partner collecting files from kiosks must be able to tell a drill from money: the
    sandbox's export looked exactly like a live one."""
    profile, _live, _drill = switched
    code, out, err = _run(["journal", "export", "--date", DAY, "--format", fmt, "--profile", str(profile.folder)],
                          capsys)
    assert code == 0 and "Jurnal sandbox" in err
    records = list(csv.DictReader(out.splitlines())) if fmt == "csv" else [json.loads(x) for x in out.splitlines()]
    assert [(r["customer_name"], r["mode"]) for r in records] == [("LATIHAN SATU", "sandbox"),
                                                                  ("LATIHAN DUA", "sandbox")]


def test_live_and_sandbox_at_once_are_refused(switched, capsys):
    profile, _live, _drill = switched
    with pytest.raises(SystemExit) as stop:
        main(["--live", "journal", "verify", "--sandbox", "--profile", str(profile.folder)])
    assert stop.value.code == 2 and "--live dan --sandbox" in capsys.readouterr().err


def test_a_live_kiosk_that_lost_its_settings_is_told_so_and_its_live_journal_still_read(switched, capsys):
    profile, _live, _drill = switched
    profile.settings_path.unlink()
    code, out, err = _run(["journal", "verify", "--profile", str(profile.folder)], capsys)
    assert code == 1 and out == ""
    assert "settings.json" in err and "mode live" in err and "cadangan" in err
    code, out, err = _run(["journal", "verify", "--live", "--profile", str(profile.folder)], capsys)
    assert (code, out.strip()) == (0, "OK 1 rows") and "Jurnal live" in err


def test_a_sandbox_report_csv_says_so_on_every_row_and_in_its_name(switched, tmp_path, capsys):
    """The PDF and the paper had a SANDBOX banner; the CSV, "read by programs" at the partner's
    office, was a drill's day indistinguishable from a live one, under the same file name
    (both journals number their Laporan Z from 1)."""
    profile, _live, _drill = switched
    out = tmp_path / "laporan"
    written = {}
    for mode in ("--sandbox", "--live"):
        code, printed, err = _run(["report", "--date", DAY, "--format", "csv", "--out", str(out), mode,
                                   "--profile", str(profile.folder)], capsys)
        assert code == 0, err
        written[mode] = Path(printed.strip())
    sandbox_rows = list(csv.DictReader(written["--sandbox"].read_text(encoding="utf-8-sig").splitlines()))
    live_rows = list(csv.DictReader(written["--live"].read_text(encoding="utf-8-sig").splitlines()))
    assert sandbox_rows and {r["report"] for r in sandbox_rows} == {"SANDBOX X"}
    assert live_rows and {r["report"] for r in live_rows} == {"X"}
    assert "SANDBOX" in written["--sandbox"].name and "SANDBOX" not in written["--live"].name
