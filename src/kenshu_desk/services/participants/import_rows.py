"""Rules about single rows of a participant list, apart from the import itself: the lines
under a table that are not people, answers sent to try a form, names that show nothing, a
meeting tool's report given to the wrong import, and which of two answers of a form wins."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.participants.import_plan import ParticipantValues
from kenshu_desk.services.shared.tabular import Table

_FOOTER = re.compile(
    r"^(?:以上|以下余白|計|合計|小計|総計|※|＊|\*|注[)）:：．.]|備考[:：]|"
    r"(?:計|合計)?\s*[0-9０-９]+\s*(?:名|人|件)\s*$)"
)

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def visible_text(text: str) -> str:
    """``text`` without spaces, control and format characters (zero-width space, RLO …)."""
    return "".join(
        c
        for c in text
        if unicodedata.category(c) not in ("Cc", "Cf", "Zs", "Zl", "Zp")
        and c not in "\u3164\u115f\u1160\uffa0"  # Hangul fillers: blank in every font
    )


def one_line(text: str) -> str:
    """``text`` with its line breaks (a cell with Alt+Enter, a pasted address) made spaces:
    one line in the directory, the PDFs and the mail. Text without a line break is kept."""
    if "\n" not in text and "\r" not in text:
        return text
    return " ".join(text.split())


def name_problem(name: str) -> Message | None:
    """Why a (non-empty) name cannot be stored, the same for the form and the import."""
    if "\n" in name or "\r" in name:
        return msg("import.line_break_in_name")
    if not visible_text(name):
        return msg("import.name_invisible")
    if BIDI_CONTROLS.search(name):
        return msg("import.direction_controls_in_name")
    return None


def shown_safely(text: str) -> str:
    """``text`` for a message line: invisible and direction-changing characters written as
    <U+202E> so they cannot reorder or hide the rest of the line."""
    return "".join(
        f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text
    )


def is_footer(cells: list[str]) -> bool:
    """A closing line under the table: one filled cell such as 以上, 計 30名, ※ a note."""
    filled = [c for c in cells if c]
    return len(filled) == 1 and bool(_FOOTER.match(filled[0]))


_TEST = re.compile(r"^(?:テスト|てすと|test)\b|テスト|ﾃｽﾄ|^test$", re.IGNORECASE)


def looks_like_test(v: ParticipantValues) -> bool:
    """A row someone sent to try the form: 「テスト　送信」, test@…"""
    return bool(_TEST.search(v.name)) or v.email.casefold().startswith("test@")


def refuse_attendance_report(table: Table) -> None:
    """A Zoom / Teams / Meet report given to the participant import would make its display names
    and phone numbers into people: refuse it and say which import it belongs to.

    The attendance import's own reader decides (its header rules, Teams' old join/leave list,
    Zoom's webinar sections): a table it reads into people with times or durations is a report.
    """
    from kenshu_desk.services.participants.attendance_reports import parse_table

    try:
        report = parse_table(table)
    except UserError:
        return  # not a report the attendance import would take
    if any(e.join or e.leave or e.seconds for p in report.people for e in p.entries):
        raise UserError.of("import.attendance_report_given", name=table.name)


def latest_answers_first(
    rows: list[tuple[int, ParticipantValues]],
) -> list[tuple[int, ParticipantValues]]:
    """A form answered twice by one person: the latest answer (by its timestamp) is the one
    kept, the earlier ones become its duplicates. Without timestamps: file order."""
    from kenshu_desk.services.participants.attendance_reports import parse_datetime

    stamped = [(parse_datetime(v.answered) if v.answered else None, line, v) for line, v in rows]
    if not any(t for t, _, _ in stamped):
        return rows
    floor = dt.datetime.min
    ordered = sorted(stamped, key=lambda x: (x[0] or floor, x[1]), reverse=True)
    return [(line, v) for _, line, v in ordered]
