"""Round trips per user action, counted with SQLAlchemy's cursor events.

Across an office network every statement costs a round trip (5–30 ms), so what the window does
for one user action must not grow with the data: an N+1 query or a flush per row that creeps
back fails here, on SQLite as on PostgreSQL. Each action is measured on a small and on a large
event; the counts must be equal, and within the action's budget.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import event, select

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
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.participants import registrations
from kenshu_desk.services.participants.participants import directory_rows
from kenshu_desk.services.timetable import programme_edit
from kenshu_desk.services.timetable.event_view import list_event_summaries, load_event_view


@dataclass
class Counter:
    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextlib.contextmanager
def counting(db: Database) -> Iterator[Counter]:
    counter = Counter()

    def before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        counter.statements.append(statement.split("\n", 1)[0][:120])

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield counter
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def _make_event(db: Database, items: int, people: int, tag: str) -> int:
    with db.session() as s:
        # Several organisations: a lazy load per organisation is an N+1 too.
        orgs = [Organisation(name=f"テスト市{tag}{n}") for n in range(min(people, 30))]
        event_row = Event(
            kind="研修",
            title=f"相談対応能力研修 {tag}",
            date=dt.date(2026, 11, 25),
            start_time=dt.time(9, 0),
            end_time=dt.time(17, 0),
            venue="埼玉県県民健康センター",
            organiser_name="埼玉県 福祉部",
            organiser_email="chiiki@example.jp",
        )
        for i in range(items):
            item = ProgrammeItem(position=i, item_type="講演", title=f"講演{i}", minutes=5)
            for j in range(2):
                speaker = Speaker(
                    name=f"講師{tag}{i}-{j}", affiliation="文京学院大学", honorific="氏"
                )
                item.presenters.append(ItemPresenter(position=j, speaker=speaker))
            event_row.items.append(item)
        s.add(event_row)
        for i in range(people):
            person = Participant(
                name=f"参加者{tag}{i}",
                reading=f"さんかしゃ{i}",
                organisation=orgs[i % len(orgs)],
                email=f"p{tag}{i}@example.jp",
            )
            s.add(Registration(event=event_row, participant=person))
        s.flush()
        return event_row.id


@pytest.fixture
def events(db: Database) -> dict[str, int]:
    return {"small": _make_event(db, 2, 3, "s"), "large": _make_event(db, 40, 300, "l")}


def _measure(db: Database, action) -> int:  # type: ignore[no-untyped-def]
    with counting(db) as counter:
        action()
    return counter.count


def _check(db: Database, events: dict[str, int], action, budget: int) -> None:  # type: ignore[no-untyped-def]
    counts = {size: _measure(db, lambda e=event_id: action(e)) for size, event_id in events.items()}
    assert counts["small"] == counts["large"], f"statements grow with the data: {counts}"
    assert counts["large"] <= budget, f"{counts['large']} statements, budget {budget}"


def test_switching_events_is_a_fixed_number_of_queries(
    db: Database, events: dict[str, int]
) -> None:
    def show(event_id: int) -> None:
        with db.session() as s:
            view = load_event_view(s, event_id)
            assert view.items

    _check(db, events, show, budget=8)


def test_event_list_is_one_query(db: Database, events: dict[str, int]) -> None:
    def listing(_event_id: int) -> None:
        with db.session() as s:
            assert len(list_event_summaries(s)) == 2

    _check(db, events, listing, budget=2)


def _first_item(db: Database, event_id: int) -> tuple[int, int]:
    with db.session() as s:
        row = s.execute(
            select(ProgrammeItem.id, ProgrammeItem.version)
            .where(ProgrammeItem.event_id == event_id)
            .order_by(ProgrammeItem.position)
        ).first()
        assert row is not None
        return row[0], row[1]


def test_editing_an_item_does_not_touch_the_others(db: Database, events: dict[str, int]) -> None:
    def edit(event_id: int) -> None:
        item_id, version = _first_item(db, event_id)
        with db.session() as s:
            programme_edit.update_item(s, item_id, {"title": "開会挨拶"}, expected_version=version)

    # _first_item's query is counted too: the action itself is the rest.
    _check(db, events, edit, budget=1 + 4)


def test_undoing_an_edit_costs_what_the_edit_cost(db: Database, events: dict[str, int]) -> None:
    def edit_and_undo(event_id: int) -> None:
        item_id, version = _first_item(db, event_id)
        with db.session() as s:
            previous = programme_edit.update_item(
                s, item_id, {"minutes": 10}, expected_version=version
            )
        with db.session() as s:
            programme_edit.update_item(s, item_id, previous)

    _check(db, events, edit_and_undo, budget=1 + 2 * 4)


def test_reordering_is_bounded(db: Database, events: dict[str, int]) -> None:
    # Moving one item renumbers every item between the two places: one UPDATE per moved row
    # is inherent, so reorder the first two items only (the same work on both events).
    def reorder(event_id: int) -> None:
        with db.session() as s:
            ids = programme_edit.item_ids(s, event_id)
            programme_edit.move_item(s, ids[1], 0, expected_order=ids)

    _check(db, events, reorder, budget=10)


def test_registering_someone_is_a_fixed_number_of_queries(
    db: Database, events: dict[str, int]
) -> None:
    people = {}
    with db.session() as s:
        for size in events:
            person = Participant(
                name=f"新規　{size}", reading="しんき", email=f"new-{size}@example.jp"
            )
            s.add(person)
            s.flush()
            people[events[size]] = person.id

    def register(event_id: int) -> None:
        with db.session() as s:
            registrations.register(s, event_id, [people[event_id]])

    _check(db, events, register, budget=8)


def test_the_registration_list_is_a_fixed_number_of_queries(
    db: Database, events: dict[str, int]
) -> None:
    def rows(event_id: int) -> None:
        with db.session() as s:
            assert registrations.registration_rows(s, event_id)

    _check(db, events, rows, budget=4)


def test_checking_in_at_the_reception_desk(db: Database, events: dict[str, int]) -> None:
    def check_in(event_id: int) -> None:
        with db.session() as s:
            first = registrations.registration_rows(s, event_id)[0]
        with db.session() as s:
            registrations.set_states(s, event_id, [(first.participant_id, "attended_venue")])

    _check(db, events, check_in, budget=12)


def test_the_directory_is_one_query(db: Database, events: dict[str, int]) -> None:
    with db.session() as s, counting(db) as counter:
        assert len(directory_rows(s)) == 303
    assert counter.count <= 2


def test_queueing_invitations_does_not_grow_per_recipient(
    db: Database, events: dict[str, int]
) -> None:
    sender = MailAddress("埼玉県 福祉部", "chiiki@example.jp")

    def queue(event_id: int) -> None:
        with db.session() as s:
            report = queue_messages(s, event_id, sender)
            assert report.ids

    _check(db, events, queue, budget=25)


def test_the_team_mode_poll_is_one_query(db: Database) -> None:
    with counting(db) as counter:
        db.change_counter()
    assert counter.count == 1


def test_queueing_recording_links_does_not_grow_per_recipient(
    db: Database, events: dict[str, int]
) -> None:
    from kenshu_desk.services.recordings.recordings import add_recording, queue_recording

    sender = MailAddress("埼玉県 福祉部", "chiiki@example.jp")
    links = {}
    with db.session() as s:
        for event_id in events.values():
            links[event_id] = add_recording(s, event_id, "https://example.jp/rec/1").id

    def queue(event_id: int) -> None:
        with db.session() as s:
            report = queue_recording(s, links[event_id], sender, group="all")
            assert report.plan.messages

    _check(db, events, queue, budget=25)


def _roster(path, rows: int):  # type: ignore[no-untyped-def]
    lines = ["氏名,ふりがな,所属,メールアドレス"]
    lines += [f"名簿　{i},めいぼ　{i},川越市,roster{i}@example.jp" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="cp932")
    return path


def test_importing_participants_does_not_grow_per_row(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kenshu_desk.services.participants.participant_import import ParticipantImport

    def run(rows: int) -> int:
        importer = ParticipantImport.from_file(_roster(tmp_path / f"r{rows}.csv", rows))
        with counting(db) as counter:
            with db.session() as s:
                preview = importer.preview(s)
            with db.session() as s:
                importer.commit(s, preview=preview)
        return counter.count

    small, large = run(10), run(1000)
    # Inserts go in batches, so a few statements more for a hundred times the rows is fine;
    # a statement per row is not.
    assert large <= small + 10, (small, large)
    assert large <= 40, large
