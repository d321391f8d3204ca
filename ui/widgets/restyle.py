"""Redrawing a widget after something its style-sheet rules select on has changed.

Qt applies the style sheet's rules when a widget is polished. A rule that selects on a
dynamic property (``QLabel[state="suspect"]``) or on the object name (``#resultTotal``) is
not applied again when that property or name changes later: the widget keeps its old
colours and font until it is unpolished and polished again. Every screen that marks a
widget (an error, a variance, a result's state) does it through here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget) -> None:
    """Apply the style sheet to ``widget`` again, after its name or a property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def mark(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, and redraw by it."""
    widget.setProperty(name, value)
    restyle(widget)
