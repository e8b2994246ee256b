"""The cells of an attendance report: date-times and durations as the meeting tools write
them, which column holds what, and the rows that are set aside (waiting room, a shared room's
account, a telephone number without a name)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.shared.tabular import Table

# --- dates and durations ------------------------------------------------------------------

_DATE_YMD = r"(?P<y>\d{4})\s*[/\-.年]\s*(?P<m>\d{1,2})\s*[/\-.月]\s*(?P<d>\d{1,2})\s*日?"
_DATE_MDY = r"(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{2,4})"
# Zoom's webinar reports: "Nov 25, 2021 14:28:13" (English month names).
_DATE_NAMED = r"(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<d3>\d{1,2}),?\s+(?P<y3>\d{4})"
_MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}  # fmt: skip
_TIME = (
    r"(?P<ampm1>午前|午後|AM|PM|am|pm)?\s*(?P<H>\d{1,2})[:時](?P<M>\d{2})(?:[:分](?P<S>\d{2}))?"
    r"(?:\.\d+)?秒?\s*(?P<ampm2>AM|PM|am|pm|午前|午後)?"
)
_DATETIME = re.compile(
    rf"^\s*(?:{_DATE_YMD}|{_DATE_MDY}|{_DATE_NAMED})\s*(?:T|,)?\s*{_TIME}\s*(?:JST|\+09:?00)?\s*$"
)


def parse_datetime(text: str) -> dt.datetime | None:
    """The date-times Zoom, Teams and Excel write, or None.

    "11/25/2021 02:28:13 PM", "11/25/21, 2:28:13 PM", "2021/11/25 14:28:13",
    "2021-11-25 14:28", "2021-11-25T14:28:13", "2021/11/25 午後 2:28:13".
    A slashed date with the day first (25/11/2021) is recognised when the first number
    cannot be a month.
    """
    m = _DATETIME.match(text.replace("\u3000", " "))
    if m is None:
        return None
    g = m.groupdict()
    if g["y"]:
        year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
    elif g["mon"]:
        month = _MONTHS.get(g["mon"].lower(), 0)
        year, day = int(g["y3"]), int(g["d3"])
        if not month:
            return None
    else:
        month, day, year = int(g["m2"]), int(g["d2"]), int(g["y2"])
        if year < 100:
            year += 2000
        if month > 12 >= day:
            month, day = day, month
    hour, minute, second = int(g["H"]), int(g["M"]), int(g["S"] or 0)
    marker = (g["ampm1"] or g["ampm2"] or "").upper()
    if marker in ("PM", "午後") and hour < 12:
        hour += 12
    elif marker in ("AM", "午前") and hour == 12:
        hour = 0
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


_DURATION_UNITS = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?|時間))?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?|分))?"
    r"\s*(?:(?P<s>\d+)\s*(?:s|sec|secs|seconds?|秒))?\s*$",
    re.IGNORECASE,
)


def parse_duration(text: str) -> int | None:
    """Seconds from "1h 27m 51s", "2 時間 31 分 49 秒", "45" (minutes), "1:27:51"."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return round(float(text) * 60)
    parts = text.split(":")
    if 2 <= len(parts) <= 3 and all(p.strip().isdigit() for p in parts):
        nums = [int(p) for p in parts] + ([0] if len(parts) == 2 else [])
        return nums[0] * 3600 + nums[1] * 60 + nums[2]
    m = _DURATION_UNITS.match(text)
    if m is None or not any(m.groupdict().values()):
        return None
    return int(m["h"] or 0) * 3600 + int(m["m"] or 0) * 60 + int(m["s"] or 0)


# --- columns ------------------------------------------------------------------------------

# Checked in this order against match_key(header); the first rule that fits names the column.
_COLUMN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("waiting", ("in waiting room", "待機室")),
    ("upn", ("(upn)", "upn")),
    ("duration", ("duration", "期間", "会議の長さ", "出席時間", "参加時間(分)", "時間(分)", "(分)",
                  "minutes", "会議中の時間", "所要時間", "通話時間")),
    ("join", ("join", "参加時刻", "参加時間", "最初の参加", "初めての参加", "入室")),
    ("leave", ("leave", "退出", "退室")),
    ("email", ("email", "e-mail", "メール", "mail")),
    ("role", ("role", "役割")),
    ("first", ("first name", "given name", "名（名前）")),
    ("last", ("last name", "family name", "surname", "姓")),
    ("name", ("name", "名前", "氏名", "表示名")),
)  # fmt: skip
# Headers about the meeting, not the person (Webex' "Meeting Name", Zoom's "Topic").
_MEETING_WORDS = tuple(
    match_key(w) for w in ("meeting", "webinar", "session name", "topic", "会議", "ミーティング",
                           "ウェビナー", "トピック")
)  # fmt: skip
# Headers that are a given name on their own; 「名」 is never looked for inside other headers
# (名前, 氏名, ミーティング名 are not given names).
_GIVEN_NAME_ONLY = frozenset(match_key(w) for w in ("名", "名（下の名前）", "下の名前"))
_ORIGINAL_NAME = tuple(match_key(w) for w in ("original name", "元の名前"))
_COLUMN_KEYS = tuple((col, tuple(match_key(w) for w in words)) for col, words in _COLUMN_RULES)


def column_kind(header: str) -> str | None:
    key = match_key(header)
    if not key:
        return None
    if key in ("attended", "出席", "出席済み"):
        return "attended"
    if key in _GIVEN_NAME_ONLY:
        return "first"  # Google Meet's 名 beside 姓 (Japanese UI)
    for col, words in _COLUMN_KEYS:
        if any(w in key for w in words):
            if col in ("name", "first", "last") and any(m in key for m in _MEETING_WORDS):
                return None  # the meeting's name: Webex writes it in every row
            return col
    return None


def map_columns(cells: list[str]) -> dict[str, int]:
    """Which column holds what. Zoom's flat export with meeting data repeats User Email and
    Duration (Minutes): the host's in the meeting columns, then the participant's after
    "Name (Original Name)" — from there on the participant's columns win."""
    found: dict[str, int] = {}
    keys = [match_key(c) for c in cells]
    start = next((i for i, k in enumerate(keys) if any(w in k for w in _ORIGINAL_NAME)), 0)
    for index in [*range(start, len(cells)), *range(start)]:
        kind = column_kind(cells[index])
        if kind is not None and kind not in found:
            found[kind] = index
    _join_time_beside_join_hour(keys, found)
    return found


_JOIN_TIME = match_key("参加時刻")
_JOIN_HOURS = match_key("参加時間")


def _join_time_beside_join_hour(keys: list[str], found: dict[str, int]) -> None:
    """Google Meet (Japanese UI) may head its duration 「参加時間」 beside 「参加時刻」: there
    参加時間 is the time spent in the call. Zoom's webinar report uses 参加時間 alone for the
    join time, so it is only re-read when both are there."""
    if _JOIN_TIME not in keys or _JOIN_HOURS not in keys or "duration" in found:
        return
    found["join"] = keys.index(_JOIN_TIME)
    found["duration"] = keys.index(_JOIN_HOURS)


def is_participant_header(cols: dict[str, int]) -> bool:
    named = "name" in cols or ("first" in cols and "last" in cols)
    return named and bool({"join", "duration"} & cols.keys())


# Why a row of the report is set aside (not matched, not counted): the key in the plan's
# JSON, the message for the organiser.
SET_ASIDE_REASONS: dict[str, Message] = {
    "waiting_room": msg("attendance.set_aside_waiting_room"),
    "room_account": msg("attendance.set_aside_room_account"),
    "phone_dial_in": msg("attendance.set_aside_phone_dial_in"),
    "organiser": msg("attendance.set_aside_organiser"),
}
_ROOM_ACCOUNT = re.compile(
    r"(会議室|研修室|応接室|多目的室|ホール$|zoom\s*rooms?|teams\s*rooms?|conference\s*room|"
    r"meeting\s*room|board\s*room|^room\b|ルーム$)",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"^(?:call-?in user[\s_]*\d*|電話ユーザー[\s_]*\d*|[\d\s()+\-xX＋－*]{6,})$", re.I
)
LOBBY_WORDS = tuple(match_key(w) for w in ("lobby", "ロビー", "waiting room", "待機室"))


def is_room_account(name: str, email: str = "") -> bool:
    """「第1会議室」, 「Zoom Rooms 3F」, room-3f@…: a shared room device, not one person."""
    local = email.partition("@")[0].casefold()
    return bool(_ROOM_ACCOUNT.search(name.strip())) or local.startswith(("room", "kaigishitsu"))


def is_phone_dial_in(name: str) -> bool:
    """A telephone participant shown by number only (「+81 48 000 1234」, 「Call-in User_2」)."""
    return bool(_PHONE.match(name.strip()))


@dataclass
class SetAsideRow:
    """A row of the report that is neither a person to match nor counted."""

    line: int
    name: str
    email: str
    reason: str  # a key of SET_ASIDE_REASONS

    @property
    def reason_text(self) -> Message:
        return SET_ASIDE_REASONS[self.reason]


# The formats read, for a message refusing a file (Zoom, Teams, Webex, Google Meet).
SUPPORTED_TEXT = msg("attendance.supported_formats")


def what_was_found(table: Table) -> Message:
    """What the file has instead, without quoting anyone's data: the best header candidate."""
    best: tuple[int, list[str], dict[str, int]] | None = None
    for cells in table.rows[:60]:
        cols = map_columns(cells)
        if cols and (best is None or len(cols) > best[0]):
            best = (len(cols), cells, cols)
    if best is None:
        filled = [r for r in table.rows if any(c.strip() for c in r)]
        width = max((len(r) for r in filled), default=0)
        return msg("attendance.no_heading_row", rows=len(filled), columns=width)
    _, cells, cols = best
    separator = str(msg("attendance.heading_separator"))
    shown = separator.join(c.strip()[:20] for c in cells if c.strip())
    named = "name" in cols or ("first" in cols and "last" in cols)
    missing = msg("attendance.no_time_columns") if named else msg("attendance.no_name_column")
    return msg("attendance.headings_found", headings=shown[:160], missing=missing)


def person_name(name: str, first: str, last: str) -> str:
    """The display name, else family and given name as the language writes them."""
    if name or not (first or last):
        return name
    if all(c.isascii() for c in first + last):
        return f"{first} {last}".strip()
    return f"{last} {first}".strip()  # 髙橋 美咲: family name first


# Names a device gives itself when its user did not type one, and bare phone numbers.
_DEVICE_NAME = re.compile(
    r"^(?:.*の)?(?:ipad|iphone|galaxy[\w\s-]*|android[\w\s-]*|pixel[\w\s-]*|xperia[\w\s-]*|"
    r"aquos[\w\s-]*|arrows[\w\s-]*|surface[\w\s-]*|zoom user|ユーザー|user)$"
    r"|^[\d\s()+\-xX＋－]{8,}$",
    re.IGNORECASE,
)


def is_device_name(display: str) -> bool:
    """「iPad」, 「Galaxy S21」, 「090XXXX1234」: a second device, not a person's name."""
    return bool(_DEVICE_NAME.match(display.strip()))


# Header words only one tool writes: Google Meet's attendance report ("Time joined",
# "Time exited"), Webex' attendee report ("Attendee Email", "Attendance Duration").
_TOOL_HEADERS = (
    ("Google Meet", tuple(match_key(w) for w in ("time joined", "time exited"))),
    ("Webex", tuple(match_key(w) for w in ("attendee email", "attendance duration"))),
)


# Japanese UI: Google Meet writes 名 and 姓 as separate columns beside 参加時刻 / 退出時刻 (no
# other tool splits the name that way in a participant table); Webex heads the attendee's
# address 「出席者のメールアドレス」.
_MEET_JA = tuple(match_key(w) for w in ("名", "姓"))
_MEET_JA_TIMES = tuple(match_key(w) for w in ("参加時刻", "退出時刻"))
_WEBEX_JA = tuple(match_key(w) for w in ("出席者のメールアドレス", "出席者メールアドレス"))


def tool_of(header: list[str]) -> str:
    """The meeting tool whose own header words the participant table uses, or ""."""
    keys = {match_key(c) for c in header}
    for tool, words in _TOOL_HEADERS:
        if any(w in keys for w in words):
            return tool
    if all(w in keys for w in _MEET_JA) and any(w in keys for w in _MEET_JA_TIMES):
        return "Google Meet"
    if any(w in keys for w in _WEBEX_JA):
        return "Webex"
    return ""


_CLOCK_ONLY = re.compile(r"^\s*(?:午前|午後)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?\s*$")


def without_clock_only(text: str) -> str:
    """ "" for a time of day without a date (Google Meet's "Time joined": 02:30 PM): the
    duration column decides then, instead of every row being reported as unreadable."""
    return "" if _CLOCK_ONLY.match(text) else text


def refuse_cut_off(table: Table, header_index: int, end: int, cols: dict[str, int]) -> None:
    """A report saved while it was still downloading ends in the middle of a row: that
    person's leave time or duration is missing, and they would be counted absent."""
    if end != len(table.rows) or not table.format_label.startswith("CSV"):  # in any language
        return  # another section follows, or a workbook (its rows end where their data ends)
    last = len(table.rows) - 1
    while last > header_index and not any(table.rows[last]):
        last -= 1
    if last <= header_index:
        return
    width = len(table.rows[header_index])
    cells = table.rows[last]
    needed = [cols[k] for k in ("join", "leave", "duration") if k in cols]
    short = len(cells) < width and any(col >= len(cells) for col in needed)
    # No line break after the last line, and it stops in a cell that counts (a duration
    # "1" of "137"): the cell itself may be cut.
    cut_in_cell = (
        not table.ends_with_line_break
        and last == len(table.rows) - 1
        and len(cells) - 1 in [*needed, *([cols["email"]] if "email" in cols else [])]
    )
    if short or cut_in_cell:
        raise UserError.of("attendance.cut_off", name=table.name, line=table.lines[last])
