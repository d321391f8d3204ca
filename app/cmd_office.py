"""Partner office: the office database's schema, counters, chain alerts and the consolidated report.

Run at the partner's office, against its PostgreSQL (``--dsn``, a libpq connection string;
default ``$LOKET_OFFICE_DSN``, else libpq's own PGHOST/PGUSER/... variables)::

    python -m app office migrate
    python -m app office add-counter --counter-id K001 [--name "Kios Pasar Baru"]   (password on stdin)
    python -m app office add-reader --role laporan_kantor                          (password on stdin)
    python -m app office retire-counter --counter-id K001 [--replaced-by K001B]
    python -m app office counters
    python -m app office verify
    python -m app office acknowledge --alert 12 --note "K001's PC died, replaced by K001B"
    python -m app office report --date 2026-11-21 --format pdf|csv --out DIR

``add-reader`` makes a login that reads everything and writes nothing, for whoever runs
``report`` and ``verify`` (both work with it), so the owner's login stays with the migrations.

``counters`` says when the office last heard from each counter (the silent first), how far its
rows go, its last Laporan Z and its alerts.

``retire-counter`` takes a counter id out of service when its PC's history is not the one the
office holds (a new PC under the id of a dead one, a profile restored from an older backup or
copied to a second PC: a fork, never merged): its login can no longer log in nor write, and
``counters`` and ``report`` name the counter id that replaces it (registered with ``add-counter``).

``verify`` prints every alert the database recorded when something arrived that did not fit
a counter's chain (a gap, a changed row, a second history for positions already received:
the counter, the position and both hashes), then re-checks every stored chain; it exits 1
when there is anything to look at: an alert not yet acknowledged, or a stored chain that no
longer holds.

``acknowledge`` records that the operator dealt with an alert (the id ``verify`` prints as
``[alert N]``): the login, the moment, the note and the alert's hashes, beside the alert, which
stays. ``verify`` then lists it as ACKNOWLEDGED and no longer fails for it, and ``counters``
only counts it. The owner's login (or a superuser) only: not a counter's, nor the reading one.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.cmd_report import _day  # the same --date as the counter's own report

# The office's database is named by --dsn; a counter's profile is not read, so ``--profile``
# is refused rather than ignored.
USES_PROFILE = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dsn", default=os.environ.get("LOKET_OFFICE_DSN", ""),
                        help="office database (libpq connection string); default $LOKET_OFFICE_DSN")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    # --dsn also after the action (``office verify --dsn ...``)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dsn", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub.add_parser("migrate", help="create or update the office schema", parents=[common])
    add = sub.add_parser("add-counter", parents=[common],
                         help="create a counter's login role (password read from stdin)")
    add.add_argument("--counter-id", required=True)
    add.add_argument("--name", default="")
    reader = sub.add_parser("add-reader", parents=[common],
                            help="create a login that reads the office and writes nothing (password read from stdin)")
    reader.add_argument("--role", required=True)
    retire = sub.add_parser("retire-counter", parents=[common],
                            help="take a counter id out of service (its login can no longer log in or write)")
    retire.add_argument("--counter-id", required=True)
    retire.add_argument("--replaced-by", default=None, help="the counter id that replaces it (add-counter first)")
    sub.add_parser("counters", help="when each counter was last heard from, the silent first", parents=[common])
    sub.add_parser("verify", help="print the chain alerts and re-check every stored chain", parents=[common])
    ack = sub.add_parser("acknowledge", parents=[common],
                         help="record that an alert was dealt with (verify keeps listing it, no longer fails for it)")
    ack.add_argument("--alert", required=True, type=int, help="the alert's id, [alert N] in verify")
    ack.add_argument("--note", required=True, help="what was done about it")
    report = sub.add_parser("report", help="the consolidated day report", parents=[common])
    report.add_argument("--date", required=True, type=_day, help="business date, YYYY-MM-DD")
    report.add_argument("--format", choices=("pdf", "csv"), default="pdf")
    report.add_argument("--out", required=True, help="folder to write the report into")


def run(args: argparse.Namespace) -> int:
    import psycopg

    from services.office import db, report, status, verify

    try:
        conn = psycopg.connect(args.dsn, autocommit=True)
    except psycopg.Error as exc:
        print(f"Tidak terhubung ke database kantor: {exc}", file=sys.stderr)
        return 2
    with conn:
        if args.action == "migrate":
            applied = db.migrate(conn)
            print("applied: " + ", ".join(applied) if applied else "up to date")
            return 0
        if args.action in ("add-counter", "add-reader"):
            password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
            if not password:
                print("password required", file=sys.stderr)
                return 2
            if args.action == "add-counter":
                try:
                    print(db.add_counter(conn, args.counter_id, password, args.name))
                except db.CounterRetired as exc:
                    print(exc, file=sys.stderr)
                    return 2
                return 0
            try:
                print(db.add_reader(conn, args.role, password))
            except db.NotAReader as exc:
                print(exc, file=sys.stderr)
                return 2
            return 0
        if args.action == "retire-counter":
            try:
                db.retire_counter(conn, args.counter_id, args.replaced_by)
            except db.CounterRetired as exc:
                print(exc, file=sys.stderr)
                return 2
            replaced = f", replaced by {args.replaced_by}" if args.replaced_by else ""
            print(f"{args.counter_id} retired{replaced}")
            return 0
        if args.action == "counters":
            for line in status.counter_status(conn):
                print(line.line())
            return 0
        if args.action == "acknowledge":
            try:
                alert = verify.acknowledge(conn, args.alert, args.note)
            except verify.NotAcknowledged as exc:
                print(exc, file=sys.stderr)
                return 2
            except psycopg.errors.InsufficientPrivilege as exc:
                print(f"{exc}\nan alert is acknowledged with the office owner's login (the one that runs"
                      " migrate), not a counter's nor the reading login", file=sys.stderr)
                return 2
            assert alert.acknowledged is not None
            print(f"{alert.line()}\nacknowledged by {alert.acknowledged.by}")
            return 0
        if args.action == "verify":
            alerts = verify.alerts(conn)
            breaks = verify.stored_chain_breaks(conn)
            for alert in alerts:
                print(alert.line())
            for line in breaks:
                print("STORED " + line)
            counters, rows = conn.execute("SELECT count(DISTINCT counter_id), count(*) FROM office.txn").fetchone()
            acked = sum(alert.acknowledged is not None for alert in alerts)
            open_alerts = len(alerts) - acked
            if not open_alerts and not breaks:
                status = f"OK ({acked} alerts acknowledged)" if acked else "OK"
            else:
                status = (f"{open_alerts} alerts not acknowledged ({acked} acknowledged),"
                          f" {len(breaks)} stored chain breaks")
            print(f"{status}: {counters} counters, {rows} rows")
            return 0 if not open_alerts and not breaks else 1
        built = report.build(conn, args.date)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"laporan-kantor-{args.date}.{args.format}"
    data = report.render_pdf(built) if args.format == "pdf" else report.render_csv(built)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    print(path)
    return 0
