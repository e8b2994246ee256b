"""Decoding exactly as DESIGN.md says, and refusing what is not a text table."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from kenshu_desk.services.shared.tabular import read_table
from kenshu_desk.services.shared.textfile import (
    FileFormatError,
    decode_bytes,
    parse_delimited,
    sniff_delimiter,
)

JAPANESE = "氏名,所属\r\n髙橋　美咲,㈱さいたま①～\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + JAPANESE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + JAPANESE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + JAPANESE.encode("utf-16-be"), "utf-16-be"),
        (JAPANESE.encode("utf-8"), "utf-8"),
        (JAPANESE.encode("cp932"), "cp932"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(data, encoding):
    decoded = decode_bytes(data, "名簿.csv")
    assert decoded.encoding == encoding
    assert decoded.text == JAPANESE  # no BOM left, ㈱ ① ～ 髙 intact


def test_cp932_characters_that_shift_jis_lacks():
    text = "①㈱髙～"
    assert decode_bytes(text.encode("cp932"), "x.csv").text == text
    with pytest.raises(UnicodeEncodeError):
        text.encode("shift_jis")


def test_neither_utf8_nor_cp932_names_the_file():
    mixed = "髙橋".encode() + "佐藤".encode("cp932") + b"\x81\x7f"
    with pytest.raises(FileFormatError) as err:
        decode_bytes(mixed, "混在.csv")
    assert "混在.csv" in str(err.value) and "文字コード" in str(err.value)


def test_nul_bytes_are_refused_as_binary():
    with pytest.raises(FileFormatError, match="テキストファイルではありません"):
        decode_bytes("氏名\r\n".encode("utf-16-le"), "bom_less.csv")  # UTF-16 without BOM


def test_xlsx_and_xls_given_as_csv_are_named_for_what_they_are():
    with pytest.raises(FileFormatError, match=r"\.xlsx"):
        decode_bytes(b"PK\x03\x04rest", "a.csv")
    with pytest.raises(FileFormatError, match="97-2003"):
        decode_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 10, "a.csv")


def test_broken_bom_file_is_reported():
    with pytest.raises(FileFormatError, match="UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd", "bad.csv")


def test_delimiter_sniffing():
    assert sniff_delimiter("名前\t最初の参加\t役割\r\na\tb\tc") == "\t"
    assert sniff_delimiter("氏名,所属\r\n髙橋,川越市") == ","
    assert sniff_delimiter("住所\t備考\r\n川越市\tA,B") == "\t"


def test_line_numbers_count_quoted_line_breaks():
    text = '氏名,備考\r\n髙橋,"1行目\r\n2行目"\r\n佐藤,\r\n'
    records = parse_delimited(text, "x.csv")
    assert [(line, row[0]) for line, row in records] == [(1, "氏名"), (2, "髙橋"), (4, "佐藤")]


def test_too_large_file_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(FileFormatError, match="大きすぎます"):
        read_table(path)  # what an import reads with


def test_ten_megabytes_of_garbage(tmp_path: Path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(os.urandom(10 * 1024 * 1024))
    with pytest.raises(FileFormatError) as err:
        read_table(path)
    assert "garbage.csv" in str(err.value)
    assert "\n" not in str(err.value)


def test_empty_and_missing_files(tmp_path: Path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileFormatError, match="空のファイル"):
        read_table(empty)
    blank = tmp_path / "blank.csv"
    blank.write_bytes(b"\xef\xbb\xbf,,,\r\n,,\r\n")
    with pytest.raises(FileFormatError, match="データがありません"):
        read_table(blank)
    with pytest.raises(FileFormatError, match="見つかりません"):
        read_table(tmp_path / "nothing.csv")


def test_truncated_xlsx(tmp_path: Path, participants_xlsx: Path):
    data = participants_xlsx.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError, match="Excel ブックとして読めません"):
        read_table(cut)


def test_xlsx_cells_become_text_with_row_numbers(participants_xlsx: Path):
    table = read_table(participants_xlsx)
    assert table.format_label == "Excel ブック（シート: 参加者名簿）"  # the stable str
    assert table.format_label.text("en") == "Excel workbook (sheet: 参加者名簿)"  # as shown
    row = table.rows[3]
    assert row[0] == "1" and row[7] == "489000000"  # not "1.0" / "489000000.0"
    assert table.lines[3] == 4
