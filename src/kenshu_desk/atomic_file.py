"""Every file the program writes, written whole or not at all — one writer for all of them.

PDFs, CSV/XLSX exports, calendar files, .eml drafts and the settings files all go through
`write_atomically`: the data goes to a temporary file beside the target, is flushed to the
disk, and only then replaces the target. So a full disk, a crash or a failed export never
leaves half a file in place of the earlier good one.

- A symbolic link is written *through*: the file it points to is replaced, the link stays.
- An existing file keeps its permissions; a new one gets what the user's umask gives.
- Windows refuses to replace a file another program holds open (Excel keeps its workbook
  open, a PDF viewer its PDF): the replacement is retried for a moment, then the user is
  told to close the file — in one line, with the earlier file untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kenshu_desk.errors import UserError

# Windows: an antivirus scanner or the indexer holds a new file for a moment; Excel holds it
# for as long as it is open. Retry briefly, then ask the user.
REPLACE_ATTEMPTS = 8
REPLACE_PAUSE = 0.25  # seconds between attempts (2 s in all)
# On Windows a file held open by another program refuses replacement with PermissionError.
HELD_OPEN_IS_PERMISSION_ERROR = os.name == "nt"


def current_umask() -> int:
    """The process umask: from /proc on Linux, else by setting it and putting it straight back
    (a thread creating a file in that instant gets the stricter 077, never a looser mode)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def resolve_target(path: Path) -> Path:
    """The file that is really written: a symbolic link's target (the link itself stays)."""
    target = path.expanduser()
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    return target


def _replace(temp_name: str, target: Path, sleep: Callable[[float], None]) -> None:
    attempts = REPLACE_ATTEMPTS if HELD_OPEN_IS_PERMISSION_ERROR else 1
    for attempt in range(attempts):
        try:
            os.replace(temp_name, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            sleep(REPLACE_PAUSE)


def write_atomically(
    path: Path, data: bytes, *, sleep: Callable[[float], None] = time.sleep
) -> Path:
    """Write `data` to `path` whole or not at all; returns the file really written.

    Raises UserError (one line) when the place cannot be written; the earlier
    file, if any, is then left as it was.
    """
    target = resolve_target(Path(path))
    if target.is_dir():
        raise UserError.of("files.is_folder", path=target)
    if target.exists() and not target.is_file():
        raise UserError.of("files.not_regular", path=target)
    folder = target.parent
    if not folder.is_dir():
        raise UserError.of("files.folder_missing", path=target, folder=folder)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError.of("files.cannot_write", path=target, reason=exc.strerror or exc) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())  # a full disk shows here, before the good file is replaced
        mode = 0o666 & ~current_umask()
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(target.stat().st_mode)
        with contextlib.suppress(OSError):
            os.chmod(temp_name, mode)
        _replace(temp_name, target, sleep)
    except PermissionError as exc:
        Path(temp_name).unlink(missing_ok=True)
        if HELD_OPEN_IS_PERMISSION_ERROR:
            raise UserError.of("files.held_open", path=target) from exc
        raise UserError.of("files.cannot_write", path=target, reason=exc.strerror or exc) from exc
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError.of("files.cannot_write", path=target, reason=exc.strerror or exc) from exc
    return target


def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    """`write_atomically` for text (settings files, CSV already encoded elsewhere)."""
    return write_atomically(path, text.encode(encoding))
