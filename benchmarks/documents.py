"""How long the printed documents take: the agenda, and a 1,000-person roster.

Run from a checkout:  PYTHONPATH=src python benchmarks/documents.py
Each figure is the median of several runs, in CPU seconds of this process. The goal of issue 4 is a
1,000-participant roster "well under 2 s"; the baseline is a bare reportlab Table of the
same rows (plain strings, no wrapping, no page numbers) — the least reportlab can do.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from sqlalchemy import select

try:
    from benchmarks.common import Figure
except ModuleNotFoundError:  # run as a script: python benchmarks/documents.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.common import Figure
from kenshu_desk.database import open_database
from kenshu_desk.documents.agenda import agenda_pdf
from kenshu_desk.documents.fonts import MINCHO, register_fonts
from kenshu_desk.documents.roster import roster_pdf
from kenshu_desk.domain.models import Event, Organisation, Participant, Registration
from kenshu_desk.domain.roster import Roster, RosterOrder
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.participants.roster import event_roster
from kenshu_desk.services.timetable.events import get_event

PEOPLE = 1000
RUNS = 5

DEPARTMENTS = (
    "福祉部 福祉総務課",
    "健康福祉部 地域包括ケア推進課",
    "保健福祉局 福祉部 生活福祉課",
    "",
)
TITLES = ("主事", "主任", "主査", "課長補佐", "社会福祉士", "主任介護支援専門員")
SURNAMES = ("佐藤", "鈴木", "髙橋", "田中", "渡邉", "伊藤", "山本", "中村", "小林", "齋藤")
GIVEN = ("大輔", "美咲", "健", "亮介", "彩", "健一", "洋平", "俊介", "学", "彩花")


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> float:
    """Median CPU seconds of this process: wall time on a shared 2-core machine mostly
    measures the neighbours."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _fill_thousand(db, event_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = s.get(Event, event_id)
        cities = list(s.scalars(select(Organisation).where(Organisation.lgcode.is_not(None))))
        linked = [
            Organisation(
                name=f"{c.name}生活自立支援センター",
                category="その他",
                municipality=c,
            )
            for c in cities
        ]
        s.add_all(linked)
        orgs = [*cities, *linked]
        for n in range(PEOPLE):
            s.add(
                Registration(
                    event=event,
                    participant=Participant(
                        name=f"{SURNAMES[n % 10]}　{GIVEN[n // 10 % 10]}{n:04d}",
                        reading=f"よみ{n:04d}",
                        organisation=orgs[n % len(orgs)],
                        department=DEPARTMENTS[n % len(DEPARTMENTS)],
                        title=TITLES[n % len(TITLES)],
                        email=f"bench{n}@example.jp",
                    ),
                )
            )


def bare_table_pdf(roster: Roster) -> bytes:
    """The baseline: the same rows as plain strings in one reportlab Table."""
    out = io.BytesIO()
    rows = [["No.", "所属", "部署", "職名", "氏名", "ふりがな"]]
    rows += [
        [str(n), e.organisation, e.department, e.title, e.name, e.reading]
        for n, e in enumerate(roster.entries, 1)
    ]
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), MINCHO)]))
    SimpleDocTemplate(out, pagesize=A4).build([table])
    return out.getvalue()


def bare_agenda_pdf(event: Event) -> bytes:
    """The agenda's baseline: its programme rows (time, title, presenters) in one Table."""
    out = io.BytesIO()
    rows = [["時間", "内容", "発表者"]]
    rows += [
        [
            str(item.minutes),
            item.title,
            "、".join(p.speaker.name for p in item.presenters if p.speaker is not None),
        ]
        for item in event.items
    ]
    table = Table(rows)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), MINCHO)]))
    SimpleDocTemplate(out, pagesize=A4).build([table])
    return out.getvalue()


def run(db_path: Path | None = None) -> list[Figure]:
    """Figures with their baselines, in ms of CPU. The documents come from the demo
    database plus 1,000 registrations (db_path, the harness's large database, is not needed:
    a roster is one event's people, and the demo's agenda is the real layout)."""
    by_name = {name: seconds * 1000 for name, seconds, _ in _measure()}
    agenda, bare_agenda = by_name["agenda PDF (demo 2021-11-25)"], by_name["bare agenda table"]
    bare = by_name["baseline: bare reportlab Table"]
    return [
        Figure("agenda PDF", agenda, "ms", "bare reportlab table of its rows", bare_agenda, 3),
        Figure(
            "1,000-participant roster PDF",
            by_name["participant list PDF"],
            "ms",
            "bare reportlab table, same rows",
            bare,
            3,
        ),
        Figure(
            "1,000-participant sign-in sheet PDF",
            by_name["sign-in sheet PDF"],
            "ms",
            "bare reportlab table, same rows",
            bare,
            3,
        ),
    ]


def _measure() -> list[tuple[str, float, str]]:
    register_fonts()
    results: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            with db.session() as s:
                load_demo(s)
                november = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
            with db.session() as s:
                event = get_event(s, november)
                results.append(
                    (
                        "agenda PDF (demo 2021-11-25)",
                        median_seconds(lambda: agenda_pdf(event)),
                        "1 page",
                    )
                )
                results.append(
                    (
                        "bare agenda table",
                        median_seconds(lambda: bare_agenda_pdf(event)),
                        "its rows in one Table",
                    )
                )
            _fill_thousand(db, november)

            def gather() -> Roster:
                with db.session() as s:
                    return event_roster(s, november, RosterOrder.ORGANISATION)

            roster = gather()
            count = len(roster.entries)
            results.append(
                ("roster rows from the database", median_seconds(gather), f"{count} people")
            )
            results.append(
                (
                    "participant list PDF",
                    median_seconds(lambda: roster_pdf(roster)),
                    f"{count} people, A4 portrait, goal well under 2 s",
                )
            )
            results.append(
                (
                    "sign-in sheet PDF",
                    median_seconds(lambda: roster_pdf(roster, sign_in=True)),
                    f"{count} people, A4 landscape",
                )
            )
            results.append(
                (
                    "baseline: bare reportlab Table",
                    median_seconds(lambda: bare_table_pdf(roster)),
                    "same rows, plain strings, no wrapping or page numbers",
                )
            )
        finally:
            db.dispose()
    return results


def main() -> int:
    for name, seconds, note in _measure():
        print(f"{name:<34} {seconds:7.3f} s (CPU)   {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
