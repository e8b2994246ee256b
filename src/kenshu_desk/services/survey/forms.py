"""Reading a questionnaire export as the form products write it (issue 21).

- Google Forms (回答 → スプレッドシート / CSV をダウンロード): the first column is タイムスタンプ
  (Timestamp), then メールアドレス (Email Address) when the form collects addresses, then one
  column per question, as titled; checkbox answers are joined by ", ".
- Microsoft Forms (回答 → Excel で開く): ID, 開始時刻, 完了時刻, メール, 名前 (Start time,
  Completion time, Email, Name), 最終更新時刻 (Last modified time) in newer exports, then one
  column per question; multiple answers are joined by ";" and end with ";"; an anonymous
  respondent's Email and Name are "anonymous"; quizzes add points and feedback columns.
- LoGoフォーム (回答一覧 → CSV): 回答ID / 受付番号 and 回答日時 before the questions.

The respondent's name or address, when the form asks for it, identifies them and is never
counted as an answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.tabular import Table

GOOGLE_TIME = ("タイムスタンプ", "timestamp")
GOOGLE_EMAIL = ("メールアドレス", "email address")
GOOGLE_META = ("スコア", "score")
MS_REQUIRED = (("id",), ("開始時刻", "start time"), ("完了時刻", "completion time"))
MS_EMAIL = ("メール", "email")
MS_NAME = ("名前", "name")
MS_META = ("最終更新時刻", "最終変更時刻", "last modified time", "合計ポイント", "total points",
           "クイズのフィードバック", "quiz feedback")  # fmt: skip
MS_META_PREFIXES = ("ポイント - ", "points - ", "フィードバック - ", "feedback - ")
LOGO_ID = ("回答id", "受付番号", "申込番号")
LOGO_TIME = ("回答日時", "受付日時", "申込日時")
ANONYMOUS = "anonymous"
# A question that asks who the respondent is: their name or address, not an answer to count.
NAME_QUESTION = ("氏名", "お名前", "名前", "name")
EMAIL_QUESTION = ("メールアドレス", "メール", "e-mail", "email")

PRODUCT_LABELS = {
    "google": "Google フォーム",
    "msforms": "Microsoft Forms",
    "logo": "LoGoフォーム",
}


@dataclass
class FormRow:
    line: int
    key: str
    submitted_at: dt.datetime | None
    name: str
    email: str
    answers: list[str]


@dataclass
class FormExport:
    source: str  # google / msforms / logo
    questions: list[str]
    rows: list[FormRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        return PRODUCT_LABELS[self.source]


def _norm(header: str) -> str:
    return header.strip().lower()


def _is(header: str, names: tuple[str, ...]) -> bool:
    return _norm(header) in names


TIME_FORMATS = (
    "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M", "%Y/%m/%d %H:%M:%S.%f",
)  # fmt: skip


def parse_time(text: str) -> dt.datetime | None:
    text = text.strip()
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _looks_like_email(values: list[str]) -> bool:
    given = [v for v in values if v.strip()]
    return bool(given) and sum("@" in v for v in given) >= 0.8 * len(given)


def read_form(table: Table) -> FormExport:
    """The export's questions and rows; UserError naming the supported products otherwise."""
    if not table.rows:
        raise UserError.of("survey.unknown_layout", name=table.name, found="")
    header = table.rows[0]
    lowered = [_norm(h) for h in header]
    if lowered and lowered[0] in GOOGLE_TIME:
        return _google(table, header)
    if all(any(h in names for h in lowered) for names in MS_REQUIRED):
        return _msforms(table, header)
    if any(h in LOGO_TIME for h in lowered):
        return _logo(table, header)
    found = "、".join(h for h in header[:6] if h)
    raise UserError.of("survey.unknown_layout", name=table.name, found=found)


def _identity_columns(
    table: Table, header: list[str], skip: set[int]
) -> tuple[int | None, int | None]:
    """Question columns that ask the respondent's name and address."""
    name_col = email_col = None
    columns = list(zip(*[r + [""] * (len(header) - len(r)) for r in table.rows[1:]], strict=False))
    for i, title in enumerate(header):
        if i in skip or i >= len(columns):
            continue
        t = _norm(title)
        values = list(columns[i])
        if email_col is None and any(k in t for k in EMAIL_QUESTION) and _looks_like_email(values):
            email_col = i
        elif name_col is None and any(k in t for k in NAME_QUESTION) and "所属" not in t:
            name_col = i
    return name_col, email_col


def _build(
    table: Table,
    header: list[str],
    source: str,
    meta: set[int],
    *,
    time_col: int | None,
    id_col: int | None = None,
    name_col: int | None = None,
    email_col: int | None = None,
) -> FormExport:
    q_name, q_email = _identity_columns(table, header, meta)
    name_col = name_col if name_col is not None else q_name
    email_col = email_col if email_col is not None else q_email
    skip = meta | {c for c in (name_col, email_col) if c is not None}
    question_cols = [i for i in range(len(header)) if i not in skip and header[i].strip()]
    export = FormExport(source, [header[i].strip() for i in question_cols])
    for line, row in zip(table.lines[1:], table.rows[1:], strict=True):
        cells = row + [""] * (len(header) - len(row))
        if not any(c.strip() for c in cells):
            continue
        name = cells[name_col].strip() if name_col is not None else ""
        email = cells[email_col].strip().lower() if email_col is not None else ""
        if name.lower() == ANONYMOUS:
            name = ""
        if email == ANONYMOUS:
            email = ""
        stamp = cells[time_col].strip() if time_col is not None else ""
        answers = [cells[i].strip() for i in question_cols]
        if id_col is not None and cells[id_col].strip():
            key = f"{source}:id:{cells[id_col].strip()}"
        else:
            digest = hashlib.sha256("\x1f".join([name, email, *answers]).encode()).hexdigest()
            key = f"{source}:{stamp}:{digest[:24]}"
        export.rows.append(FormRow(line, key, parse_time(stamp), name, email, answers))
    return export


def _google(table: Table, header: list[str]) -> FormExport:
    meta = {0} | {i for i, h in enumerate(header) if _is(h, GOOGLE_META)}
    email_col = next((i for i, h in enumerate(header) if _is(h, GOOGLE_EMAIL)), None)
    return _build(table, header, "google", meta, time_col=0, email_col=email_col)


def _msforms(table: Table, header: list[str]) -> FormExport:
    def col(names: tuple[str, ...]) -> int | None:
        return next((i for i, h in enumerate(header) if _is(h, names)), None)

    id_col, start, done = col(("id",)), col(MS_REQUIRED[1]), col(MS_REQUIRED[2])
    email_col, name_col = col(MS_EMAIL), col(MS_NAME)
    meta = {c for c in (id_col, start, done, email_col, name_col) if c is not None}
    meta |= {i for i, h in enumerate(header) if _is(h, MS_META)}
    meta |= {i for i, h in enumerate(header) if _norm(h).startswith(MS_META_PREFIXES)}
    return _build(
        table, header, "msforms", meta, time_col=done, id_col=id_col,
        name_col=name_col, email_col=email_col,
    )  # fmt: skip


def _logo(table: Table, header: list[str]) -> FormExport:
    id_col = next((i for i, h in enumerate(header) if _is(h, LOGO_ID)), None)
    time_col = next((i for i, h in enumerate(header) if _is(h, LOGO_TIME)), None)
    meta = {c for c in (id_col, time_col) if c is not None}
    meta |= {i for i, h in enumerate(header) if _norm(h) in ("ステータス", "状態", "回答者id")}
    return _build(table, header, "logo", meta, time_col=time_col, id_col=id_col)
