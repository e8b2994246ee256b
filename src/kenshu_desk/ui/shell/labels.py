"""The program's own words stored as data — event kinds, programme item types, attendance
states, outbox statuses, message kinds, delivery methods — shown in the window's language.

The values stay Japanese in the database and the files (they are the record); only what the
window shows goes through `shown()`. Each known word is declared below with a literal
QCoreApplication.translate call so that the translation tools find it; a word typed by a
user (an event kind of their own) is shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Labels"


def shown(value: str) -> str:
    """`value` (a stored Japanese word) in the window's language; unknown words unchanged."""
    if not value:
        return value
    return QCoreApplication.translate(CONTEXT, value)


def _declared() -> list[str]:  # never called: tells the translation tools which words exist
    # Event kinds (EventKind), programme item types (ItemType), attendance (ATTENDANCE_LABELS),
    # outbox statuses (STATUS_LABELS) and 伝達済み, message kinds, delivery methods.
    return [
        QCoreApplication.translate("Labels", "情報交換会"),
        QCoreApplication.translate("Labels", "研修"),
        QCoreApplication.translate("Labels", "部会"),
        QCoreApplication.translate("Labels", "勉強会"),
        QCoreApplication.translate("Labels", "ヒアリング"),
        QCoreApplication.translate("Labels", "研修会"),
        QCoreApplication.translate("Labels", "検討会議への参加"),
        QCoreApplication.translate("Labels", "その他"),
        QCoreApplication.translate("Labels", "挨拶"),
        QCoreApplication.translate("Labels", "講演"),
        QCoreApplication.translate("Labels", "説明"),
        QCoreApplication.translate("Labels", "事例発表"),
        QCoreApplication.translate("Labels", "意見交換"),
        QCoreApplication.translate("Labels", "休憩"),
        QCoreApplication.translate("Labels", "質疑応答"),
        QCoreApplication.translate("Labels", "閉会"),
        QCoreApplication.translate("Labels", "申込"),
        QCoreApplication.translate("Labels", "出席（会場）"),
        QCoreApplication.translate("Labels", "出席（オンライン）"),
        QCoreApplication.translate("Labels", "欠席"),
        QCoreApplication.translate("Labels", "取消"),
        QCoreApplication.translate("Labels", "送信待ち"),
        QCoreApplication.translate("Labels", "送信中"),
        QCoreApplication.translate("Labels", "送信済み"),
        QCoreApplication.translate("Labels", "送信失敗"),
        QCoreApplication.translate("Labels", "送信結果不明"),
        QCoreApplication.translate("Labels", "ファイルに保存"),
        QCoreApplication.translate("Labels", "対象外（送信せず）"),
        QCoreApplication.translate("Labels", "伝達済み"),
        QCoreApplication.translate("Labels", "招待"),
        QCoreApplication.translate("Labels", "変更のお知らせ"),
        QCoreApplication.translate("Labels", "中止のお知らせ"),
        QCoreApplication.translate("Labels", "参加取り消しのお知らせ"),
        QCoreApplication.translate("Labels", "録画のご案内"),
        QCoreApplication.translate("Labels", "リマインド"),
        QCoreApplication.translate("Labels", "メール"),
        QCoreApplication.translate("Labels", "メールファイル"),
        QCoreApplication.translate("Labels", "電話で伝達"),
        QCoreApplication.translate("Labels", "手渡し・口頭"),
    ]
