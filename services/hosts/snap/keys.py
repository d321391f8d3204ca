"""The partner's RSA key pair (Pengaturan > Kunci): generate, import, export the public key.

The bank is given the public key as the ``.pub`` file ``openssl rsa -in key -pubout``
writes (BCA FAQ, seeds/bca-api-faq.txt): a PEM ``PUBLIC KEY`` (X.509 SubjectPublicKeyInfo).

At rest the private key is never plain. It is written as a PKCS#8 PEM encrypted with a
random passphrase (``BestAvailableEncryption``: AES-256-CBC under scrypt/PBKDF2), and the
passphrase goes to the profile's ``SecretStore`` (OS credential store or Fernet file).
Why not the PEM itself in the SecretStore: a 2048-bit PEM is ~1.7 kB, and Windows
Credential Manager refuses credential blobs over 2,560 bytes (keyring stores UTF-16, so
~1,280 characters); the 44-character passphrase fits everywhere.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets as _random
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from services.errors import ConfigurationError, UserInputError
from services.files import sync_folder
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.secrets import SecretStore

KEY_BITS = 2048
PUBLIC_EXPONENT = 65537


def generate_private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=PUBLIC_EXPONENT, key_size=KEY_BITS)


def public_key_pem(key: rsa.RSAPrivateKey | rsa.RSAPublicKey) -> str:
    """``-----BEGIN PUBLIC KEY-----`` PEM, byte for byte what ``openssl rsa -pubout`` gives."""
    public = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public_key(pem: bytes | str) -> rsa.RSAPublicKey:
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    key = serialization.load_pem_public_key(data)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("not an RSA public key")
    return key


def load_private_key(pem: bytes | str, password: str | None = None) -> rsa.RSAPrivateKey:
    """An RSA private key of at least 2048 bits from PKCS#1 or PKCS#8 PEM (encrypted or not).

    Refusals are ``UserInputError`` on the ``private_key`` field: importing is a form the
    supervisor fills in.
    """
    data = pem.encode("ascii", "replace") if isinstance(pem, str) else pem
    try:
        key = serialization.load_pem_private_key(data, password.encode("utf-8") if password else None)
    except TypeError:
        raise UserInputError("password", QT_TRANSLATE_NOOP("errors", "Kunci privat ini terkunci kata sandi. Masukkan "
                                                                     "kata sandinya.")) from None
    except ValueError:
        raise UserInputError(
            "private_key",
            QT_TRANSLATE_NOOP("errors", "Berkas bukan kunci privat PEM yang bisa dibaca, atau kata sandinya salah. "
                                        "Periksa berkasnya."),
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise UserInputError("private_key", QT_TRANSLATE_NOOP("errors",
                                                              "Kunci harus berjenis RSA. Buat kunci RSA 2048 bit."))
    if key.key_size < KEY_BITS:
        raise UserInputError("private_key", templated(QT_TRANSLATE_NOOP("errors", "Kunci RSA minimal {KEY_BITS} bit. "
                                                                                  "Buat kunci baru."),
                                                      KEY_BITS=KEY_BITS))
    return key


class PartnerKeys:
    """One partner key pair per host name ("bca", "doku"), kept in the profile.

    ``folder`` holds ``snap-<host>.pem`` (encrypted PKCS#8); ``secrets`` holds its passphrase.
    """

    def __init__(self, folder: Path | str, secrets: SecretStore, host: str) -> None:
        self.folder = Path(folder)
        self.secrets = secrets
        self.host = host

    @property
    def path(self) -> Path:
        return self.folder / f"snap-{self.host}.pem"

    @property
    def _secret_name(self) -> str:
        return f"snap.{self.host}.key_passphrase"

    def has_key(self) -> bool:
        return self.path.exists() and self.secrets.get(self._secret_name) is not None

    def generate(self) -> str:
        """Make and store a fresh 2048-bit pair; returns the public key PEM to give the bank."""
        key = generate_private_key()
        self._store(key)
        return public_key_pem(key)

    def import_private_key(self, pem: bytes | str, password: str | None = None) -> str:
        """Store an existing private key (re-encrypted under our own passphrase); returns its public PEM."""
        key = load_private_key(pem, password)
        self._store(key)
        return public_key_pem(key)

    def private_key(self) -> rsa.RSAPrivateKey:
        passphrase = self.secrets.get(self._secret_name)
        if passphrase is None or not self.path.exists():
            raise ConfigurationError(
                templated(QT_TRANSLATE_NOOP("errors", "Kunci SNAP untuk {value} belum dibuat. Buka Pengaturan > "
                                                      "Kunci, buat atau impor kunci."), value=self.host.upper())
            )
        try:
            key = serialization.load_pem_private_key(self.path.read_bytes(), passphrase.encode("ascii"))
        except ValueError:
            raise ConfigurationError(
                templated(QT_TRANSLATE_NOOP("errors", "Kunci SNAP untuk {value} rusak. Buka Pengaturan > Kunci, buat "
                                                      "atau impor ulang kunci."), value=self.host.upper())
            ) from None
        assert isinstance(key, rsa.RSAPrivateKey)
        return key

    def public_key_pem(self) -> str:
        return public_key_pem(self.private_key())

    def fingerprint(self) -> str:
        """SHA-256 of the public key's DER (SubjectPublicKeyInfo) as ``AB:CD:…``: what the
        supervisor compares, on the phone with the bank, against the ``.pub`` they received
        (``openssl pkey -pubin -in key.pub -outform DER | openssl dgst -sha256 -c``)."""
        der = self.private_key().public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return ":".join(f"{byte:02X}" for byte in hashlib.sha256(der).digest())

    def export_public_key(self, path: Path | str) -> Path:
        """Write the ``.pub`` file the bank asks for."""
        target = Path(path)
        target.write_text(self.public_key_pem(), encoding="ascii", newline="\n")
        return target

    def delete(self) -> None:
        self.secrets.delete(self._secret_name)
        self.path.unlink(missing_ok=True)

    def unopened(self) -> bool:
        """The key file is here but its passphrase is not in this PC's secret store: the
        profile folder was copied from another PC, whose Credential Manager kept it."""
        return self.path.exists() and self.secrets.get(self._secret_name) is None

    def _keep_unopened(self) -> None:
        """A key file whose passphrase this PC's secret store does not hold is set aside,
        never overwritten: a profile folder copied to a new PC leaves the passphrases in the
        old PC's Credential Manager, and this file is the key the bank holds the ``.pub`` of.
        With the old PC's passphrase it opens again (README, "Helpdesk")."""
        if self.unopened():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"snap-{self.host}-tanpa-sandi-{stamp}.pem")
            n = 1
            while aside.exists():
                n += 1
                aside = self.path.with_name(f"snap-{self.host}-tanpa-sandi-{stamp}-{n}.pem")
            os.replace(self.path, aside)

    def _store(self, key: rsa.RSAPrivateKey) -> None:
        self._keep_unopened()
        passphrase = base64.urlsafe_b64encode(_random.token_bytes(32)).decode("ascii")
        encrypted = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase.encode("ascii")),
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(encrypted)
            fh.flush()
            os.fsync(fh.fileno())  # on the disk before the rename (services.files says why)
        # A crash between these two steps leaves a key that no longer opens; the
        # supervisor then generates or imports again (ConfigurationError says so).
        self.secrets.set(self._secret_name, passphrase)
        os.replace(tmp, self.path)
        sync_folder(self.folder)
