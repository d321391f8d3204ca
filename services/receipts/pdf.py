"""PDF receipts through reportlab: a thermal roll, or a page for the customer to keep.

Roll (58 or 80 mm): the very rows the thermal printer prints, in a monospaced font, with the page
height fitted to the content. The font is narrowed so 32 (or 48) characters fill the
printable width while letters keep the thermal printer's tall proportion, so the PDF
fallback looks like the paper it replaces. The title, which the printer prints double
height, is set in the bold font's own proportions instead, wrapped onto two lines (smaller
only when two lines cannot hold it): double height over the same columns drew it squeezed.

Page (A4 or A6): the same blocks set in a sans-serif font, labels left and values flush
right, for a customer who asks for a document rather than a slip.

The fonts are DejaVu Sans and Sans Mono, embedded (``services.pdf_fonts``), so an archived
receipt prints the same on any PC. The text is the thermal printer's (``printable``): the
PDF and the paper slip say the same thing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from services import pdf_fonts
from services.receipts.layout import (
    COLUMNS,
    Center,
    Gap,
    Pair,
    Rule,
    blocks,
    print_mark,
    printable,
    set_rows,
    wrap,
)
from services.receipts.model import Receipt

PAGES = {"A4": A4, "A6": A6}
ROLL_PRINTABLE_MM = {58: 48.0, 80: 72.0}
_MONO, _MONO_BOLD = pdf_fonts.MONO, pdf_fonts.MONO_BOLD
_SANS, _SANS_BOLD = pdf_fonts.SANS, pdf_fonts.SANS_BOLD
_ROLL_FONT_SIZE = 9.0  # the thermal font is about 3 mm tall; 9 pt monospaced looks alike
_ROLL_LEADING = 1.25  # a line's height, in its font size
_ROLL_MARGIN = 4 * mm
_TITLE_LARGEST, _TITLE_SMALLEST = 14.0, 9.0  # pt
CONTINUED = "bersambung ke halaman berikutnya"
CONTINUATION = "lanjutan"


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


@dataclass(frozen=True)
class _Line:
    """One line of the roll, drawn from ``indent`` past the printable width's left edge."""

    text: str
    font: str
    size: float
    scale: float = 100.0  # horizontal, in percent of the font's own width
    indent: float = 0.0


def _title_lines(text: str, width: float) -> list[_Line]:
    """The title in the bold font's own proportions, centred: the largest size at which it
    takes two lines at most, else the smallest, in as many lines as it needs.

    The thermal printer prints it double height in its 32 (48) columns; drawn that way, a
    PDF's letters came out half as wide as tall, which reads as squeezed, not as a title."""
    size = _TITLE_LARGEST
    while True:
        lines = wrap(printable(text), int(width // stringWidth("0", _MONO_BOLD, size)))
        if len(lines) <= 2 or size <= _TITLE_SMALLEST:
            break
        size -= 0.5
    return [_Line(line, _MONO_BOLD, size, indent=(width - stringWidth(line, _MONO_BOLD, size)) / 2)
            for line in lines]


def _roll_lines(receipt: Receipt, paper_mm: int, width: float) -> list[_Line]:
    """The slip's rows, every character one column of ``width``; the title apart."""
    columns = COLUMNS[paper_mm]
    scale = 100 * width / (columns * stringWidth("0", _MONO, _ROLL_FONT_SIZE))  # one advance per column
    lines: list[_Line] = []
    for block in blocks(receipt):
        if isinstance(block, Center) and block.tall:
            lines += _title_lines(block.text, width)
        else:
            lines += [_Line(row.text.rstrip(), _MONO_BOLD if row.bold else _MONO, _ROLL_FONT_SIZE, scale)
                      for row in set_rows([block], columns)]
    return lines


def _roll(receipt: Receipt, paper_mm: int, logo: str | Path | None) -> bytes:
    text_width = ROLL_PRINTABLE_MM[paper_mm] * mm
    lines = _roll_lines(receipt, paper_mm, text_width)
    logo_w, logo_h = _logo_height(logo, text_width)
    height = 2 * _ROLL_MARGIN + logo_h + (logo_h and 2 * mm) + sum(line.size * _ROLL_LEADING for line in lines)
    width = paper_mm * mm
    buffer = io.BytesIO()
    canvas = _canvas(buffer, (width, height), receipt, _MONO)
    x0 = (width - text_width) / 2
    y = height - _ROLL_MARGIN
    if logo_h:
        canvas.drawImage(str(logo), (width - logo_w) / 2, y - logo_h, logo_w, logo_h, mask="auto")
        y -= logo_h + 2 * mm
    # One text object for the slip: a line sets its font and scale only where they change.
    text = canvas.beginText()
    font, scale = None, None
    for line in lines:
        step = line.size * _ROLL_LEADING
        y -= step
        text.setTextOrigin(x0 + line.indent, y + (step - line.size) * 0.5)
        if (line.font, line.size) != font:
            font = (line.font, line.size)
            text.setFont(line.font, line.size)
        if line.scale != scale:
            scale = line.scale
            text.setHorizScale(line.scale)
        text.textOut(line.text)
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

    # a reprint's or a copy's later pages say so too
    continuation = ", ".join(filter(None, (CONTINUATION, print_mark(receipt)))).join("()")

    def room(needed: float) -> None:
        """A new page when ``needed`` does not fit. A receipt longer than its page (a VA's or
        PLN's on A6) goes on, and every page after the first names the transaction it belongs
        to: a page of amounts alone is nobody's receipt."""
        nonlocal y
        if y - needed < margin:
            canvas.setFont(_SANS, size * 0.85)
            canvas.drawCentredString(width / 2, margin / 2, CONTINUED)
            canvas.showPage()
            y = height - margin - size
            canvas.setFont(_SANS_BOLD, size)
            canvas.drawCentredString(width / 2, y, printable(f"{receipt.title.upper()} - No. Ref {receipt.reference}"))
            y -= leading * 0.4
            canvas.setFont(_SANS, size * 0.85)
            canvas.drawCentredString(width / 2, y - leading, continuation)
            y -= leading * 1.6

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
