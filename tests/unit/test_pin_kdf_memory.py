"""A PIN check's scrypt uses 16 MiB while it runs and gives them back after, whichever thread
ran it (services/heap.py): a worker thread that checked a PIN once does not keep 16 MiB
resident for the rest of the day. Linux's own figures (this project's machines and CI)."""

from __future__ import annotations

import threading
from pathlib import Path

from services.dayclose.supervisor import _derive

MIB = 1024 * 1024


def resident() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def in_a_new_thread() -> None:
    thread = threading.Thread(target=_derive, args=("359569", b"0123456789abcdef"))
    thread.start()
    thread.join()


def test_scrypt_in_new_threads_keeps_no_memory():
    _derive("359569", b"0123456789abcdef")  # the first, on this thread, as a login's learn is
    before = resident()
    for _ in range(3):
        in_a_new_thread()
    assert resident() - before < 8 * MIB  # each would have kept 16 MiB
