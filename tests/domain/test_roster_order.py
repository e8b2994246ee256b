"""Print order of a participant list: official municipality code order, or 五十音."""

from __future__ import annotations

from kenshu_desk.domain.models import Organisation
from kenshu_desk.domain.roster import (
    RosterEntry,
    RosterOrder,
    organisation_sort_key,
    sort_entries,
)

SAITAMA = Organisation(name="さいたま市", kana="さいたまし", lgcode="111007", category="市町村")
KAWAGOE = Organisation(name="川越市", kana="かわごえし", lgcode="112011", category="市町村")
KUMAGAYA = Organisation(name="熊谷市", kana="くまがやし", lgcode="112020", category="市町村")
KAWAGOE_SHAKYO = Organisation(
    name="川越市社会福祉協議会", category="社会福祉協議会", municipality=KAWAGOE
)
KAWAGOE_HOUKATSU = Organisation(
    name="川越市地域包括支援センター", category="地域包括支援センター", municipality=KAWAGOE
)
PREFECTURE = Organisation(name="埼玉県", kana="さいたまけん", category="都道府県")
UNIVERSITY = Organisation(name="文京学院大学", kana="ぶんきょうがくいんだいがく", category="その他")


def entry(n: int, name: str, reading: str, org: Organisation | None) -> RosterEntry:
    return RosterEntry(
        participant_id=n,
        name=name,
        reading=reading,
        organisation=org.name if org else "",
        department="",
        title="",
        organisation_key=organisation_sort_key(org),
    )


ENTRIES = [
    entry(1, "無所属 一郎", "むしょぞく いちろう", None),
    entry(2, "大学 花子", "だいがく はなこ", UNIVERSITY),
    entry(3, "県庁 太郎", "けんちょう たろう", PREFECTURE),
    entry(4, "包括 次郎", "ほうかつ じろう", KAWAGOE_HOUKATSU),
    entry(5, "社協 三郎", "しゃきょう さぶろう", KAWAGOE_SHAKYO),
    entry(6, "熊谷 四郎", "くまがや しろう", KUMAGAYA),
    entry(7, "渡辺 葵", "わたなべ あおい", KAWAGOE),
    entry(8, "青木 葵", "あおき あおい", KAWAGOE),
    entry(9, "埼玉 五郎", "さいたま ごろう", SAITAMA),
    entry(10, "読み なし", "", SAITAMA),
]


def test_organisation_order_follows_official_codes_and_links():
    names = [e.name for e in sort_entries(ENTRIES, RosterOrder.ORGANISATION)]
    assert names == [
        "埼玉 五郎",  # さいたま市 111007; the person with a reading first
        "読み なし",
        "青木 葵",  # 川越市 112011, by reading within the city
        "渡辺 葵",
        "社協 三郎",  # 川越市社会福祉協議会 under 川越市
        "包括 次郎",  # then its 地域包括支援センター
        "熊谷 四郎",  # 熊谷市 112020
        "県庁 太郎",  # bodies not tied to a municipality, by reading: さいたまけん
        "大学 花子",  # ぶんきょう…
        "無所属 一郎",  # no organisation: last
    ]


def test_reading_order_is_gojuon_with_empty_readings_last():
    names = [e.name for e in sort_entries(ENTRIES, RosterOrder.READING)]
    assert names[:3] == ["青木 葵", "熊谷 四郎", "県庁 太郎"]
    assert names[-2:] == ["渡辺 葵", "読み なし"]


def test_linked_organisation_without_municipality_code_is_an_other():
    orphan = Organisation(name="どこかの社協", category="社会福祉協議会")
    assert organisation_sort_key(orphan)[0] == 1
    assert organisation_sort_key(None) > organisation_sort_key(orphan)
    assert RosterOrder("reading").label == "五十音順"
