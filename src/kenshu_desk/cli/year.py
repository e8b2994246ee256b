"""Sub-commands of the year view and the municipality records: year, progress, dispatches."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import fiscal_year_arg, open_db, print_json, tr
from kenshu_desk.domain.japanese import fiscal_year_label
from kenshu_desk.errors import UserError


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    fy_help = tr("年度（2021 / R3 / 令和3年度）", "fiscal year, e.g. 2021 or R3 (Reiwa 3)")
    year = commands.add_parser(
        "year",
        help=tr(
            "年間スケジュール（事業スケジュール）を PDF に出力",
            "write the annual schedule (programme schedule) as a PDF",
        ),
    )
    year.add_argument(
        "fiscal_year",
        metavar="FISCAL_YEAR",
        type=fiscal_year_arg,
        help=fy_help,
    )
    year.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        required=True,
        type=Path,
        help=tr("出力する PDF", "the PDF to write"),
    )
    year.add_argument(
        "--paper",
        choices=("A3", "A4"),
        default="A3",
        help=tr("用紙（横向き）。既定は A3", "paper size (landscape); default A3"),
    )
    year.set_defaults(handler=run_year)

    progress = commands.add_parser(
        "progress",
        help=tr(
            "県内の進捗状況（市町村数・累計）",
            "progress across the prefecture (number of municipalities, cumulative)",
        ),
    )
    progress.add_argument(
        "fiscal_year",
        metavar="FISCAL_YEAR",
        type=fiscal_year_arg,
        help=fy_help,
    )
    progress.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    progress.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help=tr(
            "XLSX（.xlsx）または PDF（.pdf）に出力", "write to an XLSX (.xlsx) or PDF (.pdf) file"
        ),
    )
    progress.set_defaults(handler=run_progress)

    dispatches = commands.add_parser(
        "dispatches",
        help=tr("市町村別のアドバイザー派遣実績", "adviser dispatches by municipality"),
    )
    dispatches.add_argument(
        "fiscal_year",
        metavar="FISCAL_YEAR",
        type=fiscal_year_arg,
        help=fy_help,
    )
    dispatches.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    dispatches.set_defaults(handler=run_dispatches)


def run_year(args: argparse.Namespace) -> int:
    from kenshu_desk.documents.year_schedule import year_schedule_pdf
    from kenshu_desk.services.year.progress import check_fiscal_year
    from kenshu_desk.services.year.year_view import year_plan

    check_fiscal_year(args.fiscal_year)
    if args.output.suffix.lower() != ".pdf":
        raise UserError(
            tr(
                f"出力ファイルは .pdf にしてください: {args.output}",
                f"The output file must be a .pdf: {args.output}",
            )
        )
    db = open_db(args)
    try:
        with db.session() as session:
            plan = year_plan(session, args.fiscal_year)
    finally:
        db.dispose()
    write_atomically(args.output, year_schedule_pdf(plan, paper=args.paper))
    print(
        tr(
            f"{args.output} に{plan.label}の事業スケジュール（行事 {plan.event_count} 件）を出力しました。",
            f"Wrote the FY{args.fiscal_year} programme schedule ({plan.event_count} events)"
            f" to {args.output}.",
        )
    )
    return 0


def run_progress(args: argparse.Namespace) -> int:
    from kenshu_desk.services.year.municipality_records import overview
    from kenshu_desk.services.year.progress import progress_table

    suffix = args.output.suffix.lower() if args.output else ""
    if args.output and suffix not in (".xlsx", ".pdf"):
        raise UserError(
            tr(
                f"出力ファイルは .xlsx か .pdf にしてください: {args.output}",
                f"The output file must be an .xlsx or a .pdf: {args.output}",
            )
        )
    db = open_db(args)
    try:
        with db.session() as session:
            table = progress_table(session, args.fiscal_year)
            rows = overview(session, args.fiscal_year) if suffix == ".xlsx" else []
    finally:
        db.dispose()
    if args.output:
        from kenshu_desk.documents.progress_report import progress_pdf, progress_xlsx

        data = progress_xlsx(table, rows) if suffix == ".xlsx" else progress_pdf(table)
        write_atomically(args.output, data)
        # On stdout like every command's report, unless stdout carries the JSON.
        print(
            tr(
                f"{args.output} に{table.label}の進捗状況を出力しました。",
                f"Wrote the FY{args.fiscal_year} progress to {args.output}.",
            ),
            file=sys.stderr if args.json else sys.stdout,
        )
    if args.json:
        print_json(table.to_dict())
    elif not args.output:
        _print_table(table)
    return 0


def _print_table(table) -> None:  # type: ignore[no-untyped-def]
    out = sys.stdout
    out.write(
        tr(
            f"{table.label} 実施・構築状況（市町村数・累計）"
            f"　記録 {table.recorded_count}/{table.municipality_count} 市町村\n",
            f"FY{table.fiscal_year} implementation and set-up (municipalities, cumulative)"
            f"  recorded: {table.recorded_count}/{table.municipality_count} municipalities\n",
        )
    )
    headings = [tr(c.label, _column_en(c.key, table.fiscal_year)) for c in table.columns]
    out.write("\t".join([tr("項目", "Item"), *headings]) + "\n")
    for row in table.rows:
        cells = ["" if v is None else str(v) for v in row.values]
        label = tr(row.label, PROGRESS_ROWS_EN.get(row.key, row.label))
        out.write("\t".join([label, *cells]) + "\n")


# The progress table in English (the window words it through its translations; the JSON and
# the documents keep the official Japanese names).
PROGRESS_ROWS_EN = {
    "multilayer": "Multi-layered support system project run",
    "transition": "Transition preparation for the multi-layered project run",
    "support_system": "Comprehensive consultation system set up",
    "window_and_team": "Both (1) a one-stop contact point and (2) a team for complex cases",
    "window_only": "(1) One-stop contact point only",
    "team_only": "(2) Team for complex cases only",
    "adviser_requests": "Municipalities wanting an adviser visit (each year)",
}


def _column_en(key: str, fy: int) -> str:
    return {
        "in_place": f"FY{fy} in place",
        "planned_this_year": f"Planned within FY{fy}",
        "planned_next_year": f"Planned by FY{fy + 1}",
        "planned_later": f"Planned FY{fy + 2} or later",
    }.get(key, key)


def run_dispatches(args: argparse.Namespace) -> int:
    from kenshu_desk.services.year.dispatches import (
        dispatch_record_text,
        dispatches_by_municipality,
    )
    from kenshu_desk.services.year.municipality_records import municipalities
    from kenshu_desk.services.year.progress import check_fiscal_year

    check_fiscal_year(args.fiscal_year)
    db = open_db(args)
    try:
        with db.session() as session:
            by_municipality = dispatches_by_municipality(session, args.fiscal_year)
            result = []
            for org in municipalities(session):
                entries = by_municipality.get(org.id, [])
                if not entries:
                    continue
                result.append(
                    {
                        "lgcode": org.lgcode,
                        "municipality": org.name,
                        "record": dispatch_record_text(entries),
                        "dispatches": [
                            {
                                "event_id": e.event_id,
                                "date": e.date.isoformat(),
                                "kind": e.kind,
                                "host": e.host_name,
                                "advisers": list(e.advisers),
                                "cancelled": e.cancelled,
                            }
                            for e in entries
                        ],
                    }
                )
    finally:
        db.dispose()
    if args.json:
        print_json(
            {
                "fiscal_year": args.fiscal_year,
                "fiscal_year_label": fiscal_year_label(args.fiscal_year),
                "municipalities": result,
            }
        )
        return 0
    for item in result:
        sys.stdout.write(f"{item['lgcode']}  {item['municipality']}\t{item['record']}\n")
    return 0
