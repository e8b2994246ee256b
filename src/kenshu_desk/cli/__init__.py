"""The command line: headless work, automation, and what the tests and benchmarks drive.

`kenshu-desk` with no command opens the window. A usage error exits 2 (argparse); bad input
exits 1 with one line on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from kenshu_desk.cli.common import Parser, cli_language, tr
from kenshu_desk.errors import UserError
from kenshu_desk.messages import current_language, set_language

# Each module (kenshu_desk.cli.<name>) adds its sub-commands; a new feature adds a name here,
# not a branch in main(). They are imported only when a command is given: opening the window
# must not wait for the database layer and every service to load before it can show itself.
COMMAND_MODULES = (
    "badges",
    "certificates",
    "core",
    "documents",
    "groups",
    "mail",
    "materials",
    "participants",
    "recordings",
    "reminders",
    "replies",
    "reports",
    "survey",
    "team",
    "year",
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="kenshu-desk",
        description=tr(
            "研修・情報交換会の時間割、次第、招待、出欠、動画配信の管理",
            "Timetables, agendas, invitations, attendance and recordings for trainings and"
            " information-exchange meetings",
        ),
    )
    from kenshu_desk import __version__

    parser.add_argument(
        "--version",
        action="version",
        version=f"kenshu-desk {__version__}",
        help=tr("バージョンを表示して終了", "show the version and exit"),
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=tr(
            "データベース（SQLite のファイル、または SQLAlchemy の URL）。"
            "既定は環境変数 KENSHU_DESK_DB、なければユーザーのデータフォルダ",
            "the database (an SQLite file or an SQLAlchemy URL); default: the environment"
            " variable KENSHU_DESK_DB, else the user's data folder",
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"kenshu_desk.cli.{name}").register(commands)
    return parser


def window_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, --db value) when argv only asks for the window: `kenshu-desk [--db X]`."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, args[0].removeprefix("--db=")
    return False, None


def tolerant_output() -> None:
    """Output piped or redirected on Windows is encoded in cp932, which lacks characters found
    in names (𠮷, 﨑 in some tables, emoji in Zoom display names): print a replacement
    character for those rather than end with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command in the user's language (the catalogue's messages too), then restore the
    language the process had (tests and the window call main() in-process)."""
    before = current_language()
    set_language(cli_language())
    try:
        return _main(argv)
    finally:
        set_language(before)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    tolerant_output()
    window, db_arg = window_request(argv)
    if not window:
        try:
            args = build_parser().parse_args(argv)  # -h prints here
        except BrokenPipeError:
            return quiet_broken_pipe()
        except SystemExit:  # after -h / --version / a usage error: flush while we can catch it
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                quiet_broken_pipe()
            raise
        window, db_arg = args.command is None, args.db
    if window:
        from kenshu_desk.app import run_gui  # PySide6 only when a window is wanted

        return run_gui(db_arg)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:
        return quiet_broken_pipe()
    except UserError as exc:
        print(f"kenshu-desk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(tr("kenshu-desk: 中断しました。", "kenshu-desk: interrupted."), file=sys.stderr)
        return 130


def quiet_broken_pipe() -> int:
    """The reader (`| head`, `| more`) stopped reading: end without a word, as `cat` does."""
    # Python flushes stdout once more at exit; point it at /dev/null so that flush cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests capture it)
        pass
    finally:
        os.close(devnull)
    return 141  # 128 + SIGPIPE, what a shell reports for a command stopped by a closed pipe


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
