"""Saving a finished document: whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from kenshu_desk.errors import UserError


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


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a PDF behind.

    An existing file keeps its permissions; a new one gets what the user's umask gives any
    new file (rw-r--r-- under the usual 022), not mkstemp's private rw-------.
    Raises UserError (one Japanese line) when the place cannot be written.
    """
    target = path.expanduser()
    if target.is_dir():
        raise UserError(f"{target} はフォルダです。ファイル名を指定してください。")
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"{target} に書き込めません: フォルダ {folder} が見つかりません。")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError(f"{target} に書き込めません: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        mode = 0o666 & ~current_umask()
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(target.stat().st_mode)
        with contextlib.suppress(OSError):
            os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError(f"{target} に書き込めません: {exc.strerror or exc}") from exc
