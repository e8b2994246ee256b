"""Write the bad-input corpus next to this script, and manifest.json saying, for each file,
which entry point it goes to and a word the one-line error must contain (the file's name or
the field at fault).

    python tests/data/bad/make_bad_inputs.py

The files are small and committed (test data). Anything large (a multi-megabyte line) is made
by the test itself at run time.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "所属,氏名,ふりがな,メールアドレス\r\n"
ROW = "川越市,山田　花子,やまだ　はなこ,hanako@example.jp\r\n"

# name -> (entry point, word the error names, content)
CORPUS: dict[str, tuple[str, str | None, bytes]] = {}


def add(name: str, entry: str, content: bytes | str, word: str | None = None) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    CORPUS[name] = (entry, word, data)


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def participants() -> None:
    p = "participants"
    add("empty.csv", p, b"")
    add("bom_only.csv", p, b"\xef\xbb\xbf")
    add("bom_only_utf16.csv", p, b"\xff\xfe")
    add("blank_lines_only.csv", p, "\r\n\r\n   \r\n,,,\r\n")
    add("header_only.csv", p, HEADER)
    add("no_name_column.csv", p, "列A,列B,列C\r\n1,2,3\r\n4,5,6\r\n")
    add("binary_as_csv.csv", p, bytes(range(256)) * 4)
    add("png_as_csv.csv", p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    add("nul_in_text.csv", p, HEADER + "川越市,山田\x00花子,やまだ,a@example.jp\r\n")
    add("euc_jp.csv", p, (HEADER + ROW).encode("euc_jp"))
    add("utf16le_no_bom.csv", p, (HEADER + ROW).encode("utf-16-le"))
    add("utf16be_no_bom.csv", p, (HEADER + ROW).encode("utf-16-be"))
    add("utf8_bom_then_cp932.csv", p, b"\xef\xbb\xbf" + (HEADER + ROW).encode("cp932"))
    add("latin1_accents.csv", p, "Name,Email\r\nJosé Müller,jm@example.jp\r\n".encode("latin-1"))
    good = _xlsx(
        [
            ["所属", "氏名", "ふりがな", "メールアドレス"],
            ["川越市", "山田　花子", "やまだ", "a@example.jp"],
        ]
    )
    add("truncated.xlsx", p, good[: len(good) // 2])
    # (A CSV saved under a .xlsx name is read as the CSV it is: sniffed, not refused.)
    add("html_as_xls.xls", p, "<html><body><table><tr><td>氏名</td></tr></table></body></html>")
    add("ole_as_xls.xls", p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    add("empty_sheet.xlsx", p, _xlsx([]))
    add("zip_without_workbook.xlsx", p, _zip({"hello.txt": b"not a workbook"}))
    # Refused on import; typed by hand it is kept as text, and every export writes it as text,
    # never a formula: tests/faults/test_bad_inputs.py::test_formula_cells_stay_text_on_the_way_out.
    add("formula_injection.csv", p,
        HEADER + "川越市,=HYPERLINK(\"http://evil.example/\"),やまだ,a@example.jp\r\n"
        "川越市,@SUM(1+1)*cmd|' /C calc'!A0,やまだ,b@example.jp\r\n"
        "川越市,+1+1,やまだ,c@example.jp\r\n")  # fmt: skip
    add("crlf_in_name.csv", p,
        HEADER + '川越市,"山田 花子\r\nBcc: victim@example.jp",やまだ,a@example.jp\r\n')  # fmt: skip
    add("invalid_emails.csv", p,
        HEADER + "川越市,山田　花子,やまだ,hanako@@example\r\n"
        "川越市,鈴木　一郎,すずき,ichiro example.jp\r\n"
        "川越市,佐藤　次郎,さとう,<script>@example.jp\r\n")  # fmt: skip
    add("unterminated_quote.csv", p, HEADER + '川越市,"山田　花子,やまだ,a@example.jp\r\n')
    add("unknown_extension.pdf", p, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def attendance() -> None:
    a = "attendance"
    add("zoom_no_rows.csv", a,
        "\ufeffミーティングID,トピック,開始時刻,終了時刻\r\n"
        "812 3456 7890,第2回市町村情報交換会,2026/11/25 14:25:00,2026/11/25 16:05:00\r\n\r\n"
        "名前（元の名前）,メール,参加時刻,退出時刻,期間（分）\r\n")  # fmt: skip
    add("teams_broken_section.csv", a,
        "1. 要約\n会議のタイトル\t第2回市町村情報交換会\n\n2. 参加者\n\n3. 会議中のアクティビティ\n"
        .encode("utf-16"))  # fmt: skip
    add("teams_truncated_utf16.csv", a, "1. Summary\tx\n2. Participants\n".encode("utf-16")[:-1])
    add("attendance_empty.csv", a, b"")
    add("attendance_binary.csv", a, bytes(range(256)) * 2)
    add("attendance_no_header.csv", a, "山田　花子,14:30,16:00\r\n鈴木　一郎,14:31,15:00\r\n")


def events() -> None:
    e = "event"

    def event(name: str, word: str, **changes: str) -> None:
        fields = {
            "kind": "研修",
            "title": "市町村地域福祉担当者研修会",
            "date": "2026-11-25",
            "start_time": "14:30",
            "end_time": "16:00",
        }
        fields.update(changes)
        add(name, e, json.dumps(fields, ensure_ascii=False, indent=1), word)

    event("event_ends_before_start.json", "終了時刻", start_time="16:00", end_time="14:30")
    event("event_zero_length.json", "終了時刻", start_time="14:30", end_time="14:30")
    event("event_impossible_date.json", "開催日", date="2026-02-30")
    event("event_empty_title.json", "行事名", title="　 ")
    event("event_javascript_url.json", "URL", online_url="javascript:alert(1)")
    event("event_bad_organiser_email.json", "メールアドレス", organiser_email="chiiki@@pref")
    event("event_huge_title.json", "文字以内", title="研" * 5000)


def mail() -> None:
    m = "mail"

    def message(file: str, word: str, **changes: str) -> None:
        fields = {
            "name": "山田　花子",
            "address": "hanako@example.jp",
            "subject": "【ご案内】第2回市町村情報交換会",
        }
        fields.update(changes)
        add(file, m, json.dumps(fields, ensure_ascii=False, indent=1), word)

    message("mail_crlf_in_name.json", "表示名", name="山田 花子\r\nBcc: victim@example.jp")
    message("mail_lf_in_name.json", "表示名", name="山田\nX-Injected: yes")
    message("mail_crlf_in_subject.json", "件名", subject="ご案内\r\nBcc: victim@example.jp")
    message("mail_cr_in_address.json", "アドレス", address="a@example.jp\rBcc: v@example.jp")
    message("mail_no_at.json", "メールアドレス", address="hanako.example.jp")
    message("mail_two_ats.json", "メールアドレス", address="hanako@@example.jp")
    message("mail_japanese_address.json", "メールアドレス", address="花子@例え.jp")
    message("mail_empty_address.json", "メールアドレス", address="")
    message("mail_double_dot.json", "メールアドレス", address="hana..ko@example.jp")


def main() -> None:
    participants()
    attendance()
    events()
    mail()
    manifest = {}
    for name, (entry, word, data) in sorted(CORPUS.items()):
        (HERE / name).write_bytes(data)
        manifest[name] = {"entry": entry, "word": word or name}
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(manifest)} files, {sum(len(d) for _, _, d in CORPUS.values()):,} bytes")


if __name__ == "__main__":
    main()
