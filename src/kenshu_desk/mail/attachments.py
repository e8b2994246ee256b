"""Files attached to a message (the 次第 PDF, the event's materials) and the size check.

A message grows by about a third when its files are base64-encoded; the size limit in the
mail settings (default 10 MB, a common office limit) is compared with the encoded message,
since that is what the receiving server measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from kenshu_desk.mail.compose import SMTP_POLICY, message_bytes

DEFAULT_LIMIT_MB = 10.0


@dataclass(frozen=True)
class Attachment:
    file_name: str
    media_type: str
    data: bytes


def encoded_size(size: int) -> int:
    """Bytes a file takes in a message once base64-encoded in 76-character lines."""
    chars = (size + 2) // 3 * 4
    return chars + (chars // 76 + 1) * 2


def attach(message: EmailMessage, attachments: Sequence[Attachment]) -> EmailMessage:
    """Add files to a composed message (multipart/mixed), names RFC 2231-encoded."""
    if not attachments:
        return message
    if message.get_content_type() != "multipart/mixed":
        message.make_mixed()
    for item in attachments:
        maintype, _, subtype = item.media_type.partition("/")
        message.add_attachment(
            item.data, maintype=maintype, subtype=subtype, filename=item.file_name, cte="base64"
        )
    for part in message.walk():
        if part is not message:
            del part["MIME-Version"]
    return message


def attachment_part(item: Attachment) -> bytes:
    """One attachment as a MIME part (headers and base64 body), CRLF line ends."""
    part = EmailMessage(policy=SMTP_POLICY)
    maintype, _, subtype = item.media_type.partition("/")
    part.set_content(
        item.data, maintype=maintype, subtype=subtype, filename=item.file_name, cte="base64"
    )
    del part["MIME-Version"]
    return message_bytes(part)


def attach_to_payload(payload: bytes, attachments: Sequence[Attachment]) -> bytes:
    """The same message with files added before the closing boundary of its multipart/mixed
    (an invitation composed by the fast frame). The bytes already there are kept exactly:
    re-generating the message would re-quote the text/calendar Content-Type that some
    calendar clients compare literally (compose.py)."""
    return splice_parts(payload, [attachment_part(a) for a in attachments])


def splice_parts(payload: bytes, parts: Sequence[bytes]) -> bytes:
    """attach_to_payload() with the parts encoded already (once for a whole send run: a
    3 MB file takes ~60 ms to encode, a minute for a thousand recipients)."""
    if not parts:
        return payload
    from email import message_from_bytes

    head = message_from_bytes(payload.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n")
    boundary = head.get_boundary()
    if head.get_content_type() != "multipart/mixed" or not boundary:
        raise ValueError("attachments go into a multipart/mixed message")
    delimiter = b"\r\n--" + boundary.encode("ascii")
    at = payload.rindex(delimiter + b"--")
    added = b"".join(delimiter + b"\r\n" + part.rstrip(b"\r\n") for part in parts)
    return payload[:at] + added + payload[at:]


def limit_bytes(limit_mb: float) -> int:
    return int(limit_mb * 1024 * 1024)
