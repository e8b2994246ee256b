"""The envelope sender (MAIL FROM) of a stored message: the address in its From header."""

from __future__ import annotations

import functools
import re
from email.parser import BytesHeaderParser
from email.utils import parseaddr

_FROM_FIELD = re.compile(rb"^From:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.MULTILINE | re.IGNORECASE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def envelope_sender(payload: bytes) -> str:
    """The From address of a stored message (what it was composed with)."""
    end = _HEADER_END.search(payload)
    found = _FROM_FIELD.search(payload, 0, end.start() if end else len(payload))
    return _address_of_from_field(found.group()) if found else ""


@functools.lru_cache(maxsize=32)
def _address_of_from_field(field: bytes) -> str:
    # Every message of a run has the same From: parsed once, not once per message.
    headers = BytesHeaderParser().parsebytes(field + b"\r\n\r\n")
    return parseaddr(str(headers.get("From", "")))[1]
