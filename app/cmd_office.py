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

Every message is in English, as are README's "Partner office", PostgreSQL's and libpq's own
words under them, and the output (``counters``, ``verify``, the CSV report): the operator is the
partner's IT person, not the agent; each refusal names what to change (the option, the login in
``--dsn``, the command to run). The counter's own commands (``journal``, ``receipt``, ``report``)
speak Indonesian, as Loket does. The PDF report is the partner's paper, in Indonesian, as every
Laporan is.

``acknowledge`` records that the operator dealt with an alert (the id ``verify`` prints as
``[alert N]``): the login, the moment, the note and the alert's hashes, beside the alert, which
stays. ``verify`` then lists it as ACKNOWLEDGED and no longer fails for it, and ``counters``
only counts it. The owner's login (or a superuser) only: not a counter's, nor the reading one.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from pathlib import Path
from typing import Any

from app.cmd_report import _day  # the same --date as the counter's own report

# The office's database is named by --dsn; a counter's profile is not read, so ``--profile``
# is refused rather than ignored.
USES_PROFILE = False
LANGUAGE = "en"  # app.cli's shared refusals (--profile, --out) in the office operator's language


def _date(text: str) -> str:
    """The counter's report's --date (``app.cmd_report._day``), refused in English."""
    try:
        return _day(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day: give --date as YYYY-MM-DD, e.g. 2026-11-21") \
            from None


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
    report.add_argument("--date", required=True, type=_date, help="business date, YYYY-MM-DD")
    report.add_argument("--format", choices=("pdf", "csv"), default="pdf")
    report.add_argument("--out", required=True, help="folder to write the report into")


def run(args: argparse.Namespace) -> int:
    import psycopg

    try:
        conn = psycopg.connect(args.dsn, autocommit=True, **_connect_timeout(args.dsn))
    except psycopg.Error as exc:
        print(cannot_connect(args.dsn, str(exc)), file=sys.stderr)
        return 2
    try:
        with conn:
            return _act(args, conn)
    except psycopg.errors.InsufficientPrivilege as exc:
        print(not_allowed(args.action, str(exc)), file=sys.stderr)
        return 2
    except (psycopg.errors.UndefinedTable, psycopg.errors.InvalidSchemaName, psycopg.errors.UndefinedColumn,
            psycopg.errors.UndefinedFunction) as exc:
        print(f"{_essence(str(exc))}\n{schema_behind(args.dsn)}", file=sys.stderr)
        return 2


CONNECT_TIMEOUT_S = 15


def _connect_timeout(dsn: str) -> dict[str, int]:
    """libpq's ``connect_timeout`` when neither ``--dsn`` nor ``$PGCONNECT_TIMEOUT`` gives one:
    without it a server that takes the connection and never answers (a wrong port, a
    firewall that swallows) keeps the operator waiting in silence for minutes."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        given = conninfo_to_dict(dsn)
    except Exception:  # a DSN libpq cannot read: its own words say so at the connection
        return {}
    if "connect_timeout" in given or os.environ.get("PGCONNECT_TIMEOUT"):
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT_S}


# What the operator reads under libpq's own words when ``--dsn`` does not lead in: the
# mistake each message means on a first day, and what to change.
DSN_EXAMPLE = '--dsn "host=db.mitra.co.id port=5432 dbname=loket user=kantor_owner sslmode=verify-full ' \
              'sslrootcert=kantor-ca.pem"'
_CONNECT_HINTS = (
    (('missing "="', "invalid connection option", "invalid uri", "invalid integer value", "invalid sslmode"),
     "--dsn is a libpq connection string, e.g. " + DSN_EXAMPLE + " (host:port/database is the kiosk's"
     " form, typed in Koneksi Host)."),
    (("password authentication failed",),
     "The server refused this user and password: check user= and password= in --dsn (or $PGPASSWORD)."),
    (("no password supplied",),
     "The server asks for a password: add password=... to --dsn, or set $PGPASSWORD."),
    (("not permitted to log in",),
     "This login is switched off (a retired counter's): use the owner's or a reading login (add-reader)."),
    (("root certificate file",),
     "sslrootcert= names no file: give the office's CA certificate, the one that signed the server's"
     " certificate."),
    (("does not support ssl",),
     "The server speaks no TLS: turn it on (ssl = on with ssl_cert_file and ssl_key_file in postgresql.conf);"
     " the kiosks send nothing without it."),
    (("certificate", "ssl error"),
     "The server's certificate could not be verified: sslrootcert= must be the CA certificate that signed it,"
     " and host= the name written in the certificate."),
    (("no pg_hba.conf entry",),
     "The server's pg_hba.conf lets this user into this database from here by no line: add one (hostssl ..."
     " scram-sha-256) and reload PostgreSQL."),
    (('database "',),  # 'database "x" does not exist'
     "There is no such database on that server: check dbname= in --dsn (the database made for the office,"
     " see README, Partner office)."),
    (("connection refused", "could not translate host name", "timeout expired", "no route to host",
      "no such file or directory", "network is unreachable"),
     "Nothing answers there: check host= and port= in --dsn, that PostgreSQL runs on that computer, listens"
     " on that address (listen_addresses) and that no firewall is between."),
)


def _essence(message: str) -> str:
    """libpq's first line without its preamble ('connection failed: connection to server at
    "h", port 5432 failed: FATAL:  password ...' -> 'password ...')."""
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line.rsplit(" failed: ", 1)[-1].removeprefix("FATAL:").removeprefix("ERROR:").strip()


def cannot_connect(dsn: str, message: str) -> str:
    """What ``office`` says when it cannot log in: where it tried, libpq's reason, and what
    the operator changes, never a traceback."""
    lowered = message.lower()
    where = re.search(r'connection to server (?:at "([^"]*)", port (\d+)|on socket "([^"]*)")', message)
    place = ""
    if where:
        place = f" ({where.group(1)}, port {where.group(2)})" if where.group(1) else f" ({where.group(3)})"
    text = f"Cannot connect to the office database{place}: {_essence(message)}"
    if not dsn.strip() and not os.environ.get("PGHOST"):
        return f"{text}\nNo office database given: {DSN_EXAMPLE}, or the same in $LOKET_OFFICE_DSN."
    for words, hint in _CONNECT_HINTS:
        if any(word in lowered for word in words):
            return f"{text}\n{hint}"
    return f"{text}\nCheck host=, port=, dbname=, user= and password= in --dsn against the office's PostgreSQL."


OWNER_ACTIONS = frozenset({"migrate", "add-counter", "add-reader", "retire-counter", "acknowledge"})
NO_SCHEMA = ("This database holds no office schema, or an older one than this Loket's: check dbname= in --dsn"
             " (the database office migrate ran in), or run python -m app office migrate with the owner's login.")


def migration_blocked(exc: Any) -> str:
    """``office migrate`` gave up waiting for a lock: who holds the tables, what to do."""
    holders = "; ".join(f"pid {pid} ({user}{', ' + app if app else ''}{', since ' + since if since else ''})"
                        for pid, user, app, since in exc.holders) or "none left"
    return (f"{exc}, held by other sessions, and gave up: {exc.name} is not applied, the office is as it was"
            f" (the counters' pushes would have waited behind it). Holding them: {holders}. Run office migrate"
            " again once a long office verify, report or pg_dump among them has ended, or end it as PostgreSQL's"
            " superuser: SELECT pg_terminate_backend(PID).")


def schema_behind(dsn: str) -> str:
    """What to do when the office lacks a table or function this Loket reads: the migrations
    it holds against this Loket's, when it holds any (an office an older Loket migrated)."""
    import psycopg

    from services.office import db

    try:
        with psycopg.connect(dsn, autocommit=True, **_connect_timeout(dsn)) as conn:
            found = conn.execute("SELECT version, name FROM office.migration ORDER BY version DESC LIMIT 1").fetchone()
    except psycopg.Error:
        found = None
    newest = db.migrations()[-1]
    if found is None or found[0] >= newest[0]:
        return NO_SCHEMA
    return (f"This office's schema is at {found[1]}, older than this Loket's ({newest[1]}): run python -m app"
            f" office migrate with the owner's login (user= of the one that ran the first migrate; a reading"
            f" login cannot), then this command again (README, Partner office: upgrading the office).")


def not_allowed(action: str, message: str) -> str:
    """A login without the right for ``action``: which login does it."""
    if action == "acknowledge":
        hint = ("office acknowledge needs the office owner's login (the one that runs migrate), not a counter's"
                " nor the reading login: give it as user= in --dsn.")
    elif action in OWNER_ACTIONS:
        hint = (f"office {action} needs the office owner's login (the one that ran the first migrate: it owns the"
                " office schema and may create logins, CREATEROLE): give it as user= in --dsn.")
    else:
        hint = (f"office {action} needs a reading login (add-reader) or the owner's: a counter's login reads only"
                " its own rows.")
    return f"{_essence(message)}\n{hint}"


def _act(args: argparse.Namespace, conn: Any) -> int:
    from services.office import db, report, status, verify

    if args.action == "migrate":
        try:
            applied = db.migrate(conn)
        except db.MigrationBlocked as exc:
            print(migration_blocked(exc), file=sys.stderr)
            return 2
        print("applied: " + ", ".join(applied) if applied else "up to date")
        return 0
    if args.action in ("add-counter", "add-reader"):
        password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
        if not password:
            what = f"--counter-id {args.counter_id}" if args.action == "add-counter" else f"--role {args.role}"
            print(f"No password given for the new login: type it when asked, or give it on standard input"
                  f" (echo PASSWORD | python -m app office {args.action} {what}).", file=sys.stderr)
            return 2
        if args.action == "add-counter":
            known = conn.execute("SELECT 1 FROM office.counter WHERE counter_id = %s", (args.counter_id,)).fetchone()
            try:
                role = db.add_counter(conn, args.counter_id, password, args.name)
            except db.CounterRetired as exc:
                print(f"--counter-id {args.counter_id}: {exc}", file=sys.stderr)
                return 2
            except ValueError as exc:
                print(f"--counter-id {args.counter_id!r}: {exc}", file=sys.stderr)
                return 2
            print(_counter_added(conn, args.counter_id, role, again=known is not None))
            return 0
        try:
            role = db.add_reader(conn, args.role, password)
        except db.NotAReader as exc:
            print(f"--role {args.role!r}: {exc}", file=sys.stderr)
            return 2
        print(f"{role}: reads every counter's rows and writes nothing; give it as user= in --dsn for counters,"
              " verify and report")
        return 0
    if args.action == "retire-counter":
        try:
            db.retire_counter(conn, args.counter_id, args.replaced_by)
        except db.CounterRetired as exc:
            option = "--replaced-by" if exc.replacement else "--counter-id"
            print(f"{option} {exc.replacement or args.counter_id}: {exc}", file=sys.stderr)
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
            print(f"{exc.option}: {exc}", file=sys.stderr)
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
            status_line = f"OK ({acked} alerts acknowledged)" if acked else "OK"
        else:
            status_line = (f"{open_alerts} alerts not acknowledged ({acked} acknowledged),"
                           f" {len(breaks)} stored chain breaks")
        print(f"{status_line}: {counters} counters, {rows} rows")
        return 0 if not open_alerts and not breaks else 1
    built = report.build(conn, args.date)
    empty = _nothing_that_day(conn, args.date)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"laporan-kantor-{args.date}.{args.format}"
    data = report.render_pdf(built) if args.format == "pdf" else report.render_csv(built)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    print(path)
    if empty:
        print(empty, file=sys.stderr)
    return 0


def _counter_added(conn: Any, counter_id: str, role: str, *, again: bool) -> str:
    """What the operator passes on to the kiosk's supervisor (Pengaturan > Koneksi Host >
    Kantor mitra), or, for an id registered before, that its password just changed."""
    if again:
        return (f"{counter_id} was registered already: its login {role} now has the password given here. The"
                f" kiosk sends nothing until its supervisor types it in Koneksi Host > Kantor mitra (Password"
                f" login).")
    server = conn.info.host  # the name the operator used, unless it is this computer's own
    note = ""
    if server.startswith("/") or server in ("127.0.0.1", "::1", "localhost"):
        server, note = "SERVER", "  (SERVER: the name the kiosks reach this server by, the one in its TLS certificate)"
    return (f"{counter_id} registered: login {role}.\n"
            f"For the kiosk's supervisor, Pengaturan > Koneksi Host > Kantor mitra:\n"
            f"  Alamat database kantor    {server}:{conn.info.port}/{conn.info.dbname}{note}\n"
            f"  ID loket ini              {counter_id}\n"
            f"  Nama login                (empty)\n"
            f"  Password login            the password given here\n"
            f"  Berkas sertifikat kantor  the office's CA certificate (empty: one a public CA or a CA in"
            f" the kiosk's Windows certificate store signed)")


def _nothing_that_day(conn: Any, day: str) -> str:
    """'' when the office holds anything of ``day``; else a note, with the days it does hold,
    so a mistyped --date does not send the operator after every kiosk's unsealed day."""
    held = conn.execute("SELECT EXISTS (SELECT 1 FROM office.txn WHERE business_date = %(d)s)"
                        " OR EXISTS (SELECT 1 FROM office.day_seal WHERE business_date = %(d)s),"
                        " (SELECT min(business_date) FROM office.txn), (SELECT max(business_date) FROM office.txn)",
                        {"d": day}).fetchone()
    if held[0]:
        return ""
    if held[1] is None:
        return f"No counter has sent anything yet: the report of {day} is empty (office counters shows who)."
    return (f"No counter sent a transaction or Laporan Z of {day}: the office's rows run from {held[1]} to"
            f" {held[2]}. Check --date.")
