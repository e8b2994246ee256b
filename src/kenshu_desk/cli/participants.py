"""Sub-commands for participants.

    kenshu-desk participants import FILE [--event ID] [--skip-errors] [--dry-run]
    kenshu-desk participants list [--search TEXT] [--archived] [--json]
    kenshu-desk participants coverage [FISCAL_YEAR] [--registered] [--json]

The attendance commands (kenshu_desk.cli.attendance) are registered with these.

Non-interactive: the preview is printed, and the import happens only when no row has an
error (or with --skip-errors); --dry-run stops after the preview. A file that cannot be read
exits 1 with one line on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kenshu_desk.cli import attendance
from kenshu_desk.cli.common import fiscal_year_arg, id_arg, open_db, print_json, tr
from kenshu_desk.domain.japanese import fiscal_year
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.coverage import fiscal_year_coverage
from kenshu_desk.services.participants.import_rows import shown_safely
from kenshu_desk.services.participants.participant_import import (
    ImportPreview,
    ParticipantImport,
    RowAction,
)
from kenshu_desk.services.participants.participants import search_participants

MAX_LISTED = 50  # rows of errors/warnings printed; the rest are counted


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    participants = commands.add_parser(
        "participants",
        help=tr(
            "参加者名簿（取り込み・一覧・参加状況）",
            "the participant list (import, list, coverage)",
        ),
    )
    sub = participants.add_subparsers(dest="participants_command", metavar="SUBCOMMAND")
    sub.required = True

    imp = sub.add_parser(
        "import",
        help=tr("参加者名簿（CSV / Excel）を取り込む", "import a participant list (CSV / Excel)"),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--event",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("取り込んだ全員をこの行事に申込", "register everyone imported for this event"),
    )
    imp.add_argument(
        "--skip-errors",
        action="store_true",
        help=tr("エラーの行を飛ばして取り込む", "skip rows with errors and import the rest"),
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("確認だけして何も登録しない", "check only; register nothing"),
    )
    imp.set_defaults(handler=run_participants_import)

    lst = sub.add_parser(
        "list", help=tr("参加者の一覧（五十音順）", "list participants (sorted by reading)")
    )
    lst.add_argument(
        "--search",
        default="",
        help=tr(
            "氏名・ふりがな・所属・メールで絞り込み",
            "filter by name, reading, organisation or email",
        ),
    )
    lst.add_argument(
        "--archived",
        action="store_true",
        help=tr("アーカイブ済みの人も含める", "include archived participants"),
    )
    lst.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    lst.set_defaults(handler=run_participants_list)

    cov = sub.add_parser(
        "coverage",
        help=tr("年度の市町村ごとの参加状況", "participation by municipality in a fiscal year"),
    )
    cov.add_argument(
        "fiscal_year",
        type=fiscal_year_arg,
        nargs="?",
        metavar="FISCAL_YEAR",
        help=tr(
            "年度（2021 / R3 / 令和3年度）。既定は今年度",
            "fiscal year, e.g. 2021 or R3 (Reiwa 3); default: the current one",
        ),
    )
    cov.add_argument(
        "--registered",
        action="store_true",
        help=tr("出席ではなく申込で数える", "count registrations instead of attendance"),
    )
    cov.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    cov.set_defaults(handler=run_coverage)
    attendance.register(commands)


def _print_preview(preview: ImportPreview) -> None:
    out = sys.stdout
    out.write(preview.summary() + "\n")
    out.write(tr(f"列の対応: {preview.mapping_text}\n", f"Column mapping: {preview.mapping_text}\n"))
    for org in preview.new_organisations:
        link = ""
        if org.municipality_name:
            link = tr(
                f"（{org.municipality_name}に関連付け）", f" (linked to {org.municipality_name})"
            )
        out.write(
            tr(f"新しい所属: {org.new_name}{link}\n", f"New organisation: {org.new_name}{link}\n")
        )
    listed = 0
    for row in preview.rows:
        if not row.errors and not row.warnings:
            continue
        listed += 1
        if listed > MAX_LISTED:
            continue
        error = row.action == RowAction.ERROR
        name = shown_safely(row.values.name)
        out.write(
            tr(
                f"  {row.line} 行目 [{'エラー' if error else '注意'}] {name or '（氏名なし）'}: ",
                f"  line {row.line} [{'error' if error else 'warning'}] {name or '(no name)'}: ",
            )
            + f"{row.message()}\n"
        )
    if listed > MAX_LISTED:
        more = listed - MAX_LISTED
        out.write(tr(f"  … ほか {more} 行\n", f"  ... and {more} more rows\n"))


def run_participants_import(args: argparse.Namespace) -> int:
    importer = ParticipantImport.from_file(args.file)  # a broken file fails before the database
    importer.require_mapping()
    db = open_db(args)
    try:
        with db.session() as session:
            preview = importer.preview(session, args.event)
        _print_preview(preview)
        if args.dry_run:
            return 0
        if preview.has_errors and not args.skip_errors:
            count = len(preview.error_rows)
            raise UserError(
                tr(
                    f"{args.file.name}: {count} 行にエラーがあるため、何も取り込んでいません"
                    "（直して再実行するか、--skip-errors でエラーの行を飛ばして取り込めます）。",
                    f"{args.file.name}: nothing was imported because "
                    + ("1 row has an error" if count == 1 else f"{count} rows have errors")
                    + " (fix them and run again, or use --skip-errors to import the other rows).",
                )
            )
        with db.session() as session:
            result = importer.commit(session, event_id=args.event, skip_errors=args.skip_errors)
        print(result.summary())
    finally:
        db.dispose()
    return 0


def run_participants_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            rows = search_participants(session, args.search, include_archived=args.archived)
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "reading": r.reading,
                    "organisation": r.organisation,
                    "department": r.department,
                    "title": r.title,
                    "email": r.email,
                    "phone": r.phone,
                    "archived": r.archived,
                    "registered": r.registered,
                    "attended": r.attended,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        mark = tr("（アーカイブ）", " (archived)") if r.archived else ""
        sys.stdout.write(f"{r.id:>6}  {r.name}{mark}  {r.reading}  {r.organisation}  {r.email}\n")
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    fy = args.fiscal_year or fiscal_year(dt.date.today())
    db = open_db(args)
    try:
        with db.session() as session:
            cov = fiscal_year_coverage(
                session, fy, basis="registered" if args.registered else "attended"
            )
    finally:
        db.dispose()
    if args.json:
        print_json(cov.to_dict())
        return 0
    out = sys.stdout
    out.write(cov.summary() + "\n")
    for e in cov.events:
        n = cov.per_event(e.id)
        out.write(
            f"  {e.date} {e.title}: "
            + tr(f"{n} 市町村", "1 municipality" if n == 1 else f"{n} municipalities")
            + "\n"
        )
    names = str(msg("participants.list_separator")).join(r.name for r in cov.uncovered)
    out.write(
        tr("参加のない市町村: ", "Municipalities without participants: ")
        + (names or tr("なし", "none"))
        + "\n"
    )
    return 0
