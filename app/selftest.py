"""``python -m app --self-test``: the packaged build's smoke test.

Imports every module (a frozen build that misses a hidden import or a data file fails
here), builds the live hosts' TLS context (the system's trust store), opens a temporary
journal, logs in to the sandbox, opens the day's shift and makes a deposit through the
service layer, verifies the journal chain, and prints what it did.
"""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
from pathlib import Path
from typing import Callable

from app.version import __version__


def _import_all(say: Callable[[str], None]) -> int:
    import app
    import services
    import ui

    count = 0
    for package in (services, app, ui):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            importlib.import_module(info.name)
            count += 1
    say(f"imported {count} modules")
    return count


def _live_tls(say: Callable[[str], None]) -> None:
    """The live hosts' TLS context, as a live start builds it: a frozen build without
    truststore (or, on Windows, without what it loads from crypt32) fails here, in CI, rather
    than at a kiosk's first live start."""
    from services.hosts.http import bank_tls_context

    context = bank_tls_context()
    say(f"live TLS: system trust store ({type(context).__module__}) and certifi's bundle")
    import certifi

    from services.office.config import public_roots, windows_roots

    # The file libpq is given for an office without its own CA: certifi's public CAs and, on
    # Windows, the certificate store's roots beside them.
    public = Path(certifi.where()).read_bytes().count(b"BEGIN CERTIFICATE")
    with tempfile.TemporaryDirectory(prefix="loket-selftest-roots-") as folder:
        given = Path(public_roots(folder)).read_bytes().count(b"BEGIN CERTIFICATE")
    say(f"office TLS: {public} public CAs in {Path(certifi.where()).name}, {given - public} of "
        f"{len(windows_roots())} from the Windows certificate store")


def self_test(say: Callable[[str], None] = print) -> int:
    from app.context import build_context
    from services.profile import Profile

    say(f"Loket {__version__} self-test")
    _import_all(say)
    _live_tls(say)
    with tempfile.TemporaryDirectory(prefix="loket-selftest-") as folder:
        context = build_context(Profile(Path(folder)))
        try:
            creds = context.sandbox_hosts["bankplus"].credentials()
            session = context.banking.login(creds["username"], creds["password"])
            say(f"sandbox login: {session.name} ({session.agent_code})")
            if context.dayclose is not None:  # a deposit needs the day's shift
                context.dayclose.shifts.open(0, session.username)
            before = context.banking.agent_balance().balance
            done = context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount="25000",
                                           narration="self-test", pin=creds["pin"])
            after = context.banking.agent_balance().balance
            say(f"deposit {done.row.reference}: {done.row.state.value}, agent balance {before} -> {after}")
            if done.row.state.value != "SUCCESS" or before - after != 25_000:
                say("FAILED: the deposit did not move the money it should")
                return 1
            verdict = context.journal.verify()
            say(f"journal verify: {verdict}")
            if not verdict.ok:
                return 1
            context.banking.logout()
        finally:
            # The partner keys' passphrases went to the OS credential store (Windows), which
            # outlives the temporary folder: take them out, or each run leaves two behind.
            for keys in context.partner_keys.values():
                keys.delete()
            context.close()
    say("self-test OK")
    return 0
