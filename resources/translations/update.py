"""Regenerate Loket's translation files: ``loket_en.ts`` from the code, ``loket_en.qm`` from it.

    .venv/bin/python resources/translations/update.py

1. ``pyside6-lupdate`` reads ``app/``, ``ui/`` and ``services/`` and merges every marked
   string into ``loket_en.ts``: ``self.tr("…")`` and ``translate("context", "…")`` in the UI,
   ``QT_TRANSLATE_NOOP("errors", "…")`` for the services' messages (``services/i18n.py``).
   Indonesian is the source language; a new or changed string arrives *unfinished*.
2. Translate the unfinished messages: ``pyside6-linguist resources/translations/loket_en.ts``,
   or edit the XML (short, natural counter English; keep every ``{placeholder}``).
3. Run this script again: ``pyside6-lrelease`` compiles ``loket_en.qm``. Commit both files —
   the build (build.spec) ships the ``.qm``; ``tests/unit/test_translations.py`` fails while
   the ``.qm`` is older than the ``.ts`` or any message is unfinished.

``--ts-only`` stops after step 1 (what the test uses to compare against a fresh extraction).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "loket_en.ts"
QM = HERE / "loket_en.qm"
SOURCES = ("app", "ui", "services")


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv's bin/ or Scripts\\), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into this Python")
    return found


def lupdate(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    "-source-language", "id", "-target-language", "en", "-silent",
                    *(str(ROOT / folder) for folder in SOURCES), "-ts", str(ts)], check=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    lupdate()
    if "--ts-only" not in argv:
        lrelease()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
