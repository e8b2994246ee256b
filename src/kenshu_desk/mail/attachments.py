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


def attach_to_payload(payload: bytes, attachments: Sequence[Attachment]) -> bytes:
    """The same message with files added (an invitation composed by the fast frame)."""
    if not attachments:
        return payload
    from email import message_from_bytes

    parsed = message_from_bytes(payload, policy=SMTP_POLICY)
    assert isinstance(parsed, EmailMessage)
    return message_bytes(attach(parsed, attachments))


def limit_bytes(limit_mb: float) -> int:
    return int(limit_mb * 1024 * 1024)
