"""Importing a participant list (CSV/XLSX): mapping → preview → commit, all or nothing.

``ParticipantImport(table).preview(session)`` reads the database and writes nothing: it says,
row by row with the line number, what would happen (new person, already in the directory,
duplicate of an earlier line, error and why). ``commit(session, …)`` computes the same plan
again inside the caller's transaction (someone may have added people since the preview) and
applies it whole; with row errors it refuses unless told to skip them.

A person already in the directory is recognised by e-mail address (case-insensitive), else by
name + organisation compared through ``match_key`` — unless both give different addresses,
which makes them two people (with a warning in the preview). Names are stored exactly as
written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kenshu_desk.database import ConcurrentEditError
from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import Event, Organisation, Participant, Registration
from kenshu_desk.domain.validation import is_valid_email
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.column_mapping import (
    ColumnMapping,
    Field,
    detect_mapping,
    forms_metadata_width,
    header_field,
    visible,
)
from kenshu_desk.services.participants.import_checks import (
    Known,
    compare_with_known,
    different_addresses,
    validate_row,
)
from kenshu_desk.services.participants.import_plan import (
    ACTION_LABELS,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    ParticipantValues,
    PreviewRow,
    RowAction,
    clean_email,
)
from kenshu_desk.services.participants.import_rows import (
    is_footer,
    latest_answers_first,
    refuse_attendance_report,
)
from kenshu_desk.services.participants.organisations import OrganisationIndex, OrgResolution
from kenshu_desk.services.shared.bulk import insert_in_order
from kenshu_desk.services.shared.tabular import Table, read_table

Progress = Callable[[int, int], None]

FULL_WIDTH_SPACE = "\u3000"


def _fingerprint(session: Session, event_id: int | None) -> tuple[object, ...]:
    """Changes whenever a participant, organisation or the event's registrations change:
    rows added or deleted move the counts and maximum ids, edits move the version sums."""
    people = session.execute(
        select(func.count(Participant.id), func.max(Participant.id), func.sum(Participant.version))
    ).one()
    orgs = session.execute(select(func.count(Organisation.id), func.max(Organisation.id))).one()
    regs = (
        session.execute(
            select(func.count(Registration.id), func.max(Registration.id)).where(
                Registration.event_id == event_id
            )
        ).one()
        if event_id is not None
        else ()
    )
    return (*people, *orgs, *regs)


def _address(raw: str) -> str:
    """An address cell; Microsoft Forms writes "anonymous" for a respondent it does not know."""
    email = clean_email(raw)
    return "" if email.casefold() == "anonymous" else email


def _join(family: str, given: str) -> str:
    return FULL_WIDTH_SPACE.join(p for p in (family.strip(), given.strip()) if p)


class ParticipantImport:
    """One file being imported: its table, the column mapping, and the plan."""

    def __init__(self, table: Table, mapping: ColumnMapping | None = None) -> None:
        self.table = table
        self.mapping = mapping if mapping is not None else detect_mapping(table)
        self._rows_cache: tuple[object, list[tuple[int, ParticipantValues]]] | None = None
        self.footer_lines: list[int] = []
        refuse_attendance_report(table)

    @classmethod
    def from_file(cls, path: Path, progress: Progress | None = None) -> ParticipantImport:
        return cls(read_table(path, progress))

    def require_mapping(self) -> ColumnMapping:
        if self.mapping is None or not self.mapping.has_name():
            raise UserError.of("import.no_name_column", name=self.table.name)
        header = visible(self.table, self.table.rows[self.mapping.header_row])
        skip = forms_metadata_width(header)  # Microsoft Forms' respondent Name: not a question
        names = [
            i for i, cell in enumerate(header) if i >= skip and header_field(cell) == Field.NAME
        ]
        if len(names) > 1:
            # Two people per row (申込者と同行者): reading only the first would drop the second.
            cols = str(msg("import.column_separator")).join(
                str(msg("import.name_column", header=header[i], number=i + 1)) for i in names
            )
            raise UserError.of(
                "import.several_name_columns", name=self.table.name, count=len(names), columns=cols
            )
        return self.mapping

    # --- reading rows -------------------------------------------------------------------

    def _values(self, cells: list[str]) -> ParticipantValues | None:
        columns = self.require_mapping().columns
        width = len(cells)

        def get(f: Field) -> str:
            col = columns.get(f)
            return cells[col] if col is not None and col < width else ""  # cells are stripped

        name = get(Field.NAME) or _join(get(Field.FAMILY_NAME), get(Field.GIVEN_NAME))
        reading = get(Field.READING) or _join(get(Field.FAMILY_READING), get(Field.GIVEN_READING))
        if not reading and self.table.phonetic:
            # No reading column: the reading Excel kept when the name was typed (=PHONETIC()).
            phonetic = self.table.phonetic
            reading = phonetic.get(get(Field.NAME), "") or _join(
                phonetic.get(get(Field.FAMILY_NAME), ""), phonetic.get(get(Field.GIVEN_NAME), "")
            )
        values = ParticipantValues(
            name=name,
            reading=reading,
            organisation=get(Field.ORGANISATION),
            department=get(Field.DEPARTMENT),
            title=get(Field.TITLE),
            email=_address(get(Field.EMAIL)),
            phone=unicodedata.normalize("NFKC", get(Field.PHONE)),
            notes=get(Field.NOTES),
            other_email=clean_email(get(Field.OTHER_EMAIL)),
        )
        if values.other_email.casefold() == values.email.casefold():
            values.other_email = ""
        if not any(vars(values).values()):
            return None  # a blank row, or one with only the template's 「No.」 filled in
        values.answered = get(Field.ANSWERED)
        return values

    def data_rows(self) -> list[tuple[int, ParticipantValues]]:
        """(line, values) of the rows under the header; computed once per mapping."""
        mapping = self.require_mapping()
        cache_key = (mapping.header_row, tuple(sorted(mapping.columns.items())))
        if self._rows_cache is not None and self._rows_cache[0] == cache_key:
            return self._rows_cache[1]
        header = self.table.rows[mapping.header_row]
        out = []
        self.footer_lines = []
        for index in range(mapping.header_row + 1, len(self.table.rows)):
            cells = self.table.rows[index]
            if cells == header:
                continue  # the header repeated (lists pasted together)
            if is_footer(cells):
                self.footer_lines.append(self.table.lines[index])
                continue  # 「以上」, 「計 30名」, a note under the table: not a person
            values = self._values(cells)
            if values is not None:
                out.append((self.table.lines[index], values))
        self._rows_cache = (cache_key, out)
        return out

    # --- the plan -------------------------------------------------------------------------

    def preview(self, session: Session, event_id: int | None = None) -> ImportPreview:
        """What commit would do, row by row. Reads the database, writes nothing."""
        mapping = self.require_mapping()
        if event_id is not None and session.get(Event, event_id) is None:
            raise UserError.of("participants.event_not_found", event_id=event_id)
        rows = self.data_rows()
        if not rows:
            raise UserError.of("import.no_data_rows", name=self.table.name)
        orgs = OrganisationIndex(session)
        known = [
            Known(*r)
            for r in session.execute(
                select(
                    Participant.id,
                    Participant.name,
                    Participant.email,
                    Participant.organisation_id,
                    Participant.archived,
                    Participant.other_email,
                )
            )
        ]
        by_email: dict[str, Known] = {}
        by_name_org: dict[tuple[str, str], Known] = {}
        # Active people win over archived ones with the same address or name.
        for k in sorted(known, key=lambda k: (k.archived, k.id)):
            if k.email:
                by_email.setdefault(k.email.casefold(), k)
            if k.other_email:
                by_email.setdefault(k.other_email.casefold(), k)
            org_key = f"id:{k.organisation_id}" if k.organisation_id is not None else "none"
            by_name_org.setdefault((match_key(k.name), org_key), k)
        registered: set[int] = set()
        if event_id is not None:
            registered = set(
                session.scalars(
                    select(Registration.participant_id).where(Registration.event_id == event_id)
                )
            )

        seen_email: dict[str, PreviewRow] = {}
        seen_name: dict[tuple[str, str], PreviewRow] = {}
        preview_rows: list[PreviewRow] = []
        new_orgs: dict[str, OrgResolution] = {}
        for line, values in latest_answers_first(rows):
            row = PreviewRow(line, values)
            preview_rows.append(row)
            validate_row(row)
            row.organisation = orgs.resolve(values.organisation)
            if row.errors:
                row.action = RowAction.ERROR
                continue
            org_key = row.organisation.key if row.organisation else "none"
            name_key = (match_key(values.name), org_key)
            email_key = values.email.casefold()
            first = seen_email.get(email_key) if email_key else None
            if first is None and values.other_email:
                first = seen_email.get(values.other_email.casefold())
            same_name = seen_name.get(name_key)
            if first is None and same_name is not None:
                if different_addresses(email_key, same_name.values.email):
                    # Two addresses: two people who share a name (or one with two addresses —
                    # the organiser can tell, this code cannot). Keep both, say so.
                    row.add_warning(msg("import.same_name_as_line", line=same_name.line))
                else:
                    first = same_name
            if first is not None:
                row.action = RowAction.DUPLICATE
                row.duplicate_of = first.line
                row.existing_id = first.existing_id
                row.already_registered = first.already_registered
                if match_key(first.values.name) != name_key[0]:
                    other = first.values.name
                    row.add_warning(msg("import.same_email_as_line", line=first.line, name=other))
                continue
            if email_key:
                seen_email[email_key] = row
            other_key = values.other_email.casefold()
            if other_key:
                seen_email.setdefault(other_key, row)
            seen_name.setdefault(name_key, row)
            match = by_email.get(email_key) if email_key else None
            if match is None and other_key:
                match = by_email.get(other_key)
            namesake = by_name_org.get(name_key)
            if match is None and namesake is not None:
                if different_addresses(email_key, namesake.email):
                    row.add_warning(msg("import.namesake_in_directory", email=namesake.email))
                else:
                    match = namesake
            if match is not None:
                row.action = RowAction.EXISTING
                row.existing_id = match.id
                row.already_registered = match.id in registered
                compare_with_known(row, match)
            elif row.organisation is not None and row.organisation.existing_id is None:
                new_orgs.setdefault(row.organisation.key, row.organisation)
        preview_rows.sort(key=lambda r: r.line)
        for row in preview_rows:
            if row.action == RowAction.NEW and row.organisation and row.organisation.new_name:
                new_orgs.setdefault(row.organisation.key, row.organisation)
        return ImportPreview(
            fingerprint=_fingerprint(session, event_id),
            source=self.table.name,
            format_label=self.table.format_label,
            header_line=self.table.lines[mapping.header_row],
            mapping_text=mapping.describe(self.table),
            rows=preview_rows,
            new_organisations=list(new_orgs.values()),
            event_id=event_id,
        )

    # --- writing --------------------------------------------------------------------------

    def commit(
        self,
        session: Session,
        *,
        event_id: int | None = None,
        skip_errors: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        preview: ImportPreview | None = None,
    ) -> ImportResult:
        """Apply the plan in the caller's transaction (``with db.session()``): all or nothing.

        ``preview`` (the one the user confirmed) is reused when the database has not changed
        since it was made; otherwise the plan is made again against what is there now.
        """
        if (
            preview is None
            or preview.event_id != event_id
            or preview.fingerprint != _fingerprint(session, event_id)
        ):
            preview = self.preview(session, event_id)
        if preview.has_errors and not skip_errors:
            first = preview.error_rows[0]
            count = len(preview.error_rows)
            raise UserError.of(
                "import.rows_have_errors", count=count, line=first.line, problem=first.message()
            )
        total = len(preview.rows)

        def step(done: int) -> None:
            if cancelled is not None and cancelled():
                raise ImportCancelled.of("import.cancelled")
            if progress is not None:
                progress(done, total)

        result = ImportResult()
        step(0)
        org_ids = self._create_organisations(session, preview, result)
        ids_by_line: dict[int, int] = {}
        new_rows = [r for r in preview.rows if r.action == RowAction.NEW]
        batch = 1000
        for start in range(0, len(new_rows), batch):
            chunk = new_rows[start : start + batch]
            params = [self._insert_params(r, org_ids) for r in chunk]
            ids = insert_in_order(session, Participant, params)
            for r, pid in zip(chunk, ids, strict=True):
                ids_by_line[r.line] = pid
            result.created += len(chunk)
            step(start + len(chunk))
        existing = [r for r in preview.rows if r.action == RowAction.EXISTING]
        self._fill_blanks(session, existing, org_ids, result)
        result.matched = len(existing)
        result.duplicates = preview.count(RowAction.DUPLICATE)
        result.skipped_errors = len(preview.error_rows)
        for r in existing:
            assert r.existing_id is not None
            ids_by_line[r.line] = r.existing_id
        ordered: dict[int, None] = {}  # an insertion-ordered set
        for r in preview.rows:
            line = r.duplicate_of or 0 if r.action == RowAction.DUPLICATE else r.line
            own_id = r.existing_id if r.action == RowAction.DUPLICATE else None
            if (found := ids_by_line.get(line, own_id)) is not None:
                ordered[found] = None
        result.participant_ids = list(ordered)
        if event_id is not None:
            self._register(session, event_id, result.participant_ids, result)
        session.flush()
        step(total)
        return result

    @staticmethod
    def _create_organisations(
        session: Session, preview: ImportPreview, result: ImportResult
    ) -> dict[str, int]:
        created = [
            (
                res.key,
                Organisation(
                    name=res.new_name or res.written,
                    category=res.category,
                    municipality_id=res.municipality_id,
                ),
            )
            for res in preview.new_organisations
        ]
        session.add_all([org for _, org in created])
        session.flush()  # one flush for all of them: the ids are needed for the people
        result.organisations_created = len(created)
        return {key: org.id for key, org in created}

    @staticmethod
    def _org_id(row: PreviewRow, org_ids: dict[str, int]) -> int | None:
        res = row.organisation
        if res is None:
            return None
        return res.existing_id if res.existing_id is not None else org_ids.get(res.key)

    def _insert_params(self, row: PreviewRow, org_ids: dict[str, int]) -> dict[str, object]:
        v = row.values
        return {
            "name": v.name,
            "reading": v.reading,
            "organisation_id": self._org_id(row, org_ids),
            "department": v.department,
            "title": v.title,
            "email": v.email,
            "other_email": v.other_email,
            "phone": v.phone,
            "notes": v.notes,
            "archived": False,
        }

    def _fill_blanks(
        self,
        session: Session,
        rows: list[PreviewRow],
        org_ids: dict[str, int],
        result: ImportResult,
    ) -> None:
        """Complete what the directory lacks; never overwrite what someone entered."""
        if not rows:
            return
        people = {
            p.id: p
            for p in session.scalars(
                select(Participant).where(Participant.id.in_([r.existing_id for r in rows]))
            )
        }
        for row in rows:
            person = people[row.existing_id]  # type: ignore[index]
            v = row.values
            changed = False
            for attr in ("reading", "department", "title", "email", "phone", "other_email"):
                if not getattr(person, attr) and getattr(v, attr):
                    setattr(person, attr, getattr(v, attr))
                    changed = True
            if person.organisation_id is None and self._org_id(row, org_ids) is not None:
                person.organisation_id = self._org_id(row, org_ids)
                changed = True
            if person.archived:
                person.archived = False
                result.restored += 1
            elif changed:
                result.updated += 1
        session.flush()

    @staticmethod
    def _register(session: Session, event_id: int, ids: list[int], result: ImportResult) -> None:
        already = set(
            session.scalars(
                select(Registration.participant_id).where(Registration.event_id == event_id)
            )
        )
        todo = [pid for pid in ids if pid not in already]
        result.already_registered = len(ids) - len(todo)
        if todo:
            try:
                session.execute(
                    insert(Registration),
                    [{"event_id": event_id, "participant_id": p} for p in todo],
                )
            except IntegrityError as exc:
                # Another organiser registered one of them after the plan was checked (the
                # unique constraint): nothing of the import is saved; run again, it skips them.
                raise ConcurrentEditError() from exc
        result.registered = len(todo)


def preview_file(session: Session, path: Path, event_id: int | None = None) -> ImportPreview:
    return ParticipantImport.from_file(path).preview(session, event_id)


__all__ = [
    "ACTION_LABELS",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "ParticipantImport",
    "ParticipantValues",
    "PreviewRow",
    "RowAction",
    "clean_email",
    "is_valid_email",
    "preview_file",
]
