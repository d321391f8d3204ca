"""The screen registry: a screen module registers itself; the shell only reads the list.

A screen module declares, at import time::

    @register("deposit", group="banking", title="Setor Tunai", order=10)
    def _make(services: ScreenServices) -> Screen:
        return DepositScreen(services.banking, services.worker, services.errors, services.ask_pin)

and is named once in ``ui.screens.SCREEN_MODULES``. The factory receives the services it
needs (constructor injection); no screen looks anything up through ``QApplication``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from services.i18n import QT_TRANSLATE_NOOP
from services.product_groups import BANKING, BILLS, PURCHASES
from services.product_groups import LABELS as PRODUCT_GROUP_LABELS

if TYPE_CHECKING:
    from ui.screens.base import Screen
    from ui.services import ScreenServices

# The sidebar's groups, in order: identifiers (the product groups are the journal's, in
# services.product_groups), each shown by its label, translated in context "groups".
HOME, HISTORY, REPORTS, SETTINGS = "home", "history", "reports", "settings"
GROUPS = (HOME, BANKING, BILLS, PURCHASES, HISTORY, REPORTS, SETTINGS)
LABELS = {
    HOME: QT_TRANSLATE_NOOP("groups", "Beranda"),
    **PRODUCT_GROUP_LABELS,
    HISTORY: QT_TRANSLATE_NOOP("groups", "Riwayat"),
    REPORTS: QT_TRANSLATE_NOOP("groups", "Laporan"),
    SETTINGS: QT_TRANSLATE_NOOP("groups", "Pengaturan"),
}


def group_label(group: str) -> str:
    """The Indonesian label of a sidebar group (translate it with context "groups")."""
    return LABELS[group]


@dataclass(frozen=True)
class ScreenEntry:
    id: str
    group: str
    title: str
    factory: "Callable[[ScreenServices], Screen]"
    order: int = 100
    # More words the palette finds the screen by: what is on it, when its title names
    # something else ("PIN cepat" is on Keamanan)
    aliases: tuple[str, ...] = ()


_ENTRIES: dict[str, ScreenEntry] = {}


def register(screen_id: str, *, group: str, title: str, order: int = 100, aliases: tuple[str, ...] = ()):
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}; one of {GROUPS}")

    def decorate(factory: "Callable[[ScreenServices], Screen]"):
        _ENTRIES[screen_id] = ScreenEntry(screen_id, group, title, factory, order, aliases)
        return factory

    return decorate


def entries() -> list[ScreenEntry]:
    """Registered screens in sidebar order: by group, then ``order``, then title."""
    return sorted(_ENTRIES.values(), key=lambda e: (GROUPS.index(e.group), e.order, e.title))


def entry(screen_id: str) -> ScreenEntry:
    return _ENTRIES[screen_id]
