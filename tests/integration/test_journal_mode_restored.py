"""A journal knows whether it is the live one or the sandbox's, and a restore into the wrong
folder is refused at start-up.

The backup folder holds the live copies and the drills' (``loket-jurnal-K001-sandbox-...``);
nothing in the file said which it was, and ``journal backup --check`` passed either. A
helpdesk restoring the newest file after a disk failure put a drill journal over the live
``journal.db``: Loket started live on it, the training deposits counted in the live day's
Laporan Z and went to the partner office as real money.
"""

from __future__ import annotations

import shutil

import pytest

from app.__main__ import main
from app.context import build_context
from services.profile import Profile, ProfileDamaged

LIVE = {"mode": "live", "hosts": {"bankplus": {"base_url": "https://127.0.0.1:9"}}}  # never reached


def _drill_deposit(profile: Profile) -> None:
    context = build_context(profile, sandbox=True)
    try:
        creds = context.sandbox_hosts["bankplus"].credentials()
        context.banking.login(creds["username"], creds["password"])
        context.dayclose.shifts.open(0, creds["username"])
        context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="25000", narration="latihan",
                                pin=creds["pin"])
    finally:
        context.close()


def _backup(profile: Profile, to, capsys) -> str:
    assert main(["journal", "backup", "--to", str(to), "--sandbox", "--profile", str(profile.folder)]) == 0
    out = capsys.readouterr().out
    return out.split(" -> ")[1].strip()


def test_a_drill_copy_restored_over_the_live_journal_does_not_start(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: None)
    profile = Profile(tmp_path / "Loket")
    _drill_deposit(profile)
    copy = _backup(profile, tmp_path, capsys)

    assert main(["journal", "backup", "--check", copy]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "OK 1 rows"
    assert "sandbox" in captured.err and "folder sandbox" in captured.err

    profile.save_settings(LIVE)  # the helpdesk's restore, to the live journal's place
    shutil.copyfile(copy, profile.journal_for(False))
    with pytest.raises(ProfileDamaged) as refused:
        build_context(profile)
    assert "jurnal latihan (sandbox)" in refused.value.message
    assert "-sandbox-" in refused.value.todo


def test_a_live_copy_restored_into_the_sandbox_folder_does_not_start(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: None)
    profile = Profile(tmp_path / "Loket")
    profile.save_settings(LIVE)
    build_context(profile).close()  # the live journal, empty, is marked live at its first start
    assert main(["journal", "backup", "--to", str(tmp_path), "--profile", str(profile.folder)]) == 0
    copy = capsys.readouterr().out.split(" -> ")[1].strip()
    assert main(["journal", "backup", "--check", copy]) == 0
    assert "live" in capsys.readouterr().err

    shutil.copyfile(copy, profile.journal_for(True))
    with pytest.raises(ProfileDamaged) as refused:
        build_context(profile, sandbox=True)
    assert "jurnal live" in refused.value.message
    build_context(profile).close()  # the live journal in its own place starts as before
