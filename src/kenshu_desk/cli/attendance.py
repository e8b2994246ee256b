"""Sub-commands for attendance: the Zoom / Teams reports in, the attendance list out.

    kenshu-desk attendance import FILE --event ID [--threshold PCT] [--missing …] [--dry-run]
    kenshu-desk attendance export EVENT_ID -o FILE.xlsx|FILE.csv

Registered by kenshu_desk.cli.participants (the participants' commands, then these).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from kenshu_desk.cli.common import exported, id_arg, open_db, print_json, tr
from kenshu_desk.documents.attendance_export import write_attendance
from kenshu_desk.domain.models import ATTENDANCE_LABELS, AttendanceState
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_matching import (
    DEFAULT_THRESHOLD_PCT,
    NOTHING_MATCHED_MESSAGE,
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
from kenshu_desk.services.participants.registrations import event_with_registrations


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    attendance = commands.add_parser(
        "attendance",
        help=tr(
            "出欠（Zoom / Teams のレポート取り込み、書き出し）",
            "attendance (import Zoom / Teams reports, export)",
        ),
    )
    asub = attendance.add_subparsers(dest="attendance_command", metavar="SUBCOMMAND")
    asub.required = True

    aimp = asub.add_parser(
        "import",
        help=tr("Zoom / Teams の出席レポートを取り込む", "import a Zoom / Teams attendance report"),
    )
    aimp.add_argument("file", type=Path, metavar="FILE")
    aimp.add_argument("--event", type=int, required=True, metavar="EVENT_ID")
    aimp.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD_PCT,
        metavar="PCT",
        help=tr(
            "行事の時間の何％以上で出席とするか（既定 50）",
            "the percentage of the event's time that counts as attended (default 50)",
        ),
    )
    aimp.add_argument(
        "--missing",
        choices=("auto", "absent", "keep"),
        default="auto",
        help=tr(
            "レポートにいない申込者: absent=欠席にする、keep=そのまま、"
            "auto=会場のないオンライン行事なら欠席（既定）",
            "registrants not in the report: absent=mark absent, keep=leave unchanged, "
            "auto=absent if the event is online only (default)",
        ),
    )
    aimp.add_argument(
        "--assign",
        action="append",
        default=[],
        metavar="ROW_NAME=PARTICIPANT_ID",
        help=tr(
            "レポートの行（表示名、または行番号: 6=ID, line:6=ID）を参加者に割り当てる"
            "（くり返し指定できる）",
            "assign a report row (display name, or line number: 6=ID, line:6=ID) to a"
            " participant (repeatable)",
        ),
    )
    aimp.add_argument(
        "--allow-lower",
        action="store_true",
        help=tr(
            "記録済みの出席（オンライン）を、このレポートで基準に届かない人は欠席にしてよい",
            "allow recorded online attendance to become absent for people below the threshold"
            " in this report",
        ),
    )
    aimp.add_argument(
        "--json",
        action="store_true",
        help=tr("照合の結果と変更を JSON で出力", "print the matches and changes as JSON"),
    )
    aimp.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("確認だけして何も変更しない", "check only; change nothing"),
    )
    aimp.set_defaults(handler=run_attendance_import)

    exp = asub.add_parser(
        "export",
        help=tr(
            "出欠の一覧を書き出す（.xlsx / .csv）", "export the attendance list (.xlsx / .csv)"
        ),
    )
    exp.add_argument("event_id", type=id_arg, metavar="EVENT_ID")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.set_defaults(handler=run_attendance_export)


STATE_EN = {
    AttendanceState.REGISTERED: "registered",
    AttendanceState.ATTENDED_VENUE: "attended (venue)",
    AttendanceState.ATTENDED_ONLINE: "attended (online)",
    AttendanceState.ABSENT: "absent",
    AttendanceState.CANCELLED: "cancelled",
}


def _state_label(state: str | None) -> str:
    if state is None:
        return tr("（申込なし）", "(no registration)")
    try:
        known = AttendanceState(state)
    except ValueError:
        return state
    return tr(ATTENDANCE_LABELS[known], STATE_EN[known])


def _joined(items: Iterable[object]) -> str:
    return str(msg("participants.list_separator")).join(str(i) for i in items)


def _lines(numbers: Sequence[int]) -> str:
    """Where a row is in the report: "3 行目" / "line 3", "3、5 行目" / "lines 3, 5"."""
    word = "line" if len(numbers) == 1 else "lines"
    return tr(f"{_joined(numbers)} 行目", f"{word} {_joined(numbers)}")


def _minutes(minutes: int) -> str:
    return tr(f"{minutes} 分", f"{minutes} min")


def _print_plan(plan: AttendancePlan, report: AttendanceReport) -> None:
    out = sys.stdout
    out.write(f"{plan.event_title}: {plan.summary()}\n")
    for w in plan.warnings:
        out.write(tr(f"注意: {w}\n", f"Warning: {w}\n"))
    for c in plan.changes:
        org = tr(f"（{c.organisation}）", f" ({c.organisation})") if c.organisation else ""
        old = _state_label(c.old_state)
        if c.kept:
            out.write(
                tr(
                    f"  そのまま: {c.name}{org} {old}（このレポートでは {c.minutes} 分。"
                    "--allow-lower で欠席にできます）\n",
                    f"  Kept: {c.name}{org} {old} ({c.minutes} min in this report;"
                    " use --allow-lower to mark them absent)\n",
                )
            )
        elif c.changed:
            new = _state_label(c.new_state)
            out.write(
                tr(
                    f"  変更: {c.name}{org} {old} → {new}（{c.minutes} 分）\n",
                    f"  Changed: {c.name}{org} {old} -> {new} ({c.minutes} min)\n",
                )
            )
    for lines, name, email, reason in _set_aside(plan, report):
        mail = f" <{email}>" if email else ""
        name = name or tr("（名前なし）", "(no name)")
        out.write(
            tr(
                f"  除外: {name}{mail}（{_lines(lines)}）{SET_ASIDE_REASONS[reason]}\n",
                f"  Set aside: {name}{mail} ({_lines(lines)}) {SET_ASIDE_REASONS[reason]}\n",
            )
        )
    for o in plan.unmatched:
        if _phone_row(o):
            continue
        email = f" <{o.person.email}>" if o.person.email else ""
        hint = ""
        if o.candidates:
            if o.device:
                label = tr("この端末の持ち主の候補", "possible owners of this device")
            else:
                label = tr("候補", "candidates")
            hint = f" {label}: " + _joined(
                f"{c.label()}[ID {c.participant_id}]" for c in o.candidates
            )
        where = f"{_lines(o.person.lines)}, {_minutes(o.minutes)}"
        out.write(
            tr(
                f"  未照合: {o.person.name}{email}（{_lines(o.person.lines)}、{o.minutes} 分）{hint}\n",
                f"  Unmatched: {o.person.name}{email} ({where}){hint}\n",
            )
        )


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


def _set_aside(
    plan: AttendancePlan, report: AttendanceReport
) -> list[tuple[list[int], str, str, str]]:
    """(lines, name, e-mail, reason) of the rows neither matched nor to be decided."""
    rows = [([r.line], r.name, r.email, r.reason) for r in report.set_aside]
    for o in plan.outcomes:
        lines = list(o.person.lines)
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
                sys.stderr.write(f"{NOTHING_MATCHED_MESSAGE}\n")
            return 0 if ok else 1
        _print_plan(plan, report)
        if plan.nothing_matched:
            raise UserError(NOTHING_MATCHED_MESSAGE)
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
        raise UserError(
            tr(
                f"{args.output.name}: 書き出しの形式は .xlsx か .csv で指定してください。",
                f"{args.output.name}: the export format must be .xlsx or .csv.",
            )
        )
    db = open_db(args)
    try:
        with db.session() as session:
            event = event_with_registrations(session, args.event_id)
            count = write_attendance(event, args.output)
    finally:
        db.dispose()
    print(exported(count, args.output))
    return 0
