"""The profile's small files on a disk that misbehaves: settings.json, secrets.bin, secrets.key.

* A write the disk refuses (full, read-only) leaves the old file as it was and says so in the
  agent's words (``SettingsNotSaved``). The refusal is real: a child process whose file-size
  limit (``ulimit -f``) is below the file's size gets EFBIG from the system, part-way through
  the write, as a full disk gives ENOSPC.
* A power cut cannot be staged in a test, so what makes the files survive one is checked
  instead: the new bytes are flushed to the disk before the rename puts them in place, and
  the key before any secret is encrypted with it. Without that a power cut right after a save
  left an empty settings.json or secrets.key, which stops Loket at the next start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.profile import Profile, SettingsNotSaved
from services.secrets import SecretStore

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, resource, signal, sys
from services.profile import Profile
from services.errors import LoketError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal, as ENOSPC on a full disk
profile = Profile(sys.argv[1])
settings = profile.load_settings()
settings["hosts"]["bankplus"] = {"base_url": "https://" + "x" * 5000 + ".example"}
resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
try:
    profile.save_settings(settings)
except LoketError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": exc.message}))
"""


def test_settings_the_disk_refuses_keep_the_old_file_and_say_so(tmp_path):
    profile = Profile(tmp_path)
    settings = profile.load_settings()
    settings["mode"] = "live"
    profile.save_settings(settings)
    before = profile.settings_path.read_bytes()
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    assert said["error"] == "SettingsNotSaved"
    assert "Pengaturan tidak dapat disimpan" in said["message"] and "tetap berlaku" in said["message"]
    assert profile.settings_path.read_bytes() == before  # still live, not half a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]  # nothing half-written beside it
    assert Profile(tmp_path).load_settings()["mode"] == "live"


def test_a_settings_write_that_fails_is_a_loket_error_with_the_reason(tmp_path, monkeypatch):
    profile = Profile(tmp_path)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):  # EROFS: a disk remounted read-only (root writes anyway)
        if str(path).startswith(str(tmp_path)) and flags & os.O_CREAT:
            raise OSError(30, os.strerror(30), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(SettingsNotSaved) as caught:
        profile.save_settings({**profile.load_settings(), "language": "en"})
    assert os.strerror(30) in caught.value.message


@pytest.fixture
def disk(monkeypatch):
    """What reaches the disk, in order: each flushed file's content, each rename."""
    log: list[tuple[str, object]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        real_fsync(fd)
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        log.append(("flushed", path.read_bytes() if path.is_file() else path))

    def replace(src, dst):
        real_replace(src, dst)
        log.append(("renamed", Path(dst).name))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return log


def test_new_settings_reach_the_disk_before_they_replace_the_old(tmp_path, disk):
    profile = Profile(tmp_path)
    profile.save_settings({**profile.load_settings(), "mode": "live"})
    written = profile.settings_path.read_bytes()
    assert disk.index(("flushed", written)) < disk.index(("renamed", "settings.json"))
    assert disk.index(("renamed", "settings.json")) < disk.index(("flushed", tmp_path))  # the rename itself


def test_the_secret_key_reaches_the_disk_before_any_secret_is_encrypted_with_it(tmp_path, disk):
    store = SecretStore(tmp_path, use_keyring=False)
    store.set("bankplus.password", "T6jkl4ss")
    key = (tmp_path / "secrets.key").read_bytes()
    secrets = (tmp_path / "secrets.bin").read_bytes()
    assert disk.index(("flushed", key)) < disk.index(("flushed", secrets)) < disk.index(("renamed", "secrets.bin"))
    assert SecretStore(tmp_path, use_keyring=False).get("bankplus.password") == "T6jkl4ss"
