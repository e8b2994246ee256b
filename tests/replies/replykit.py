"""Replies to our invitations as the real clients write them, and a dovecot to hold them.

The layouts follow what each client sends (README.md beside this file cites where they were
checked): headers, MIME nesting, transfer encodings, PRODID and the client's own extensions
(X-MICROSOFT-CDO-*, Google's X-NUM-GUESTS, Apple's EMAIL parameter and capital MAILTO).
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import quopri
import shutil
import ssl
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from kenshu_desk.mail.imap import ImapConfig
from kenshu_desk.mail.imap_settings import ImapSecurity, ImapSettings

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = {
    "kato": ("加藤 恵", "kato@city.okegawa.saitama.jp"),
    "suzuki": ("鈴木 一郎", "suzuki@town.ina.saitama.jp"),
    "tanaka": ("田中 花子", "hanako.tanaka@icloud.com"),
    "megumi": ("髙橋 めぐみ", "megumi.takahashi@gmail.com"),
    "yamada": ("山田 太郎", "yamada@city.kawagoe.saitama.jp"),
}


@dataclass
class Invited:
    event_id: int
    uid: str
    other_event_id: int
    other_uid: str
    ids: dict[str, int]  # key of PEOPLE → participant id


ORGANISER = "kenshu@pref.saitama.lg.jp"
CRLF = "\r\n"


def fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, never splitting a UTF-8 character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class Reply:
    uid: str
    address: str
    name: str = ""
    partstat: str = "ACCEPTED"
    sequence: int = 0
    dtstamp: dt.datetime = dt.datetime(2021, 11, 18, 1, 12, 3, tzinfo=dt.UTC)
    comment: str = ""
    method: str = "REPLY"
    delegated_to: str = ""
    summary: str = "市町村地域福祉管理職研修会"
    message_id: str = ""

    def mid(self, domain: str) -> str:
        return self.message_id or f"<{uuid.uuid4().hex}@{domain}>"


def _calendar(lines: list[str]) -> str:
    return CRLF.join(fold(line) for line in lines) + CRLF


def outlook_calendar(r: Reply) -> str:
    attendee = f"ATTENDEE;PARTSTAT={r.partstat}"
    if r.delegated_to:
        attendee += f';DELEGATED-TO="mailto:{r.delegated_to}"'
    attendee += f";CN={r.name}:mailto:{r.address}" if r.name else f":mailto:{r.address}"
    lines = [
        "BEGIN:VCALENDAR",
        f"METHOD:{r.method}",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        "TZID:Tokyo Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        attendee,
    ]
    if r.comment:
        lines.append(f"COMMENT;LANGUAGE=ja-JP:{_escape(r.comment)}")
    lines += [
        f"SUMMARY;LANGUAGE=ja-JP:{_verb(r.partstat)}: {r.summary}",
        "DTSTART;TZID=Tokyo Standard Time:"
        + ("20211126T100000" if r.method == "COUNTER" else "20211125T143000"),
        "DTEND;TZID=Tokyo Standard Time:"
        + ("20211126T120000" if r.method == "COUNTER" else "20211125T163000"),
        f"UID:{r.uid}",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        f"DTSTAMP:{stamp(r.dtstamp)}",
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        f"SEQUENCE:{r.sequence}",
        "LOCATION;LANGUAGE=ja-JP:埼玉県県民健康センター 2階 大ホール",
        f"X-MICROSOFT-CDO-APPT-SEQUENCE:{r.sequence}",
        f"X-MICROSOFT-CDO-REPLYTIME:{stamp(r.dtstamp)}",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-CDO-INSTTYPE:0",
        "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return _calendar(lines)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _verb(partstat: str) -> str:
    return {"ACCEPTED": "承諾", "DECLINED": "辞退", "TENTATIVE": "仮承諾"}.get(partstat, "返信")


def _b64(text: str) -> str:
    return base64.encodebytes(text.encode("utf-8")).decode("ascii").replace("\n", CRLF)


def _subject(text: str) -> str:
    return "=?utf-8?B?" + base64.b64encode(text.encode("utf-8")).decode() + "?="


def outlook(r: Reply) -> bytes:
    """Outlook / Exchange Online: multipart/alternative, the calendar last, base64."""
    boundary = "_000_TYCPR01MB8" + uuid.uuid4().hex[:12].upper() + "_"
    mid = r.mid("TYCPR01MB8411.jpnprd01.prod.outlook.com")
    text = f"{r.comment}\r\n" if r.comment else ""
    return (
        f"Received: from TYCPR01MB8411.jpnprd01.prod.outlook.com by mx.pref.saitama.lg.jp\r\n"
        f"From: {_subject(r.name)} <{r.address}>\r\n"
        f"To: =?utf-8?B?56CU5L+u5ouF5b2T?= <{ORGANISER}>\r\n"
        f"Subject: {_subject(_verb(r.partstat) + ': ' + r.summary)}\r\n"
        f"Thread-Topic: {_subject(r.summary)}\r\n"
        f"Thread-Index: AQHX3F2k1a2b3c4d5e6f7g8h9i0j\r\n"
        f"Date: Thu, 18 Nov 2021 01:12:03 +0000\r\n"
        f"Message-ID: {mid}\r\n"
        f"Accept-Language: ja-JP, en-US\r\n"
        f"Content-Language: ja-JP\r\n"
        f"X-MS-Has-Attach:\r\n"
        f"X-MS-TNEF-Correlator:\r\n"
        f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'
        f"MIME-Version: 1.0\r\n\r\n"
        f"--{boundary}\r\n"
        f'Content-Type: text/plain; charset="utf-8"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(text)}\r\n"
        f"--{boundary}\r\n"
        f'Content-Type: text/html; charset="utf-8"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64('<html><body>' + text + '</body></html>')}\r\n"
        f"--{boundary}\r\n"
        f'Content-Type: text/calendar; charset="utf-8"; method={r.method}\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(outlook_calendar(r))}\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")


def google_calendar(r: Reply) -> str:
    attendee = (
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={r.partstat};CN={r.name or r.address}"
        + (f';X-RESPONSE-COMMENT="{r.comment}"' if r.comment else "")
        + f";X-NUM-GUESTS=0:mailto:{r.address}"
    )
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{r.method}",
        "BEGIN:VEVENT",
        "DTSTART:20211125T053000Z",
        "DTEND:20211125T073000Z",
        f"DTSTAMP:{stamp(r.dtstamp)}",
        f"ORGANIZER;CN=研修担当:mailto:{ORGANISER}",
        f"UID:{r.uid}",
        attendee,
        "CREATED:20211110T000000Z",
        "LAST-MODIFIED:" + stamp(r.dtstamp),
        "LOCATION:埼玉県県民健康センター 2階 大ホール",
        f"SEQUENCE:{r.sequence}",
        "STATUS:CONFIRMED",
        f"SUMMARY:{r.summary}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return _calendar(lines)


def google(r: Reply) -> bytes:
    """Google Calendar: mixed → alternative (plain, html, text/calendar) + invite.ics."""
    outer, inner = "000000000000" + uuid.uuid4().hex[:12], "000000000000" + uuid.uuid4().hex[:12]
    ics = google_calendar(r)
    mid = r.mid("google.com")
    return (
        f"Sender: Google Calendar <calendar-notification@google.com>\r\n"
        f"From: {_subject(r.name)} <{r.address}>\r\n"
        f"Reply-To: {r.address}\r\n"
        f"To: {ORGANISER}\r\n"
        f"Subject: {_subject(_verb(r.partstat) + ': ' + r.summary + ' @ 2021年11月25日(木) 14:30～16:30 (JST)')}\r\n"
        f"Date: Thu, 18 Nov 2021 10:15:00 +0000\r\n"
        f"Message-ID: {mid}\r\n"
        f"MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/mixed; boundary="{outer}"\r\n\r\n'
        f"--{outer}\r\n"
        f'Content-Type: multipart/alternative; boundary="{inner}"\r\n\r\n'
        f"--{inner}\r\n"
        f'Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(r.name + ' has responded')}\r\n"
        f"--{inner}\r\n"
        f'Content-Type: text/html; charset="UTF-8"\r\n'
        f"Content-Transfer-Encoding: quoted-printable\r\n\r\n<span>response</span>\r\n"
        f"--{inner}\r\n"
        f'Content-Type: text/calendar; charset="UTF-8"; method={r.method}\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(ics)}\r\n"
        f"--{inner}--\r\n"
        f"--{outer}\r\n"
        f'Content-Type: application/ics; name="invite.ics"\r\n'
        f'Content-Disposition: attachment; filename="invite.ics"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(ics)}\r\n"
        f"--{outer}--\r\n"
    ).encode()


def thunderbird_calendar(r: Reply) -> str:
    attendee = f"ATTENDEE;PARTSTAT={r.partstat}"
    if r.delegated_to:
        attendee += f';DELEGATED-TO="mailto:{r.delegated_to}"'
    attendee += f';CN="{r.name}":mailto:{r.address}' if r.name else f":mailto:{r.address}"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
        "VERSION:2.0",
        f"METHOD:{r.method}",
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "TZNAME:JST",
        "DTSTART:19700101T000000",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "CREATED:20211110T000000Z",
        f"LAST-MODIFIED:{stamp(r.dtstamp)}",
        f"DTSTAMP:{stamp(r.dtstamp)}",
        f"UID:{r.uid}",
        f"SUMMARY:{r.summary}",
        f"ORGANIZER;CN=研修担当:mailto:{ORGANISER}",
        attendee,
        "DTSTART;TZID=Asia/Tokyo:"
        + ("20211126T100000" if r.method == "COUNTER" else "20211125T143000"),
        "DTEND;TZID=Asia/Tokyo:"
        + ("20211126T120000" if r.method == "COUNTER" else "20211125T163000"),
        f"SEQUENCE:{r.sequence}",
        "X-MOZ-SEND-INVITATIONS:TRUE",
    ]
    if r.comment:
        lines.append(f"COMMENT:{_escape(r.comment)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return _calendar(lines)


def thunderbird(r: Reply) -> bytes:
    """Thunderbird: mixed → alternative (plain + text/calendar 8bit) + invite.ics (base64)."""
    outer, inner = "------------" + uuid.uuid4().hex[:24], "------------" + uuid.uuid4().hex[:24]
    ics = thunderbird_calendar(r)
    mid = r.mid("town.ina.saitama.jp")
    return (
        f"Message-ID: {mid}\r\n"
        f"Date: Thu, 18 Nov 2021 11:00:00 +0900\r\n"
        f"MIME-Version: 1.0\r\n"
        f"User-Agent: Mozilla Thunderbird\r\n"
        f"From: {_subject(r.name)} <{r.address}>\r\n"
        f"To: {ORGANISER}\r\n"
        f"Subject: {_subject(_verb(r.partstat) + ': ' + r.summary)}\r\n"
        f'Content-Type: multipart/mixed; boundary="{outer}"\r\n\r\n'
        f"This is a multi-part message in MIME format.\r\n"
        f"--{outer}\r\n"
        f'Content-Type: multipart/alternative; boundary="{inner}"\r\n\r\n'
        f"--{inner}\r\n"
        f"Content-Type: text/plain; charset=UTF-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n{r.name} が返信しました。\r\n"
        f"--{inner}\r\n"
        f"Content-Type: text/calendar; method={r.method}; charset=UTF-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n{ics}\r\n"
        f"--{inner}--\r\n"
        f"--{outer}\r\n"
        f'Content-Type: application/ics; name="invite.ics"\r\n'
        f'Content-Disposition: attachment; filename="invite.ics"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(ics)}\r\n"
        f"--{outer}--\r\n"
    ).encode()


def apple_calendar(r: Reply) -> str:
    attendee = (
        f'ATTENDEE;CN="{r.name}";CUTYPE=INDIVIDUAL;EMAIL="{r.address}";PARTSTAT={r.partstat}'
        f":MAILTO:{r.address}"
    )
    lines = [
        "BEGIN:VCALENDAR",
        "METHOD:REPLY",
        "VERSION:2.0",
        "PRODID:-//Apple Inc.//macOS 12.0.1//EN",
        "BEGIN:VEVENT",
        attendee,
        "DTEND;TZID=Asia/Tokyo:20211125T163000",
        f"DTSTAMP:{stamp(r.dtstamp)}",
        "DTSTART;TZID=Asia/Tokyo:20211125T143000",
        f"ORGANIZER;CN=研修担当:mailto:{ORGANISER}",
        f"SEQUENCE:{r.sequence}",
        f"SUMMARY:{r.summary}",
        f"UID:{r.uid}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return _calendar(lines)


def apple(r: Reply) -> bytes:
    """Apple Calendar (macOS / iOS Mail): an iCal-….ics attachment, quoted-printable."""
    boundary = "Apple-Mail=_" + str(uuid.uuid4()).upper()
    name = f"iCal-{r.dtstamp:%Y%m%d-%H%M%S}.ics"
    ics = quopri.encodestring(apple_calendar(r).encode("utf-8")).decode("ascii")
    mid = r.mid("icloud.com")
    return (
        f"From: {_subject(r.name)} <{r.address}>\r\n"
        f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n'
        f"Mime-Version: 1.0 (Mac OS X Mail 15.0)\r\n"
        f"Subject: {_subject('招待の返信: ' + r.summary)}\r\n"
        f"Date: Thu, 18 Nov 2021 12:00:00 +0900\r\n"
        f"Message-Id: {mid}\r\n"
        f"To: {ORGANISER}\r\n"
        f"X-Mailer: Apple Mail (2.3693.20.0.1.32)\r\n\r\n"
        f"--{boundary}\r\n"
        f"Content-Transfer-Encoding: 7bit\r\n"
        f"Content-Type: text/plain; charset=us-ascii\r\n\r\n\r\n"
        f"--{boundary}\r\n"
        f"Content-Disposition: attachment; filename={name}\r\n"
        f"Content-Type: text/calendar; charset=utf-8; method=REPLY; name={name}\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\n\r\n{ics}\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")


def plain_mail(subject: str = "研修の資料について", message_id: str = "") -> bytes:
    """An ordinary mail (no calendar): must be left alone."""
    mid = message_id or f"<{uuid.uuid4().hex}@city.okegawa.saitama.jp>"
    return (
        f"From: =?utf-8?B?5Yqg6Jek?= <kato@city.okegawa.saitama.jp>\r\n"
        f"To: {ORGANISER}\r\n"
        f"Subject: {_subject(subject)}\r\n"
        f"Date: Thu, 18 Nov 2021 09:00:00 +0900\r\n"
        f"Message-ID: {mid}\r\n"
        f"MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{_b64('資料はいつ届きますか。')}\r\n"
    ).encode("ascii")


def malformed(uid: str, address: str) -> bytes:
    """A reply whose calendar part is cut off mid-way (a broken client or a truncated copy)."""
    broken = (
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:2021111\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:{address}\r\n"
    )
    return (
        f"From: <{address}>\r\nTo: {ORGANISER}\r\nSubject: Accepted\r\n"
        f"Message-ID: <{uuid.uuid4().hex}@broken.example.jp>\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/calendar; charset=utf-8; method=REPLY\r\n\r\n{broken}"
    ).encode("ascii")


# -- a real IMAP server (dovecot) ---------------------------------------------------------


@dataclass
class Mailbox:
    """One user's INBOX on the test dovecot."""

    user: str
    password: str
    imap_port: int
    imaps_port: int
    maildir: Path
    cert: Path
    uid: int
    gid: int

    def put(self, data: bytes, name: str = "", folder: str = "") -> None:
        """Deliver a message as an MTA would: write to tmp/, then rename into new/. `folder`
        is a Maildir++ folder name as dovecot stores it (modified UTF-7: 研修 → &eBRP7g-)."""
        unique = name or f"{time.time_ns()}.{uuid.uuid4().hex[:8]}.kenshu"
        base = self.maildir / f".{folder}" if folder else self.maildir
        for path in (base, base / "new", base / "cur", base / "tmp"):
            if not path.exists():
                path.mkdir(mode=0o700)
                os.chown(path, self.uid, self.gid)
        tmp = base / "tmp" / unique
        tmp.write_bytes(data)
        os.chown(tmp, self.uid, self.gid)
        tmp.rename(base / "new" / unique)


def imap_server() -> dict[str, str]:
    """Start (once) the dovecot of .ci/start-imap; skip without it, fail in CI."""
    dovecot = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not Path(dovecot).exists() or os.geteuid() != 0:
        message = "dovecot is not available: install Debian's dovecot-imapd and run as root"
        if os.environ.get("KENSHU_REQUIRE_IMAP"):
            pytest.exit(message, returncode=1)
        pytest.skip(message)
    try:
        out = subprocess.run(
            [str(ROOT / ".ci" / "start-imap")], capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.exit(".ci/start-imap did not finish within 60 s", returncode=1)
    if out.returncode != 0:
        pytest.exit(f"could not start dovecot: {out.stderr.strip()}", returncode=1)
    return dict(line.split("=", 1) for line in out.stdout.split() if "=" in line)


def new_mailbox(info: dict[str, str]) -> Mailbox:
    root = Path(info["root"])
    user = f"org{uuid.uuid4().hex[:10]}"
    password = "pass-" + uuid.uuid4().hex[:8]
    (root / "users" / user).write_text(f"{user}:{{PLAIN}}{password}\n", encoding="utf-8")
    uid, gid = int(info["mail_uid"]), int(info["mail_gid"])
    home = root / "home" / user
    maildir = home / "Maildir"
    for path in (home, maildir, maildir / "new", maildir / "cur", maildir / "tmp"):
        path.mkdir(mode=0o700, exist_ok=True)
        os.chown(path, uid, gid)
    return Mailbox(
        user,
        password,
        int(info["imap_port"]),
        int(info["imaps_port"]),
        maildir,
        Path(info["cert"]),
        uid,
        gid,
    )


def imap_config(box: Mailbox, security: str = "starttls", **changes: object) -> ImapConfig:
    context = ssl.create_default_context(cafile=str(box.cert))
    port = box.imap_port if security == "starttls" else box.imaps_port
    settings = ImapSettings(
        host="127.0.0.1", port=port, security=ImapSecurity(security), user=box.user, timeout=10
    )
    for name, value in changes.items():
        settings = settings.__class__(**{**settings.__dict__, name: value})
    return ImapConfig(settings, box.password, context)
