"""PyInstaller entry point for the Loket and loket-debug executables.

The bundle starts here rather than at app/__main__.py so that ``app`` is imported as the
package it is everywhere else (dev, tests): the frozen build never carries a module twice
under two names (STYLE.md point 10).
"""

from app.__main__ import main

raise SystemExit(main())
