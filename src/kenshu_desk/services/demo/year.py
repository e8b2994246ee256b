"""Demo data for the year view and the municipality records (called from services.demo).

From the seed (shared/seed/saitama_backend_support.md): the nine rows of the hearing table
(新規/継続, 現状, 支援内容, 派遣実績 with dates and advisers) and the FY2021 counts of the
progress table (県内の進捗状況), which the statuses below reproduce exactly. Invented for
the demo: which municipality each hearing row belongs to (the seed hides the names) and
every municipality's status — they are not the real survey answers of those municipalities.
Records are only added, never overwritten, so running `demo` again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Event, MeasureState, Speaker
from kenshu_desk.domain.progress import MeasureStatus
from kenshu_desk.services.year.dispatches import DispatchInput, add_dispatch
from kenshu_desk.services.year.municipality_records import (
    RecordInput,
    get_record,
    municipalities,
    save_record,
)

FISCAL_YEAR = 2021
_IN = MeasureStatus(MeasureState.IN_PLACE)
_NONE = MeasureStatus()


def _plan(fy: int | None) -> MeasureStatus:
    return MeasureStatus(MeasureState.PLANNED, fy)


# (window, team) → municipalities. Together: 30 with a system now (10 both, 10 window only,
# 10 team only), 32 by the end of FY2021, 40 by FY2022, 48 later; 15 with nothing planned.
SYSTEM: list[tuple[MeasureStatus, MeasureStatus, tuple[str, ...]]] = [
    (_IN, _IN, ("さいたま市", "川越市", "所沢市", "狭山市", "草加市", "戸田市", "三郷市")),
    (_IN, _IN, ("ふじみ野市", "鶴ヶ島市", "鳩山町")),
    (_IN, _NONE, ("熊谷市", "川口市", "春日部市", "上尾市", "越谷市", "坂戸市", "北本市")),
    (_IN, _NONE, ("志木市", "伊奈町")),
    (_IN, _plan(2022), ("桶川市",)),  # window now, team next year: window only → both
    (_NONE, _IN, ("秩父市", "飯能市", "東松山市", "深谷市", "入間市", "朝霞市", "和光市")),
    (_NONE, _IN, ("新座市", "久喜市", "富士見市")),
    (_plan(2021), _plan(2021), ("蕨市",)),
    (_NONE, _plan(2021), ("八潮市",)),
    (_plan(2022), _plan(2022), ("行田市", "加須市", "本庄市")),
    (_plan(2022), _NONE, ("羽生市", "鴻巣市", "蓮田市", "幸手市")),
    (_NONE, _plan(2022), ("日高市",)),
    (_plan(2023), _plan(2023), ("吉川市",)),
    (_plan(None), _plan(None), ("白岡市",)),  # 方向性が定まっていない: planned, year open
    (_plan(2023), _NONE, ("三芳町", "毛呂山町", "小川町")),
    (_NONE, _plan(2024), ("川島町", "吉見町", "杉戸町")),
    (_NONE, _NONE, ("越生町", "滑川町", "嵐山町", "ときがわ町", "横瀬町", "皆野町", "長瀞町")),
    (_NONE, _NONE, ("小鹿野町", "東秩父村", "美里町", "神川町", "上里町", "寄居町", "宮代町")),
    (_NONE, _NONE, ("松伏町",)),
]

# 重層的支援体制整備事業: 2 now, 7 by FY2022, 12 later. 移行準備事業: 6 now, 8, 9.
MULTILAYER: dict[str, MeasureStatus] = {
    "狭山市": _IN,
    "ふじみ野市": _IN,
    **dict.fromkeys(("さいたま市", "所沢市", "草加市", "戸田市", "三郷市"), _plan(2022)),
    **dict.fromkeys(("川口市", "越谷市", "上尾市", "鶴ヶ島市"), _plan(2023)),
    "吉川市": _plan(2024),  # the seed: R6に重層実施予定
}
TRANSITION: dict[str, MeasureStatus] = {
    **dict.fromkeys(("さいたま市", "所沢市", "草加市", "戸田市", "三郷市", "川越市"), _IN),
    **dict.fromkeys(("川口市", "越谷市"), _plan(2022)),
    "上尾市": _plan(2023),
}


@dataclass(frozen=True)
class Hearing:
    municipality: str
    support_type: str
    situation: tuple[str, ...]
    support: tuple[str, ...]
    # (date, kind, adviser keys of demo_data.SPEAKERS names); no adviser = 県職員
    visits: tuple[tuple[dt.date, str, tuple[str, ...]], ...]


def _d(month: int, day: int) -> dt.date:
    return dt.date(FISCAL_YEAR if month >= 4 else FISCAL_YEAR + 1, month, day)


# The seed's ヒアリング・支援内容(例), row by row.
HEARINGS: tuple[Hearing, ...] = (
    Hearing(
        "上尾市",
        "継続",
        (
            "生活困窮の窓口がワンストップ窓口として対応。(市社協へ委託)",
            "すでに窓口はあるが総合相談支援体制の基盤をしっかりと整えたい。",
            "関係課は重層について認識が乏しいので制度説明・ケース検討会を実施したい。",
        ),
        ("県職員によるヒアリング", "庁内の勉強会"),
        ((_d(9, 16), "ヒアリング", ()),),
    ),
    Hearing(
        "鴻巣市",
        "新規",
        (
            "関係課担当者同士の連携はあるがチームと呼べるものではない。",
            "対応したケースの関係課での情報共有が課題。",
            "総合相談・重層の方向性が定まっていないのでアドバイザーに相談したい。",
        ),
        ("県職員によるヒアリング", "勉強会、意見交換会"),
        ((_d(7, 28), "ヒアリング", ()), (_d(10, 12), "勉強会", ("野村 政子",))),
    ),
    Hearing(
        "坂戸市",
        "継続",
        (
            "庁内福祉関係課の検討会2回、部会3回実施済み。教育、市民相談との連携まだ。",
            "PSWなどの専門職の確保が課題。(財源・人材難)",
            "市長にも報告済み。移行準備実施するかは未定。",
        ),
        ("県職員によるヒアリング", "〇〇市との打合せ→研修会"),
        ((_d(8, 13), "ヒアリング", ()),),
    ),
    Hearing(
        "志木市",
        "継続",
        (
            "R2.10から基幹福祉相談センターに総合相談窓口を開設(NPOへ委託)。",
            "障害部門が中心となっているため、高齢部門との連携を強化が課題。",
            "継続的に窓口を運営していくため、委託先の選定・関係性について検討したい。",
        ),
        ("県職員によるヒアリング", "包括経験者からの助言"),
        (
            (_d(8, 12), "ヒアリング", ()),
            (_d(10, 20), "勉強会", ("猪鼻 紗都子", "加藤 巳佐子")),
        ),
    ),
    Hearing(
        "蓮田市",
        "継続",
        (
            "窓口なく各課対応。複合課題は担当職員が対応するが関係課での共有なし。",
            "本庁(社会福祉課)と社協(サテライト)の両方で総合相談窓口を設置希望。",
            "副市長まで総合相談窓口の構想について話をしている。",
        ),
        ("県職員によるヒアリング", "庁内検討会議への参加"),
        ((_d(5, 12), "ヒアリング", ()), (_d(5, 27), "検討会議への参加", ("小平 慶一",))),
    ),
    Hearing(
        "蕨市",
        "継続",
        (
            "市長からのトップダウンで今年度中に総合相談窓口を設置予定。",
            "R3から地域共生担当が新設。相談窓口・重層を所管。庁内体制構築はこれから。",
            "多機関協働、参加支援についてはR4予算要求。アウトリーチは検討していない。",
        ),
        ("県職員によるヒアリング", "研修会、模擬支援会議への支援", "アドバイザーとの意見交換"),
        ((_d(9, 28), "ヒアリング", ()), (_d(11, 29), "研修会", ("熊木 しづ子",))),
    ),
    Hearing(
        "白岡市",
        "新規",
        (
            "地域福祉計画の改定(R4)の際に総合相談・重層を記載。",
            "課長以下は問題意識を共有。市長、部長へは次期計画の説明で報告。",
            "方向性が定まっていないのでアドバイザーに相談したい。",
        ),
        ("県職員によるヒアリング", "アドバイザーとの意見交換、勉強会"),
        ((_d(8, 19), "ヒアリング", ()), (_d(9, 28), "勉強会", ("野村 政子",))),
    ),
    Hearing(
        "和光市",
        "新規",
        (
            "人事、財政上、窓口設置は困難。課長・主幹級の意識が低い。",
            "調整するチームはあるがリーダーがいない。",
            "CSWも設置できず、多機関協働、参加支援も動けていない。",
        ),
        ("県職員によるヒアリング", "課長向け勉強会の実施"),
        ((_d(8, 10), "ヒアリング", ()), (_d(10, 18), "勉強会", ("野村 政子",))),
    ),
    Hearing(
        "吉川市",
        "新規",
        (
            "部課長、庁内関係課及び社協と重層のイメージ共有済み。",
            "R6に重層実施予定(社協への委託)",
            "人材確保、財政(補助金×、委託料増額)に難あり。",
        ),
        ("県職員によるヒアリング", "アドバイザーとの意見交換"),
        ((_d(8, 23), "勉強会", ("熊木 しづ子",)),),
    ),
)

# With the nine above: the 16 municipalities that asked for an adviser in FY2021.
OTHER_REQUESTS = ("八潮市", "日高市", "幸手市", "三芳町", "川島町", "羽生市", "小川町")


def _record_inputs() -> dict[str, RecordInput]:
    hearings = {h.municipality: h for h in HEARINGS}
    requested = set(hearings) | set(OTHER_REQUESTS)
    inputs: dict[str, RecordInput] = {}
    for window, team, names in SYSTEM:
        for name in names:
            hearing = hearings.get(name)
            inputs[name] = RecordInput(
                support_type=hearing.support_type if hearing else "",
                situation="\n".join(hearing.situation) if hearing else "",
                support="\n".join(hearing.support) if hearing else "",
                adviser_requested=name in requested,
                window=window,
                team=team,
                multilayer=MULTILAYER.get(name, _NONE),
                transition=TRANSITION.get(name, _NONE),
            )
    return inputs


def load_year_demo(session: Session) -> tuple[int, int]:
    """Add the FY2021 records and dispatches that are missing; returns (records, dispatches)."""
    inputs = _record_inputs()
    by_name = {m.name: m for m in municipalities(session)}
    missing = set(inputs) - set(by_name)
    if missing or len(inputs) != len(by_name):
        raise RuntimeError(f"demo statuses do not cover the municipalities: {sorted(missing)}")
    records = 0
    for name, data in inputs.items():
        org = by_name[name]
        if get_record(session, org.id, FISCAL_YEAR) is None:
            save_record(session, org.id, FISCAL_YEAR, data)
            records += 1
    speakers = {s.name: s.id for s in session.scalars(select(Speaker))}
    dispatches = 0
    for hearing in HEARINGS:
        org = by_name[hearing.municipality]
        office = "役所" if org.municipality_kind == "市" else "役場"
        for date, kind, advisers in hearing.visits:
            title = f"{org.name} {kind}"
            exists = session.scalar(
                select(Event.id).where(Event.date == date, Event.title == title)
            )
            if exists is not None:
                continue
            staff_only = not advisers
            add_dispatch(
                session,
                DispatchInput(
                    date=date,
                    kind=kind,
                    host_organisation_id=org.id,
                    adviser_ids=tuple(speakers[a] for a in advisers),
                    title=title,
                    start=dt.time(10, 0) if staff_only else dt.time(14, 0),
                    end=dt.time(11, 30) if staff_only else dt.time(16, 0),
                    venue=f"{org.name}{office}",
                    notes="県職員によるヒアリング" if staff_only else "アドバイザー派遣",
                ),
            )
            dispatches += 1
    session.flush()
    return records, dispatches
