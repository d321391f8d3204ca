"""PDF receipts through reportlab: a thermal roll, or a page for the customer to keep.

Roll (58 or 80 mm): the very rows the thermal printer prints, in a monospaced font, with the page
height fitted to the content. The font is squeezed horizontally so 32 (or 48) characters
fill the printable width while letters keep the thermal printer's tall proportion, and
double-height rows are drawn twice as tall, so the PDF fallback looks like the paper it
replaces.

Page (A4 or A6): the same blocks set in a sans-serif font, labels left and values flush
right, for a customer who asks for a document rather than a slip.

The fonts are DejaVu Sans and Sans Mono, embedded (``services.pdf_fonts``), so an archived
receipt prints the same on any PC. The text is the thermal printer's (``printable``): the
PDF and the paper slip say the same thing.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from services import pdf_fonts
from services.receipts.layout import COLUMNS, Center, Gap, Pair, Row, Rule, blocks, layout, printable
from services.receipts.model import Receipt

PAGES = {"A4": A4, "A6": A6}
ROLL_PRINTABLE_MM = {58: 48.0, 80: 72.0}
_MONO, _MONO_BOLD = pdf_fonts.MONO, pdf_fonts.MONO_BOLD
_SANS, _SANS_BOLD = pdf_fonts.SANS, pdf_fonts.SANS_BOLD
_ROLL_FONT_SIZE = 9.0  # the thermal font is about 3 mm tall; 9 pt monospaced looks alike
_ROLL_MARGIN = 4 * mm


def _canvas(buffer: io.BytesIO, size: tuple[float, float], receipt: Receipt, font: str) -> Canvas:
    canvas = Canvas(buffer, pagesize=size, pageCompression=1, invariant=1, initialFontName=font)
    canvas.setTitle(f"Struk {receipt.title} {receipt.reference}")
    canvas.setAuthor(receipt.agent.name or "Loket")
    canvas.setCreator("Loket")
    return canvas


def _logo_height(logo: str | Path | None, width: float) -> tuple[float, float]:
    if not logo:
        return 0.0, 0.0
    from reportlab.lib.utils import ImageReader

    w, h = ImageReader(str(logo)).getSize()
    scale = min(width / w, (width / 2) / h)
    return w * scale, h * scale


def _roll(receipt: Receipt, paper_mm: int, logo: str | Path | None) -> bytes:
    columns = COLUMNS[paper_mm]
    rows: list[Row] = layout(receipt, columns)
    text_width = ROLL_PRINTABLE_MM[paper_mm] * mm
    scale = 100 * text_width / (columns * stringWidth("0", _MONO, _ROLL_FONT_SIZE))  # one advance per column
    leading = _ROLL_FONT_SIZE * 1.25
    logo_w, logo_h = _logo_height(logo, text_width)
    height = 2 * _ROLL_MARGIN + logo_h + (logo_h and 2 * mm) + leading * sum(2 if r.tall else 1 for r in rows)
    width = paper_mm * mm
    buffer = io.BytesIO()
    canvas = _canvas(buffer, (width, height), receipt, _MONO)
    x0 = (width - text_width) / 2
    y = height - _ROLL_MARGIN
    if logo_h:
        canvas.drawImage(str(logo), (width - logo_w) / 2, y - logo_h, logo_w, logo_h, mask="auto")
        y -= logo_h + 2 * mm
    for row in rows:
        size, step = (_ROLL_FONT_SIZE * 2, leading * 2) if row.tall else (_ROLL_FONT_SIZE, leading)
        y -= step
        text = canvas.beginText(x0, y + (step - size) * 0.5)
        text.setFont(_MONO_BOLD if row.bold else _MONO, size)
        text.setHorizScale(scale / 2 if row.tall else scale)
        text.textOut(row.text.rstrip())
        canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(receipt: Receipt, page: str, logo: str | Path | None) -> bytes:
    width, height = PAGES[page]
    margin = 8 * mm if page == "A6" else 20 * mm
    content = min(width - 2 * margin, 120 * mm)  # a receipt, not a letter: keep it narrow
    size = 8.0 if page == "A6" else 10.5
    leading = size * 1.3
    left = (width - content) / 2
    right = left + content
    buffer = io.BytesIO()
    canvas = _canvas(buffer, (width, height), receipt, _SANS)
    y = height - margin

    def room(needed: float) -> None:
        nonlocal y
        if y - needed < margin:
            canvas.showPage()
            y = height - margin

    logo_w, logo_h = _logo_height(logo, content / 2)
    if logo_h:
        canvas.drawImage(str(logo), (width - logo_w) / 2, y - logo_h, logo_w, logo_h, mask="auto")
        y -= logo_h + 3 * mm
    for block in blocks(receipt):
        if isinstance(block, Center):
            font, fsize = (_SANS_BOLD if block.bold else _SANS), (size * 1.5 if block.tall else size)
            for line in simpleSplit(printable(block.text), font, fsize, content):
                room(fsize * 1.35)
                y -= fsize * 1.35
                canvas.setFont(font, fsize)
                canvas.drawCentredString(width / 2, y, line)
        elif isinstance(block, Pair):
            font = _SANS_BOLD if block.bold else _SANS
            label_lines = simpleSplit(printable(block.label), font, size, content * 0.38)
            value_lines = simpleSplit(printable(block.value), font, size, content * 0.6)
            room(leading * max(len(label_lines), len(value_lines)))
            canvas.setFont(font, size)
            for i in range(max(len(label_lines), len(value_lines))):
                y -= leading
                if i < len(label_lines):
                    canvas.drawString(left, y, label_lines[i])
                if i < len(value_lines):
                    canvas.drawRightString(right, y, value_lines[i])
        elif isinstance(block, Rule):
            room(leading)
            y -= leading * 0.6
            canvas.setLineWidth(1.0 if block.char == "=" else 0.4)
            if block.char == "-":
                canvas.setDash(2, 2)
            canvas.line(left, y, right, y)
            canvas.setDash()
            y -= leading * 0.4
        elif isinstance(block, Gap):
            y -= leading * 0.6
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_pdf(receipt: Receipt, paper: int | str = 58, *, logo: str | Path | None = None) -> bytes:
    """PDF bytes: ``paper`` is 58 or 80 (a roll, height fitted) or "A4" / "A6" (a page)."""
    if paper in PAGES:
        pdf_fonts.register(_SANS)
        return _page(receipt, str(paper), logo)
    if paper in COLUMNS:
        pdf_fonts.register(_MONO)
        return _roll(receipt, int(paper), logo)
    raise ValueError(f"paper must be 58, 80, 'A4' or 'A6', not {paper!r}")
