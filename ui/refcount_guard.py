"""Guard against a PySide6 build that drops references to ``None``/``True``/``False``.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from void methods (``setText``,
``setEnabled``, ``processEvents``...) and ``True`` from ``Signal.emit`` without taking a
reference. Every call then lowers the singleton's reference count by one; after some
thousands of calls — a few minutes at the counter — CPython aborts with
"none_dealloc"/"bool_dealloc". 6.11.2 does not do this, and CPython 3.12+ is immune
(PEP 683 made these objects immortal). ``pyproject.toml`` should exclude the bad version;
this guard keeps a kiosk that got one anyway from crashing in the middle of a transaction.

``install()`` probes once (a few Qt calls, microseconds) and, only when the leak is seen,
gives the three singletons a reference count no session can exhaust — what CPython 3.12
does for every interpreter.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_CUSHION = 1 << 40  # ~10^12 leaked calls before trouble; CPython 3.12 uses "immortal" the same way
_installed = False


def leaks() -> bool:
    """True when this PySide6 build drops references to None or True."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50):
        probe.setObjectName("probe")
        probe.ping.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    return after[0] < before[0] - 10 or after[1] < before[1] - 10


def install() -> bool:
    """Probe and, if needed, protect the singletons. Returns whether protection was applied."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not leaks():
        return False
    _installed = True
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _CUSHION
    log.warning("PySide6 %s drops references to None/True (known bad build); guarded. "
                "Install another PySide6 version.", _pyside_version())
    return True


def _pyside_version() -> str:
    import PySide6

    return getattr(PySide6, "__version__", "?")
