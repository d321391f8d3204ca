"""Simulated bank hosts that speak the documents' wire format.

Each host is a ``SimulatedHost``: a pure function of (request, its own state) to a
response, with a ledger of what it actually processed and a fault plan. It is reached
in-process through ``SandboxTransport`` (an httpx transport) or over a real loopback
socket through ``SandboxServer`` / ``python -m services.sandbox``. Nothing here ever binds or
connects to anything but 127.0.0.1.
"""

import importlib

from services.hosts import registry
from services.sandbox.base import Fault, FaultPlan, Request, Response, SimulatedHost
from services.sandbox.transport import SandboxTransport

__all__ = ["Fault", "FaultPlan", "Request", "Response", "SimulatedHost", "SandboxTransport", "make_host", "HOSTS"]


# Host name -> "module:Class", from each host's registry entry. Imported on demand so the
# app loads only the hosts it uses.
HOSTS = {host.name: host.sandbox for host in registry.HOSTS}


def make_host(name: str, **kwargs):
    try:
        module_name, class_name = HOSTS[name].split(":")
    except KeyError:
        raise ValueError(f"unknown sandbox host {name!r}; known: {', '.join(sorted(HOSTS))}") from None
    return getattr(importlib.import_module(module_name), class_name)(**kwargs)
