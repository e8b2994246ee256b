"""Sub-command for 修了証: `certificates EVENT_ID -o FILE.pdf [--threshold PCT] [--json]`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.cli.common import id_arg, open_db, tr
from kenshu_desk.domain.certificates import ONLINE_NO_MINUTES
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.certificates.certificates import DEFAULT_THRESHOLD, plan_certificates


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cert = commands.add_parser(
        "certificates",
        help=tr("修了証の PDF を作成", "write certificates of completion as a PDF"),
        description=str(msg("certificates.help")),
    )
    cert.add_argument(
        "event_id",
        type=id_arg,
        metavar="EVENT_ID",
        help=tr("行事 ID（events で確認）", "the event's id (see events)"),
    )
    cert.add_argument("-o", "--output", metavar="FILE.pdf", help=tr("出力 PDF", "the PDF to write"))
    cert.add_argument(
        "--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="PCT",
        help=tr(
            f"オンライン参加者は行事の時間のこの割合（%%）以上で修了（既定 {DEFAULT_THRESHOLD}）",
            "online participants complete at this share (%%) of the event's time or more"
            f" (default {DEFAULT_THRESHOLD})",
        ),
    )  # fmt: skip
    cert.add_argument(
        "--json",
        action="store_true",
        help=tr("対象者と番号を JSON で表示", "print who gets one, with numbers, as JSON"),
    )
    cert.set_defaults(handler=run_certificates)


def run_certificates(args: argparse.Namespace) -> int:
    if args.output is None and not args.json:
        raise UserError(msg("certificates.needs_output"))
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() != ".pdf":
        raise UserError(msg("groups.not_pdf", path=str(output)))
    db = open_db(args)
    try:
        with db.session() as session:
            # Numbers are issued (and kept) only when certificates are printed.
            plan = plan_certificates(
                session, args.event_id, args.threshold, issue=output is not None
            )
    finally:
        db.dispose()
    if output is not None:
        if not plan.recipients:
            raise UserError(msg("certificates.nobody"))
        from kenshu_desk.documents.certificates import certificates_pdf

        write_atomically(output, certificates_pdf(plan, dt.date.today()))
    if args.json:
        print(json.dumps(plan.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(msg("certificates.saved", path=str(output), count=len(plan.recipients)))
    for person in plan.recipients:
        if person.how == ONLINE_NO_MINUTES:
            print(msg("certificates.no_minutes", name=person.name))
    for left in plan.left:
        print(msg("certificates.not_issued", name=left.name, why=left.why))
    return 0
