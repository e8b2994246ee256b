"""What a mail server's refusal means, in words, for the person who reads the outbox.

A server answers with a code (RFC 5321: 550, 451 …) and often an enhanced status code
(RFC 3463: 5.1.1, 4.2.2 …) followed by free English text. The organiser needs the meaning
("宛先のメールアドレスがありません"); the administrator the exact reply. So every reason is
the meaning first, then the server's reply in parentheses, unchanged. The meanings are in the
message catalogue (smtp.…), worded in the program's language.
"""

from __future__ import annotations

import re
import socket
import ssl

from kenshu_desk.messages import Message, msg

_ENHANCED = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")

# (subject, detail) of an enhanced status code → meaning; (subject, None) for the subject.
_BY_ENHANCED: dict[tuple[int, int | None], Message] = {
    (1, 1): msg("smtp.recipient_unknown"),
    (1, 2): msg("smtp.recipient_domain_unknown"),
    (1, 3): msg("smtp.recipient_syntax"),
    (1, 6): msg("smtp.recipient_moved"),
    (1, 7): msg("smtp.sender_address_refused"),
    (1, 8): msg("smtp.sender_domain_refused"),
    # RFC 7505 (null MX); Exchange Online uses it for an unknown recipient as well.
    (1, 10): msg("smtp.recipient_not_found"),
    (1, None): msg("smtp.address_problem"),
    (2, 1): msg("smtp.mailbox_disabled"),
    (2, 2): msg("smtp.mailbox_full"),
    (2, 3): msg("smtp.too_big_for_recipient"),
    (2, None): msg("smtp.mailbox_problem"),
    (3, 4): msg("smtp.too_big_for_server"),
    (3, None): msg("smtp.mail_system_problem"),
    (4, None): msg("smtp.network_problem"),
    (5, None): msg("smtp.protocol_problem"),
    (6, None): msg("smtp.content_refused"),
    (7, 1): msg("smtp.delivery_not_authorised"),
    (7, 0): msg("smtp.security_refused"),
    (7, None): msg("smtp.security_policy_refused"),
}

_BY_CODE: dict[int, Message] = {
    421: msg("smtp.closing_connection"),
    450: msg("smtp.mailbox_unavailable"),
    451: msg("smtp.local_error"),
    452: msg("smtp.insufficient_storage"),
    530: msg("smtp.login_required"),
    535: msg("smtp.bad_credentials"),
    550: msg("smtp.recipient_refused"),
    551: msg("smtp.user_not_local"),
    552: msg("smtp.storage_exceeded"),
    553: msg("smtp.mailbox_name_refused"),
    554: msg("smtp.transaction_failed"),
}


def reason_for_reply(code: int, text: str, stage: str | Message = "") -> str:
    """The meaning of a server's refusal `code text` (to `stage`, e.g. RCPT TO), then the
    reply itself, in the program's language (a str: the outbox stores it)."""
    meaning: Message | None = None
    match = _ENHANCED.search(text)
    if match and int(match.group(1)) == code // 100:
        subject, detail = int(match.group(2)), int(match.group(3))
        meaning = _BY_ENHANCED.get((subject, detail)) or _BY_ENHANCED.get((subject, None))
    if meaning is None:
        meaning = _BY_CODE.get(code)
    if meaning is None:
        meaning = msg("smtp.temporarily_refused") if 400 <= code < 500 else msg("smtp.refused")
    if 400 <= code < 500:
        meaning = msg("smtp.retry_later", meaning=meaning)
    reply = f"{code} {text}".strip()
    if stage:
        return str(msg("smtp.reply_to_stage", meaning=meaning, stage=stage, reply=reply))
    return str(msg("smtp.reply", meaning=meaning, reply=reply))


def reason_for_error(exc: BaseException, timeout: float | None = None) -> str:
    """The meaning of a connection that failed: refused, not found, silent, cut off (a str in
    the program's language)."""
    raw = str(exc) or type(exc).__name__
    if isinstance(exc, socket.gaierror):
        meaning = msg("smtp.host_not_found")
    elif isinstance(exc, ConnectionRefusedError):
        meaning = msg("smtp.connection_refused")
    elif isinstance(exc, TimeoutError) or "timed out" in raw:
        meaning = (
            msg("smtp.no_answer_waited", seconds=timeout) if timeout else msg("smtp.no_answer")
        )
    elif isinstance(exc, ssl.SSLError):
        meaning = msg("smtp.tls_handshake_failed")
    elif isinstance(exc, (ConnectionResetError, BrokenPipeError)) or "closed" in raw.lower():
        meaning = msg("smtp.server_disconnected")
    elif isinstance(exc, OSError) and getattr(exc, "strerror", None):
        meaning = msg("smtp.cannot_connect_because", reason=exc.strerror)
    else:
        meaning = msg("smtp.cannot_connect")
    return str(msg("smtp.error_detail", meaning=meaning, raw=raw))
