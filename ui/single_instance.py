"""One Loket per profile: starting it again brings the running window forward.

The first process holds ``loket.lock`` in the profile folder (``QLockFile``: it names the
holder's process, so the lock of a process that died is taken over) and listens on a
``QLocalServer`` named after the profile folder (a named pipe on Windows, a socket in the
temp folder elsewhere). Keyed on the folder, not the user name: ``USER=kasir2`` names
another user to ``getpass`` but opens the same journal. A second process finds the lock
held, connects, sends ``show`` and exits with 0; the first raises and activates its window
(``activate_requested``).

Why a lock file before the socket: asking "is one running?" through QtNetwork costs a start
~5 ms of imports before the login window, for an answer that is "no" on every normal
start. The lock answers that from QtCore; QtNetwork is loaded only when the lock is held
(to ask the holder to come forward) and after the window is shown (to listen). The lock is
also the stronger guard: the first takes it before its window, so two quick starts cannot
both open the journal while neither is listening yet; the second keeps asking for a few
seconds, the time the first needs to start listening.

On Windows the first process also holds the named mutex ``Loket.SingleInstance`` for its
whole life: the installer checks that mutex to refuse to run while Loket is open.

Decision: a server name left behind by a crashed process (Unix sockets survive their
owner) is taken over when nothing answers on it.
"""

from __future__ import annotations

import os
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

MUTEX_NAME = "Loket.SingleInstance"
MESSAGE = b"show\n"
CONNECT_MS = 500
ASK_SECONDS = 5.0  # how long a second start keeps asking a first that is not listening yet
LOCK_FILE = "loket.lock"


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

    def __init__(self, profile_folder: "Path | str", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(profile_folder)
        self.lock = QLockFile(str(Path(profile_folder) / LOCK_FILE))
        self.lock.setStaleLockTime(0)  # held for the whole run: stale only when its process is gone
        self.server: Any = None  # QLocalServer, once listening
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
        from PySide6.QtNetwork import QLocalServer

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
        """True when another Loket holds this profile: it was asked to show itself.

        False also when the lock cannot be taken for another reason than a holder (a
        profile folder that cannot be written): the start-up then says what is wrong."""
        if self.lock.tryLock(0) or self.lock.error() is not QLockFile.LockError.LockFailedError:
            return False
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + ASK_SECONDS
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(MESSAGE)
                socket.waitForBytesWritten(CONNECT_MS)
                socket.disconnectFromServer()
                return True
            if time.monotonic() >= deadline:
                # Held by a live Loket that does not answer (still starting, or hung): a
                # second one on the same journal would be worse than a start that does nothing.
                return True
            time.sleep(0.1)

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
        self.lock.unlock()


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
