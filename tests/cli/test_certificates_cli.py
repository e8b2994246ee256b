"""`kenshu-desk certificates`: one page per person who completed the training, numbers that stay
theirs, the threshold for online attendance, the template with a seal image."""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import zlib

from pypdf import PdfReader
from tests.documents.conftest import PdfReading

from kenshu_desk.cli import main
from kenshu_desk.domain.models import Event, Participant, Registration
from kenshu_desk.services.certificates.certificates import TemplateData, save_template

PEOPLE = (  # name, reading, state, minutes online
    ("石井 翔", "いしい しょう", "attended_venue", None),
    ("山口 美咲", "やまぐち みさき", "attended_online", 150),  # ≥ 80 % of 180 min
    ("加藤 恵", "かとう めぐみ", "attended_online", 100),  # below 80 %, above 50 %
    ("中村 悠", "なかむら ゆう", "attended_online", None),  # online, no minutes recorded
    ("小林 翔太", "こばやし しょうた", "absent", None),
    ("佐藤 花子", "さとう はなこ", "cancelled", None),
    ("髙橋 一郎", "たかはし いちろう", "registered", None),
)


def run(capsys, *argv: str):  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def make_event(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = Event(
            kind="研修", title="包括的支援体制実践能力養成研修", date=dt.date(2021, 11, 25),
            start_time=dt.time(13, 30), end_time=dt.time(16, 30),
        )  # fmt: skip
        s.add(event)
        s.flush()
        for name, reading, state, minutes in PEOPLE:
            person = Participant(name=name, reading=reading)
            s.add(person)
            s.flush()
            s.add(Registration(event_id=event.id, participant_id=person.id, state=state,
                               minutes_online=minutes))  # fmt: skip
        return event.id


def pages(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def tiny_png() -> bytes:
    """A 4×4 red PNG, written by hand (what an image editor saves)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))  # fmt: skip


def test_one_page_per_person_who_completed_and_stable_numbers(capsys, db, db_arg, tmp_path):  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    out = tmp_path / "修了証.pdf"
    code, stdout, err = run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", str(out))
    assert code == 0, err
    assert "修了証 3 枚" in stdout
    assert "中村 悠 さんはオンライン出席ですが参加時間の記録がない" in stdout
    assert "対象外: 加藤 恵（オンライン 100 分（144 分未満））" in stdout
    texts = pages(out)
    assert len(texts) == 3
    first = {t.split("号")[0].strip(): t for t in texts}
    # Numbers in 五十音 order of the reading: いしい, なかむら, やまぐち.
    assert "第R3-11-001" in first and "石井 翔" in first["第R3-11-001"]
    assert "中村 悠" in first["第R3-11-002"] and "山口 美咲" in first["第R3-11-003"]
    for text in texts:
        assert "包括的支援体制実践能力養成研修" in text and "令和3年11月25日" in text
        for absent in ("加藤", "小林", "佐藤", "髙橋"):
            assert absent not in text
    assert PdfReading(out.read_bytes()).font_problems() == []

    # Someone recorded later gets the next number; the others keep theirs.
    with db.session() as s:
        reg = s.query(Registration).join(Participant).filter(Participant.name == "加藤 恵").one()
        reg.minutes_online = 170
    code, _stdout, err = run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", str(out))
    assert code == 0, err
    numbers = {t.split("号")[0].strip(): t for t in pages(out)}
    assert "石井 翔" in numbers["第R3-11-001"] and "加藤 恵" in numbers["第R3-11-004"]

    code, stdout, _ = run(capsys, "--db", db_arg, "certificates", str(event_id), "--json")
    data = json.loads(stdout)
    assert [c["number"] for c in data["certificates"]] == [
        "第R3-11-001号", "第R3-11-002号", "第R3-11-003号", "第R3-11-004号",
    ]  # fmt: skip
    assert {x["name"] for x in data["not_issued"]} == {"小林 翔太", "佐藤 花子", "髙橋 一郎"}


def test_the_threshold(capsys, db, db_arg, tmp_path):  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    out = tmp_path / "a.pdf"
    code, stdout, _ = run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", str(out),
                          "--threshold", "50")  # fmt: skip
    assert code == 0 and "修了証 4 枚" in stdout  # 100 min ≥ 90 min
    code, _, err = run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", str(out),
                       "--threshold", "120")  # fmt: skip
    assert code == 1 and "0 から 100" in err


def test_the_template_and_seal(capsys, db, db_arg, tmp_path):  # type: ignore[no-untyped-def]
    event_id = make_event(db)
    with db.session() as s:
        save_template(s, TemplateData(
            heading="修了証書", body="あなたは本研修の全課程を修了したことを証します。",
            honorific="殿", organiser_title="埼玉県福祉部長", organiser_name="埼玉 太郎",
            seal_png=tiny_png(),
        ))  # fmt: skip
    out = tmp_path / "b.pdf"
    assert run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", str(out))[0] == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = reader.pages[0].extract_text()
    assert "全課程を修了" in text and "埼玉県福祉部長" in text and "殿" in text
    xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_nobody_attended_and_wrong_output(capsys, db, db_arg, tmp_path):  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = Event(title="研修", date=dt.date(2022, 1, 20), start_time=dt.time(13, 30),
                      end_time=dt.time(16, 0))  # fmt: skip
        s.add(event)
        s.flush()
        event_id = event.id
    code, _, err = run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", str(tmp_path / "c.pdf"))
    assert code == 1 and "対象者がいません" in err and not (tmp_path / "c.pdf").exists()
    code, _, err = run(capsys, "--db", db_arg, "certificates", str(event_id), "-o", "x.docx")
    assert code == 1
