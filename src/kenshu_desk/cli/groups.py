"""Sub-command for discussion groups: `groups EVENT_ID --groups N [--seed S] [-o FILE.pdf] [--json]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, print_json
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    groups = commands.add_parser(
        "groups", help="意見交換のグループ分け（一覧・座席表）", description=str(msg("groups.help"))
    )
    groups.add_argument(
        "event_id", type=id_arg, metavar="EVENT_ID", help="行事 ID（events で確認）"
    )
    groups.add_argument(
        "--groups", type=id_arg, required=True, metavar="N", dest="count", help="グループ数"
    )
    groups.add_argument("--seed", type=int, default=0, metavar="S", help="分け方の種（既定 0）")
    groups.add_argument("-o", "--output", metavar="FILE.pdf", help="一覧と座席表の PDF")
    groups.add_argument("--json", action="store_true", help="グループを JSON で表示")
    groups.set_defaults(handler=run_groups)


def run_groups(args: argparse.Namespace) -> int:
    from kenshu_desk.domain.groups import groups_to_json
    from kenshu_desk.services.participants.groups import event_groups
    from kenshu_desk.services.timetable.events import get_event

    if args.output is None and not args.json:
        raise UserError(msg("groups.needs_output"))
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() != ".pdf":
        raise UserError(msg("groups.not_pdf", path=str(output)))
    db = open_db(args)
    try:
        with db.session() as session:
            title = get_event(session, args.event_id).title
            groups = event_groups(session, args.event_id, args.count, args.seed)
    finally:
        db.dispose()
    if output is not None:
        from kenshu_desk.documents.groups import groups_pdf

        write_atomically(output, groups_pdf(title, groups))
    if args.json:
        print_json(groups_to_json(groups))
    else:
        print(msg("groups.saved", path=str(output)))
    return 0
