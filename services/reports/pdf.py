"""The day report as an A4 PDF (reportlab platypus), laid out like a bank's daily report.

Top to bottom: agent and report number, the day's identification, the summary per
product group and product, a bar chart of the day by product group
(``reportlab.graphics``), the cash reconciliation, cash movements, the failed / open /
reversed lists, supervisor approvals, and the seal (closing time, the day's last journal
hash, the event-chain head and the report's own hash) with two signature boxes.

The fonts are DejaVu Sans and Sans Mono, embedded (``services.pdf_fonts``): an archived
report prints the same on every PC, and names with any Latin letter (Nguyễn, Łukasz) show
as written. Long lists stop at ``LIST_LIMIT`` rows with a
line saying how many more are in the CSV, so a pathological day still prints.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from services import pdf_fonts
from services.clock import format_wib
from services.money import format_digits, format_rupiah
from services.pdf_fonts import MONO, SANS, SANS_BOLD
from services.product_groups import group_label
from services.reports.model import Listed, Report
from services.reports.variance import unsettled, variance_words

LIST_LIMIT = 300
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")

INK = colors.HexColor("#1f2a37")
ACCENT = colors.HexColor("#0b5394")
SHADE = colors.HexColor("#eef3f8")
RULE = colors.HexColor("#9aa7b4")
WARN = colors.HexColor("#b45309")
BAR_COLOURS = [colors.HexColor(c) for c in ("#0b5394", "#3d85c6", "#6fa8dc", "#38761d", "#b45f06", "#741b47")]

_PAGE_W, _PAGE_H = A4
_MARGIN = 16 * mm
_WIDTH = _PAGE_W - 2 * _MARGIN

_S = {
    "body": ParagraphStyle("body", fontName=SANS, fontSize=8.5, leading=10.5, textColor=INK),
    "small": ParagraphStyle("small", fontName=SANS, fontSize=7.5, leading=9, textColor=INK),
    "h1": ParagraphStyle("h1", fontName=SANS_BOLD, fontSize=15, leading=18, textColor=ACCENT),
    "agent": ParagraphStyle("agent", fontName=SANS_BOLD, fontSize=12, leading=15, textColor=INK),
    # keepWithNext: a heading never ends a page with what it heads on the next (``HeadingKept``)
    "h2": ParagraphStyle("h2", fontName=SANS_BOLD, fontSize=10, leading=13, textColor=ACCENT,
                         spaceBefore=7, spaceAfter=3, keepWithNext=1),
    "right": ParagraphStyle("right", fontName=SANS, fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
    "hash": ParagraphStyle("hash", fontName=MONO, fontSize=7.5, leading=9, textColor=INK),
    "banner": ParagraphStyle("banner", fontName=SANS_BOLD, fontSize=9, leading=11,
                             textColor=colors.white, alignment=1),
}


class HeadingKept(KeepTogether):
    """A heading and what it heads (``keepWithNext`` groups them: the doc template's
    ``keepTogetherClass``), as reportlab's KeepTogether, but for a table taller than a page.

    Decision: a group that fits a page goes whole to the next one when this one has no room
    for it. One taller than a page went there all the same, to be split there, leaving the
    rest of this page blank: a day of 31 to 45 failed payments made the Laporan X three pages
    instead of two. Such a group starts here when its heading and the table's first
    ``LEAD_ROWS`` (its column titles and two rows) fit, and the table splits as it always
    did; else it goes to the next page, so a heading still never ends one."""

    LEAD_ROWS = 3

    def split(self, aW: float, aH: float) -> list:  # noqa: N803 - reportlab's names
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame, table = getattr(self, "_frame", None), self._content[-1]
        if frame is not None and isinstance(table, Table) and self._H > frame._height:
            lead = self._H - table._height + sum(table._rowHeights[:self.LEAD_ROWS])
            if lead <= aH:
                return self._content[:]
        return super().split(aW, aH)


def long_date(business_date: str) -> str:
    d = date.fromisoformat(business_date)
    return f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(str(text)), _S[style])


def _money(amount: int) -> str:
    return format_digits(amount)


def _grid(data: list[list], widths: list[float], *, header: bool = True, numeric_from: int | None = None,
          extra: Sequence[tuple] = ()) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ]
    if numeric_from is not None:
        style.append(("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(style + list(extra)))
    return table


def _header(report: Report, copy: int) -> list:
    agent = report.agent
    left = [_p(agent.name or "Agen Loket", "agent")]
    if agent.code:
        left.append(_p(f"Kode Agen {agent.code}"))
    if agent.address:
        left.append(_p(agent.address))
    right = [Paragraph(escape(report.title), ParagraphStyle("t", parent=_S["h1"], alignment=TA_RIGHT)),
             _p("Laporan Penutupan Harian" if report.kind == "Z" else "Laporan tengah hari - tidak menutup hari",
                "right")]
    if copy:
        right.append(Paragraph(f"<b>CETAK ULANG ke-{copy}</b>", _S["right"]))
    top = Table([[left, right]], colWidths=[_WIDTH * 0.55, _WIDTH * 0.45])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    status = "DITUTUP (final)" if report.kind == "Z" else "BERJALAN (sementara)"
    info = [
        ["Hari kerja", long_date(report.business_date), "Nomor laporan", report.label],
        ["Dibuat", format_wib(datetime.fromisoformat(report.generated_at)), "Status hari", status],
        ["Petugas", report.operator or "-", "Shift dibuka oleh", report.shift_opened_by or "(shift tidak dibuka)"],
    ]
    info_table = Table(info, colWidths=[_WIDTH * 0.16, _WIDTH * 0.34, _WIDTH * 0.18, _WIDTH * 0.32])
    info_table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),
        ("FONT", (0, 0), (0, -1), SANS_BOLD, 8.5),
        ("FONT", (2, 0), (2, -1), SANS_BOLD, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    out = [top, Spacer(1, 4), info_table]
    if report.sandbox:
        banner = Table([[_p("SANDBOX / MODE LATIHAN - bukan laporan transaksi yang sah", "banner")]],
                       colWidths=[_WIDTH])
        banner.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), WARN)]))
        out += [Spacer(1, 4), banner]
    return out


def _summary(report: Report) -> list:
    data: list[list] = [["Grup / Produk", "Jml Trx", "Nominal (Rp)", "Biaya Admin (Rp)", "Total (Rp)",
                         "Biaya Loket (Rp)"]]
    extra: list[tuple] = []
    for group in report.groups:
        row = len(data)
        data.append([group_label(group.group), format_digits(group.count), _money(group.amount), _money(group.fee),
                     _money(group.total), _money(group.counter_fee)])
        extra += [("FONT", (0, row), (-1, row), SANS_BOLD, 8), ("BACKGROUND", (0, row), (-1, row), SHADE)]
        for line in (p for p in report.products if p.group == group.group):
            data.append([f"    {line.name}", format_digits(line.count), _money(line.amount), _money(line.fee),
                         _money(line.total), _money(line.counter_fee)])
    if not report.groups:
        data.append(["Tidak ada transaksi berhasil hari ini", "0", "0", "0", "0", "0"])
    t = report.totals
    last = len(data)
    data.append(["TOTAL TRANSAKSI BERHASIL", format_digits(t.count), _money(t.amount), _money(t.fee), _money(t.total),
                 _money(t.counter_fee)])
    extra += [("FONT", (0, last), (-1, last), SANS_BOLD, 8.5), ("LINEABOVE", (0, last), (-1, last), 1, INK)]
    open_colour = "#b45309" if report.open else "#1f2a37"
    counts = Paragraph(
        f"Transaksi gagal: <b>{len(report.failed)}</b> &nbsp;&nbsp;|&nbsp;&nbsp; "
        f"<font color='{open_colour}'>menggantung (belum pasti): <b>{len(report.open)}</b></font>"
        f" &nbsp;&nbsp;|&nbsp;&nbsp; dibatalkan (reversal): <b>{len(report.reversed)}</b>"
        f"<br/>Biaya loket (pendapatan agen, di luar total bank, termasuk tunai diterima): "
        f"<b>Rp {_money(t.counter_fee)}</b>", _S["body"])
    widths = [_WIDTH * w for w in (0.26, 0.08, 0.165, 0.165, 0.165, 0.165)]
    out = [_p("Ringkasan per Grup dan Produk (transaksi berhasil)", "h2"),
           _grid(data, widths, numeric_from=1, extra=extra), Spacer(1, 3), counts]
    if report.documents:
        # A created VA is a bill the customer pays elsewhere: issued here, no money taken.
        docs = [["Produk", "Jml", "Nominal (Rp)", "Biaya Admin (Rp)", "Total (Rp)", ""]]
        docs += [[f"    {line.name}", format_digits(line.count), _money(line.amount), _money(line.fee),
                  _money(line.total), ""] for line in report.documents]
        out += [_p("Dokumen diterbitkan (tanpa uang di loket, tidak termasuk total)", "h2"),
                _grid(docs, widths, numeric_from=1)]
    return out


def chart(report: Report) -> Drawing:
    """Horizontal bars: the day's total (Rp) per product group, labelled with count and amount."""
    groups = list(report.groups) or []
    bar_h = 16
    height = max(60, 34 + bar_h * len(groups))
    drawing = Drawing(_WIDTH, height)
    if not groups:
        drawing.add(String(0, height / 2, "Belum ada transaksi berhasil.", fontName=SANS, fontSize=8))
        return drawing
    bars = HorizontalBarChart()
    bars.x, bars.y = 110, 18
    bars.width, bars.height = _WIDTH - 220, bar_h * len(groups)
    bars.data = [[g.total for g in reversed(groups)]]
    bars.categoryAxis.categoryNames = [group_label(g.group) for g in reversed(groups)]
    bars.categoryAxis.labels.fontName = SANS
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -4
    bars.valueAxis.valueMin = 0
    top = max(g.total for g in groups) or 1
    bars.valueAxis.valueMax = top * 1.05
    bars.valueAxis.labels.fontName = SANS
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.labelTextFormat = lambda v: _short(int(v))
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#dde3ea")
    bars.bars.strokeColor = None
    for i in range(len(groups)):
        bars.bars[(0, i)].fillColor = BAR_COLOURS[(len(groups) - 1 - i) % len(BAR_COLOURS)]
    bars.barWidth = bar_h * 0.6
    drawing.add(bars)
    step = bars.height / len(groups)
    for i, g in enumerate(reversed(groups)):
        drawing.add(String(bars.x + bars.width + 6, bars.y + step * i + step / 2 - 3,
                           f"Rp {format_digits(g.total)}  ({g.count} trx)", fontName=SANS, fontSize=7.5,
                           fillColor=INK))
    drawing.add(String(0, height - 10, "Total per grup produk (Rp)", fontName=SANS_BOLD, fontSize=8,
                       fillColor=INK))
    return drawing


def _short(value: int) -> str:
    """Axis labels: 1.500.000 -> 1,5 jt; 250.000 -> 250 rb."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}".replace(".", ",").replace(",0", "") + " jt"
    if value >= 1_000:
        return f"{value // 1_000} rb"
    return str(value)


def _cash(report: Report) -> list:
    cash = report.cash
    if cash is None:
        return []
    rows: list[list] = [
        ["Modal awal kas (Buka Shift)", format_rupiah(cash.opening_float)],
        ["+ Tunai diterima dari transaksi", format_rupiah(cash.received)],
        ["- Tunai dibayarkan (tarik tunai, pembatalan)", format_rupiah(-cash.paid_out)],
        ["+/- Mutasi kas (setor bank, pay-in/out, cash drop, koreksi)", format_rupiah(cash.movements)],
    ]
    if report.late:
        rows.append(["+/- Penyelesaian terlambat (transaksi hari sebelumnya)", format_rupiah(cash.late)])
    rows.append(["Kas seharusnya di laci", format_rupiah(cash.against)])
    at = len(rows) - 1
    extra: list[tuple] = [("FONT", (0, at), (-1, at), SANS_BOLD, 8.5), ("LINEABOVE", (0, at), (-1, at), 0.8, INK)]
    if cash.includes_held:  # the cash of rows in doubt is in the drawer, and in the figure
        for item in unsettled(report):
            rows.append([_p(f"termasuk tunai transaksi belum pasti (uangnya di laci): {item.reference} "
                            f"({item.time}, {item.name})", "small"), format_rupiah(item.total)])
        if cash.held_carried:
            rows.append([_p("termasuk tunai transaksi belum pasti hari sebelumnya (uangnya di laci)", "small"),
                         format_rupiah(cash.held_carried)])
    for number, count in enumerate(cash.earlier_counts, 1):  # a recount never hides what a count found
        rows.append([_p(f"Hitungan ke-{number} ({count.at[11:16]}, {count.operator}): dihitung "
                        f"{format_rupiah(count.counted)}, seharusnya saat itu {format_rupiah(count.expected)}",
                        "small"), " ".join(variance_words(count.variance))])
    if cash.counted is not None:
        rows.append(["Kas dihitung (hitung buta)" + (f", {cash.counts}x hitung" if cash.counts > 1 else ""),
                     format_rupiah(cash.counted)])
        variance = cash.variance or 0
        rows.append(list(variance_words(variance)))
        extra += [("FONT", (0, len(rows) - 1), (-1, len(rows) - 1), SANS_BOLD, 8.5)]
        if variance:
            extra.append(("TEXTCOLOR", (0, len(rows) - 1), (-1, len(rows) - 1), WARN))
        for item in () if cash.includes_held else unsettled(report):  # sealed before: beside the figure
            rows.append([_p(f"Belum pasti, uangnya di laci: {item.reference} ({item.time}, {item.name})", "small"),
                         format_rupiah(item.total)])
        if cash.variance_note:
            rows.append([_p(f"Keterangan selisih: {cash.variance_note}", "small"), ""])
        if cash.variance_approved_by:
            rows.append([_p(f"Selisih disetujui supervisor: {cash.variance_approved_by}", "small"), ""])
    if cash.held_in_open and not cash.includes_held:
        rows.append(["Tunai dalam transaksi menggantung (tidak termasuk di atas)", format_rupiah(cash.held_in_open)])
    if cash.held_carried and not cash.includes_held:
        rows.append(["Tunai transaksi menggantung hari sebelumnya (tidak termasuk di atas)",
                     format_rupiah(cash.held_carried)])
    if report.bank_balance is not None:
        rows.append([f"Saldo rekening bank agen ({report.bank_balance_note or 'saat laporan dibuat'})",
                     format_rupiah(report.bank_balance)])
    else:
        rows.append(["Saldo rekening bank agen", report.bank_balance_note or "tidak ditanyakan"])
    table = _grid(rows, [_WIDTH * 0.7, _WIDTH * 0.3], header=False, numeric_from=1, extra=extra)
    out = [_p("Rekonsiliasi Kas", "h2"), table]
    if cash.movement_lines:
        data = [["Jam", "Jenis", "Alasan", "Petugas", "Jumlah (Rp)"]]
        data += [[m.time, m.label, _p(m.reason, "small"), m.operator, _money(m.amount)] for m in cash.movement_lines]
        out += [_p("Mutasi Kas", "h2"),
                _grid(data, [_WIDTH * w for w in (0.07, 0.22, 0.41, 0.14, 0.16)], numeric_from=4,
                      extra=[("ALIGN", (0, 0), (3, -1), "LEFT")])]
    return out


def _handovers(report: Report) -> list:
    """Serah Terima Kas: who handed the drawer to whom, the blind count, and each holder's difference."""
    if not report.handovers:
        return []
    data = [["Jam", "Diserahkan", "Diterima", "Seharusnya", "Dihitung", "Selisih", "Disetujui"]]
    for h in report.handovers:
        data.append([h.at[11:16], h.from_operator, h.to_operator, _money(h.should_hold), _money(h.counted),
                     _money(h.difference), _p(h.approved_by or "-", "small")])
    spans = [["Petugas (pegang laci)", "Selisih"]]
    spans += [[f"{s.operator} ({s.start}-{s.end or 'sekarang'})",
               "belum dihitung" if s.difference is None else " ".join(variance_words(s.difference))]
              for s in report.spans]
    return [_p("Serah Terima Kas", "h2"),
            _grid(data, [_WIDTH * w for w in (0.07, 0.16, 0.16, 0.15, 0.15, 0.13, 0.18)],
                  extra=[("ALIGN", (3, 0), (5, -1), "RIGHT")]),
            _p("Seharusnya: kas seharusnya saat serah terima ditambah selisih serah terima sebelumnya. Serah terima "
               "tidak mengubah kas seharusnya hari ini.", "small"),
            _p("Selisih per Petugas", "h2"),
            _grid(spans, [_WIDTH * 0.6, _WIDTH * 0.4], numeric_from=1)]


def _listing(title: str, items: tuple[Listed, ...], *, note: str = "") -> list:
    out = [_p(f"{title} ({len(items)})", "h2")]
    if not items:
        return out + [_p("Tidak ada.", "small")]
    data = [["Jam", "No. Ref", "Produk", "Pelanggan", "Total (Rp)", "Status / Keterangan"]]
    for item in items[:LIST_LIMIT]:
        why = " ".join(x for x in (item.error_code, item.error_message) if x) or item.state
        customer = item.customer or "-"
        data.append([item.time, item.reference, _p(item.name, "small"), _p(customer, "small"), _money(item.total),
                     _p(why, "small")])
    table = _grid(data, [_WIDTH * w for w in (0.06, 0.19, 0.2, 0.22, 0.12, 0.21)],
                  extra=[("ALIGN", (4, 0), (4, -1), "RIGHT"), ("FONT", (1, 1), (1, -1), MONO, 7.5)])
    out.append(table)
    if len(items) > LIST_LIMIT:
        out.append(_p(f"... dan {len(items) - LIST_LIMIT} transaksi lainnya (lengkap di ekspor CSV).", "small"))
    if note:
        out.append(_p(note, "small"))
    return out


def _late(report: Report) -> list:
    """Penyelesaian terlambat: settled today, belonging to an earlier sealed day (and its Z)."""
    if not report.late:
        return []
    data = [["Selesai", "No. Ref", "Produk", "Pelanggan", "Hari asal", "Total (Rp)", "Biaya loket", "Status"]]
    for item in report.late:
        customer = item.customer or "-"
        day = date.fromisoformat(item.original_date).strftime("%d/%m/%Y")  # a long date overran its column
        data.append([item.settled_at[11:16], item.reference, _p(item.name, "small"), _p(customer, "small"),
                     day, _money(item.total), _money(item.counter_fee), item.state])
    table = _grid(data, [_WIDTH * w for w in (0.07, 0.17, 0.15, 0.16, 0.11, 0.12, 0.11, 0.11)],
                  extra=[("ALIGN", (5, 0), (6, -1), "RIGHT"), ("FONT", (1, 1), (1, -1), MONO, 7.5)])
    return [_p(f"Penyelesaian Terlambat - transaksi hari sebelumnya ({len(report.late)})", "h2"), table,
            _p("Masih menggantung saat harinya ditutup, atau dibatalkan (REVERSED) setelah harinya ditutup: "
               "statusnya pasti hari ini, jadi uangnya dihitung di laporan ini. Laporan Z hari asalnya tidak "
               "berubah. Biaya loketnya (yang BERHASIL) pendapatan agen di luar total produk di atas.", "small")]


def _approvals(report: Report) -> list:
    if not report.approvals:
        return []
    data = [["Waktu", "Supervisor", "Tindakan", "Alasan"]]
    # the action with what it approved (the reversed transfer's reference, the row left open)
    data += [[format_wib(datetime.fromisoformat(a.at)), a.approver,
              _p(a.action + (f" ({a.subject})" if a.subject else ""), "small"), _p(a.reason, "small")]
             for a in report.approvals]
    return [_p("Persetujuan Supervisor", "h2"),
            _grid(data, [_WIDTH * w for w in (0.2, 0.17, 0.28, 0.35)])]


def _seal(report: Report, snapshot_hash: str) -> list:
    if report.seal is None:
        return [Spacer(1, 6), _p("Laporan X: hari belum ditutup; angka dapat berubah sampai Tutup Hari.", "small")]
    seal = report.seal
    rows = [
        ["Ditutup", f"{format_wib(datetime.fromisoformat(seal.closed_at))} oleh {seal.closed_by}"],
        ["Baris jurnal hari ini", format_digits(seal.rows)],
        ["Hash jurnal terakhir", _p(seal.last_txn_hash, "hash")],
        ["Hash event terakhir", _p(seal.last_event_hash, "hash")],
    ]
    if snapshot_hash:
        rows.append(["Hash laporan", _p(snapshot_hash, "hash")])
    table = Table(rows, colWidths=[_WIDTH * 0.22, _WIDTH * 0.78])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (0, -1), SANS_BOLD, 8), ("FONT", (1, 0), (1, -1), SANS, 8),
        ("BOX", (0, 0), (-1, -1), 0.8, ACCENT), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    signatures = Table([["Petugas", "Supervisor"], ["\n\n\n", "\n\n\n"],
                        [f"( {seal.closed_by} )", "( ............................ )"]],
                       colWidths=[_WIDTH / 2, _WIDTH / 2])
    signatures.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 8.5), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return [KeepTogether([_p("Segel Hari", "h2"), table, Spacer(1, 10), signatures])]


def render_pdf(report: Report, *, snapshot_hash: str = "", copy: int = 0) -> bytes:
    """A4 PDF bytes of ``report``; ``copy`` n > 0 prints "CETAK ULANG ke-n"."""
    pdf_fonts.register()
    buffer = io.BytesIO()
    footer = f"Loket - {report.title} - hari kerja {long_date(report.business_date)}"
    if report.sandbox:
        footer += " - SANDBOX"

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7)
        canvas.setFillColor(RULE)
        canvas.drawString(_MARGIN, 9 * mm, footer)
        canvas.drawRightString(_PAGE_W - _MARGIN, 9 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=f"{report.title} {report.business_date}",
                            author=report.agent.name or "Loket", creator="Loket", invariant=1,
                            keepTogetherClass=HeadingKept)
    story: list = []
    story += _header(report, copy)
    story += _summary(report)
    story += [Spacer(1, 6), chart(report)]
    story += _cash(report)
    story += _handovers(report)
    story += _listing("Transaksi Menggantung - belum pasti", report.open,
                      note="Selesaikan lewat cek status; jangan kirim ulang.")
    story += _late(report)
    story += _listing("Transaksi Gagal", report.failed)
    story += _listing("Transaksi Dibatalkan (reversal)", report.reversed)
    story += _approvals(report)
    story += _seal(report, snapshot_hash)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
