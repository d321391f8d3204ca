"""Which credential store holds the secrets (services/secrets.py): the platform's own, named
by Loket rather than discovered by keyring; without one, the encrypted file, and keyring is
never imported (its discovery held about 4 MiB all day)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from services import secrets

ROOT = Path(__file__).resolve().parents[2]


def test_windows_keeps_its_secrets_in_credential_manager(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    backend = secrets._backend_class()
    assert (backend.__module__, backend.__name__) == ("keyring.backends.Windows", "WinVaultKeyring")


def test_linux_with_a_session_bus_asks_the_secret_service(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    backend = secrets._backend_class()
    assert (backend.__module__, backend.__name__) == ("keyring.backends.SecretService", "Keyring")
    assert secrets.SecretStore(tmp_path).backend == "encrypted-file"  # no service answers there


def test_without_a_credential_store_the_file_keeps_them_and_keyring_is_not_imported(tmp_path):
    probe = ("import sys; from services.secrets import SecretStore; store = SecretStore(sys.argv[1]); "
             "store.set('snap.client_secret', 'rahasia'); "
             "print(store.backend, store.get('snap.client_secret'), "
             "sorted(m for m in ('keyring', 'importlib_metadata', 'secretstorage') if m in sys.modules))")
    env = {key: value for key, value in os.environ.items() if key != "DBUS_SESSION_BUS_ADDRESS"}
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.split() == ["encrypted-file", "rahasia", "[]"]
    assert (tmp_path / "secrets.bin").exists()
