"""Loket's override of PyInstaller's hook for PySide6.QtNetwork (build.spec passes this folder).

Loket uses QtNetwork only for QLocalServer/QLocalSocket (bringing a running instance
forward); HTTP goes through httpx. So the TLS back ends, network-information plugins and
the OpenSSL libraries the stock hook adds for Qt's own TLS are left out.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGIN_TYPES = {"tls", "networkinformation", "networkaccess"}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if PurePath(entry[1]).name not in UNUSED_PLUGIN_TYPES]
