"""Sub-commands for an event's materials (資料): materials add, list.

The files are stored in the database (so a shared database shares them); `list --json`
gives id, position, title, file_name, media_type, size and sha256 of each, in order.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kenshu_desk.cli.common import id_arg, open_db, print_json, tr
from kenshu_desk.errors import UserError
from kenshu_desk.services.materials.materials import add_material, list_materials, size_text


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    mat = commands.add_parser(
        "materials",
        help=tr(
            "行事の資料（PDF・PowerPoint・Word・Excel）",
            "an event's materials (PDF, PowerPoint, Word, Excel)",
        ),
    )
    sub = mat.add_subparsers(dest="materials_command", metavar="COMMAND", required=True)

    add = sub.add_parser(
        "add",
        help=tr(
            "資料のファイルを行事に登録する（最後に追加）",
            "add a file to the event's materials (at the end)",
        ),
    )
    add.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    add.add_argument("file", metavar="FILE", type=Path)
    add.add_argument(
        "--title",
        metavar="T",
        help=tr("資料の題名（既定: ファイル名）", "the title (default: the file name)"),
    )
    add.set_defaults(handler=run_add)

    lst = sub.add_parser(
        "list", help=tr("行事の資料の一覧（順番どおり）", "list the event's materials in order")
    )
    lst.add_argument("event_id", metavar="EVENT_ID", type=id_arg)
    lst.add_argument("--json", action="store_true", help=tr("JSON で出力", "print JSON"))
    lst.set_defaults(handler=run_list)


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError.of(
            "materials.file_unreadable", path=path, reason=exc.strerror or exc
        ) from None


def run_add(args: argparse.Namespace) -> int:
    data = read_file(args.file)
    db = open_db(args)
    try:
        with db.session() as session:
            info = add_material(session, args.event_id, args.file.name, data, args.title)
    finally:
        db.dispose()
    print(
        tr(
            f"資料 {info.id} 「{info.title}」（{info.file_name}、{size_text(info.size)}）を登録しました。",
            f'Added material {info.id} "{info.title}" ({info.file_name}, {size_text(info.size)}).',
        )
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            found = list_materials(session, args.event_id)
    finally:
        db.dispose()
    if args.json:
        print_json([m.to_dict() for m in found])
        return 0
    for m in found:
        print(f"{m.position + 1}\t{m.id}\t{m.title}\t{m.file_name}\t{size_text(m.size)}")
    return 0
