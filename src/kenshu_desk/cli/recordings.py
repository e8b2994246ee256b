"""Sub-commands for recording links: recordings send, log, follow-up, manual.

`send` creates the event's recording link when the URL is new (else reuses it), queues one
message per recipient through the outbox and sends them; a second run sends nothing to those
who already got it unless `--resend`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kenshu_desk.cli.common import (
    MonthDay,
    date_arg,
    exported,
    folder_arg,
    id_arg,
    open_db,
    print_json,
    tr,
)
from kenshu_desk.cli.mail import (
    add_smtp_options,
    dry_run_help,
    dry_run_notice,
    eml_dir_help,
    failed_line,
    finish_queued_run,
    left_out,
    sender_of,
    smtp_password,
    smtp_settings,
)
from kenshu_desk.documents.recording_export import TITLE_SUFFIX, write_log
from kenshu_desk.errors import UserError
from kenshu_desk.mail.recording_template import load_recording_template
from kenshu_desk.services.mail.outbox import recover_interrupted
from kenshu_desk.services.recordings.recording_log import delivery_log, follow_up
from kenshu_desk.services.recordings.recordings import (
    MANUAL_METHODS,
    METHOD_MESSAGES,
    STATUS_MESSAGES,
    find_or_add_recording,
    plan_recording,
    queue_recording,
    record_manual_delivery,
)
from kenshu_desk.services.timetable.events import get_event


def _event_date(session, event_id: int, value):  # type: ignore[no-untyped-def]
    """A full date as given; "10/20" completed from the event's fiscal year."""
    if not isinstance(value, MonthDay):
        return value
    from kenshu_desk.domain.date_input import DateInputError
    from kenshu_desk.domain.japanese import fiscal_year

    try:
        return value.resolve(fiscal_year(get_event(session, event_id).date))
    except DateInputError as exc:
        raise UserError(str(exc)) from None


def _extra(text: str) -> tuple[str, str]:
    name, sep, address = text.rpartition("=")
    return (name, address) if sep else ("", text)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rec = commands.add_parser(
        "recordings",
        help=tr(
            "行事の録画（動画リンク）の送付と配信記録",
            "send an event's recording link and keep the record of where it went",
        ),
    )
    sub = rec.add_subparsers(dest="recordings_command", metavar="COMMAND", required=True)

    send = sub.add_parser(
        "send",
        help=tr(
            "動画リンクを欠席者（または全員）に送る",
            "send the recording link to the absent (or to everyone)",
        ),
    )
    send.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    send.add_argument("--url", required=True, help=tr("動画の URL", "the recording's URL"))
    send.add_argument("--passcode", metavar="P", help=tr("パスコード", "the passcode"))
    send.add_argument(
        "--until",
        metavar="DATE",
        type=date_arg,
        help=tr(
            "公開期限（2022/10/20・R4.10.20・令和4年10月20日、10/20 なら行事の年度）",
            "available until (2022/10/20, R4.10.20, 2022-10-20; 10/20 means in the event's"
            " fiscal year)",
        ),
    )
    send.add_argument(
        "--to",
        choices=("absent", "all"),
        default="absent",
        help=tr(
            "absent（既定）: 出席の記録がない申込者、all: 取消以外の申込者全員",
            "absent (the default): registrants with no attendance recorded; all: every"
            " registrant who has not cancelled",
        ),
    )
    send.add_argument(
        "--extra",
        metavar="[NAME=]ADDRESS",
        action="append",
        type=_extra,
        default=[],
        help=tr(
            "申込者以外の送付先（共有アドレスなど）。繰り返し指定できます",
            "another recipient who did not register (a shared address, say); may be repeated",
        ),
    )
    add_smtp_options(send)
    send.add_argument(
        "--eml-dir",
        metavar="DIR",
        type=folder_arg,
        help=eml_dir_help(),
    )
    send.add_argument(
        "--materials",
        action="store_true",
        help=tr(
            "行事の資料（materials add）を添付して送る",
            "attach the event's materials (materials add)",
        ),
    )
    send.add_argument(
        "--allow-large", action="store_true",
        help=tr(
            "資料を添付してメール設定のサイズ上限を超えても送る（既定: 何も送らない）",
            "send even when the attachments exceed the size limit in the mail settings"
            " (default: send nothing)",
        ),
    )  # fmt: skip
    send.add_argument(
        "--resend",
        action="store_true",
        help=tr("送付済みの人にももう一度送る", "send again to those who received it"),
    )
    send.add_argument("--dry-run", action="store_true", help=dry_run_help())
    send.set_defaults(handler=run_send)

    log = sub.add_parser(
        "log", help=tr("動画リンクの配信記録", "the record of where the link went")
    )
    log.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    log.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    log.add_argument(
        "-o",
        "--output",
        metavar="FILE.csv|FILE.xlsx",
        type=Path,
        help=tr("書き出し", "write it to a file"),
    )
    log.set_defaults(handler=run_log)

    follow = sub.add_parser(
        "follow-up",
        help=tr(
            "申込者ごとの 出席 / 動画送付済み / どちらもなし",
            "each registrant: attended / link sent / neither",
        ),
    )
    follow.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    follow.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    follow.set_defaults(handler=run_follow_up)

    manual = sub.add_parser(
        "manual",
        help=tr("電話・手渡しでの伝達を記録する", "record a link passed on by phone or by hand"),
    )
    manual.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    manual.add_argument("--url", required=True, help=tr("伝えた動画の URL", "the URL passed on"))
    manual.add_argument(
        "--participant", metavar="ID", type=id_arg, help=tr("参加者 ID", "the participant's id")
    )
    manual.add_argument(
        "--name",
        default="",
        help=tr("氏名（参加者でない人）", "the name (someone not a participant)"),
    )
    manual.add_argument("--method", choices=tuple(MANUAL_METHODS), default="phone")
    manual.add_argument(
        "--date",
        metavar="DATE",
        type=date_arg,
        help=tr(
            "伝えた日（既定: 今日。書き方は --until と同じ）",
            "the day it was passed on (default: today; written as for --until)",
        ),
    )
    manual.add_argument("--note", default="", help=tr("備考", "a note"))
    manual.set_defaults(handler=run_manual)


def run_send(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        settings = smtp_settings(args)
        sender = sender_of(args, settings, db)
        if args.dry_run:
            with db.session() as session:
                link = find_or_add_recording(session, args.event_id, args.url, args.passcode)
                plan = plan_recording(
                    session, link.id, args.to, extras=args.extra, resend=args.resend
                )
                session.rollback()  # a dry run keeps nothing, not even a new link
            _print_plan(plan)
            print(dry_run_notice())
            return 0
        password = "" if args.eml_dir is not None else smtp_password(settings)
        # What a stopped run left behind is recorded first (its 250s from the journal, its
        # claims as 送信結果不明), also when nothing new is to be queued.
        interrupted = recover_interrupted(db)
        with db.session() as session:
            until = _event_date(session, args.event_id, args.until)
            link = find_or_add_recording(session, args.event_id, args.url, args.passcode, until)
            queued = queue_recording(
                session, link.id, sender, load_recording_template(),
                group=args.to, extras=args.extra,
                resend=args.resend, eml_dir=args.eml_dir, materials=args.materials,
                size_limit_mb=settings.size_limit_mb, allow_large=args.allow_large,
            )  # fmt: skip
        _print_plan(queued.plan, details=False)
        report = finish_queued_run(
            db, settings, password, queued.ids, interrupted, args.eml_dir, len(queued.paths)
        )
        if report is None:
            return 0
        with db.session() as session:
            failed = [
                e for e in delivery_log(session, args.event_id)
                if e.status == "failed" and e.outbox_message_id in queued.ids
            ]  # fmt: skip
        for entry in failed:
            print(failed_line(entry.recipient, entry.address, entry.note), file=sys.stderr)
        if report.error:
            raise UserError(report.error)
        return 1 if report.failed else 0
    finally:
        db.dispose()


def _print_plan(plan, *, details: bool = True) -> None:  # type: ignore[no-untyped-def]
    print(tr(f"送信先 {plan.count} 人", f"Recipients: {plan.count}"))
    if details:
        for m in plan.messages:
            print(f"  {m.recipient.name} <{m.recipient.address}>")
    for who, why in plan.skipped:
        print(left_out(who, why), file=sys.stderr)


def run_log(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            entries = delivery_log(session, args.event_id)
            title = f"{get_event(session, args.event_id).title} {TITLE_SUFFIX}"
    finally:
        db.dispose()
    if args.output is not None:
        count = write_log(entries, args.output, title=title)
        print(exported(count, args.output))
        return 0
    if args.json:
        print_json([e.to_dict() for e in entries])
        return 0
    for e in entries:
        status = STATUS_MESSAGES.get(e.status, e.status)
        method = METHOD_MESSAGES.get(e.method, e.method)
        line = f"{status}\t{method}\t{e.recipient} <{e.address}>\t{e.local_time or '-'}\t{e.url}"
        print(line + (f"\t{e.note}" if e.note else ""))
    return 0


def run_follow_up(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            rows = follow_up(session, args.event_id)
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "participant_id": r.participant_id,
                    "name": r.name,
                    "organisation": r.organisation,
                    "email": r.email,
                    "attended": r.attended,
                    "received": r.received,
                    "neither": r.neither,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        if r.attended:
            mark = tr("出席", "Attended")
        else:
            mark = tr("送付済み", "Link sent") if r.received else tr("未対応", "Neither")
        print(f"{mark}\t{r.organisation}\t{r.name}\t{r.email}")
    return 0


def run_manual(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            link = find_or_add_recording(session, args.event_id, args.url)
            day = _event_date(session, args.event_id, args.date)
            when = dt.datetime.combine(day, dt.time(12, 0)) if day is not None else None
            record_manual_delivery(
                session, link.id, method=args.method, participant_id=args.participant,
                name=args.name, when=when, note=args.note,
            )  # fmt: skip
    finally:
        db.dispose()
    print(tr("伝達を記録しました。", "Recorded."))
    return 0
