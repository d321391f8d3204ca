"""A throwaway PostgreSQL for the office tests: started once per test session by the tests
themselves (``services.office.localpg``: initdb + pg_ctl in a temporary folder, a free port
on 127.0.0.1, its socket in that folder), stopped at the end. Each test gets a database of
its own with the office schema migrated."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import psycopg
import pytest

from services.office import db
from services.office.localpg import LocalPostgres

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def office_pg():
    server = LocalPostgres(fsync=False)  # a test database need not survive a power cut
    server.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class OfficeDb:
    server: LocalPostgres
    name: str

    @property
    def admin_dsn(self) -> str:
        return self.server.admin_conninfo(self.name)

    def admin(self, **kwargs: Any) -> psycopg.Connection[Any]:
        return psycopg.connect(self.admin_dsn, autocommit=True, **kwargs)

    def add_counter(self, counter_id: str, password: str | None = None, name: str = "") -> str:
        with self.admin() as conn:
            return db.add_counter(conn, counter_id, password or f"pw-{counter_id}", name)

    def counter_dsn(self, counter_id: str, password: str | None = None) -> str:
        return self.server.tcp_conninfo(db.role_name(counter_id), password or f"pw-{counter_id}", self.name)

    def connector(self, counter_id: str) -> Callable[[], psycopg.Connection[Any]]:
        dsn = self.counter_dsn(counter_id)
        return lambda: psycopg.connect(dsn, connect_timeout=10)

    def env(self) -> dict[str, str]:
        return {**os.environ, "LOKET_OFFICE_DSN": self.admin_dsn}


def fresh_office(server: LocalPostgres, upto: int | None = None) -> Iterator[OfficeDb]:
    """A database of its own, migrated (``upto``: to that version only, as an older Loket
    left it), dropped after the test."""
    name = f"office_t{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(server.admin_conninfo(name), autocommit=True) as conn:
        db.migrate(conn, upto=upto)
    yield OfficeDb(server, name)
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def office_db(office_pg):
    yield from fresh_office(office_pg)
