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
