"""Import files that are not what they claim: each gives one clear line, quickly, and nothing
is read into memory that no participant list needs."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from kenshu_desk.services.participants.attendance_reports import parse_report_file
from kenshu_desk.services.participants.participant_import import ParticipantImport
from kenshu_desk.services.shared import tabular
from kenshu_desk.services.shared.textfile import FileFormatError


def _bomb(path: Path, size: int) -> Path:
    """A small .xlsx whose shared strings unpack to `size` bytes (a zip bomb)."""
    wb = Workbook()
    wb.active.append(["氏名", "所属"])
    wb.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        chunk = b"<si><t>" + b"A" * (1 << 20) + b"</t></si>"
        with z.open("xl/huge.xml", "w", force_zip64=True) as part:
            for _ in range(size // len(chunk) + 1):
                part.write(chunk)
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path):
    bomb = _bomb(tmp_path / "名簿.xlsx", tabular.MAX_PART_BYTES + (1 << 20))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    for read in (ParticipantImport.from_file, parse_report_file):
        with pytest.raises(FileFormatError, match="展開すると大きすぎます"):
            read(bomb)
    assert time.perf_counter() - started < 5


def test_rows_beyond_the_limit_are_refused_while_reading(tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    wb = Workbook()
    wb.active.append(["氏名", "所属"])
    for n in range(60):
        wb.active.append([f"参加者{n}", "川越市"])
    path = tmp_path / "長い.xlsx"
    wb.save(path)
    with pytest.raises(FileFormatError, match="50 行を超えています"):
        ParticipantImport.from_file(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "名簿.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="通常のファイルではありません"):
        ParticipantImport.from_file(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_not_called_an_empty_file():
    with pytest.raises(FileFormatError) as info:
        parse_report_file(Path("/dev/zero"))
    assert "空のファイル" not in str(info.value) and "通常のファイルではありません" in str(
        info.value
    )


def test_invisible_names_line_breaks_and_two_name_columns(db, tmp_path: Path):  # type: ignore[no-untyped-def]
    from kenshu_desk.errors import UserError
    from kenshu_desk.services.participants.participant_import import RowAction

    csv = tmp_path / "名簿.csv"
    csv.write_text(
        "氏名,所属,職名,メールアドレス\n"
        "\u200b\u200b,川越市,主事,a@example.jp\n"
        "\u202e恵 川小,川越市,主事,b@example.jp\n"
        '小川　恵,"川越市\n福祉部","主任\r\n（兼務）",c@example.jp\n',
        encoding="utf-8",
    )
    with db.session() as s:
        invisible, reversed_, ogawa = ParticipantImport.from_file(csv).preview(s).rows
    assert invisible.action == RowAction.ERROR and "見える文字がありません" in invisible.message()
    assert reversed_.action == RowAction.ERROR and "制御文字" in reversed_.message()
    assert ogawa.action == RowAction.NEW
    assert (ogawa.values.organisation, ogawa.values.title) == ("川越市 福祉部", "主任 （兼務）")
    assert "改行を空白にしました" in ogawa.message()

    two = tmp_path / "二人.csv"
    two.write_text(
        "氏名,メールアドレス,同行者 氏名,同行者 メールアドレス\n"
        "小川　恵,c@example.jp,角田　聡,s@example.jp\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="氏名の列が 2 つあります"), db.session() as s:
        ParticipantImport.from_file(two).preview(s)
