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

from kenshu_desk.cli.common import MonthDay, date_arg, folder_arg, id_arg, open_db, print_json
from kenshu_desk.cli.mail import (
    add_smtp_options,
    finish_queued_run,
    sender_of,
    smtp_password,
    smtp_settings,
)
from kenshu_desk.documents.recording_export import write_log
from kenshu_desk.errors import UserError
from kenshu_desk.mail.recording_template import load_recording_template
from kenshu_desk.services.mail.outbox import recover_interrupted
from kenshu_desk.services.recordings.recording_log import delivery_log, follow_up
from kenshu_desk.services.recordings.recordings import (
    MANUAL_METHODS,
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
    rec = commands.add_parser("recordings", help="行事の録画（動画リンク）の送付と配信記録")
    sub = rec.add_subparsers(dest="recordings_command", metavar="COMMAND", required=True)

    send = sub.add_parser("send", help="動画リンクを欠席者（または全員）に送る")
    send.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    send.add_argument("--url", required=True, help="動画の URL")
    send.add_argument("--passcode", metavar="P", help="パスコード")
    send.add_argument(
        "--until",
        metavar="DATE",
        type=date_arg,
        help="公開期限（2022/10/20・R4.10.20・令和4年10月20日、10/20 なら行事の年度）",
    )
    send.add_argument(
        "--to",
        choices=("absent", "all"),
        default="absent",
        help="absent（既定）: 出席の記録がない申込者、all: 取消以外の申込者全員",
    )
    send.add_argument(
        "--extra",
        metavar="[NAME=]ADDRESS",
        action="append",
        type=_extra,
        default=[],
        help="申込者以外の送付先（共有アドレスなど）。繰り返し指定できます",
    )
    add_smtp_options(send)
    send.add_argument(
        "--eml-dir",
        metavar="DIR",
        type=folder_arg,
        help="送信せず、宛先ごとの .eml をこのフォルダに保存",
    )
    send.add_argument(
        "--materials", action="store_true", help="行事の資料（materials add）を添付して送る"
    )
    send.add_argument(
        "--allow-large", action="store_true",
        help="資料を添付してメール設定のサイズ上限を超えても送る（既定: 何も送らない）",
    )  # fmt: skip
    send.add_argument("--resend", action="store_true", help="送付済みの人にももう一度送る")
    send.add_argument("--dry-run", action="store_true", help="何も送らず、送る予定を表示")
    send.set_defaults(handler=run_send)

    log = sub.add_parser("log", help="動画リンクの配信記録")
    log.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    log.add_argument("--json", action="store_true", help="JSON で出力")
    log.add_argument("-o", "--output", metavar="FILE.csv|FILE.xlsx", type=Path, help="書き出し")
    log.set_defaults(handler=run_log)

    follow = sub.add_parser("follow-up", help="申込者ごとの 出席 / 動画送付済み / どちらもなし")
    follow.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    follow.add_argument("--json", action="store_true", help="JSON で出力")
    follow.set_defaults(handler=run_follow_up)

    manual = sub.add_parser("manual", help="電話・手渡しでの伝達を記録する")
    manual.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    manual.add_argument("--url", required=True, help="伝えた動画の URL")
    manual.add_argument("--participant", metavar="ID", type=id_arg, help="参加者 ID")
    manual.add_argument("--name", default="", help="氏名（参加者でない人）")
    manual.add_argument("--method", choices=tuple(MANUAL_METHODS), default="phone")
    manual.add_argument(
        "--date",
        metavar="DATE",
        type=date_arg,
        help="伝えた日（既定: 今日。書き方は --until と同じ）",
    )
    manual.add_argument("--note", default="", help="備考")
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
            print("（--dry-run: 何も送信・保存していません）")
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
            print(f"  失敗: {entry.recipient} <{entry.address}>: {entry.note}", file=sys.stderr)
        if report.error:
            raise UserError(report.error)
        return 1 if report.failed else 0
    finally:
        db.dispose()


def _print_plan(plan, *, details: bool = True) -> None:  # type: ignore[no-untyped-def]
    print(f"送信先 {plan.count} 人")
    if details:
        for m in plan.messages:
            print(f"  {m.recipient.name} <{m.recipient.address}>")
    for who, why in plan.skipped:
        print(f"  対象外: {who}（{why}）", file=sys.stderr)


def run_log(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            entries = delivery_log(session, args.event_id)
            title = f"{get_event(session, args.event_id).title} 動画配信記録"
    finally:
        db.dispose()
    if args.output is not None:
        count = write_log(entries, args.output, title=title)
        print(f"{count} 件を {args.output} に書き出しました。")
        return 0
    if args.json:
        print_json([e.to_dict() for e in entries])
        return 0
    for e in entries:
        line = (
            f"{e.status_label}\t{e.method_label}\t{e.recipient} <{e.address}>\t"
            f"{e.local_time or '-'}\t{e.url}"
        )
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
        mark = "出席" if r.attended else "送付済み" if r.received else "未対応"
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
    print("伝達を記録しました。")
    return 0
