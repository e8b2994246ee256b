"""Sub-commands of the foundation: demo, events."""

from __future__ import annotations

import argparse
import sys

from kenshu_desk.cli.common import open_db, print_json
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.timetable.events import event_to_dict, list_events


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = commands.add_parser("demo", help="サンプルデータ（令和3年度の研修・情報交換会）を登録")
    demo.set_defaults(handler=run_demo)

    events = commands.add_parser("events", help="行事の一覧")
    events.add_argument("--json", action="store_true", help="JSON で出力")
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
        state = "（中止）" if e["cancelled"] else ""
        out.write(
            f"{e['id']:>5}  {e['date']}  {e['start']}～{e['end']}  {e['kind']}  {e['title']}{state}\n"
        )
    return 0
