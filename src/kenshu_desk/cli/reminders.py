"""Sub-commands for reminders: reminders send, reminders schedule.

`send` queues one reminder per registered person who has not declined, through the outbox,
and sends them; a second run sends nothing to those who already have it. `--due` is for a
scheduled task (Windows タスク スケジューラ): it sends only when the event's reminder
schedule says so, and only to those who do not have it yet; otherwise it says why, exit 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from kenshu_desk.cli.common import folder_arg, id_arg, open_db, tr
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
from kenshu_desk.errors import UserError
from kenshu_desk.mail.reminder_template import load_reminder_template
from kenshu_desk.messages import msg
from kenshu_desk.services.mail.outbox import recover_interrupted
from kenshu_desk.services.reminders.reminders import (
    ReminderPlan,
    attachments_of,
    checked_link,
    estimated_size,
    plan_reminder,
    queue_reminder,
    size_warning,
)
from kenshu_desk.services.reminders.schedule import get_schedule, set_schedule
from kenshu_desk.services.timetable.events import get_event


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rem = commands.add_parser(
        "reminders", help=tr("行事の前のリマインドメール", "reminder mail before an event")
    )
    sub = rem.add_subparsers(dest="reminders_command", metavar="COMMAND", required=True)

    send = sub.add_parser(
        "send",
        help=tr(
            "申込者（欠席・取消の人を除く）にリマインドを送る",
            "send a reminder to the registrants (except the absent and the cancelled)",
        ),
    )
    send.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    send.add_argument(
        "--attach-agenda",
        action="store_true",
        help=tr("次第を PDF で添付", "attach the agenda as a PDF"),
    )
    send.add_argument(
        "--materials",
        action="store_true",
        help=tr("行事の資料を添付", "attach the event's materials"),
    )
    send.add_argument(
        "--materials-link", metavar="URL",
        help=tr(
            "資料のダウンロード用リンク（共有フォルダなど）。資料の題名と一緒に本文に載せる",
            "a download link for the materials (a shared folder, say), put in the text with"
            " their titles",
        ),
    )  # fmt: skip
    add_smtp_options(send)
    send.add_argument(
        "--eml-dir", metavar="DIR", type=folder_arg,
        help=eml_dir_help(),
    )  # fmt: skip
    send.add_argument("--dry-run", action="store_true", help=dry_run_help())
    send.add_argument(
        "--due", action="store_true",
        help=tr(
            "リマインドの予定（reminders schedule）の日以降で、まだ届いていない人にだけ送る"
            "（タスク スケジューラ用。予定の添付設定も使う）",
            "from the day the reminder schedule (reminders schedule) gives, send only to"
            " those not reached yet (for the Task Scheduler; uses the schedule's attachments)",
        ),
    )  # fmt: skip
    send.add_argument(
        "--allow-large", action="store_true",
        help=tr(
            "メール設定のサイズ上限を超えても送る（既定: 超えるときは何も送らない）",
            "send even above the size limit in the mail settings (default: send nothing then)",
        ),
    )  # fmt: skip
    send.set_defaults(handler=run_send)

    sched = sub.add_parser(
        "schedule",
        help=tr(
            "行事のリマインドの予定（何日前に送るか）",
            "the event's reminder schedule (how many days before)",
        ),
    )
    sched.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    group = sched.add_mutually_exclusive_group()
    group.add_argument(
        "--days-before",
        metavar="N",
        type=int,
        help=tr("開催日の N 日前から送る", "send from N days before the event"),
    )
    group.add_argument(
        "--off", action="store_true", help=tr("予定を取り消す", "remove the schedule")
    )
    sched.add_argument(
        "--attach-agenda",
        action="store_true",
        help=tr("次第を PDF で添付", "attach the agenda as a PDF"),
    )
    sched.add_argument(
        "--materials",
        action="store_true",
        help=tr("行事の資料を添付", "attach the event's materials"),
    )
    sched.add_argument(
        "--materials-link", metavar="URL", default="",
        help=tr(
            "資料のダウンロード用リンク（添付の代わりに本文に載せる）",
            "a download link for the materials, in the text instead of attachments",
        ),
    )  # fmt: skip
    sched.set_defaults(handler=run_schedule)


def _print_plan(plan: ReminderPlan, *, details: bool) -> None:
    print(
        tr(
            f"送信先 {plan.count} 人（送付済み {plan.already} 人、欠席・取消 {plan.declined} 人）",
            f"Recipients: {plan.count} (already sent: {plan.already},"
            f" absent or cancelled: {plan.declined})",
        )
    )
    if details:
        for m in plan.messages:
            print(f"  {m.recipient.name} <{m.recipient.address}>")
    for who, why in plan.skipped:
        print(left_out(who, why), file=sys.stderr)


def run_send(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        settings = smtp_settings(args)
        sender = sender_of(args, settings, db)
        today = dt.date.today()
        agenda, materials = args.attach_agenda, args.materials
        link = checked_link(args.materials_link or "")
        if args.due:
            with db.session() as session:
                event = get_event(session, args.event_id)
                schedule = get_schedule(session, args.event_id)
                if schedule is None:
                    raise UserError(msg("reminders.no_schedule"))
                day = schedule.due_day(event.date)
                if today < day:
                    print(msg("reminders.not_due", day=f"{day:%Y-%m-%d}"))
                    return 0
                if event.cancelled or event.date < today:  # a daily task: nothing to do now
                    code = (
                        "reminders.event_cancelled" if event.cancelled else "reminders.event_over"
                    )
                    print(msg(code, title=event.title))
                    return 0
                agenda = agenda or schedule.attach_agenda
                materials = materials or schedule.attach_materials
                link = link or schedule.materials_link
        if args.dry_run:
            with db.session() as session:
                plan = plan_reminder(session, args.event_id, today=today)
                event = get_event(session, args.event_id)
                files = attachments_of(session, event, agenda=agenda, materials=materials)
            _print_plan(plan, details=True)
            for f in files:
                print(
                    tr(
                        f"  添付: {f.file_name}（{len(f.data):,} バイト）",
                        f"  Attached: {f.file_name} ({len(f.data):,} bytes)",
                    )
                )
            if link:
                print(tr("  資料のダウンロード: ", "  Materials download: ") + link)
            warning = size_warning(estimated_size(files), settings.size_limit_mb)
            if warning is not None:
                print(tr("  注意: ", "  Note: ") + str(warning), file=sys.stderr)
            print(dry_run_notice())
            return 0
        password = "" if args.eml_dir is not None else smtp_password(settings)
        interrupted = recover_interrupted(db)
        with db.session() as session:
            queued = queue_reminder(
                session, args.event_id, sender, load_reminder_template(),
                attach_agenda=agenda, attach_materials=materials, materials_link=link,
                size_limit_mb=settings.size_limit_mb, allow_large=args.allow_large,
                eml_dir=args.eml_dir, today=today,
            )  # fmt: skip
        _print_plan(queued.plan, details=False)
        report = finish_queued_run(
            db, settings, password, queued.ids, interrupted, args.eml_dir, len(queued.paths)
        )
        if report is None:
            return 0
        for problem in report.problems:
            print(failed_line(problem.name, problem.address, problem.reason), file=sys.stderr)
        if report.error:
            raise UserError(report.error)
        return 1 if report.failed else 0
    finally:
        db.dispose()


def run_schedule(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            if args.off:
                set_schedule(session, args.event_id, None)
                print(
                    tr("リマインドの予定を取り消しました。", "The reminder schedule was removed.")
                )
                return 0
            if args.days_before is not None:
                set_schedule(
                    session, args.event_id, args.days_before,
                    attach_agenda=args.attach_agenda, attach_materials=args.materials,
                    materials_link=args.materials_link,
                )  # fmt: skip
            schedule = get_schedule(session, args.event_id)
            event = get_event(session, args.event_id)
            if schedule is None:
                print(tr("リマインドの予定はありません。", "There is no reminder schedule."))
                return 0
            day = schedule.due_day(event.date)
            extras = [
                n for n, on in ((tr("次第", "the agenda"), schedule.attach_agenda),
                                (tr("資料", "the materials"), schedule.attach_materials))
                if on
            ]  # fmt: skip
            joined = tr("・", " and ").join(extras)
            attached = tr(f"、添付: {joined}", f", attaching {joined}") if extras else ""
            n = schedule.days_before
            print(
                tr(
                    f"開催日の {n} 日前（{day:%Y-%m-%d}）から",
                    f"From the day of the event ({day:%Y-%m-%d})"
                    if n == 0
                    else f"From {n} day{'' if n == 1 else 's'} before the event ({day:%Y-%m-%d})",
                )
                + attached
            )
            if schedule.materials_link:
                print(tr("資料のダウンロード: ", "Materials download: ") + schedule.materials_link)
            return 0
    finally:
        db.dispose()
