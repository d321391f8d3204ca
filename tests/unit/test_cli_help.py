"""``--help`` is read by a partner's operator or a helpdesk at a terminal, not by the code's
reader: argparse poured each command's description into one paragraph, so ``office --help``
gave its eight example commands as one run of words, with ``literal`` marks, and ``--profile``
was shown as ``_PROFILE_1``."""

from __future__ import annotations

import pytest

from app.__main__ import parse_args


def help_text(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        parse_args([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", ["office", "journal"])
def test_each_example_command_is_a_line_of_its_own(capsys, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "100")
    text = help_text(capsys, command)
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith("python -m app ")]
    assert len(examples) >= 4
    assert all(example.count("python -m app") == 1 for example in examples)
    assert "``" not in text and "::" not in text


@pytest.mark.parametrize("argv", [(), ("receipt",), ("report",), ("journal",)])
def test_the_profile_option_names_a_folder(capsys, argv):
    text = help_text(capsys, *argv)
    assert "--profile DIR" in text and "_PROFILE" not in text


def test_prose_wraps_to_the_terminal_and_never_inside_a_date(capsys, monkeypatch):
    for width in range(50, 101):
        monkeypatch.setenv("COLUMNS", str(width + 2))  # argparse keeps two columns free
        text = help_text(capsys, "report")
        prose = text.split("\n\n", 1)[1].split("options:")[0]  # the description, after the usage
        assert all(len(line) <= width for line in prose.splitlines()), width
        assert "--date 2026-11-21 --format pdf" in " ".join(prose.split()), width
