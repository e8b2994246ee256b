"""Sub-commands for the printed documents: agenda, roster (participant list / sign-in sheet)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db
from kenshu_desk.documents.agenda import agenda_pdf
from kenshu_desk.documents.roster import document_name, roster_pdf
from kenshu_desk.domain.roster import RosterOrder
from kenshu_desk.services.participants.roster import event_roster
from kenshu_desk.services.timetable.events import get_event


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    agenda = commands.add_parser("agenda", help="次第（プログラム）の PDF を作成")
    agenda.add_argument(
        "event_id", type=id_arg, metavar="EVENT_ID", help="行事 ID（events で確認）"
    )
    agenda.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="出力ファイル")
    agenda.set_defaults(handler=run_agenda)

    roster = commands.add_parser("roster", help="参加者名簿または受付簿の PDF を作成")
    roster.add_argument(
        "event_id", type=id_arg, metavar="EVENT_ID", help="行事 ID（events で確認）"
    )
    roster.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="出力ファイル")
    roster.add_argument(
        "--sign-in", action="store_true", help="受付簿（出欠・署名欄つき、A4横）にする"
    )
    roster.add_argument(
        "--order",
        choices=[o.value for o in RosterOrder],
        default=RosterOrder.ORGANISATION.value,
        help="並び順: organisation（所属順、既定）または reading（五十音順）",
    )
    roster.set_defaults(handler=run_roster)


def run_agenda(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            data = agenda_pdf(get_event(session, args.event_id))
    finally:
        db.dispose()
    write_atomically(Path(args.output), data)
    print(f"次第を {args.output} に保存しました。")
    return 0


def run_roster(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            roster = event_roster(session, args.event_id, RosterOrder(args.order))
    finally:
        db.dispose()
    data = roster_pdf(roster, sign_in=args.sign_in)
    write_atomically(Path(args.output), data)
    name = document_name(args.sign_in)
    print(
        f"{name}（{len(roster.entries)}名、{roster.order.label}）を {args.output} に保存しました。"
    )
    return 0
