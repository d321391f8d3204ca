"""Building blocks of a multi-step screen (a ``QStackedWidget`` of steps: destination ->
confirm -> status): a step's page, its buttons, and the row at its foot that holds the way
back on the left and the step's main action on the right (the ``primary`` button that
Enter presses, ui/keyboard.py)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget


def step_page(spacing: int = 10) -> tuple[QWidget, QVBoxLayout]:
    """A page without margins of its own (the screen's card has them) and its column."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return page, layout


def push_button(text: str, clicked: Callable[[], object], style: str = "") -> QPushButton:
    """A push button calling ``clicked``; ``style`` is its look in loket.qss (primary, secondary)."""
    widget = QPushButton(text)
    if style:
        widget.setObjectName(style)
    widget.clicked.connect(clicked)
    return widget


def action_row(back: QPushButton, main: QPushButton) -> QHBoxLayout:
    """``back`` on the left, ``main`` on the right, space between."""
    row = QHBoxLayout()
    row.addWidget(back)
    row.addStretch(1)
    row.addWidget(main)
    return row
