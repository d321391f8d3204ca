"""The screen registry: a screen module registers itself; the shell only reads the list.

A screen module declares, at import time::

    @register("deposit", group="Perbankan", title="Setor Tunai", order=10)
    def _make(services: ScreenServices) -> Screen:
        return DepositScreen(services.banking, services.worker, services.errors, services.ask_pin)

and is named once in ``ui.screens.SCREEN_MODULES``. The factory receives the services it
needs (constructor injection); no screen looks anything up through ``QApplication``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from services.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ui.screens.base import Screen
    from ui.services import ScreenServices

GROUPS = (QT_TRANSLATE_NOOP("groups", "Beranda"), QT_TRANSLATE_NOOP("groups", "Perbankan"), QT_TRANSLATE_NOOP("groups", "Tagihan"), QT_TRANSLATE_NOOP("groups", "Pembelian"), QT_TRANSLATE_NOOP("groups", "Riwayat"), QT_TRANSLATE_NOOP("groups", "Laporan"), QT_TRANSLATE_NOOP("groups", "Pengaturan"))


@dataclass(frozen=True)
class ScreenEntry:
    id: str
    group: str
    title: str
    factory: "Callable[[ScreenServices], Screen]"
    order: int = 100


_ENTRIES: dict[str, ScreenEntry] = {}


def register(screen_id: str, *, group: str, title: str, order: int = 100):
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}; one of {GROUPS}")

    def decorate(factory: "Callable[[ScreenServices], Screen]"):
        _ENTRIES[screen_id] = ScreenEntry(screen_id, group, title, factory, order)
        return factory

    return decorate


def entries() -> list[ScreenEntry]:
    """Registered screens in sidebar order: by group, then ``order``, then title."""
    return sorted(_ENTRIES.values(), key=lambda e: (GROUPS.index(e.group), e.order, e.title))


def entry(screen_id: str) -> ScreenEntry:
    return _ENTRIES[screen_id]
