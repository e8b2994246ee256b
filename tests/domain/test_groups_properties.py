"""Discussion groups: the guarantees of assign_groups, checked over random attendances."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from kenshu_desk.domain.groups import GroupMember, assign_groups, groups_to_json

ORGS = ["さいたま市", "川越市", "熊谷市", "小川町", "東秩父村", "県社協", "埼玉県", ""]
SIZES = {
    "さいたま市": "政令指定都市",
    "川越市": "中核市",
    "熊谷市": "市",
    "小川町": "町",
    "東秩父村": "村",
}

people = st.lists(st.tuples(st.sampled_from(ORGS), st.booleans()), min_size=0, max_size=60).map(
    lambda rows: [
        GroupMember(i + 1, f"参加者{i + 1}", org, SIZES.get(org, ""), staff=org == "埼玉県")
        for i, (org, _) in enumerate(rows)
    ]
)


@settings(max_examples=300, deadline=None)
@given(people, st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=99))
def test_sizes_even_and_organisations_apart(members, count, seed):
    groups = assign_groups(members, count, seed)
    assert [g.number for g in groups] == list(range(1, count + 1))
    sizes = [len(g.members) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    placed = sorted(m.participant_id for g in groups for m in g.members)
    assert placed == sorted(m.participant_id for m in members)
    per_org = Counter(m.organisation_key for m in members)
    for group in groups:
        in_group = Counter(m.organisation_key for m in group.members)
        for org, n in in_group.items():
            # Apart while the numbers allow it; otherwise as evenly as possible.
            allowed = -(-per_org[org] // count)
            assert n <= allowed, (org, n, per_org[org], count)


def test_same_seed_same_groups_and_a_different_seed_can_differ():
    members = [
        GroupMember(i, f"氏名{i}", ORGS[i % 7], SIZES.get(ORGS[i % 7], "")) for i in range(1, 30)
    ]
    assert assign_groups(members, 4, seed=7) == assign_groups(members, 4, seed=7)
    assert any(
        assign_groups(members, 4, seed=s) != assign_groups(members, 4, seed=7) for s in range(8, 20)
    )


def test_sizes_of_municipalities_are_mixed():
    cities = [GroupMember(i, f"市{i}", f"市役所{i}", "市") for i in range(1, 9)]
    villages = [GroupMember(100 + i, f"村{i}", f"村役場{i}", "村") for i in range(1, 9)]
    groups = assign_groups(cities + villages, 4, seed=3)
    for group in groups:
        kinds = Counter(m.size_class for m in group.members)
        assert kinds == {"市": 2, "村": 2}


def test_staff_are_spread_one_per_group():
    staff = [GroupMember(i, f"職員{i}", f"県職員{i}", staff=True) for i in range(1, 4)]
    others = [GroupMember(10 + i, f"参加{i}", f"町{i}", "町") for i in range(1, 10)]
    for group in assign_groups(staff + others, 3, seed=1):
        assert sum(m.staff for m in group.members) == 1


def test_json_shape_is_the_contract():
    data = groups_to_json(assign_groups([GroupMember(5, "山田 花子", "川越市")], 2))
    assert list(data) == ["groups"]
    assert [g["number"] for g in data["groups"]] == [1, 2]
    assert all(list(g) == ["number", "members"] for g in data["groups"])
    members = [m for g in data["groups"] for m in g["members"]]
    assert members == [{"participant_id": 5, "name": "山田 花子", "organisation": "川越市"}]
