"""Importing participant lists made by Excel: mapping, preview, duplicates, all-or-nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kenshu_desk.database import Database
from kenshu_desk.domain.models import Event, Organisation, Participant, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.column_mapping import Field, detect_mapping, header_field
from kenshu_desk.services.participants.participant_import import ParticipantImport, RowAction
from kenshu_desk.services.shared.tabular import Table


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count(Participant.id))),
            s.scalar(select(func.count(Registration.id))),
            s.scalar(select(func.count(Organisation.id))),
        )


def event_id(db: Database, date: str) -> int:
    with db.session() as s:
        return s.scalars(select(Event.id).where(Event.date == dt.date.fromisoformat(date))).one()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("氏名", Field.NAME),
        ("お名前", Field.NAME),
        ("参加者氏名※必須", Field.NAME),
        ("フリガナ", Field.READING),
        ("ふりがな（全角）", Field.READING),
        ("氏名（フリガナ）", Field.READING),
        ("ﾌﾘｶﾞﾅ", Field.READING),
        ("所属（市町村名）", Field.ORGANISATION),
        ("団体名", Field.ORGANISATION),
        ("所属機関", Field.ORGANISATION),
        ("所属課", Field.DEPARTMENT),
        ("部署名", Field.DEPARTMENT),
        ("課", Field.DEPARTMENT),
        ("職名", Field.TITLE),
        ("役職", Field.TITLE),
        ("メールアドレス（半角）", Field.EMAIL),
        ("E-mail", Field.EMAIL),
        ("Ｅｍａｉｌ", Field.EMAIL),
        ("電話番号", Field.PHONE),
        ("TEL", Field.PHONE),
        ("姓", Field.FAMILY_NAME),
        ("名", Field.GIVEN_NAME),
        ("セイ", Field.FAMILY_READING),
        ("備考", Field.NOTES),
        ("No.", None),
        ("", None),
    ],
)
def test_headers_people_write(header, field):
    assert header_field(header) == field


def test_header_row_below_a_title_is_found():
    table = Table(
        "x.csv",
        "CSV",
        [
            ["令和3年度 研修 参加者名簿", ""],
            ["", ""],
            ["氏名", "所属"],
            ["髙橋　美咲", "さいたま市"],
        ],
        [1, 2, 3, 4],
    )
    mapping = detect_mapping(table)
    assert mapping is not None and mapping.header_row == 2
    assert mapping.columns == {Field.NAME: 0, Field.ORGANISATION: 1}


def test_cp932_excel_csv_preview(demo_db: Database, data_dir: Path):
    before = counts(demo_db)
    imp = ParticipantImport.from_file(data_dir / "participants_cp932.csv")
    with demo_db.session() as s:
        preview = imp.preview(s)
    assert preview.header_line == 3
    assert "Shift_JIS" in preview.format_label
    by_line = {r.line: r for r in preview.rows}
    assert sorted(by_line) == [4, 5, 6, 7, 8, 9, 10]  # numbered empty rows 11–13 are not data
    assert by_line[4].action == RowAction.EXISTING  # 髙橋 by e-mail, whatever its case
    assert by_line[5].values.name == "今井　涼子"  # full-width space kept
    assert by_line[5].values.reading == "ｲﾏｲ ﾘｮｳｺ"  # stored as written
    assert by_line[5].values.notes == "①②の事例に関心あり"
    assert by_line[6].organisation.new_name == "本庄市社会福祉協議会"
    assert by_line[6].organisation.municipality_name == "本庄市"
    assert by_line[7].organisation.new_name == "㈱さいたま福祉研究所"
    assert by_line[7].organisation.municipality_name is None
    assert by_line[8].values.email == "s.kojima@example.jp"  # full-width address typed in Excel
    assert by_line[9].action == RowAction.ERROR and by_line[9].errors == ["氏名がありません"]
    assert by_line[10].action == RowAction.ERROR
    assert "メールアドレスの形式" in by_line[10].errors[0]
    assert preview.count(RowAction.NEW) == 4
    assert counts(demo_db) == before  # the preview wrote nothing


def test_rows_with_errors_block_the_import_until_skipped(demo_db: Database, data_dir: Path):
    before = counts(demo_db)
    imp = ParticipantImport.from_file(data_dir / "participants_cp932.csv")
    with (
        pytest.raises(UserError, match=r"2 行にエラー.*9 行目: 氏名がありません"),
        demo_db.session() as s,
    ):
        imp.commit(s)
    assert counts(demo_db) == before
    with demo_db.session() as s:
        result = imp.commit(s, skip_errors=True)
    assert (result.created, result.matched, result.skipped_errors) == (4, 1, 2)
    assert result.organisations_created == 2
    with demo_db.session() as s:
        kaneko = s.scalars(select(Participant).where(Participant.name == "金子　隆之介")).one()
        assert kaneko.organisation.category == "社会福祉協議会"
        assert kaneko.organisation.municipality.name == "本庄市"


def test_utf8_bom_csv_with_split_names_and_a_duplicate(demo_db: Database, data_dir: Path):
    imp = ParticipantImport.from_file(data_dir / "participants_utf8_bom.csv")
    eid = event_id(demo_db, "2027-01-28")
    with demo_db.session() as s:
        preview = imp.preview(s, event_id=eid)
    rows = preview.rows
    assert [r.values.name for r in rows][:3] == ["佐藤　健一", "福田　奈々", "\ufa19田　𠮷男"]
    assert rows[0].values.reading == "サトウ　ケンイチ"
    assert rows[0].action == RowAction.EXISTING  # k.sato from the demo data
    assert rows[1].values.notes == "オンライン参加\r\n資料は紙で希望"
    assert rows[3].action == RowAction.DUPLICATE and rows[3].duplicate_of == 3
    with demo_db.session() as s:
        result = imp.commit(s, event_id=eid)
    assert (result.created, result.matched, result.duplicates) == (2, 1, 1)
    assert result.registered == 3
    with demo_db.session() as s:
        kanda = s.scalars(
            select(Participant).where(Participant.email == "y.kanda@example.jp")
        ).one()
        assert kanda.name == "\ufa19田　𠮷男"  # 神 U+FA19 not normalised to U+795E
        assert kanda.organisation.name == "ふじみ野市地域包括支援センター"


def test_same_name_and_organisation_is_the_same_person(demo_db: Database, tmp_path: Path):
    path = tmp_path / "list.csv"
    path.write_text(
        "氏名,所属\n髙橋 美咲,さいたま市\n髙橋美咲,埼玉県さいたま市\n髙橋　美咲,川越市\n", "utf-8"
    )
    with demo_db.session() as s:
        preview = ParticipantImport.from_file(path).preview(s)
    actions = [r.action for r in preview.rows]
    assert actions == [RowAction.EXISTING, RowAction.DUPLICATE, RowAction.NEW]


def test_xlsx_import_registers_for_an_event(demo_db: Database, participants_xlsx: Path):
    eid = event_id(demo_db, "2021-07-15")
    imp = ParticipantImport.from_file(participants_xlsx)
    with demo_db.session() as s:
        preview = imp.preview(s, event_id=eid)
    assert preview.header_line == 3
    assert [r.line for r in preview.rows] == [4, 5, 6, 8]
    assert preview.rows[0].action == RowAction.EXISTING  # m.hayashi
    assert preview.rows[2].organisation.existing_id is not None  # 埼玉県川口市 → 川口市
    with demo_db.session() as s:
        result = imp.commit(s, event_id=eid)
    assert result.registered + result.already_registered == 4
    with demo_db.session() as s:
        regs = s.scalar(select(func.count()).where(Registration.event_id == eid))
        assert regs >= 4


def test_missing_name_column(db: Database, tmp_path: Path):
    path = tmp_path / "no_name.csv"
    path.write_text("所属,メール\n川越市,a@example.jp\n", encoding="utf-8")
    imp = ParticipantImport.from_file(path)
    with (
        pytest.raises(UserError, match=r"no_name\.csv に氏名の列が見つかりません"),
        db.session() as s,
    ):
        imp.preview(s)


def test_header_only(db: Database, tmp_path: Path):
    path = tmp_path / "header_only.csv"
    path.write_text("氏名,所属\n", encoding="utf-8")
    with pytest.raises(UserError, match="データの行がありません"), db.session() as s:
        ParticipantImport.from_file(path).preview(s)


def test_failure_in_the_middle_leaves_nothing(demo_db: Database, tmp_path: Path):
    lines = ["氏名,メールアドレス"] + [f"参加者{n},p{n}@example.jp" for n in range(3000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = counts(demo_db)
    imp = ParticipantImport.from_file(path)
    calls = []

    def cancel_after_first_batch() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(UserError, match="中止"), demo_db.session() as s:
        imp.commit(s, cancelled=cancel_after_first_batch)
    assert counts(demo_db) == before
    with demo_db.session() as s:
        assert imp.commit(s).created == 3000


def test_archived_person_is_restored_not_duplicated(demo_db: Database, tmp_path: Path):
    with demo_db.session() as s:
        p = s.scalars(select(Participant).where(Participant.email == "k.sato@example.jp")).one()
        p.archived = True
    path = tmp_path / "a.csv"
    path.write_text("氏名,メール\n佐藤　健一,K.SATO@example.jp\n", encoding="utf-8")
    imp = ParticipantImport.from_file(path)
    with demo_db.session() as s:
        preview = imp.preview(s)
        assert "アーカイブ" in preview.rows[0].message()
        result = imp.commit(s)
    assert result.restored == 1 and result.created == 0


def test_same_name_with_different_addresses_are_two_people(demo_db: Database, tmp_path: Path):
    path = tmp_path / "namesakes.csv"
    path.write_text(
        "氏名,所属,メール\n"
        "佐藤　健一,川越市,kenichi.sato2@example.jp\n"  # the demo has k.sato@example.jp
        "鈴木　一郎,蕨市,i.suzuki@example.jp\n"
        "鈴木　一郎,蕨市,ichiro.suzuki@example.jp\n"
        "鈴木　一郎,蕨市,\n",
        encoding="utf-8",
    )
    with demo_db.session() as s:
        rows = ParticipantImport.from_file(path).preview(s).rows
    assert [r.action for r in rows] == [
        RowAction.NEW,
        RowAction.NEW,
        RowAction.NEW,
        RowAction.DUPLICATE,
    ]
    assert "別の人として登録します" in rows[0].message()
    assert "3 行目と氏名・所属が同じ" in rows[2].message()
    assert rows[3].duplicate_of == 3  # no address: the first namesake


def test_commit_replans_when_the_directory_changed_since_the_preview(db: Database, tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_text("氏名,メール\n新井　花子,h.arai@example.jp\n", encoding="utf-8")
    imp = ParticipantImport.from_file(path)
    with db.session() as s:
        preview = imp.preview(s)
    assert preview.rows[0].action == RowAction.NEW
    with db.session() as s:  # someone else adds her meanwhile
        s.add(Participant(name="新井　花子", email="H.Arai@example.jp"))
    with db.session() as s:
        result = imp.commit(s, preview=preview)
    assert (result.created, result.matched) == (0, 1)
    assert counts(db)[0] == 1


def test_new_people_get_their_own_ids_in_file_order(db: Database, tmp_path: Path):
    """The ids handed back (and registered) belong to the rows they are paired with, across
    batches, with gaps left by deleted people, and another organiser's window is told."""
    with db.session() as s:
        s.add_all([Participant(name=f"既存 {i}") for i in range(5)])
    with db.session() as s:
        s.delete(s.scalars(select(Participant).order_by(Participant.id.desc())).first())
    seen = db.change_counter()
    names = [f"参加者 {i:04d}" for i in range(2_345)]
    path = tmp_path / "many.csv"
    path.write_text(
        "氏名,メール\n" + "".join(f"{n},p{i}@example.jp\n" for i, n in enumerate(names))
    )
    with db.session() as s:
        result = ParticipantImport.from_file(path).commit(s)
    assert result.created == len(names)
    assert db.change_counter() > seen
    with db.session() as s:
        by_id = dict(s.execute(select(Participant.id, Participant.name)).all())
    assert [by_id[pid] for pid in result.participant_ids] == names
