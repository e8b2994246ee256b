"""Sub-commands for participants' replies to invitations: replies fetch, import, list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kenshu_desk.cli.common import ProgressLine, id_arg, open_db, port_arg, print_json, tr
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg


def partstat_label(partstat: str) -> str:
    return {
        "ACCEPTED": tr("出席予定", "Attending"),
        "DECLINED": tr("欠席の連絡", "Declined"),
        "TENTATIVE": tr("未定", "Tentative"),
    }.get(partstat, partstat)


def status_label(status: str) -> str:
    return {
        "unknown_address": tr("要確認（招待していないアドレス）", "To check (address not invited)"),
        "delegated": tr("要確認（代理を指名）", "To check (delegated)"),
        "counter": tr("要確認（別の日時を提案）", "To check (proposed another time)"),
    }.get(status, status)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rep = commands.add_parser(
        "replies",
        help=tr(
            "招待への返信（出席予定・欠席・未定）の取り込みと一覧",
            "read and list replies to invitations (attending, declined, tentative)",
        ),
    )
    sub = rep.add_subparsers(dest="replies_command", metavar="COMMAND", required=True)

    fetch = sub.add_parser(
        "fetch",
        help=tr(
            "受信サーバー（IMAP）から返信を読み込む（メールは変更しません）",
            "read replies from the mail server (IMAP); mail is left unchanged",
        ),
    )
    fetch.add_argument(
        "--imap-host",
        metavar="H",
        help=tr(
            "受信サーバー（既定: メールの設定）", "the IMAP server (default: the mail settings)"
        ),
    )
    fetch.add_argument(
        "--imap-port",
        metavar="P",
        type=port_arg,
        help=tr("ポート（既定: 993 / 143）", "the port (default: 993 / 143)"),
    )
    fetch.add_argument("--imap-user", metavar="U", help=tr("ユーザー名", "the user name"))
    fetch.add_argument(
        "--imap-folder",
        metavar="F",
        help=tr("フォルダー（既定: INBOX）", "the folder (default: INBOX)"),
    )
    fetch.add_argument(
        "--imap-security",
        choices=("ssl", "starttls"),
        help=tr(
            "暗号化の方式: ssl（SSL/TLS、既定）または starttls",
            "the encryption: ssl (SSL/TLS, the default) or starttls",
        ),
    )
    fetch.set_defaults(handler=run_fetch)

    imp = sub.add_parser(
        "import",
        help=tr(
            ".eml・.msg・.ics ファイルから返信を読み込む",
            "read replies from .eml, .msg or .ics files",
        ),
    )
    imp.add_argument(
        "files", metavar="FILE", nargs="+", type=Path, help=tr("返信のファイル", "the reply files")
    )
    imp.set_defaults(handler=run_import)

    lst = sub.add_parser(
        "list", help=tr("行事の申込者ごとの返信", "each registrant's reply for an event")
    )
    lst.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    lst.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    lst.set_defaults(handler=run_list)


def _print_summary(summary) -> None:  # type: ignore[no-untyped-def]
    print(msg("replies.summary", **_counts(summary)))
    if summary.left_alone:
        print(
            msg("replies.left_alone", names=tr("、", ", ").join(summary.left_alone)),
            file=sys.stderr,
        )


def _counts(summary) -> dict[str, int]:  # type: ignore[no-untyped-def]
    names = ("mails", "applied", "listed", "duplicates", "not_ours", "not_reply", "malformed")
    return {n: getattr(summary, n) for n in names} | {"already_read": summary.already_read}


def run_fetch(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from kenshu_desk.mail.imap import ImapConfig
    from kenshu_desk.mail.imap_settings import (
        PASSWORD_ENV,
        ImapSecurity,
        get_imap_password,
        load_imap_settings,
    )
    from kenshu_desk.services.replies.fetch import FetchInterrupted, fetch_replies

    settings = load_imap_settings()
    changes: dict[str, object] = {}
    if args.imap_security:
        changes["security"] = ImapSecurity(args.imap_security)
    for option, name in (("imap_host", "host"), ("imap_port", "port"), ("imap_user", "user")):
        if getattr(args, option) is not None:
            changes[name] = getattr(args, option)
    if args.imap_folder is not None:
        changes["folder"] = args.imap_folder
    settings = replace(settings, **changes)  # type: ignore[arg-type]
    password = get_imap_password(settings)
    if settings.host and settings.user and not password:
        raise UserError.of("replies.no_password", variable=PASSWORD_ENV)
    db = open_db(args)
    try:
        try:
            with ProgressLine("読み込み中", "Reading") as line:
                summary = fetch_replies(db, ImapConfig(settings, password), line.show)
        except FetchInterrupted as exc:
            _print_summary(exc.summary)
            raise
    finally:
        db.dispose()
    _print_summary(summary)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kenshu_desk.services.replies.files import import_files

    db = open_db(args)
    try:
        summary = import_files(db, args.files)
    finally:
        db.dispose()
    _print_summary(summary)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from kenshu_desk.services.replies.actions import reply_list

    db = open_db(args)
    try:
        rows = reply_list(db, args.event_id)
    finally:
        db.dispose()
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        if r.status is None:
            answer = tr("返信なし", "No reply")
        elif r.status == "applied":
            answer = partstat_label(r.partstat or "")
            if r.earlier_version:
                answer += tr("（変更前の案内への返信）", " (to an earlier version)")
        else:
            answer = status_label(r.status)
        when = (r.replied_at_text() or "")[:16].replace("T", " ")
        extra = r.comment.replace("\n", " ")
        if r.delegated_to:
            extra = f"{tr('代理', 'Delegate')}: {r.delegated_to} {extra}".strip()
        if r.proposal:
            extra = f"{tr('提案', 'Proposed')}: {r.proposal} {extra}".strip()
        print("\t".join((answer, r.name, r.address, when, extra)).rstrip())
    return 0
