"""How long the year view and the progress table take on a busy year (prints figures).

A year with 600 dispatches (about ten per municipality) plus the demo programme, and
records for all 63 municipalities: the year plan, its A3 PDF, the progress table, its
XLSX and PDF. Run: PYTHONPATH=src python benchmarks/year_documents.py
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

try:
    from benchmarks.common import Figure
except ModuleNotFoundError:  # run as a script: python benchmarks/year_documents.py
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.common import Figure
from kenshu_desk.database import open_database
from kenshu_desk.documents.progress_report import progress_pdf, progress_xlsx
from kenshu_desk.documents.year_schedule import year_schedule_pdf
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.year.dispatches import DispatchInput, add_dispatch
from kenshu_desk.services.year.municipality_records import municipalities, overview
from kenshu_desk.services.year.progress import progress_table
from kenshu_desk.services.year.year_view import year_plan

_FIGURES: list[Figure] = []


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    _FIGURES.append(Figure(label, 1000 * (time.perf_counter() - start)))
    return result


def run(db_path: Path | None = None) -> list[Figure]:
    """The year's figures (on its own busy year built from the demo: the large database
    has no dispatches). No baseline: there is no bare equivalent of a year plan."""
    _FIGURES.clear()
    _build_and_time()
    return list(_FIGURES)


def main() -> None:
    for figure in run():
        print(figure.line())


def _build_and_time() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with db.session() as s:
            load_demo(s)
            towns = municipalities(s)
            for n in range(600):
                day = dt.date(2021, 4, 1) + dt.timedelta(days=(n * 7) % 360)
                add_dispatch(s, DispatchInput(day, "ヒアリング", towns[n % len(towns)].id))
        with db.session() as s:
            plan = timed("year_plan (624 events)", lambda: year_plan(s, 2021))
            pdf = timed("year_schedule_pdf A3", lambda: year_schedule_pdf(plan))
            table = timed("progress_table", lambda: progress_table(s, 2021))
            rows = timed("overview (63 municipalities)", lambda: overview(s, 2021))
        timed("progress_xlsx", lambda: progress_xlsx(table, rows))
        timed("progress_pdf", lambda: progress_pdf(table))
        _FIGURES.append(Figure("year PDF size", len(pdf) / 1024, "KiB"))
        db.dispose()


if __name__ == "__main__":
    main()
