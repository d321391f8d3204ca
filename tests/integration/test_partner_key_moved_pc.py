"""A kiosk's profile folder copied to a new PC keeps the partner keys the banks registered.

On Windows the passphrase of each partner key (``keys/snap-<host>.pem``) is in the PC's
Credential Manager, which does not move with the folder. The first sandbox run on the new PC
(a drill, or the ``--sandbox`` start the helpdesk is told to use to reach Koneksi Host) found
no passphrase and wrote a fresh key over the file: the key DOKU and BCA hold the ``.pub`` of
was gone for good, even once the old PC's passphrase was found. Now it is kept aside.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization

from app.context import build_context
from services.profile import Profile


class CredentialStore:
    """One PC's credential store as ``keyring`` reaches it (Windows Credential Manager)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.items.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.items[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        del self.items[(service, name)]


def test_a_sandbox_run_on_the_new_pc_keeps_the_key_the_bank_registered(tmp_path, monkeypatch):
    old_pc = CredentialStore()
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: old_pc)
    folder = tmp_path / "Loket"
    build_context(Profile(folder)).close()  # the first start makes the partner keys
    registered = {path.name: path.read_bytes() for path in (folder / "keys").glob("snap-*.pem")}
    assert set(registered) == {"snap-bca.pem", "snap-doku.pem"}

    new_pc = CredentialStore()  # the folder copied over; the credential store stayed behind
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: new_pc)
    context = build_context(Profile(folder), sandbox=True)
    assert context.partner_keys["bca"].has_key()  # the drill signs with a key of its own
    context.close()

    for name, data in registered.items():
        kept = [path for path in (folder / "keys").iterdir() if path.read_bytes() == data]
        assert kept, f"{name} was overwritten"
        assert kept[0].name != name
        # the old PC's passphrase still opens the file kept aside: the bank's key is not lost
        passphrase = next(value for (_, secret), value in old_pc.items.items()
                          if secret == f"snap.{name[5:-4]}.key_passphrase")
        serialization.load_pem_private_key(kept[0].read_bytes(), passphrase.encode("ascii"))
