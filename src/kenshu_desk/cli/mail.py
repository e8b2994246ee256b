"""Sub-commands for calendars and mail: ics, invites send, outbox.

`invites send` decides per participant what to send (see services.invitations): an
invitation, an update when that participant already got an earlier version of the event,
or a cancellation when the event is cancelled; `--kind` overrides the choice.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import (
    ProgressLine,
    alarm_arg,
    folder_arg,
    id_arg,
    open_db,
    port_arg,
    print_json,
    tr,
)
from kenshu_desk.database import Database
from kenshu_desk.documents.ics import publish_calendar
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.settings import (
    PASSWORD_ENV,
    MailSettings,
    get_password,
    load_settings,
    load_templates,
)
from kenshu_desk.mail.templates import MessageKind, kind_label
from kenshu_desk.mail.transport import Security, SmtpTransport, check_timeout
from kenshu_desk.services.mail.actions import agenda_attachments
from kenshu_desk.services.mail.invitations import (
    InvitationPlan,
    plan_messages,
    queue_messages,
    save_eml_files,
)
from kenshu_desk.services.mail.journal import apply_journal
from kenshu_desk.services.mail.outbox import (
    SendProgress,
    SendReport,
    list_outbox,
    recover_interrupted,
    requeue,
    send_queued,
)
from kenshu_desk.services.timetable.events import get_event

KINDS = ("auto", *(k.value for k in MessageKind if k != MessageKind.WITHDRAWAL))


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ics = commands.add_parser(
        "ics",
        help=tr(
            "行事のカレンダーファイル（.ics, METHOD:PUBLISH）を書き出す",
            "write the event's calendar file (.ics, METHOD:PUBLISH)",
        ),
    )
    ics.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    ics.add_argument("-o", "--output", metavar="FILE.ics", required=True, type=Path)
    ics.add_argument("--alarm", metavar="MINUTES", type=alarm_arg, help=alarm_help())
    ics.set_defaults(handler=run_ics)

    invites = commands.add_parser(
        "invites", help=tr("参加者へのカレンダー招待メール", "calendar invitations to participants")
    )
    sub = invites.add_subparsers(dest="invites_command", metavar="COMMAND", required=True)
    send = sub.add_parser(
        "send",
        help=tr(
            "招待（または変更・中止のお知らせ）を送る",
            "send the invitations (or notices of a change or cancellation)",
        ),
    )
    send.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    send.add_argument(
        "--kind",
        choices=KINDS,
        default="auto",
        help=tr(
            "auto（既定）: 初めての人には招待、以前の版を受け取った人には変更、"
            "中止した行事には中止のお知らせ",
            "auto (the default): an invitation to new recipients, an update to those who"
            " received an earlier version, a cancellation for a cancelled event",
        ),
    )
    add_smtp_options(send)
    send.add_argument("--alarm", metavar="MINUTES", type=alarm_arg, help=alarm_help())
    send.add_argument(
        "--eml-dir",
        metavar="DIR",
        type=folder_arg,
        help=eml_dir_help(),
    )
    send.add_argument(
        "--dry-run",
        action="store_true",
        help=dry_run_help(),
    )
    send.add_argument(
        "--attach-agenda",
        action="store_true",
        help=tr(
            "次第を PDF で添付（招待・変更）", "attach the agenda as a PDF (invitations, updates)"
        ),
    )
    send.add_argument(
        "--yes",
        action="store_true",
        help=tr(
            "変更・取り消しのお知らせ（受信者の予定表を書き換えるメール）を確認なしで送る",
            "send updates and cancellations (mail that changes the recipients' calendars)"
            " without asking",
        ),
    )
    send.set_defaults(handler=run_invites_send)

    outbox = commands.add_parser(
        "outbox", help=tr("送信済みメールの記録", "the record of sent mail")
    )
    outbox.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    outbox.add_argument(
        "--event",
        metavar="EVENT_ID",
        type=id_arg,
        help=tr("この行事のメールだけ", "only this event's mail"),
    )
    outbox.add_argument(
        "--resend",
        metavar="ID",
        type=id_arg,
        nargs="+",
        help=tr(
            "失敗・結果不明のメールを送信待ちに戻す（次の invites send で送信）",
            "put failed mail, or mail whose result is unknown, back in the outbox"
            " (the next invites send sends it)",
        ),
    )
    outbox.set_defaults(handler=run_outbox)


def add_smtp_options(parser: argparse.ArgumentParser) -> None:
    """The server and sender options every sending command shares (invites, recordings)."""
    parser.add_argument("--smtp-host", metavar="H")
    parser.add_argument("--smtp-port", metavar="P", type=port_arg)
    parser.add_argument("--smtp-security", choices=[s.value for s in Security])
    parser.add_argument("--smtp-user", metavar="U")
    parser.add_argument(
        "--smtp-timeout",
        metavar="SECONDS",
        type=float,
        help=tr(
            "サーバーの応答を待つ時間（1 段階あたりの上限、既定 20 秒）",
            "how long to wait for the server (per step, default 20 seconds)",
        ),
    )
    parser.add_argument(
        "--from",
        dest="sender",
        metavar="ADDRESS",
        help=tr("差出人アドレス", "the sender's address"),
    )
    parser.add_argument("--from-name", metavar="NAME", help=tr("差出人名", "the sender's name"))


def alarm_help() -> str:
    return tr("開始の何分前に通知するか", "the reminder alarm, in minutes before the start")


KIND_EN = {
    "invitation": "Invitation",
    "update": "Update",
    "cancellation": "Cancellation",
    "withdrawal": "Withdrawal",
    "recording": "Recording link",
    "reminder": "Reminder",
}


def kind_text(kind: str) -> str:
    """A message kind in the command line's language (stored kinds unknown here as they are)."""
    return tr(kind_label(kind), KIND_EN.get(str(kind), str(kind)))


# Words every sending command shares (invites, recordings, reminders).
def eml_dir_help() -> str:
    return tr(
        "送信せず、宛先ごとの .eml をこのフォルダに保存",
        "send nothing; save one .eml per recipient in this folder",
    )


def dry_run_help() -> str:
    return tr("何も送らず、送る予定を表示", "send nothing; show what would be sent")


def dry_run_notice() -> str:
    return tr("（--dry-run: 何も送信・保存していません）", "(--dry-run: nothing sent or saved)")


def left_out(who: str, why: object) -> str:
    return tr(f"  対象外: {who}（{why}）", f"  Left out: {who} ({why})")


def failed_line(name: str, address: str, why: object) -> str:
    return tr("  失敗: ", "  Failed: ") + f"{name} <{address}>: {why}"


def saved_files(count: int, folder: Path) -> str:
    return tr(
        f"{count} 件のメールファイルを {folder} に保存しました。",
        f"Saved {count} mail files in {folder}.",
    )


def run_ics(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            data = publish_calendar(get_event(session, args.event_id), alarm_minutes=args.alarm)
    finally:
        db.dispose()
    write_atomically(args.output, data)
    print(tr(f"{args.output} に書き出しました。", f"Wrote {args.output}."))
    return 0


def _settings(args: argparse.Namespace) -> MailSettings:
    if args.smtp_port is not None and not 1 <= args.smtp_port <= 65535:
        raise UserError(
            tr(
                f"--smtp-port は 1～65535 で指定してください: {args.smtp_port}",
                f"--smtp-port must be between 1 and 65535: {args.smtp_port}",
            )
        )
    timeout = getattr(args, "smtp_timeout", None)
    if timeout is not None:
        check_timeout(timeout)
    base = load_settings()
    security = Security(args.smtp_security) if args.smtp_security else base.security
    port = args.smtp_port if args.smtp_port is not None else base.port
    if args.smtp_security and args.smtp_port is None and args.smtp_security != base.security:
        port = 0  # the usual port for the newly chosen mode
    return MailSettings(
        sender_name=base.sender_name,
        sender_address=base.sender_address,
        host=args.smtp_host or base.host,
        port=port,
        security=security,
        user=args.smtp_user if args.smtp_user is not None else base.user,
        timeout=timeout if timeout is not None else base.timeout,
        size_limit_mb=base.size_limit_mb,
        alarm_minutes=alarm
        if (alarm := getattr(args, "alarm", None)) is not None
        else base.alarm_minutes,
    )


def _sender(args: argparse.Namespace, settings: MailSettings, db: Database) -> MailAddress:
    address = args.sender or settings.sender_address
    name = args.from_name if args.from_name is not None else settings.sender_name
    if not address:
        with db.session() as session:
            event = get_event(session, args.event_id)
            address = event.organiser_email
            name = name or event.organiser_name
    if not address:
        raise UserError(
            tr(
                "差出人のアドレスがありません。--from で指定してください。",
                "There is no sender address: give it with --from.",
            )
        )
    return MailAddress(name or "", address)


def _print_plan(plan: InvitationPlan, *, details: bool) -> None:
    counts = tr("、", ", ").join(
        tr(f"{kind_text(k)} {n}", f"{kind_text(k)}: {n}") for k, n in plan.count_by_kind().items()
    )
    if counts:
        counts = tr(f"（{counts}）", f" ({counts})")
    print(tr(f"送信先 {plan.count} 人", f"Recipients: {plan.count}") + counts)
    if details:
        for m in plan.messages:
            print(f"  {kind_text(m.kind)}\t{m.recipient.name} <{m.recipient.address}>")
    for who, why in plan.skipped:
        print(left_out(who, why), file=sys.stderr)


def run_invites_send(args: argparse.Namespace) -> int:
    kind = None if args.kind == "auto" else MessageKind(args.kind)
    db = open_db(args)
    try:
        settings = _settings(args)
        sender = _sender(args, settings, db)
        if args.dry_run:
            with db.session() as session:
                _print_plan(plan_messages(session, args.event_id, kind), details=True)
            print(dry_run_notice())
            return 0
        templates = load_templates()
        if args.eml_dir is not None:
            with db.session() as session:
                saved, paths = save_eml_files(
                    session, args.event_id, sender, args.eml_dir, templates,
                    kind=kind, alarm_minutes=settings.alarm_minutes,
                    attachments=agenda_attachments(session, args.event_id, args.attach_agenda),
                )  # fmt: skip
                _print_plan(saved.plan, details=False)
            print(saved_files(len(paths), args.eml_dir))
            return 0
        password = smtp_password(settings)
        interrupted = recover_interrupted(db)  # a stopped run's 250s and claims, first
        with db.session() as session:
            plan = plan_messages(session, args.event_id, kind)
        if plan.changing and not args.yes:
            _print_plan(plan, details=False)
            raise UserError(
                tr(
                    f"{plan.changing} 人の予定表を書き換えるメール（変更・取り消し）を送ります。"
                    "確かめてから --yes を付けて実行してください（何も送っていません）。",
                    f"This sends {plan.changing} people mail that changes their calendars"
                    " (updates, cancellations). Check, then run again with --yes"
                    " (nothing was sent).",
                )
            )
        with db.session() as session:
            queued = queue_messages(
                session, args.event_id, sender, templates,
                kind=kind, alarm_minutes=settings.alarm_minutes,
                attachments=agenda_attachments(session, args.event_id, args.attach_agenda),
            )  # fmt: skip
            _print_plan(queued.plan, details=False)
        transport = SmtpTransport(settings.smtp_config(password))
        with sending_line() as line:
            report = send_queued(db, transport, event_id=args.event_id, progress=line)
        report.interrupted += interrupted
        print(report.summary())
        with db.session() as session:
            failed = [e for e in list_outbox(session, args.event_id) if e.status == "failed"]
        for entry in failed:
            print(
                failed_line(entry.recipient_name, entry.recipient, entry.error),
                file=sys.stderr,
            )
        if report.error:
            raise UserError(report.error)
        return 1 if report.failed else 0
    finally:
        db.dispose()


def finish_queued_run(
    db: Database,
    settings: MailSettings,
    password: str,
    ids: list[int],
    interrupted: int,
    eml_dir: Path | None,
    saved: int,
) -> SendReport | None:
    """How a queued run of recordings or reminders ends: drafts saved (said), nothing to send
    (said, with a stopped run's unknown results), or the sending with its progress and
    summary; the report when something was sent."""
    if eml_dir is not None:
        print(saved_files(saved, eml_dir))
        return None
    if not ids:
        if interrupted:
            print(
                tr(
                    f"送信結果不明 {interrupted} 件（前回の送信が途中で止まっていました）",
                    f"Result unknown: {interrupted} (the previous run stopped part-way)",
                )
            )
        return None
    transport = SmtpTransport(settings.smtp_config(password))
    with sending_line() as line:
        report = send_queued(db, transport, ids=ids, progress=line)
    report.interrupted += interrupted
    print(report.summary())
    return report


def smtp_password(settings: MailSettings) -> str:
    """The password for settings (keyring or environment); UserError when one is missing."""
    if not settings.host:
        raise UserError(
            tr(
                "SMTP サーバーが設定されていません。--smtp-host で指定してください。",
                "No SMTP server is set: give it with --smtp-host.",
            )
        )
    password = get_password(settings)
    if settings.user and not password:
        raise UserError(
            tr(
                "SMTP のパスワードがありません。画面のメール設定で保存するか、環境変数 "
                f"{PASSWORD_ENV} で指定してください。",
                "There is no SMTP password: save it in the window's mail settings or give it"
                f" in the environment variable {PASSWORD_ENV}.",
            )
        )
    return password


# Public names for the other sending commands.
smtp_settings = _settings
sender_of = _sender


@contextlib.contextmanager
def sending_line() -> Iterator[Callable[[SendProgress], None]]:
    """The "Sending 3/12" line for send_queued, ended when a run stops part-way."""
    with ProgressLine("送信中", "Sending") as line:
        yield lambda p: line.show(p.done, p.total)


def run_outbox(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        if args.resend:
            count = requeue(db, args.resend)
            print(tr(f"{count} 件を送信待ちに戻しました。", f"Put {count} back in the outbox."))
            return 0
        apply_journal(db)  # 250s the database missed last time (services/mail/journal.py)
        with db.session() as session:
            entries = list_outbox(session, args.event)
    finally:
        db.dispose()
    if args.json:
        print_json([e.to_dict() for e in entries])
        return 0
    from kenshu_desk.services.mail.outbox import Status

    for e in entries:
        status = Status(e.status).label if e.status in {s.value for s in Status} else e.status
        when = e.sent_at.strftime("%Y-%m-%d %H:%M") if e.sent_at else "-"
        line = (
            f"{e.id:>5}  {status}  {kind_text(e.kind)}  {e.recipient_name} <{e.recipient}>  {when}"
        )
        print(line + (f"  {e.error}" if e.error else ""))
    return 0
