"""ESC/POS bytes for a thermal printer, built with python-escpos's ``Dummy`` printer.

Rendering only records bytes; sending them is the printer worker's job, so a receipt can
be rendered (and tested byte for byte) on any thread without touching the device.

Code page: CP850 (``ESC t 2``, "PC850 Multilingual"), which every common 58/80 mm printer
carries and which holds all letters Indonesian text uses (plain Latin, plus the accented
letters of names such as ``José``). Decision: python-escpos's automatic code-page
switching is off, so the printer gets one code page for the whole receipt.

python-escpos is imported by the first ESC/POS rendering, not with this module: with the
yaml, qrcode, barcode and PIL it imports it holds about 7 MiB all day, which a counter that
prints its receipts to PDF never needs. The first thermal receipt waits for it (~70 ms).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from services.receipts.layout import Row, layout
from services.receipts.model import Receipt

if TYPE_CHECKING:
    from escpos.printer import Dummy

CODE_PAGE = "CP850"
# printable dots per line at 203 dpi: 58 mm paper prints 48 mm, 80 mm prints 72 mm
DOTS = {32: 384, 48: 576}
DRAWER_PIN = 2  # the pin nearly every cash drawer is wired to


def _logo(printer: Dummy, path: Path, columns: int) -> None:
    from PIL import Image  # python-escpos's own dependency

    with Image.open(path) as image:
        image = image.convert("L")
        image.thumbnail((DOTS[columns], DOTS[columns] // 2))
        printer.image(image, center=True)


def render_rows(rows: list[Row], columns: int, *, drawer_kick: bool = False, logo: str | Path | None = None) -> bytes:
    """``rows`` as ESC/POS: initialise, code page, optional logo, the text, cut, kick."""
    from escpos.printer import Dummy

    printer = Dummy()
    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    if logo:
        _logo(printer, Path(logo), columns)
    bold: bool | None = False
    tall = False
    for row in rows:
        if row.tall != tall:
            # ESC ! (the size command) also clears emphasis: bold is sent again after it.
            printer.set(normal_textsize=not row.tall, double_height=row.tall)
            tall, bold = row.tall, None
        if row.bold != bold:
            printer.set(bold=row.bold)
            bold = row.bold
        # The code page is fixed and every character passed ``layout.printable`` (CP850),
        # so the bytes are those ``textln`` makes, without its search of a code page for
        # each character (~70 % of a receipt's rendering).
        printer._raw(row.text.rstrip().encode(CODE_PAGE, errors="replace") + b"\n")
    if bold or tall:
        printer.set(bold=False, normal_textsize=True)
    printer.cut()
    if drawer_kick:
        printer.cashdraw(DRAWER_PIN)
    return printer.output


def render_escpos(
    receipt: Receipt, columns: int = 32, *, drawer_kick: bool = False, logo: str | Path | None = None
) -> bytes:
    return render_rows(layout(receipt, columns), columns, drawer_kick=drawer_kick, logo=logo)
