"""Writes the sample files in this folder, byte for byte the way the tools write them.

Run `python tests/data/make_samples.py` after changing it; the files are committed so that a
test reads exactly what Excel, Zoom and Teams produce (encodings, BOMs, CRLF, tabs).
They describe the demo event 「第2回市町村情報交換会」 of 2021-11-25, 14:30–16:30 (online).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).parent


def excel_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def participants_cp932() -> bytes:
    """Excel 「CSV (コンマ区切り)」 on Japanese Windows: cp932, CRLF, a title above the header,
    full-width spaces in names, half-width katakana readings, ①/㈱/髙/～, numbered empty rows."""
    rows = [
        ["令和3年度 第2回市町村情報交換会 参加申込書", "", "", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", ""],
        ["No.", "市町村名", "所属課", "職名", "氏名", "フリガナ", "メールアドレス", "電話番号", "備考"],
        ["1", "さいたま市", "保健福祉局 福祉部 福祉総務課", "主査", "髙橋　美咲", "タカハシ　ミサキ",
         "M.Takahashi@example.jp", "048-000-1101", ""],
        ["2", "本庄市", "福祉課", "主任", "今井　涼子", "ｲﾏｲ ﾘｮｳｺ", "r.imai@example.jp", "0495-00-1234",
         "①②の事例に関心あり"],
        ["3", "本庄市社会福祉協議会", "地域福祉係", "主事", "金子　隆之介", "かねこ　りゅうのすけ",
         "r.kaneko@example.jp", "", "14:00～参加"],
        ["4", "㈱さいたま福祉研究所", "", "研究員", "内田　吉男", "うちだ　よしお", "y.uchida@example.jp", "", ""],
        ["5", "美里町", "健康福祉課", "課長", "小島 　聡", "こじま　さとし", "ｓ．ｋｏｊｉｍａ＠ｅｘａｍｐｌｅ．ｊｐ", "", ""],
        ["6", "長瀞町", "", "", "", "", "nagatoro@example.jp", "", ""],
        ["7", "横瀬町", "福祉課", "主査", "関根　真由美", "せきね　まゆみ", "m.sekine@example", "", ""],
        ["8", "", "", "", "", "", "", "", ""],
        ["9", "", "", "", "", "", "", "", ""],
        ["10", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    return excel_csv(rows).encode("cp932")


def participants_utf8_bom() -> bytes:
    """Excel 「CSV UTF-8 (コンマ区切り)」: BOM, CRLF, 姓/名 and セイ/メイ in separate columns,
    a note with Alt+Enter line breaks in a quoted cell, 神 (U+FA19) and 𠮷 (outside the BMP)."""
    rows = [
        ["所属", "部署", "役職", "姓", "名", "セイ", "メイ", "E-mail", "TEL", "備考"],
        ["川越市", "福祉部 福祉政策課", "主任", "佐藤", "健一", "サトウ", "ケンイチ", "k.sato@example.jp",
         "049-000-1234", ""],
        ["鴻巣市", "福祉課", "主事", "福田", "奈々", "フクダ", "ナナ", "n.fukuda@example.jp", "",
         "オンライン参加\r\n資料は紙で希望"],
        ["ふじみ野市地域包括支援センター", "", "社会福祉士", "\ufa19田", "𠮷男", "カンダ", "ヨシオ",
         "y.kanda@example.jp", "", ""],
        ["鴻巣市", "福祉課", "主事", "福田", "奈々", "フクダ", "ナナ", "N.Fukuda@Example.jp", "", "重複"],
    ]  # fmt: skip
    return b"\xef\xbb\xbf" + excel_csv(rows).encode("utf-8")


def zoom_en() -> bytes:
    """Zoom web portal, Reports → Usage → Participants, 'Export with meeting data' checked,
    one row per join/leave, English UI. UTF-8 without BOM, CRLF."""
    rows = [
        ["Meeting ID", "Topic", "Start Time", "End Time", "User Email", "Duration (Minutes)", "Participants"],
        ["832 1234 5678", "令和3年度 第2回市町村情報交換会", "11/25/2021 02:05:41 PM",
         "11/25/2021 04:41:07 PM", "chiiki-care@example.jp", "156", "11"],
        [],
        ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest",
         "Recording Consent", "In Waiting Room"],
        ["埼玉県 地域包括ケア課", "chiiki-care@example.jp", "11/25/2021 02:05:41 PM",
         "11/25/2021 04:41:07 PM", "156", "No", "", "No"],
        ["髙橋 美咲", "m.takahashi@example.jp", "11/25/2021 02:21:02 PM", "11/25/2021 02:24:40 PM", "4",
         "No", "", "Yes"],
        ["髙橋 美咲", "m.takahashi@example.jp", "11/25/2021 02:24:40 PM", "11/25/2021 03:10:12 PM", "46",
         "No", "Yes", "No"],
        ["iPad (髙橋 美咲)", "", "11/25/2021 03:00:00 PM", "11/25/2021 04:00:00 PM", "60", "Yes", "Yes", "No"],
        ["髙橋 美咲", "m.takahashi@example.jp", "11/25/2021 03:12:30 PM", "11/25/2021 04:32:00 PM", "80",
         "No", "Yes", "No"],
        ["藤田 健", "k.fujita@example.jp", "11/25/2021 02:28:13 PM", "11/25/2021 03:05:00 PM", "37", "No",
         "Yes", "No"],
        ["五十嵐 彩", "A.Igarashi@example.jp", "11/25/2021 02:29:00 PM", "11/25/2021 03:40:00 PM", "71", "No",
         "Yes", "No"],
        ["五十嵐 彩", "a.igarashi@example.jp", "11/25/2021 03:38:00 PM", "11/25/2021 04:31:00 PM", "53", "No",
         "Yes", "No"],
        ["佐藤 健一（川越市）", "", "11/25/2021 02:27:00 PM", "11/25/2021 04:30:00 PM", "123", "Yes", "Yes", "No"],
        ["山口", "", "11/25/2021 02:35:00 PM", "11/25/2021 04:29:00 PM", "114", "Yes", "Yes", "No"],
        ["新井 一郎", "i.arai@example.jp", "11/25/2021 02:30:00 PM", "11/25/2021 04:30:00 PM", "120", "No",
         "Yes", "No"],
        ["090XXXX1234", "", "11/25/2021 02:40:00 PM", "11/25/2021 02:44:00 PM", "4", "Yes", "", "No"],
    ]  # fmt: skip
    return excel_csv(rows).encode("utf-8")


def zoom_ja() -> bytes:
    """Zoom, Japanese UI, without the meeting data: UTF-8 with BOM, yyyy/mm/dd times."""
    rows = [
        ["名前 (元の名前)", "ユーザーメール", "参加時刻", "退出時刻", "期間 (分)", "ゲスト"],
        ["さいたま市_髙橋美咲", "m.takahashi@example.jp", "2021/11/25 14:24:40", "2021/11/25 16:32:00", "128", "いいえ"],
        ["藤田 健 (藤田　健)", "", "2021/11/25 14:28:13", "2021/11/25 16:05:00", "97", "はい"],
        ["髙橋 美咲", "", "2021/11/25 14:24:40", "2021/11/25 14:40:00", "16", "はい"],
        ["日下部", "", "2021/11/25 14:29:00", "2021/11/25 15:00:00", "31", "はい"],
    ]  # fmt: skip
    return b"\xef\xbb\xbf" + excel_csv(rows).encode("utf-8")


def zoom_unique_users() -> bytes:
    """Zoom with 'Show unique users': totals only, no join/leave times."""
    rows = [
        ["Name (Original Name)", "User Email", "Total Duration (Minutes)", "Guest"],
        ["髙橋 美咲", "m.takahashi@example.jp", "126", "No"],
        ["藤田 健", "k.fujita@example.jp", "37", "No"],
    ]
    return excel_csv(rows).encode("utf-8")


def teams_en() -> bytes:
    """Teams attendance report (2022 onwards): UTF-16LE with BOM, tabs, three sections."""
    lines = [
        "1. Summary",
        "Meeting title\t令和3年度 第2回市町村情報交換会",
        "Attended participants\t4",
        "Start time\t11/25/21, 2:05:41 PM",
        "End time\t11/25/21, 4:41:07 PM",
        "Meeting duration\t2h 35m 26s",
        "Average attendance time\t1h 31m 2s",
        "",
        "2. Participants",
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
        "埼玉県 地域包括ケア課\t11/25/21, 2:05:41 PM\t11/25/21, 4:41:07 PM\t2h 35m 26s\tchiiki-care@example.jp\tchiiki-care@example.jp\tOrganizer",
        "髙橋 美咲\t11/25/21, 2:24:40 PM\t11/25/21, 4:32:00 PM\t1h 57m 50s\tm.takahashi@example.jp\tm.takahashi@example.jp\tAttendee",
        "藤田 健\t11/25/21, 2:28:13 PM\t11/25/21, 4:20:00 PM\t42m 0s\tk.fujita@example.jp\tk.fujita@example.jp\tAttendee",
        "五十嵐 彩\t11/25/21, 2:29:00 PM\t11/25/21, 4:31:00 PM\t2h 2m 0s\t\ta.igarashi@example.jp\tAttendee",
        "",
        "3. In-Meeting Activities",
        "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
        "埼玉県 地域包括ケア課\t11/25/21, 2:05:41 PM\t11/25/21, 4:41:07 PM\t2h 35m 26s\tchiiki-care@example.jp\tOrganizer",
        "髙橋 美咲\t11/25/21, 2:24:40 PM\t11/25/21, 3:10:12 PM\t45m 32s\tm.takahashi@example.jp\tAttendee",
        "髙橋 美咲\t11/25/21, 3:12:30 PM\t11/25/21, 4:32:00 PM\t1h 19m 30s\tm.takahashi@example.jp\tAttendee",
        "藤田 健\t11/25/21, 2:28:13 PM\t11/25/21, 2:50:13 PM\t22m 0s\tk.fujita@example.jp\tAttendee",
        "藤田 健\t11/25/21, 4:00:00 PM\t11/25/21, 4:20:00 PM\t20m 0s\tk.fujita@example.jp\tAttendee",
        "五十嵐 彩\t11/25/21, 2:29:00 PM\t11/25/21, 4:31:00 PM\t2h 2m 0s\ta.igarashi@example.jp\tAttendee",
        "",
    ]  # fmt: skip
    return "\r\n".join(lines).encode("utf-16")  # Python writes the BOM, little-endian here


def teams_ja() -> bytes:
    """Teams (2021), Japanese UI, two sections; first join / last leave and the total only."""
    lines = [
        "1. 要約",
        "会議のタイトル\t令和3年度 第2回市町村情報交換会",
        "出席した参加者\t3",
        "開始時刻\t2021/11/25 14:05:41",
        "終了時刻\t2021/11/25 16:41:07",
        "会議の長さ\t2 時間 35 分 26 秒",
        "",
        "2. 参加者",
        "名前\t最初の参加\t最後の退出\t会議の長さ\tメール\t参加者 ID (UPN)\t役割",
        "髙橋 美咲\t2021/11/25 14:24:40\t2021/11/25 16:32:00\t1 時間 57 分 50 秒\tm.takahashi@example.jp\tm.takahashi@example.jp\t出席者",
        "藤田 健\t2021/11/25 14:28:13\t2021/11/25 16:20:00\t42 分 0 秒\tk.fujita@example.jp\tk.fujita@example.jp\t出席者",
        "長谷川 典子\t2021/11/25 14:31:00\t2021/11/25 16:30:00\t1 時間 59 分 0 秒\tn.hasegawa@example.jp\tn.hasegawa@example.jp\t出席者",
    ]  # fmt: skip
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le")


FILES = {
    "participants_cp932.csv": participants_cp932,
    "participants_utf8_bom.csv": participants_utf8_bom,
    "zoom_participants_en.csv": zoom_en,
    "zoom_participants_ja.csv": zoom_ja,
    "zoom_unique_users_en.csv": zoom_unique_users,
    "teams_attendance_en.csv": teams_en,
    "teams_attendance_ja.csv": teams_ja,
}

if __name__ == "__main__":
    for name, make in FILES.items():
        (HERE / name).write_bytes(make())
        print(name)
