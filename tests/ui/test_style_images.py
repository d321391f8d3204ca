"""The style sheet's images (drop-down chevrons) are found and drawn: every
``url(style:…)`` in loket.qss names a file under resources/style/ that Qt can load through
the "style" search path ``load_style`` sets (relative urls would follow the working
directory, which is not the program's folder on a kiosk or in the frozen build)."""

from __future__ import annotations

import re

from PySide6.QtGui import QImage

from app.gui import load_style, resource_path


def test_every_style_image_resolves_and_loads(qapp):
    style = load_style()
    names = re.findall(r"url\(style:([^)]+)\)", style)
    assert "chevron-down.svg" in names
    assert not re.findall(r"url\((?!style:)", style)  # no url the working directory would decide
    for name in set(names):
        assert (resource_path("style") / name).is_file(), name
        image = QImage(f"style:{name}")
        assert not image.isNull() and image.width() >= 16, name  # the SVG plugin drew it


def test_a_time_boxs_up_and_down_buttons_are_wide_enough_to_press(qtbot, qapp):
    """Selesaikan manual's call time (a QTimeEdit: no calendar, so spin buttons): the box's
    padding and border squeezed Qt's own buttons into slivers a few pixels wide."""
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QStyle, QStyleOptionSpinBox, QTimeEdit

    before = qapp.styleSheet()
    qapp.setStyleSheet(load_style())
    try:
        edit = QTimeEdit(QTime(13, 7))
        edit.setDisplayFormat("HH:mm")
        qtbot.addWidget(edit)
        edit.resize(190, 44)
        edit.show()
        qtbot.waitExposed(edit)
        option = QStyleOptionSpinBox()
        option.initFrom(edit)
        option.frame = True
        option.subControls = (QStyle.SubControl.SC_SpinBoxUp | QStyle.SubControl.SC_SpinBoxDown
                              | QStyle.SubControl.SC_SpinBoxEditField)
        style = edit.style()
        for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            rect = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, edit)
            assert rect.width() >= 24 and rect.height() >= 14, (part, rect)
        field = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, option,
                                     QStyle.SubControl.SC_SpinBoxEditField, edit)
        assert field.width() >= edit.fontMetrics().horizontalAdvance("00:00")
    finally:
        qapp.setStyleSheet(before)
