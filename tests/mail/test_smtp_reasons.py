"""Server refusals and connection failures explained in Japanese, the raw reply kept."""

from __future__ import annotations

import socket

import pytest

from kenshu_desk.mail.smtp_reasons import reason_for_error, reason_for_reply


@pytest.mark.parametrize(
    ("code", "text", "meaning"),
    [
        # Replies as Postfix, Exchange Online and Gmail write them.
        (
            550,
            "5.1.1 <a@example.jp>: Recipient address rejected: User unknown in local recipient table",
            "宛先のメールアドレスがありません",
        ),
        (
            550,
            "5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
            "宛先のメールアドレスが見つかりません",
        ),
        (552, "5.2.2 The email account that you tried to reach is over quota.", "一杯"),
        (552, "5.3.4 Message size exceeds fixed maximum message size", "大きすぎ"),
        (
            554,
            "5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org",
            "送信が許可されていません",
        ),
        (451, "4.7.1 Greylisted, please try again later", "時間をおいて送り直します"),
        (421, "4.7.0 Try again later, closing connection.", "時間をおいて送り直します"),
        (550, "Requested action not taken: mailbox unavailable", "宛先が受け付けられませんでした"),
        (599, "something new", "サーバーに拒否されました"),
    ],
)
def test_replies_are_explained_and_kept(code, text, meaning):
    reason = reason_for_reply(code, text, "RCPT TO")
    assert meaning in reason
    assert reason.endswith(f"（RCPT TO へのサーバーの応答: {code} {text}）")


def test_an_enhanced_code_of_another_class_is_not_trusted():
    # "5.1.1" inside a 4xx reply is not its status: fall back to the basic code.
    assert reason_for_reply(450, "mailbox 5.1.1 busy").startswith("宛先のメールボックスが一時的")


def test_connection_failures_are_explained():
    assert "サーバー名が見つかりません" in reason_for_error(
        socket.gaierror(-2, "Name or service not known")
    )
    refused = reason_for_error(ConnectionRefusedError(111, "Connection refused"))
    assert "接続を拒否されました" in refused and "Connection refused" in refused
    assert "応答がありません（20 秒待ちました）" in reason_for_error(TimeoutError("timed out"), 20)
    assert "接続を切りました" in reason_for_error(ConnectionResetError(104, "reset by peer"))
