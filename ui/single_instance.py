"""One Loket per profile: starting it again brings the running window forward.

The first process listens on a ``QLocalServer`` named after the profile folder (a named
pipe on Windows, a socket in the temp folder elsewhere). Keyed on the folder, not the user
name: ``USER=kasir2`` names another user to ``getpass`` but opens the same journal. A second process connects, sends ``show`` and exits
with 0; the first raises and activates its window (``activate_requested``).

On Windows the first process also holds the named mutex ``Loket.SingleInstance`` for its
whole life: the installer checks that mutex to refuse to run while Loket is open.

Decision: a server name left behind by a crashed process (Unix sockets survive their
owner) is taken over when nothing answers on it.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

MUTEX_NAME = "Loket.SingleInstance"
MESSAGE = b"show\n"
CONNECT_MS = 500


def server_name(profile_folder: "Path | str | None" = None) -> str:
    """Per profile folder (resolved; case-folded on Windows), short enough for a Unix socket path."""
    if profile_folder is None:
        from services.profile import default_profile_dir

        profile_folder = default_profile_dir()
    key = os.path.normcase(os.path.abspath(os.path.realpath(profile_folder)))
    # A checksum, not a secret: it only keeps odd characters out of the socket name
    # (zlib is already loaded; hashlib would cost ~2 ms of start-up).
    return f"Loket-{zlib.crc32(key.encode('utf-8')):08x}"


class SingleInstance(QObject):
    activate_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None
        self.mutex: Any = None

    def claim(self) -> bool:
        """True: this is the first Loket (it now listens). False: another one was told to show itself."""
        if self.signal_running():
            return False
        self.listen()
        return True

    def listen(self) -> None:
        """Become the one that answers. Split from ``claim`` so a start can ask first, show
        its window, and only then listen: nothing in between opens the journal."""
        self.mutex = _windows_mutex()
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a stale socket of a crashed Loket
            if not server.listen(self.name):
                return  # cannot listen: run anyway rather than refuse to start
        server.newConnection.connect(self._accept)
        self.server = server

    def signal_running(self) -> bool:
        """True when another Loket answers on this name: it was told to show itself."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(MESSAGE)
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _accept(self) -> None:
        """Read the message at once: the sender writes five bytes and hangs up."""
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_MS):
                if bytes(socket.readAll().data()).strip() == MESSAGE.strip():
                    self.activate_requested.emit()
            socket.abort()
            socket.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def bring_forward(window: QWidget) -> None:
    """Show, un-minimise, raise and activate ``window``."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _windows_mutex() -> Any:
    """The named mutex the installer looks for; the handle is kept open for the process's life."""
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = (ctypes.c_void_p, ctypes.c_bool, ctypes.c_wchar_p)
    return kernel32.CreateMutexW(None, False, MUTEX_NAME)
