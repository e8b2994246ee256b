"""Speed of the participant import and of the directory, against what the libraries alone take.

    PYTHONPATH=src python benchmarks/participants.py

Targets (issue 6): 10,000 participants from XLSX imported in under 5 s and within 3× of
openpyxl's read-only reading alone; the directory of 20,000 people filters in under 50 ms
per keystroke. Each figure is the best of a few runs on a fresh SQLite file.
"""

from __future__ import annotations

import csv
import io
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from benchmarks.common import Figure
except ModuleNotFoundError:  # run as a script: python benchmarks/participants.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.common import Figure

FAMILY = [
    ("佐藤", "さとう"), ("鈴木", "すずき"), ("髙橋", "たかはし"), ("田中", "たなか"), ("伊藤", "いとう"),
    ("渡邉", "わたなべ"), ("山本", "やまもと"), ("中村", "なかむら"), ("小林", "こばやし"), ("加藤", "かとう"),
    ("吉田", "よしだ"), ("山田", "やまだ"), ("佐々木", "ささき"), ("山﨑", "やまざき"), ("森", "もり"),
]  # fmt: skip
GIVEN = [
    ("美咲", "みさき"), ("健一", "けんいち"), ("大輔", "だいすけ"), ("陽子", "ようこ"), ("翔太", "しょうた"),
    ("彩", "あや"), ("亮", "りょう"), ("典子", "のりこ"), ("恵", "めぐみ"), ("拓海", "たくみ"),
]  # fmt: skip
HEADER = [
    "No.",
    "所属（市町村名）",
    "所属課",
    "職名",
    "氏名",
    "ふりがな",
    "メールアドレス",
    "電話番号",
]


def sample_rows(n: int, seed: int = 6) -> list[list[object]]:
    from kenshu_desk.services.shared.reference import municipalities

    rnd = random.Random(seed)
    names = [m.name for m in municipalities()]
    rows: list[list[object]] = []
    for i in range(n):
        (fam, fam_r), (giv, giv_r) = rnd.choice(FAMILY), rnd.choice(GIVEN)
        org = rnd.choice(names)
        if rnd.random() < 0.2:
            org += rnd.choice(("社会福祉協議会", "地域包括支援センター"))
        rows.append(
            [i + 1, org, "福祉課", rnd.choice(("主事", "主任", "主査", "課長")),
             f"{fam}\u3000{giv}", f"{fam_r}\u3000{giv_r}", f"p{i:05d}@example.jp",
             f"048-{i % 1000:03d}-{i % 10000:04d}"]
        )  # fmt: skip
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名簿")
    ws.append(["令和3年度 研修 参加者名簿"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)


def write_cp932_csv(path: Path, rows: list[list[object]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("cp932"))


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best of ``repeat`` runs of ``fn``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def fresh_db(folder: Path):  # type: ignore[no-untyped-def]
    from kenshu_desk.database import open_database
    from kenshu_desk.services.shared.reference import ensure_municipalities

    path = folder / f"bench-{time.perf_counter_ns()}.sqlite3"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        ensure_municipalities(s)
    return db


def time_import(folder: Path, path: Path, repeat: int = 3) -> float:
    """Best time to read, preview and commit ``path`` into a database opened beforehand
    (the application opens its database once, at start-up)."""
    from kenshu_desk.services.participants.participant_import import ParticipantImport

    times = []
    for _ in range(repeat):
        db = fresh_db(folder)
        try:
            t0 = time.perf_counter()
            imp = ParticipantImport.from_file(path)
            with db.session() as s:
                preview = imp.preview(s)  # what the dialog shows before the user confirms
            with db.session() as s:
                result = imp.commit(s, preview=preview)
            times.append(time.perf_counter() - t0)
            assert result.created == 10_000, result.summary()
        finally:
            db.dispose()
    return min(times)


def openpyxl_alone(path: Path) -> Callable[[], object]:
    from openpyxl import load_workbook

    def run() -> int:
        wb = load_workbook(path, read_only=True, data_only=True)
        n = sum(1 for _ in wb.active.iter_rows(values_only=True))
        wb.close()
        return n

    return run


def csv_alone(path: Path) -> Callable[[], object]:
    def run() -> int:
        text = path.read_bytes().decode("cp932")
        return sum(1 for _ in csv.reader(io.StringIO(text, newline="")))

    return run


def csv_and_bare_insert(db, path: Path) -> Callable[[], object]:  # type: ignore[no-untyped-def]
    """A floor for the import: reading the file and one executemany of the same rows into
    the participant table of db (opened beforehand, as time_import does), with no cleaning,
    checking, matching or organisation lookup."""

    def run() -> int:
        text = path.read_bytes().decode("cp932")
        rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO participant (name, reading, department, title, email, phone,"
                " notes, archived, version) VALUES (?, ?, ?, ?, ?, ?, '', 0, 1)",
                [(r[4], r[5], r[2], r[3], r[6], r[7]) for r in rows],
            )
        return len(rows)

    return run


def import_benchmarks(folder: Path) -> list[tuple[str, float, str]]:
    rows = sample_rows(10_000)
    xlsx, cp932 = folder / "10000.xlsx", folder / "10000.csv"
    write_xlsx(xlsx, rows)
    write_cp932_csv(cp932, rows)
    xlsx_import = time_import(folder, xlsx)
    xlsx_base = best(openpyxl_alone(xlsx))
    csv_import = time_import(folder, cp932)
    csv_base = best(csv_alone(cp932))
    floor_db = fresh_db(folder)
    try:
        csv_floor = best(csv_and_bare_insert(floor_db, cp932))
    finally:
        floor_db.dispose()
    return [
        ("XLSX 10,000 行の取り込み（プレビュー＋登録）", xlsx_import, "s"),
        ("XLSX 10,000 行 openpyxl read-only の読み込みのみ", xlsx_base, "s"),
        ("XLSX 取り込み / 読み込みのみ", xlsx_import / xlsx_base, "×"),
        ("cp932 CSV 10,000 行の取り込み（プレビュー＋登録）", csv_import, "s"),
        ("cp932 CSV 10,000 行 csv モジュールの読み込みのみ", csv_base, "s"),
        ("CSV 取り込み / 読み込みのみ", csv_import / csv_base, "×"),
        ("cp932 CSV 読み込み＋検査なしの一括 INSERT", csv_floor, "s"),
    ]


def directory_benchmarks(folder: Path, db_path: Path | None = None) -> list[tuple[str, float, str]]:
    """20,000 people: open the directory and type a reading one keystroke at a time.
    On db_path (the harness's large database) when given, else on a fresh one."""
    from sqlalchemy import insert

    from kenshu_desk.database import open_database
    from kenshu_desk.domain.models import Participant
    from kenshu_desk.services.participants.participants import directory_rows

    if db_path is not None:
        db = open_database(f"sqlite:///{db_path}")
    else:
        db = fresh_db(folder)
        rows = sample_rows(20_000, seed=20)
        with db.session() as s:
            s.execute(
                insert(Participant),
                [{"name": r[4], "reading": r[5], "email": r[6], "department": r[2]} for r in rows],
            )
    load = best(lambda: _load_rows(db, directory_rows), repeat=3)
    results = [("名簿 20,000 人の読み込み（DB → 行スナップショット）", load, "s")]
    try:
        results += _qt_directory(db)
    except ImportError as exc:  # pragma: no cover - no Qt on this machine
        print(f"Qt がないため画面の計測を省略: {exc}", file=sys.stderr)
    db.dispose()
    return results


def _load_rows(db, directory_rows):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return directory_rows(s)


def _qt_directory(db) -> list[tuple[str, float, str]]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from kenshu_desk.ui.participants.participant_directory import ParticipantDirectoryWidget

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    widget = ParticipantDirectoryWidget(db)
    widget.resize(1200, 700)
    widget.show()
    app.processEvents()
    shown_at = time.perf_counter() - t0  # the window is up; the rows load on a worker
    widget.wait_until_loaded()
    app.processEvents()
    opened = time.perf_counter() - t0
    per_key = _type_into(app, widget.search, widget.search.clear)
    widget.search.setText("やまだ")
    app.processEvents()
    t0 = time.perf_counter()
    widget.search.clear()
    app.processEvents()
    cleared = time.perf_counter() - t0
    shown = widget.model.rowCount()
    proxy_per_key = _proxy_comparison(app, widget.model.all_rows())
    widget.close()
    return [
        ("名簿の画面が表示されるまで", shown_at, "s"),
        ("名簿 20,000 人が一覧に並ぶまで（別スレッドで読み込み）", opened, "s"),
        ("1 文字ごとの絞り込み（最大）", max(per_key) * 1000, "ms"),
        ("1 文字ごとの絞り込み（平均）", sum(per_key) / len(per_key) * 1000, "ms"),
        ("検索欄を空にして全員を表示", cleared * 1000, "ms"),
        ("表示件数（空欄時）", float(shown), "人"),
        ("比較: QSortFilterProxyModel での 1 文字（平均）", proxy_per_key * 1000, "ms"),
    ]


TYPED = ("や", "やま", "やまだ", "やまだ み", "やまだ みさ")


def _type_into(app, line_edit, clear) -> list[float]:  # type: ignore[no-untyped-def]
    """Set the text one keystroke at a time, three times over; seconds per keystroke."""
    per_key = []
    for _ in range(3):
        for text in TYPED:
            t0 = time.perf_counter()
            line_edit.setText(text)
            app.processEvents()
            per_key.append(time.perf_counter() - t0)
        clear()
        app.processEvents()
    return per_key


def _proxy_comparison(app, rows) -> float:  # type: ignore[no-untyped-def]
    """The same filter as a QSortFilterProxyModel whose filterAcceptsRow looks up a
    precomputed answer: what the directory would cost with the usual Qt design."""
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtWidgets import QLineEdit, QTableView

    from kenshu_desk.services.participants.participants import search_words
    from kenshu_desk.ui.participants.participant_models import DirectoryModel

    class Proxy(QSortFilterProxyModel):
        accepted: list[bool] | None = None

        def set_search(self, text: str) -> None:
            words = search_words(text)
            self.beginFilterChange()
            self.accepted = [all(w in r.search_key for w in words) for r in rows] if words else None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

        def filterAcceptsRow(self, source_row, source_parent):  # type: ignore[no-untyped-def]
            return True if self.accepted is None else self.accepted[source_row]

    model = DirectoryModel()
    model.set_rows(rows)
    proxy = Proxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1200, 600)
    view.show()
    edit = QLineEdit()
    edit.textChanged.connect(proxy.set_search)
    per_key = _type_into(app, edit, edit.clear)
    view.close()
    return sum(per_key) / len(per_key)


def run(db_path: Path) -> list[Figure]:
    """The imports into a fresh database (10,000 new people), the directory on db_path."""
    with tempfile.TemporaryDirectory(prefix="kenshu-bench-") as tmp:
        folder = Path(tmp)
        imports = [v for _, v, _ in import_benchmarks(folder)]
        directory = {name: v for name, v, _ in directory_benchmarks(folder, db_path)}
    xlsx, xlsx_base, _, csv_import, csv_base, _, csv_floor = (v * 1000 for v in imports)
    per_key = [v for k, v in directory.items() if "1 文字ごと" in k]
    return [
        Figure("10,000-row XLSX import (preview + commit)", xlsx, "ms",
               "openpyxl read-only reading alone", xlsx_base, 3, 5000),
        Figure("10,000-row cp932 CSV import (preview + commit)", csv_import, "ms",
               "csv module reading alone", csv_base, 3),
        Figure("10,000-row cp932 CSV import, against a floor", csv_import, "ms",
               "csv reading + one unchecked executemany", csv_floor),
        Figure("participant directory (20,000) open, rows listed",
               directory["名簿 20,000 人が一覧に並ぶまで（別スレッドで読み込み）"] * 1000, "ms"),
        Figure("participant directory filter, slowest keystroke", per_key[0], "ms",
               max_value=50),
        Figure("participant directory filter, mean per keystroke", per_key[1], "ms",
               "QSortFilterProxyModel, same filter",
               directory["比較: QSortFilterProxyModel での 1 文字（平均）"], max_value=50),
    ]  # fmt: skip


def _main() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory(prefix="kenshu-bench-") as tmp:
        folder = Path(tmp)
        return import_benchmarks(folder) + directory_benchmarks(folder)


if __name__ == "__main__":
    for label, value, unit in _main():
        print(f"{label:<48} {value:10.3f} {unit}")
