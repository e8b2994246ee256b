"""Sub-commands for the printed documents: agenda, roster (participant list / sign-in sheet)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, tr
from kenshu_desk.documents.agenda import agenda_pdf
from kenshu_desk.documents.roster import document_name, roster_pdf
from kenshu_desk.domain.roster import RosterOrder
from kenshu_desk.services.participants.roster import event_roster
from kenshu_desk.services.timetable.events import get_event


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    agenda = commands.add_parser(
        "agenda", help=tr("次第（プログラム）の PDF を作成", "make the agenda (programme) PDF")
    )
    agenda.add_argument(
        "event_id",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("行事 ID（events で確認）", "event ID (see events)"),
    )
    agenda.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=tr("出力ファイル", "output file")
    )
    agenda.set_defaults(handler=run_agenda)

    roster = commands.add_parser(
        "roster",
        help=tr(
            "参加者名簿または受付簿の PDF を作成", "make the participant list or sign-in sheet PDF"
        ),
    )
    roster.add_argument(
        "event_id",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("行事 ID（events で確認）", "event ID (see events)"),
    )
    roster.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=tr("出力ファイル", "output file")
    )
    roster.add_argument(
        "--sign-in",
        action="store_true",
        help=tr(
            "受付簿（出欠・署名欄つき、A4横）にする",
            "make a sign-in sheet (attendance and signature columns, A4 landscape)",
        ),
    )
    roster.add_argument(
        "--order",
        choices=[o.value for o in RosterOrder],
        default=RosterOrder.ORGANISATION.value,
        help=tr(
            "並び順: organisation（所属順、既定）または reading（五十音順）",
            "sort order: organisation (by organisation, default) or reading (by name reading)",
        ),
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
    print(tr(f"次第を {args.output} に保存しました。", f"Saved the agenda to {args.output}."))
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
    count = len(roster.entries)
    name_en = "sign-in sheet" if args.sign_in else "participant list"
    order_en = "by organisation" if roster.order is RosterOrder.ORGANISATION else "by reading"
    people_en = "1 participant" if count == 1 else f"{count} participants"
    print(
        tr(
            f"{document_name(args.sign_in)}（{count}名、{roster.order.label}）を {args.output} に保存しました。",
            f"Saved the {name_en} ({people_en}, {order_en}) to {args.output}.",
        )
    )
    return 0
