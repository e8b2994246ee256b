"""Materials (資料) of an event: files in the database, with a title and an order.

Only the kinds organisers hand out are taken — PDF, PowerPoint, Word, Excel — and a file
whose bytes do not match its name (a .pdf that is not a PDF, a renamed .zip …) is refused
with a reason: a participant must never receive a file that does not open. Each file keeps
its name, media type, size and SHA-256, so the organiser (and the tests) can tell which
version went out.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Event
from kenshu_desk.domain.models_materials import EventMaterial
from kenshu_desk.errors import UserError

PDF = "application/pdf"
_OOXML = "application/vnd.openxmlformats-officedocument"
# extension → (media type, how the file starts). A PDF starts with "%PDF-" (ISO 32000-1,
# 7.5.2); .docx/.xlsx/.pptx are ZIP packages (ECMA-376 Part 2, OPC) whose first local file
# header is "PK\3\4"; .doc/.xls/.ppt are compound files whose header signature is
# D0 CF 11 E0 A1 B1 1A E1 ([MS-CFB] 2.2, learn.microsoft.com/openspecs/windows_protocols/ms-cfb).
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KINDS: dict[str, tuple[str, bytes]] = {
    ".pdf": (PDF, b"%PDF-"),
    ".pptx": (f"{_OOXML}.presentationml.presentation", _ZIP),
    ".ppt": ("application/vnd.ms-powerpoint", _OLE),
    ".docx": (f"{_OOXML}.wordprocessingml.document", _ZIP),
    ".doc": ("application/msword", _OLE),
    ".xlsx": (f"{_OOXML}.spreadsheetml.sheet", _ZIP),
    ".xls": ("application/vnd.ms-excel", _OLE),
}
# One file kept in the database at most; a message is limited by the mail settings anyway.
MAX_FILE_BYTES = 100 * 1024 * 1024
# Characters Windows does not accept in a file name (a participant saves the attachment).
_FORBIDDEN = set('<>:"/\\|?*')


@dataclass(frozen=True)
class MaterialInfo:
    id: int
    event_id: int
    position: int
    title: str
    file_name: str
    media_type: str
    size: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "position": self.position, "title": self.title,
            "file_name": self.file_name, "media_type": self.media_type,
            "size": self.size, "sha256": self.sha256,
        }  # fmt: skip


def _info(row: EventMaterial) -> MaterialInfo:
    return MaterialInfo(
        row.id, row.event_id, row.position, row.title, row.file_name, row.media_type,
        row.size, row.sha256,
    )  # fmt: skip


def check_file(file_name: str, data: bytes) -> str:
    """The media type of an acceptable file; UserError saying why otherwise."""
    name = PurePath(file_name).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in KINDS:
        raise UserError.of("materials.kind_not_accepted", name=name)
    if not data:
        raise UserError.of("materials.empty", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise UserError.of(
            "materials.too_large", name=name, size=size_text(len(data)),
            limit=size_text(MAX_FILE_BYTES),
        )  # fmt: skip
    media_type, magic = KINDS[suffix]
    if not data.startswith(magic):
        raise UserError.of("materials.not_what_it_says", name=name, kind=suffix[1:].upper())
    return media_type


def clean_file_name(file_name: str) -> str:
    """The name as Windows accepts it: NFC (a Mac's decomposed kana), no forbidden signs."""
    name = unicodedata.normalize("NFC", PurePath(file_name.replace("\\", "/")).name)
    name = "".join("_" if c in _FORBIDDEN or ord(c) < 32 else c for c in name).strip(" .")
    return name[:255] or "file"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError.of("events.not_found", event_id=event_id)
    return event


def add_material(
    session: Session, event_id: int, file_name: str, data: bytes, title: str | None = None
) -> MaterialInfo:
    """Store one file as the event's last material."""
    _event(session, event_id)
    name = clean_file_name(file_name)
    media_type = check_file(name, data)
    last = session.scalar(
        select(func.max(EventMaterial.position)).where(EventMaterial.event_id == event_id)
    )
    row = EventMaterial(
        event_id=event_id,
        position=(last + 1) if last is not None else 0,
        title=(title or "").strip() or PurePath(name).stem,
        file_name=name,
        media_type=media_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
    )
    session.add(row)
    session.flush()
    return _info(row)


def list_materials(session: Session, event_id: int) -> list[MaterialInfo]:
    """The event's materials in order, without their bytes."""
    _event(session, event_id)
    rows = session.scalars(
        select(EventMaterial)
        .where(EventMaterial.event_id == event_id)
        .order_by(EventMaterial.position, EventMaterial.id)
    )
    return [_info(r) for r in rows]


def _material(session: Session, material_id: int) -> EventMaterial:
    row = session.get(EventMaterial, material_id)
    if row is None:
        raise UserError.of("materials.not_found", material_id=material_id)
    return row


def material_data(session: Session, material_id: int) -> tuple[MaterialInfo, bytes]:
    row = _material(session, material_id)
    return _info(row), row.data


def materials_with_data(session: Session, event_id: int) -> list[tuple[MaterialInfo, bytes]]:
    return [material_data(session, m.id) for m in list_materials(session, event_id)]


def rename_material(session: Session, material_id: int, title: str) -> None:
    _material(session, material_id).title = title.strip()[:300]


def remove_material(session: Session, material_id: int) -> None:
    row = _material(session, material_id)
    event_id = row.event_id
    session.delete(row)
    session.flush()
    reorder_materials(session, event_id, [m.id for m in list_materials(session, event_id)])


def reorder_materials(session: Session, event_id: int, ids: Sequence[int]) -> None:
    """Put the event's materials in the order of `ids` (all of them, each once)."""
    rows = {
        r.id: r
        for r in session.scalars(select(EventMaterial).where(EventMaterial.event_id == event_id))
    }
    if sorted(ids) != sorted(rows):
        raise UserError.of("materials.order_mismatch")
    for position, material_id in enumerate(ids):
        rows[material_id].position = position


def move_material(session: Session, material_id: int, step: int) -> None:
    """Up (-1) or down (+1) one place; nothing at either end."""
    row = _material(session, material_id)
    ids = [m.id for m in list_materials(session, row.event_id)]
    index = ids.index(material_id)
    target = index + step
    if 0 <= target < len(ids):
        ids[index], ids[target] = ids[target], ids[index]
        reorder_materials(session, row.event_id, ids)
