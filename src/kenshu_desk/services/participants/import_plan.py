"""What an import would do, row by row: the values read, the verdict, the counts.

Plain data for the preview (the dialog's table, the command line's listing) and the
validation of one row's values; ``participant_import`` makes and applies the plan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.organisations import OrgResolution

MAX_LENGTHS = {"name": 200, "reading": 200, "department": 200, "title": 200, "email": 320,
                "phone": 40, "organisation": 200}  # fmt: skip
LENGTH_LABELS = {"name": "氏名", "reading": "ふりがな", "department": "部署", "title": "職名",
                  "email": "メールアドレス", "phone": "電話番号", "organisation": "所属"}  # fmt: skip
# A cell beginning with one of these is read as a formula by Excel and LibreOffice (CSV
# injection). Phone numbers may begin with "+", and e-mail is checked on its own.
FORMULA_STARTS = ("=", "+", "@")
FORMULA_CHECKED = ("name", "reading", "organisation", "department", "title")


class ImportCancelled(UserError):
    """The user cancelled; the transaction is rolled back, nothing was imported."""


def clean_email(raw: str) -> str:
    """An address as typed in Excel: full-width ＠ and letters, spaces, mailto:, <…>."""
    text = unicodedata.normalize("NFKC", raw).strip()
    text = text.removeprefix("mailto:").strip().strip("<>").strip()
    return "".join(text.split())


_KANJI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def has_kanji(text: str) -> bool:
    return _KANJI.search(text) is not None


class RowAction(StrEnum):
    NEW = "new"
    EXISTING = "existing"
    DUPLICATE = "duplicate"
    ERROR = "error"


ACTION_LABELS = {
    RowAction.NEW: "新規",
    RowAction.EXISTING: "登録済みの人",
    RowAction.DUPLICATE: "ファイル内の重複",
    RowAction.ERROR: "エラー",
}


@dataclass
class ParticipantValues:
    name: str = ""
    reading: str = ""
    organisation: str = ""
    department: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    other_email: str = ""
    answered: str = ""  # a form's timestamp, as written: the latest answer of a person wins


@dataclass
class PreviewRow:
    line: int
    values: ParticipantValues
    action: RowAction = RowAction.NEW
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    existing_id: int | None = None
    duplicate_of: int | None = None  # line number of the first occurrence
    organisation: OrgResolution | None = None
    already_registered: bool = False

    def message(self) -> str:
        return "、".join([*self.errors, *self.warnings])


@dataclass
class ImportPreview:
    source: str
    format_label: str
    header_line: int
    mapping_text: str
    rows: list[PreviewRow]
    new_organisations: list[OrgResolution]
    event_id: int | None = None
    fingerprint: tuple[object, ...] = ()  # the database state the plan was made against

    def count(self, action: RowAction) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def error_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.action == RowAction.ERROR]

    @property
    def has_errors(self) -> bool:
        return any(r.action == RowAction.ERROR for r in self.rows)

    def summary(self) -> str:
        text = (
            f"{self.source}（{self.format_label}、見出し {self.header_line} 行目）: "
            f"{len(self.rows)} 行 — 新規 {self.count(RowAction.NEW)}、"
            f"登録済み {self.count(RowAction.EXISTING)}、"
            f"ファイル内の重複 {self.count(RowAction.DUPLICATE)}、"
            f"エラー {self.count(RowAction.ERROR)}"
        )
        if self.new_organisations:
            text += f"、新しい所属 {len(self.new_organisations)}"
        return text


@dataclass
class ImportResult:
    created: int = 0
    matched: int = 0
    updated: int = 0
    restored: int = 0
    duplicates: int = 0
    skipped_errors: int = 0
    organisations_created: int = 0
    registered: int = 0
    already_registered: int = 0
    participant_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"新規 {self.created} 人", f"登録済み {self.matched} 人"]
        if self.updated:
            parts.append(f"空欄を補った人 {self.updated} 人")
        if self.restored:
            parts.append(f"アーカイブから戻した人 {self.restored} 人")
        if self.organisations_created:
            parts.append(f"新しい所属 {self.organisations_created} 件")
        if self.registered or self.already_registered:
            parts.append(
                f"行事への申込 {self.registered} 件（申込済み {self.already_registered} 件）"
            )
        if self.skipped_errors:
            parts.append(f"エラーで飛ばした行 {self.skipped_errors} 行")
        return "取り込みました: " + "、".join(parts) + "。"
