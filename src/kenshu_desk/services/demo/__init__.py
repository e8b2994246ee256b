"""`kenshu-desk demo`: sample data from the seed document, safe to run again.

Each row is looked up by its natural key first (event: date + title, speaker: kind + name,
participant: e-mail, organisation: name), so a second run adds nothing and never overwrites
what the user has changed since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import (
    Event,
    ItemPresenter,
    Organisation,
    Participant,
    ProgrammeItem,
    RecordingLink,
    Registration,
    Speaker,
)
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.demo import data as demo_data
from kenshu_desk.services.demo.year import load_year_demo
from kenshu_desk.services.shared.reference import ensure_municipalities

Progress = Callable[[Message], None]  # the step being loaded


@dataclass
class DemoReport:
    municipalities: int = 0
    speakers: int = 0
    events: int = 0
    participants: int = 0
    registrations: int = 0
    recordings: int = 0
    added: dict[str, int] = field(default_factory=dict)

    def summary(self) -> Message:
        return msg(
            "demo.summary",
            municipalities=self.municipalities,
            speakers=self.speakers,
            events=self.events,
            participants=self.participants,
            registrations=self.registrations,
            recordings=self.recordings,
            records=self.added.get("records", 0),
            dispatches=self.added.get("dispatches", 0),
        )


def _organisation(session: Session, name: str, category: str, municipality: str) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.name == name))
    if org is not None:
        return org
    parent = session.scalar(select(Organisation).where(Organisation.name == municipality))
    org = Organisation(name=name, category=category, municipality=parent)
    session.add(org)
    session.flush()
    return org


def _speakers(session: Session, report: DemoReport) -> dict[str, Speaker]:
    by_key: dict[str, Speaker] = {}
    for row in demo_data.SPEAKERS:
        speaker = session.scalar(
            select(Speaker).where(Speaker.kind == row["kind"], Speaker.name == row["name"])
        )
        if speaker is None:
            fields = {k: v for k, v in row.items() if k != "key"}
            speaker = Speaker(**fields)
            org = session.scalar(select(Organisation).where(Organisation.name == row["name"]))
            speaker.organisation = org
            session.add(speaker)
            report.speakers += 1
        by_key[row["key"]] = speaker
    session.flush()
    return by_key


def _events(session: Session, speakers: dict[str, Speaker], report: DemoReport) -> dict[str, Event]:
    by_key: dict[str, Event] = {}
    for row in demo_data.EVENTS:
        event = session.scalar(
            select(Event).where(Event.date == row["date"], Event.title == row["title"])
        )
        if event is None:
            event = Event(
                kind=row["kind"],
                title=row["title"],
                date=row["date"],
                start_time=row["start"],
                end_time=row["end"],
                venue=row["venue"],
                online_url=row["online_url"],
                target_audience=row["target_audience"],
                organiser_name=row["organiser_name"],
                organiser_email=row["organiser_email"],
                organiser_contact=row["organiser_contact"],
                notes=row["notes"],
                agenda_notes="\n".join(row["agenda_notes"]),
            )
            for position, item_row in enumerate(row["programme"]):
                item = ProgrammeItem(
                    position=position,
                    item_type=item_row["item_type"],
                    title=item_row["title"],
                    description=item_row.get("description", ""),
                    minutes=item_row["minutes"],
                )
                for p_pos, p in enumerate(item_row.get("presenters", [])):
                    item.presenters.append(
                        ItemPresenter(
                            position=p_pos, speaker=speakers[p["speaker"]], topic=p.get("topic", "")
                        )
                    )
                event.items.append(item)
            session.add(event)
            report.events += 1
        by_key[row["key"]] = event
    session.flush()
    return by_key


def _participants(session: Session, report: DemoReport) -> dict[str, Participant]:
    by_email: dict[str, Participant] = {}
    for row in demo_data.PARTICIPANTS:
        person = session.scalar(select(Participant).where(Participant.email == row["email"]))
        if person is None:
            org = _organisation(
                session, row["organisation"], row["organisation_kind"], row["municipality"]
            )
            person = Participant(
                name=row["name"],
                reading=row["reading"],
                organisation=org,
                department=row["department"],
                title=row["title"],
                email=row["email"],
                phone=row.get("phone", ""),
            )
            session.add(person)
            report.participants += 1
        by_email[row["email"]] = person
    session.flush()
    return by_email


def load_demo(session: Session, progress: Progress | None = None) -> DemoReport:
    """Fill the database with the seed's FY2021 programme and fictitious participants."""
    say = progress or (lambda _msg: None)
    report = DemoReport()
    say(msg("demo.step_municipalities"))
    report.municipalities = ensure_municipalities(session)
    # Participants first: their organisations (社協 …) then link the organisation speakers.
    say(msg("demo.step_participants"))
    people = _participants(session, report)
    say(msg("demo.step_speakers"))
    speakers = _speakers(session, report)
    say(msg("demo.step_events"))
    events = _events(session, speakers, report)
    say(msg("demo.step_registrations"))
    existing = {(r.event_id, r.participant_id) for r in session.scalars(select(Registration))}
    for email, event_key, state, minutes in demo_data.REGISTRATIONS:
        event, person = events[event_key], people[email]
        if (event.id, person.id) in existing:
            continue
        session.add(
            Registration(event=event, participant=person, state=state, minutes_online=minutes)
        )
        existing.add((event.id, person.id))
        report.registrations += 1
    say(msg("demo.step_recordings"))
    for row in demo_data.RECORDINGS:
        event = events[row["event"]]
        found = session.scalar(
            select(RecordingLink).where(
                RecordingLink.event_id == event.id, RecordingLink.url == row["url"]
            )
        )
        if found is None:
            session.add(
                RecordingLink(
                    event=event,
                    url=row["url"],
                    passcode=row["passcode"],
                    available_until=row["available_until"],
                    note=row["note"],
                )
            )
            report.recordings += 1
    session.flush()
    say(msg("demo.step_year"))
    report.added["records"], report.added["dispatches"] = load_year_demo(session)
    return report
