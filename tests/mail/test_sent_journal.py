"""The `sent` mark after the server's 250: committed by itself; when that commit fails the run
stops and the 250 is kept in a local journal, recorded at the next start — never lost, never
sent twice. The commit is made to fail for real, by a database trigger."""

from __future__ import annotations

from mailkit import PEOPLE, make_event
from sqlalchemy import select, text

from kenshu_desk.domain.models import OutboxMessage
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.mail.journal import journal_path
from kenshu_desk.services.mail.outbox import RetryPolicy, Status, send_queued

SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")


def _refuse_sent_marks(db, on: bool) -> None:  # type: ignore[no-untyped-def]
    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.begin() as conn:
        if on and sqlite:
            conn.execute(text(
                "CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON outbox_message "
                "WHEN NEW.status = 'sent' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            ))  # fmt: skip
        elif on:
            conn.execute(text(
                "CREATE FUNCTION refuse_sent() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'connection lost'; END $$ LANGUAGE plpgsql"
            ))  # fmt: skip
            conn.execute(text(
                "CREATE TRIGGER refuse_sent BEFORE UPDATE ON outbox_message FOR EACH ROW "
                "WHEN (NEW.status = 'sent') EXECUTE FUNCTION refuse_sent()"
            ))  # fmt: skip
        elif sqlite:
            conn.execute(text("DROP TRIGGER refuse_sent"))
        else:
            conn.execute(text("DROP TRIGGER refuse_sent ON outbox_message"))


def _send(db, server):  # type: ignore[no-untyped-def]
    transport = SmtpTransport(SmtpConfig(server.host, server.port, Security.NONE, timeout=10))
    return send_queued(db, transport, retry=RetryPolicy(2, 0.01))


def test_a_failed_sent_commit_stops_the_run_and_the_journal_records_it(db, smtp_server):
    event_id = make_event(db)
    with db.session() as s:
        queue_messages(s, event_id, SENDER)
    _refuse_sent_marks(db, True)
    report = _send(db, smtp_server)
    assert report.sent == 1 and report.error
    assert "控え" in report.error and "\n" not in report.error
    assert len(smtp_server.handler.arrived) == 1  # stopped at once, not after the next claim
    assert journal_path().exists()
    with db.session() as s:
        statuses = [r.status for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
    assert statuses.count(Status.SENDING) == 1 and statuses.count(Status.QUEUED) == 4

    _refuse_sent_marks(db, False)
    again = _send(db, smtp_server)
    assert again.interrupted == 0  # recorded as sent from the journal, not "unknown"
    assert again.sent == 4 and not again.error
    with db.session() as s:
        assert {r.status for r in s.scalars(select(OutboxMessage))} == {Status.SENT}
    arrived = smtp_server.handler.by_recipient()
    assert sorted(arrived) == sorted(p[3] for p in PEOPLE)
    assert all(len(m) == 1 for m in arrived.values())
    assert not journal_path().exists()


def test_a_send_command_with_nothing_new_to_queue_still_records_the_journal(
    db, db_arg, smtp_server, capsys
):
    """The last message of a run was taken by the server but its `sent` commit failed; another
    run sent the rest. Running the command again queues nothing new, and must still record
    that 250 — not leave the row `sending` (then 送信結果不明, and a second copy on 再送)."""
    from kenshu_desk.cli import main

    event_id = make_event(db)
    argv = [
        "--db", db_arg, "recordings", "send", str(event_id), "--url", "https://example.jp/v/1",
        "--to", "all", "--smtp-host", smtp_server.host, "--smtp-port", str(smtp_server.port),
        "--smtp-security", "none", "--from", "chiiki@example.jp",
    ]  # fmt: skip
    _refuse_sent_marks(db, True)
    assert main(argv) == 1  # stops after the first 250, saying why
    _refuse_sent_marks(db, False)
    with db.session() as s:  # the other run sent the rest
        for row in s.scalars(select(OutboxMessage).where(OutboxMessage.status == Status.QUEUED)):
            row.status = Status.SENT.value
    assert journal_path().exists()
    capsys.readouterr()

    assert main(argv) == 0
    with db.session() as s:
        assert {r.status for r in s.scalars(select(OutboxMessage))} == {Status.SENT}
    assert len(smtp_server.handler.arrived) == 1
    assert not journal_path().exists()
