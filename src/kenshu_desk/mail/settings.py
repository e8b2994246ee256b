"""Mail settings without Qt: sender, SMTP server, templates; the password in the OS keyring.

The settings are the "mail" section of the program's settings file (kenshu_desk/settings.py),
so the window and the command line share them. The password never goes there (nor into the database): it lives in the OS
keyring (`keyring`), or comes from KENSHU_DESK_SMTP_PASSWORD, which wins when set (for
automation). Where no keyring exists (a server, a locked-down PC), saving the password
says so clearly instead of failing silently.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kenshu_desk import settings as settings_file
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.templates import DEFAULT_TEMPLATES, MailTemplate, MessageKind, check_template
from kenshu_desk.mail.transport import Security, SmtpConfig
from kenshu_desk.messages import msg

PASSWORD_ENV = "KENSHU_DESK_SMTP_PASSWORD"
KEYRING_SERVICE = "kenshu-desk SMTP"

NO_KEYRING_MESSAGE = msg("mail.no_keyring", variable=PASSWORD_ENV)


class KeyringUnavailable(UserError):
    """No OS keyring backend: the password cannot be stored."""


@dataclass(frozen=True)
class MailSettings:
    sender_name: str = ""
    sender_address: str = ""
    host: str = ""
    port: int = 0  # 0 = the usual port for the security mode
    security: Security = Security.STARTTLS
    user: str = ""
    timeout: float = 20.0  # seconds per SMTP step (transport.DEFAULT_TIMEOUT)
    alarm_minutes: int | None = None  # reminder in invitations; None = none
    size_limit_mb: float = 10.0  # largest message the organiser's mail system takes; 0 = none

    @property
    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.effective_port}"

    @property
    def effective_port(self) -> int:
        return self.port or self.security.default_port

    def sender(self) -> MailAddress:
        return MailAddress(self.sender_name, self.sender_address)

    def smtp_config(self, password: str = "") -> SmtpConfig:
        return SmtpConfig(
            host=self.host,
            port=self.port,
            security=self.security,
            user=self.user,
            password=password,
            timeout=self.timeout,
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["security"] = self.security.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MailSettings:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "security" in values:
            try:
                values["security"] = Security(values["security"])
            except ValueError:
                values["security"] = Security.STARTTLS
        return replace(cls(), **values)


def settings_path() -> Path:
    return settings_file.settings_path()


def _read(path: Path) -> dict[str, Any]:
    return settings_file.read_section("mail", path)


def _write(path: Path, data: dict[str, Any]) -> None:
    settings_file.write_section("mail", data, path)


def load_settings(path: Path | None = None) -> MailSettings:
    return MailSettings.from_dict(_read(path or settings_path()).get("smtp", {}))


def save_settings(settings: MailSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    data = _read(path)
    data["smtp"] = settings.to_dict()
    _write(path, data)


def load_templates(path: Path | None = None) -> dict[MessageKind, MailTemplate]:
    """The user's templates, falling back to the defaults kind by kind."""
    stored = _read(path or settings_path()).get("templates", {})
    result = dict(DEFAULT_TEMPLATES)
    for kind in MessageKind:
        entry = stored.get(kind.value)
        if isinstance(entry, dict) and {"subject", "body"} <= entry.keys():
            result[kind] = MailTemplate(str(entry["subject"]), str(entry["body"]))
    return result


def save_templates(templates: dict[MessageKind, MailTemplate], path: Path | None = None) -> None:
    for template in templates.values():
        check_template(template.subject)
        check_template(template.body)
    path = path or settings_path()
    data = _read(path)
    data["templates"] = {
        kind.value: {"subject": t.subject, "body": t.body} for kind, t in templates.items()
    }
    _write(path, data)


def get_password(settings: MailSettings) -> str:
    """$KENSHU_DESK_SMTP_PASSWORD, else the keyring; "" when none is stored or no keyring."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not settings.user:
        return ""
    import keyring  # here, not at import: keyring finds its backends slowly (start-up)
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, settings.keyring_account) or ""
    except keyring.errors.KeyringError:
        return ""


def keyring_available() -> bool:
    import keyring

    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    return not type(backend).__module__.startswith("keyring.backends.fail") and priority > 0


def store_password(settings: MailSettings, password: str) -> None:
    """Save (or, with "", forget) the password in the OS keyring."""
    import keyring
    import keyring.errors

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, settings.keyring_account, password)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, settings.keyring_account)
    except keyring.errors.NoKeyringError as exc:
        raise KeyringUnavailable(NO_KEYRING_MESSAGE) from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.of("mail.keyring_failed", reason=exc) from exc
