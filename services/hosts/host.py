"""What a host package declares, so the composition root can build every host in one loop.

Each host package (``services/hosts/<name>/``) has a ``host.py`` with one ``Host``: its
settings schema (Pengaturan > Koneksi Host), its simulated host, the paths the sandbox
routes to it, and ``build``, which turns a ``Wiring`` into the service its screens call (or
None when the host is not configured: the screens say so). ``services.hosts.registry``
lists them; ``app.context`` loops over that list and knows no host by name but Bank+, the
login host every other host's journal rows name as operator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:
    from pathlib import Path

    import httpx

    from services.bank_time import BankTime
    from services.clock import Clock
    from services.hosts.snap.keys import PartnerKeys
    from services.journal import Journal
    from services.limits import Limits
    from services.resolution import SuspectResolver


@dataclass(frozen=True)
class HostSpec:
    """A host's fields in Pengaturan > Koneksi Host and in ``settings.json`` ``hosts.<name>``."""

    name: str
    title: str
    fields: tuple[tuple[str, str], ...]  # (settings key, label)
    secrets: tuple[tuple[str, str], ...] = ()  # (secret name, label); stored as "<name>.<secret>"
    defaults: tuple[tuple[str, str], ...] = ()
    # settings key -> check of a typed value: None when fine, else the agent's words
    checks: tuple[tuple[str, Callable[[str], str | None]], ...] = ()
    long_fields: tuple[tuple[str, int], ...] = ()  # (settings key, most characters) above the usual 200


@dataclass(frozen=True)
class Wiring:
    """What ``app.context`` hands a host's ``build``."""

    settings: Mapping[str, Any]  # the whole settings.json (limits, network ...)
    folder: "Path"  # the mode's data folder (``Profile.data_folder``): the sandbox's is its own
    http: "httpx.Client"  # the sandbox's in-process transport, or verified TLS (its own with its CA file)
    base_url: str
    issued: Mapping[str, Any]  # what the bank issued: settings + secrets, or the sandbox host's
    sandbox: bool
    journal: "Journal"
    clock: "Clock"
    deadline: float | None  # network.deadline_seconds
    operator: Callable[[], str]  # who is logged in, for the journal's actor
    resolver: "SuspectResolver | None"  # settles SUSPECT rows by the host's status check
    keys: "PartnerKeys | None"  # the partner key pair of a host that signs (SNAP)
    # action -> a check of a supervisor PIN with the reason and the subject approved: the
    # approving supervisor's name, or None; each approval recorded under that action, with
    # them (services/dayclose/supervisor.py)
    approver: Callable[[str], Callable[[str, str, str], str | None]]
    limits: "Limits"  # settings.json's limits, parsed once (services/limits.py)
    own_http: Callable[[], "httpx.Client"]  # a client of its own, for a host whose paths sit at the root
    # product id -> the counter's own fee (biaya loket) the supervisor set, for bill hosts
    counter_fees: Callable[[str], int] | None = None
    bank_time: "BankTime | None" = None  # reads each host's time off its answers (services/bank_time.py)


def no_products() -> dict[str, str]:
    return {}


def no_receipts() -> None:
    """A host whose products print with their names alone."""


@dataclass(frozen=True)
class Host:
    name: str  # settings, secrets, journal and sandbox name
    service: str  # the ``HostServices`` field its service goes to
    settings: HostSpec
    sandbox: str  # "module:Class" of its simulated host
    build: Callable[[Wiring], Any]
    # path prefixes the shared sandbox transport sends to it, from its sandbox credentials;
    # None: its paths sit at the root, so it gets a client of its own
    routes: Callable[[Mapping[str, Any]], tuple[str, ...]] | None = None
    signs: bool = False  # a SNAP host: requests are signed with the partner's key pair
    # live: the issued values (settings and secrets) without which it is "not configured"
    required: tuple[str, ...] = ()
    # its document gives a private address over the bank's VPN or leased line: plain http to
    # a private IPv4 address is allowed (services.host_settings.live_url_allowed)
    private_http: bool = False
    # product id -> the name the agent knows it by, for lists and reports (services.product_names)
    product_names: Callable[[], Mapping[str, str]] = no_products
    # registers its products' receipt lines (services.receipts.products.register_product)
    receipts: Callable[[], None] = no_receipts
    # product ids journaled like a transaction whose request only asks: no amount, no fee,
    # nothing created at the host that anyone could pay into (a DOKU VA is not one). One
    # left without a recorded answer (a crash, a disk that refused the outcome) is closed
    # FAILED, not left SUSPECT for a person to settle (``Journal.inquiries``)
    inquiries: frozenset[str] = frozenset()

    def configured(self, issued: Mapping[str, Any]) -> bool:
        return all(issued.get(key) for key in self.required)
