"""Sample files for the import tests: committed CSV/TSV files and XLSX built with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from kenshu_desk.database import Database
from kenshu_desk.domain.models import AttendanceState, Event

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def participants_xlsx(tmp_path: Path) -> Path:
    """An Excel list as a municipality sends it: title rows, header on row 3, numbers as numbers."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "参加者名簿"
    ws["A1"] = "令和3年度 市町村地域福祉管理職研修会 参加者名簿"
    ws["A2"] = "（提出期限：7月9日）"
    ws.append(
        [
            "No.",
            "所属（市町村名）",
            "部署名",
            "役職",
            "お名前",
            "ふりがな",
            "メールアドレス",
            "電話",
        ]
    )
    ws.append(
        [
            1,
            "越谷市",
            "福祉部 福祉推進課",
            "課長",
            "林　真由美",
            "はやし　まゆみ",
            "m.hayashi@example.jp",
            489000000,
        ]
    )
    ws.append(
        [
            2,
            "上尾市地域包括支援センター",
            "",
            "主任介護支援専門員",
            "石原　大樹",
            "いしはら　だいき",
            "d.ishihara@example.jp",
            None,
        ]
    )
    ws.append(
        [3, "埼玉県川口市", "福祉総務課", "主査", "小松　咲", "こまつ　さき", None, "048-000-0000"]
    )
    ws.append([None, None, None, None, None, None, None, None])
    ws.append([5, "蕨市", "", "", "原　千尋", "はら　ちひろ", "c.hara@example.jp", None])
    path = tmp_path / "参加者名簿.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def kokan2(demo_db: Database) -> int:
    """The demo's online exchange meeting of 2021-11-25 14:30–16:30, everyone back to 申込."""
    with demo_db.session() as s:
        event = s.scalars(select(Event).where(Event.date == dt.date(2021, 11, 25))).one()
        for r in event.registrations:
            r.state = AttendanceState.REGISTERED.value
            r.minutes_online = None
        return event.id
