"""The recording-link mail: its placeholders, the Japanese default, and the user's own copy.

The user's edited template is kept in the mail settings file next to the invitation
templates (key "recording_template"), so it is the same on the next run and for the CLI.
"""

from __future__ import annotations

from pathlib import Path

from kenshu_desk.mail.settings import _read, _write, settings_path
from kenshu_desk.mail.templates import MailTemplate, check_template

PLACEHOLDERS = ("氏名", "行事名", "動画URL", "パスコード", "公開期限")
DEFAULT_TEMPLATE = MailTemplate(
    "【動画のご案内】{行事名}",
    """\
{氏名} 様

いつもお世話になっております。
先日開催しました「{行事名}」の録画を、下記のとおりご覧いただけます。

■動画URL　{動画URL}
■パスコード　{パスコード}
■公開期限　{公開期限}

URL とパスコードは、ご所属の中での共有にとどめ、外部への転送はお控えください。
""",
)


def load_recording_template(path: Path | None = None) -> MailTemplate:
    entry = _read(path or settings_path()).get("recording_template")
    if isinstance(entry, dict) and {"subject", "body"} <= entry.keys():
        return MailTemplate(str(entry["subject"]), str(entry["body"]))
    return DEFAULT_TEMPLATE


def save_recording_template(template: MailTemplate, path: Path | None = None) -> None:
    check_template(template.subject, PLACEHOLDERS)
    check_template(template.body, PLACEHOLDERS)
    path = path or settings_path()
    data = _read(path)
    data["recording_template"] = {"subject": template.subject, "body": template.body}
    _write(path, data)
