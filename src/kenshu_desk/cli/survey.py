"""Sub-commands for questionnaires: survey import, survey summary (issue 21)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, tr
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.survey.survey import (
    import_survey,
    kind_word,
    plan_message,
    respondents_count,
    survey_summary,
)
from kenshu_desk.services.timetable.events import get_event

KIND_JSON = ("single", "multiple", "scale", "text")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    survey = commands.add_parser(
        "survey", help=tr("アンケートの取り込みと集計", "import and summarise surveys")
    )
    sub = survey.add_subparsers(dest="survey_command", metavar="COMMAND", required=True)
    imp = sub.add_parser(
        "import",
        help=tr(
            "Google フォーム・Microsoft Forms・LoGoフォームの回答を取り込む",
            "import responses from Google Forms, Microsoft Forms or LoGo Form",
        ),
    )
    imp.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=tr("回答の書き出し（CSV または XLSX）", "the exported responses (CSV or XLSX)"),
    )
    imp.add_argument(
        "--event", required=True, type=id_arg, metavar="EVENT_ID", help=tr("行事 ID", "event ID")
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=tr(
            "取り込まずに、取り込む内容を表示", "show what would be imported without importing"
        ),
    )
    imp.add_argument(
        "--json", action="store_true", help=tr("結果を JSON で表示", "print the result as JSON")
    )
    imp.set_defaults(handler=run_import)
    summary = sub.add_parser(
        "summary",
        help=tr("アンケートの集計（PDF・Excel・JSON）", "survey summary (PDF, Excel or JSON)"),
    )
    summary.add_argument(
        "event_id", type=id_arg, metavar="EVENT_ID", help=tr("行事 ID", "event ID")
    )
    summary.add_argument(
        "-o", "--output", metavar="FILE.pdf|FILE.xlsx", help=tr("出力ファイル", "output file")
    )
    summary.add_argument(
        "--mask",
        action="store_true",
        help=tr(
            "自由記述の中の氏名とメールアドレスを伏せる",
            "mask names and email addresses in free-text answers",
        ),
    )
    summary.add_argument(
        "--json", action="store_true", help=tr("集計を JSON で表示", "print the summary as JSON")
    )
    summary.set_defaults(handler=run_summary)


def run_import(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            plan = import_survey(session, args.file, args.event, dry_run=args.dry_run)
            if args.dry_run:
                session.rollback()
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({**plan.to_dict(), "dry_run": args.dry_run}, ensure_ascii=False, indent=2))
        return 0
    print(plan_message(plan, dry_run=args.dry_run))
    for title, kind in plan.kinds:
        print(f"  {kind_word(kind)}: {title}")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    if args.output is None and not args.json:
        raise UserError(msg("survey.needs_output"))
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in (".pdf", ".xlsx"):
        raise UserError(msg("report.unknown_format", path=str(output)))
    db = open_db(args)
    try:
        with db.session() as session:
            event = get_event(session, args.event_id)
            title, date = event.title, event.date
            questions = survey_summary(session, args.event_id, mask=args.mask)
            count = respondents_count(session, args.event_id)
    finally:
        db.dispose()
    if questions is None:
        raise UserError(msg("survey.none", event_id=args.event_id))
    if output is not None:
        from kenshu_desk.documents.survey_summary import survey_summary_pdf, survey_summary_xlsx

        data = (
            survey_summary_pdf(title, date, questions, count)
            if output.suffix.lower() == ".pdf"
            else survey_summary_xlsx(title, questions, count)
        )
        write_atomically(output, data)
    if args.json:
        print(json.dumps(summary_dict(questions, count), ensure_ascii=False, indent=2))
    elif output is not None:
        print(msg("survey.saved", path=str(output)))
    return 0


def summary_dict(questions, respondents: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "respondents": respondents,
        "questions": [
            {
                "title": q.title,
                "kind": q.kind,
                "respondents": q.respondents,
                "choices": [
                    {"label": c.label, "count": c.count, "percent": c.percent} for c in q.choices
                ],
                "mean": q.mean,
                "comments": list(q.comments),
            }
            for q in questions
        ],
    }
