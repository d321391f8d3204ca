"""Journals as an earlier Loket wrote them: for the tests of a migration."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pytest

from services.journal import schema


@contextmanager
def schema_before(migration: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A journal opened inside is made and written with the schema before ``migration`` (one
    of ``schema.MIGRATIONS``); opened again after, it is migrated as at a kiosk's update."""
    step = schema.MIGRATIONS.index(migration)
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:step])
        old.setattr(schema, "SCHEMA_VERSION", step)
        yield
