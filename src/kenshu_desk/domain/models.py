"""The data model (SQLAlchemy 2, typed). Plain objects: no Qt, no I/O.

Every table goes through Alembic (db/versions); nothing here is SQLite-specific, so the same
schema serves a shared PostgreSQL database. Editable rows carry a version number
(version_id_col) so that a stale edit from a second organiser is refused, not silently lost.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kenshu_desk.domain.kinds import (
    ATTENDANCE_LABELS,
    DISPATCH_KINDS,
    AttendanceState,
    EventKind,
    ItemType,
    MeasureState,
    SpeakerKind,
    SupportType,
    WorkLine,
)

__all__ = [
    "ATTENDANCE_LABELS",
    "DISPATCH_KINDS",
    "AttendanceState",
    "Base",
    "ChangeStamp",
    "Event",
    "EventAdviser",
    "EventKind",
    "ItemPresenter",
    "ItemType",
    "MeasureState",
    "MunicipalityRecord",
    "Organisation",
    "OutboxMessage",
    "Participant",
    "ProgrammeItem",
    "RecordingDelivery",
    "RecordingLink",
    "Registration",
    "Speaker",
    "SpeakerKind",
    "SupportType",
    "WorkLine",
]

# Named constraints: Alembic needs the names to alter tables later (SQLite batch mode too).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_calendar_uid() -> str:
    return f"{uuid.uuid4()}@kenshu-desk"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ChangeStamp(Base):
    """One row whose counter every committed change raises: other organisers' windows poll it
    to notice that the shared database changed (team mode), cheaply and on any database."""

    __tablename__ = "change_stamp"

    id: Mapped[int] = mapped_column(primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, default=0)


class Organisation(Base):
    """A municipality (from reference data) or another body such as a 社会福祉協議会."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kana: Mapped[str] = mapped_column(String(200), default="")
    # 市町村 / 社会福祉協議会 / 地域包括支援センター / 基幹相談支援センター / 国 / 都道府県 / その他
    category: Mapped[str] = mapped_column(String(40), default="その他")
    lgcode: Mapped[str | None] = mapped_column(String(6), unique=True)
    municipality_kind: Mapped[str] = mapped_column(String(4), default="")  # 市 / 町 / 村
    designation: Mapped[str] = mapped_column(String(20), default="")
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )

    municipality: Mapped[Organisation | None] = relationship(remote_side=[id])

    @property
    def is_municipality(self) -> bool:
        return self.lgcode is not None

    def __repr__(self) -> str:
        return f"Organisation({self.name!r})"


class Speaker(Base):
    """A lecturer or presenter: a person (氏名, 所属, 職名, 敬称) or an organisation."""

    __tablename__ = "speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default=SpeakerKind.PERSON.value)
    name: Mapped[str] = mapped_column(String(200))
    reading: Mapped[str] = mapped_column(String(200), default="")
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    honorific: Mapped[str] = mapped_column(String(10), default="")
    category: Mapped[str] = mapped_column(String(40), default="その他")
    email: Mapped[str] = mapped_column(String(320), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    organisation: Mapped[Organisation | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def is_person(self) -> bool:
        return self.kind == SpeakerKind.PERSON

    def display(self) -> str:
        """One line, as an agenda or a calendar text prints it."""
        if not self.is_person:
            return self.name
        name = f"{self.name} {self.honorific}".strip()
        return " ".join(p for p in (self.affiliation, self.title, name) if p)

    def __repr__(self) -> str:
        return f"Speaker({self.name!r})"


class Event(Base):
    """An exchange meeting, a training, a committee meeting …: one day, one programme."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default=EventKind.TRAINING.value)
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(1000), default="")
    target_audience: Mapped[str] = mapped_column(String(500), default="")
    organiser_name: Mapped[str] = mapped_column(String(200), default="")
    organiser_email: Mapped[str] = mapped_column(String(320), default="")
    organiser_contact: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    agenda_notes: Mapped[str] = mapped_column(Text, default="")  # one ※ line per text line
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    calendar_uid: Mapped[str] = mapped_column(String(200), unique=True, default=new_calendar_uid)
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # The municipality (or its 社協 …) an adviser dispatch went to; None for events the
    # prefecture holds for everyone. No ON DELETE action (NO ACTION): an organisation that
    # hosted a dispatch cannot be deleted, so a dispatch record never loses its host. (The
    # migration adds it as an inline REFERENCES, which SQLite reflects without options.)
    host_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    # The year view's row when the organiser overrides it; None = derived from kind and host.
    work_line: Mapped[str | None] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)

    host_organisation: Mapped[Organisation | None] = relationship()
    advisers: Mapped[list[EventAdviser]] = relationship(
        back_populates="event",
        order_by="EventAdviser.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    items: Mapped[list[ProgrammeItem]] = relationship(
        back_populates="event",
        order_by="ProgrammeItem.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    recordings: Mapped[list[RecordingLink]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="RecordingLink.id",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_dispatch(self) -> bool:
        """A visit of an adviser or of prefecture staff to one municipality."""
        return self.host_organisation_id is not None and self.kind in DISPATCH_KINDS

    @property
    def effective_work_line(self) -> str:
        if self.work_line:
            return self.work_line
        if self.is_dispatch or self.kind in (EventKind.HEARING, EventKind.REVIEW_MEETING):
            return WorkLine.DISPATCH.value
        if self.kind == EventKind.COMMITTEE:
            return WorkLine.COMMITTEE.value
        if self.kind in (
            EventKind.EXCHANGE,
            EventKind.TRAINING,
            EventKind.STUDY,
            EventKind.MUNICIPAL_TRAINING,
        ):
            return WorkLine.TRAINING.value
        return WorkLine.OTHER.value

    def agenda_note_lines(self) -> list[str]:
        return [line for line in self.agenda_notes.splitlines() if line.strip()]

    def __repr__(self) -> str:
        return f"Event({self.id}, {self.date}, {self.title!r})"


class EventAdviser(Base):
    """An adviser (a speaker) who went on a dispatch; none means prefecture staff (県職員)."""

    __tablename__ = "event_adviser"
    __table_args__ = (UniqueConstraint("event_id", "speaker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speaker.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="advisers")
    speaker: Mapped[Speaker] = relationship()


class ProgrammeItem(Base):
    """One row of the 時間割. Its start is computed (domain.programme) unless pinned."""

    __tablename__ = "programme_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_type: Mapped[str] = mapped_column(String(40), default=ItemType.OTHER.value)
    title: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    fixed_start: Mapped[dt.time | None] = mapped_column(Time)
    version: Mapped[int] = mapped_column(Integer, default=1)

    event: Mapped[Event] = relationship(back_populates="items")
    presenters: Mapped[list[ItemPresenter]] = relationship(
        back_populates="item",
        order_by="ItemPresenter.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def is_break(self) -> bool:
        return self.item_type == ItemType.BREAK


class ItemPresenter(Base):
    """A speaker on a programme item, in order (①②…), with an optional talk title."""

    __tablename__ = "item_presenter"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("programme_item.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speaker.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(500), default="")

    item: Mapped[ProgrammeItem] = relationship(back_populates="presenters")
    speaker: Mapped[Speaker] = relationship()

    def display(self) -> str:
        text = self.speaker.display()
        return f"{text} {self.topic}" if self.topic else text


class Participant(Base):
    """A person who registers for events. Names are stored exactly as written."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    reading: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    department: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    # A second address the person gave (a form's 資料送付先), used for matching only.
    other_email: Mapped[str] = mapped_column(String(320), default="", server_default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    organisation: Mapped[Organisation | None] = relationship()
    registrations: Mapped[list[Registration]] = relationship(back_populates="participant")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation else ""

    def __repr__(self) -> str:
        return f"Participant({self.name!r})"


class Registration(Base):
    """A participant registered for an event, with the attendance state."""

    __tablename__ = "registration"
    __table_args__ = (UniqueConstraint("event_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="RESTRICT"), index=True
    )
    state: Mapped[str] = mapped_column(String(20), default=AttendanceState.REGISTERED.value)
    minutes_online: Mapped[int | None] = mapped_column(Integer)
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    event: Mapped[Event] = relationship(back_populates="registrations")
    participant: Mapped[Participant] = relationship(back_populates="registrations")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class OutboxMessage(Base):
    """An e-mail queued for sending; the record of what went out, when, and the answer."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # invitation / update / cancellation / recording
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    recipient_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(500), default="")
    message_id: Mapped[str] = mapped_column(String(300), default="")
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    dedup_key: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    server_reply: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    claimed_by: Mapped[str] = mapped_column(String(100), default="")
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class RecordingLink(Base):
    """A recording (動画アーカイブ) of an event, offered afterwards to those who missed it."""

    __tablename__ = "recording_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(1000))
    passcode: Mapped[str] = mapped_column(String(200), default="")
    available_until: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="recordings")
    deliveries: Mapped[list[RecordingDelivery]] = relationship(
        back_populates="recording", cascade="all, delete-orphan", passive_deletes=True
    )


class RecordingDelivery(Base):
    """One sending (or hand-over) of a recording link to one address."""

    __tablename__ = "recording_delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(
        ForeignKey("recording_link.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(320), default="")
    method: Mapped[str] = mapped_column(String(20), default="email")  # email / eml / phone / hand
    status: Mapped[str] = mapped_column(String(20), default="queued")
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="SET NULL")
    )
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")

    recording: Mapped[RecordingLink] = relationship(back_populates="deliveries")
    participant: Mapped[Participant | None] = relationship()


class MunicipalityRecord(Base):
    """One municipality in one fiscal year: the hearing sheet and the survey's statuses.

    Each measure has a state and a fiscal year: for PLANNED the year it is planned for
    (None = not yet fixed, counted as "later"), for IN_PLACE the year it began (optional).
    The progress table (domain.progress) is computed from these, never typed in.
    """

    __tablename__ = "municipality_record"
    __table_args__ = (UniqueConstraint("organisation_id", "fiscal_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    support_type: Mapped[str] = mapped_column(String(10), default="", server_default="")
    situation: Mapped[str] = mapped_column(Text, default="", server_default="")  # 現状
    support: Mapped[str] = mapped_column(Text, default="", server_default="")  # 支援内容
    adviser_requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    window_state: Mapped[str] = mapped_column(String(20), default="", server_default="")
    window_year: Mapped[int | None] = mapped_column(Integer)
    team_state: Mapped[str] = mapped_column(String(20), default="", server_default="")
    team_year: Mapped[int | None] = mapped_column(Integer)
    multilayer_state: Mapped[str] = mapped_column(String(20), default="", server_default="")
    multilayer_year: Mapped[int | None] = mapped_column(Integer)
    transition_state: Mapped[str] = mapped_column(String(20), default="", server_default="")
    transition_year: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    organisation: Mapped[Organisation] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


# The calendar SEQUENCE rule holds for every flush, whichever code changed the event.
from kenshu_desk.domain.calendar_sequence import install_sequence_rule  # noqa: E402

install_sequence_rule(Event)
