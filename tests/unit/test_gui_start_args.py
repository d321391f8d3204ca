"""The GUI's plain start reads its command line without argparse (``gui_start_args``, ~3 ms
of the login window's start): for every line it takes, it must give what argparse gives, and
every other line (help, a mistake, an abbreviation, a command) must still reach argparse."""

from __future__ import annotations

import pytest

from app.__main__ import gui_start_args, parse_all_args, parse_args

GUI_LINES = [
    [], ["--live"], ["--sandbox"], ["--profile", "C:\\Loket\\profil"], ["--profile=/srv/loket"],
    ["--profile", "a b", "--live"], ["--sandbox", "--profile", "p"], ["--profile=x=y", "--sandbox"],
]


@pytest.mark.parametrize("argv", GUI_LINES)
def test_a_plain_start_is_read_as_argparse_reads_it(argv):
    quick = gui_start_args(argv)
    assert quick is not None, "a plain GUI start went through argparse"
    assert vars(quick) == vars(parse_all_args(argv)) == vars(parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["--live", "--sandbox"], ["--profile"], ["--profile", "--live"], ["--profile="], ["--bogus"], ["extra"],
    ["--profile", "a", "--profile", "b"], ["--profilex"], ["--live", "--live"], ["--prof", "p"], ["--self-test"],
    ["-h"], ["--version"], ["journal", "verify"],
])
def test_any_other_line_is_argparses(argv, capsys):
    assert gui_start_args(argv) is None
    try:
        expected = vars(parse_all_args(argv))
    except SystemExit as refused:
        with pytest.raises(SystemExit) as again:
            parse_args(argv)
        assert again.value.code == refused.code
        said = capsys.readouterr()
        assert said.out + said.err  # argparse's words (help, version, the refusal), not a silent exit
        return
    assert vars(parse_args(argv)) == expected
