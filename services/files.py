"""Writing a whole file so that a power cut leaves the old one or the new one, never half.

Writing aside and renaming over the file is not enough on its own: without a flush to the
disk the rename can reach the disk before the data does (NTFS and ext4 without
``auto_da_alloc`` both allow it), and the next start finds the file empty or zero-filled. A
kiosk's power is cut often, and a torn ``settings.json`` or ``secrets.bin`` stops Loket (the
start-up window says so: ``services.profile``, ``services.secrets``); a torn receipt PDF is a
receipt nobody can open. So the data is flushed before the rename, and on POSIX the folder
after it (Windows has no folder flush; its rename is journaled by NTFS).
"""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, mode: int = 0o600, durable: bool = True) -> None:
    """Write ``data`` as ``path``: aside, flushed to the disk, then renamed over it.

    On failure (a full disk, a read-only folder) the old file is left as it was, the file
    written aside is removed, and the ``OSError`` is raised.

    ``durable`` False: not flushed, for a file the journal can make again (a receipt's PDF,
    which "Cetak ulang" renders anew): a cut-short file still never carries the name, and
    the flush, ~0.7 ms here and more on a kiosk's disk, stays out of every payment's time."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), mode)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: nothing was written aside either
        raise
    if durable:
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a new or renamed file) to the disk, where the system can.

    Best effort: the file is in place whatever this does, and a caller told otherwise would
    take a saved file for an unsaved one."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass
