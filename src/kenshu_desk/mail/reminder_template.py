"""The reminder mail: its placeholders, the Japanese default, and the user's own copy.

{添付} is the list of attached files under its heading (■添付資料), or nothing.
Kept in the mail settings file beside the invitation and recording templates (key
"reminder_template"), so the window and the command line send the same text.
"""

from __future__ import annotations

from pathlib import Path

from kenshu_desk.mail.settings import _read, _write, settings_path
from kenshu_desk.mail.templates import MailTemplate, check_template

PLACEHOLDERS = (
    "氏名", "所属", "行事名", "日時", "会場", "参加URL", "添付", "差出人", "問い合わせ先",
)  # fmt: skip
DEFAULT_TEMPLATE = MailTemplate(
    "【リマインド】{日時} {行事名}",
    """\
{所属}
{氏名} 様

いつもお世話になっております。{差出人}です。
お申し込みいただいた「{行事名}」が近づいてまいりましたので、ご案内いたします。

■日時　{日時}
■会場　{会場}
■参加URL　{参加URL}
{添付}

ご欠席の場合は、お手数ですが下記までご連絡ください。
{問い合わせ先}
""",
)


def load_reminder_template(path: Path | None = None) -> MailTemplate:
    entry = _read(path or settings_path()).get("reminder_template")
    if isinstance(entry, dict) and {"subject", "body"} <= entry.keys():
        return MailTemplate(str(entry["subject"]), str(entry["body"]))
    return DEFAULT_TEMPLATE


def save_reminder_template(template: MailTemplate, path: Path | None = None) -> None:
    check_template(template.subject, PLACEHOLDERS)
    check_template(template.body, PLACEHOLDERS)
    path = path or settings_path()
    data = _read(path)
    data["reminder_template"] = {"subject": template.subject, "body": template.body}
    _write(path, data)
