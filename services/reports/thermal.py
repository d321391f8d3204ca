"""The compact day summary (and cash slips) for the thermal printer: 32, 42 or 48 columns.

Laid out with the receipts package's blocks (``Center``/``Pair``/``Rule``/``Gap`` and
``set_rows``) and turned into ESC/POS by its ``render_rows`` (python-escpos ``Dummy``), so
a report prints with the same code page, wrapping and character rules as a receipt.
Sending the bytes to the device is the receipts ``PrinterWorker``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from services.clock import format_business_date, format_wib
from services.money import format_rupiah
from services.product_groups import group_label
from services.receipts.layout import PRINTER_WIDTHS, SANDBOX_MARK, Center, Gap, Pair, Rule, set_rows
from services.receipts.thermal import render_rows
from services.reports.model import Report
from services.reports.variance import unsettled, variance_words

Block = Center | Pair | Rule | Gap


@dataclass(frozen=True)
class Printout:
    text: str  # lines of exactly ``columns`` characters, trailing spaces trimmed
    escpos: bytes
    columns: int


def render_blocks(blocks: list[Block], columns: int) -> Printout:
    rows = set_rows(blocks, columns)
    text = "\n".join(row.text.rstrip() for row in rows) + "\n"
    return Printout(text, render_rows(rows, columns), columns)


def _names_report(subject: str) -> str:
    """" (Z-0001)" when an approval's subject is a Laporan Z (a day's reopening: the Laporan Z
    it set aside), as the PDF shows it; the summary leaves longer subjects to the PDF. Printed
    without it, a reopened day's second Laporan Z did not say on paper which one it replaced."""
    return f" ({subject})" if re.fullmatch(r"Z-\d+", subject) else ""


def header_blocks(report: Report) -> list[Block]:
    out: list[Block] = []
    if report.agent.name:
        out.append(Center(report.agent.name, bold=True))
    if report.agent.code:
        out.append(Center(f"Kode Agen {report.agent.code}"))
    out.append(Rule("="))
    if report.sandbox:
        out.append(Center(SANDBOX_MARK, bold=True))
    return out


def summary_blocks(report: Report, copy: int = 0) -> list[Block]:
    out = header_blocks(report)
    out.append(Center(report.title, bold=True, tall=True))
    if copy:
        out.append(Center(f"CETAK ULANG ke-{copy}", bold=True))
    out.append(Pair("Hari kerja", format_business_date(report.business_date)))
    out.append(Pair("Dicetak", format_wib(datetime.fromisoformat(report.generated_at))))
    out.append(Pair("Petugas", report.operator))
    out.append(Rule())
    for group in report.groups:
        out.append(Pair(group_label(group.group), f"{group.count} trx", bold=True))
        for line in (p for p in report.products if p.group == group.group):
            out.append(Pair(f" {line.name} ({line.count})", format_rupiah(line.total)))
        # Inside the totals above, unlike the counter fee below (paid besides): said so, or a
        # reader adds it to them
        out.append(Pair(" Termasuk biaya admin", format_rupiah(group.fee)))
        if group.counter_fee:
            out.append(Pair(" Biaya loket", format_rupiah(group.counter_fee)))
    out.append(Rule())
    out.append(Pair("TOTAL", f"{report.totals.count} trx", bold=True))
    out.append(Pair("Nominal", format_rupiah(report.totals.amount)))
    out.append(Pair("Biaya admin", format_rupiah(report.totals.fee)))
    out.append(Pair("Total", format_rupiah(report.totals.total), bold=True))
    # the agent's own income, paid by the customers besides the bank's total
    out.append(Pair("Biaya loket (agen)", format_rupiah(report.totals.counter_fee), bold=True))
    if report.documents:  # a created VA is a bill paid elsewhere: not money taken here
        out.append(Center("DOKUMEN DITERBITKAN", bold=True))
        out.append(Center("tanpa uang di loket"))
        for line in report.documents:
            out.append(Pair(f" {line.name} ({line.count})", format_rupiah(line.total)))
    out.append(Pair("Gagal", str(len(report.failed))))
    out.append(Pair("Menggantung", str(len(report.open)), bold=bool(report.open)))
    out.append(Pair("Dibatalkan", str(len(report.reversed))))
    if report.late:
        out.append(Pair("Selesai terlambat", str(len(report.late)), bold=True))
        for item in report.late:  # what each did to the drawer, signed: a refund is money out
            out.append(Pair(f" {item.reference} ({format_business_date(item.original_date)})",
                            _signed(item.received - item.paid_out), wrap_label=True))
    if report.approvals:  # who approved what: each supervisor by name
        out.append(Rule())
        out.append(Center("PERSETUJUAN SUPERVISOR", bold=True))
        for approval in report.approvals:
            out.append(Pair(f" {approval.action}{_names_report(approval.subject)}", approval.approver))
    if report.cash:
        cash = report.cash
        out.append(Rule())
        out.append(Center("KAS DI LACI", bold=True))
        out.append(Pair("Modal awal", format_rupiah(cash.opening_float)))
        out.append(Pair("Tunai diterima", format_rupiah(cash.received)))
        out.append(Pair("Tunai dibayar", format_rupiah(-cash.paid_out)))
        out.append(Pair("Mutasi kas", format_rupiah(cash.movements)))
        for movement in cash.movement_lines:  # each, signed: a pay-out and a pay-in never net to nothing
            out.append(Pair(f" {movement.label}", _signed(movement.amount)))
        if report.late:
            out.append(Pair("Selesai terlambat", format_rupiah(cash.late)))
        out.append(Pair("Seharusnya", format_rupiah(cash.against), bold=True))
        if cash.includes_held:  # the cash of rows in doubt is in the drawer, and in the figure
            if cash.held_in_open:
                out.append(Pair(" termasuk belum pasti", format_rupiah(cash.held_in_open), wrap_label=True))
                for row in unsettled(report):
                    out.append(Pair(f"  {row.reference}", format_rupiah(row.total)))
            if cash.held_carried:
                out.append(Pair(" termasuk belum pasti hari sebelumnya", format_rupiah(cash.held_carried),
                                 wrap_label=True))
        for number, count in enumerate(cash.earlier_counts, 1):  # a recount never hides what a count found
            out.append(Pair(f"Hitungan ke-{number} {count.at[11:16]}", format_rupiah(count.counted)))
            word, amount = variance_words(count.variance)
            out.append(Pair(f" {word}", amount))
        if cash.counted is not None:
            out.append(Pair("Dihitung", format_rupiah(cash.counted)))
            out.append(Pair(*variance_words(cash.variance or 0), bold=True))
            if cash.variance_note:  # what the agent said of the difference, as the PDF says it
                out.append(Pair("Keterangan", cash.variance_note))
            if cash.variance_approved_by:  # the supervisor who signed the difference off
                out.append(Pair("Disetujui", cash.variance_approved_by))
            open_rows = () if cash.includes_held else unsettled(report)  # sealed before: beside the figure
            if open_rows:
                out.append(Pair("Belum pasti, di laci", format_rupiah(cash.held_in_open), wrap_label=True))
                for row in open_rows:
                    out.append(Pair(f" {row.reference}", format_rupiah(row.total)))
            if cash.held_carried and not cash.includes_held:
                out.append(Pair("Belum pasti hari sebelumnya", format_rupiah(cash.held_carried), wrap_label=True))
    out += handover_blocks(report)
    if report.bank_balance is not None:
        out.append(Pair("Saldo bank", format_rupiah(report.bank_balance)))
    if report.seal:
        out.append(Rule())
        out.append(Pair("Ditutup", format_wib(datetime.fromisoformat(report.seal.closed_at))))
        out.append(Center("Hash jurnal terakhir"))
        out.append(Center(report.seal.last_txn_hash))
    out.append(Rule("="))
    return out


def handover_blocks(report: Report) -> list[Block]:
    """The day's drawer handovers and the difference of each holder's span (none: nothing)."""
    if not report.handovers:
        return []
    out: list[Block] = [Rule(), Center("SERAH TERIMA KAS", bold=True)]
    for handover in report.handovers:
        out.append(Pair(f"{handover.at[11:16]} {handover.from_operator} > {handover.to_operator}",
                        format_rupiah(handover.counted)))
        word, amount = variance_words(handover.difference)
        out.append(Pair(f" {word}", amount))
        if handover.approved_by:
            out.append(Pair(" Disetujui", handover.approved_by))
    out.append(Center("SELISIH PER PETUGAS", bold=True))
    for span in report.spans:
        value = "belum dihitung" if span.difference is None else _signed(span.difference)
        out.append(Pair(f" {span.operator} {span.start}-{span.end}", value))
    return out


def render_summary(report: Report, columns: int = 32, *, copy: int = 0) -> Printout:
    """The compact summary of a Laporan X or Z for 58 mm (32) or 80 mm (48, or 42) paper."""
    if columns not in PRINTER_WIDTHS:
        raise ValueError(f"thermal summary is {sorted(PRINTER_WIDTHS)} columns, not {columns}")
    return render_blocks(summary_blocks(report, copy), columns)


def _signed(amount: int) -> str:
    """What a line did to the drawer: ``+Rp 50.000`` in, ``-Rp 50.000`` out."""
    return ("+" if amount > 0 else "") + format_rupiah(amount)
