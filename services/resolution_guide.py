"""Whom to call about an uncertain transaction, what to ask, what to write down, per host.

An agent at the counter has no host report to read: what the agent can learn is what the
bank's call center (or the partner's operator) says on the telephone. So the guide names
the number to call, the question to ask (the reference, the customer, the amount and the
time, which the call center looks up), and what to write down: the officer's name and the
time of the call; the host's journal number only if the officer gives one.

The numbers are deployment data: each host's ``call_center`` in Koneksi Host
(``settings.json`` ``hosts.<name>.call_center``). Without one, the sandbox shows a number
that is plainly not real (so a trainee never dials a bank with a practice question), and a
live counter is told to ask its partner office for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from services.i18n import QT_TRANSLATE_NOOP

# host -> whom to call (the office that can see the transaction)
CONTACTS = {
    "bankplus": QT_TRANSLATE_NOOP("resolution_guide", "Call center Bank+ (layanan agen)"),
    "keagenan": QT_TRANSLATE_NOOP("resolution_guide", "Call center BNI (layanan agen BNI Keagenan)"),
    "switcher": QT_TRANSLATE_NOOP("resolution_guide", "Operator Bank+ Switcher (mitra transfer antar bank)"),
    "doku": QT_TRANSLATE_NOOP("resolution_guide", "Layanan mitra DOKU (BNI Virtual Account)"),
    "bca": QT_TRANSLATE_NOOP("resolution_guide", "Halo BCA (layanan mitra BCA)"),
}
OTHER_CONTACT = QT_TRANSLATE_NOOP("resolution_guide", "Call center bank penyelenggara")
SANDBOX_NUMBER = QT_TRANSLATE_NOOP("resolution_guide", "0000-000-000 (nomor fiktif, latihan sandbox)")
NO_NUMBER = QT_TRANSLATE_NOOP("resolution_guide", "nomor belum diatur: minta ke kantor mitra, lalu isi di Koneksi Host")
# What to ask: the call center finds a transaction by these.
ASK = {
    "doku": QT_TRANSLATE_NOOP("resolution_guide", "Tanyakan apakah Virtual Account untuk pelanggan ini sudah dibuat. "
                                                  "Sebutkan nomor referensi, nama pelanggan, nominal dan jamnya."),
    "switcher": QT_TRANSLATE_NOOP("resolution_guide", "Tanyakan apakah transfer ini BERHASIL atau GAGAL. Sebutkan "
                                                      "nomor referensi, rekening tujuan, nominal dan jamnya. Bila "
                                                      "operator menyebut transfer sudah direversal, catat GAGAL: "
                                                      "dananya sudah kembali."),
}
ASK_DEFAULT = QT_TRANSLATE_NOOP("resolution_guide", "Tanyakan apakah transaksi ini BERHASIL atau GAGAL di bank. "
                                                    "Sebutkan nomor referensi, rekening/ID pelanggan, nominal dan "
                                                    "jam transaksi.")
WRITE_DOWN = QT_TRANSLATE_NOOP("resolution_guide", "Catat nama petugas yang menjawab dan jam telepon. Nomor jurnal "
                                                   "host dicatat bila petugas menyebutkannya.")


@dataclass(frozen=True)
class HostGuide:
    """What the agent does about an uncertain transaction of one host. The texts are
    Indonesian source strings (context ``resolution_guide``); ``phone`` is data, except the
    two notes above, which are translatable too."""

    host: str
    contact: str
    phone: str
    ask: str
    write_down: str = WRITE_DOWN

    def who(self) -> str:
        """"Call center Bank+ (layanan agen), 0000-000-000 (…)": the name and the number,
        as the resolution's evidence names them."""
        return f"{self.contact}, {self.phone}"


class ResolutionGuides:
    """The guide of each host, built once from the settings (``settings["hosts"]``)."""

    def __init__(self, hosts: Mapping[str, Any] | None, *, sandbox: bool) -> None:
        self._numbers = {name: str((values or {}).get("call_center", "") or "").strip()
                         for name, values in (hosts or {}).items() if isinstance(values, Mapping)}
        self.sandbox = sandbox

    def for_host(self, host: str) -> HostGuide:
        phone = self._numbers.get(host) or (SANDBOX_NUMBER if self.sandbox else NO_NUMBER)
        return HostGuide(host, CONTACTS.get(host, OTHER_CONTACT), phone, ASK.get(host, ASK_DEFAULT))
