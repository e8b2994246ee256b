"""Importing a questionnaire export for an event, and summing it up (issue 21).

Respondents are linked to participants when the form asked who they are: by address (the
person's address or second address), else by name among the event's registrants (one match
only); anonymous otherwise. A second import of a longer export adds only the rows not yet
stored (each row's key: the form's response ID, or its time and contents).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kenshu_desk.database import Database
from kenshu_desk.domain.event_report import SurveyQuestion
from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import Participant, Registration
from kenshu_desk.domain.models_survey import SurveyAnswer, SurveyResponse
from kenshu_desk.domain.survey import QuestionAnswers, masked, summarise
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.shared.tabular import read_table
from kenshu_desk.services.survey.forms import FormExport, read_form
from kenshu_desk.services.timetable.events import get_event


@dataclass
class SurveyImportPlan:
    event_id: int
    file_name: str
    product: str
    questions: list[str]
    rows: int = 0
    new: int = 0
    already: int = 0
    linked: int = 0  # new rows linked to a participant
    named: int = 0  # new rows with a name or address that matched nobody
    anonymous: int = 0
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (question, kind) of the file

    def to_dict(self) -> dict[str, object]:
        return {
            "event_id": self.event_id,
            "file": self.file_name,
            "product": self.product,
            "rows": self.rows,
            "new": self.new,
            "already_imported": self.already,
            "linked": self.linked,
            "unmatched_names": self.named,
            "anonymous": self.anonymous,
            "questions": [{"title": q, "kind": k} for q, k in self.kinds],
        }


def plan_message(plan: SurveyImportPlan, *, dry_run: bool) -> Message:
    figures = {
        "product": plan.product, "rows": plan.rows, "new": plan.new, "already": plan.already,
        "linked": plan.linked, "named": plan.named, "anonymous": plan.anonymous,
    }  # fmt: skip
    return msg("survey.dry_run", **figures) if dry_run else msg("survey.imported", **figures)


def kind_word(kind: str) -> Message:
    """単一選択 / 複数選択 / 評価 / 自由記述 in the program's language."""
    return {
        "single": msg("survey.kind_single"),
        "multiple": msg("survey.kind_multiple"),
        "scale": msg("survey.kind_scale"),
        "text": msg("survey.kind_text"),
    }[kind]


class _Linker:
    def __init__(self, session: Session, event_id: int) -> None:
        self.session = session
        registrants = session.execute(
            select(Participant.id, Participant.name)
            .join(Registration, Registration.participant_id == Participant.id)
            .where(Registration.event_id == event_id)
        ).all()
        by_name: dict[str, list[int]] = {}
        for pid, name in registrants:
            by_name.setdefault(match_key(name), []).append(pid)
        self.by_name = by_name

    def find(self, name: str, email: str) -> int | None:
        if email:
            found = self.session.scalars(
                select(Participant.id).where(
                    or_(
                        func.lower(Participant.email) == email,
                        func.lower(Participant.other_email) == email,
                    )
                )
            ).all()
            if len(found) == 1:
                return found[0]
        if name:
            ids = self.by_name.get(match_key(name), [])
            if len(ids) == 1:
                return ids[0]
        return None


def _stored_keys(session: Session, event_id: int) -> set[str]:
    return set(
        session.scalars(select(SurveyResponse.row_key).where(SurveyResponse.event_id == event_id))
    )


def import_survey(
    session: Session, path: Path, event_id: int, *, dry_run: bool = False
) -> SurveyImportPlan:
    """Read the export and store its new rows (none with dry_run); the plan either way."""
    get_event(session, event_id)  # NotFoundError first
    table = read_table(path)
    export = read_form(table)
    plan = SurveyImportPlan(event_id, path.name, export.label, export.questions)
    plan.kinds = [(q.title, q.kind) for q in _summaries(export)]
    stored = _stored_keys(session, event_id)
    linker = _Linker(session, event_id)
    seen: set[str] = set()
    for row in export.rows:
        plan.rows += 1
        if row.key in stored or row.key in seen:
            plan.already += 1
            continue
        seen.add(row.key)
        plan.new += 1
        pid = linker.find(row.name, row.email)
        if pid is not None:
            plan.linked += 1
        elif row.name or row.email:
            plan.named += 1
        else:
            plan.anonymous += 1
        if dry_run:
            continue
        response = SurveyResponse(
            event_id=event_id, row_key=row.key[:300], participant_id=pid,
            respondent_name=row.name[:200], respondent_email=row.email[:320],
            submitted_at=row.submitted_at, source=export.source,
        )  # fmt: skip
        response.answers = [
            SurveyAnswer(position=i, question=q[:1000], value=a)
            for i, (q, a) in enumerate(zip(export.questions, row.answers, strict=True))
            if a
        ]
        session.add(response)
    session.flush()
    return plan


def _summaries(export: FormExport) -> list[SurveyQuestion]:
    return [
        summarise(QuestionAnswers(q, [row.answers[i] for row in export.rows]))
        for i, q in enumerate(export.questions)
    ]


def survey_summary(
    session: Session, event_id: int, *, mask: bool = False
) -> list[SurveyQuestion] | None:
    """The event's stored answers summed up per question (None when there are none);
    `mask`: names and addresses in free comments replaced by ＊＊＊."""
    responses = session.scalars(
        select(SurveyResponse)
        .where(SurveyResponse.event_id == event_id)
        .order_by(SurveyResponse.id)
    ).all()
    if not responses:
        return None
    answers = session.execute(
        select(
            SurveyAnswer.response_id,
            SurveyAnswer.position,
            SurveyAnswer.question,
            SurveyAnswer.value,
        )
        .join(SurveyResponse)
        .where(SurveyResponse.event_id == event_id)
    ).all()
    titles: dict[str, int] = {}
    table: dict[tuple[int, str], str] = {}
    for response_id, position, question, value in answers:
        titles.setdefault(question, position)
        titles[question] = min(titles[question], position)
        table[(response_id, question)] = value
    order = sorted(titles, key=lambda q: titles[q])
    out = [
        summarise(QuestionAnswers(q, [table.get((r.id, q), "") for r in responses])) for q in order
    ]
    if mask:
        names = _names(session, event_id, responses)
        out = [replace(q, comments=tuple(masked(c, names) for c in q.comments)) for q in out]
    return out


def _names(session: Session, event_id: int, responses: Sequence[SurveyResponse]) -> list[str]:
    names = {r.respondent_name for r in responses if r.respondent_name}
    names |= set(
        session.scalars(
            select(Participant.name)
            .join(Registration, Registration.participant_id == Participant.id)
            .where(Registration.event_id == event_id)
        )
    )
    return sorted(names)


def respondents_count(session: Session, event_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(SurveyResponse)
            .where(SurveyResponse.event_id == event_id)
        )
        or 0
    )


# ------------------------------------------------------------------ for the window (own session)

Progress = Callable[[int, int], None]


def import_file(db: Database, path: Path, event_id: int, *, dry_run: bool) -> SurveyImportPlan:
    with db.session() as s:
        return import_survey(s, path, event_id, dry_run=dry_run)


def summary_pdf_bytes(db: Database, event_id: int, *, mask: bool = False) -> bytes:
    from kenshu_desk.documents.survey_summary import survey_summary_pdf

    with db.session() as s:
        event = get_event(s, event_id)
        title, date = event.title, event.date
        questions = survey_summary(s, event_id, mask=mask) or []
        count = respondents_count(s, event_id)
    return survey_summary_pdf(title, date, questions, count)
