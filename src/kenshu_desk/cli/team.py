"""Team mode sub-commands: copy the local database to a shared server."""

from __future__ import annotations

import argparse

from kenshu_desk.cli.common import open_db
from kenshu_desk.services.team.copy_database import copy_database


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    copy = commands.add_parser(
        "copy-database",
        help="このデータベース（--db、既定は手元の SQLite）を空のサーバーのデータベースへコピー",
    )
    copy.add_argument("target", metavar="TARGET_URL", help="例: postgresql+psycopg://user@host/db")
    copy.set_defaults(handler=run_copy)

    upgrade = commands.add_parser(
        "upgrade-database",
        help="以前の版の共有データベースを、バックアップを作ってからこの版に更新する",
    )
    upgrade.set_defaults(handler=run_upgrade)


def run_copy(args: argparse.Namespace) -> int:
    source = open_db(args)
    try:
        report = copy_database(source, args.target)
    finally:
        source.dispose()
    print(report.summary())
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    """Running this command is the confirmation the window asks for in a dialog."""
    from kenshu_desk.database import open_database, resolve_url

    db = open_database(resolve_url(args.db), upgrade_shared=True)
    db.dispose()
    if db.backup is None:
        print("データベースは最新です。更新することはありません。")
    else:
        print(f"データベースを更新しました。更新前のバックアップ: {db.backup}")
    return 0
