"""Outlook .msg files as Outlook saves a meeting response ([MS-OXMSG] storage, [MS-OXOCAL]
properties), written with extract-msg's own OLE writer: no Outlook needed to make them.

An attendee's answer saved from Outlook (drag the reply out of the Inbox) is an item of class
IPM.Schedule.Meeting.Resp.Pos / .Neg / .Tent with no calendar text: the UID is inside the
PidLidGlobalObjectId ("vCal-Uid" + version + UID for invitations that came from iCalendar),
the SEQUENCE in PidLidAppointmentSequence, the moment answered in PidLidAttendeeCriticalChange.
"""

from __future__ import annotations

import datetime as dt
import struct
import uuid
from pathlib import Path

from extract_msg.ole_writer import OleWriter

PSETID_MEETING = uuid.UUID("6ED8DA90-450B-101B-98DA-00AA003F1305")
PSETID_APPOINTMENT = uuid.UUID("00062002-0000-0000-C000-000000000046")
PT_LONG, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x0040, 0x001F, 0x0102
BYTE_ARRAY_ID = b"\x04\x00\x00\x00\x82\x00\xe0\x00\x74\xc5\xb7\x10\x1a\x82\xe0\x08"
RESPONSE_CLASS = {"ACCEPTED": "Pos", "DECLINED": "Neg", "TENTATIVE": "Tent"}


def _filetime(when: dt.datetime) -> int:
    return int((when - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)).total_seconds() * 10_000_000)


def global_object_id(uid: str) -> bytes:
    """PidLidGlobalObjectId for an invitation that came from iCalendar ([MS-OXOCAL] 2.2.1.27)."""
    data = b"vCal-Uid" + struct.pack("<I", 1) + uid.encode("utf-8") + b"\x00"
    return (
        BYTE_ARRAY_ID
        + b"\x00\x00\x00\x00"
        + b"\x00" * 8
        + b"\x00" * 8
        + struct.pack("<I", len(data))
        + data
    )


def meeting_response(
    path: Path,
    *,
    uid: str,
    address: str,
    name: str,
    partstat: str = "ACCEPTED",
    sequence: int = 0,
    answered: dt.datetime = dt.datetime(2021, 11, 18, 1, 12, 3, tzinfo=dt.UTC),
    comment: str = "",
    message_id: str = "",
) -> Path:
    subject = {"ACCEPTED": "承諾", "DECLINED": "辞退", "TENTATIVE": "仮承諾"}[partstat] + ": 研修"
    strings = {
        0x001A: f"IPM.Schedule.Meeting.Resp.{RESPONSE_CLASS[partstat]}",
        0x0037: subject,
        0x0C1A: name,  # PR_SENDER_NAME
        0x0C1E: "SMTP",
        0x0C1F: address,
        0x5D01: address,  # PR_SENDER_SMTP_ADDRESS
        0x1000: comment,  # the body: what the person typed
        0x1035: message_id or f"<{uuid.uuid4().hex}@TYCPR01MB8411.jpnprd01.prod.outlook.com>",
    }
    # named properties: 0x8000 GlobalObjectId, 0x8001 sequence, 0x8002 AttendeeCriticalChange
    named = [(0x0003, PSETID_MEETING), (0x8201, PSETID_APPOINTMENT), (0x0001, PSETID_MEETING)]
    guids = [PSETID_MEETING, PSETID_APPOINTMENT]

    writer = OleWriter()
    entries = b""
    for prop_id, text in strings.items():
        data = text.encode("utf-16-le")  # the stream without the terminator, the size with it
        writer.addEntry(f"__substg1.0_{prop_id:04X}{PT_UNICODE:04X}", data)
        entries += struct.pack("<IIII", (prop_id << 16) | PT_UNICODE, 6, len(data) + 2, 0)
    goid = global_object_id(uid)
    writer.addEntry(f"__substg1.0_8000{PT_BINARY:04X}", goid)
    entries += struct.pack("<IIII", (0x8000 << 16) | PT_BINARY, 6, len(goid), 0)
    entries += struct.pack("<IIiI", (0x8001 << 16) | PT_LONG, 6, sequence, 0)
    entries += struct.pack("<IIQ", (0x8002 << 16) | PT_SYSTIME, 6, _filetime(answered))
    header = b"\x00" * 8 + struct.pack("<IIII", 0, 0, 0, 0) + b"\x00" * 8
    writer.addEntry("__properties_version1.0", header + entries)

    writer.addEntry("__nameid_version1.0", storage=True)
    writer.addEntry("__nameid_version1.0/__substg1.0_00020102", b"".join(g.bytes_le for g in guids))
    entry_stream = b"".join(
        struct.pack("<IHH", lid, (guids.index(guid) + 3) << 1, index)
        for index, (lid, guid) in enumerate(named)
    )
    writer.addEntry("__nameid_version1.0/__substg1.0_00030102", entry_stream)
    writer.addEntry("__nameid_version1.0/__substg1.0_00040102", b"")
    writer.write(str(path))
    return path
