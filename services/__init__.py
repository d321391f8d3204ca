"""Loket's core: plain Python, never Qt. Everything here is testable without a display.

Before any module here imports httpx: httpx's package tries to set up its command-line
tool (``from ._main import main``), which imports click, pygments and rich, as far as they
are installed, before it fails on a missing one. sqlite-utils' command line once brought
click and pygments (~5 MiB of a counter's memory and their import time for a tool Loket
never runs); sqlite-utils is gone, but any other package may bring them back. A ``None`` in ``sys.modules``
makes that import fail at once, which httpx expects (its ``main`` then only says the CLI
is not installed); the client is untouched. ``app`` imports this package first for the
same reason.
"""

import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
