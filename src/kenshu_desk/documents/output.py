"""Writing a finished document to the user's file: all or nothing, with a clear error."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kenshu_desk.errors import UserError


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failed run never leaves half a file."""
    target = path.expanduser()
    if target.is_dir():
        raise UserError(f"{target} はフォルダです。ファイル名を指定してください。")
    if not target.parent.is_dir():
        raise UserError(f"フォルダ {target.parent} が見つかりません。")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
        tmp = None
    except PermissionError as exc:
        raise UserError(f"{target} に書き込めません（権限がありません）。") from exc
    except OSError as exc:
        raise UserError(f"{target} に書き込めません: {exc.strerror}") from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
