"""Discussion groups kept per event: made once (groups --groups N, 自動で分ける), then moved
by hand; printed and listed from what is stored.

A hand-edited grouping is never replaced silently: making new groups over it needs `replace`.
Each move carries the grouping's version the screen showed (team mode: another organiser's
move in between is refused, not overwritten). People registered after the grouping was made
are listed as not yet in a group; people no longer taking part are left out of the lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from kenshu_desk.database import Database
from kenshu_desk.domain.groups import Group, GroupMember
from kenshu_desk.domain.models_groups import DiscussionGrouping, DiscussionGroupMember
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.groups import event_groups, group_members
from kenshu_desk.services.shared.versions import expect_version


@dataclass(frozen=True)
class StoredGroups:
    event_id: int
    count: int
    seed: int
    edited: bool
    version: int
    groups: list[Group]
    ungrouped: list[GroupMember]

    def same_organisation(self, number: int) -> set[int]:
        """Participant ids of group `number` who share an organisation with another member."""
        group = self.groups[number - 1]
        seen: dict[str, list[int]] = {}
        for m in group.members:
            if m.organisation:
                seen.setdefault(m.organisation, []).append(m.participant_id)
        return {pid for ids in seen.values() if len(ids) > 1 for pid in ids}


def make_groups(
    session: Session, event_id: int, count: int, seed: int = 0, *, replace: bool = False
) -> StoredGroups:
    """Deal new groups and store them (UserError over a hand-edited grouping unless replace)."""
    row = session.get(DiscussionGrouping, event_id)
    if row is not None and row.edited and not replace:
        raise UserError.of("groups.edited_exists")
    groups = event_groups(session, event_id, count, seed)
    if row is None:
        row = DiscussionGrouping(event_id=event_id, count=count, seed=seed, edited=False)
        session.add(row)
        session.flush()
    else:
        row.count, row.seed, row.edited = count, seed, False
        session.execute(
            delete(DiscussionGroupMember).where(DiscussionGroupMember.event_id == event_id)
        )
    for group in groups:
        for position, member in enumerate(group.members):
            session.add(DiscussionGroupMember(
                event_id=event_id, participant_id=member.participant_id,
                number=group.number, position=position,
            ))  # fmt: skip
    session.flush()
    found = stored_groups(session, event_id)
    assert found is not None
    return found


def stored_groups(session: Session, event_id: int) -> StoredGroups | None:
    row = session.get(DiscussionGrouping, event_id)
    if row is None:
        return None
    members = {m.participant_id: m for m in group_members(session, event_id)}
    placed: dict[int, list[tuple[int, GroupMember]]] = {n: [] for n in range(1, row.count + 1)}
    for link in session.scalars(
        select(DiscussionGroupMember).where(DiscussionGroupMember.event_id == event_id)
    ):
        member = members.pop(link.participant_id, None)
        if member is not None and link.number in placed:
            placed[link.number].append((link.position, member))
    groups = [
        Group(n, tuple(m for _, m in sorted(placed[n], key=lambda x: x[0]))) for n in sorted(placed)
    ]
    return StoredGroups(event_id, row.count, row.seed, row.edited, row.version, groups,
                        list(members.values()))  # fmt: skip


def move_member(
    session: Session, event_id: int, participant_id: int, number: int, expected_version: int | None
) -> tuple[int, int]:
    """Put the person into group `number` (last); (their group before, 0 = none; new version)."""
    row = session.get(DiscussionGrouping, event_id)
    if row is None:
        raise UserError.of("groups.none_stored", event_id=event_id)
    expect_version(row, expected_version)
    if not 1 <= number <= row.count:
        raise UserError.of("groups.bad_count", count=number, people=row.count)
    link = session.get(DiscussionGroupMember, (event_id, participant_id))
    before = link.number if link is not None else 0
    last = max(
        (m.position for m in session.scalars(
            select(DiscussionGroupMember).where(
                DiscussionGroupMember.event_id == event_id, DiscussionGroupMember.number == number
            )
        )),
        default=-1,
    )  # fmt: skip
    if link is None:
        session.add(DiscussionGroupMember(event_id=event_id, participant_id=participant_id,
                                          number=number, position=last + 1))  # fmt: skip
    else:
        link.number, link.position = number, last + 1
    row.edited = True
    flag_modified(row, "edited")  # the grouping's version moves with every move
    session.flush()
    return before, row.version


# ---------------------------------------------------------------- for the window (own session)


def load(db: Database, event_id: int) -> StoredGroups | None:
    with db.session() as s:
        return stored_groups(s, event_id)


def deal(db: Database, event_id: int, count: int, seed: int, *, replace: bool) -> StoredGroups:
    with db.session() as s:
        return make_groups(s, event_id, count, seed, replace=replace)


def move(
    db: Database, event_id: int, pid: int, number: int, version: int | None
) -> tuple[int, int]:
    with db.session() as s:
        return move_member(s, event_id, pid, number, version)
