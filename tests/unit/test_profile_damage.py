"""Detection of the damaged-profile cases the start-up window reports (tests/ui/
test_startup_problems.py shows the window): each raises a ``ProfileDamaged`` that says
what is wrong and what to do, and nothing is repaired or replaced in silence."""

from __future__ import annotations

import errno
import json
import os

import pytest

from services.profile import Profile, ProfileDamaged
from services.secrets import SecretsDamaged, SecretStore


@pytest.mark.parametrize("text", ["{mode: live,", json.dumps(["live"]), json.dumps("live"),
                                  "\xff{}"])  # the last: a byte that is not UTF-8
def test_settings_that_are_not_a_json_object_are_reported(tmp_path, text):
    profile = Profile(tmp_path)
    profile.settings_path.write_text(text, encoding="latin-1")
    with pytest.raises(ProfileDamaged) as caught:
        profile.load_settings()
    assert "settings.json" in caught.value.message and "settings.rusak.json" in caught.value.todo
    assert caught.value.path == profile.settings_path
    assert profile.settings_path.read_text(encoding="latin-1") == text  # left for the helpdesk


def test_a_folder_that_cannot_be_written_is_reported(tmp_path, monkeypatch):
    profile = Profile(tmp_path)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(ProfileDamaged, match="tidak dapat menulis di folder profil") as caught:
        profile.check_writable()
    assert "read-only" in caught.value.todo


def test_a_writable_folder_passes_and_keeps_nothing(tmp_path):
    Profile(tmp_path).check_writable()
    assert list(tmp_path.iterdir()) == []


def test_a_garbage_secrets_file_is_reported(tmp_path):
    store = SecretStore(tmp_path, use_keyring=False)
    store.set("keagenan.client_secret", "rahasia")
    (tmp_path / "secrets.bin").write_bytes(b"garbage" * 10)
    with pytest.raises(SecretsDamaged, match="secrets.bin"):
        SecretStore(tmp_path, use_keyring=False).check()


def test_a_lost_key_is_reported_and_never_rewritten(tmp_path):
    store = SecretStore(tmp_path, use_keyring=False)
    store.set("keagenan.client_secret", "rahasia")
    (tmp_path / "secrets.key").unlink()
    fresh = SecretStore(tmp_path, use_keyring=False)
    for use in (fresh.check, lambda: fresh.get("keagenan.client_secret"), lambda: fresh.set("other", "x")):
        with pytest.raises(SecretsDamaged, match="secrets.key") as caught:
            use()
        assert "cadangan" in caught.value.todo
    assert not (tmp_path / "secrets.key").exists()


def test_a_first_start_still_makes_its_key(tmp_path):
    store = SecretStore(tmp_path, use_keyring=False)
    store.check()
    store.set("a", "b")
    assert (tmp_path / "secrets.key").exists() and SecretStore(tmp_path, use_keyring=False).get("a") == "b"
