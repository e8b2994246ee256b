"""Sub-commands for participants and attendance.

    kenshu-desk participants import FILE [--event ID] [--skip-errors] [--dry-run]
    kenshu-desk participants list [--search TEXT] [--archived] [--json]
    kenshu-desk participants coverage [FISCAL_YEAR] [--registered] [--json]
    kenshu-desk attendance import FILE --event ID [--threshold PCT] [--missing …] [--dry-run]
    kenshu-desk attendance export EVENT_ID -o FILE.xlsx|FILE.csv

Non-interactive: the preview is printed, and the import happens only when no row has an
error (or with --skip-errors); --dry-run stops after the preview. A file that cannot be read
exits 1 with one line on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kenshu_desk.cli.common import fiscal_year_arg, id_arg, open_db, print_json
from kenshu_desk.documents.attendance_export import write_attendance
from kenshu_desk.domain.japanese import fiscal_year
from kenshu_desk.domain.models import ATTENDANCE_LABELS, AttendanceState
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.attendance_matching import (
    DEFAULT_THRESHOLD_PCT,
    NOTHING_MATCHED,
    AttendancePlan,
    Outcome,
    apply_attendance,
    plan_attendance,
)
from kenshu_desk.services.participants.attendance_reports import (
    SET_ASIDE_REASONS,
    AttendanceReport,
    parse_report_file,
)
from kenshu_desk.services.participants.attendance_values import is_phone_dial_in
from kenshu_desk.services.participants.coverage import fiscal_year_coverage
from kenshu_desk.services.participants.import_rows import shown_safely
from kenshu_desk.services.participants.participant_import import (
    ImportPreview,
    ParticipantImport,
    RowAction,
)
from kenshu_desk.services.participants.participants import search_participants
from kenshu_desk.services.participants.registrations import event_with_registrations

MAX_LISTED = 50  # rows of errors/warnings printed; the rest are counted


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    participants = commands.add_parser(
        "participants", help="参加者名簿（取り込み・一覧・参加状況）"
    )
    sub = participants.add_subparsers(dest="participants_command", metavar="SUBCOMMAND")
    sub.required = True

    imp = sub.add_parser("import", help="参加者名簿（CSV / Excel）を取り込む")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--event", type=id_arg, metavar="EVENT_ID", help="取り込んだ全員をこの行事に申込"
    )
    imp.add_argument("--skip-errors", action="store_true", help="エラーの行を飛ばして取り込む")
    imp.add_argument("--dry-run", action="store_true", help="確認だけして何も登録しない")
    imp.set_defaults(handler=run_participants_import)

    lst = sub.add_parser("list", help="参加者の一覧（五十音順）")
    lst.add_argument("--search", default="", help="氏名・ふりがな・所属・メールで絞り込み")
    lst.add_argument("--archived", action="store_true", help="アーカイブ済みの人も含める")
    lst.add_argument("--json", action="store_true", help="JSON で出力")
    lst.set_defaults(handler=run_participants_list)

    cov = sub.add_parser("coverage", help="年度の市町村ごとの参加状況")
    cov.add_argument(
        "fiscal_year",
        type=fiscal_year_arg,
        nargs="?",
        metavar="FISCAL_YEAR",
        help="年度（2021 / R3 / 令和3年度）。既定は今年度",
    )
    cov.add_argument("--registered", action="store_true", help="出席ではなく申込で数える")
    cov.add_argument("--json", action="store_true", help="JSON で出力")
    cov.set_defaults(handler=run_coverage)

    attendance = commands.add_parser(
        "attendance", help="出欠（Zoom / Teams のレポート取り込み、書き出し）"
    )
    asub = attendance.add_subparsers(dest="attendance_command", metavar="SUBCOMMAND")
    asub.required = True

    aimp = asub.add_parser("import", help="Zoom / Teams の出席レポートを取り込む")
    aimp.add_argument("file", type=Path, metavar="FILE")
    aimp.add_argument("--event", type=int, required=True, metavar="EVENT_ID")
    aimp.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD_PCT,
        metavar="PCT",
        help="行事の時間の何％以上で出席とするか（既定 50）",
    )
    aimp.add_argument(
        "--missing",
        choices=("auto", "absent", "keep"),
        default="auto",
        help="レポートにいない申込者: absent=欠席にする、keep=そのまま、"
        "auto=会場のないオンライン行事なら欠席（既定）",
    )
    aimp.add_argument(
        "--assign",
        action="append",
        default=[],
        metavar="ROW_NAME=PARTICIPANT_ID",
        help="レポートの行（表示名、または行番号: 6=ID, line:6=ID）を参加者に割り当てる"
        "（くり返し指定できる）",
    )
    aimp.add_argument(
        "--allow-lower",
        action="store_true",
        help="記録済みの出席（オンライン）を、このレポートで基準に届かない人は欠席にしてよい",
    )
    aimp.add_argument("--json", action="store_true", help="照合の結果と変更を JSON で出力")
    aimp.add_argument("--dry-run", action="store_true", help="確認だけして何も変更しない")
    aimp.set_defaults(handler=run_attendance_import)

    exp = asub.add_parser("export", help="出欠の一覧を書き出す（.xlsx / .csv）")
    exp.add_argument("event_id", type=id_arg, metavar="EVENT_ID")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.set_defaults(handler=run_attendance_export)


def _print_preview(preview: ImportPreview) -> None:
    out = sys.stdout
    out.write(preview.summary() + "\n")
    out.write(f"列の対応: {preview.mapping_text}\n")
    for org in preview.new_organisations:
        link = f"（{org.municipality_name}に関連付け）" if org.municipality_name else ""
        out.write(f"新しい所属: {org.new_name}{link}\n")
    listed = 0
    for row in preview.rows:
        if not row.errors and not row.warnings:
            continue
        listed += 1
        if listed > MAX_LISTED:
            continue
        kind = "エラー" if row.action == RowAction.ERROR else "注意"
        out.write(
            f"  {row.line} 行目 [{kind}] {shown_safely(row.values.name) or '（氏名なし）'}: "
            f"{row.message()}\n"
        )
    if listed > MAX_LISTED:
        out.write(f"  … ほか {listed - MAX_LISTED} 行\n")


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
            raise UserError(
                f"{args.file.name}: {len(preview.error_rows)} 行にエラーがあるため、何も取り込んでいません"
                "（直して再実行するか、--skip-errors でエラーの行を飛ばして取り込めます）。"
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
        mark = "（アーカイブ）" if r.archived else ""
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
        out.write(f"  {e.date} {e.title}: {cov.per_event(e.id)} 市町村\n")
    out.write("参加のない市町村: " + ("、".join(r.name for r in cov.uncovered) or "なし") + "\n")
    return 0


def _state_label(state: str | None) -> str:
    if state is None:
        return "（申込なし）"
    try:
        return ATTENDANCE_LABELS[AttendanceState(state)]
    except ValueError:
        return state


def _print_plan(plan: AttendancePlan, report: AttendanceReport) -> None:
    out = sys.stdout
    out.write(f"{plan.event_title}: {plan.summary()}\n")
    for w in plan.warnings:
        out.write(f"注意: {w}\n")
    for c in plan.changes:
        org = f"（{c.organisation}）" if c.organisation else ""
        if c.kept:
            out.write(
                f"  そのまま: {c.name}{org} {_state_label(c.old_state)}（このレポートでは {c.minutes} 分。"
                "--allow-lower で欠席にできます）\n"
            )
        elif c.changed:
            out.write(
                f"  変更: {c.name}{org} {_state_label(c.old_state)} → {_state_label(c.new_state)}"
                f"（{c.minutes} 分）\n"
            )
    for line, name, email, reason in _set_aside(plan, report):
        mail = f" <{email}>" if email else ""
        out.write(
            f"  除外: {name or '（名前なし）'}{mail}（{line} 行目）{SET_ASIDE_REASONS[reason]}\n"
        )
    for o in plan.unmatched:
        if _phone_row(o):
            continue
        lines = "、".join(str(n) for n in o.person.lines)
        email = f" <{o.person.email}>" if o.person.email else ""
        hint = ""
        if o.candidates:
            label = "この端末の持ち主の候補" if o.device else "候補"
            hint = f" {label}: " + "、".join(
                f"{c.label()}[ID {c.participant_id}]" for c in o.candidates
            )
        out.write(f"  未照合: {o.person.name}{email}（{lines} 行目、{o.minutes} 分）{hint}\n")


def _assignments(report: AttendanceReport, written: list[str]) -> dict[int, int]:
    """--assign "ROW_NAME=PARTICIPANT_ID", or "LINE=PARTICIPANT_ID" / "line:LINE=…": the
    report's row by its display name, or by its line number (two people's 「iPad」)."""
    out: dict[int, int] = {}
    for item in written:
        row_name, sep, pid = item.rpartition("=")
        if not sep or not row_name.strip() or not pid.strip().isdigit():
            raise UserError.of("attendance.assign_format", item=item)
        wanted = row_name.strip()
        by_line = wanted.removeprefix("line:").strip()
        rows: list[int] = []
        if by_line.isdigit() and len(by_line) < 8:  # not a telephone number's display name
            rows = [i for i, p in enumerate(report.people) if int(by_line) in p.lines]
        if not rows and not wanted.startswith("line:"):
            rows = [i for i, p in enumerate(report.people) if wanted in (p.name, *p.names)]
        if not rows:
            raise UserError.of("attendance.assign_no_row", wanted=wanted, item=item)
        if len(rows) > 1:
            raise UserError.of(
                "attendance.assign_several_rows", wanted=wanted, count=len(rows), item=item
            )
        out[rows[0]] = int(pid)
    return out


def _phone_row(o: Outcome) -> bool:
    """A telephone number without a name, not proposed as anyone's second device."""
    return not o.matched and not o.device and not o.person.email and is_phone_dial_in(o.person.name)


def _set_aside(plan: AttendancePlan, report: AttendanceReport) -> list[tuple[str, str, str, str]]:
    """(lines, name, e-mail, reason) of the rows neither matched nor to be decided."""
    rows = [(str(r.line), r.name, r.email, r.reason) for r in report.set_aside]
    for o in plan.outcomes:
        lines = "、".join(str(n) for n in o.person.lines)
        if o.is_organiser and not o.matched:
            rows.append((lines, o.person.name, o.person.email, "organiser"))
        elif _phone_row(o):
            rows.append((lines, o.person.name, "", "phone_dial_in"))
    return rows


def _plan_json(plan: AttendancePlan, report: AttendanceReport, applied: bool) -> dict[str, object]:
    def row(o: Outcome) -> dict[str, object]:
        if o.is_organiser and not o.matched:
            decision, reason = "set_aside", "organiser"
        elif _phone_row(o):
            decision, reason = "set_aside", "phone_dial_in"
        elif o.how == "new":
            decision, reason = "new", "added to the directory"
        elif o.matched:
            decision, reason = "matched", o.how
        else:
            decision = "needs_decision"
            reason = "several candidates" if len(o.candidates) > 1 else "no match"
            if len(o.candidates) == 1:
                reason = "candidate contradicted by the name or organisation"
            if o.device:
                reason = "a device with a default name: whose second device?"
        return {
            "index": o.index,
            "name": o.person.name,
            "email": o.person.email,
            "lines": o.person.lines,
            "minutes": o.minutes,
            "decision": decision,
            "reason": reason,
            "participant_id": o.participant_id,
            "candidates": [
                {"participant_id": c.participant_id, "name": c.name, "organisation": c.organisation}
                for c in o.candidates
            ],
        }

    return {
        "event_id": plan.event_id,
        "event_title": plan.event_title,
        "threshold_pct": plan.threshold_pct,
        "threshold_minutes": round(plan.threshold_minutes),
        "rows": [row(o) for o in plan.outcomes]
        + [
            {
                "index": None,
                "name": r.name,
                "email": r.email,
                "lines": [r.line],
                "minutes": 0,
                "decision": "set_aside",
                "reason": r.reason,
                "participant_id": None,
                "candidates": [],
            }
            for r in report.set_aside
        ],
        "changes": [
            {
                "participant_id": c.participant_id,
                "name": c.name,
                "organisation": c.organisation,
                "old_state": c.old_state,
                "new_state": c.new_state,
                "minutes": c.minutes,
                "kept": c.kept,
            }
            for c in plan.changes
        ],
        "warnings": plan.warnings,
        "applied": applied,
    }


def run_attendance_import(args: argparse.Namespace) -> int:
    report = parse_report_file(args.file)
    missing = {"auto": None, "absent": True, "keep": False}[args.missing]
    options = {
        "threshold_pct": args.threshold,
        "mark_missing_absent": missing,
        "assignments": _assignments(report, args.assign),
        "allow_lower": args.allow_lower,
    }
    db = open_db(args)
    try:
        with db.session() as session:
            plan = plan_attendance(session, args.event, report, **options)
        if args.json:
            ok = not plan.nothing_matched
            if ok and not args.dry_run:
                with db.session() as session:
                    apply_attendance(session, args.event, report, **options)
            print_json(_plan_json(plan, report, applied=ok and not args.dry_run))
            if not ok:
                sys.stderr.write(NOTHING_MATCHED + "\n")
            return 0 if ok else 1
        _print_plan(plan, report)
        if plan.nothing_matched:
            raise UserError(NOTHING_MATCHED)
        if args.dry_run:
            return 0
        with db.session() as session:
            result = apply_attendance(session, args.event, report, **options)
        print(result.summary())
    finally:
        db.dispose()
    return 0


def run_attendance_export(args: argparse.Namespace) -> int:
    if args.output.suffix.casefold() not in (".xlsx", ".csv"):
        raise UserError(f"{args.output.name}: 書き出しの形式は .xlsx か .csv で指定してください。")
    db = open_db(args)
    try:
        with db.session() as session:
            event = event_with_registrations(session, args.event_id)
            count = write_attendance(event, args.output)
    finally:
        db.dispose()
    print(f"{count} 件を {args.output} に書き出しました。")
    return 0
