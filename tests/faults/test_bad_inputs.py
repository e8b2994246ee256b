"""Every file of the bad-input corpus (tests/data/bad, made by make_bad_inputs.py) fed to the
entry point a user would feed it to: a clear one-line Japanese UserError that names the file
or the field, and the database exactly as it was (row counts, contents, change counter)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest

from kenshu_desk.cli import main
from kenshu_desk.database import open_database
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress, compose_calendar_message
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.timetable.event_edit import create_event

pytestmark = pytest.mark.sqlite_only

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
MANIFEST = json.loads((BAD / "manifest.json").read_text(encoding="utf-8"))
REFUSED = sorted(name for name, e in MANIFEST.items() if e["entry"] != "accepted_as_text")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("bad") / "template.sqlite3"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        load_demo(s)
    db.dispose()
    return path


@pytest.fixture
def office(template, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.sqlite3"
    path.write_bytes(template.read_bytes())
    return path


def fingerprint(path: Path) -> tuple[dict[str, int], str, bytes]:
    """Row counts of every table, a hash of every row, and the header's change counter."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        digest = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    conn.close()
    return counts, digest, path.read_bytes()[24:28]


def _event_fields(data: dict[str, str]) -> dict[str, object]:
    """What the event dialog hands the service: parsed where the text parses, else as typed
    (so the service, not this loader, is what refuses it)."""
    fields: dict[str, object] = dict(data)
    for name, parse in (
        ("date", dt.date.fromisoformat),
        ("start_time", dt.time.fromisoformat),
        ("end_time", dt.time.fromisoformat),
    ):
        with contextlib.suppress(ValueError):
            fields[name] = parse(data[name])
    return fields


def feed(entry: str, file: Path, office: Path, capsys) -> str:  # type: ignore[no-untyped-def]
    """The one-line message the user sees."""
    if entry in ("participants", "attendance"):
        argv = ["--db", str(office), "participants", "import", str(file)]
        if entry == "attendance":
            argv = ["--db", str(office), "attendance", "import", str(file), "--event", "1"]
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 1, out + err
        return err
    data = json.loads(file.read_text(encoding="utf-8"))
    if entry == "event":
        db = open_database(f"sqlite:///{office}")
        try:
            with pytest.raises(UserError) as caught, db.session() as s:
                create_event(s, _event_fields(data))
        finally:
            db.dispose()
        return str(caught.value) + "\n"
    assert entry == "mail"
    with pytest.raises(UserError) as caught:
        recipient = MailAddress(data["name"], data["address"])
        compose_calendar_message(
            sender=SENDER,
            recipient=recipient,
            subject=data["subject"],
            text="本文",
            calendar=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            method="REQUEST",
        )
    return str(caught.value) + "\n"


def test_the_corpus_is_big_enough_and_small():
    files = [p for p in BAD.iterdir() if p.name in MANIFEST]
    assert len(REFUSED) >= 30 and len(files) == len(MANIFEST)
    assert sum(p.stat().st_size for p in files) < 1_000_000
    entries = {MANIFEST[name]["entry"] for name in REFUSED}
    assert entries == {"participants", "attendance", "event", "mail"}


@pytest.mark.parametrize("name", REFUSED)
def test_bad_input_is_refused_clearly_and_changes_nothing(name, office, capsys):
    entry, word = MANIFEST[name]["entry"], MANIFEST[name]["word"]
    before = fingerprint(office)
    message = feed(entry, BAD / name, office, capsys)
    assert message.count("\n") == 1 and message.endswith("\n"), message
    assert "Traceback" not in message
    assert JAPANESE.search(message), message
    assert word in message, message
    assert fingerprint(office) == before


def test_a_huge_single_line_is_refused_without_reading_it_all(office, tmp_path, capsys):
    big = tmp_path / "一行だけ.csv"
    big.write_bytes(b"\xe5\xb1\xb1" * 4_000_000)  # 12 MB of 「山」, no line break
    before = fingerprint(office)
    message = feed("participants", big, office, capsys)
    assert message.count("\n") == 1 and big.name in message, message
    assert fingerprint(office) == before


def test_formula_cells_stay_text_on_the_way_out(office, tmp_path, capsys):
    """The import refuses 「=HYPERLINK(…)」 as a name (the corpus above); typed by hand in the
    directory it is kept as typed, and the export writes it as text, so Excel never runs it."""
    from openpyxl import load_workbook

    from kenshu_desk.services.participants.participants import ParticipantData, save_participant
    from kenshu_desk.services.participants.registrations import register

    risky_names = ['=HYPERLINK("http://evil.example/")', "+1+1", "@SUM(1+1)"]
    db = open_database(f"sqlite:///{office}")
    try:
        with db.session() as s:
            for n, name in enumerate(risky_names):
                data = ParticipantData(name=name, email=f"risky{n}@example.jp")
                register(s, 1, [save_participant(s, data)])
    finally:
        db.dispose()
    out = tmp_path / "出欠.xlsx"
    assert main(["--db", str(office), "attendance", "export", "1", "-o", str(out)]) == 0
    capsys.readouterr()
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row]
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+@"]
    assert {c.value for c in risky} >= set(risky_names)
    assert all(c.data_type == "s" for c in risky)
