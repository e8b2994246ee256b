"""Team mode: two organisers press "send" at once on one database — nobody gets two messages."""

from __future__ import annotations

import threading

from mailkit import make_event
from sqlalchemy import select

from kenshu_desk.database import open_database
from kenshu_desk.domain.models import OutboxMessage
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.mail.outbox import RetryPolicy, send_queued

SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")
PEOPLE = [
    (f"参加者　{n:02d}", f"さんかしゃ　{n:02d}", "さいたま市", f"p{n:02d}@example.jp")
    for n in range(40)
]


def test_two_concurrent_senders_claim_each_message_once(db, smtp_server):
    event_id = make_event(db, people=PEOPLE)
    with db.session() as s:
        assert len(queue_messages(s, event_id, SENDER).ids) == 40
    reports = []
    start = threading.Barrier(2)

    def organiser() -> None:
        mine = open_database(db.url)  # another window: its own engine and sessions
        try:
            transport = SmtpTransport(
                SmtpConfig(smtp_server.host, smtp_server.port, Security.NONE, timeout=10)
            )
            start.wait()
            reports.append(
                send_queued(mine, transport, event_id=event_id, retry=RetryPolicy(2, 0.01))
            )
        finally:
            mine.dispose()

    threads = [threading.Thread(target=organiser) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)
    arrived = smtp_server.handler.by_recipient()
    assert sorted(arrived) == sorted(p[3] for p in PEOPLE)
    assert all(len(messages) == 1 for messages in arrived.values())
    assert sum(r.sent for r in reports) == 40
    with db.session() as s:
        assert {r.status for r in s.scalars(select(OutboxMessage))} == {"sent"}
