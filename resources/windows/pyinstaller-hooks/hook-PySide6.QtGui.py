"""Loket's override of PyInstaller's hook for PySide6.QtGui (build.spec passes this folder).

The stock hook collects every QtGui plugin. Loket is a Widgets app on a Windows desktop
that draws PNG, SVG, ICO and JPEG, so the plugins below are never loaded. Dropping them
here, before PyInstaller's binary dependency analysis, also keeps out everything they link
against: the virtual-keyboard input context brings QtQml and QtQuick, the PDF image format
brings QtPdf, the GTK platform theme brings GTK's cairo/pango stack on Linux, the
embedded-Linux platforms bring the EGLFS libraries and Wayland brings QtWaylandClient.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGIN_TYPES = {
    "egldeviceintegrations", "generic",  # embedded-Linux EGL and input; TUIO touch over UDP
    # Wayland: a Linux bundle is only ever a developer's experiment, for which xcb (also
    # under XWayland) and offscreen are enough; the Windows bundle never had these.
    "wayland-decoration-client", "wayland-graphics-integration-client", "wayland-shell-integration",
}
UNUSED_PLUGINS = (
    "virtualkeyboard",  # on-screen keyboard (QML)
    "qpdf", "qtiff", "qwebp", "qicns", "qtga", "qwbmp",  # image formats Loket never reads
    "qgtk3",  # GTK theme (Linux)
    # platforms other than the desktop's (qwindows, qxcb) and the test one (qoffscreen)
    "qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl", "qdirect2d", "qwayland",
)


def _used(entry):
    source, dest = PurePath(entry[0]), PurePath(entry[1])
    return dest.name not in UNUSED_PLUGIN_TYPES and not any(word in source.name for word in UNUSED_PLUGINS)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _used(entry)]
