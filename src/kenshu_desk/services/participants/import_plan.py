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
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.participants.column_mapping import FIELD_LABELS, Field
from kenshu_desk.services.participants.organisations import OrgResolution

MAX_LENGTHS = {"name": 200, "reading": 200, "department": 200, "title": 200, "email": 320,
                "phone": 40, "organisation": 200}  # fmt: skip
LENGTH_LABELS = {attr: FIELD_LABELS[Field(attr)] for attr in MAX_LENGTHS}
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


ACTION_LABELS: dict[RowAction, Message] = {
    RowAction.NEW: msg("import.action_new"),
    RowAction.EXISTING: msg("import.action_existing"),
    RowAction.DUPLICATE: msg("import.action_duplicate"),
    RowAction.ERROR: msg("import.action_error"),
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
    # Worded when the preview is made (the running language), as the preview shows them.
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    existing_id: int | None = None
    duplicate_of: int | None = None  # line number of the first occurrence
    organisation: OrgResolution | None = None
    already_registered: bool = False

    def add_error(self, message: Message) -> None:
        self.errors.append(str(message))

    def add_warning(self, message: Message) -> None:
        self.warnings.append(str(message))

    def message(self) -> str:
        return str(msg("participants.list_separator")).join([*self.errors, *self.warnings])


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
        text = msg(
            "import.preview_summary",
            source=self.source,
            format=self.format_label,
            header_line=self.header_line,
            rows=len(self.rows),
            new=self.count(RowAction.NEW),
            existing=self.count(RowAction.EXISTING),
            duplicates=self.count(RowAction.DUPLICATE),
            errors=self.count(RowAction.ERROR),
        )
        if self.new_organisations:
            count = len(self.new_organisations)
            text = msg("import.preview_with_organisations", summary=text, organisations=count)
        return str(text)


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
        parts = [
            msg("import.result_created", count=self.created),
            msg("import.result_matched", count=self.matched),
        ]
        if self.updated:
            parts.append(msg("import.result_updated", count=self.updated))
        if self.restored:
            parts.append(msg("import.result_restored", count=self.restored))
        if self.organisations_created:
            parts.append(msg("import.result_organisations", count=self.organisations_created))
        if self.registered or self.already_registered:
            parts.append(
                msg(
                    "import.result_registered",
                    count=self.registered,
                    already=self.already_registered,
                )
            )
        if self.skipped_errors:
            parts.append(msg("import.result_skipped", count=self.skipped_errors))
        separator = str(msg("participants.list_separator"))
        return str(msg("import.result", parts=separator.join(str(p) for p in parts)))
