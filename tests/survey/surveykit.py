"""Questionnaire exports built the way Google Forms, Microsoft Forms and LoGoフォーム write them
(layouts and sources: README.md here), from one list of answers kept as plain Python data, so
the tests can count the answers independently of the program."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

SATISFACTION = ("とても満足", "満足", "普通", "やや不満", "不満")
PROGRAMMES = ("基調講演", "事例発表（岩手県遠野市）", "事例発表（東京都豊島区）", "意見交換")
ORG_KINDS = ("市町村", "社会福祉協議会", "地域包括支援センター", "その他")
COMMENTS = (
    "事例発表がとても参考になりました。",
    "石井さんの説明が分かりやすかったです。",
    "資料を事前に送ってほしい。連絡先は shiryou@town.example.jp です。",
    "",
    "意見交換の時間がもう少し欲しかった。",
)
Q_SATISFACTION = "本日の研修全体の満足度を教えてください"
Q_UNDERSTANDING = "内容の理解度（1: 理解できなかった ～ 5: よく理解できた）"
Q_PROGRAMMES = "参考になったプログラムを選んでください（複数選択可）"
Q_ORG = "所属の種別"
Q_COMMENT = "ご意見・ご感想をお聞かせください"
QUESTIONS = (Q_SATISFACTION, Q_UNDERSTANDING, Q_PROGRAMMES, Q_ORG, Q_COMMENT)


@dataclass
class Answer:
    name: str
    email: str
    at: dt.datetime
    satisfaction: str
    understanding: int
    programmes: list[str]
    org: str
    comment: str


def answers(n: int = 20, seed: int = 3) -> list[Answer]:
    rng = random.Random(seed)
    people = [
        ("石井 翔", "ishii@city.example.jp"), ("山口 美咲", "yamaguchi@town.example.jp"),
        ("加藤 恵", "kato@vill.example.jp"), ("中村 悠", "nakamura@city.example.jp"),
    ]  # fmt: skip
    out = []
    start = dt.datetime(2021, 11, 25, 16, 31, 5)
    for i in range(n):
        name, email = people[i] if i < len(people) else (f"回答者{i}", f"r{i}@example.jp")
        out.append(
            Answer(
                name, email, start + dt.timedelta(minutes=3 * i, seconds=7 * i),
                rng.choice(SATISFACTION[:4]), rng.randint(2, 5),
                sorted(rng.sample(PROGRAMMES, rng.randint(1, 3)), key=PROGRAMMES.index),
                rng.choice(ORG_KINDS), COMMENTS[i % len(COMMENTS)],
            )
        )  # fmt: skip
    return out


def google_csv(path: Path, rows: list[Answer], *, with_name: bool = True) -> Path:
    """Google Forms → 回答 → 「回答をダウンロード（.csv）」: UTF-8 without BOM, CRLF, the
    timestamp as the form owner's locale writes it (日本: 2021/11/25 16:31:05), メールアドレス
    when addresses are collected, checkboxes joined by ", "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = ["タイムスタンプ", "メールアドレス", *(["氏名"] if with_name else []), *QUESTIONS]
    writer.writerow(header)
    for a in rows:
        writer.writerow(
            [f"{a.at:%Y/%m/%d %H:%M:%S}", a.email, *([a.name] if with_name else []),
             a.satisfaction, a.understanding, ", ".join(a.programmes), a.org, a.comment]
        )  # fmt: skip
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def msforms_xlsx(path: Path, rows: list[Answer], *, anonymous: bool = False) -> Path:
    """Microsoft Forms → 回答 → 「Excel で開く」: sheet Sheet1, ID, 開始時刻, 完了時刻, メール, 名前,
    最終変更時刻, then the questions; times as Excel dates; multiple answers "A;B;"; anonymous
    forms write "anonymous" as メール and 名前."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻", *QUESTIONS])
    for i, a in enumerate(rows, 1):
        who = ("anonymous", "anonymous") if anonymous else (a.email, a.name)
        ws.append(
            [i, a.at - dt.timedelta(minutes=2), a.at, *who, None, a.satisfaction, a.understanding,
             "".join(f"{p};" for p in a.programmes), a.org, a.comment or None]
        )  # fmt: skip
        for col in (2, 3):
            ws.cell(row=i + 1, column=col).number_format = "yyyy/m/d h:mm:ss"
    wb.save(path)
    return path


def logo_csv(path: Path, rows: list[Answer]) -> Path:
    """LoGoフォーム → 回答一覧 → CSV（Shift_JIS）: 回答ID, 回答日時, then the questions (single
    choice, number and free text here; see README for what was not checked)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["回答ID", "回答日時", Q_SATISFACTION, Q_UNDERSTANDING, Q_ORG, Q_COMMENT])
    for i, a in enumerate(rows, 1):
        writer.writerow(
            [f"A{1000 + i}", f"{a.at:%Y/%m/%d %H:%M}", a.satisfaction, a.understanding, a.org,
             a.comment]
        )  # fmt: skip
    path.write_bytes(out.getvalue().encode("cp932"))
    return path
