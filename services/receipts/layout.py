"""The receipt's order, described once, and its layout in characters per line.

``blocks`` lists what a receipt shows, top to bottom: centred lines, label/value pairs,
rules and gaps. ``layout`` sets those blocks into rows of exactly ``columns`` characters
(32 on 58 mm paper, 48 on 80 mm, the printers' font A): long names wrap onto the next
line and are never cut; values and amounts sit flush right. The text preview, the
ESC/POS bytes and the roll PDF all print these same rows, so what the agent previews is
what the paper shows (the roll PDF sets only the title in its own font's proportions,
``services/receipts/pdf.py``, where the printer prints it double height).

Every string goes through ``printable`` first: characters the printer's code page (CP850)
or the PDF's standard fonts (WinAnsi) cannot show become their plain letter (``é`` stays,
``ğ`` becomes ``g``), typographic dashes and quotes become ASCII, so a row's length in
characters is its width on paper.
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from services.money import format_rupiah
from services.receipts.model import COPY_MARK, Receipt

# paper width in mm -> characters per line in the printer's standard font
COLUMNS = {58: 32, 80: 48}
# Characters per line a paper width may be set to: some 80 mm printers print 42 (a 64 mm
# line of 512 dots) where most print 48 (72 mm, 576 dots).
NARROW_80 = 42
WIDTHS = {58: (32,), 80: (48, NARROW_80)}
PRINTER_WIDTHS = frozenset(chars for choices in WIDTHS.values() for chars in choices)


def columns_for(paper_mm: int) -> int:
    try:
        return COLUMNS[paper_mm]
    except KeyError:
        raise ValueError(f"paper must be 58 or 80 mm, not {paper_mm}") from None


# -- printable characters ---------------------------------------------------------------
_PLAIN = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2026": "...", "\u00a0": " ", "\t": " ", "\r": " ", "\n": " ",
})


@lru_cache(maxsize=1024)
def _printable_char(ch: str) -> str:
    def fits(c: str) -> bool:
        try:
            c.encode("cp850")
            c.encode("cp1252")
        except UnicodeEncodeError:
            return False
        return c.isprintable()

    if fits(ch):
        return ch
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if base and all(fits(c) for c in base) else "?"


def printable(text: str) -> str:
    text = str(text)
    if text.isascii() and text.isprintable():  # nearly every value: nothing to map
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", text).translate(_PLAIN)
    return " ".join("".join(_printable_char(ch) for ch in text).split())


# -- blocks -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Center:
    text: str
    bold: bool = False
    tall: bool = False  # double height on the printer


@dataclass(frozen=True)
class Pair:
    label: str
    value: str
    bold: bool = False
    # The value stays on its label's line: a label too long to have it beside wraps narrower,
    # the value flush right on the label's last line (a report's " termasuk belum pasti" and
    # its amount), instead of the value on a line of its own that reads as one more figure.
    wrap_label: bool = False


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class Gap:
    pass


Block = Center | Pair | Rule | Gap

SANDBOX_MARK = "*** SANDBOX / TRAINING ***"
SANDBOX_NOTE = "Struk latihan - bukan bukti transaksi"


def print_mark(receipt: Receipt) -> str:
    """What this paper is besides the original: "CETAK ULANG ke-n", a copy from the journal."""
    return f"CETAK ULANG ke-{receipt.reprint}" if receipt.reprint else COPY_MARK if receipt.copy else ""


def blocks(receipt: Receipt) -> list[Block]:
    out: list[Block] = []
    agent = receipt.agent
    if agent.name:
        out.append(Center(agent.name, bold=True))
    if agent.code:
        out.append(Center(f"Kode Agen {agent.code}"))
    if agent.address:
        out.append(Center(agent.address))
    out.append(Rule("="))
    if receipt.sandbox:
        out.append(Center(SANDBOX_MARK, bold=True))
    out.append(Center(receipt.title.upper(), bold=True, tall=True))
    if mark := print_mark(receipt):
        out.append(Center(mark, bold=True))
    if receipt.warning:
        headline, *rest = receipt.warning
        out.append(Rule("*"))  # apart from the title, never read as part of it
        out.append(Center(headline, bold=True, tall=True))
        out.extend(Center(line, bold=True) for line in rest)
    out.append(Rule())
    out.append(Pair("Tanggal", receipt.when))
    out.extend(Pair(label, value) for label, value in receipt.references)
    out.append(Rule())
    out.extend(Pair(label, value) for label, value in receipt.details)
    out.append(Rule())
    out.extend(Pair(label, format_rupiah(amount)) for label, amount in receipt.amounts)
    if receipt.total is not None:
        out.append(Rule())
        out.append(Pair(receipt.total_label, format_rupiah(receipt.total), bold=True))
    out.append(Rule("="))
    out.append(Pair("Status", receipt.status, bold=True))
    out.append(Gap())
    out.extend(Center(line) for line in receipt.footer)
    if receipt.sandbox:
        out.append(Gap())
        out.append(Center(SANDBOX_MARK, bold=True))
        out.append(Center(SANDBOX_NOTE))
    return out


# -- rows ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    text: str  # exactly the paper's width, padded with spaces
    bold: bool = False
    tall: bool = False


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap; a word longer than the line is split across lines, never dropped."""
    if len(text) <= width and text.isprintable() and text == text.strip():
        return [text]  # what textwrap returns for a line that fits, without its machinery
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


# Below this many columns beside its label a value moves under the label instead.
_MIN_VALUE_COLUMNS = 12


def _pair_rows(pair: Pair, columns: int) -> list[Row]:
    # A label's leading spaces are its indent (a report's " termasuk ..." under the line it
    # belongs to); printable() would drop them with the rest of the extra whitespace.
    indent = " " * min(len(pair.label) - len(pair.label.lstrip(" ")), 4)
    label, value = indent + printable(pair.label), printable(pair.value)
    beside = columns - len(label) - 1
    if len(value) <= beside:
        return [Row(label + value.rjust(columns - len(label)), pair.bold)]
    if pair.wrap_label and (rows := _wrapped_label_rows(pair, indent, label.strip(), value, columns)):
        return rows
    # One word (a token, a reference) that a full line holds is never cut in two: split
    # beside its label, its tail flush right below reads as a second value.
    whole_word = " " not in value and len(value) <= columns
    if beside >= _MIN_VALUE_COLUMNS and not whole_word:
        # The value starts beside its label, two spaces after it at least (one space made
        # "Info Informasi…" read as one phrase); what does not fit continues flush right
        # on full-width lines below.
        head = wrap(value, beside - 1)[0]
        rest = wrap(value[len(head):].strip(), columns) if len(value) > len(head) else []
        return [Row(label + head.rjust(columns - len(label)), pair.bold)] + [
            Row(p.rjust(columns), pair.bold) for p in rest
        ]
    return [Row((indent + line).ljust(columns), pair.bold) for line in wrap(label.strip(), columns - len(indent))] + [
        Row(p.rjust(columns), pair.bold) for p in wrap(value, columns)
    ]


def _wrapped_label_rows(pair: Pair, indent: str, label: str, value: str, columns: int) -> list[Row]:
    """``label`` wrapped to leave room for ``value`` after its last line, a space between them
    at least (as beside an unwrapped label); [] when a word of it (a reference) would have to
    be cut to do so."""
    width = columns - len(indent) - len(value) - 1
    if width < 1 or any(len(word) > width for word in label.split()):
        return []
    lines = [indent + line for line in textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)]
    return [Row(line.ljust(columns), pair.bold) for line in lines[:-1]] + [
        Row(lines[-1] + value.rjust(columns - len(lines[-1])), pair.bold)]


def layout(receipt: Receipt, columns: int) -> list[Row]:
    """Rows of exactly ``columns`` characters."""
    return set_rows(blocks(receipt), columns)


def set_rows(items: list[Block], columns: int) -> list[Row]:
    rows: list[Row] = []
    for block in items:
        if isinstance(block, Center):
            rows.extend(Row(line.center(columns), block.bold, block.tall)
                        for line in wrap(printable(block.text), columns))
        elif isinstance(block, Pair):
            rows.extend(_pair_rows(block, columns))
        elif isinstance(block, Rule):
            rows.append(Row(block.char * columns))
        else:
            rows.append(Row(" " * columns))
    return rows
