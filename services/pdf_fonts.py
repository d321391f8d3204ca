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
    tables in memory, 1.2 MiB a Mono face and 2.6 MiB a Sans one, and a day of roll receipts
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
                font = TTFont(name, str(folder / _FILES[name]))
                font.__class__ = _objects_reusing_font()
                font.face.__class__ = _subset_reusing_face()
                # Glyph to characters: read after loading only by reportlab's harfbuzz shaping,
                # which Loket does not use (and which fills it again as it goes); ~0.4 MiB a
                # Mono face, ~0.8 MiB a Sans one.
                font.face.glyphToChar = {}
                pdfmetrics.registerFont(font)
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


_SUBSETS_KEPT = 8  # per face: a day of receipts uses one or two (ASCII, plus a name's letters)
_face_class = None
_subset_lock = threading.Lock()


def _subset_reusing_face():
    """reportlab's font face, which makes each PDF's embedded subset of the font once.

    For every PDF, reportlab cuts the glyphs the document uses out of the font file and
    compresses them (~25 KB for a roll receipt's two Mono faces): 1.5-2 ms of a 4 ms
    receipt, every time, though receipts draw the same characters (reportlab maps ASCII to
    itself in a font's first subset, so that subset is the same in every receipt). Here
    the subset and its compressed stream are kept per list of characters, and handed to
    the next PDF as they are: the PDF's bytes are the same (tests/unit/test_receipts.py).
    """
    global _face_class
    if _face_class is not None:
        return _face_class
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import TTFontFace

    class SubsetReusingFace(TTFontFace):
        _subsets: dict[tuple[int, ...], tuple[bytes, bytes]]

        def makeSubset(self, subset):
            return self._made(subset)[0]

        def _made(self, subset) -> tuple[bytes, bytes]:
            # One at a time: the printer thread's receipts and a worker's report share faces
            # (and reportlab reads a face's glyphs through one file position).
            with _subset_lock:
                return _kept(self.__dict__.setdefault("_subsets", {}), tuple(subset), self._cut, subset)

        def _cut(self, subset) -> tuple[bytes, bytes]:
            made = TTFontFace.makeSubset(self, subset)
            return made, pdfdoc.PDFZCompress.encode(made)

        def addSubsetObjects(self, doc, fontname, subset):
            descriptor = TTFontFace.addSubsetObjects(self, doc, fontname, subset)
            stream_id = f"fontFile:{self.filename}({fontname})"
            stream = doc.idToObject.get(stream_id)
            # Already compressed: a stream whose dictionary names its filter is written as is.
            if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
                stream.content = self._made(subset)[1]
                stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
                stream.filters = None
            formatted = self.__dict__.setdefault("_formatted", {})
            _reuse_formatted(doc, stream_id, (fontname, tuple(subset)), formatted)
            _reuse_formatted(doc, "fontDescriptor:" + fontname, (fontname, tuple(subset)), formatted)
            return descriptor

    _face_class = SubsetReusingFace
    return _face_class


_font_class = None


def _objects_reusing_font():
    """reportlab's TrueType font, which hands each PDF the font objects it made before.

    Besides the subset itself (``_subset_reusing_face``), every PDF gets, per subset, the
    list of its glyphs' widths and a ToUnicode map, which reportlab formats number by number
    and compresses anew: ~0.4 ms of a 1.5 ms roll receipt, the same bytes every time for the
    same characters. Here the formatted widths and the compressed map are kept per subset
    (the PDF's bytes are the same: tests/unit/test_receipts.py)."""
    global _font_class
    if _font_class is not None:
        return _font_class
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import TTFont

    class Formatted(pdfdoc.PDFObject):
        """An object whose PDF text was made once."""

        def __init__(self, text: bytes) -> None:
            self.text = text

        def format(self, document) -> bytes:  # the document reportlab passes is not needed
            return self.text

    class ObjectsReusingFont(TTFont):
        _widths: dict[tuple, bytes]
        _maps: dict[bytes, bytes]

        def addObjects(self, doc):
            fonts = doc.idToObject["BasicFonts"].dict
            before = set(fonts)
            TTFont.addObjects(self, doc)
            with _subset_lock:
                widths = self.__dict__.setdefault("_widths", {})
                maps = self.__dict__.setdefault("_maps", {})
                formatted = self.__dict__.setdefault("_formatted", {})
                for name in set(fonts) - before:
                    font = fonts[name]
                    key = tuple(font.Widths.sequence)
                    font.Widths = Formatted(_kept(widths, key, font.Widths.format, doc))
                    stream = doc.idToObject.get("toUnicodeCMap:" + font.BaseFont)
                    # Compressed here once: a stream whose dictionary names its filter is written as is.
                    if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
                        content = stream.content
                        stream.content = _kept(maps, content, pdfdoc.PDFZCompress.encode, content)
                        stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
                        stream.filters = None
                        _reuse_formatted(doc, "toUnicodeCMap:" + font.BaseFont, (font.BaseFont, content), formatted)
                    # the font's dictionary: its name, widths and the references to the above
                    _reuse_formatted(doc, name, (name, font.BaseFont, key), formatted)

    _font_class = ObjectsReusingFont
    return _font_class


_reused_class = None


def _reuse_formatted(doc, name: str, key: tuple, kept: dict) -> None:
    """Have the object ``doc`` registered as ``name`` (one of a font subset's: its dictionary,
    descriptor, embedded file, ToUnicode map) formatted once and its bytes handed to the
    next PDF that holds the same object under the same object numbers.

    reportlab formats each such object anew for every PDF, name by name and number by
    number: ~0.2 ms of a ~1.2 ms roll receipt, the same bytes each time. ``key`` says what
    the object holds (its font, subset, widths, map), and the document's object numbers so
    far are part of the key, so the references it writes ("12 0 R") are the same too. An
    object whose formatting registered another object (a reference reportlab had not
    numbered yet) is not kept: handed on, its bytes would name an object the next PDF
    lacks; nor is an encrypted PDF's (Loket writes none). The bytes are the ones reportlab
    writes (tests/unit/test_receipts.py)."""
    global _reused_class
    if _reused_class is None:
        from reportlab.pdfbase import pdfdoc

        class Reused(pdfdoc.PDFObject):
            __RefOnly__ = 1

            def __init__(self, name: str, original, key: tuple, kept: dict) -> None:
                self.name, self.original, self.key, self.kept = name, original, key, kept

            def format(self, document) -> bytes:
                if document.encrypt.info():  # strings encrypted under this document's own key
                    return pdfdoc.format(self.original, document, toplevel=1)
                key = (self.name, self.key, tuple(document.numberToId.items()))
                with _subset_lock:
                    text = self.kept.get(key)
                if text is not None:
                    return text
                registered = len(document.numberToId)
                text = pdfdoc.format(self.original, document, toplevel=1)
                if len(document.numberToId) == registered:
                    with _subset_lock:
                        _kept(self.kept, key, lambda made: made, text)
                return text

        _reused_class = Reused
    original = doc.idToObject.get(name)
    if original is not None:
        doc.idToObject[name] = _reused_class(name, original, key, kept)


def _kept(kept: dict, key, make, argument):
    """``kept[key]``, made by ``make(argument)`` the first time; at most ``_SUBSETS_KEPT`` kept."""
    if key not in kept:
        if len(kept) >= _SUBSETS_KEPT:
            kept.pop(next(iter(kept)))
        kept[key] = make(argument)
    return kept[key]
