"""Replies fetched from a real IMAP server (dovecot, started by .ci/start-imap)."""

from __future__ import annotations

import contextlib
import imaplib
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest
from replykit import (
    PEOPLE,
    Invited,
    Mailbox,
    Reply,
    apple,
    google,
    imap_config,
    malformed,
    outlook,
    plain_mail,
    thunderbird,
)

from kenshu_desk.mail.imap import ImapError
from kenshu_desk.services.replies.actions import reply_counts, reply_list
from kenshu_desk.services.replies.fetch import FetchInterrupted, fetch_replies


def _reply(invited: Invited, who: str, **kw: object) -> Reply:
    name, address = PEOPLE[who]
    return Reply(uid=invited.uid, address=address, name=name, **kw)  # type: ignore[arg-type]


def _flags(box: Mailbox) -> dict[bytes, bytes]:
    """Message-ID → FLAGS, read over a separate read-only connection."""
    imap = imaplib.IMAP4("127.0.0.1", box.imap_port)
    imap.starttls(ssl_context=ssl.create_default_context(cafile=str(box.cert)))
    imap.login(box.user, box.password)
    imap.select("INBOX", readonly=True)
    _, data = imap.fetch("1:*", "(FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    imap.logout()
    result = {}
    for item in data:
        if isinstance(item, tuple):
            flags = item[0].split(b"FLAGS (")[1].split(b")")[0]
            result[item[1].strip()] = flags
    return result


def _fill(box: Mailbox, invited: Invited) -> None:
    box.put(outlook(_reply(invited, "kato", comment="10分ほど遅れます。")))
    box.put(google(_reply(invited, "megumi", partstat="DECLINED")))
    box.put(thunderbird(_reply(invited, "suzuki", partstat="TENTATIVE")))
    box.put(apple(_reply(invited, "tanaka")))
    box.put(plain_mail(message_id="<plain-1@city.okegawa.saitama.jp>"))
    box.put(malformed(invited.uid, PEOPLE["yamada"][1]))
    box.put(outlook(Reply(uid=invited.other_uid, address=PEOPLE["kato"][1], name="加藤 恵")))
    box.put(google(Reply(uid=invited.uid, address="someone.else@example.jp", name="誰か")))


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_fetch_reads_the_replies_and_leaves_the_mailbox_as_it_was(db, invited, mailbox, security):
    _fill(mailbox, invited)
    before = _flags(mailbox)

    summary = fetch_replies(db, imap_config(mailbox, security))

    assert summary.applied == 5  # four answers + kato's answer to the other event
    assert (summary.listed, summary.not_reply, summary.malformed) == (1, 1, 1)
    rows = {r.name: r for r in reply_list(db, invited.event_id) if r.participant_id}
    assert rows["加藤 恵"].partstat == "ACCEPTED"
    assert rows["加藤 恵"].comment == "10分ほど遅れます。"
    assert rows["加藤 恵"].source == "imap"
    assert rows["髙橋 めぐみ"].partstat == "DECLINED"
    assert rows["鈴木 一郎"].partstat == "TENTATIVE"
    assert rows["田中 花子"].partstat == "ACCEPTED"
    assert reply_counts(db, invited.event_id)["listed"] == 1
    after = _flags(mailbox)
    assert after == before  # nothing marked as read, nothing moved or deleted
    assert b"\\Seen" not in b" ".join(after.values())
    assert len(after) == 8

    again = fetch_replies(db, imap_config(mailbox, security))
    assert (again.applied, again.listed, again.duplicates) == (0, 0, 0)
    assert again.already_read == 7  # every mail with a calendar part, skipped by Message-ID


def test_a_large_mailbox_is_fetched_in_seconds(db, invited, mailbox):
    kato = PEOPLE["kato"][1]
    for n in range(950):
        mailbox.put(plain_mail(f"お知らせ {n}"), name=f"plain{n:04}.kenshu")
    for n in range(50):  # kato changes her mind 50 times: the last one counts
        when = Reply.dtstamp.replace(minute=n)
        answer = "ACCEPTED" if n % 2 else "DECLINED"
        data = outlook(
            Reply(uid=invited.uid, address=kato, name="加藤 恵", partstat=answer, dtstamp=when)
        )
        mailbox.put(data, name=f"reply{n:04}.kenshu")

    started = time.monotonic()
    summary = fetch_replies(db, imap_config(mailbox))
    elapsed = time.monotonic() - started

    assert (summary.mails, summary.applied, summary.not_reply) == (1000, 50, 950)
    assert elapsed < 15, f"1,000 messages took {elapsed:.1f} s"
    row = next(r for r in reply_list(db, invited.event_id) if r.name == "加藤 恵")
    assert row.partstat == "ACCEPTED"  # minute 49, odd

    started = time.monotonic()
    again = fetch_replies(db, imap_config(mailbox))
    assert again.already_read == 50 and again.applied == 0
    assert time.monotonic() - started < 5


def test_a_wrong_password_is_said_plainly_and_changes_nothing(db, invited, mailbox):
    mailbox.put(outlook(_reply(invited, "kato")))
    fetch_replies(db, imap_config(mailbox))
    config = imap_config(mailbox)
    config.password = "wrong"
    with pytest.raises(ImapError) as caught:
        fetch_replies(db, config)
    assert caught.value.code == "replies.imap_login"
    assert "パスワード" in str(caught.value)
    assert (
        next(r for r in reply_list(db, invited.event_id) if r.name == "加藤 恵").partstat
        == "ACCEPTED"
    )


def test_tls_on_a_plain_port_is_refused_clearly(db, mailbox):
    config = imap_config(mailbox, "ssl")
    config.settings = config.settings.__class__(
        **{**config.settings.__dict__, "port": mailbox.imap_port}
    )
    with pytest.raises(ImapError) as caught:
        fetch_replies(db, config)
    assert caught.value.code == "replies.imap_tls_failed"


class FakeServer:
    """A TCP server on 127.0.0.1 that behaves badly in one way (greets without STARTTLS, or
    never says anything)."""

    def __init__(self, greeting: bytes | None) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.greeting = greeting
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                if self.greeting is None:
                    self.stop.wait(10)
                    continue
                conn.sendall(self.greeting)
                conn.settimeout(5)
                with contextlib.suppress(OSError):
                    self._answer(conn)

    @staticmethod
    def _answer(conn: socket.socket) -> None:
        """CAPABILITY (without STARTTLS) and LOGOUT, as a server without TLS answers them."""
        for line in conn.makefile("rb"):
            tag, _, command = line.decode().strip().partition(" ")
            if command.upper() == "CAPABILITY":
                conn.sendall(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode())
            elif command.upper() == "LOGOUT":
                conn.sendall(f"* BYE bye\r\n{tag} OK done\r\n".encode())
                return
            else:
                conn.sendall(f"{tag} BAD not here\r\n".encode())

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(timeout=15)


@pytest.fixture
def fake_server() -> Iterator[type[FakeServer]]:
    servers: list[FakeServer] = []

    def start(greeting: bytes | None) -> FakeServer:
        server = FakeServer(greeting)
        servers.append(server)
        return server

    yield start  # type: ignore[misc]
    for server in servers:
        server.close()


def test_a_server_without_starttls_gets_no_password(db, mailbox, fake_server):
    server = fake_server(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] plain only\r\n")
    config = imap_config(mailbox, "starttls")
    config.settings = config.settings.__class__(**{**config.settings.__dict__, "port": server.port})
    with pytest.raises(ImapError) as caught:
        fetch_replies(db, config)
    assert caught.value.code == "replies.imap_no_tls"
    assert "STARTTLS" in str(caught.value)


def test_a_silent_server_times_out(db, mailbox, fake_server):
    server = fake_server(None)
    config = imap_config(mailbox, "starttls")
    config.settings = config.settings.__class__(
        **{**config.settings.__dict__, "port": server.port, "timeout": 1.0}
    )
    started = time.monotonic()
    with pytest.raises(ImapError) as caught:
        fetch_replies(db, config)
    assert caught.value.code == "replies.imap_timeout"
    assert time.monotonic() - started < 5


def test_a_connection_dropped_mid_fetch_keeps_what_was_read(db, invited, mailbox, imap_info):
    """The administrator's `doveadm kick` ends the session after the first batch of bodies."""
    for n in range(45):
        when = Reply.dtstamp.replace(minute=n)
        mailbox.put(outlook(_reply(invited, "kato", dtstamp=when)), name=f"r{n:03}.kenshu")
    conf = f"{imap_info['root']}/dovecot.conf"

    def kick_after_twenty(done: int, total: int) -> None:
        if done == 20:
            subprocess.run(
                ["doveadm", "-c", conf, "kick", mailbox.user], check=True, capture_output=True
            )

    with pytest.raises(FetchInterrupted) as caught:
        fetch_replies(db, imap_config(mailbox), kick_after_twenty)
    assert caught.value.code == "replies.imap_dropped"
    assert "記録済み" in str(caught.value)
    assert caught.value.summary.applied == 20  # the first batch of bodies, each committed

    rest = fetch_replies(db, imap_config(mailbox))
    assert (rest.already_read, rest.applied) == (20, 25)


def test_a_folder_with_a_japanese_name_and_a_missing_folder(db, invited, mailbox):
    mailbox.put(outlook(_reply(invited, "kato")), folder="&eBRP7g-")  # 研修, as dovecot names it
    mailbox.put(outlook(_reply(invited, "suzuki")))  # in INBOX: not read
    config = imap_config(mailbox)
    config.settings = config.settings.__class__(**{**config.settings.__dict__, "folder": "研修"})
    summary = fetch_replies(db, config)
    assert (summary.mails, summary.applied) == (1, 1)

    config.settings = config.settings.__class__(**{**config.settings.__dict__, "folder": "返信"})
    with pytest.raises(ImapError) as caught:
        fetch_replies(db, config)
    assert caught.value.code == "replies.imap_folder"
    assert "返信" in str(caught.value)
