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
_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "resources" / "fonts").is_dir():
        return Path(frozen) / "resources" / "fonts"
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


def register() -> None:
    """Register the four faces with reportlab (once per process), and the bold of each as
    the ``<b>`` of its family in Paragraph markup."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = font_dir()
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        from reportlab import rl_config

        # A canvas starts every page in this font: reportlab's default (Helvetica) would be
        # listed in every PDF, unembedded, though no text is drawn in it.
        rl_config.canvas_basefontname = SANS
        # ... and so do a drawing (the report's chart) and a table cell given no font.
        from reportlab.graphics.shapes import STATE_DEFAULTS
        from reportlab.platypus.tables import CellStyle

        STATE_DEFAULTS["fontName"] = SANS
        CellStyle.fontname = SANS
        for regular, bold in ((SANS, SANS_BOLD), (MONO, MONO_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
        _registered = True
