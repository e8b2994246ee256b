"""Sub-command for the 実施報告書: `report EVENT_ID -o FILE.pdf|FILE.xlsx [--json]`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, tr
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.reports.event_report import event_report

FORMATS = (".pdf", ".xlsx")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser(
        "report",
        help=tr("実施報告書（PDF または Excel）を作成", "write the event report (PDF or Excel)"),
        description=str(msg("report.help")),
    )
    report.add_argument(
        "event_id",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("行事 ID（events で確認）", "the event's id (see events)"),
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf|FILE.xlsx",
        help=tr(
            "出力ファイル（拡張子で形式を選ぶ）",
            "the file to write (its extension chooses the format)",
        ),
    )
    report.add_argument(
        "--json",
        action="store_true",
        help=tr("数えた結果を JSON で表示", "print the counts as JSON"),
    )
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    if args.output is None and not args.json:
        raise UserError(msg("report.needs_output"))
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in FORMATS:
        raise UserError(msg("report.unknown_format", path=str(output)))
    db = open_db(args)
    try:
        with db.session() as session:
            report = event_report(session, args.event_id)
    finally:
        db.dispose()
    if output is not None:
        if output.suffix.lower() == ".pdf":
            from kenshu_desk.documents.event_report import event_report_pdf

            data = event_report_pdf(report)
        else:
            from kenshu_desk.documents.event_report_xlsx import event_report_xlsx

            data = event_report_xlsx(report)
        write_atomically(output, data)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif output is not None:
        print(msg("report.saved", path=str(output)))
    return 0
