"""Reading the organiser's mailbox over IMAP, without changing it.

The folder is opened with EXAMINE (read-only: the server itself refuses to set \\Seen or any
flag, to expunge or to move), and bodies are fetched with BODY.PEEK. Cheap first: one FETCH
of each message's BODYSTRUCTURE and Message-ID header tells which messages carry a calendar
part at all and which were read before; only those bodies are fetched, in batches.

Every failure becomes an `ImapError` worded for the user: wrong password, a server without
TLS, a certificate not trusted, a timeout, a connection dropped in the middle.
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType

from kenshu_desk.errors import UserError
from kenshu_desk.mail.imap_settings import ImapSecurity, ImapSettings

BATCH = 200  # messages per FETCH of headers; bodies go 20 at a time
BODY_BATCH = 20
CALENDAR_MARKERS = (b'"text" "calendar"', b'"application" "ics"', b'.ics"')
_UID = re.compile(rb"UID (\d+)")
_MESSAGE_ID = re.compile(rb"^Message-ID:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


class ImapError(UserError):
    """The mailbox could not be read; the message says why, in the user's words."""


@dataclass
class ImapConfig:
    settings: ImapSettings
    password: str = field(default="", repr=False)
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Candidate:
    uid: int
    message_id: str  # the header, or a stand-in built from the folder and UID
    has_calendar: bool


def _where(settings: ImapSettings) -> str:
    return f"{settings.host}:{settings.effective_port}"


class ImapReader:
    """One read-only connection to one folder: `with ImapReader(config) as reader: …`."""

    def __init__(self, config: ImapConfig) -> None:
        self.config = config
        self.settings = config.settings
        self._imap: imaplib.IMAP4 | None = None
        self.uidvalidity = ""

    # -- connecting ---------------------------------------------------------------------

    def __enter__(self) -> ImapReader:
        self.open()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _context(self) -> ssl.SSLContext:
        return self.config.ssl_context or ssl.create_default_context()

    def open(self) -> None:
        s = self.settings
        if not s.host.strip():
            raise ImapError.of("replies.imap_no_host")
        if not s.user.strip():
            raise ImapError.of("replies.imap_no_user")
        try:
            self._connect()
            assert self._imap is not None
            try:
                self._imap.login(s.user, self.config.password)
            except imaplib.IMAP4.error as exc:
                if isinstance(exc, imaplib.IMAP4.abort):
                    raise
                raise ImapError.of("replies.imap_login", user=s.user, where=_where(s)) from None
            status, _data = self._imap.select(_quoted(s.folder), readonly=True)
            if status != "OK":
                raise ImapError.of("replies.imap_folder", folder=s.folder, where=_where(s))
            validity = self._imap.response("UIDVALIDITY")[1]
            self.uidvalidity = (validity[0] or b"").decode() if validity and validity[0] else ""
        except ImapError:
            self.close()
            raise
        except BaseException as exc:
            self.close()
            raise self._translate(exc) from exc

    def _connect(self) -> None:
        s = self.settings
        if s.security is ImapSecurity.SSL:
            self._imap = imaplib.IMAP4_SSL(
                s.host, s.effective_port, ssl_context=self._context(), timeout=s.timeout
            )
            return
        self._imap = imaplib.IMAP4(s.host, s.effective_port, timeout=s.timeout)
        if "STARTTLS" not in self._imap.capabilities:
            raise ImapError.of("replies.imap_no_tls", where=_where(s))
        self._imap.starttls(ssl_context=self._context())

    def close(self) -> None:
        imap, self._imap = self._imap, None
        if imap is None:
            return
        try:
            if imap.state == "SELECTED":
                imap.close()  # after EXAMINE, CLOSE expunges nothing (read-only)
            imap.logout()
        except (imaplib.IMAP4.error, OSError, ssl.SSLError):
            with contextlib.suppress(OSError):
                imap.shutdown()

    def _translate(self, exc: BaseException) -> BaseException:
        where = _where(self.settings)
        if isinstance(exc, ImapError):
            return exc
        if isinstance(exc, ssl.SSLCertVerificationError):
            return ImapError.of("replies.imap_certificate", where=where, reason=exc.verify_message)
        if isinstance(exc, ssl.SSLError):
            return ImapError.of("replies.imap_tls_failed", where=where)
        if isinstance(exc, TimeoutError | socket.timeout):
            return ImapError.of("replies.imap_timeout", where=where, seconds=self.settings.timeout)
        if isinstance(exc, socket.gaierror):
            return ImapError.of("replies.imap_host_unknown", host=self.settings.host)
        if isinstance(exc, ConnectionRefusedError):
            return ImapError.of("replies.imap_refused", where=where)
        if isinstance(exc, imaplib.IMAP4.abort | ConnectionError | EOFError):
            return ImapError.of("replies.imap_dropped", where=where)
        if isinstance(exc, OSError):
            return ImapError.of("replies.imap_network", where=where, reason=exc.strerror or exc)
        if isinstance(exc, imaplib.IMAP4.error):
            return ImapError.of("replies.imap_protocol", where=where, reason=exc)
        return exc

    # -- reading -------------------------------------------------------------------------

    def _uid(self, *args: str) -> list[object]:
        assert self._imap is not None
        try:
            status, data = self._imap.uid(*args)
        except BaseException as exc:
            raise self._translate(exc) from exc
        if status != "OK":
            raise ImapError.of("replies.imap_protocol", where=_where(self.settings), reason=data)
        return list(data)

    def candidates(self) -> list[Candidate]:
        """Every message in the folder: its UID, Message-ID and whether a calendar part is in
        its structure (nothing of the bodies is fetched)."""
        found = self._uid("SEARCH", "ALL")
        first = found[0] if found else b""
        uids = [int(u) for u in first.split()] if isinstance(first, bytes) else []
        result: list[Candidate] = []
        for start in range(0, len(uids), BATCH):
            chunk = uids[start : start + BATCH]
            data = self._uid(
                "FETCH",
                _uid_set(chunk),
                "(UID BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])",
            )
            for raw in _per_message(data):
                match = _UID.search(raw)
                if match is None:
                    continue
                uid = int(match.group(1))
                header = _MESSAGE_ID.search(raw)
                message_id = header.group(1).decode("ascii", "replace") if header else ""
                lowered = raw.lower()
                result.append(
                    Candidate(
                        uid,
                        message_id or f"<imap-{self.uidvalidity}-{uid}@{self.settings.folder}>",
                        any(marker in lowered for marker in CALENDAR_MARKERS),
                    )
                )
        return result

    def bodies(self, uids: list[int]) -> Iterator[tuple[int, bytes]]:
        """(uid, the whole message) for each UID, fetched BODY_BATCH at a time (PEEK)."""
        for start in range(0, len(uids), BODY_BATCH):
            chunk = uids[start : start + BODY_BATCH]
            data = self._uid("FETCH", _uid_set(chunk), "(UID BODY.PEEK[])")
            for item in data:
                if isinstance(item, tuple) and len(item) == 2:
                    match = _UID.search(item[0])
                    if match is not None:
                        yield int(match.group(1)), bytes(item[1])


def mutf7(name: str) -> str:
    """A folder name in IMAP's modified UTF-7 (RFC 3501 5.1.3): 台北 → &U,BTFw-."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(raw).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def _quoted(folder: str) -> str:
    """A folder name as an IMAP quoted string (imaplib sends it as given)."""
    escaped = mutf7(folder).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _uid_set(uids: list[int]) -> str:
    return ",".join(str(u) for u in uids)


def _per_message(data: list[object]) -> Iterator[bytes]:
    """imaplib's FETCH answer (tuples for literals, bytes between) joined per message."""
    current: list[bytes] = []
    for item in data:
        if isinstance(item, tuple):
            head = bytes(item[0])
            if re.match(rb"^\d+ \(", head) and current:
                yield b"".join(current)
                current = []
            current.extend(bytes(part) for part in item)
        elif isinstance(item, bytes):
            if re.match(rb"^\d+ \(", item) and current:
                yield b"".join(current)
                current = []
            current.append(item)
    if current:
        yield b"".join(current)
