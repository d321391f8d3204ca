"""The labels of the bill and purchase catalogue (``services.products``), marked for
translation: the catalogue is plain Python and writes them in Indonesian; the screens show
them through ``label_text`` in the agent's language. ``tests/unit/test_catalogue_labels.py``
checks that every label the catalogue uses is here; ``RECEIPT_LINES`` are the other
receipts' lines, which the result screen shows as printed. The context is "receipt", the one the
result screen already translates a receipt's lines in.
"""

from __future__ import annotations

import re

from services.formats import MONTHS
from services.i18n import QT_TRANSLATE_NOOP
from ui.i18n import translate

LABELS = (
    QT_TRANSLATE_NOOP("receipt", "Angsuran"),
    QT_TRANSLATE_NOOP("receipt", "Angsuran ke"),
    QT_TRANSLATE_NOOP("receipt", "Bank"),
    QT_TRANSLATE_NOOP("receipt", "Bank penerbit"),
    QT_TRANSLATE_NOOP("receipt", "Berangkat"),
    QT_TRANSLATE_NOOP("receipt", "Berlaku s.d."),
    QT_TRANSLATE_NOOP("receipt", "Biaya keterlambatan"),
    QT_TRANSLATE_NOOP("receipt", "Bl/Th"),
    QT_TRANSLATE_NOOP("receipt", "Bukti bayar"),
    QT_TRANSLATE_NOOP("receipt", "Cabang"),
    QT_TRANSLATE_NOOP("receipt", "Dari"),
    QT_TRANSLATE_NOOP("receipt", "Denda"),
    QT_TRANSLATE_NOOP("receipt", "Frekuensi"),
    QT_TRANSLATE_NOOP("receipt", "ID pelanggan"),
    QT_TRANSLATE_NOOP("receipt", "Info"),
    QT_TRANSLATE_NOOP("receipt", "Jam"),
    QT_TRANSLATE_NOOP("receipt", "Jatuh tempo"),
    QT_TRANSLATE_NOOP("receipt", "Jenis"),
    QT_TRANSLATE_NOOP("receipt", "Jenis kepesertaan"),
    QT_TRANSLATE_NOOP("receipt", "Jenis pembayaran"),
    QT_TRANSLATE_NOOP("receipt", "JHT"),
    QT_TRANSLATE_NOOP("receipt", "JKK"),
    QT_TRANSLATE_NOOP("receipt", "JKM"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah bulan"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah bulan dibayar"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah penerbangan"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah peserta"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah tagihan"),
    QT_TRANSLATE_NOOP("receipt", "Ke"),
    QT_TRANSLATE_NOOP("receipt", "Kelas"),
    QT_TRANSLATE_NOOP("receipt", "Kereta"),
    QT_TRANSLATE_NOOP("receipt", "Kode area"),
    QT_TRANSLATE_NOOP("receipt", "Kode bayar"),
    QT_TRANSLATE_NOOP("receipt", "Kode bayar / booking"),
    QT_TRANSLATE_NOOP("receipt", "Kode booking"),
    QT_TRANSLATE_NOOP("receipt", "Kode iuran"),
    QT_TRANSLATE_NOOP("receipt", "Kode PNR"),
    QT_TRANSLATE_NOOP("receipt", "Kursi"),
    QT_TRANSLATE_NOOP("receipt", "Lain-lain"),
    QT_TRANSLATE_NOOP("receipt", "Lembaga"),
    QT_TRANSLATE_NOOP("receipt", "Lembaga dan jenis"),
    QT_TRANSLATE_NOOP("receipt", "Maksimal"),
    QT_TRANSLATE_NOOP("receipt", "Maskapai"),
    QT_TRANSLATE_NOOP("receipt", "Mata uang"),
    QT_TRANSLATE_NOOP("receipt", "Minimal"),
    QT_TRANSLATE_NOOP("receipt", "Nama"),
    QT_TRANSLATE_NOOP("receipt", "No. HP"),
    QT_TRANSLATE_NOOP("receipt", "No. kartu"),
    QT_TRANSLATE_NOOP("receipt", "No. kontrak"),
    QT_TRANSLATE_NOOP("receipt", "No. pelanggan"),
    QT_TRANSLATE_NOOP("receipt", "No. peserta"),
    QT_TRANSLATE_NOOP("receipt", "No. pinjaman"),
    QT_TRANSLATE_NOOP("receipt", "No. polis"),
    QT_TRANSLATE_NOOP("receipt", "No. polisi"),
    QT_TRANSLATE_NOOP("receipt", "No. registrasi"),
    QT_TRANSLATE_NOOP("receipt", "No. SPAJ"),
    QT_TRANSLATE_NOOP("receipt", "No. tagihan"),
    QT_TRANSLATE_NOOP("receipt", "No. telepon"),
    QT_TRANSLATE_NOOP("receipt", "No. VA"),
    QT_TRANSLATE_NOOP("receipt", "Nominal bayar"),
    QT_TRANSLATE_NOOP("receipt", "Nomor HP"),
    QT_TRANSLATE_NOOP("receipt", "Nomor kartu"),
    QT_TRANSLATE_NOOP("receipt", "Nomor kontrak"),
    QT_TRANSLATE_NOOP("receipt", "Nomor pelanggan"),
    QT_TRANSLATE_NOOP("receipt", "Nomor peserta / kode iuran"),
    QT_TRANSLATE_NOOP("receipt", "Nomor pinjaman"),
    QT_TRANSLATE_NOOP("receipt", "Nomor polis"),
    QT_TRANSLATE_NOOP("receipt", "Nomor registrasi"),
    QT_TRANSLATE_NOOP("receipt", "Nomor SPAJ / polis"),
    QT_TRANSLATE_NOOP("receipt", "Nomor SPAJ / tagihan"),
    QT_TRANSLATE_NOOP("receipt", "Nomor telepon"),
    QT_TRANSLATE_NOOP("receipt", "Nomor VA / peserta"),
    QT_TRANSLATE_NOOP("receipt", "Operator"),
    QT_TRANSLATE_NOOP("receipt", "PDAM"),
    QT_TRANSLATE_NOOP("receipt", "Pemakaian (m3)"),
    QT_TRANSLATE_NOOP("receipt", "Pembayaran minimum"),
    QT_TRANSLATE_NOOP("receipt", "Pembiayaan"),
    QT_TRANSLATE_NOOP("receipt", "Penerbangan 1"),
    QT_TRANSLATE_NOOP("receipt", "Penerbangan 2"),
    QT_TRANSLATE_NOOP("receipt", "Penerbangan 3"),
    QT_TRANSLATE_NOOP("receipt", "Penumpang"),
    QT_TRANSLATE_NOOP("receipt", "Periode"),
    QT_TRANSLATE_NOOP("receipt", "Periode layanan"),
    QT_TRANSLATE_NOOP("receipt", "Periode premi"),
    QT_TRANSLATE_NOOP("receipt", "Perusahaan air (PDAM)"),
    QT_TRANSLATE_NOOP("receipt", "PNR"),
    QT_TRANSLATE_NOOP("receipt", "Premi"),
    QT_TRANSLATE_NOOP("receipt", "Premi 1"),
    QT_TRANSLATE_NOOP("receipt", "Premi 2"),
    QT_TRANSLATE_NOOP("receipt", "Premi 3"),
    QT_TRANSLATE_NOOP("receipt", "Produk"),
    QT_TRANSLATE_NOOP("receipt", "Produk 1"),
    QT_TRANSLATE_NOOP("receipt", "Produk 2"),
    QT_TRANSLATE_NOOP("receipt", "Produk 3"),
    QT_TRANSLATE_NOOP("receipt", "Program"),
    QT_TRANSLATE_NOOP("receipt", "Ref."),
    QT_TRANSLATE_NOOP("receipt", "Ref. biller"),
    QT_TRANSLATE_NOOP("receipt", "Ref. PLN"),
    QT_TRANSLATE_NOOP("receipt", "Ref. tagihan"),
    QT_TRANSLATE_NOOP("receipt", "Ref. tagihan 1"),
    QT_TRANSLATE_NOOP("receipt", "Ref. tagihan 2"),
    QT_TRANSLATE_NOOP("receipt", "Ref. tagihan 3"),
    QT_TRANSLATE_NOOP("receipt", "Stand meter"),
    QT_TRANSLATE_NOOP("receipt", "Status polis"),
    QT_TRANSLATE_NOOP("receipt", "Tagihan"),
    QT_TRANSLATE_NOOP("receipt", "Tagihan 1"),
    QT_TRANSLATE_NOOP("receipt", "Tagihan 2"),
    QT_TRANSLATE_NOOP("receipt", "Tagihan 3"),
    QT_TRANSLATE_NOOP("receipt", "Tagihan terakhir"),
    QT_TRANSLATE_NOOP("receipt", "Tahun"),
    QT_TRANSLATE_NOOP("receipt", "Tanggal cetak"),
    QT_TRANSLATE_NOOP("receipt", "Tarif/daya"),
    QT_TRANSLATE_NOOP("receipt", "Tgl. registrasi"),
    QT_TRANSLATE_NOOP("receipt", "Transaksi"),
)

# the lines of the other receipts (services/receipts/products.py) the result screen repeats
RECEIPT_LINES = (
    QT_TRANSLATE_NOOP("receipt", "Bank Tujuan"),
    QT_TRANSLATE_NOOP("receipt", "Berita"),
    QT_TRANSLATE_NOOP("receipt", "Berlaku sampai"),
    QT_TRANSLATE_NOOP("receipt", "Biaya loket (di luar total)"),
    QT_TRANSLATE_NOOP("receipt", "Cara bayar"),
    QT_TRANSLATE_NOOP("receipt", "ID Transaksi"),
    QT_TRANSLATE_NOOP("receipt", "Jenis VA"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah Dikembalikan"),
    QT_TRANSLATE_NOOP("receipt", "Jumlah Setor"),
    QT_TRANSLATE_NOOP("receipt", "Jurnal keuangan"),
    QT_TRANSLATE_NOOP("receipt", "Kode Bank"),
    QT_TRANSLATE_NOOP("receipt", "Nama Nasabah"),
    QT_TRANSLATE_NOOP("receipt", "Nama Penerima"),
    QT_TRANSLATE_NOOP("receipt", "NIK"),
    QT_TRANSLATE_NOOP("receipt", "No. Jurnal"),
    QT_TRANSLATE_NOOP("receipt", "No. Jurnal Asal"),
    QT_TRANSLATE_NOOP("receipt", "No. Pelanggan"),
    QT_TRANSLATE_NOOP("receipt", "No. Ref. BCA"),
    QT_TRANSLATE_NOOP("receipt", "No. Rek. Baru"),
    QT_TRANSLATE_NOOP("receipt", "No. Rekening"),
    QT_TRANSLATE_NOOP("receipt", "Ref. Asal"),
    QT_TRANSLATE_NOOP("receipt", "Rek. Tujuan"),
    QT_TRANSLATE_NOOP("receipt", "Saldo"),
    QT_TRANSLATE_NOOP("receipt", "Status BCA"),
    QT_TRANSLATE_NOOP("receipt", "Dana kembali"),  # a BCA transfer sent back (04 Refunded)
    QT_TRANSLATE_NOOP("receipt", "Dilaporkan"),
    # a created virtual account's (services/hosts/doku/receipt.py)
    QT_TRANSLATE_NOOP("receipt", "Bayar tepat"),
    QT_TRANSLATE_NOOP("receipt", "Bayar di"),
    QT_TRANSLATE_NOOP("receipt", "Menu BNI"),
    QT_TRANSLATE_NOOP("receipt", "Dari bank lain"),
    QT_TRANSLATE_NOOP("receipt", "Petunjuk"),
)
# The values those receipts write in words, not taken from a host (a VA's kind and how it is
# paid): the result screen shows them in the agent's language, the paper keeps them as written.
RECEIPT_VALUES = (
    QT_TRANSLATE_NOOP("receipt", "Tertutup (nominal tetap)"),
    QT_TRANSLATE_NOOP("receipt", "Terbuka (nominal bebas)"),
    QT_TRANSLATE_NOOP("receipt", "Bebas"),
    QT_TRANSLATE_NOOP("receipt", "tidak disebut"),  # a refund whose amount BCA's answer leaves out
    QT_TRANSLATE_NOOP("receipt", "ATM, m-banking, teller BNI"),
    QT_TRANSLATE_NOOP("receipt", "transfer ke nomor VA, bank BNI (009)"),
)


# What the catalogue offers to choose and says under a box, in words (the providers' and
# banks' own names stay as they are): marked like the labels, shown through ``label_text``.
# ``tests/ui/test_english_at_1024.py`` holds them to the catalogue.
CHOICE_LABELS = (
    QT_TRANSLATE_NOOP("receipt", "Bukan Penerima Upah (BPU)"),
    QT_TRANSLATE_NOOP("receipt", "Tenaga Kerja Indonesia (TKI)"),
    QT_TRANSLATE_NOOP("receipt", "Premi pertama"),
    QT_TRANSLATE_NOOP("receipt", "Premi lanjutan"),
    QT_TRANSLATE_NOOP("receipt", "Pinjaman polis"),
    QT_TRANSLATE_NOOP("receipt", "Top up premi"),
    QT_TRANSLATE_NOOP("receipt", "Cetak ulang polis"),
    QT_TRANSLATE_NOOP("receipt", "Biaya pemulihan polis"),
)
HINTS = (
    QT_TRANSLATE_NOOP("receipt", "contoh 021"),
    QT_TRANSLATE_NOOP("receipt", "kosongkan untuk premi lanjutan dan cetak ulang polis"),
)


def label_text(label: str) -> str:
    return translate("receipt", label)


def value_text(value: str) -> str:
    """A receipt line's value in the agent's language when it is one of ``RECEIPT_VALUES``;
    anything else (a name, a number, what a host sent) as it is."""
    return translate("receipt", value) if value in RECEIPT_VALUES else value


# services.formats writes a period's and a date's months the Indonesian way ("Mei 2016",
# "08 Des 2011"); the English screen says "May 2016", "08 Dec 2011". The receipt stays
# Indonesian, like every printed line.
MONTH_NAMES = (  # tests/unit/test_catalogue_labels.py holds them to MONTHS
    QT_TRANSLATE_NOOP("months", "Jan"), QT_TRANSLATE_NOOP("months", "Feb"), QT_TRANSLATE_NOOP("months", "Mar"),
    QT_TRANSLATE_NOOP("months", "Apr"), QT_TRANSLATE_NOOP("months", "Mei"), QT_TRANSLATE_NOOP("months", "Jun"),
    QT_TRANSLATE_NOOP("months", "Jul"), QT_TRANSLATE_NOOP("months", "Agu"), QT_TRANSLATE_NOOP("months", "Sep"),
    QT_TRANSLATE_NOOP("months", "Okt"), QT_TRANSLATE_NOOP("months", "Nov"), QT_TRANSLATE_NOOP("months", "Des"),
)
_FORMATTED_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{4})\b")


def period_text(value: str) -> str:
    """A period or a date as ``services.formats`` wrote it ("Mei 2016, Agu 2016", "08 Des
    2011"), its month names in the agent's language; one the host wrote another way stays
    as sent."""
    return _FORMATTED_MONTH.sub(lambda match: f"{translate('months', match.group(1))} {match.group(2)}", value)
