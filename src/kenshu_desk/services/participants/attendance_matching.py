"""Applying an attendance report to an event: match people, merge intervals, set states.

Matching: by e-mail first (the event's registrants, then the directory), then by a
normalised name. Zoom display names are what people typed — 「さいたま市 髙橋美咲」,
「髙橋 (髙橋 美咲)」 with the original name in brackets, 「髙橋美咲_さいたま市」 — so a name matches
through its parts as well as whole. A name that fits several people is not guessed: it is
listed with the candidates, and the organiser assigns it or adds a new person.

Minutes: every interval of a person (all rows, all devices, all report entries matched to
the same participant) is merged, then clipped to the event's start and end; durations are
never added up. The duration column caps the result (Teams' section 2 gives only first join
and last leave). A report without times ("unique users") falls back to the total duration,
capped at the event's length.

States: at or above the threshold (percent of the event's length) → attended online;
below → absent, except that 出席（会場） is never overwritten and a cancellation stays a
cancellation unless the person actually attended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.domain.romaji import looks_romaji, reading_skeletons, romaji_skeleton
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_names import (
    BRACKETS,
    merge_intervals,
    name_key,
    name_variants,
    organisations_mentioned,
    seconds_within,
)
from kenshu_desk.services.participants.attendance_plan import (
    AttendancePlan,
    Candidate,
    Change,
    Outcome,
)
from kenshu_desk.services.participants.attendance_reports import (
    AttendanceReport,
    Interval,
    ReportPerson,
)
from kenshu_desk.services.participants.attendance_values import is_device_name

DEFAULT_THRESHOLD_PCT = 50
# A report nobody of which matched is refused; NOTHING_MATCHED: the command line's (Japanese) line.
NOTHING_MATCHED_MESSAGE = msg("attendance.nothing_matched")
NOTHING_MATCHED = NOTHING_MATCHED_MESSAGE.text("ja")


@dataclass
class _Person:
    id: int
    name: str
    email: str
    organisation: str
    municipality: str
    reading: str = ""
    other_email: str = ""


def event_window(event: Event) -> Interval:
    start = dt.datetime.combine(event.date, event.start_time)
    end = dt.datetime.combine(event.date, event.end_time)
    if end <= start:
        raise UserError.of("attendance.bad_event_times", event_id=event.id)
    return start, end


class _Matcher:
    def __init__(self, people: list[_Person], registered: set[int]) -> None:
        self.people = {p.id: p for p in people}
        self.registered = registered
        self.by_email: dict[str, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        self.organisations: set[str] = set()
        self._readings: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
        for p in people:
            for address in {p.email.casefold(), p.other_email.casefold()} - {""}:
                self.by_email.setdefault(address, []).append(p.id)
            name = name_key(p.name)
            keys = {name}
            for org in (p.organisation, p.municipality):
                if org:
                    keys |= {name_key(org) + name, name + name_key(org)}
                    self.organisations.add(name_key(org))
            for key in keys:
                ids = self.by_name.setdefault(key, [])
                if p.id not in ids:
                    ids.append(p.id)

    def _reading_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Registrants by their reading: in kana (family name first or last) and as romaji.

        Only the event's registrants: a display name in katakana or romaji is compared with
        the people expected in the meeting, not with the whole directory."""
        if self._readings is None:
            kana: dict[str, list[int]] = {}
            latin: dict[str, list[int]] = {}
            for pid in self.registered:
                reading = self.people[pid].reading if pid in self.people else ""
                words = reading.replace("\u3000", " ").split()
                if not words:
                    continue
                for key in {match_key("".join(words)), match_key("".join(reversed(words)))}:
                    kana.setdefault(key, []).append(pid)
                for key in reading_skeletons(reading):
                    latin.setdefault(key, []).append(pid)
            self._readings = (kana, latin)
        return self._readings

    def _by_reading(self, person: ReportPerson, variants: list[str]) -> list[int]:
        kana, latin = self._reading_index()
        ids = [i for v in variants for i in kana.get(v, [])]
        for name in person.names:
            for piece in (BRACKETS.sub(" ", name), *BRACKETS.findall(name)):
                if looks_romaji(piece):
                    ids += latin.get(romaji_skeleton(piece), [])
        return ids

    def candidate(self, pid: int) -> Candidate:
        p = self.people[pid]
        return Candidate(pid, p.name, p.organisation, p.email, pid in self.registered)

    def _pick(self, ids: list[int]) -> tuple[int | None, list[int]]:
        """One id: registrants first, then the whole directory; several: ambiguous."""
        mine = [i for i in ids if i in self.registered]
        for group in (mine, ids):
            unique = list(dict.fromkeys(group))
            if len(unique) == 1:
                return unique[0], []
            if len(unique) > 1:
                return None, unique
        return None, []

    def match(self, person: ReportPerson) -> tuple[int | None, str, list[int]]:
        variants = [v for name in person.names for v in name_variants(name)]
        if person.email:
            ids = self.by_email.get(person.email.casefold(), [])
            found, ambiguous = self._pick(ids)
            if found is not None:
                return found, "email", []
            if ambiguous:  # a shared address (課の共用アドレス): the name decides among them
                by_name = [i for i in ambiguous if name_key(self.people[i].name) in variants]
                if len(by_name) == 1:
                    return by_name[0], "email", []
        ids = [i for v in variants for i in self.by_name.get(v, [])]
        how = "name"
        if not ids:  # 「コバヤシ ショウ」, 「Megumi Kato」: the stored reading
            ids, how = self._by_reading(person, variants), "reading"
        found, ambiguous = self._pick(ids)
        mentioned = {
            o for name in person.names for o in organisations_mentioned(name, self.organisations)
        }
        if found is not None and not self._belongs(found, mentioned):
            # A namesake from another organisation (「石井 翔（さいたま市）」 against 石井 翔 of
            # 東秩父村) is never taken for the registrant: the organiser decides.
            return None, "other_organisation", [found]
        if found is not None:
            return found, how, []
        if ambiguous:
            fitting = [i for i in ambiguous if self._belongs(i, mentioned)]
            if mentioned and len(fitting) == 1:
                return fitting[0], how, []
            return None, "namesakes", ambiguous
        return None, "", self._suggest(variants)

    def _belongs(self, pid: int, mentioned: set[str]) -> bool:
        """No organisation named, or one that is the person's own (or its municipality)."""
        if not mentioned:
            return True
        p = self.people[pid]
        own = {name_key(o) for o in (p.organisation, p.municipality) if o}
        return any(m in o or o in m for m in mentioned for o in own)

    def _suggest(self, variants: list[str]) -> list[int]:
        """Registrants whose name begins with a part of the display name (「髙橋」→ 髙橋 美咲)."""
        out = []
        for pid in self.registered:
            name = name_key(self.people[pid].name)
            if any(name.startswith(v) or v.startswith(name) for v in variants):
                out.append(pid)
        return out[:8]


def _load(session: Session, event_id: int) -> tuple[Event, dict[int, Registration], list[_Person]]:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError.of("participants.event_not_found", event_id=event_id)
    regs = {
        r.participant_id: r
        for r in session.scalars(select(Registration).where(Registration.event_id == event_id))
    }
    people = [
        _Person(
            p.id,
            p.name,
            p.email,
            p.organisation.name if p.organisation else "",
            p.organisation.municipality.name
            if p.organisation and p.organisation.municipality
            else "",
            p.reading or "",
            p.other_email or "",
        )
        for p in session.scalars(
            select(Participant)
            .where((Participant.archived.is_(False)) | Participant.id.in_(list(regs)))
            .options(selectinload(Participant.organisation))
        )
    ]
    return event, regs, people


def plan_attendance(
    session: Session,
    event_id: int,
    report: AttendanceReport,
    *,
    threshold_pct: float = DEFAULT_THRESHOLD_PCT,
    mark_missing_absent: bool | None = None,
    assignments: dict[int, int] | None = None,
    additions: Iterable[int] = (),
    allow_lower: bool = False,
) -> AttendancePlan:
    """What applying ``report`` would change. ``assignments`` maps report person index →
    participant id (the organiser's choice); ``additions`` are report person indexes to add
    to the directory. ``mark_missing_absent`` None means: yes for an online-only event.
    ``allow_lower``: a person already recorded 出席（オンライン） may become 欠席 (a partial or
    later report never lowers anyone unless the organiser says so for this import)."""
    if not 0 < threshold_pct <= 100:
        raise UserError.of("attendance.threshold_out_of_range")
    event, regs, people = _load(session, event_id)
    window = event_window(event)
    if mark_missing_absent is None:
        mark_missing_absent = not event.venue
    matcher = _Matcher(people, set(regs))
    assignments = dict(assignments or {})
    additions = set(additions)
    warnings = list(report.warnings)
    _check_dates(report, window, event)

    outcomes: list[Outcome] = []
    for index, person in enumerate(report.people):
        outcome = Outcome(index, person)
        if index in assignments:
            if (chosen := assignments[index]) not in matcher.people:
                raise UserError.of("participants.participant_not_found", participant_id=chosen)
            outcome.participant_id, outcome.how = chosen, "assigned"
        elif index in additions:
            outcome.how = "new"
        else:
            pid, how, ambiguous = matcher.match(person)
            if pid is None:  # why the organiser decides: a namesake, several of that name
                outcome.why, how = how, ""
            outcome.participant_id, outcome.how = pid, how
            outcome.candidates = [matcher.candidate(i) for i in ambiguous]
        outcomes.append(outcome)

    event_seconds = int((window[1] - window[0]).total_seconds())
    groups: dict[object, list[Outcome]] = {}
    for o in outcomes:
        key: object = o.participant_id if o.participant_id is not None else ("row", o.index)
        groups.setdefault(key, []).append(o)
    for group in groups.values():
        seconds = _seconds([o.person for o in group], window, event_seconds)
        for o in group:
            o.seconds = seconds

    threshold = event_seconds * threshold_pct / 100
    _propose_devices(outcomes, matcher, window, threshold)
    changes: list[Change] = []
    seen: set[int] = set()
    for o in outcomes:
        if not o.matched or (o.participant_id is not None and o.participant_id in seen):
            continue
        attended = o.seconds >= threshold
        reg = regs.get(o.participant_id) if o.participant_id is not None else None
        old = reg.state if reg is not None else None
        if old == AttendanceState.ATTENDED_VENUE:
            new = old
        elif attended:
            new = AttendanceState.ATTENDED_ONLINE.value
        elif old == AttendanceState.CANCELLED:
            new = old
        else:
            new = AttendanceState.ABSENT.value
        minutes = o.minutes
        kept = False
        if old == AttendanceState.ATTENDED_ONLINE and new != old and not allow_lower:
            new, kept = old, True
            minutes = max(minutes, reg.minutes_online or 0) if reg is not None else minutes
        if o.participant_id is not None:
            seen.add(o.participant_id)
            p = matcher.people[o.participant_id]
            changes.append(
                Change(p.id, p.name, p.organisation, old, new, minutes, o.index, kept=kept)
            )
        else:
            changes.append(Change(None, o.person.name, "", None, new, o.minutes, o.index))
    if mark_missing_absent:
        for pid, reg in regs.items():
            if pid not in seen and reg.state == AttendanceState.REGISTERED:
                known = matcher.people.get(pid)
                name, org = (known.name, known.organisation) if known else ("", "")
                changes.append(Change(pid, name, org, reg.state, AttendanceState.ABSENT.value, 0))
    lowered = [c for c in changes if c.kept]
    if lowered:
        warnings.append(str(msg("attendance.online_kept", count=len(lowered))))
    return AttendancePlan(
        event_id=event.id,
        event_title=event.title,
        window=window,
        threshold_pct=threshold_pct,
        mark_missing_absent=mark_missing_absent,
        outcomes=outcomes,
        changes=changes,
        warnings=warnings,
    )


def _propose_devices(
    outcomes: list[Outcome], matcher: _Matcher, window: Interval, threshold: float
) -> None:
    """A second device with a default name (iPad, a phone number) is proposed as the device of
    a matched registrant who was away while it was connected — never assigned by itself."""
    matched: dict[int, list[Interval]] = {}
    for o in outcomes:
        if o.participant_id is not None and o.participant_id in matcher.registered:
            matched.setdefault(o.participant_id, []).extend(o.person.intervals)
    for o in outcomes:
        if o.matched or not any(is_device_name(n) for n in o.person.names):
            continue
        device = merge_intervals(o.person.intervals)
        if not device:
            continue
        scored = []
        for pid, intervals in matched.items():
            own = merge_intervals(intervals)
            together = seconds_within(own + device, window) - seconds_within(own, window)
            if together > 0:  # the device adds time the person was not there
                short = seconds_within(own, window) < threshold
                scored.append((not short, -together, pid))
        if scored:
            o.why = "device"
            o.candidates = [matcher.candidate(pid) for *_, pid in sorted(scored)[:5]]


def _seconds(persons: list[ReportPerson], window: Interval, event_seconds: int) -> int:
    intervals = [iv for p in persons for iv in p.intervals]
    reported = [p.reported_seconds for p in persons]
    cap = (
        sum(r for r in reported if r is not None) if all(r is not None for r in reported) else None
    )
    if intervals:
        inside = seconds_within(intervals, window)
        return min(inside, cap) if cap is not None else inside
    return min(cap or 0, event_seconds)


def _check_dates(report: AttendanceReport, window: Interval, event: Event) -> None:
    span = report.span()
    if span is None:
        return
    if span[1] <= window[0] or span[0] >= window[1]:
        raise UserError.of(
            "attendance.other_meeting",
            source=report.source,
            first=span[0],
            last=span[1],
            event=event.title,
            start=window[0],
            end=window[1],
        )


@dataclass
class AttendanceResult:
    attended_online: int = 0
    absent: int = 0
    unchanged: int = 0
    registrations_created: int = 0
    participants_created: int = 0
    unmatched: int = 0

    def summary(self) -> str:
        return str(msg("attendance.result_summary", **asdict(self)))  # placeholders: the fields


def apply_attendance(
    session: Session,
    event_id: int,
    report: AttendanceReport,
    **options: Any,
) -> AttendanceResult:
    """Plan again inside the caller's transaction and apply the whole plan.

    A report of which no row matches anyone is refused: applied, it would only mark every
    registrant absent (a wrong file, or a layout read wrongly)."""
    plan = plan_attendance(session, event_id, report, **options)
    if plan.nothing_matched:
        raise UserError(NOTHING_MATCHED_MESSAGE)
    result = AttendanceResult(unmatched=len(plan.unmatched))
    regs = {
        r.participant_id: r
        for r in session.scalars(select(Registration).where(Registration.event_id == event_id))
    }
    for change in plan.changes:
        pid = change.participant_id
        if pid is None:
            person = plan.outcomes[change.outcome_index or 0].person
            new = Participant(name=person.name.strip(), email=person.email.strip())
            session.add(new)
            session.flush()
            pid = new.id
            result.participants_created += 1
        reg = regs.get(pid)
        if reg is None:
            reg = Registration(event_id=event_id, participant_id=pid, state=change.new_state)
            session.add(reg)
            regs[pid] = reg
            result.registrations_created += 1
        elif reg.state == change.new_state and reg.minutes_online == change.minutes:
            result.unchanged += 1
            continue
        reg.state = change.new_state
        reg.minutes_online = change.minutes
        if change.new_state == AttendanceState.ATTENDED_ONLINE:
            result.attended_online += 1
        elif change.new_state == AttendanceState.ABSENT:
            result.absent += 1
        else:
            result.unchanged += 1
    session.flush()
    return result
