"""Fixtures every test layer shares: a fresh journal, a pinned clock, sandbox hosts on loopback."""

from __future__ import annotations

import os
import tempfile
import zlib
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from services.clock import WIB, FixedClock
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.journal import Journal
from services.office.localpg import closed_port
from services.sandbox.server import SandboxServer

# python-escpos parses its printer database into a new temporary folder at each import
# unless told where its pickle is kept (the app keeps it in the profile's cache): one
# folder per checkout, so a test run neither leaves a folder behind nor reparses. Set
# before any test module imports the receipts (nothing above imports python-escpos).
_ESCPOS_CACHE = Path(tempfile.gettempdir()) / f"loket-escpos-{zlib.crc32(str(Path(__file__).parent).encode()):08x}"
_ESCPOS_CACHE.mkdir(exist_ok=True)
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_ESCPOS_CACHE))


@pytest.fixture
def closed():
    """A port of 127.0.0.1 where nothing listens, held for the whole test so that nothing else
    on this machine can start listening there (``localpg.closed_port``)."""
    with closed_port() as port:
        yield port


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 21, 14, 5, 0, tzinfo=WIB))


@pytest.fixture
def journal(tmp_path: Path, clock: FixedClock):
    with Journal(tmp_path / "journal.db", clock=clock) as j:
        yield j


@pytest.fixture
def bankplus_host() -> BankPlusSandbox:
    return BankPlusSandbox()


@pytest.fixture
def bankplus_server(bankplus_host: BankPlusSandbox):
    """The simulated Bank+ host on a real socket at 127.0.0.1:<free port>."""
    with SandboxServer(bankplus_host) as server:
        yield server


@pytest.fixture
def http():
    with httpx.Client() as client:
        yield client
