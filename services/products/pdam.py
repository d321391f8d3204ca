"""The PDAM companies, read from a data file an operator can extend without code.

The document's PDAM inquiry needs four values "refer to mapping on Appendix 2.5.2" and its
payment a fifth (the company name), but the appendix is missing (MISS-02). The packaged
``data/pdam_providers.json`` holds the one row its examples give (AETRA); a profile may
carry its own file with more rows, passed to ``load_providers``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

AGGREGATOR = "AGGREGATOR"
NON_AGGREGATOR = "NON_AGGREGATOR"


@dataclass(frozen=True)
class PdamProvider:
    provider_id: str
    provider_name: str
    admin_fee_flag: str
    pdam_type: str
    biller_code: str
    label: str
    aliases: tuple[str, ...] = ()

    def billing_id(self, customer_number: str) -> str:
        """What the inquiry sends as billingId.

        Section 10: for an aggregator PDAM, the last 2 digits of biller_code, then the
        customer number (biller 131001 + 123456 -> "01123456"); otherwise the number as typed.
        """
        if self.pdam_type == AGGREGATOR:
            return self.biller_code[-2:] + customer_number
        return customer_number


def _parse(text: str, origin: str) -> list[PdamProvider]:
    doc = json.loads(text)
    providers = []
    for row in doc["providers"]:
        pdam_type = row["pdam_type"].strip().upper()
        if pdam_type not in (AGGREGATOR, NON_AGGREGATOR):
            raise ValueError(f"{origin}: pdam_type of {row.get('provider_id')!r} must be AGGREGATOR or NON_AGGREGATOR")
        if pdam_type == AGGREGATOR and len(row["biller_code"]) < 2:
            raise ValueError(f"{origin}: aggregator {row['provider_id']!r} needs a biller_code")
        providers.append(PdamProvider(
            provider_id=row["provider_id"].strip(),
            provider_name=row["provider_name"].strip(),
            admin_fee_flag=str(row["admin_fee_flag"]).strip(),
            pdam_type=pdam_type,
            biller_code=str(row.get("biller_code", "")).strip(),
            label=row.get("label") or row["provider_name"],
            aliases=tuple(row.get("aliases", ())),
        ))
    return providers


def load_providers(extra: Path | str | None = None) -> tuple[PdamProvider, ...]:
    """The packaged list, then the rows of ``extra`` (a row with the same provider_id wins)."""
    packaged = resources.files("services.products").joinpath("data/pdam_providers.json").read_text("utf-8")
    rows = {p.provider_id: p for p in _parse(packaged, "pdam_providers.json")}
    if extra is not None and Path(extra).exists():
        rows.update({p.provider_id: p for p in _parse(Path(extra).read_text("utf-8"), str(extra))})
    return tuple(rows.values())
