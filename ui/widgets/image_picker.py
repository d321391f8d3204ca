"""A picture chosen from a file (the KTP, the customer's photo): the thumbnail, the file's
name and a button to choose it; the chooser is injected so tests never block, and the
picture is decoded off the GUI thread (``thumbnail`` runs in the worker). The button is a
stop of the Enter path (``ui.keyboard.CHOSEN``): Enter chooses while nothing is chosen and
moves on once something is."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from ui.dialogs import focus_returns
from ui.i18n import translate
from ui.keyboard import CHOSEN

THUMBNAIL = QSize(200, 126)
IMAGE_FILTER = QT_TRANSLATE_NOOP("open_account", "Gambar (*.jpg *.jpeg *.png *.bmp)")

FileChooser = Callable[[QWidget, str], Optional[str]]


def choose_image(parent: QWidget, title: str) -> str | None:
    """The production chooser: a native file dialog; ``None`` when the agent cancels."""
    with focus_returns(parent):
        path, _filter = QFileDialog.getOpenFileName(parent, title, "", translate("open_account", IMAGE_FILTER))
    return path or None


def thumbnail(path: str, field: str, label: str) -> QImage:
    """Decode and shrink an image (runs on the worker thread: QImage, never QPixmap)."""
    image = QImage(path)
    if image.isNull():
        raise UserInputError(field, translate("open_account", "{label}: berkas ini bukan gambar yang bisa dibuka. "
                                                              "Pilih foto JPG atau PNG.").format(
            label=label))
    return image.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class ImagePicker(QFrame):
    """A thumbnail, the chosen file's name and a button to choose it."""

    def __init__(self, empty_text: str) -> None:
        super().__init__()
        self.setObjectName("beneficiary")
        self.empty_text = empty_text
        self.path = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 10, 10, 10)
        row.setSpacing(12)
        self.preview = QLabel(empty_text)
        self.preview.setObjectName("muted")
        self.preview.setFixedSize(THUMBNAIL)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        row.addWidget(self.preview)
        side = QVBoxLayout()
        self.file_name = QLabel(self.tr("Belum ada berkas"))
        self.file_name.setObjectName("muted")
        self.file_name.setWordWrap(True)
        side.addWidget(self.file_name)
        side.addStretch(1)
        self.button = QPushButton(self.tr("Pilih berkas…"))
        self.button.setObjectName("secondary")
        self.button.setProperty(CHOSEN, False)  # a stop of the Enter path (ui/keyboard.py)
        side.addWidget(self.button)
        row.addLayout(side, 1)
        self.setFocusProxy(self.button)

    def show_image(self, path: str, image: QImage) -> None:
        self.path = path
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.file_name.setText(Path(path).name)
        self.button.setText(self.tr("Ganti berkas…"))
        self.button.setProperty(CHOSEN, True)  # Enter moves on from here; Space or a click replaces it

    def clear(self) -> None:
        self.path = ""
        self.preview.clear()
        self.preview.setText(self.empty_text)
        self.file_name.setText(self.tr("Belum ada berkas"))
        self.button.setText(self.tr("Pilih berkas…"))
        self.button.setProperty(CHOSEN, False)
