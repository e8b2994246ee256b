"""Which column of a participant list holds what: recognising the headers people write.

Registration lists come from every municipality's own Excel template: 「氏名」「お名前」,
「フリガナ」「ふりがな（全角）」, 「所属（市町村名）」「団体名」, 「所属課」「部署」, 「職名」「役職」,
「メールアドレス（半角）」「E-mail」 … often under a title line or two, sometimes with
姓 and 名 (and their readings) in separate columns. Headers are compared through
``match_key`` (full-width/half-width, kana, case and spaces alike) after removing notes such
as ※ and （必須）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.shared.tabular import Table


class Field(StrEnum):
    NAME = "name"
    FAMILY_NAME = "family_name"
    GIVEN_NAME = "given_name"
    READING = "reading"
    FAMILY_READING = "family_reading"
    GIVEN_READING = "given_reading"
    ORGANISATION = "organisation"
    DEPARTMENT = "department"
    TITLE = "title"
    EMAIL = "email"
    PHONE = "phone"
    NOTES = "notes"
    OTHER_EMAIL = "other_email"  # a second address column (資料送付先のメールアドレス)
    ANSWERED = "answered"  # a form's timestamp (タイムスタンプ, 完了時刻)


# What the import wizard calls each field (its column choices, the preview's headings).
FIELD_LABELS: dict[Field, Message] = {
    Field.NAME: msg("import.field_name"),
    Field.FAMILY_NAME: msg("import.field_family_name"),
    Field.GIVEN_NAME: msg("import.field_given_name"),
    Field.READING: msg("import.field_reading"),
    Field.FAMILY_READING: msg("import.field_family_reading"),
    Field.GIVEN_READING: msg("import.field_given_reading"),
    Field.ORGANISATION: msg("import.field_organisation"),
    Field.DEPARTMENT: msg("import.field_department"),
    Field.TITLE: msg("import.field_title"),
    Field.EMAIL: msg("import.field_email"),
    Field.PHONE: msg("import.field_phone"),
    Field.NOTES: msg("import.field_notes"),
    Field.OTHER_EMAIL: msg("import.field_other_email"),
    Field.ANSWERED: msg("import.field_answered"),
}

# Exact header keys first (after cleaning), for the short headers that a substring rule would
# mistake: 「名」 is the given name, 「課」 the department, 「職」 the title.
_EXACT: dict[str, Field] = {}
# Then substring rules, in this order: the more specific field first (「所属課」 is a department,
# not an organisation; 「氏名（フリガナ）」 a reading, not a name).
_CONTAINS: list[tuple[Field, tuple[str, ...]]] = []


def _keys(*words: str) -> tuple[str, ...]:
    return tuple(match_key(w) for w in words)


def _build_rules() -> None:
    exact = {
        Field.FAMILY_NAME: ("姓", "氏", "苗字", "名字", "last name", "family name", "surname"),
        Field.GIVEN_NAME: ("名", "first name", "given name"),
        Field.FAMILY_READING: (
            "せい",
            "姓ふりがな",
            "姓フリガナ",
            "ふりがな姓",
            "フリガナ姓",
            "セイ",
        ),
        Field.GIVEN_READING: (
            "めい",
            "名ふりがな",
            "名フリガナ",
            "ふりがな名",
            "フリガナ名",
            "メイ",
        ),
        Field.DEPARTMENT: ("課", "係", "課名", "部", "部課"),
        Field.TITLE: ("職", "職名"),
        Field.NAME: ("name", "なまえ", "おなまえ", "氏名"),
        Field.EMAIL: ("mail", "e-mail", "email", "メール"),
        Field.PHONE: ("tel", "電話", "phone"),
        Field.ANSWERED: (
            "タイムスタンプ",
            "timestamp",
            "開始時刻",
            "完了時刻",
            "回答日時",
            "送信日時",
            "start time",
            "completion time",
            "回答時刻",
        ),
    }
    for f, words in exact.items():
        for k in _keys(*words):
            _EXACT[k] = f
    _CONTAINS.extend(
        [
            (Field.FAMILY_READING, _keys("ふりがな（姓）", "フリガナ（姓）", "よみ（姓）")),
            (Field.GIVEN_READING, _keys("ふりがな（名）", "フリガナ（名）", "よみ（名）")),
            (Field.EMAIL, _keys("メール", "mail", "アドレス")),
            (
                Field.READING,
                _keys("ふりがな", "フリガナ", "ふりかな", "よみ", "カナ", "kana", "reading"),
            ),
            (Field.PHONE, _keys("電話", "tel", "phone", "携帯", "内線")),
            (
                Field.DEPARTMENT,
                _keys(
                    "部署",
                    "所属課",
                    "課名",
                    "担当課",
                    "部課",
                    "課・係",
                    "課係",
                    "部局",
                    "所属部",
                    "department",
                    "division",
                    "section",
                ),
            ),
            (Field.TITLE, _keys("職名", "役職", "職位", "職種", "title", "position")),
            (
                Field.ORGANISATION,
                _keys(
                    "所属",
                    "団体",
                    "市町村",
                    "自治体",
                    "機関",
                    "法人",
                    "組織",
                    "勤務先",
                    "事業所",
                    "施設名",
                    "organisation",
                    "organization",
                    "affiliation",
                    "company",
                ),
            ),
            (Field.NAME, _keys("氏名", "名前", "参加者名", "受講者名", "name")),
            (Field.NOTES, _keys("備考", "メモ", "コメント", "連絡事項", "note", "remark")),
        ]
    )


_build_rules()

# Notes written into headers: ※ remarks, （必須）, (半角), *, ：
_DECORATION = re.compile(
    r"[※＊*:：]|[（(](?:必須|任意|半角|全角|半角英数|全角カナ|全角かな|例[^）)]*)[）)]"
)


# A code or number column (団体コード, 市町村コード, 受付番号, No.): never a name or an office.
_CODE_WORDS = _keys("コード", "code", "番号", "id", "no.", "ｎｏ")
_NOT_CODES = _keys("電話", "tel", "携帯", "fax", "mail", "メール")


def header_field(header: str) -> Field | None:
    """The field a header names, or None when it names none we know."""
    text = _DECORATION.sub("", header)
    key = match_key(text)
    if not key:
        return None
    if (
        key not in _EXACT
        and any(w in key for w in _CODE_WORDS)
        and not any(w in key for w in _NOT_CODES)
    ):
        return None  # 「団体コード」 holds 112011, not 川越市
    if key in _EXACT:
        return _EXACT[key]
    for f, patterns in _CONTAINS:
        if any(p in key for p in patterns):
            return f
    return None


@dataclass
class ColumnMapping:
    """The header row (index into Table.rows) and the column index of each field."""

    header_row: int
    columns: dict[Field, int] = field(default_factory=dict)

    def has_name(self) -> bool:
        return Field.NAME in self.columns or Field.FAMILY_NAME in self.columns

    def column_of(self, f: Field) -> int | None:
        return self.columns.get(f)

    def describe(self, table: Table) -> str:
        headers = table.rows[self.header_row] if table.rows else []
        parts = []
        for f, col in sorted(self.columns.items(), key=lambda kv: kv[1]):
            head = headers[col] if col < len(headers) else msg("import.column", number=col + 1)
            parts.append(str(msg("import.mapped_column", field=FIELD_LABELS[f], header=head)))
        return str(msg("participants.list_separator")).join(parts)


# Microsoft Forms writes these columns before the questions (English and Japanese UI); the
# respondent's Email/Name are Microsoft's account data ("anonymous" for open forms), not answers.
_FORMS_METADATA = (
    _keys("id", "start time", "completion time", "email", "name", "last modified time"),
    _keys("id", "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻"),
)
_FORMS_COMPLETION, _FORMS_EMAIL, _FORMS_NAME = 2, 3, 4


def forms_metadata_width(cells: list[str]) -> int:
    """How many leading columns are Microsoft Forms' own metadata (0: not a Forms export)."""
    keys = [match_key(c) for c in cells[:6]]
    for layout in _FORMS_METADATA:
        if keys[:5] == list(layout[:5]):
            return 6 if keys[5:6] == [layout[5]] else 5
    return 0


def map_header_row(cells: list[str]) -> dict[Field, int]:
    """Fields recognised in one row; the first column wins when two name the same field —
    except a second e-mail column (a form's 資料送付先), kept as the person's other address.

    In a Microsoft Forms export the latest answer is told by 完了時刻 (Completion time), and
    the respondent's Name/Email are used only when the form asks for no name/address itself."""
    found: dict[Field, int] = {}
    forms = forms_metadata_width(cells)
    for col, cell in enumerate(cells):
        if col < forms:
            continue
        f = header_field(cell)
        if f == Field.EMAIL and Field.EMAIL in found and Field.OTHER_EMAIL not in found:
            f = Field.OTHER_EMAIL
        if f is not None and f not in found:
            found[f] = col
    # 「氏名」 and 「姓」「名」 together: keep the full name, the parts are redundant.
    if Field.NAME in found:
        found.pop(Field.FAMILY_NAME, None)
        found.pop(Field.GIVEN_NAME, None)
    if Field.READING in found:
        found.pop(Field.FAMILY_READING, None)
        found.pop(Field.GIVEN_READING, None)
    if forms:
        found[Field.ANSWERED] = _FORMS_COMPLETION
        if Field.NAME not in found and Field.FAMILY_NAME not in found:
            found[Field.NAME] = _FORMS_NAME
        if Field.EMAIL not in found:
            found[Field.EMAIL] = _FORMS_EMAIL
    # A 「名」 column alone (no 「姓」) is a full name written under a one-kanji header.
    if Field.GIVEN_NAME in found and Field.FAMILY_NAME not in found:
        found[Field.NAME] = found.pop(Field.GIVEN_NAME)
    return found


HEADER_SEARCH_ROWS = 30


def visible(table: Table, cells: list[str]) -> list[str]:
    """The header cells with those of hidden columns blanked (an old 「氏名（旧）」 kept out of
    sight is not a second name column)."""
    return ["" if i in table.hidden_columns else c for i, c in enumerate(cells)]


def detect_mapping(table: Table) -> ColumnMapping | None:
    """The first row (of the first 30) that names a name column and at least one other field.

    A title line such as 「令和3年度 第2回情報交換会 参加者名簿」 names nothing, so a header under
    it is found; a lone 「氏名」 header (a list of names only) is accepted when no better row is.
    """
    best: ColumnMapping | None = None
    for index, cells in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        found = map_header_row(visible(table, cells))
        mapping = ColumnMapping(index, found)
        if not mapping.has_name():
            continue
        if len(found) >= 2:
            return mapping
        if best is None:
            best = mapping
    return best
