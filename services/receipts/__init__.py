"""Receipts: a model built from a journal row, and the renderers that put it on paper.

``build_receipt`` turns a ``JournalRow`` into a ``Receipt``; ``blocks`` describes it once
(centred lines, label/value pairs, rules); ``text``, ``thermal`` (ESC/POS) and ``pdf``
draw those blocks. ``PrinterWorker`` is the one thread that owns the printer;
``ReceiptDesk`` numbers prints and reprints in the journal and hands jobs to the worker.
"""

from services.receipts.desk import ReceiptDesk
from services.receipts.layout import COLUMNS, Row, columns_for, layout
from services.receipts.model import Agent, Receipt, agent_for, build_receipt, receipt_details
from services.receipts.pdf import render_pdf
from services.receipts.printer import (
    CONNECTIONS,
    PrinterConfig,
    PrinterError,
    PrinterUnreachable,
    PrintFailed,
    open_device,
    preflight,
)
from services.receipts.prints import print_count, record_print
from services.receipts.products import ProductReceipt, product_lines, product_receipt, register_product
from services.receipts.text import render_text
from services.receipts.thermal import render_escpos
from services.receipts.worker import PrinterWorker, PrintResult

__all__ = [
    "Agent",
    "COLUMNS",
    "CONNECTIONS",
    "PrintFailed",
    "PrintResult",
    "PrinterConfig",
    "PrinterError",
    "PrinterUnreachable",
    "PrinterWorker",
    "ProductReceipt",
    "Receipt",
    "ReceiptDesk",
    "Row",
    "agent_for",
    "build_receipt",
    "columns_for",
    "layout",
    "open_device",
    "preflight",
    "print_count",
    "product_lines",
    "product_receipt",
    "receipt_details",
    "record_print",
    "register_product",
    "render_escpos",
    "render_pdf",
    "render_text",
]
