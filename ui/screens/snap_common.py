"""What the DOKU and BCA screens share.

A SNAP host that is not configured (live mode without its client key, secret or partner
key: ``AppContext.va`` / ``.bca`` is None) still has its menu entry, so the agent sees
why it does not work instead of a missing menu: ``UnavailableScreen`` says what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from ui.i18n import translate
from ui.screens.base import Screen

if TYPE_CHECKING:
    from ui.errors import ErrorPresenter
    from ui.worker import Worker


def not_configured_text(host: str) -> str:
    return (translate("snap_common", "Layanan {host} belum diatur di komputer ini. Minta supervisor mengisi tab "
                      "{host} di Pengaturan > Koneksi Host (client key, client secret, partner ID dan "
                      "lainnya dari {host}), membuat kunci di Pengaturan > Kunci API dan mengirim "
                      "kunci publiknya ke {host}. Setelah itu buka ulang Loket.").format(host=host))


class UnavailableScreen(Screen):
    def __init__(self, title: str, host: str, worker: "Worker", errors: "ErrorPresenter") -> None:
        super().__init__(title, worker, errors)
        self.text = QLabel(not_configured_text(host))
        self.text.setWordWrap(True)
        self.body.addWidget(self.text)

    def activated(self) -> None:
        self.banner.show_message("warning", self.tr("{value} belum bisa dipakai.").format(value=self.heading.text()))


def group_digits(number: str, size: int = 4) -> str:
    """``8412081234567890`` -> ``8412 0812 3456 7890``: read aloud and copied in fours."""
    return " ".join(number[i:i + size] for i in range(0, len(number), size))
