"""Test kit for mail: a real SMTP server (aiosmtpd) on 127.0.0.1, started by the test, that records what arrives.

The handler can misbehave on purpose: refuse a recipient for good (550), refuse one once
(451), drop the connection in the middle of a DATA, and require STARTTLS and a login.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from kenshu_desk.database import Database
from kenshu_desk.domain.models import (
    Event,
    ItemPresenter,
    Organisation,
    Participant,
    ProgrammeItem,
    Registration,
    Speaker,
)

USER, PASSWORD = "kenshu", "pä55-wörd"


@dataclass
class Arrived:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class Handler:
    reject: dict[str, str] = field(default_factory=dict)  # address → permanent reply
    refuse_once: dict[str, str] = field(default_factory=dict)  # address → temporary reply
    drop_on_data: set[int] = field(default_factory=set)  # n-th DATA (1-based) drops the line
    # n-th RCPT (1-based) drops the line: before the message, so certainly not delivered
    drop_on_rcpt: set[int] = field(default_factory=set)
    rcpt_commands: int = 0
    delay: float = 0.0  # seconds before each 250 to DATA: a slow server
    hold_on_data: int | None = None  # n-th DATA is accepted, then the reply waits for release
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    arrived: list[Arrived] = field(default_factory=list)
    data_commands: int = 0
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # type: ignore[no-untyped-def]
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
        if address in self.reject:
            return self.reject[address]
        if address in self.refuse_once:
            return self.refuse_once.pop(address)
        with self.lock:
            self.rcpt_commands += 1
            n = self.rcpt_commands
        if n in self.drop_on_rcpt:
            server.transport.close()
            return "421 dropped"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        with self.lock:
            self.data_commands += 1
            n = self.data_commands
        if n in self.drop_on_data:
            server.transport.close()  # gone before the 250: the message was not accepted
            return "421 dropped"
        with self.lock:
            self.arrived.append(
                Arrived(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
            )
        if self.delay:
            await asyncio.sleep(self.delay)
        if n == self.hold_on_data:
            # The server has the message; the client is still waiting for the 250.
            self.held.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 60)
        return f"250 2.0.0 Ok: queued as Q{n}"

    def reset_faults(self) -> None:
        """Behave from now on (what arrived stays recorded)."""
        self.reject.clear()
        self.refuse_once.clear()
        self.drop_on_data.clear()
        self.drop_on_rcpt.clear()
        self.hold_on_data = None
        self.release.set()

    def by_recipient(self) -> dict[str, list[Arrived]]:
        result: dict[str, list[Arrived]] = {}
        for a in self.arrived:
            for rcpt in a.rcpt_tos:
                result.setdefault(rcpt, []).append(a)
        return result


@dataclass
class Server:
    host: str
    port: int
    handler: Handler
    cafile: Path | None = None

    def client_context(self) -> ssl.SSLContext:
        assert self.cafile is not None
        return ssl.create_default_context(cafile=str(self.cafile))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    """Plain SMTP (no TLS, no login): security "none", chosen explicitly by the test."""
    handler = Handler()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield Server("127.0.0.1", port, handler)
    finally:
        controller.stop()


@pytest.fixture
def tls_server_factory(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Start a server that requires STARTTLS + login, or one with implicit TLS (SSL)."""
    cert, key = _self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controllers: list[Controller] = []

    def start(mode: str) -> Server:
        handler = Handler()
        port = _free_port()
        common = {
            "authenticator": _authenticator,
            "auth_required": True,
            "auth_require_tls": True,
        }
        if mode == "starttls":
            controller = Controller(
                handler,
                hostname="127.0.0.1",
                port=port,
                tls_context=context,
                require_starttls=True,
                **common,
            )
        else:
            # The whole connection is TLS; aiosmtpd does not count that as "TLS" for AUTH.
            common["auth_require_tls"] = False
            controller = Controller(
                handler,
                hostname="127.0.0.1",
                port=port,
                ssl_context=context,
                server_hostname="127.0.0.1",
                **common,
            )
        controller.start()
        controllers.append(controller)
        return Server("127.0.0.1", port, handler, cert)

    yield start
    for controller in controllers:
        controller.stop()


PEOPLE = [
    ("髙橋　美咲", "たかはし　みさき", "さいたま市", "m.takahashi@example.jp"),
    ("小林　大輔", "こばやし　だいすけ", "川越市", "d.kobayashi@example.jp"),
    ("五十嵐　彩", "いがらし　あや", "鳩山町", "a.igarashi@example.jp"),
    ("中村, 拓也; \\", "なかむら　たくや", "ふじみ野市社会福祉協議会", "t.nakamura@example.jp"),
    ("日下部　涼", "くさかべ　りょう", "桶川市", "r.kusakabe@example.jp"),
]


def make_event(db: Database, people=PEOPLE, **overrides) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        speaker = Speaker(name="中島 修", affiliation="文京学院大学", title="教授", honorific="氏")
        fields = {
            "kind": "情報交換会",
            "title": "第2回市町村情報交換会",
            "date": dt.date(2026, 11, 25),
            "start_time": dt.time(14, 30),
            "end_time": dt.time(16, 0),
            "venue": "埼玉県県民健康センター 大ホール",
            "online_url": "https://example.jp/zoom/j/8812?pwd=abc",
            "organiser_name": "埼玉県 福祉部 地域包括ケア課",
            "organiser_email": "chiiki@example.jp",
            "organiser_contact": "TEL 048-830-3256",
        }
        fields.update(overrides)
        event = Event(**fields)
        event.items.append(ProgrammeItem(position=0, item_type="挨拶", title="開会", minutes=5))
        talk = ProgrammeItem(position=1, item_type="講演", title="包括的な支援体制", minutes=85)
        talk.presenters.append(ItemPresenter(position=0, speaker=speaker))
        event.items.append(talk)
        s.add(event)
        for name, reading, org, email in people:
            organisation = s.query(Organisation).filter_by(name=org).one_or_none()
            organisation = organisation or Organisation(name=org)
            person = Participant(name=name, reading=reading, organisation=organisation, email=email)
            s.add(Registration(event=event, participant=person))
        s.flush()
        return event.id
