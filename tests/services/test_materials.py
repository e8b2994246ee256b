"""Materials: order, move, remove, names Windows accepts, and the bytes kept exactly."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from kenshu_desk.domain.models import Event
from kenshu_desk.errors import UserError
from kenshu_desk.services.materials import materials as mat

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # a legacy .ppt/.doc/.xls header


@pytest.fixture
def event_id(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = Event(
            title="研修", date=dt.date(2026, 12, 10),
            start_time=dt.time(13, 30), end_time=dt.time(16, 30),
        )  # fmt: skip
        s.add(event)
        s.flush()
        return event.id


def titles(db, event_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [m.title for m in mat.list_materials(s, event_id)]


def test_order_move_and_remove(db, event_id):
    with db.session() as s:
        a = mat.add_material(s, event_id, "a.pdf", PDF, "資料1")
        b = mat.add_material(s, event_id, "b.ppt", OLE, "資料2")
        c = mat.add_material(s, event_id, "c.pdf", PDF + b" ", "資料3")
    assert titles(db, event_id) == ["資料1", "資料2", "資料3"]
    with db.session() as s:
        mat.move_material(s, c.id, -1)
    assert titles(db, event_id) == ["資料1", "資料3", "資料2"]
    with db.session() as s:
        mat.move_material(s, a.id, -1)  # already first: nothing
        mat.reorder_materials(s, event_id, [b.id, a.id, c.id])
    assert titles(db, event_id) == ["資料2", "資料1", "資料3"]
    with db.session() as s:
        mat.remove_material(s, a.id)
        assert [m.position for m in mat.list_materials(s, event_id)] == [0, 1]
        with pytest.raises(UserError, match="一覧が変わっています"):
            mat.reorder_materials(s, event_id, [b.id])
    with db.session() as s:
        info, data = mat.material_data(s, b.id)
        assert data == OLE and info.media_type == "application/vnd.ms-powerpoint"
        assert info.sha256 == hashlib.sha256(OLE).hexdigest()


def test_names_are_made_acceptable_to_windows():
    assert mat.clean_file_name("C:\\Users\\x\\議事:案?.pdf") == "議事_案_.pdf"
    decomposed = "シ\u3099ュ.pdf"  # a Mac's NFD ジ
    assert mat.clean_file_name(decomposed) == "ジュ.pdf"


def test_a_material_of_a_missing_event_is_refused(db):
    with db.session() as s, pytest.raises(UserError):
        mat.add_material(s, 12345, "a.pdf", PDF)

