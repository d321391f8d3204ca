"""Pengaturan > Biaya Loket (supervisor PIN first): the counter's own fee per bill product.

One line per BNI Keagenan product, by category: the product's name and the fee, in rupiah,
that the counter charges the customer besides the bank's admin fee (empty or 0: none). A
product whose inquiry states the counter fee itself (BPJS ``biaya_loket``) shows the
bank's word instead of an editor (``services.counter_fees`` says why). "Simpan" checks
every fee and saves them together; the next inquiry quotes with them, and a payment already
journaled keeps the fee it was made with. Fees typed and not saved are not left behind
without a question (``ui.unsaved``); thrown away, the form shows the fees in force again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from services.counter_fees import MAX_COUNTER_FEE
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.i18n import translate
from ui.page_scroll import own_scroll
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.billpay import NOT_CONFIGURED
from ui.screens.pages import push_button
from ui.unsaved import SavedForm
from ui.widgets.field import Field
from ui.widgets.money import MoneyEdit

if TYPE_CHECKING:
    from services.counter_fees import CounterFees
    from services.products import Catalogue
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Biaya Loket")


class CounterFeesScreen(Screen):
    requires_supervisor = True  # the fee is money taken from customers: opened after the supervisor PIN
    enter_only_moves = True  # a habitual Enter changes and saves nothing: Simpan is pressed on purpose

    def __init__(self, fees: "CounterFees | None", catalogue: "Catalogue | None", worker: "Worker",
                 errors: "ErrorPresenter") -> None:
        super().__init__(TITLE, worker, errors, expand=True)
        self.fees = fees
        self.edits: dict[str, MoneyEdit] = {}
        if fees is None or catalogue is None:
            self.body.addWidget(QLabel(translate("billpay", NOT_CONFIGURED), wordWrap=True))
            return
        intro = QLabel(self.tr("Biaya loket adalah biaya Anda sendiri, di luar biaya admin bank. Pelanggan membayarnya "
                               "bersama tagihan; tercetak di bukti sebagai \u201cBiaya loket\u201d dan masuk kas di "
                               "laci. Kosong atau 0: tanpa biaya loket. Maksimal {maximum}.").format(
            maximum=format_rupiah(MAX_COUNTER_FEE)))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        page = QWidget(objectName="plain")
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        row = 0
        category = None
        for spec in sorted(catalogue, key=lambda s: (s.category, s.name)):
            if spec.category != category:
                category = spec.category
                heading = QLabel(category, objectName="sectionTitle")
                grid.addWidget(heading, row, 0, 1, 2)
                row += 1
            grid.addWidget(QLabel(spec.name), row, 0)
            if spec.counter_fee_path:
                grid.addWidget(QLabel(self.tr("ditetapkan BNI saat cek tagihan"), objectName="muted"), row, 1)
            else:
                edit = MoneyEdit()
                edit.setObjectName(f"fee_{spec.id}")
                edit.set_value(fees.fee(spec.id) or None)
                self.edits[spec.id] = edit
                field = Field("", edit)
                self._fields[spec.id] = field
                grid.addWidget(field, row, 1)
            row += 1
        self.body.addWidget(own_scroll(page), 1)  # the page fits the window, its list scrolls: one scroll bar
        self.save_button = push_button(self.tr("Simpan"), self.save, "primary")
        self.body.addWidget(self.save_button)
        self.saved_form = SavedForm(self.amounts, self.show_saved,
                                    in_force=lambda: {product: fees.fee(product) for product in self.edits})

    def values(self) -> dict[str, str]:
        return {product: edit.digits() for product, edit in self.edits.items()}

    def amounts(self) -> dict[str, int]:
        """The fees as typed, in rupiah (empty is 0, as saving reads it)."""
        return {product: int(digits or 0) for product, digits in self.values().items()}

    def show_saved(self) -> None:
        """The fees in force, in place of what was typed."""
        if self.fees is None:
            return
        for product, edit in self.edits.items():
            edit.set_value(self.fees.fee(product) or None)

    def save(self) -> None:
        if self.fees is None:
            return
        fees, values = self.fees, self.values()
        self.run(lambda: fees.save(values), self._saved, busy=self.save_button,
                 message=self.tr("Menyimpan biaya loket…"))

    def _saved(self, kept: dict[str, int]) -> None:
        self.show_saved()
        self.banner.show_message("success", self.tr("Biaya loket disimpan ({count} produk dengan biaya). Berlaku "
                                                    "untuk cek tagihan berikutnya.").format(count=len(kept)))


@register("counter_fees", group="settings", title=TITLE, order=35)
def _make(services: "ScreenServices") -> CounterFeesScreen:
    billpay = services.billpay
    return CounterFeesScreen(services.counter_fees, billpay.catalogue if billpay is not None else None,
                             services.worker, services.errors)
