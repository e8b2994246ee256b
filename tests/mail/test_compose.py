"""MIME composition, templates and settings: the parts that need no server."""

from __future__ import annotations

import email
from email import policy
from email.header import decode_header, make_header

import keyring
import keyring.backend
import pytest

from kenshu_desk.mail import settings as mail_settings
from kenshu_desk.mail.compose import (
    MailAddress,
    MessageError,
    as_draft,
    compose_calendar_message,
    message_bytes,
    text_to_html,
)
from kenshu_desk.mail.templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    MailTemplate,
    MessageKind,
    TemplateError,
    check_template,
    render,
    render_template,
)
from kenshu_desk.mail.transport import Security

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課（地域包括ケア担当）", "chiiki@example.jp")
TO = MailAddress("髙橋　美咲", "m.takahashi@example.jp")


def compose(**overrides):  # type: ignore[no-untyped-def]
    fields = {
        "sender": SENDER,
        "recipient": TO,
        "subject": "【ご案内】令和8年度 第2回市町村情報交換会のご案内（オンライン開催）について",
        "text": "本文\n二行目",
        "calendar": ICS,
        "method": "REQUEST",
    }
    fields.update(overrides)
    return compose_calendar_message(**fields)


def decoded(raw_header: str) -> str:
    return str(make_header(decode_header(raw_header)))


def test_japanese_headers_are_encoded_and_decode_back():
    raw = message_bytes(compose())
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?b?" in head
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Subject"] == (
        "【ご案内】令和8年度 第2回市町村情報交換会のご案内（オンライン開催）について"
    )
    # RFC 2047 decoding (whitespace between encoded-words ignored). CPython's address
    # parser keeps a space there, so the raw header is decoded here instead.
    legacy = email.message_from_bytes(raw)
    assert decoded(legacy["From"]) == f"{SENDER.name} <{SENDER.address}>"
    assert decoded(legacy["To"]) == "髙橋　美咲 <m.takahashi@example.jp>"  # 髙 kept, not NFKC'd
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith("@example.jp>")
    assert msg["Date"]


def test_calendar_part_is_last_alternative_and_attachment_has_same_bytes():
    raw = message_bytes(compose(method="CANCEL"))
    assert b"\r\nContent-Type: text/calendar; charset=UTF-8; method=CANCEL\r\n" in raw
    assert b'\r\nContent-Type: application/ics; name="invite.ics"\r\n' in raw
    msg = email.message_from_bytes(raw, policy=policy.default)
    alternative, attachment = msg.get_payload()
    parts = alternative.get_payload()
    assert parts[-1].get_content_type() == "text/calendar"
    assert parts[-1].get_param("method") == "CANCEL"
    assert parts[-1].get_payload(decode=True) == ICS == attachment.get_payload(decode=True)
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_content_disposition() == "attachment"
    assert [p["MIME-Version"] for p in msg.walk()][1:] == [None] * 5


@pytest.mark.parametrize(
    "bad",
    [
        {"subject": "件名\r\nBcc: everyone@example.jp"},
        {"subject": "件名\nX-Evil: 1"},
        {"recipient": None},
    ],
)
def test_cr_lf_in_headers_is_refused(bad):
    if bad.get("recipient", 1) is None:
        with pytest.raises(MessageError, match="改行"):
            MailAddress("山田\r\nBcc: x@example.jp", "a@example.jp")
        return
    with pytest.raises(MessageError, match="改行"):
        compose(**bad)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "no-at-sign",
        "a@b",
        "two@@example.jp",
        "a b@example.jp",
        "山田@example.jp",
        "a@example.jp\n",
    ],
)
def test_bad_addresses_are_named(address):
    with pytest.raises(MessageError):
        MailAddress("", address)


def test_draft_header_and_html():
    assert as_draft(b"From: a\r\n\r\nx").startswith(b"X-Unsent: 1\r\n")
    html = text_to_html("<b>氏名</b>\nhttps://example.jp/a?x=1&y=2")
    assert "&lt;b&gt;" in html and '<a href="https://example.jp/a?x=1&amp;y=2">' in html


def test_templates_fill_drop_empty_lines_and_keep_literal_braces():
    values = {p: "" for p in PLACEHOLDERS} | {"氏名": "髙橋　美咲", "行事名": "研修, 第1回"}
    text = render("{氏名} 様\n参加URL：{参加URL}\n{{括弧}}\n「{行事名}」", values)
    assert text == "髙橋　美咲 様\n{括弧}\n「研修, 第1回」"
    subject = render("{行事名}", {"行事名": "一行目\n二行目"}, single_line=True)
    assert subject == "一行目 二行目"


def test_unknown_placeholders_are_reported_by_name():
    with pytest.raises(TemplateError) as info:
        check_template("{氏明} 様 {会場名} {氏明}")
    message = str(info.value)
    assert "{氏明}、{会場名}" in message and "{氏名}" in message
    with pytest.raises(TemplateError, match=r"\{\{"):
        check_template("閉じない { 括弧")


def test_default_templates_are_valid_and_japanese():
    values = dict.fromkeys(PLACEHOLDERS, "値")
    for kind in MessageKind:
        filled = render_template(DEFAULT_TEMPLATES[kind], values)
        assert "値 様" in filled.body and "\n" not in filled.subject


def test_settings_round_trip_and_templates_file(tmp_path):
    path = tmp_path / "mail.json"
    settings = mail_settings.MailSettings(
        sender_name="県庁", sender_address="a@example.jp", host="smtp.example.jp",
        security=Security.SSL, user="u", alarm_minutes=30,
    )  # fmt: skip
    mail_settings.save_settings(settings, path)
    assert mail_settings.load_settings(path) == settings
    assert settings.effective_port == 465
    templates = dict(DEFAULT_TEMPLATES)
    templates[MessageKind.INVITATION] = MailTemplate("件名 {行事名}", "本文 {氏名}")
    mail_settings.save_templates(templates, path)
    assert mail_settings.load_templates(path)[MessageKind.INVITATION].body == "本文 {氏名}"
    assert mail_settings.load_settings(path) == settings  # templates did not clobber it
    with pytest.raises(TemplateError):
        mail_settings.save_templates({MessageKind.UPDATE: MailTemplate("{x}", "")}, path)


def test_no_keyring_gives_a_clear_message(monkeypatch):
    from keyring.backends import fail

    monkeypatch.delenv(mail_settings.PASSWORD_ENV, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings = mail_settings.MailSettings(host="h", user="u")
        assert not mail_settings.keyring_available()
        with pytest.raises(mail_settings.KeyringUnavailable, match="キーリング"):
            mail_settings.store_password(settings, "secret")
        assert mail_settings.get_password(settings) == ""
        monkeypatch.setenv(mail_settings.PASSWORD_ENV, "from-env")
        assert mail_settings.get_password(settings) == "from-env"
    finally:
        keyring.set_keyring(previous)


def test_password_goes_to_the_keyring_not_the_settings_file(monkeypatch, tmp_path):
    monkeypatch.delenv(mail_settings.PASSWORD_ENV, raising=False)
    previous = keyring.get_keyring()  # chosen before the class below exists

    class MemoryKeyring(keyring.backend.KeyringBackend):
        """A keyring backend in memory: the keyring API as the OS backends implement it."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):  # type: ignore[no-untyped-def]
            return self.store.get((service, username))

        def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
            self.store[(service, username)] = password

        def delete_password(self, service, username):  # type: ignore[no-untyped-def]
            self.store.pop((service, username), None)

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        settings = mail_settings.MailSettings(host="smtp.example.jp", user="kenshu")
        mail_settings.save_settings(settings, tmp_path / "m.json")
        mail_settings.store_password(settings, "p@ss")
        assert mail_settings.get_password(settings) == "p@ss"
        assert "p@ss" not in (tmp_path / "m.json").read_text(encoding="utf-8")
        assert backend.store == {
            (mail_settings.KEYRING_SERVICE, "kenshu@smtp.example.jp:587"): "p@ss"
        }
        mail_settings.store_password(settings, "")
        assert mail_settings.get_password(settings) == ""
    finally:
        keyring.set_keyring(previous)
