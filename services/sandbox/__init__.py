"""Simulated bank hosts that speak the documents' wire format.

Each host is a ``SimulatedHost``: a pure function of (request, its own state) to a
response, with a ledger of what it actually processed and a fault plan. It is reached
in-process through ``SandboxTransport`` (an httpx transport) or over a real loopback
socket through ``serve`` / ``python -m services.sandbox``. Nothing here ever binds or
connects to anything but 127.0.0.1.
"""

from services.sandbox.base import Fault, FaultPlan, Request, Response, SimulatedHost
from services.sandbox.transport import SandboxTransport

__all__ = ["Fault", "FaultPlan", "Request", "Response", "SimulatedHost", "SandboxTransport", "make_host", "HOSTS"]


def _bankplus():
    from services.sandbox.bankplus import BankPlusSandbox

    return BankPlusSandbox


# Host name -> factory; each later host (switcher, keagenan, doku, bca) registers here.
HOSTS = {"bankplus": _bankplus}


def make_host(name: str, **kwargs):
    try:
        factory = HOSTS[name]()
    except KeyError:
        raise ValueError(f"unknown sandbox host {name!r}; known: {', '.join(sorted(HOSTS))}") from None
    return factory(**kwargs)
