"""The organiser's mailbox for reading replies (IMAP): server, user, folder; the password in
the OS keyring, as the SMTP password is (or KENSHU_DESK_IMAP_PASSWORD for automation).

Kept in the settings file's "mail" section under "imap", beside "smtp". Only TLS: implicit
TLS (IMAPS, port 993) or STARTTLS (143) — a mailbox is personal data and its password must
never cross the network in the clear.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from kenshu_desk import settings as settings_file
from kenshu_desk.mail.settings import KeyringUnavailable
from kenshu_desk.messages import msg

PASSWORD_ENV = "KENSHU_DESK_IMAP_PASSWORD"
KEYRING_SERVICE = "kenshu-desk IMAP"


class ImapSecurity(StrEnum):
    SSL = "ssl"  # TLS from the first byte (IMAPS)
    STARTTLS = "starttls"

    @property
    def default_port(self) -> int:
        return 993 if self is ImapSecurity.SSL else 143


@dataclass(frozen=True)
class ImapSettings:
    host: str = ""
    port: int = 0  # 0 = the usual port for the security mode
    security: ImapSecurity = ImapSecurity.SSL
    user: str = ""
    folder: str = "INBOX"
    timeout: float = 30.0  # seconds one network step may take

    @property
    def effective_port(self) -> int:
        return self.port or self.security.default_port

    @property
    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.effective_port}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["security"] = self.security.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImapSettings:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        try:
            values["security"] = ImapSecurity(values.get("security", "ssl"))
        except ValueError:
            values["security"] = ImapSecurity.SSL
        return replace(cls(), **values)


def load_imap_settings(path: Path | None = None) -> ImapSettings:
    section = settings_file.read_section("mail", path or settings_file.settings_path())
    return ImapSettings.from_dict(section.get("imap", {}))


def save_imap_settings(imap: ImapSettings, path: Path | None = None) -> None:
    path = path or settings_file.settings_path()
    data = settings_file.read_section("mail", path)
    data["imap"] = imap.to_dict()
    settings_file.write_section("mail", data, path)


def get_imap_password(imap: ImapSettings) -> str:
    """$KENSHU_DESK_IMAP_PASSWORD, else the keyring; "" when none is stored."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not imap.user:
        return ""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, imap.keyring_account) or ""
    except keyring.errors.KeyringError:
        return ""


def store_imap_password(imap: ImapSettings, password: str) -> None:
    """Save (or, with "", forget) the mailbox password in the OS keyring."""
    import keyring
    import keyring.errors

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, imap.keyring_account, password)
        else:  # nothing to forget where no keyring exists
            with contextlib.suppress(
                keyring.errors.PasswordDeleteError, keyring.errors.NoKeyringError
            ):
                keyring.delete_password(KEYRING_SERVICE, imap.keyring_account)
    except keyring.errors.NoKeyringError as exc:
        raise KeyringUnavailable(msg("mail.no_keyring", variable=PASSWORD_ENV)) from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable.of("mail.keyring_failed", reason=exc) from exc
