"""Fuzzing the command line (Hypothesis): ``python -m app`` with every subcommand and its
arguments (--date, --format, --out, --profile, a reference, stray options) drawn from what a
support person could type: wrong dates, wrong formats, folders that do not exist or cannot
be written, a file where a folder is asked, the profile's own folder.

Whatever the line: argparse's usage with exit code 2, or the command's own message in words
with a non-zero code, or the command's work with 0; never a Python traceback; and the
journal is unchanged (rows, events and the chain's head). The GUI (no subcommand), the
self-test and --live are not drawn: they are not commands that read their arguments.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.__main__ import main
from services.clock import WIB, FixedClock
from services.journal import Journal
from services.profile import Profile
from tests.integration.test_cli_profile import _fill as fill

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
DAY = "2026-11-21"
# What an operating system can pass as an argument: any text but NUL (and lone surrogates).
argument_text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=16)


class Place:
    """The profile and the folders the command line may name."""

    def __init__(self, root: Path) -> None:
        self.profile = Profile(root / "kiosk")
        clock = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=WIB))
        self.reference = fill(self.profile, clock, ["SITI RAHAYU", "BUDI SANTOSO"])[-1]
        self.out = root / "out"
        self.out.mkdir()
        self.a_file = root / "a-file.txt"
        self.a_file.write_text("not a folder")
        self.read_only = root / "read-only"
        self.read_only.mkdir()
        self.read_only.chmod(stat.S_IRUSR | stat.S_IXUSR)

    def journal_state(self) -> tuple:
        with Journal(self.profile.journal_path) as journal:
            (events,) = journal.execute("SELECT count(*) FROM txn_event").fetchone()
            return journal.count(), events, journal.verify().ok

    def outs(self) -> st.SearchStrategy:
        """Three times in four a place named on purpose, else any text."""
        places = st.sampled_from([
            str(self.out), str(self.out / "x.csv"), str(self.out / "missing" / "x.csv"), str(self.out / "missing"),
            str(self.a_file), str(self.a_file / "x.pdf"), str(self.read_only), str(self.read_only / "x.pdf"),
            "-", "", str(self.profile.folder), str(self.profile.journal_path)])
        return st.one_of(places, places, places, argument_text)

    def profiles(self) -> st.SearchStrategy:
        """The kiosk's profile two times in three, else a folder that is none."""
        return st.one_of(st.just(str(self.profile.folder)), st.just(str(self.profile.folder)), st.sampled_from([
            str(self.out / "no-profile"), str(self.a_file), "", str(self.read_only)]))


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Place:
    root = tmp_path_factory.mktemp("cli")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(root / "xdg"))  # the default profile, should one be used
        patch.setenv("APPDATA", str(root / "xdg"))
        patch.setenv("LOKET_OFFICE_DSN", "")
        patch.chdir(root)  # a relative --out lands here
        (root / "escpos").mkdir()
        patch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(root / "escpos"))
        yield Place(root)
    os.chmod(root / "read-only", stat.S_IRWXU)


# command -> its options and the values it takes (argparse refuses other options and choices)
COMMANDS = {
    ("journal", "export"): {"--date": "date", "--format": ["jsonl", "csv"], "--out": "out", "--profile": "profile"},
    ("journal", "verify"): {"--profile": "profile"},
    ("receipt",): {"--format": ["pdf", "escpos", "text"], "--out": "out", "--profile": "profile",
                   "--width": ["58", "80"], "--page": ["A4", "A6"]},
    ("report",): {"--date": "date", "--format": ["pdf", "csv"], "--out": "out", "--profile": "profile"},
    ("office", "verify"): {"--dsn": ["host=127.0.0.1 port=1 connect_timeout=1"]},
    ("office", "report"): {"--date": "date", "--format": ["pdf", "csv"], "--out": "out",
                           "--dsn": ["host=127.0.0.1 port=1 connect_timeout=1"]},
}
# a day with rows, an empty one, days that are no days, and other spellings of one
DATES = st.one_of(st.just(DAY), st.sampled_from(["2026-11-22", "2026-02-30", "2026-13-01", "21-11-2026", "",
                                                  "9999-12-31",
                                          "0001-01-01", "2026-11-21T10:00", " 2026-11-21", "١٩٩٧-٠٨-٠١"]))


@st.composite
def command_lines(draw, place: Place) -> list[str]:
    """Mostly lines argparse takes (each option the command takes, usually with a value it
    could take), so the commands run and meet the wrong folder or day; sometimes a value
    no command takes, a missing option or a stray word."""
    command = draw(st.sampled_from(sorted(COMMANDS)))
    line = list(command)
    if command == ("receipt",):
        line.append(draw(st.one_of(st.just(place.reference), st.just(place.reference), argument_text)))
    kinds = {"date": DATES, "out": place.outs(), "profile": place.profiles()}
    for name, takes in COMMANDS[command].items():
        if not draw(st.integers(0, 9)):  # one in ten: left out
            continue
        value = kinds[takes] if isinstance(takes, str) else st.sampled_from(takes)
        line += [name, draw(argument_text if not draw(st.integers(0, 5)) else value)]
    if not draw(st.integers(0, 5)):  # a stray word somewhere
        line.insert(draw(st.integers(0, len(line))), draw(st.one_of(argument_text, st.just("--bogus"))))
    return line


@FUZZ
@given(data=st.data())
def test_any_command_line(place, capsysbinary, data):
    # Binary capture: ``receipt REF --out -`` writes the PDF's bytes to standard output, which
    # a text capture cannot decode (the harness failed, not the command).
    line = data.draw(command_lines(place))
    before = place.journal_state()
    try:
        code = main(line)
    except SystemExit as exit_:  # argparse: usage (2) or help (0)
        code = exit_.code
        assert code in (0, 2), (line, code)
    captured = capsysbinary.readouterr()
    out, err = (captured.out.decode("utf-8", "replace"), captured.err.decode("utf-8", "replace"))
    assert "Traceback" not in err + out, line
    if code:
        assert err.strip(), (line, code)  # a refusal says why
    assert place.journal_state() == before, line


@pytest.mark.parametrize("line", [["journal", "export", "--date", DAY, "--format", "csv"],
                                  ["report", "--date", DAY, "--format", "csv"]])
def test_the_lines_the_fuzz_varies_work(place, capsys, line):
    out = ["--out", str(place.out)] if line[0] == "report" else []
    assert main(line + out + ["--profile", str(place.profile.folder)]) == 0
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("line", [
    ["receipt", "{reference}", "--out", "{out}"],  # a folder where a file is asked: IsADirectoryError
    # a folder no fuzzed line names: ``report --out {out}/missing`` makes that one
    ["receipt", "{reference}", "--out", "{out}/never-made/x.pdf"],
    ["journal", "export", "--date", DAY, "--format", "csv", "--out", "{out}/never-made/x.csv"],
    ["report", "--date", DAY, "--format", "csv", "--out", "{a_file}"],  # a file where a folder is asked
])
def test_found_an_out_that_cannot_be_written_is_said_in_words(place, capsys, line):
    names = {"reference": place.reference, "out": place.out, "a_file": place.a_file}
    before = place.journal_state()
    assert main([part.format(**names) for part in line] + ["--profile", str(place.profile.folder)]) == 1
    error = capsys.readouterr().err
    assert "tidak dapat dipakai" in error and "Traceback" not in error
    assert place.journal_state() == before


@pytest.mark.parametrize("line", [
    ["receipt", "{ref}", "--format", "pdf", "--out", "{journal}"],
    ["report", "--date", DAY, "--format", "csv", "--out", "{folder}"],
    ["journal", "export", "--date", DAY, "--format", "csv", "--out", "{journal}"],
])
def test_found_no_output_is_written_into_the_profile_folder(place, capsys, line):
    """Found by the fuzz: ``receipt REF --out <the journal file>`` wrote a PDF over the
    journal. Nothing any command writes may land in the profile folder."""
    before = place.journal_state()
    argv = [part.format(ref=place.reference, journal=place.profile.journal_path, folder=place.profile.folder)
            for part in line]
    code = main([*argv, "--profile", str(place.profile.folder)])
    assert code == 2 and "folder profil" in capsys.readouterr().err
    assert place.journal_state() == before


def test_found_a_pdf_receipt_to_standard_output_is_its_bytes(place, capsysbinary):
    """Found by the fuzz: ``receipt REF --out -`` writes the PDF itself to standard output."""
    assert main(["receipt", place.reference, "--format", "pdf", "--out", "-", "--profile",
                 str(place.profile.folder)]) == 0
    assert capsysbinary.readouterr().out.startswith(b"%PDF-")
