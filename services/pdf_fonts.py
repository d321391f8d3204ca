"""The fonts every PDF Loket writes embeds: DejaVu Sans and DejaVu Sans Mono, regular and bold.

reportlab's standard fonts (Helvetica, Courier) are not embedded: a viewer or printer
substitutes what it has, so an archived receipt or Laporan Z does not print the same
everywhere, and they cover only Latin-1, so a report drew "■■" for a name such as "Nguyễn"
or "Łukasz". DejaVu covers Latin with every extension, Greek, Cyrillic and more; reportlab
embeds the subset of glyphs a document uses (a few tens of kilobytes). A character DejaVu
does not have either (Chinese, emoji) is drawn as the font's empty box: the PDF still shows
that something was there, as the thermal printer's "?" does.

The font files ship in resources/fonts/ (licence: LICENSE-DejaVu.txt there), beside the
packages in development and under the frozen build's resources folder.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

SANS, SANS_BOLD = "LoketSans", "LoketSans-Bold"
MONO, MONO_BOLD = "LoketMono", "LoketMono-Bold"

_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf",
          MONO_BOLD: "DejaVuSansMono-Bold.ttf"}
FAMILIES = {SANS: SANS_BOLD, MONO: MONO_BOLD}  # each family's regular face and its bold
_lock = threading.Lock()
_registered: set[str] = set()


def font_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "resources" / "fonts").is_dir():
        return Path(frozen) / "resources" / "fonts"
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


def register(*families: str) -> None:
    """Register with reportlab (once per process) the regular and bold faces of ``families``
    (``SANS``, ``MONO``; both when none is named), the bold as the ``<b>`` of its family in
    Paragraph markup. Only what a document draws with: reportlab keeps each face's glyph
    tables in memory, 1.6 MiB a Mono face and 3.4 MiB a Sans one, and a day of roll receipts
    needs only Mono."""
    wanted = [family for family in (families or tuple(FAMILIES)) if family not in _registered]
    if not wanted:
        return
    with _lock:
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = font_dir()
        for regular in wanted:
            if regular in _registered:
                continue
            bold = FAMILIES[regular]
            for name in (regular, bold):
                pdfmetrics.registerFont(TTFont(name, str(folder / _FILES[name])))
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
            if regular == SANS:
                _sans_by_default()
            _registered.add(regular)


def _sans_by_default() -> None:
    from reportlab import rl_config

    # A canvas starts every page in this font: reportlab's default (Helvetica) would be
    # listed in every PDF, unembedded, though no text is drawn in it. (A canvas made before
    # Sans is registered names its own first font: ``initialFontName``.)
    rl_config.canvas_basefontname = SANS
    # ... and so do a drawing (the report's chart) and a table cell given no font.
    from reportlab.graphics.shapes import STATE_DEFAULTS
    from reportlab.platypus.tables import CellStyle

    STATE_DEFAULTS["fontName"] = SANS
    CellStyle.fontname = SANS
