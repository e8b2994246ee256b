"""SMTP transport: one connection for many messages, with failures sorted into kinds.

A message goes out as MAIL FROM / RCPT TO / DATA on an open connection, so a refusal of
one recipient (550) leaves the connection usable for the next. Failures become
`DeliveryError` with `temporary` (4xx, a dropped connection: worth retrying later) or not
(5xx: retrying will not help), and `connection_lost` when the connection must be reopened.
A failure after the whole message went to the server (the end-of-data dot sent) with no
reply — a timeout or a dropped connection — is `uncertain`: the server may have kept it.

Every SMTP step (connecting and the greeting, each command and its whole reply, the message
and the reply to it) has a total deadline of `timeout` seconds, not only a limit per read:
a server that trickles a continuation line now and then cannot keep a step going.

Security: STARTTLS by default (the certificate is verified), SSL/TLS on connect, or none —
only when chosen explicitly, e.g. for a relay on the office network.
"""

from __future__ import annotations

import base64
import contextlib
import io
import re
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass, field
from enum import StrEnum
from types import TracebackType

from kenshu_desk.errors import UserError
from kenshu_desk.mail.smtp_reasons import reason_for_error, reason_for_reply
from kenshu_desk.messages import Message, msg


class Security(StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"

    @property
    def default_port(self) -> int:
        return {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}[self]

    @property
    def label(self) -> str:
        """The settings dialog's label (Japanese: the dialog translates it with Qt)."""
        return {
            Security.STARTTLS: "STARTTLS（推奨）",
            Security.SSL: "SSL/TLS",
            Security.NONE: "暗号化なし",
        }[self]

    @property
    def worded(self) -> Message:
        """The label as messages name it, in the program's language."""
        return {
            Security.STARTTLS: msg("smtp.security_starttls"),
            Security.SSL: msg("smtp.security_ssl"),
            Security.NONE: msg("smtp.security_none"),
        }[self]


@dataclass
class SmtpConfig:
    host: str
    port: int = 0  # 0: the usual port for the security mode
    security: Security = Security.STARTTLS
    user: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 20.0  # seconds a whole SMTP step may take (DEFAULT_TIMEOUT)
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False)

    @property
    def effective_port(self) -> int:
        return self.port or self.security.default_port

    def describe(self) -> Message:
        return msg(
            "smtp.server", host=self.host, port=self.effective_port, security=self.security.worded
        )


DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 600.0


def check_timeout(seconds: float) -> float:
    if not 1 <= seconds <= MAX_TIMEOUT:
        raise SmtpConfigError.of("smtp.timeout_out_of_range", most=MAX_TIMEOUT, seconds=seconds)
    return seconds


class SmtpConfigError(UserError):
    """The server cannot be used at all with these settings (login refused, no TLS …)."""


class DeliveryError(Exception):
    """One message could not be handed over; `temporary` says whether to retry."""

    def __init__(
        self,
        reply: str,
        *,
        code: int | None,
        temporary: bool,
        connection_lost: bool = False,
        uncertain: bool = False,
    ) -> None:
        super().__init__(reply)
        self.code = code
        self.reply = reply
        self.temporary = temporary
        self.connection_lost = connection_lost
        self.uncertain = uncertain  # the message was handed over; no answer came back
        self.timed_out = False  # the server stopped answering (not worth reconnecting at once)


class _DeadlineReader(io.RawIOBase):
    """The socket's reading side, each read bounded by what is left of the step's time."""

    def __init__(self, owner: _DeadlineSMTP) -> None:
        self._owner = owner
        assert owner.sock is not None  # made only once the connection is open
        self._sock = owner.sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        left = self._owner.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(str(msg("smtp.step_timed_out")))  # "timed out (…)"
        self._sock.settimeout(left)
        return self._sock.recv_into(buffer)


class _DeadlineMixin:
    """smtplib with one total deadline per step (see the module's docstring)."""

    timeout: float
    sock: socket.socket | None
    file: object
    deadline: float = float("inf")

    def start_step(self) -> None:
        self.deadline = time.monotonic() + self.timeout
        sock = getattr(self, "sock", None)
        if sock is not None:
            sock.settimeout(self.timeout)

    def connect(self, host="localhost", port=0, source_address=None):  # type: ignore[no-untyped-def]
        self.start_step()
        return super().connect(host, port, source_address)  # type: ignore[misc]

    def send(self, s):  # type: ignore[no-untyped-def]
        self.start_step()
        return super().send(s)  # type: ignore[misc]

    def getreply(self):  # type: ignore[no-untyped-def]
        if self.file is None and getattr(self, "sock", None) is not None:
            self.file = io.BufferedReader(_DeadlineReader(self))  # type: ignore[arg-type]
        return super().getreply()  # type: ignore[misc]


class _DeadlineSMTP(_DeadlineMixin, smtplib.SMTP):
    pass


class _DeadlineSMTP_SSL(_DeadlineMixin, smtplib.SMTP_SSL):
    pass


_LEADING_DOT = re.compile(rb"(?m)^\.")


def _data(smtp: smtplib.SMTP, payload: bytes) -> tuple[int, bytes]:
    """smtplib.SMTP.data, with a failure after the end-of-data dot made `uncertain`."""
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    body = _LEADING_DOT.sub(b"..", payload)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    smtp.send(body + b".\r\n")
    try:
        return smtp.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        raise _Uncertain(exc) from exc


class _Uncertain(Exception):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _reply_text(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
    return f"{code} {text}".strip()


def _refusal(stage: str | Message, code: int, message: bytes | str) -> DeliveryError:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
    reply = reason_for_reply(code, text.strip(), stage)
    # 421: the server is closing the connection (too busy, too many messages on it).
    return DeliveryError(reply, code=code, temporary=400 <= code < 500, connection_lost=code == 421)


class SmtpTransport:
    """A lazily opened SMTP connection, reopened after it drops. Not thread-safe."""

    def __init__(self, config: SmtpConfig) -> None:
        if not config.host:
            raise SmtpConfigError.of("smtp.no_server")
        self.config = config
        self._smtp: smtplib.SMTP | None = None
        self._opening: smtplib.SMTP | None = None  # a connection waiting for its greeting
        self._aborted = False
        self.connections_opened = 0

    def __enter__(self) -> SmtpTransport:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._smtp is not None

    def _context(self) -> ssl.SSLContext:
        return self.config.ssl_context or ssl.create_default_context()

    def open(self) -> None:
        """Connect, secure and log in. DeliveryError (temporary) if the server is unreachable;
        SmtpConfigError if it is reachable but cannot be used with these settings."""
        if self._smtp is not None:
            return
        cfg = self.config
        smtp: smtplib.SMTP | None = None
        try:
            # Made unconnected, then connected: abort() can end the wait for the greeting.
            if cfg.security == Security.SSL:
                smtp = _DeadlineSMTP_SSL(timeout=cfg.timeout, context=self._context())
            else:
                smtp = _DeadlineSMTP(timeout=cfg.timeout)
            smtp._host = cfg.host  # type: ignore[union-attr]  # the name TLS checks
            self._opening = smtp
            if self._aborted:
                raise smtplib.SMTPServerDisconnected(str(msg("smtp.wait_cancelled")))
            code, message = smtp.connect(cfg.host, cfg.effective_port)
            if code != 220:
                raise smtplib.SMTPConnectError(code, message)
            smtp.ehlo()
            if cfg.security == Security.STARTTLS:
                if not smtp.has_extn("starttls"):
                    raise SmtpConfigError.of("smtp.no_starttls", server=cfg.describe())
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if cfg.user:
                _login(smtp, cfg.user, cfg.password)
        except SmtpConfigError:
            _quietly_close(smtp)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            _quietly_close(smtp)
            raise SmtpConfigError.of(
                "smtp.login_refused",
                user=cfg.user,
                reply=_reply_text(exc.smtp_code, exc.smtp_error),
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            _quietly_close(smtp)
            raise SmtpConfigError.of("smtp.no_auth", server=cfg.describe()) from exc
        except ssl.SSLCertVerificationError as exc:
            _quietly_close(smtp)
            raise SmtpConfigError.of(
                "smtp.certificate_unverified", host=cfg.host, reason=exc.verify_message
            ) from exc
        except ssl.SSLError as exc:
            _quietly_close(smtp)
            raise SmtpConfigError.of("smtp.tls_failed", server=cfg.describe(), reason=exc) from exc
        except smtplib.SMTPResponseException as exc:
            _quietly_close(smtp)
            raise _refusal(msg("smtp.stage_connect"), exc.smtp_code, exc.smtp_error) from exc
        except (OSError, smtplib.SMTPException) as exc:
            _quietly_close(smtp)
            error = DeliveryError(
                str(
                    msg(
                        "smtp.server_unreachable",
                        server=cfg.describe(),
                        reason=reason_for_error(exc, cfg.timeout),
                    )
                ),
                code=None,
                temporary=True,
                connection_lost=True,
            )
            error.timed_out = _timed_out(exc)
            raise error from exc
        finally:
            self._opening = None
        self._smtp = smtp
        self.connections_opened += 1

    def abort(self) -> None:
        """From another thread (Cancel): end a wait for a server that does not answer while
        the connection is being opened. A message being handed over is never cut off (that
        would make its fate unknown); it ends within the step's time limit."""
        self._aborted = True
        smtp = self._opening
        sock = getattr(smtp, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        _quietly_close(smtp)

    def send(self, envelope_from: str, recipient: str, payload: bytes) -> str:
        """Hand one message to the server; returns its reply to DATA (e.g. "250 2.0.0 Ok")."""
        self.open()
        smtp = self._smtp
        assert smtp is not None
        try:
            code, message = smtp.mail(envelope_from)
            if code != 250:
                self._reset()
                if code >= 500:
                    # Not about this recipient: no message would go with these settings.
                    raise SmtpConfigError(_sender_refused(envelope_from, code, message))
                raise _refusal("MAIL FROM", code, message)
            code, message = smtp.rcpt(recipient)
            if code not in (250, 251):
                self._reset()
                raise _refusal("RCPT TO", code, message)
            code, message = _data(smtp, payload)
            if code != 250:
                self._reset()
                raise _refusal("DATA", code, message)
            return _reply_text(code, message)
        except DeliveryError as exc:
            if exc.connection_lost:
                self._drop()
            raise
        except _Uncertain as exc:
            self._drop()
            raise DeliveryError(
                str(msg("smtp.no_reply_after_data", what=_what_happened(exc.cause))),
                code=None, temporary=False, connection_lost=True, uncertain=True,
            ) from exc.cause  # fmt: skip
        except smtplib.SMTPDataError as exc:  # DATA itself refused (no 354)
            self._reset()
            raise _refusal("DATA", exc.smtp_code, exc.smtp_error) from exc
        except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            error = DeliveryError(
                str(msg("smtp.connection_lost", reason=reason_for_error(exc, self.config.timeout))),
                code=None,
                temporary=True,
                connection_lost=True,
            )
            # Before DATA nothing was handed over; a server that stopped answering is not
            # worth asking again at once (see send_queued).
            error.timed_out = _timed_out(exc)
            raise error from exc
        except smtplib.SMTPException as exc:
            self._drop()
            raise DeliveryError(
                str(msg("smtp.error", detail=exc)), code=None, temporary=True, connection_lost=True
            ) from exc

    def _reset(self) -> None:
        """RSET after a refusal so the next message starts clean; drop if even that fails."""
        if self._smtp is None:
            return
        try:
            code, _ = self._smtp.rset()
            if code != 250:
                self._drop()
        except (OSError, smtplib.SMTPException):
            self._drop()


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or "timed out" in str(exc)


def _what_happened(exc: BaseException) -> Message:
    if _timed_out(exc):
        return msg("smtp.timed_out_with", detail=exc)
    return msg("smtp.disconnected_with", detail=exc or type(exc).__name__)


def _sender_refused(envelope_from: str, code: int, message: bytes | str) -> Message:
    reply = _reply_text(code, message)
    if code == 530:
        return msg("smtp.sending_needs_login", reply=reply)
    return msg("smtp.sender_refused", sender=envelope_from, reply=reply)


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib.login, plus AUTH PLAIN in UTF-8 (RFC 4616) for a non-ASCII user or password,
    which smtplib would fail to encode."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    if not smtp.has_extn("auth") or "PLAIN" not in smtp.esmtp_features["auth"].upper().split():
        raise SmtpConfigError.of("smtp.auth_plain_missing")
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()
    code, message = smtp.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, message)


def _quietly_close(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        with contextlib.suppress(OSError):
            smtp.close()


def send_test_message(config: SmtpConfig, envelope_from: str, payload: bytes, to: str) -> str:
    """Open, send one message, close: the settings dialog's "Send test message"."""
    with SmtpTransport(config) as transport:
        return transport.send(envelope_from, to, payload)
