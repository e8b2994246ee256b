"""A large, realistic database for the benchmarks: 500 events, 20,000 participants,
60,000 registrations, 3,000 speakers, Japanese names with readings.

Built through the migrations (like a user's database) and filled with Core bulk inserts.
Deterministic (seeded), so figures from two runs compare.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert, select

from kenshu_desk.database import Database, open_database
from kenshu_desk.domain.models import (
    Event,
    ItemPresenter,
    Organisation,
    Participant,
    ProgrammeItem,
    Registration,
    Speaker,
    new_calendar_uid,
    utcnow,
)
from kenshu_desk.services.shared.reference import ensure_municipalities

FAMILY = [
    ("佐藤", "さとう"),
    ("鈴木", "すずき"),
    ("高橋", "たかはし"),
    ("髙橋", "たかはし"),
    ("田中", "たなか"),
    ("伊藤", "いとう"),
    ("渡辺", "わたなべ"),
    ("山本", "やまもと"),
    ("中村", "なかむら"),
    ("小林", "こばやし"),
    ("加藤", "かとう"),
    ("吉田", "よしだ"),
    ("山田", "やまだ"),
    ("佐々木", "ささき"),
    ("山口", "やまぐち"),
    ("松本", "まつもと"),
    ("井上", "いのうえ"),
    ("木村", "きむら"),
    ("林", "はやし"),
    ("斎藤", "さいとう"),
    ("清水", "しみず"),
    ("山﨑", "やまざき"),
    ("森", "もり"),
    ("池田", "いけだ"),
    ("橋本", "はしもと"),
    ("阿部", "あべ"),
    ("石川", "いしかわ"),
    ("前田", "まえだ"),
    ("藤田", "ふじた"),
    ("後藤", "ごとう"),
    ("岡田", "おかだ"),
    ("長谷川", "はせがわ"),
    ("村上", "むらかみ"),
    ("近藤", "こんどう"),
    ("石井", "いしい"),
    ("坂本", "さかもと"),
    ("遠藤", "えんどう"),
    ("青木", "あおき"),
    ("藤井", "ふじい"),
    ("西村", "にしむら"),
    ("福田", "ふくだ"),
    ("太田", "おおた"),
    ("三浦", "みうら"),
    ("岡本", "おかもと"),
    ("松田", "まつだ"),
    ("中川", "なかがわ"),
    ("中野", "なかの"),
    ("原田", "はらだ"),
    ("小野", "おの"),
    ("田村", "たむら"),
    ("竹内", "たけうち"),
    ("金子", "かねこ"),
    ("和田", "わだ"),
    ("中山", "なかやま"),
    ("石田", "いしだ"),
    ("上田", "うえだ"),
    ("森田", "もりた"),
    ("原", "はら"),
    ("柴田", "しばた"),
    ("酒井", "さかい"),
    ("工藤", "くどう"),
    ("横山", "よこやま"),
    ("宮崎", "みやざき"),
    ("宮本", "みやもと"),
    ("内田", "うちだ"),
    ("高木", "たかぎ"),
    ("安藤", "あんどう"),
    ("島田", "しまだ"),
    ("谷口", "たにぐち"),
    ("大野", "おおの"),
    ("丸山", "まるやま"),
    ("今井", "いまい"),
]
GIVEN = [
    ("太郎", "たろう"),
    ("花子", "はなこ"),
    ("一郎", "いちろう"),
    ("恵子", "けいこ"),
    ("健一", "けんいち"),
    ("美穂", "みほ"),
    ("大輔", "だいすけ"),
    ("由美", "ゆみ"),
    ("翔", "しょう"),
    ("陽子", "ようこ"),
    ("誠", "まこと"),
    ("直子", "なおこ"),
    ("浩", "ひろし"),
    ("真由美", "まゆみ"),
    ("拓也", "たくや"),
    ("智子", "ともこ"),
    ("隆", "たかし"),
    ("愛", "あい"),
    ("修", "おさむ"),
    ("さくら", "さくら"),
    ("亮", "りょう"),
    ("裕子", "ゆうこ"),
    ("和也", "かずや"),
    ("千尋", "ちひろ"),
    ("悠斗", "ゆうと"),
    ("彩", "あや"),
    ("正樹", "まさき"),
    ("香織", "かおり"),
]
DEPARTMENTS = [
    "福祉部 福祉政策課",
    "福祉部 地域福祉課",
    "健康福祉部 高齢介護課",
    "福祉部 障がい福祉課",
    "こども未来部 子育て支援課",
    "福祉部 生活福祉課",
    "市民生活部 市民相談課",
    "保健福祉部 社会福祉課",
]
TITLES = ["主事", "主任", "主査", "主幹", "課長補佐", "課長", "社会福祉士", "保健師"]
ITEM_TYPES = ["挨拶", "講演", "説明", "事例発表", "休憩", "意見交換", "質疑応答"]
EVENT_KINDS = ["情報交換会", "研修", "部会", "勉強会"]
SPEAKER_CATEGORIES = ["学識経験者", "相談支援機関", "市町村関係者", "国", "その他"]


def person(rng: random.Random) -> tuple[str, str]:
    (f, fr), (g, gr) = rng.choice(FAMILY), rng.choice(GIVEN)
    return f"{f}　{g}", f"{fr}　{gr}"


def build(
    path: Path,
    *,
    events: int = 500,
    participants: int = 20_000,
    registrations: int = 60_000,
    speakers: int = 3_000,
    seed: int = 2021,
) -> Database:
    rng = random.Random(seed)
    db = open_database(f"sqlite:///{path}")
    now = utcnow()
    with db.session() as s:
        ensure_municipalities(s)
        municipalities = list(s.scalars(select(Organisation)))
        conn = s.connection()
        conn.execute(
            insert(Speaker),
            [
                {
                    "kind": "person",
                    "name": person(rng)[0].replace("　", " "),
                    "reading": "",
                    "affiliation": f"{rng.choice(municipalities).name} {rng.choice(DEPARTMENTS)}",
                    "title": rng.choice(TITLES),
                    "honorific": "氏",
                    "category": rng.choice(SPEAKER_CATEGORIES),
                    "email": "",
                    "notes": "",
                    "version": 1,
                }
                for _ in range(speakers)
            ],
        )
        speaker_ids = list(s.scalars(select(Speaker.id)))
        event_rows = []
        for n in range(events):
            day = dt.date(2014, 4, 1) + dt.timedelta(days=rng.randrange(365 * 12))
            start = dt.time(rng.choice([9, 10, 13, 14]), rng.choice([0, 30]))
            event_rows.append(
                {
                    "kind": rng.choice(EVENT_KINDS),
                    "title": f"第{n % 4 + 1}回{rng.choice(['市町村情報交換会', '相談支援研修', '包括的支援体制研修会', '推進部会'])}",
                    "date": day,
                    "start_time": start,
                    "end_time": dt.time(start.hour + 2, start.minute),
                    "venue": "埼玉県庁 第二庁舎 会議室",
                    "online_url": "",
                    "target_audience": "市町村、市町村社協",
                    "organiser_name": "埼玉県 福祉部 地域包括ケア課",
                    "organiser_email": "kenshu@example.jp",
                    "organiser_contact": "",
                    "notes": "",
                    "agenda_notes": "",
                    "cancelled": False,
                    "calendar_uid": new_calendar_uid(),
                    "calendar_sequence": 0,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        conn.execute(insert(Event), event_rows)
        event_ids = list(s.scalars(select(Event.id)))
        items = []
        for event_id in event_ids:
            for position, minutes in enumerate((5, 45, 10, 40, 20)):
                items.append(
                    {
                        "event_id": event_id,
                        "position": position,
                        "item_type": ITEM_TYPES[position % len(ITEM_TYPES)],
                        "title": "市町村総合相談支援体制に関する事例発表",
                        "description": "",
                        "minutes": minutes,
                        "version": 1,
                    }
                )
        conn.execute(insert(ProgrammeItem), items)
        presenters = [
            {"item_id": item_id, "speaker_id": rng.choice(speaker_ids), "position": 0, "topic": ""}
            for item_id in s.scalars(select(ProgrammeItem.id))
        ]
        conn.execute(insert(ItemPresenter), presenters)
        people = []
        for n in range(participants):
            name, reading = person(rng)
            people.append(
                {
                    "name": name,
                    "reading": reading,
                    "organisation_id": rng.choice(municipalities).id,
                    "department": rng.choice(DEPARTMENTS),
                    "title": rng.choice(TITLES),
                    "email": f"user{n:05d}@example.jp",
                    "phone": "",
                    "notes": "",
                    "archived": False,
                    "version": 1,
                }
            )
        conn.execute(insert(Participant), people)
        person_ids = list(s.scalars(select(Participant.id)))
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < registrations:
            pairs.add((rng.choice(event_ids), rng.choice(person_ids)))
        states = ["attended_venue", "attended_online", "absent", "registered", "cancelled"]
        conn.execute(
            insert(Registration),
            [
                {
                    "event_id": e,
                    "participant_id": p,
                    "state": rng.choice(states),
                    "registered_at": now,
                    "note": "",
                    "version": 1,
                }
                for e, p in sorted(pairs)
            ],
        )
    return db


if __name__ == "__main__":
    import sys
    import time

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kenshu-bench.sqlite3")
    target.unlink(missing_ok=True)
    t0 = time.perf_counter()
    build(target).dispose()
    print(f"built {target} in {time.perf_counter() - t0:.1f} s")
