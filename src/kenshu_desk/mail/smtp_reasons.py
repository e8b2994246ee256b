"""What a mail server's refusal means, in Japanese, for the person who reads the outbox.

A server answers with a code (RFC 5321: 550, 451 …) and often an enhanced status code
(RFC 3463: 5.1.1, 4.2.2 …) followed by free English text. The organiser needs the meaning
("宛先のメールアドレスがありません"); the administrator the exact reply. So every reason is
the meaning first, then the server's reply in parentheses, unchanged.
"""

from __future__ import annotations

import re
import socket
import ssl

_ENHANCED = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")

# (subject, detail) of an enhanced status code → meaning; (subject, None) for the subject.
_BY_ENHANCED: dict[tuple[int, int | None], str] = {
    (1, 1): "宛先のメールアドレスがありません（アドレスの誤りか、使われなくなったアドレスです）",
    (1, 2): "宛先のドメインが見つかりません（@ より後ろの誤りか、使われなくなったドメインです）",
    (1, 3): "宛先のメールアドレスの書き方が受け付けられませんでした",
    (1, 6): "宛先のメールアドレスは使われなくなりました（移転先があるかもしれません）",
    (1, 7): "差出人のアドレスが受け付けられませんでした",
    (1, 8): "差出人のアドレスのドメインが受け付けられませんでした",
    # RFC 7505 (null MX); Exchange Online uses it for an unknown recipient as well.
    (
        1,
        10,
    ): "宛先のメールアドレスが見つかりません（アドレスの誤りか、メールを受け付けないドメインです）",
    (1, None): "宛先または差出人のアドレスに問題があります",
    (2, 1): "宛先のメールボックスが受信を停止しています",
    (2, 2): "宛先のメールボックスが一杯です",
    (2, 3): "メールが大きすぎて宛先で受け取れません（添付ファイルを小さくしてください）",
    (2, None): "宛先のメールボックスに問題があります",
    (3, 4): "メールが大きすぎてサーバーが受け付けません（添付ファイルを小さくしてください）",
    (3, None): "受信側のメールシステムに問題があります",
    (4, None): "宛先までの経路（ネットワーク）に問題があります",
    (5, None): "サーバーとのやり取りに問題がありました",
    (6, None): "メールの形式がサーバーに受け付けられませんでした",
    (7, 1): "送信が許可されていません（迷惑メール対策や中継制限で拒否されました）",
    (7, 0): "セキュリティ上の理由で拒否されました",
    (7, None): "セキュリティ上の理由で拒否されました（認証・暗号化・迷惑メール対策）",
}

_BY_CODE: dict[int, str] = {
    421: "サーバーが接続を終了しました（混雑しているなど）",
    450: "宛先のメールボックスが一時的に使えません",
    451: "サーバー側の一時的な問題で受け付けられませんでした",
    452: "サーバーの容量が一時的に足りません",
    530: "ログインまたは暗号化が必要です（メール設定を確認してください）",
    535: "ユーザー名またはパスワードが違います",
    550: "宛先が受け付けられませんでした（アドレスの誤りか、受信を拒否されています）",
    551: "宛先のユーザーはこのサーバーにいません",
    552: "宛先の容量を超えているか、メールが大きすぎます",
    553: "メールアドレスの書き方が受け付けられませんでした",
    554: "サーバーに拒否されました（迷惑メールと判断された可能性があります）",
}


def reason_for_reply(code: int, text: str, stage: str = "") -> str:
    """The meaning of a server's refusal `code text` (to `stage`, e.g. RCPT TO), then the
    reply itself."""
    meaning = ""
    match = _ENHANCED.search(text)
    if match and int(match.group(1)) == code // 100:
        subject, detail = int(match.group(2)), int(match.group(3))
        meaning = _BY_ENHANCED.get((subject, detail)) or _BY_ENHANCED.get((subject, None), "")
    if not meaning:
        meaning = _BY_CODE.get(code, "")
    if not meaning:
        meaning = (
            "サーバーが一時的に受け付けませんでした"
            if 400 <= code < 500
            else "サーバーに拒否されました"
        )
    if 400 <= code < 500:
        meaning += "。時間をおいて送り直します"
    reply = f"{code} {text}".strip()
    said = f"{stage} への" if stage else ""
    return f"{meaning}（{said}サーバーの応答: {reply}）"


def reason_for_error(exc: BaseException, timeout: float | None = None) -> str:
    """The meaning of a connection that failed: refused, not found, silent, cut off."""
    raw = str(exc) or type(exc).__name__
    if isinstance(exc, socket.gaierror):
        meaning = (
            "サーバー名が見つかりません（サーバーの名前か、ネットワークの接続を確認してください）"
        )
    elif isinstance(exc, ConnectionRefusedError):
        meaning = "接続を拒否されました（サーバーが動いていないか、ポート番号が違います）"
    elif isinstance(exc, TimeoutError) or "timed out" in raw:
        waited = f"（{timeout:.0f} 秒待ちました）" if timeout else ""
        meaning = f"サーバーから応答がありません{waited}"
    elif isinstance(exc, ssl.SSLError):
        meaning = "暗号化した接続ができませんでした（セキュリティの設定を確認してください）"
    elif isinstance(exc, (ConnectionResetError, BrokenPipeError)) or "closed" in raw.lower():
        meaning = "サーバーが接続を切りました"
    elif isinstance(exc, OSError) and getattr(exc, "strerror", None):
        meaning = f"接続できませんでした（{exc.strerror}）"
    else:
        meaning = "接続できませんでした"
    return f"{meaning}（{raw}）"
