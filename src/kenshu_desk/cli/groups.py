"""Sub-command for discussion groups: `groups EVENT_ID --groups N [--seed S] [-o FILE.pdf] [--json]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, print_json, tr
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    groups = commands.add_parser(
        "groups",
        help=tr(
            "意見交換のグループ分け（一覧・座席表）", "discussion groups (list and seating plan)"
        ),
        description=str(msg("groups.help")),
    )
    groups.add_argument(
        "event_id",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("行事 ID（events で確認）", "the event's id (see events)"),
    )
    groups.add_argument(
        "--groups", type=id_arg, metavar="N", dest="count",
        help=tr(
            "N 個のグループに分けて保存する（省略: 保存してあるグループ分けを使う）",
            "split into N groups and store them (omitted: use the stored groups)",
        ),
    )  # fmt: skip
    groups.add_argument(
        "--replace", action="store_true",
        help=tr(
            "手で直したグループ分けがあっても分け直す",
            "split again even if the groups were edited by hand",
        ),
    )  # fmt: skip
    groups.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="S",
        help=tr("分け方の種（既定 0）", "the random seed (default 0)"),
    )
    groups.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help=tr("一覧と座席表の PDF", "write the list and seating plan as a PDF"),
    )
    groups.add_argument(
        "--json", action="store_true", help=tr("グループを JSON で表示", "print the groups as JSON")
    )
    groups.set_defaults(handler=run_groups)


def run_groups(args: argparse.Namespace) -> int:
    from kenshu_desk.domain.groups import groups_to_json
    from kenshu_desk.services.participants.groups_store import make_groups, stored_groups
    from kenshu_desk.services.timetable.events import get_event

    if args.output is None and not args.json and args.count is None:
        raise UserError(msg("groups.needs_output"))
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() != ".pdf":
        raise UserError(msg("groups.not_pdf", path=str(output)))
    db = open_db(args)
    try:
        with db.session() as session:
            title = get_event(session, args.event_id).title
            if args.count is not None:
                stored = make_groups(
                    session, args.event_id, args.count, args.seed, replace=args.replace
                )
            else:
                found = stored_groups(session, args.event_id)
                if found is None:
                    raise UserError(msg("groups.none_stored", event_id=args.event_id))
                stored = found
            groups = stored.groups
    finally:
        db.dispose()
    if output is not None:
        from kenshu_desk.documents.groups import groups_pdf

        write_atomically(output, groups_pdf(title, groups))
    if args.json:
        print_json(groups_to_json(groups))
    elif output is not None:
        print(msg("groups.saved", path=str(output)))
    else:
        print(msg("groups.stored", count=len(groups), people=sum(len(g.members) for g in groups)))
    if stored.ungrouped and not args.json:
        names = "、".join(m.name for m in stored.ungrouped)
        print(msg("groups.ungrouped", names=names))
    return 0
