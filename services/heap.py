"""Large freed blocks go back to the operating system, as Windows' heap gives them back.

glibc (Linux) raises its "mmap threshold" to the size of a large block once one is freed,
and from then on carves blocks of that size from the thread's heap, where the freed memory
stays resident. scrypt's 16 MiB working memory (``services.dayclose.supervisor``) is such a
block: after the first PIN check, every worker thread that checked a PIN again kept 16 MiB
for the rest of the day. A fixed threshold keeps every block of 1 MiB or more mapped on its
own and unmapped when freed. On Windows, and under a C library without ``mallopt``, this
does nothing.
"""

from __future__ import annotations

import sys

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
THRESHOLD = 1024 * 1024
_done = False


def map_large_blocks() -> None:
    """Fix glibc's mmap threshold at 1 MiB (once per process; elsewhere nothing)."""
    global _done
    if _done:
        return
    _done = True
    if sys.platform.startswith("linux"):
        import ctypes

        mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
        if mallopt is not None:
            mallopt(M_MMAP_THRESHOLD, THRESHOLD)
