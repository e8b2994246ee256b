"""Shared validation rules: one answer to "is this an e-mail address / a meeting URL?".

Every entry point (the event form, the speaker form, the participant import, the sender)
asks these functions, so an address the form accepts is one the sender can send to.

The e-mail rule is the sender's: a plain ASCII addr-spec (RFC 5321 dot-atom local part,
LDH domain labels, at least one dot). Quoted local parts, IDN (non-ASCII) domains and
SMTPUTF8 addresses are refused because the SMTP transport cannot send to them; better to
refuse at the form than to accept and fail at sending (silently wrong is the worst failure).
Pure functions, no I/O.
"""

from __future__ import annotations

import re
from enum import StrEnum

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})+$")
MAX_LOCAL = 64  # RFC 5321 4.5.3.1.1
MAX_ADDRESS = 254  # RFC 5321 path limit minus the angle brackets


class EmailProblem(StrEnum):
    """Why an address is refused; ui/cli/services turn the code into words."""

    EMPTY = "empty"
    LINE_BREAK = "line_break"
    NON_ASCII = "non_ascii"
    FORMAT = "format"


def email_problem(address: str) -> EmailProblem | None:
    """None when ``address`` is an address the sender accepts, else the reason."""
    if "\r" in address or "\n" in address:
        return EmailProblem.LINE_BREAK
    if not address:
        return EmailProblem.EMPTY
    if not address.isascii():
        return EmailProblem.NON_ASCII
    local, at, domain = address.rpartition("@")
    if (
        not at
        or len(address) > MAX_ADDRESS
        or len(local) > MAX_LOCAL
        or not _LOCAL.match(local)
        or not _DOMAIN.match(domain)
        or domain.rpartition(".")[2].isdigit()  # a TLD is never all digits (no IP literals)
    ):
        return EmailProblem.FORMAT
    return None


def is_valid_email(address: str) -> bool:
    return email_problem(address) is None


def is_meeting_url(value: str) -> bool:
    """An online-meeting link: http(s)://host… with no spaces or line breaks."""
    return bool(re.match(r"^https?://[^\s/?#]+\S*$", value, re.IGNORECASE))
