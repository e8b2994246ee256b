"""Sub-command for 名札 / 卓上名札: `badges EVENT_ID -o FILE.pdf [--layout name-card|table-tent]
[--paper A4]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, tr
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    badges = commands.add_parser(
        "badges",
        help=tr("名札・卓上名札の PDF を作成", "write name cards or table tents as a PDF"),
        description=str(msg("badges.help")),
    )
    badges.add_argument(
        "event_id",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("行事 ID（events で確認）", "the event's id (see events)"),
    )
    badges.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=tr("出力 PDF", "the PDF to write")
    )
    badges.add_argument(
        "--layout",
        choices=("name-card", "table-tent"),
        default="name-card",
        help=tr(
            "name-card: 名刺サイズ 10 面 / table-tent: A4 を折る卓上名札（既定 name-card）",
            "name-card: business-card size, 10 per sheet / table-tent: folded A4"
            " (default: name-card)",
        ),
    )
    badges.add_argument(
        "--paper", choices=("A4",), default="A4", help=tr("用紙（A4 のみ）", "the paper (A4 only)")
    )
    badges.set_defaults(handler=run_badges)


def run_badges(args: argparse.Namespace) -> int:
    from kenshu_desk.documents.badges import badges_pdf
    from kenshu_desk.services.participants.badges import badge_people
    from kenshu_desk.services.timetable.events import get_event

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError(msg("groups.not_pdf", path=str(output)))
    db = open_db(args)
    try:
        with db.session() as session:
            title = get_event(session, args.event_id).title
            people = badge_people(session, args.event_id)
    finally:
        db.dispose()
    if not people:
        raise UserError(msg("badges.nobody"))
    write_atomically(output, badges_pdf(title, people, args.layout))
    print(msg("badges.saved", path=str(output), count=len(people)))
    return 0
