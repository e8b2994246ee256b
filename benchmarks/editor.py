"""Benchmark of the timetable editor with a large database.

Builds a fresh SQLite database with 500 events (each with a programme and presenters) and
3,000 speakers with Japanese names and readings, opens the main window offscreen at
1366×768, and measures:

- time to open the window (reading the events, the speaker directory, the first event);
- milliseconds per keystroke when filtering the event list as you type (Japanese input
  arrives as one committed string per keystroke, as from an input method);
- milliseconds per keystroke of the presenter type-ahead over the 3,000 speakers;
- milliseconds to show another event (its programme, checks and double-bookings).

Run: `python benchmarks/editor.py` (builds its own database, prints a table);
`run(db_path)` measures the window on the harness's large database and returns Figures.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from benchmarks.common import Figure
except ModuleNotFoundError:  # run as a script: python benchmarks/editor.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.common import Figure

EVENTS = 500
SPEAKERS = 3000

_SURNAMES = [
    ("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか"),
    ("伊藤", "いとう"), ("渡辺", "わたなべ"), ("山本", "やまもと"), ("中村", "なかむら"),
    ("小林", "こばやし"), ("加藤", "かとう"), ("吉田", "よしだ"), ("山田", "やまだ"),
    ("佐々木", "ささき"), ("山口", "やまぐち"), ("松本", "まつもと"), ("井上", "いのうえ"),
    ("木村", "きむら"), ("林", "はやし"), ("斎藤", "さいとう"), ("清水", "しみず"),
    ("山崎", "やまざき"), ("森", "もり"), ("池田", "いけだ"), ("橋本", "はしもと"),
    ("阿部", "あべ"), ("石川", "いしかわ"), ("山下", "やました"), ("中島", "なかじま"),
    ("石井", "いしい"), ("小川", "おがわ"), ("前田", "まえだ"), ("岡田", "おかだ"),
    ("長谷川", "はせがわ"), ("藤田", "ふじた"), ("後藤", "ごとう"), ("近藤", "こんどう"),
    ("村上", "むらかみ"), ("遠藤", "えんどう"), ("青木", "あおき"), ("坂本", "さかもと"),
    ("東海林", "しょうじ"), ("髙橋", "たかはし"), ("五十嵐", "いがらし"), ("服部", "はっとり"),
    ("日下部", "くさかべ"), ("角田", "つのだ"), ("野村", "のむら"), ("菊地", "きくち"),
    ("熊木", "くまき"), ("印南", "いんなみ"),
]  # fmt: skip
_GIVEN = [
    ("太郎", "たろう"), ("花子", "はなこ"), ("修", "おさむ"), ("美咲", "みさき"),
    ("健一", "けんいち"), ("由美子", "ゆみこ"), ("大輔", "だいすけ"), ("直子", "なおこ"),
    ("誠", "まこと"), ("恵子", "けいこ"), ("翔太", "しょうた"), ("彩", "あや"),
    ("浩二", "こうじ"), ("真理子", "まりこ"), ("拓也", "たくや"), ("裕子", "ゆうこ"),
    ("隆", "たかし"), ("陽子", "ようこ"), ("亮", "りょう"), ("智子", "ともこ"),
    ("和也", "かずや"), ("麻衣子", "まいこ"), ("悠", "ゆう"), ("紗都子", "さとこ"),
    ("慶一", "けいいち"), ("政子", "まさこ"), ("圭一", "けいいち"), ("しづ子", "しづこ"),
    ("巳佐子", "みさこ"), ("祐志", "ゆうじ"),
]  # fmt: skip
_AFFILIATIONS = [
    ("文京学院大学 人間学部", "教授", "学識経験者"),
    ("埼玉県社会福祉協議会 生活支援部", "課長", "相談支援機関"),
    ("地域包括支援センター", "主任介護支援専門員", "相談支援機関"),
    ("市 福祉部 福祉総務課", "主査", "市町村関係者"),
    ("厚生労働省 社会・援護局 地域福祉課", "室長補佐", "国"),
    ("特定非営利活動法人 地域福祉研究所", "理事", "その他"),
]
_TITLES = [
    ("情報交換会", "第{n}回市町村情報交換会"),
    ("研修", "市町村地域福祉担当者研修会（第{n}期）"),
    ("部会", "第{n}回市町村総合相談構築推進部会"),
    ("勉強会", "重層的支援体制整備事業 勉強会 {n}"),
    ("研修", "相談対応能力研修 第{n}回"),
]
_PROGRAMME = [
    ("挨拶", "挨拶", 5),
    ("講演", "包括的な支援体制の構築について", 45),
    ("事例発表", "県内自治体事例発表", 30),
    ("休憩", "休憩", 5),
    ("意見交換", "意見交換", 35),
]


def build_database(path: Path) -> str:
    """A fresh database with EVENTS events and SPEAKERS speakers; returns its URL."""
    from kenshu_desk.database import open_database
    from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, Speaker

    url = f"sqlite:///{path}"
    db = open_database(url)
    try:
        with db.session() as session:
            speakers = []
            for n in range(SPEAKERS):
                surname, s_reading = _SURNAMES[n % len(_SURNAMES)]
                given, g_reading = _GIVEN[(n // len(_SURNAMES)) % len(_GIVEN)]
                affiliation, title, category = _AFFILIATIONS[n % len(_AFFILIATIONS)]
                speakers.append(
                    Speaker(
                        kind="person",
                        name=f"{surname} {given}",
                        reading=f"{s_reading}　{g_reading}",
                        affiliation=affiliation,
                        title=title,
                        honorific="氏",
                        category=category,
                    )
                )
            session.add_all(speakers)
            session.flush()
            first_day = dt.date(2001, 4, 2)
            for n in range(EVENTS):
                kind, pattern = _TITLES[n % len(_TITLES)]
                event = Event(
                    kind=kind,
                    title=pattern.format(n=n // len(_TITLES) + 1),
                    date=first_day + dt.timedelta(days=n * 17),
                    start_time=dt.time(13, 30),
                    end_time=dt.time(15, 30),
                    venue=f"埼玉県庁 第{n % 5 + 1}会議室",
                    online_url=f"https://example.jp/zoom/{n}",
                    target_audience="市町村、市町村社協、地域包括支援センター",
                )
                for position, (item_type, title, minutes) in enumerate(_PROGRAMME):
                    item = ProgrammeItem(
                        position=position, item_type=item_type, title=title, minutes=minutes
                    )
                    if item_type in ("講演", "事例発表"):
                        for p in range(1 if item_type == "講演" else 3):
                            speaker = speakers[(n * 7 + position * 3 + p) % SPEAKERS]
                            item.presenters.append(ItemPresenter(position=p, speaker=speaker))
                    event.items.append(item)
                session.add(event)
    finally:
        db.dispose()
    return url


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000.0


def _type(app, widget, text: str) -> list[float]:  # type: ignore[no-untyped-def]
    """Type text one committed character at a time; ms for each, repaint included."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    timings = []
    for ch in text:

        def press(ch: str = ch) -> None:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            app.sendEvent(widget, event)
            app.processEvents()

        timings.append(_timed(press))
    return timings


def run(db_path: Path) -> list[Figure]:
    """Figures on an existing database (the harness's large one: 500 events, 3,000 speakers)."""
    return [
        Figure(name, value, unit, max_value=50.0 if "keystroke" in name else None)
        for name, value, unit in _measure(f"sqlite:///{db_path}")
    ]


def _measure(url: str) -> list[tuple[str, float, str]]:
    from PySide6.QtWidgets import QApplication

    from kenshu_desk.app import configure_application
    from kenshu_desk.database import open_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    results: list[tuple[str, float, str]] = []
    db = open_database(url)
    try:
        from kenshu_desk.ui.shell.main_window import MainWindow
        from kenshu_desk.ui.timetable.event_list import EVENT_ID_ROLE

        window = None

        def open_window() -> None:
            nonlocal window
            window = MainWindow(db)
            window.resize(1366, 768)
            window.show()
            app.processEvents()

        results.append(("open the main window", _timed(open_window), "ms"))
        assert window is not None
        events = window.events_model.rowCount()

        def directory_ready() -> None:
            while window.speakers.loading:
                app.processEvents()

        # Read on a worker thread while the window is already usable.
        results.append(("speaker directory ready (background)", _timed(directory_ready), "ms"))
        speakers = window.speakers_model.rowCount()
        results.append(("speakers in the directory", float(speakers), "people"))
        results.append(("events in the list", float(events), "events"))

        # Filtering the event list as you type: a title, then a year and a word.
        window.search.clear()
        per_key = _type(app, window.search, "市町村情報交換会")
        per_key += _type(app, window.search, " 第3回")
        window.search.clear()
        per_key += _type(app, window.search, "令和3年度 研修")
        window.search.clear()
        app.processEvents()
        results.append(
            ("event list filter, median per keystroke", statistics.median(per_key), "ms")
        )
        results.append(("event list filter, slowest keystroke", max(per_key), "ms"))

        # The presenter type-ahead over the whole directory.
        table = window.programme.table
        table.setCurrentIndex(window.programme.model.index(1, 3))
        entry = window.programme.presenters.entry
        ahead = _type(app, entry, "なかじま")
        ahead += _type(app, entry, " 文京")
        window.programme.presenters.completer.popup().hide()
        entry.clear()
        results.append(
            ("presenter type-ahead, median per keystroke", statistics.median(ahead), "ms")
        )
        results.append(("presenter type-ahead, slowest keystroke", max(ahead), "ms"))

        # Showing other events (programme, checks, double bookings).
        proxy = window.events_proxy
        shows = []
        for row in range(0, 50, 5):
            event_id = int(proxy.index(row, 0).data(EVENT_ID_ROLE))

            def show(event_id: int = event_id) -> None:
                window.select_event(event_id)
                app.processEvents()

            shows.append(_timed(show))
        results.append(("show an event, median", statistics.median(shows), "ms"))
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        db.dispose()

    return results


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        build_start = time.perf_counter()
        url = build_database(Path(tmp) / "bench.sqlite3")
        print(
            f"build database (500 events, 3000 speakers): {time.perf_counter() - build_start:.1f} s"
        )
        results = _measure(url)
    width = max(len(name) for name, _, _ in results)
    for name, value, unit in results:
        print(f"{name:<{width}}  {value:10.1f} {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
