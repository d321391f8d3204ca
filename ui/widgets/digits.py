"""Fields that take ASCII digits only (account, NIK, phone numbers): the validator refuses
anything else as it is typed, and the flow checks again (``services.validation``)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit


def digits_only(edit: QLineEdit, max_len: int) -> QLineEdit:
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{max_len}}}"), edit))
    return edit


def digits_edit(name: str, max_len: int) -> QLineEdit:
    return digits_only(QLineEdit(objectName=name), max_len)
