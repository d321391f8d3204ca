"""Buka Rekening's form as data: its sections and, per field, the editor kind, its width in
the section's four-column grid, the placeholder and the hint. A section's fields fill its
grid in order, left to right and row by row (``cells``); where the form is too narrow for
four columns (1024x768, 1366x768 at 125 %) the same order fills two, or one.
``OpenAccountScreen`` builds the widgets from it, reads them into an ``OpenAccountForm`` and
clears them, so a field is added or moved here, in one line.

A field is named after the ``OpenAccountForm`` attribute (= the ``UserInputError`` field of
``BankingService.validate_open_account``), so a refused value turns its own field red.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.i18n import QT_TRANSLATE_NOOP

# Editor kinds.
LINE = "line"  # free text
DIGITS = "digits"  # ASCII digits only, leading zeros kept
DATE = "date"  # a calendar date
GENDER = "gender"  # one radio button per ``services.banking.GENDERS``
CHOICE = "choice"  # a drop-down, sent by the name picked
RANGE = "range"  # a drop-down of the host's list, sent by the id of the item picked
ZIP = "zip"  # digits, with the "Cari kode pos" lookup beside them
IMAGE = "image"  # a picture file, shown as a thumbnail
MONEY = "money"  # rupiah


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    kind: str
    span: int = 1  # columns of the four-column grid (half as many of two, one of one)
    placeholder: str = ""
    max_len: int = 60
    hint: str = ""
    whole_row: bool = False  # in fewer than four columns, a row of its own (a long address)


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[FormField, ...]
    note: str = ""


SECTIONS = (
    Section(QT_TRANSLATE_NOOP("open_account", "1. Data diri"), (
        FormField("name", QT_TRANSLATE_NOOP("open_account", "Nama lengkap"), LINE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Nama lengkap sesuai KTP")),
        FormField("ktp", QT_TRANSLATE_NOOP("open_account", "NIK (nomor KTP)"), DIGITS, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "16 digit"), max_len=16,
                  hint=QT_TRANSLATE_NOOP("open_account", "16 digit angka, tertera di KTP.")),
        FormField("pob", QT_TRANSLATE_NOOP("open_account", "Tempat lahir"), LINE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: Surabaya"), max_len=40),
        FormField("dob", QT_TRANSLATE_NOOP("open_account", "Tanggal lahir"), DATE, 1,
                  hint=QT_TRANSLATE_NOOP("open_account", "Klik panah untuk kalender.")),
        FormField("gender", QT_TRANSLATE_NOOP("open_account", "Jenis kelamin"), GENDER, 1),
        FormField("status_nikah", QT_TRANSLATE_NOOP("open_account", "Status pernikahan"), CHOICE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Pilih status")),
        FormField("mother_name", QT_TRANSLATE_NOOP("open_account", "Nama ibu kandung"), LINE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Nama gadis ibu kandung"),
                  hint=QT_TRANSLATE_NOOP("open_account",
                                         "Dipakai bank untuk verifikasi; tanyakan langsung kepada nasabah.")),
    )),
    Section(QT_TRANSLATE_NOOP("open_account", "2. Kontak"), (
        FormField("hp", QT_TRANSLATE_NOOP("open_account", "Nomor HP"), DIGITS, 1, placeholder="08xxxxxxxxxx",
                  max_len=13),
        FormField("phone", QT_TRANSLATE_NOOP("open_account", "Telepon rumah (boleh kosong)"), DIGITS, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: 0319909221"), max_len=13,
                  hint=QT_TRANSLATE_NOOP("open_account", "Kosong: nomor HP yang dipakai.")),
        FormField("email", QT_TRANSLATE_NOOP("open_account", "Email"), LINE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "nama@email.com"), max_len=80),
    )),
    Section(QT_TRANSLATE_NOOP("open_account", "3. Alamat sesuai KTP"), (
        FormField("address", QT_TRANSLATE_NOOP("open_account", "Alamat"), LINE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Nama jalan, nomor rumah, blok"), max_len=120,
                  whole_row=True),  # and RT, RW side by side
        FormField("rt", "RT", DIGITS, 1, placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: 022"), max_len=3),
        FormField("rw", "RW", DIGITS, 1, placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: 001"), max_len=3),
        FormField("state", QT_TRANSLATE_NOOP("open_account", "Provinsi"), LINE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: Jawa Timur"), max_len=40),
        # only the postal-code lookup reads it: the document's body has ``city`` alone
        FormField("jenis", QT_TRANSLATE_NOOP("open_account", "Kota atau kabupaten"), CHOICE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Kota / Kabupaten")),
        FormField("city", QT_TRANSLATE_NOOP("open_account", "Nama kota/kabupaten"), LINE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: Sidoarjo"), max_len=40),
        FormField("kecamatan", QT_TRANSLATE_NOOP("open_account", "Kecamatan"), LINE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: Waru"), max_len=40),
        FormField("kelurahan", QT_TRANSLATE_NOOP("open_account", "Kelurahan/desa"), LINE, 1,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "contoh: Waru"), max_len=40),
        FormField("zip_code", QT_TRANSLATE_NOOP("open_account", "Kode pos"), ZIP, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "5 digit"), max_len=5),
    )),
    Section(QT_TRANSLATE_NOOP("open_account", "4. Pekerjaan & keuangan"), (
        FormField("profession", QT_TRANSLATE_NOOP("open_account", "Pekerjaan"), CHOICE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Pilih pekerjaan")),
        FormField("last_education", QT_TRANSLATE_NOOP("open_account", "Pendidikan terakhir"), CHOICE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Pilih pendidikan")),
        FormField("income", QT_TRANSLATE_NOOP("open_account", "Penghasilan per bulan"), RANGE, 2,
                  placeholder=QT_TRANSLATE_NOOP("open_account", "Pilih rentang penghasilan")),
        FormField("jumlah_transaksi", QT_TRANSLATE_NOOP("open_account", "Perkiraan transaksi per bulan"), RANGE,
                  2, placeholder=QT_TRANSLATE_NOOP("open_account", "Pilih perkiraan")),
    )),
    Section(QT_TRANSLATE_NOOP("open_account", "5. Dokumen"), (
        FormField("ktp_image", QT_TRANSLATE_NOOP("open_account", "Foto KTP"), IMAGE, 2),
        FormField("photo_image", QT_TRANSLATE_NOOP("open_account", "Foto nasabah"), IMAGE, 2),
    ), note=QT_TRANSLATE_NOOP("open_account", "Foto KTP asli dan foto wajah nasabah (JPG atau PNG). Pastikan "
                                              "tulisan di KTP terbaca jelas.")),
    Section(QT_TRANSLATE_NOOP("open_account", "6. Setoran awal"), (
        # its hint names the flow's limits: the screen writes it
        FormField("deposit", QT_TRANSLATE_NOOP("open_account", "Setoran awal (Rp)"), MONEY, 2),
    )),
)
WIDE = 4  # the grid's columns where the form has the room


def share(spec: FormField, columns: int) -> int:
    """A field's columns of a grid of ``columns`` (4, 2 or 1): as many as its ``span`` is of
    four, at least one; all of them for a ``whole_row`` field in fewer than four."""
    if spec.whole_row and columns < WIDE:
        return columns
    return max(1, spec.span * columns // WIDE)


def cells(widths: list[int], columns: int) -> list[tuple[int, int, int]]:
    """Row, column and span of each field of a section, in order, in a grid of ``columns``,
    each ``widths`` columns wide: a field goes on the row's next free columns, or starts the
    next row, so the reading order, and Tab's, stays the declared order."""
    placed, row, column = [], 0, 0
    for width in widths:
        if column + width > columns:
            row, column = row + 1, 0
        placed.append((row, column, width))
        column += width
    return placed


FIELDS = {spec.name: spec for section in SECTIONS for spec in section.fields}
