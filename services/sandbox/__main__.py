"""``python -m services.sandbox --host NAME --port N``: serve a simulated host on 127.0.0.1.

``--print-credentials`` prints, as JSON, what a client needs to talk to it.
``--ledger FILE`` appends every state change the host makes (JSON lines).
``--fault-rate R`` injects random faults into that share of requests; ``--faults`` names
which (default: the network's: delay, lost, drop, 5xx, malformed; also: replayed, foreign,
duplicated, too_late, malfunction, code_number, code_space, trickle, huge, negative,
inconsistent, grouped, twice, refuse). ``--trickle-seconds`` paces a trickling answer.
"""

from __future__ import annotations

import argparse
import json
import sys

from services.sandbox import HOSTS, make_host
from services.sandbox.base import Fault, FaultPlan
from services.sandbox.server import SandboxServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.sandbox", description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True, choices=sorted(HOSTS))
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--print-credentials", action="store_true")
    parser.add_argument("--ledger", help="append the host's processed operations to this JSON-lines file")
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--faults", default="", help="comma-separated fault names for --fault-rate")
    parser.add_argument("--trickle-seconds", type=float, default=5.0)
    parser.add_argument("--public-key", help="partner public key (PEM) for hosts that verify RSA signatures")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    try:
        kinds = tuple(Fault(name.strip()) for name in args.faults.split(",") if name.strip())
    except ValueError as exc:
        parser.error(f"{exc}; known: {', '.join(f.value for f in Fault)}")
    plan = FaultPlan(rate=args.fault_rate, seed=args.seed, kinds=kinds, trickle_seconds=args.trickle_seconds)
    kwargs = {"faults": plan, "ledger_path": args.ledger}
    if args.public_key:
        kwargs["public_key_path"] = args.public_key
    host = make_host(args.host, **kwargs)
    if args.print_credentials:
        json.dump(host.credentials(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    server = SandboxServer(host, args.port, verbose=args.verbose)
    print(f"sandbox {args.host} on {server.base_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
