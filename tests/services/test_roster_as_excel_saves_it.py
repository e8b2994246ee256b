"""Participant lists as offices really keep them in Excel: a merged title, a hidden code column,
blank rows, a closing 以上 and a count under the table, a form's test row — and the reading
that Excel keeps as phonetic runs when there is no ふりがな column."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.column_mapping import Field
from kenshu_desk.services.participants.participant_import import ParticipantImport, RowAction

PEOPLE = [
    ("112011", "川越市", "小川　恵", "おがわ　めぐみ", "m.ogawa@example.jp"),
    ("112089", "所沢市", "角田　聡", "つのだ　さとし", "s.tsunoda@example.jp"),
    ("113484", "鳩山町", "日下部　亮", "くさかべ　りょう", "r.kusakabe@example.jp"),
]


def _office_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    ws["A1"] = "令和3年度 第2回市町村情報交換会 参加者名簿"
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["団体コード", "所属（市町村名）", "氏名", "ふりがな", "メールアドレス"])
    ws.column_dimensions["A"].hidden = True  # the code column the office keeps out of sight
    for code, org, name, reading, email in PEOPLE[:2]:
        ws.append([int(code), org, name, reading, email])
    ws.append([])  # a blank row in the middle
    code, org, name, reading, email = PEOPLE[2]
    ws.append([int(code), org, name, reading, email])
    ws.append(["", "", "", "", ""])
    ws.append(["", "", "以上"])
    ws.append(["", "", "計 3名"])
    ws.append(["※ 欠席の場合はご連絡ください。"])
    wb.save(path)
    return path


def test_title_hidden_code_column_blank_rows_and_footer(db: Database, tmp_path: Path):
    importer = ParticipantImport.from_file(_office_workbook(tmp_path / "名簿.xlsx"))
    mapping = importer.require_mapping()
    assert mapping.column_of(Field.ORGANISATION) == 1  # 所属（市町村名）, not 団体コード
    with db.session() as s:
        preview = importer.preview(s)
    assert not preview.has_errors, [r.message() for r in preview.rows]
    assert [r.values.name for r in preview.rows] == [p[2] for p in PEOPLE]
    assert [r.values.organisation for r in preview.rows] == [p[1] for p in PEOPLE]
    assert len(importer.footer_lines) == 3


def test_a_form_test_row_is_flagged(db: Database, tmp_path: Path):
    csv = tmp_path / "form.csv"
    csv.write_text(
        "タイムスタンプ,氏名,所属,メールアドレス\n"
        "2021/11/01 9:00:00,テスト　送信,埼玉県,test@example.jp\n"
        "2021/11/02 10:00:00,小川　恵,川越市,m.ogawa@example.jp\n",
        encoding="utf-8",
    )
    with db.session() as s:
        preview = ParticipantImport.from_file(csv).preview(s)
    test_row, real = preview.rows
    assert "テストの行" in test_row.message() and test_row.action == RowAction.NEW
    assert "テスト" not in real.message()


def test_an_attendance_report_is_refused_by_the_participant_import(data_dir: Path):
    with pytest.raises(UserError, match="出席レポート"):
        ParticipantImport.from_file(data_dir / "zoom_participants_en.csv")


@pytest.mark.parametrize(
    "text",
    [
        # Google Meet's attendance report (Meet's own header words, times of day only).
        "First name,Last name,Email,Duration,Time joined,Time exited\n"
        "美咲,髙橋,m.takahashi@example.jp,1 hr 58 min,02:30 PM,04:28 PM\n"
        "健,藤田,k.fujita@example.jp,37 min,02:31 PM,03:08 PM\n",
        # Teams' old attendee list: one row per join / leave.
        "Full Name\tUser Action\tTimestamp\n"
        "髙橋 美咲\tJoined\t11/25/2021, 2:30:01 PM\n"
        "髙橋 美咲\tLeft\t11/25/2021, 4:28:40 PM\n",
        # Zoom's "unique users" participant export: totals, no join/leave times.
        "Name (Original Name),User Email,Total Duration (Minutes),Guest\n"
        "髙橋 美咲,m.takahashi@example.jp,126,No\n"
        "藤田 健,k.fujita@example.jp,37,No\n",
    ],
    ids=["google-meet", "teams-old-list", "zoom-unique-users"],
)
def test_every_attendance_layout_is_refused_by_the_participant_import(tmp_path: Path, text: str):
    path = tmp_path / "report.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="出席レポート"):
        ParticipantImport.from_file(path)


def test_a_roster_with_a_time_slot_column_is_not_taken_for_a_report(tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "氏名,所属,参加時間帯\n小川　恵,川越市,午前\n角田　聡,所沢市,午後\n", encoding="utf-8"
    )
    assert len(ParticipantImport.from_file(path).data_rows()) == 2


# --- Excel's phonetic runs ---------------------------------------------------------------------

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""


def _si_with_phonetic(family: str, given: str, f_kana: str, g_kana: str) -> str:
    """A shared string as Excel stores a name typed through the IME: the text, then one
    <rPh> per kanji run (sb/eb: character positions) and <phoneticPr>."""
    text = f"{family}\u3000{given}"
    g_start = len(family) + 1
    return (
        f"<si><t>{text}</t>"
        f'<rPh sb="0" eb="{len(family)}"><t>{f_kana}</t></rPh>'
        f'<rPh sb="{g_start}" eb="{g_start + len(given)}"><t>{g_kana}</t></rPh>'
        '<phoneticPr fontId="1"/></si>'
    )


def _excel_with_phonetic_runs(path: Path) -> Path:
    strings = ["<si><t>氏名</t></si>", "<si><t>所属</t></si>",
               _si_with_phonetic("小川", "恵", "オガワ", "メグミ"),
               "<si><t>川越市</t></si>",
               _si_with_phonetic("東海林", "翔", "ショウジ", "ショウ"),
               "<si><t>以上</t></si>"]  # fmt: skip
    shared = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(strings) + "</sst>"
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>3</v></c></row>'
        '<row r="5"><c r="A5" t="s"><v>5</v></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_readings_come_from_excels_phonetic_runs(db: Database, tmp_path: Path):
    importer = ParticipantImport.from_file(_excel_with_phonetic_runs(tmp_path / "名簿.xlsx"))
    with db.session() as s:
        preview = importer.preview(s)
    assert not preview.has_errors, [r.message() for r in preview.rows]
    # What =PHONETIC() shows (katakana), as the reading; the name itself is unchanged.
    assert [(r.values.name, r.values.reading) for r in preview.rows] == [
        ("小川\u3000恵", "オガワ\u3000メグミ"),
        ("東海林\u3000翔", "ショウジ\u3000ショウ"),
    ]


def _google_form(path: Path) -> Path:
    """A Google Forms response sheet downloaded as CSV: タイムスタンプ first (as Google writes
    it, "2021/11/01 9:05:11"), the collected address, then the questions in order."""
    path.write_text(
        "タイムスタンプ,メールアドレス,氏名,ふりがな,所属,資料送付先のメールアドレス\n"
        "2021/11/01 9:05:11,m.ogawa@example.jp,小川　恵美,おがわ　えみ,川越市,kyoiku@example.jp\n"
        "2021/11/01 9:30:40,s.tsunoda@example.jp,角田　聡,つのだ　さとし,所沢市,\n"
        "2021/11/02 17:42:03,m.ogawa@example.jp,小川　恵,おがわ　めぐみ,川越市,kyoiku@example.jp\n",
        encoding="utf-8",
    )
    return path


def test_a_forms_latest_answer_wins_and_the_second_address_is_kept(db: Database, tmp_path: Path):
    from sqlalchemy import select

    from kenshu_desk.domain.models import Participant

    importer = ParticipantImport.from_file(_google_form(tmp_path / "回答.csv"))
    with db.session() as s:
        preview = importer.preview(s)
    first, tsunoda, latest = preview.rows
    assert first.action == RowAction.DUPLICATE and first.duplicate_of == latest.line
    assert latest.action == RowAction.NEW and tsunoda.action == RowAction.NEW
    with db.session() as s:
        importer.commit(s, preview=preview)
    with db.session() as s:
        people = {p.email: p for p in s.scalars(select(Participant))}
    assert people["m.ogawa@example.jp"].name == "小川\u3000恵"  # the corrected, later answer
    assert people["m.ogawa@example.jp"].other_email == "kyoiku@example.jp"
    assert len(people) == 2
    # A later list that knows the person only by the second address finds the same person.
    later = tmp_path / "later.csv"
    later.write_text(
        "氏名,所属,メールアドレス\n小川　恵,川越市,kyoiku@example.jp\n", encoding="utf-8"
    )
    with db.session() as s:
        (row,) = ParticipantImport.from_file(later).preview(s).rows
    assert row.action == RowAction.EXISTING


# Microsoft Forms' "Open in Excel" download: ID, Start time, Completion time, Email, Name and
# Last modified time come first (Japanese UI: ID, 開始時刻, 完了時刻, メール, 名前, 最終変更時刻),
# the questions after them. The respondent Email is "anonymous" when anyone can answer.
_FORMS_HEADERS = {
    "en": ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"],
    "ja": ["ID", "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻"],
}


def _microsoft_form(path: Path, ui: str) -> Path:
    import datetime as dt

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([*_FORMS_HEADERS[ui], "氏名", "ふりがな", "所属", "メールアドレス"])
    t = dt.datetime
    ws.append(
        [
            1,
            t(2021, 11, 1, 9, 4),
            t(2021, 11, 1, 9, 5, 11),
            "anonymous",
            "",
            "",
            "小川　恵美",
            "おがわ　えみ",
            "川越市",
            "m.ogawa@example.jp",
        ]
    )
    ws.append(
        [
            2,
            t(2021, 11, 1, 9, 28),
            t(2021, 11, 1, 9, 30, 40),
            "anonymous",
            "",
            "",
            "角田　聡",
            "つのだ　さとし",
            "所沢市",
            "s.tsunoda@example.jp",
        ]
    )
    ws.append(
        [
            3,
            t(2021, 11, 2, 17, 40),
            t(2021, 11, 2, 17, 42, 3),
            "anonymous",
            "",
            "",
            "小川　恵",
            "おがわ　めぐみ",
            "川越市",
            "m.ogawa@example.jp",
        ]
    )
    wb.save(path)
    return path


@pytest.mark.parametrize("ui", ["en", "ja"])
def test_a_microsoft_forms_export_is_read(db: Database, tmp_path: Path, ui: str):
    importer = ParticipantImport.from_file(_microsoft_form(tmp_path / "form.xlsx", ui))
    mapping = importer.require_mapping()  # the respondent 名前/Name is not a second 氏名
    assert mapping.column_of(Field.NAME) == 6
    assert mapping.column_of(Field.EMAIL) == 9  # the form's question, not the "anonymous" one
    assert mapping.column_of(Field.ANSWERED) == 2  # 完了時刻 (Completion time)
    with db.session() as s:
        preview = importer.preview(s)
    first, tsunoda, latest = preview.rows
    assert first.action == RowAction.DUPLICATE and first.duplicate_of == latest.line
    assert latest.values.name == "小川\u3000恵" and latest.values.email == "m.ogawa@example.jp"
    assert tsunoda.action == RowAction.NEW


def test_a_forms_respondent_name_and_address_are_used_when_the_form_asks_none(tmp_path: Path):
    wb = Workbook()
    ws = wb.active
    ws.append([*_FORMS_HEADERS["en"], "所属", "参加方法"])
    ws.append(
        [
            1,
            "11/1/21 9:04:00",
            "11/1/21 9:05:11",
            "m.ogawa@example.jp",
            "小川 恵",
            "",
            "川越市",
            "オンライン",
        ]
    )
    ws.append([2, "11/1/21 9:28:00", "11/1/21 9:30:40", "anonymous", "", "", "所沢市", "会場"])
    path = tmp_path / "org.xlsx"
    wb.save(path)
    importer = ParticipantImport.from_file(path)
    mapping = importer.require_mapping()
    assert mapping.column_of(Field.NAME) == 4 and mapping.column_of(Field.EMAIL) == 3
    rows = importer.data_rows()
    assert rows[0][1].email == "m.ogawa@example.jp"
    assert rows[1][1].email == ""  # "anonymous" is not an address


def test_a_hidden_old_name_column_is_ignored(db: Database, tmp_path: Path):
    wb = Workbook()
    ws = wb.active
    ws.append(["氏名（旧）", "氏名", "所属", "メールアドレス"])
    ws.column_dimensions["A"].hidden = True  # kept out of sight after a name change
    ws.append(["小川　恵美", "小川　恵", "川越市", "m.ogawa@example.jp"])
    path = tmp_path / "名簿.xlsx"
    wb.save(path)
    importer = ParticipantImport.from_file(path)
    assert importer.table.hidden_columns == frozenset({0})
    assert importer.require_mapping().column_of(Field.NAME) == 1  # not "two name columns"
    with db.session() as s:
        (row,) = importer.preview(s).rows
    assert row.values.name == "小川　恵"


def test_a_phonetic_helper_column_is_read_by_its_cached_values(db: Database, tmp_path: Path):
    """A ふりがな column filled with =PHONETIC(A2): Excel stores the formula and its result
    (<f> and <v>, t="str"); the result is the reading."""
    strings = ["氏名", "ふりがな", "小川\u3000恵", "所属", "川越市"]
    shared = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings)
        + "</sst>"
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>3</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c>'
        '<c r="B2" t="str"><f>PHONETIC(A2)</f><v>オガワ\u3000メグミ</v></c>'
        '<c r="C2" t="s"><v>4</v></c></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "名簿.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    importer = ParticipantImport.from_file(path)
    assert importer.require_mapping().column_of(Field.READING) == 1
    with db.session() as s:
        (row,) = importer.preview(s).rows
    assert (row.values.name, row.values.reading) == ("小川\u3000恵", "オガワ\u3000メグミ")
