"""The command line: headless work, automation, and what the tests and benchmarks drive.

`kenshu-desk` with no command opens the window. A usage error exits 2 (argparse); bad input
exits 1 with one line on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kenshu_desk import __version__
from kenshu_desk.cli import core, documents, mail, participants, recordings, team, year
from kenshu_desk.errors import UserError

# Each module adds its sub-commands; a new feature adds a module here, not a branch in main().
COMMAND_MODULES = (core, documents, mail, participants, recordings, team, year)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kenshu-desk",
        description="研修・情報交換会の時間割、次第、招待、出欠、動画配信の管理",
    )
    parser.add_argument("--version", action="version", version=f"kenshu-desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="データベース（SQLite のファイル、または SQLAlchemy の URL）。"
        "既定は環境変数 KENSHU_DESK_DB、なければユーザーのデータフォルダ",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from kenshu_desk.app import run_gui  # PySide6 only when a window is wanted

        return run_gui(args.db)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"kenshu-desk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kenshu-desk: 中断しました。", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
