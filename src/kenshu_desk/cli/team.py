"""Team mode sub-commands: copy the local database to a shared server."""

from __future__ import annotations

import argparse

from kenshu_desk.cli.common import open_db, tr
from kenshu_desk.services.team.copy_database import copy_database


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    copy = commands.add_parser(
        "copy-database",
        help=tr(
            "このデータベース（--db、既定は手元の SQLite）を空のサーバーのデータベースへコピー",
            "copy this database (--db, default: the local SQLite file) into an empty"
            " database on a server",
        ),
    )
    copy.add_argument(
        "target",
        metavar="TARGET_URL",
        help=tr("例: ", "e.g. ") + "postgresql+psycopg://user@host/db",
    )
    copy.set_defaults(handler=run_copy)

    upgrade = commands.add_parser(
        "upgrade-database",
        help=tr(
            "以前の版の共有データベースを、バックアップを作ってからこの版に更新する",
            "upgrade a shared database from an earlier version, after making a backup",
        ),
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
        print(
            tr("データベースは最新です。更新することはありません。", "The database is up to date.")
        )
    else:
        print(
            tr(
                f"データベースを更新しました。更新前のバックアップ: {db.backup}",
                f"The database was upgraded. Backup of the earlier version: {db.backup}",
            )
        )
    return 0
