"""Sub-commands of the foundation: demo, events."""

from __future__ import annotations

import argparse
import sys

from kenshu_desk.cli.common import open_db, print_json, tr
from kenshu_desk.domain.kinds import EventKind
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.timetable.events import event_to_dict, list_events

# The window words kinds through its translations; the command line has only these.
KIND_EN = {
    EventKind.EXCHANGE: "Information exchange",
    EventKind.TRAINING: "Training",
    EventKind.COMMITTEE: "Working group",
    EventKind.STUDY: "Study session",
    EventKind.HEARING: "Hearing",
    EventKind.MUNICIPAL_TRAINING: "Municipal training",
    EventKind.REVIEW_MEETING: "Review meeting",
    EventKind.OTHER: "Other",
}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = commands.add_parser(
        "demo",
        help=tr(
            "サンプルデータ（令和3年度の研修・情報交換会）を登録",
            "load the sample data (the FY2021 trainings and meetings)",
        ),
    )
    demo.set_defaults(handler=run_demo)

    events = commands.add_parser("events", help=tr("行事の一覧", "list the events"))
    events.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    events.set_defaults(handler=run_events)


def run_demo(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            report = load_demo(session)
        print(report.summary())
    finally:
        db.dispose()
    return 0


def run_events(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            events = [event_to_dict(e) for e in list_events(session)]
    finally:
        db.dispose()
    if args.json:
        print_json(events)
        return 0
    out = sys.stdout
    for e in events:
        state = tr("（中止）", " (cancelled)") if e["cancelled"] else ""
        dash = tr("～", "-")
        kind = tr(e["kind"], KIND_EN.get(e["kind"], e["kind"]))
        out.write(
            f"{e['id']:>5}  {e['date']}  {e['start']}{dash}{e['end']}  {kind}  {e['title']}{state}\n"
        )
    return 0
