"""Loket's core: plain Python, never Qt. Everything here is testable without a display.

Before any module here imports httpx: httpx's package tries to set up its command-line
tool (``from ._main import main``), which imports click and pygments (both installed, for
sqlite-utils' command line) before it fails on a missing ``rich``; ~5 MiB of a counter's
memory and their import time for a tool Loket never runs. A ``None`` in ``sys.modules``
makes that import fail at once, which httpx expects (its ``main`` then only says the CLI
is not installed); the client is untouched. ``app`` imports this package first for the
same reason.
"""

import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
