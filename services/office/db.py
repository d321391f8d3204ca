"""The office database: migrations, counter roles, connections.

Migrations are the SQL files in ``sql/`` (``NNN_name.sql``), applied in order, each in
its own transaction, and recorded in ``office.migration``; an advisory lock keeps two
``office migrate`` runs from interleaving; one that cannot take a table's lock within
``LOCK_WAIT_S`` gives up, unapplied (``MigrationBlocked``), rather than hold every counter's
push behind it. Never edit a file that has shipped: add the next one.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import psycopg
from psycopg import sql

from services.office.config import COUNTER_ID, role_name

_MIGRATION_LOCK = 7300
# How long one migration waits for a table's lock before it gives up, leaving that migration
# unapplied. A migration that changes a table (sql/014 drops a trigger of office.txn_event)
# waits for every session reading it to end, and every counter's push then waits behind the
# migration: a long ``office verify`` or a pg_dump held all pushes for as long as it ran.
LOCK_WAIT_S = 5


class MigrationBlocked(RuntimeError):
    """A migration could not take its locks within ``LOCK_WAIT_S``; ``holders`` are the other
    sessions holding a lock on the office's tables then (pid, login, application, since)."""

    def __init__(self, name: str, holders: list[tuple[int, str, str, str]]) -> None:
        super().__init__(f"{name} waited {LOCK_WAIT_S} s for the office's tables")
        self.name = name
        self.holders = holders


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every file in ``sql/``, in order."""
    found = []
    for entry in resources.files("services.office").joinpath("sql").iterdir():
        match = re.match(r"^(\d{3})_.+\.sql$", entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: psycopg.Connection[Any], upto: int | None = None) -> list[str]:
    """Bring the database to the newest schema (``upto``: to that version only, as an office
    that an older Loket migrated); returns the files applied now."""
    applied_now: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute("CREATE SCHEMA IF NOT EXISTS office")
        conn.execute("CREATE TABLE IF NOT EXISTS office.migration (version integer PRIMARY KEY, name text NOT NULL,"
                     " applied_at timestamptz NOT NULL DEFAULT now())")
    for version, name, text in migrations():
        if upto is not None and version > upto:
            break
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            done = conn.execute("SELECT 1 FROM office.migration WHERE version = %s", (version,)).fetchone()
            if done:
                continue
            conn.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT_S}s'")
            began = conn.execute("SELECT clock_timestamp()").fetchone()[0]  # type: ignore[index]
            try:
                with conn.transaction():
                    conn.execute(text)
            except psycopg.errors.LockNotAvailable:
                raise MigrationBlocked(name, _lock_holders(conn, began)) from None
            conn.execute("INSERT INTO office.migration (version, name) VALUES (%s, %s)", (version, name))
            applied_now.append(name)
    return applied_now


def _lock_holders(conn: psycopg.Connection[Any], began: Any) -> list[tuple[int, str, str, str]]:
    # Not a counter's push (a batch takes milliseconds; it waited behind the migration), nor
    # a transaction begun while the migration waited (``began``).
    return conn.execute(
        "SELECT a.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''),"
        "       coalesce(to_char(min(a.xact_start), 'YYYY-MM-DD HH24:MI:SS TZ'), '')"
        "  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
        "  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'office'"
        "  JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.granted AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database"
        "       WHERE datname = current_database())"
        "   AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
        "                    WHERE m.member = a.usesysid AND g.rolname = 'loket_counter')"
        "   AND (a.xact_start IS NULL OR a.xact_start < %s)"
        " GROUP BY a.pid, a.usename, a.application_name ORDER BY min(a.xact_start) NULLS LAST, a.pid",
        (began,)).fetchall()


def add_counter(conn: psycopg.Connection[Any], counter_id: str, password: str, name: str = "") -> str:
    """Create the counter's login role (member of ``loket_counter``) and register it."""
    if not COUNTER_ID.match(counter_id):
        raise ValueError("a counter id is 1-32 letters, digits, '-' or '_': give one so")
    role = role_name(counter_id)
    with conn.transaction():
        # (read through to_jsonb: an office not yet migrated to sql/009 has no such columns)
        retired = conn.execute("SELECT coalesce(to_jsonb(c) ->> 'replaced_by', '') FROM office.counter c"
                               " WHERE counter_id = %s AND to_jsonb(c) ->> 'retired_at' IS NOT NULL",
                               (counter_id,)).fetchone()
        if retired:  # a retired id stays retired: its login would log in again
            raise CounterRetired(f"{counter_id} is retired" + (f", replaced by {retired[0]}" if retired[0] else "")
                                 + ": register the PC under a new counter id")
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(password)))
        conn.execute(sql.SQL("GRANT loket_counter TO {}").format(sql.Identifier(role)))
        conn.execute("INSERT INTO office.counter (counter_id, role_name, name) VALUES (%s, %s, %s)"
                     " ON CONFLICT (counter_id) DO NOTHING", (counter_id, role, name))
    return role


class CounterRetired(ValueError):
    """``add-counter`` or ``retire-counter`` refused: the id is retired, unknown, or the
    replacement (``replacement``, '' when the refusal is not about it) is not a counter in service."""

    def __init__(self, message: str, replacement: str = "") -> None:
        super().__init__(message)
        self.replacement = replacement


def retire_counter(conn: psycopg.Connection[Any], counter_id: str, replaced_by: str | None = None) -> None:
    """Take a counter id out of service (``office retire-counter``), naming the counter id
    that replaces it, if any (a new PC registered with ``add-counter``).

    For a counter whose PC's history is not the one the office holds under its id (a PC
    replaced by a fresh installation, a profile restored from an older backup or copied to a
    second PC: a fork, which the office never merges). Its rows and Laporan Z stay as they
    arrived; its login can no longer log in, and a session it still holds open can no longer
    write (``sql/009_retired_counters.sql``). ``office counters`` and the report name the
    relation; its days without a Laporan Z stay unsealed."""
    with conn.transaction():
        found = conn.execute("SELECT role_name, retired_at IS NOT NULL FROM office.counter WHERE counter_id = %s"
                             " FOR UPDATE", (counter_id,)).fetchone()
        if found is None:
            raise CounterRetired(f"{counter_id} is not a registered counter: check the id (office counters lists"
                                 f" them)")
        if replaced_by is not None:
            replacement = conn.execute("SELECT retired_at IS NOT NULL FROM office.counter WHERE counter_id = %s",
                                       (replaced_by,)).fetchone()
            if replacement is None or replacement[0] or replaced_by == counter_id:
                raise CounterRetired(f"{replaced_by} is not a counter in service: register it first (add-counter)",
                                     replaced_by)
        conn.execute("UPDATE office.counter SET retired_at = coalesce(retired_at, now()),"
                     " replaced_by = coalesce(%s, replaced_by) WHERE counter_id = %s", (replaced_by, counter_id))
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(found[0])))


READER_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class NotAReader(ValueError):
    """A reading login the office refuses to make: a bad name, or a counter's own login."""


def add_reader(conn: psycopg.Connection[Any], role: str, password: str) -> str:
    """Create (or give a new password to) a login that reads the whole office and writes
    nothing: a member of ``loket_office_reader`` (SELECT on the office's tables, every row;
    ``sql/008_reader_checks.sql`` lets it recompute the hashes ``office verify`` checks).

    For whoever makes the consolidated report and reads the alerts, so that it is not done
    with the owner's login, which can change what the counters sent. A counter's login is
    refused: it would then read every other counter's customers."""
    if not READER_ROLE.match(role):
        raise NotAReader("a reading login's name is 1-63 lower-case letters, digits or '_', not starting with a"
                         " digit: give one so")
    with conn.transaction():
        found = conn.execute("SELECT pg_has_role(%s, 'loket_counter', 'MEMBER'), rolsuper FROM pg_roles"
                             " WHERE rolname = %s", (role, role)).fetchone()
        if found and (found[0] or found[1]):
            raise NotAReader(f"{role} is a counter's login or a superuser, not a reading login: give another name")
        verb = "ALTER" if found else "CREATE"
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(password)))
        conn.execute(sql.SQL("GRANT loket_office_reader TO {}").format(sql.Identifier(role)))
    return role
