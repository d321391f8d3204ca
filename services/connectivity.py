"""Is each host reachable? The cheap checks behind the header's "BNI: terhubung" and the
"Cek koneksi" button of Pengaturan > Koneksi Host.

Only hosts with a check that moves no money and costs nothing are asked:

* BNI Keagenan: PING (``{"typereq": "ping"}``, section 1 of its document: "start-up and
  Settings"), through the same token and X-Auth as a payment, so a wrong secret shows here;
* Bank+: the agent balance, a read-only call the Beranda already makes, possible only while
  logged in (the Koneksi Host screen is behind the login).

Decisions:
* A check never raises: every failure becomes a ``HostCheck`` the screen words. A host
  that answered but refused (wrong credentials, PING status false) is ``answered`` but not
  ``ok``; a transport failure (no connection, 5xx, unreadable answer) is neither.
* The SNAP hosts (DOKU, BCA) and the Bank+ Switcher have no such call: a token request or
  a status query is not free of side effects on the bank's side, so they are not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from services.errors import HostRejected, LoketError, NotSent, TransportError
from services.i18n import QT_TRANSLATE_NOOP, templated

if TYPE_CHECKING:
    from services.hosts.bankplus.service import BankingService
    from services.hosts.keagenan.service import BillPayService

KEAGENAN = "keagenan"
BANKPLUS = "bankplus"


@dataclass(frozen=True)
class HostCheck:
    host: str  # the host's settings name: "keagenan", "bankplus"
    ok: bool
    answered: bool  # the host answered at all (False: no connection, 5xx, unreadable)
    detail: str = ""  # the host's own words on success (PING: "Access from … at …")
    error: LoketError | None = None  # why not ok, with an Indonesian message


def _unreachable(exc: TransportError) -> TransportError:
    """The transport's own messages speak of a transaction ("JANGAN ulangi"); a check moved
    nothing, so it says only what failed."""
    if isinstance(exc, NotSent):
        message = templated(QT_TRANSLATE_NOOP("errors", "Tidak dapat terhubung ke host. Periksa koneksi internet "
                                                        "dan alamat host. ({detail})"), detail=exc.detail)
    else:
        message = templated(QT_TRANSLATE_NOOP("errors", "Host tidak menjawab dengan benar ({detail}). Coba lagi "
                                                        "sebentar; bila berulang, hubungi helpdesk."),
                            detail=exc.detail)
    return TransportError(message, host=exc.host, detail=exc.detail)


def _checked(host: str, call: Callable[[], str]) -> HostCheck:
    try:
        return HostCheck(host, True, True, call())
    except HostRejected as exc:
        return HostCheck(host, False, True, error=exc)
    except TransportError as exc:
        return HostCheck(host, False, False, error=_unreachable(exc))
    except LoketError as exc:  # e.g. a configuration problem: nothing was asked
        return HostCheck(host, False, False, error=exc)


def ping_keagenan(billpay: "BillPayService") -> HostCheck:
    """PING the BNI Keagenan host (fetching a token first when none is cached)."""

    def ping() -> str:
        result = billpay.client.ping()
        if not result.ok:
            raise HostRejected(
                templated(QT_TRANSLATE_NOOP("errors", "Host BNI menolak pemeriksaan koneksi: {detail}"),
                          detail=result.message or "status false"),
                host=KEAGENAN, code="PING", host_message=result.message)
        return result.message

    return _checked(KEAGENAN, ping)


def check_bankplus(banking: "BankingService") -> HostCheck:
    """Read the agent balance: Bank+ answers only with a live session."""

    def balance() -> str:
        banking.agent_balance()  # the figure itself is the Beranda's business
        return ""

    return _checked(BANKPLUS, balance)


def check_hosts(banking: "BankingService | None", billpay: "BillPayService | None") -> list[HostCheck]:
    """Every host that has a cheap check and is configured, one after another."""
    checks = []
    if banking is not None:
        checks.append(check_bankplus(banking))
    if billpay is not None:
        checks.append(ping_keagenan(billpay))
    return checks
