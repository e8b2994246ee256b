"""What the user is told when a database cannot be opened or used: read-only, locked,
damaged (with the latest backup), a server that does not answer or refuses."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

CONNECT_TIMEOUT_SECONDS = 10  # database.py gives a silent server up after this long


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def latest_backup(path: Path) -> Path | None:
    """The newest of the copies made before upgrades (``name.backup-YYYYmmdd-HHMMSS``)."""
    copies = [p for p in path.parent.glob(f"{path.stem}.backup-*") if p.is_file()]
    return max(copies, key=lambda p: p.stat().st_mtime, default=None)


def damaged_message(path: Path) -> str:
    backup = latest_backup(path)
    where = (
        f"最新のバックアップは {backup}（{dt.datetime.fromtimestamp(backup.stat().st_mtime):%Y-%m-%d %H:%M}）"
        "です。プログラムを閉じてから、このファイルを別の名前で残し、バックアップを元の名前に"
        "コピーしてください。"
        if backup is not None
        else "このファイルのバックアップは見つかりません。"
    )
    return f"データベースのファイル {path} が壊れています。ファイルは変更していません。{where}"


def _describe_dbapi_error(url: str, exc: DBAPIError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    where = sqlite_path(url) or make_url(url).render_as_string(hide_password=True)
    path = sqlite_path(url)
    read_only_place = path is not None and path.exists() and not os.access(path.parent, os.W_OK)
    if "readonly" in lowered or "read-only" in lowered or read_only_place:
        return f"{where} に書き込めません（読み取り専用です）。"
    if "locked" in lowered:
        return f"{where} は他のプログラムが使用中です。しばらくしてからもう一度お試しください。"
    if path is not None and ("malformed" in lowered or "corrupt" in lowered):
        return damaged_message(path)
    if "not a database" in lowered or "malformed" in lowered:
        return f"{where} は壊れているか、データベースではありません。ファイルは変更していません。"
    if "unable to open" in lowered:
        return f"{where} を開けません。"
    if "timeout expired" in lowered or "timed out" in lowered:
        return (
            f"データベースサーバー {where} から応答がありません（{CONNECT_TIMEOUT_SECONDS} 秒待ちました）。"
            "サーバーが動いているか、アドレスとポートが正しいかを確かめてください。"
        )
    if "connection refused" in lowered:
        return (
            f"データベースサーバー {where} に接続できません（接続を拒否されました）。"
            "サーバーが動いているか、アドレスとポートが正しいかを確かめてください。"
        )
    return f"データベース {where} を開けません: {text.splitlines()[0]}"
