"""Message templates for invitations, updates and cancellations, with {氏名}-style fields.

A template is plain text with placeholders in braces. `{{` and `}}` write a literal brace.
An unknown placeholder is an error that names it (a typo such as {氏明} must not go out to
sixty municipalities). A line whose placeholders all come out empty is left out, so
"参加URL：{参加URL}" disappears for an event held only at a venue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg


class MessageKind(StrEnum):
    INVITATION = "invitation"
    UPDATE = "update"
    CANCELLATION = "cancellation"
    WITHDRAWAL = "withdrawal"  # a CANCEL to one attendee whose registration ended

    @property
    def label(self) -> str:
        return kind_label(self)


# Kinds sent as METHOD:CANCEL (the calendar entry is removed).
CANCEL_KINDS = (MessageKind.CANCELLATION, MessageKind.WITHDRAWAL)

# The stored kinds (MessageKind, "recording", "reminder") as words, in the running language.
KIND_MESSAGES: dict[str, Message] = {
    "invitation": msg("mail.kind_invitation"),
    "update": msg("mail.kind_update"),
    "cancellation": msg("mail.kind_cancellation"),
    "withdrawal": msg("mail.kind_withdrawal"),
    "recording": msg("mail.kind_recording"),
    "reminder": msg("mail.kind_reminder"),
}


def kind_message(kind: str) -> Message | str:
    """A stored kind value as a catalogue message (worded where shown); unknown kinds as they
    are."""
    return KIND_MESSAGES.get(str(kind), str(kind))


def kind_label(kind: str) -> str:
    """The Japanese word of a stored kind value (the window shows it through shown());
    unknown kinds as they are."""
    word = kind_message(kind)
    return word.text("ja") if isinstance(word, Message) else word


# The fields the issue names, then two more that a signature needs.
PLACEHOLDERS = (
    "氏名",
    "所属",
    "行事名",
    "日時",
    "会場",
    "参加URL",
    "プログラム",
    "差出人",
    "問い合わせ先",
)


class TemplateError(UserError):
    """A template that cannot be filled in; the message names the problem."""


@dataclass(frozen=True)
class MailTemplate:
    subject: str
    body: str


_INVITATION_BODY = """\
{所属}
{氏名} 様

いつもお世話になっております。{差出人}です。
下記のとおり「{行事名}」を開催いたします。
このメールはカレンダーの招待を兼ねています。お使いのカレンダーに登録してご利用ください。

■日時　{日時}
■会場　{会場}
■参加URL　{参加URL}

■プログラム
{プログラム}

ご不明な点は下記までお問い合わせください。
{問い合わせ先}
"""

_UPDATE_BODY = """\
{所属}
{氏名} 様

いつもお世話になっております。{差出人}です。
「{行事名}」の日時または会場を変更しました。変更後の内容は次のとおりです。
お使いのカレンダーの予定も、このメールで更新されます。

■日時　{日時}
■会場　{会場}
■参加URL　{参加URL}

■プログラム
{プログラム}

ご不明な点は下記までお問い合わせください。
{問い合わせ先}
"""

_CANCELLATION_BODY = """\
{所属}
{氏名} 様

いつもお世話になっております。{差出人}です。
{日時}に予定しておりました「{行事名}」は、中止することとなりました。
ご予定いただいていたところ申し訳ございません。
お使いのカレンダーの予定は、このメールで取り消されます。

ご不明な点は下記までお問い合わせください。
{問い合わせ先}
"""

_WITHDRAWAL_BODY = """\
{所属}
{氏名} 様

いつもお世話になっております。{差出人}です。
{日時}の「{行事名}」へのお申し込みは、取り消されました。
お使いのカレンダーの予定は、このメールで取り消されます。
お心当たりのない場合は、お手数ですが下記までご連絡ください。

{問い合わせ先}
"""

DEFAULT_TEMPLATES: dict[MessageKind, MailTemplate] = {
    MessageKind.INVITATION: MailTemplate("【ご案内】{行事名}（{日時}）", _INVITATION_BODY),
    MessageKind.UPDATE: MailTemplate("【変更】{行事名}（{日時}）", _UPDATE_BODY),
    MessageKind.CANCELLATION: MailTemplate("【中止】{行事名}（{日時}）", _CANCELLATION_BODY),
    MessageKind.WITHDRAWAL: MailTemplate("【参加取り消し】{行事名}（{日時}）", _WITHDRAWAL_BODY),
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names used in text, in order (duplicates kept)."""
    return [m.group(1) for m in _TOKEN.finditer(text) if m.group(1) is not None]


def check_template(text: str, known: Sequence[str] = PLACEHOLDERS) -> None:
    """Raise TemplateError naming every unknown placeholder or stray brace.

    `known` lets other mails (the recording link) use their own set of fields.
    """
    unknown: list[str] = []
    stray = False
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            stray = True
        elif name not in known and f"{{{name}}}" not in unknown:
            unknown.append(f"{{{name}}}")
    if unknown:
        names = " ".join(f"{{{p}}}" for p in known)
        raise TemplateError.of(
            "mail.template_unknown_fields",
            unknown=str(msg("mail.list_separator")).join(unknown),
            known=names,
        )
    if stray:
        raise TemplateError.of("mail.template_stray_brace")


def _render_line(line: str, values: Mapping[str, str]) -> tuple[str, bool]:
    """(text, keep): a line is dropped when it has placeholders and all came out empty."""
    used = 0
    filled = 0

    def substitute(match: re.Match[str]) -> str:
        nonlocal used, filled
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        value = values.get(match.group(1), "")
        used += 1
        filled += bool(value.strip())
        return value

    text = _TOKEN.sub(substitute, line)
    return text, not (used and not filled)


def render(
    text: str,
    values: Mapping[str, str],
    *,
    single_line: bool = False,
    known: Sequence[str] = PLACEHOLDERS,
) -> str:
    """Fill the placeholders. single_line (a subject) flattens multi-line values to one line."""
    check_template(text, known)
    if single_line:
        values = {k: " ".join(v.split("\n")).replace("\r", "") for k, v in values.items()}
    lines = []
    for line in text.split("\n"):
        rendered, keep = _render_line(line, values)
        if keep:
            lines.append(rendered)
    return "\n".join(lines)


def render_template(
    template: MailTemplate, values: Mapping[str, str], known: Sequence[str] = PLACEHOLDERS
) -> MailTemplate:
    return MailTemplate(
        subject=render(template.subject, values, single_line=True, known=known).strip(),
        body=render(template.body, values, known=known),
    )
