"""Reading the text files organisers are sent: Excel CSV, Zoom and Teams exports.

DESIGN.md fixes the decoding, and nothing here guesses beyond it: a byte-order mark decides
(UTF-8 / UTF-16LE / UTF-16BE); without one the bytes must be strict UTF-8, else strict cp932
(Excel's "CSV (コンマ区切り)" on Japanese Windows — cp932, not shift_jis, which lacks ①, ㈱,
髙 and ～). Charset detectors are never used: on a short list of names they guess wrong, and a
wrong guess silently stores mojibake. A file that fits none of these is refused with its name.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kenshu_desk.errors import UserError
from kenshu_desk.messages import Worded

# A participant list of 10,000 people is about 1.5 MB; a Zoom report of a year of meetings a
# few MB. Anything this large is not a list someone made, and reading it would stall the UI.
MAX_TEXT_BYTES = 50 * 1024 * 1024

# DecodedText.label is Japanese as a str (as Table.format_label is: the importers read it)
# and is shown in the program's language (Worded.text, or as a message parameter).
_BOMS: tuple[tuple[bytes, str, Worded], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", Worded("UTF-8（BOM 付き）", "UTF-8 (with BOM)")),
    (codecs.BOM_UTF16_LE, "utf-16-le", Worded("UTF-16LE", "UTF-16LE")),
    (codecs.BOM_UTF16_BE, "utf-16-be", Worded("UTF-16BE", "UTF-16BE")),
)
CP932 = Worded("Shift_JIS（cp932）", "Shift_JIS (cp932)")

# Magic numbers of files that are sometimes renamed or chosen by mistake as ".csv".
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx (and .docx, .zip …)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) or an encrypted .xlsx


class FileFormatError(UserError):
    """A file that cannot be read as what it claims to be; the message names the file."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # the Python codec used
    label: Worded  # what the user is shown, e.g. "Shift_JIS（cp932）" / "Shift_JIS (cp932)"


def check_size(path: Path, limit: int = MAX_TEXT_BYTES) -> int:
    """Size of ``path`` in bytes; FileFormatError if it is missing, empty-named or too large."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise FileFormatError.of("textfile.not_found", path=path) from exc
    except OSError as exc:
        raise FileFormatError.of("textfile.cannot_read", path=path, reason=exc.strerror) from exc
    if path.is_dir():
        raise FileFormatError.of("textfile.is_folder", path=path)
    if not path.is_file():
        # A pipe (FIFO) would wait forever for a writer; /dev/zero never ends.
        raise FileFormatError.of("textfile.not_regular", path=path)
    if size > limit:
        raise FileFormatError.of(
            "textfile.too_large",
            name=path.name,
            size_mb=size / 1024 / 1024,
            limit_mb=limit // 1024 // 1024,
        )
    return size


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    check_size(path, limit)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileFormatError.of(
            "textfile.cannot_read", path=path.name, reason=exc.strerror
        ) from exc


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode as DESIGN.md says; FileFormatError naming ``name`` when nothing fits."""
    if data.startswith(ZIP_MAGIC):
        raise FileFormatError.of("textfile.zip_not_csv", name=name)
    if data.startswith(OLE_MAGIC):
        raise FileFormatError.of("textfile.old_excel", name=name)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise FileFormatError.of(
                    "textfile.bad_after_bom", name=name, label=label, position=exc.start + 1
                ) from exc
            return _checked(DecodedText(text.removeprefix("\ufeff"), codec, label), name)
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8", Worded("UTF-8", "UTF-8")), name)
    except UnicodeDecodeError:
        pass
    try:
        return _checked(DecodedText(data.decode("cp932"), "cp932", CP932), name)
    except UnicodeDecodeError as exc:
        raise FileFormatError.of(
            "textfile.unknown_encoding", name=name, position=exc.start + 1
        ) from exc


def _checked(decoded: DecodedText, name: str) -> DecodedText:
    # A NUL never occurs in a text file (UTF-16 is decoded by now); it means binary data or
    # UTF-16 without its byte-order mark, which DESIGN.md does not let us guess.
    if "\x00" in decoded.text:
        raise FileFormatError.of("textfile.binary", name=name)
    return decoded


def sniff_delimiter(text: str) -> str:
    """Tab or comma, from the first lines: Teams writes tabs, Excel and Zoom commas.

    A tab in a comma-separated file is rare and a comma in a tab-separated one common
    (addresses, 「A、B」 written with ASCII commas), so the count of the first non-empty
    lines decides, and the tab wins only when it is at least as frequent as the comma.
    """
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    tabs = sum(line.count("\t") for line in lines)
    commas = sum(line.count(",") for line in lines)
    return "\t" if tabs and tabs >= commas else ","


def parse_delimited(
    text: str, name: str, delimiter: str | None = None
) -> list[tuple[int, list[str]]]:
    """Records of a CSV/TSV text with the line number each starts on (1-based).

    Quoted cells may hold line breaks (Excel writes them for Alt+Enter), so a record's line
    number is where it begins, which is what the user sees in a text editor.
    """
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileFormatError.of(
            "textfile.csv_unreadable", name=name, line=start, reason=exc
        ) from exc
    # An opening quote never closed swallows the rest of the file into one cell (the lenient
    # reader does not complain): an odd number of quotes and a last cell holding line breaks.
    if records and text.count('"') % 2 == 1:
        line, last = records[-1]
        if any("\n" in cell or "\r" in cell for cell in last):
            raise FileFormatError.of("textfile.unclosed_quote", name=name, line=line)
    return records
