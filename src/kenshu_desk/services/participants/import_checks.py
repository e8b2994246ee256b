"""The checks of an import's rows: each row on its own, and a row against the person in the
directory it matched. Errors refuse a row; warnings are shown in the preview."""

from __future__ import annotations

from dataclasses import dataclass

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.validation import is_valid_email
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.import_plan import (
    FORMULA_CHECKED,
    FORMULA_STARTS,
    LENGTH_LABELS,
    MAX_LENGTHS,
    PreviewRow,
    has_kanji,
)
from kenshu_desk.services.participants.import_rows import looks_like_test, name_problem, one_line


@dataclass
class Known:
    """A participant already in the database, as much as matching needs."""

    id: int
    name: str
    email: str
    organisation_id: int | None
    archived: bool
    other_email: str = ""


def different_addresses(a: str, b: str) -> bool:
    """Both rows give an address and they differ: e-mail says these are two people."""
    return bool(a and b and a.casefold() != b.casefold())


def validate_row(row: PreviewRow) -> None:
    """The checks of one row on its own: errors refuse it, warnings are shown."""
    v = row.values
    if not v.name:
        row.add_error(msg("import.no_name"))
    if looks_like_test(v):
        row.add_warning(msg("import.looks_like_test"))
    if v.email and not is_valid_email(v.email):
        row.add_error(msg("import.invalid_email", email=v.email))
    for attr, limit in MAX_LENGTHS.items():
        if len(getattr(v, attr)) > limit:
            row.add_error(msg("import.too_long", field=LENGTH_LABELS[attr], limit=limit))
    if v.reading and has_kanji(v.reading):
        row.add_warning(msg("import.kanji_in_reading"))
    problem = name_problem(v.name) if v.name else None
    if problem is not None:
        row.add_error(problem)
    for attr in ("organisation", "department", "title"):
        value = getattr(v, attr)
        if one_line(value) != value:
            # A cell with Alt+Enter: one line in the directory, the PDFs and the mail.
            setattr(v, attr, one_line(value))
            row.add_warning(msg("import.line_breaks_replaced", field=LENGTH_LABELS[attr]))
    for attr in FORMULA_CHECKED:
        value = getattr(v, attr)
        if value.startswith(FORMULA_STARTS):
            # No name or office begins so; a spreadsheet opening the data later would run it.
            row.add_error(msg("import.formula_start", field=LENGTH_LABELS[attr], start=value[0]))


def compare_with_known(row: PreviewRow, match: Known) -> None:
    """Warnings for a row that matched someone already in the directory."""
    v = row.values
    if match.archived:
        row.add_warning(msg("import.archived_person"))
    if match_key(match.name) != match_key(v.name):
        row.add_warning(msg("import.name_differs", name=match.name))
