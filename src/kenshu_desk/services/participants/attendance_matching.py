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
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.kanji_variants import fold_variants
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.domain.romaji import looks_romaji, reading_skeletons, romaji_skeleton
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_reports import (
    AttendanceReport,
    Interval,
    ReportPerson,
)

DEFAULT_THRESHOLD_PCT = 50
# A report nobody of which matched is refused; NOTHING_MATCHED: the command line's (Japanese) line.
NOTHING_MATCHED_MESSAGE = msg("attendance.nothing_matched")
NOTHING_MATCHED = NOTHING_MATCHED_MESSAGE.text("ja")


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Union of intervals, sorted; overlapping or touching ones become one."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def seconds_within(intervals: Iterable[Interval], window: Interval) -> int:
    lo, hi = window
    total = 0.0
    for start, end in merge_intervals(intervals):
        s, e = max(start, lo), min(end, hi)
        if e > s:
            total += (e - s).total_seconds()
    return int(total)


_ORGANISER_ROLES = frozenset(
    match_key(w) for w in ("Organizer", "Organiser", "Host", "開催者", "主催者", "ホスト")
)
_BRACKETS = re.compile(r"[(（\[［【〔「](.*?)[)）\]］】〕」]")
_SEPARATORS = re.compile(r"[_＿/／|｜,，、@＠]+|\s+[-－ー―]\s+")


def name_key(text: str) -> str:
    """The key names are matched by: match_key with old and variant kanji folded (髙 → 高)."""
    return fold_variants(match_key(text))


# A part of a display name that names an organisation rather than a person.
_ORGANISATION_WORD = re.compile(
    r"(都|道|府|県|市|区|町|村|役場|役所|庁|省|社協|協議会|センター|事業所|法人|病院|大学)$"
)


def organisations_mentioned(display: str, known: set[str]) -> set[str]:
    """Keys of the organisations a display name names: 「石井 翔（さいたま市）」 → {さいたま市},
    「所属_名前」, 「名前＠所属」, 「名前/所属」; Teams' (External) is not one."""
    pieces = [*_BRACKETS.findall(display)]
    outside = _BRACKETS.sub(" ", display)
    parts = [p for p in _SEPARATORS.split(outside) if p.strip()]
    if len(parts) > 1:
        pieces += parts
    words = outside.split()
    if len(words) >= 3 or (len(words) == 2 and len(parts) == 1):
        pieces += [words[0], words[-1]]
    found = set()
    for piece in pieces:
        key = name_key(piece)
        if len(key) >= 2 and (key in known or _ORGANISATION_WORD.search(key)):
            found.add(key)
    return found


def name_variants(display: str) -> list[str]:
    """Name keys a display name may stand for: whole, outside brackets, each part."""
    out: list[str] = []

    def add(text: str) -> None:
        key = name_key(text)
        if len(key) >= 2 and key not in out:
            out.append(key)

    add(display)
    outside = _BRACKETS.sub(" ", display)
    add(outside)
    for inner in _BRACKETS.findall(display):
        add(inner)
    for piece in (outside, *_BRACKETS.findall(display)):
        for part in _SEPARATORS.split(piece):
            add(part)
        words = piece.split()
        if len(words) >= 2:  # 「さいたま市 髙橋 美咲」: try without the first or the last word
            add(" ".join(words[1:]))
            add(" ".join(words[:-1]))
    return out


# Names a device gives itself when its user did not type one, and bare phone numbers.
_DEVICE_NAME = re.compile(
    r"^(?:.*の)?(?:ipad|iphone|galaxy[\w\s-]*|android[\w\s-]*|pixel[\w\s-]*|xperia[\w\s-]*|"
    r"aquos[\w\s-]*|arrows[\w\s-]*|surface[\w\s-]*|zoom user|ユーザー|user)$"
    r"|^[\d\s()+\-xX＋－]{8,}$",
    re.IGNORECASE,
)


def is_device_name(display: str) -> bool:
    """「iPad」, 「Galaxy S21」, 「090XXXX1234」: a second device, not a person's name."""
    return bool(_DEVICE_NAME.match(display.strip()))


@dataclass(frozen=True)
class Candidate:
    participant_id: int
    name: str
    organisation: str
    email: str
    registered: bool

    def label(self) -> str:
        if not self.organisation:
            return self.name
        return str(msg("attendance.candidate", name=self.name, organisation=self.organisation))


@dataclass
class Outcome:
    """One person of the report and what they matched."""

    index: int
    person: ReportPerson
    participant_id: int | None = None
    how: str = ""  # email / name / assigned / new
    candidates: list[Candidate] = field(default_factory=list)
    seconds: int = 0  # for an unmatched row: this row alone; for a match: the participant's total
    device: bool = False  # a default device name: the candidates are people it may belong to

    @property
    def matched(self) -> bool:
        return self.participant_id is not None or self.how == "new"

    @property
    def is_organiser(self) -> bool:
        """The meeting's organiser (Teams role), usually the prefecture's own account."""
        return any(match_key(e.role) in _ORGANISER_ROLES for e in self.person.entries)

    @property
    def minutes(self) -> int:
        return round(self.seconds / 60)


@dataclass
class Change:
    """What happens to one registration."""

    participant_id: int | None  # None: a person to be added (Outcome.how == "new")
    name: str
    organisation: str
    old_state: str | None  # None: a new registration
    new_state: str
    minutes: int
    outcome_index: int | None = None
    kept: bool = False  # would have been lowered (出席 → 欠席); kept as recorded

    @property
    def changed(self) -> bool:
        return self.old_state != self.new_state


@dataclass
class AttendancePlan:
    event_id: int
    event_title: str
    window: Interval
    threshold_pct: float
    mark_missing_absent: bool
    outcomes: list[Outcome]
    changes: list[Change]
    warnings: list[str] = field(default_factory=list)

    @property
    def nothing_matched(self) -> bool:
        """The report has people, and not one of them is anyone of ours."""
        people = [o for o in self.outcomes if not o.is_organiser]
        return bool(people) and not any(o.matched for o in people)

    @property
    def event_minutes(self) -> int:
        return round((self.window[1] - self.window[0]).total_seconds() / 60)

    @property
    def threshold_minutes(self) -> float:
        return self.event_minutes * self.threshold_pct / 100

    @property
    def unmatched(self) -> list[Outcome]:
        """Rows the organiser has to resolve (the meeting's organiser is not one of them)."""
        return [o for o in self.outcomes if not o.matched and not o.is_organiser]

    def count(self, state: AttendanceState) -> int:
        return sum(1 for c in self.changes if c.new_state == state.value)

    def summary(self) -> str:
        summary = msg(
            "attendance.plan_summary",
            online=self.count(AttendanceState.ATTENDED_ONLINE),
            absent=self.count(AttendanceState.ABSENT),
            venue=self.count(AttendanceState.ATTENDED_VENUE),
            unmatched=len(self.unmatched),
            threshold=self.threshold_minutes,
            minutes=self.event_minutes,
            pct=self.threshold_pct,
        )
        return str(summary)


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
            for piece in (_BRACKETS.sub(" ", name), *_BRACKETS.findall(name)):
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
            return None, "", [found]
        if found is not None:
            return found, how, []
        if ambiguous:
            fitting = [i for i in ambiguous if self._belongs(i, mentioned)]
            if mentioned and len(fitting) == 1:
                return fitting[0], how, []
            return None, "", ambiguous
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
            o.device = True
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
