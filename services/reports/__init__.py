"""End-of-day reports: the figures (by SQL in the journal), the model, and its renderers.

``build_report`` aggregates one business day straight from the journal file (one
``GROUP BY`` plus one indexed list query) into a ``Report``; ``render_pdf`` (A4 with a
chart), ``render_csv`` and ``render_summary`` (thermal, 32, 42 or 48 columns, text + ESC/POS)
draw it. Which products put cash in or take it out of the drawer is decided in
``services.reports.cash``. Laporan Z numbering, sealing and storage belong to
``services.dayclose``; this package neither writes nor knows about closes.
"""

from services.product_groups import group_label
from services.reports.aggregate import CashInputs, build_report, product_name
from services.reports.csv_export import COLUMNS as CSV_COLUMNS
from services.reports.csv_export import render_csv
from services.reports.model import (
    Agent,
    ApprovalLine,
    Cash,
    Count,
    GroupLine,
    Handover,
    Late,
    Listed,
    Movement,
    ProductLine,
    Report,
    Seal,
    Span,
    Totals,
    snapshot_hash,
)
from services.reports.thermal import Printout, render_summary

__all__ = [
    "Agent", "ApprovalLine", "CSV_COLUMNS", "Cash", "CashInputs", "Count", "GroupLine", "Handover", "Late", "Listed",
    "Movement", "Printout", "ProductLine", "Report", "Seal", "Span", "Totals", "build_report", "group_label",
    "product_name", "render_csv", "render_pdf", "render_summary", "snapshot_hash",
]


def __getattr__(name: str):
    """``render_pdf`` is imported on first use: reportlab's platypus and charts cost a few
    MiB that a counter day without a PDF report never needs."""
    if name == "render_pdf":
        from services.reports.pdf import render_pdf

        return render_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
