"""Finding the organisation a participant list names, and linking bodies to municipalities.

「川越市」 is the municipality from the reference data; 「川越市社会福祉協議会」 and
「社会福祉法人 川越市社会福祉協議会」 are one body linked to it; 「埼玉県川越市」 is 川越市. Names are
compared through ``match_key``; a new organisation is stored as the user wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import Organisation

PREFECTURE = "埼玉県"

# Legal-form prefixes written before a body's own name.
_LEGAL_PREFIXES = tuple(
    match_key(p)
    for p in (
        "社会福祉法人",
        "社福",
        "(福)",
        "（福）",
        "特定非営利活動法人",
        "NPO法人",
        "一般社団法人",
        "公益社団法人",
        "一般財団法人",
        "公益財団法人",
        "医療法人",
        "株式会社",
        "(株)",
        "㈱",
    )
)

# Category from the words in a name; the first that fits wins.
_CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("社会福祉協議会", ("社会福祉協議会", "社協")),
    ("地域包括支援センター", ("地域包括支援センター", "包括支援センター")),
    ("基幹相談支援センター", ("基幹相談支援センター",)),
    ("都道府県", ("県庁", "県")),
    ("国", ("省", "庁")),
)


def infer_category(name: str) -> str:
    key = match_key(name)
    for category, words in _CATEGORY_WORDS:
        if any(match_key(w) in key for w in words):
            return category
    return "その他"


def _core_key(name: str) -> str:
    """match_key without the prefecture and a legal-form prefix: what identifies the body."""
    key = match_key(name)
    changed = True
    while changed:
        changed = False
        for prefix in (*_LEGAL_PREFIXES, match_key(PREFECTURE)):
            if key.startswith(prefix) and len(key) > len(prefix):
                key = key[len(prefix) :]
                changed = True
    return key


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    municipality_id: int | None  # itself for a municipality
    lgcode: str | None


@dataclass(frozen=True)
class OrgResolution:
    """Where a written organisation name leads: an existing row, or one to create."""

    written: str
    existing_id: int | None
    new_name: str | None  # set when a new organisation would be created
    category: str
    municipality_id: int | None
    municipality_name: str | None
    key: str  # identity for duplicate detection before anything exists in the database


class OrganisationIndex:
    """All organisations loaded once, for resolving thousands of rows without queries."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(
                Organisation.id,
                Organisation.name,
                Organisation.municipality_id,
                Organisation.lgcode,
            )
        ).all()
        self.by_id: dict[int, OrgInfo] = {}
        self._by_key: dict[str, OrgInfo] = {}
        municipalities: list[OrgInfo] = []
        for oid, name, municipality_id, lgcode in rows:
            info = OrgInfo(oid, name, oid if lgcode else municipality_id, lgcode)
            self.by_id[oid] = info
            self._by_key.setdefault(_core_key(name), info)
            if lgcode:
                municipalities.append(info)
        # Longest first, so that a name starting with 「上里町」 is not taken for 「上」…, and
        # 「さいたま市社会福祉協議会」 finds さいたま市.
        self._municipalities = sorted(municipalities, key=lambda m: -len(match_key(m.name)))
        self._cache: dict[str, OrgResolution | None] = {}

    def municipality_prefix(self, name: str) -> OrgInfo | None:
        key = _core_key(name)
        for m in self._municipalities:
            if key.startswith(match_key(m.name)):
                return m
        return None

    def resolve(self, written: str) -> OrgResolution | None:
        written = written.strip()
        if not written:
            return None
        if written in self._cache:  # a list names the same few bodies thousands of times
            return self._cache[written]
        key = _core_key(written)
        found = self._by_key.get(key)
        if found is not None:
            municipality = self.by_id.get(found.municipality_id) if found.municipality_id else None
            result = OrgResolution(
                written=written,
                existing_id=found.id,
                new_name=None,
                category="",
                municipality_id=found.municipality_id,
                municipality_name=municipality.name if municipality else None,
                key=f"id:{found.id}",
            )
        else:
            municipality = self.municipality_prefix(written)
            result = OrgResolution(
                written=written,
                existing_id=None,
                new_name=written,
                category=infer_category(written),
                municipality_id=municipality.id if municipality else None,
                municipality_name=municipality.name if municipality else None,
                key=f"new:{key}",
            )
        self._cache[written] = result
        return result
