"""Helpers shared by the sub-command modules: the parser in the user's language, argument types."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import locale
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kenshu_desk.domain.date_input import DateInputError, normalise, parse_date, parse_fiscal_year
from kenshu_desk.messages import current_language, msg

if TYPE_CHECKING:
    from kenshu_desk.database import Database

# argparse's own words (Python 3.11–3.13 spellings) in Japanese. Each key is exactly the
# msgid argparse passes to gettext; the %-placeholders must stay the same.
ARGPARSE_JA = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "optional arguments": "オプション",
    "show this help message and exit": "このヘルプを表示して終了",
    "show program's version number and exit": "バージョンを表示して終了",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "「%(value)s」は数値として読めません",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "「%(value)s」は選べません（%(choices)s のどれか）",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "unrecognized arguments: %s": "知らない引数です: %s",
    "expected one argument": "値を一つ指定してください",
    "expected at most one argument": "値は一つまでです",
    "expected at least one argument": "値を一つ以上指定してください",
    "expected %s argument": "値を %s 個指定してください",
    "expected %s arguments": "値を %s 個指定してください",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "one of the arguments %s is required": "引数 %s のどれかが必要です",
    "ambiguous option: %(option)s could match %(matches)s":
        "オプション %(option)s があいまいです（候補: %(matches)s）",
    "ignored explicit argument %r": "値 %r は使われません",
    "unexpected option string: %s": "思いがけないオプションです: %s",
    "can't open '%(filename)s': %(error)s": "%(filename)s を開けません: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "「%(parser_name)s」というコマンドはありません（%(choices)s のどれか）",
}  # fmt: skip


def cli_language() -> str:
    """ "ja" when KENSHU_DESK_LANG or the locale says Japanese, else "en": what main() sets as
    the running language (messages.set_language) before it builds the parser."""
    override = os.environ.get("KENSHU_DESK_LANG", "")
    if override in ("ja", "en"):
        return override
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith(("ja", "japanese")) else "en"
    with contextlib.suppress(ValueError):
        code = locale.getlocale()[0] or ""  # Windows: "Japanese_Japan"
        if code.lower().startswith(("ja", "japanese")):
            return "ja"
    return "en"


def tr(ja: str, en: str) -> str:
    """The command line's own words (help texts, result lines) in the running language, which
    main() set from cli_language(): the services' catalogue messages speak the same one. Both
    wordings stand side by side where they are used."""
    return ja if current_language() == "ja" else en


def _translate(message: str) -> str:
    return tr(ARGPARSE_JA.get(message, message), message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


@contextlib.contextmanager
def argparse_language() -> Iterator[None]:
    """argparse's messages in the user's language while the block runs (then restored)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translate, _ntranslate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Japanese on a Japanese system (sub-parsers too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with argparse_language():
            super().__init__(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        with argparse_language():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        with argparse_language():
            return super().parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        with argparse_language():
            return super().format_help()

    def format_usage(self) -> str:
        with argparse_language():
            return super().format_usage()

    def error(self, message: str):  # type: ignore[no-untyped-def]
        with argparse_language():
            super().error(message)


def fiscal_year_arg(text: str) -> int:
    """argparse type for every FISCAL_YEAR: 2021 / R3 / 令和3年度 (a bad one exits 2)."""
    try:
        return parse_fiscal_year(text)
    except DateInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class MonthDay(str):
    """A date typed without its year ("10/20"): the command completes it from the event."""

    def resolve(self, fiscal_year: int) -> dt.date:
        return parse_date(self, fiscal_year=fiscal_year)


def date_arg(text: str) -> dt.date | MonthDay:
    """argparse type for dates: 2022/10/20, 2022-10-20, 20221020, R4.10.20, 令和4年10月20日 …"""
    if re.fullmatch(r"\d{1,2}\s*(?:/|月)\s*\d{1,2}\s*日?", normalise(text)):
        return MonthDay(text)
    try:
        return parse_date(text)
    except DateInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


MAX_ID = 2**63 - 1  # the largest row id SQLite and PostgreSQL store
MAX_ALARM_MINUTES = 4 * 7 * 24 * 60  # four weeks before the start


def _whole_number(text: str, what: tuple[str, str], low: int, high: int) -> int:
    """An integer argument in [low, high]. Not a number: ValueError, which argparse reports as
    its own (translated) "invalid int value"; out of range: the range, quoting what was typed."""
    value = int(text.strip(), 10)  # ValueError → argparse's message
    if not low <= value <= high:
        ja, en = what
        raise argparse.ArgumentTypeError(
            tr(
                f"{ja}は {low:,}～{high:,} で指定してください（「{text}」）",
                f"{en} must be between {low:,} and {high:,} ('{text}')",
            )
        )
    return value


def id_arg(text: str) -> int:
    """EVENT_ID, PARTICIPANT_ID, an outbox row: a positive id (no OverflowError traceback)."""
    return _whole_number(text, ("ID", "the id"), 1, MAX_ID)


def alarm_arg(text: str) -> int:
    return _whole_number(text, ("通知の時刻（分）", "the alarm (minutes)"), 0, MAX_ALARM_MINUTES)


def port_arg(text: str) -> int:
    return _whole_number(text, ("ポート番号", "the port"), 1, 65535)


# argparse names the type in "invalid int value: 'abc'": these are integers to the user.
id_arg.__name__ = alarm_arg.__name__ = port_arg.__name__ = "int"


def folder_arg(text: str) -> Path:
    """An existing folder to write into (--eml-dir): a file or a missing folder said as such."""
    path = Path(text)
    if path.is_dir():
        return path
    if path.exists():
        said = msg("outbox.eml_dir_is_file", folder=text)
    else:
        said = msg("outbox.eml_dir_missing", folder=text)
    raise argparse.ArgumentTypeError(str(said))


def exported(count: int, path: object) -> str:
    """The line after a list was written to a file (attendance, the recordings' log)."""
    return tr(
        f"{count} 件を {path} に書き出しました。",
        f"Exported {count} {'entry' if count == 1 else 'entries'} to {path}.",
    )


class ProgressLine:
    """A "Sending 3/12" line on stderr, rewritten in place as work goes on (send, fetch). As a
    context manager it ends the line when the work stopped part-way, so the summary or the
    error that follows starts on a line of its own."""

    def __init__(self, ja: str, en: str) -> None:
        self.word = tr(ja, en)
        self.last = -1
        self.open = False

    def show(self, done: int, total: int) -> None:
        if not total or done == self.last:
            return
        self.last = done
        print(f"\r{self.word} {done}/{total}", end="", file=sys.stderr, flush=True)
        self.open = done != total
        if not self.open:
            print(file=sys.stderr)

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.open:
            self.open = False
            print(file=sys.stderr, flush=True)


def open_db(args: argparse.Namespace) -> Database:
    # Imported here: `kenshu-desk` with no command opens a window before SQLAlchemy loads.
    from kenshu_desk.database import open_database, resolve_url

    db = open_database(resolve_url(args.db))
    if db.backup is not None:
        said = tr(
            f"データベースを更新しました（更新前のコピー: {db.backup}）",
            f"The database was upgraded (a copy of the earlier version: {db.backup})",
        )
        print(said, file=sys.stderr)
    return db


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
