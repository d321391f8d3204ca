"""A throwaway PostgreSQL on this machine: for the tests, the bench and trying the office side.

``LocalPostgres(folder)`` runs Debian's (or any) ``initdb`` and ``pg_ctl`` from the
PostgreSQL installation found on the machine into ``folder``, on a free port of 127.0.0.1,
with its unix socket in ``folder`` as well; ``stop()`` shuts it down. No system service is
used or assumed. The superuser is ``postgres`` and trusted on the unix socket only; TCP
connections (what a counter uses) need a password (scram-sha-256).

``tls=(certificate, key)`` (PEM bytes) turns TLS on with that certificate, so a test can
connect as a counter does, ``sslmode=verify-full`` against its CA; without it the server
speaks plain TCP only.

PostgreSQL refuses to run as root. When we are root (CI, containers) the cluster is run
as the unprivileged ``postgres`` user that Debian's package creates (``nobody`` if there is
none), through ``runuser``, and the folder is handed to that user. That is the documented
way (``initdb`` and ``postgres`` print exactly this advice when started as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class PostgresNotFound(RuntimeError):
    """No PostgreSQL server binaries on this machine (Debian: ``apt-get install postgresql``)."""


def find_bindir() -> Path:
    """The newest ``/usr/lib/postgresql/<n>/bin`` (Debian), else ``pg_ctl`` on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3])
                   if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    raise PostgresNotFound("PostgreSQL server not found; on Debian/Ubuntu: apt-get install postgresql")


def free_port() -> int:
    """A port of 127.0.0.1 free now, for a server about to listen on it. Given back at once: a
    place where nothing listens is ``closed_port()``."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def closed_port() -> Iterator[int]:
    """A port of 127.0.0.1 where nothing listens while the block runs: bound and never listened
    on, so a connection there is refused at once, and held, so that no other program can take
    it meanwhile. A ``free_port()`` given back can be: another test's or another program's
    server binding port 0 on this machine gets it, and one that accepts and never answers (a
    fake printer, an HTTP server reading a request line) holds libpq until its connect timeout
    (psycopg's default is 130 s) instead of "Connection refused". Bound without SO_REUSEADDR
    (and exclusively on Windows), so no other socket can share the port."""
    with socket.socket() as s:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: SO_REUSEADDR there would let another bind take it
            s.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


class LocalPostgres:
    def __init__(self, folder: Path | str | None = None, *, port: int | None = None, fsync: bool = True,
                 options: str = "", tls: tuple[bytes, bytes] | None = None) -> None:
        # Its own folder under the system's temp directory by default: the unprivileged user
        # must be able to reach it, and a test's tmp_path (0700, root's) is out of its reach.
        self._own_folder = folder is None
        self.folder = Path(tempfile.mkdtemp(prefix="loket-pg-")) if folder is None else Path(folder)
        self.data = self.folder / "data"
        self.port = port or free_port()
        self.bindir = find_bindir()
        self.fsync = fsync
        self.options = options  # more server settings, "-c name=value ..."
        self.tls = tls
        self._user = self._run_as()

    @staticmethod
    def _run_as() -> str | None:
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            return None
        import pwd  # POSIX only: importing this module must work everywhere (the self-test imports all)

        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")

    def _cmd(self, *args: str) -> list[str]:
        if self._user is None:
            return list(args)
        return ["runuser", "-u", self._user, "--", *args]

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def admin_conninfo(self, dbname: str = "postgres") -> str:
        """The superuser over the unix socket (trusted, no password)."""
        return f"host={self.socket_dir} port={self.port} user=postgres dbname={dbname}"

    def tcp_conninfo(self, user: str, password: str, dbname: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={user} password={password} dbname={dbname} sslmode=disable"

    def start(self) -> "LocalPostgres":
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._user is not None:
            import pwd

            entry = pwd.getpwnam(self._user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            os.chmod(self.folder, 0o700)
        if not (self.data / "PG_VERSION").exists():
            _run(self._cmd(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                                     "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                                     "--locale=C.UTF-8" if _has_locale("C.UTF-8") else "--locale=C"))
        options = (f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections=200 -c shared_buffers=64MB")
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        if self.tls is not None:
            options += self._write_tls(*self.tls)
        if self.options:
            options += " " + self.options
        _run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60",
                       "-l", str(self.folder / "server.log"), "-o", options, "start"))
        return self

    def _write_tls(self, certificate: bytes, key: bytes) -> str:
        """The server's certificate and key in its folder, the key readable by it alone (the
        server refuses a key others can read); the options that turn TLS on."""
        paths = self.folder / "server.crt", self.folder / "server.key"
        for path, content in zip(paths, (certificate, key)):
            path.write_bytes(content)
            os.chmod(path, 0o600)
            if self._user is not None:
                import pwd

                entry = pwd.getpwnam(self._user)
                os.chown(path, entry.pw_uid, entry.pw_gid)
        return f" -c ssl=on -c ssl_cert_file={paths[0]} -c ssl_key_file={paths[1]}"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                                     "stop"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/")
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "LocalPostgres":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _run(command: list[str]) -> None:
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}")


def _has_locale(name: str) -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    except OSError:
        return False
    return name.lower().replace("-", "") in out.replace("-", "")
