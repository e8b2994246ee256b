"""Saving a finished document: whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from kenshu_desk.errors import UserError


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a PDF behind.

    An existing file keeps its permissions; a new one gets the usual rw-r--r--.
    Raises UserError (one Japanese line) when the place cannot be written.
    """
    target = path.expanduser()
    if target.is_dir():
        raise UserError(f"{target} はフォルダです。ファイル名を指定してください。")
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"{target} に書き込めません: フォルダ {folder} がありません。")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError(f"{target} に書き込めません: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        mode = 0o644
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(target.stat().st_mode)
        with contextlib.suppress(OSError):
            os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError(f"{target} に書き込めません: {exc.strerror or exc}") from exc
