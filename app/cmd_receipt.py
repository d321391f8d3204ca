"""Render one receipt from the journal to a file (PDF, ESC/POS bytes or text).

For support and scripts: ``python -m app receipt REFERENCE --format pdf --out struk.pdf``.
REFERENCE is Loket's reference, or the bank's ("Ref. Bank" on the receipt, what a customer's
statement shows): the row it names is said on standard error.
Rendering here is not a print: it is not counted as a reprint, and the journal is only
read; so the paper says "SALINAN DARI JURNAL" under its title (``model.COPY_MARK``), and
no number of such files passes for the original the customer was handed. The lines are
the ones the result screen showed and the printer printed (the one resolver,
``services.receipts.receipt_details``); the agent shown in the header is the profile's
``agent`` setting, else the one recorded in the journal when the row's agent logged in,
else the one the host named in its answer (``services.receipts.agents``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import mode_journal
from services.journal import Journal
from services.receipts import PrinterConfig, build_receipt, columns_for, render_escpos, render_pdf, render_text
from services.receipts.agents import agent_header


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", metavar="REFERENCE",
                        help="the transaction's reference number, or the bank's (Ref. Bank on the receipt)")
    parser.add_argument("--format", choices=("pdf", "escpos", "text"), default="pdf")
    parser.add_argument("--out", required=True, help="file to write ('-' for standard output)")
    parser.add_argument("--width", type=int, choices=(58, 80), default=None,
                        help="paper width in mm (default: the profile's printer setting, with its characters a line)")
    parser.add_argument("--page", choices=("A4", "A6"), default=None,
                        help="with --format pdf: a page instead of a roll")


def _loket_reference(journal: Journal, given: str) -> str | None:
    """Loket's reference of the row ``given`` names: Loket's own, else the bank's ("Ref. Bank"
    on the receipt, the one on the customer's statement). None, said on standard error,
    when no row has it or the bank gave it to several."""
    given = given.strip()
    if journal.execute("SELECT 1 FROM txn WHERE reference=?", (given,)).fetchone():
        return given
    # by the index of the bank's references (schema 10), in any case, as Riwayat finds it
    found = [r[0] for r in journal.execute("SELECT reference FROM txn INDEXED BY txn_host_ref WHERE host_ref = ?"
                                            " COLLATE NOCASE AND host_ref <> '' ORDER BY id", (given,))]
    if len(found) == 1:
        print(f"Ref. bank {given}: transaksi {found[0]}", file=sys.stderr)
        return found[0]
    if found:
        print(f"Ref. bank {given} ada di {len(found)} transaksi: {', '.join(found)}. "
              "Pilih satu dengan nomor referensinya.", file=sys.stderr)
    else:
        print(f"Transaksi {given} tidak ada di jurnal (bukan No. Ref maupun Ref. Bank). "
              "Cari di Riwayat Transaksi menurut nomor pelanggan dan tanggal.", file=sys.stderr)
    return None


def run(args: argparse.Namespace) -> int:
    profile, settings, sandbox = mode_journal(args)
    path = profile.journal_for(sandbox)
    if not path.exists():
        print(f"Jurnal tidak ditemukan: {path}", file=sys.stderr)
        return 2
    config = PrinterConfig.from_settings(settings.get("printer"))
    width = args.width or config.paper_mm
    # the profile's characters a line (an 80 mm printer may print 42) unless another paper is asked for
    columns = config.columns if width == config.paper_mm else columns_for(width)
    with Journal(path) as journal:
        reference = _loket_reference(journal, args.reference)
        if reference is None:
            return 1
        row = journal.get(reference)
        agent = agent_header(journal, row, settings.get("agent"))
    receipt = build_receipt(
        row,
        agent=agent,
        sandbox=sandbox,
        footer=config.footer,
        copy=True,
    )
    if args.format == "text":
        data = render_text(receipt, columns).encode("utf-8")
    elif args.format == "escpos":
        data = render_escpos(receipt, columns, drawer_kick=False, logo=config.logo)
    else:
        data = render_pdf(receipt, args.page or width, logo=config.logo)
    if args.out == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.out).write_bytes(data)
    return 0
