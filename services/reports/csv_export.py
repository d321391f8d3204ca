"""The day report as one CSV file, for the partner's office to consolidate.

One flat table (UTF-8 with BOM so Excel on the partner's PCs opens it right; comma
separated; amounts as plain integer rupiah, no dots) whose ``section`` column says what a
row is:

``product``  one product's SUCCESS figures (count, amount, fee, total, counter_fee: the
             counter's own fees the customers paid the agent besides ``total``)
``total``    the day's SUCCESS totals (money taken or paid at the counter)
``document`` one product's SUCCESS rows that took no money at the counter (a created VA, a
             balance check): count and figures, not in ``total``
``failed`` / ``open`` / ``reversed``  one transaction each, with reference and reason
``cash``     one reconciliation figure; ``note`` names it (``opening_float``, ``received``,
             ``paid_out``, ``movements``, ``expected``, ``counted``, ``variance``,
             ``held_in_open``, ``held_carried`` (only in a Laporan Z sealed while an earlier
             day's cash in doubt was expected beside the float), ``should_hold`` (``expected`` +
             ``held_in_open`` (+ ``held_carried``): what the drawer should hold), ``late``,
             ``bank_balance``);
             ``variance`` is ``counted - should_hold``; a Laporan Z sealed before that rule has
             no ``should_hold`` row and its ``variance`` is ``counted - expected``. The
             ``variance`` row carries the agent's note on the difference in ``product_name``
             and the supervisor who approved it in ``reference`` (empty when the count was even)
``movement`` one cash movement (kind in ``product``, signed amount in ``total``)
``count``    one count of the drawer entered before the one the day closed with (every count
             so far on a Laporan X): its order in ``count``, the cash counted in ``total``,
             what the drawer should have held then in ``amount`` (as ``should_hold``; the expected
             cash alone in a count entered before that rule), ``note`` = ``variance=<counted - amount>``,
             who in ``product_name``, when in ``reference``
``late``     one late settlement: a transaction of an earlier sealed day settled on this one
             (``note`` = ``original_date=YYYY-MM-DD``); its cash (what it moved beyond what
             its own day's count found for it) is in the ``late`` cash figure;
             ``counter_fee``: the agent's fee in it when it settled SUCCESS, income that no
             ``product`` or ``total`` row holds
``handover`` one drawer handover (Serah Terima Kas): outgoing agent in ``product``, incoming in
             ``product_name``, the cash counted in ``total``, what the drawer should have held in
             ``amount`` (the expected cash plus earlier handovers' differences), its count's
             order in ``count``, ``note`` = ``difference=<counted - amount>``, the approving
             supervisor in ``reference``, its time in ``state``
``span``     one holder's span of the drawer: agent in ``product_name``, ``HH:MM-HH:MM`` in
             ``reference``, the holder's own difference found at its end in ``total`` (empty: not
             counted yet) (``Report.spans``); the spans add up to the ``variance`` cash figure
``approval`` one supervisor approval of the day (action in ``product``, supervisor in
             ``product_name``, what it was for in ``reference``, the reason in ``note``)
``seal``     ``last_txn_hash`` / ``last_event_hash`` / ``report_hash`` in ``reference``

``report`` is ``Z-0001`` or ``X``; a sandbox day's reads ``SANDBOX Z-0001`` on every row (drills
and simulated payments: the PDF and the paper say so in a banner, and a program summing
``product`` rows across files must be able to tell too). Column names are English snake_case:
the file is read by programs, not people; so is ``product_group`` an identifier (``banking``,
``bills``, ``purchases``), also for a Laporan Z stored when reports held the Indonesian label.
A text that would start a spreadsheet formula is written with a leading ``'`` (``services.csv_cells``).
"""

from __future__ import annotations

import csv
import io

from services.csv_cells import safe_row
from services.product_groups import group_id
from services.reports.model import Report

COLUMNS = ("section", "business_date", "report", "product_group", "host", "product", "product_name", "count",
           "amount", "fee", "total", "reference", "state", "note", "counter_fee")


def render_csv(report: Report, *, snapshot_hash: str = "") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    base = {"business_date": report.business_date,
            "report": f"SANDBOX {report.label}" if report.sandbox else report.label}

    def put(section: str, **values: object) -> None:
        writer.writerow(safe_row({**base, "section": section, **values}))

    for p in report.products:
        put("product", product_group=group_id(p.group), host=p.host, product=p.product, product_name=p.name,
            count=p.count, amount=p.amount, fee=p.fee, total=p.total, counter_fee=p.counter_fee)
    t = report.totals
    put("total", count=t.count, amount=t.amount, fee=t.fee, total=t.total, counter_fee=t.counter_fee)
    for d in report.documents:
        put("document", product_group=group_id(d.group), host=d.host, product=d.product, product_name=d.name,
            count=d.count, amount=d.amount, fee=d.fee, total=d.total)
    for section, items in (("failed", report.failed), ("open", report.open), ("reversed", report.reversed)):
        for item in items:
            put(section, host=item.host, product=item.product, product_name=item.name, total=item.total,
                reference=item.reference, state=item.state,
                note=" ".join(x for x in (item.error_code, item.error_message) if x))
    for late in report.late:
        put("late", host=late.host, product=late.product, product_name=late.name, total=late.total,
            reference=late.reference, state=late.state, note=f"original_date={late.original_date}",
            counter_fee=late.counter_fee)
    if report.cash:
        c = report.cash
        figures = {"opening_float": c.opening_float, "received": c.received, "paid_out": c.paid_out,
                   "movements": c.movements, "expected": c.expected, "held_in_open": c.held_in_open}
        if c.held_carried:
            figures["held_carried"] = c.held_carried
        if c.should_hold is not None:
            figures["should_hold"] = c.should_hold
        if report.late:
            figures["late"] = c.late
        if c.counted is not None:
            figures.update(counted=c.counted, variance=c.variance)
        for name, value in figures.items():
            put("cash", total=value, note=name, product_name=c.variance_note if name == "variance" else "",
                reference=c.variance_approved_by if name == "variance" else "")
        for m in c.movement_lines:
            put("movement", product=m.kind, product_name=m.label, total=m.amount, reference=str(m.id),
                note=m.reason)
        for number, count in enumerate(c.earlier_counts, 1):
            put("count", count=number, amount=count.expected, total=count.counted, product_name=count.operator,
                reference=count.at, note=f"variance={count.variance}")
    for h in report.handovers:
        put("handover", product=h.from_operator, product_name=h.to_operator, total=h.counted, amount=h.should_hold,
            count=h.counts, note=f"difference={h.difference}", reference=h.approved_by, state=h.at)
    for span in report.spans:
        put("span", product_name=span.operator, reference=f"{span.start}-{span.end}",
            total="" if span.difference is None else span.difference)
    if report.bank_balance is not None:
        put("cash", total=report.bank_balance, note="bank_balance")
    for a in report.approvals:
        put("approval", product=a.action, product_name=a.approver, reference=a.subject, note=a.reason)
    if report.seal:
        put("seal", reference=report.seal.last_txn_hash, note="last_txn_hash", count=report.seal.rows)
        put("seal", reference=report.seal.last_event_hash, note="last_event_hash")
    if snapshot_hash:
        put("seal", reference=snapshot_hash, note="report_hash")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
