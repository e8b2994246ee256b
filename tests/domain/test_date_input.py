"""Dates as people type them (issue 18): every accepted form, and every refusal."""

from datetime import date

import pytest

from kenshu_desk.domain.date_input import DateInputError, parse_date, parse_fiscal_year

D = date(2022, 10, 20)


@pytest.mark.parametrize(
    "text",
    [
        "2022/10/20",
        "2022-10-20",
        "2022.10.20",
        "20221020",
        "2022年10月20日",
        "R4.10.20",
        "R4/10/20",
        "r4-10-20",
        "令和4年10月20日",
        "令和4.10.20",
        "２０２２／１０／２０",  # full-width, as a Japanese IME types it
        "Ｒ４．１０．２０",
        "令和４年１０月２０日",
        " 2022/10/20 ",
        "2022/10/20（木）",
        "令和4年10月20日(木曜日)",
        "2022ー10ー20",  # the IME's long-vowel mark in place of a hyphen
    ],
)
def test_forms_of_one_date(text):
    assert parse_date(text) == D


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("H1.1.8", date(1989, 1, 8)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("S64.1.7", date(1989, 1, 7)),
        ("2024/2/29", date(2024, 2, 29)),
        ("2021/11/25", date(2021, 11, 25)),
    ],
)
def test_era_and_calendar_edges(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "H31.5.1",  # 令和 by then
        "令和元年4月30日",  # still 平成
        "R1.4.30",
        "H1.1.7",  # still 昭和
        "平成0年1月1日",
        "2022/2/30",
        "2023/2/29",
        "2022/13/1",
        "2022/0/10",
        "20221320",
        "R99.1.1",  # 2117: out of range, not silently accepted
        "H40.1.1",
        "2022/10/20（金）",  # the weekday contradicts the date
        "2022/10",
        "10/20/2022",
        "abc",
        "",
        "   ",
        "X4.10.20",
    ],
)
def test_refused(text):
    with pytest.raises(DateInputError):
        parse_date(text)


def test_message_quotes_what_was_typed():
    with pytest.raises(DateInputError, match=r"「R99\.1\.1」"):
        parse_date("R99.1.1")
    with pytest.raises(DateInputError, match=r"平成は 2019年4月30日まで"):
        parse_date("H31.5.1")
    with pytest.raises(DateInputError, match=r"令和は 2019年5月1日から"):
        parse_date("令和元年4月30日")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/20", date(2022, 10, 20)),
        ("4/1", date(2022, 4, 1)),
        ("12/31", date(2022, 12, 31)),
        ("1/5", date(2023, 1, 5)),
        ("3/31", date(2023, 3, 31)),
        ("１０月２０日", date(2022, 10, 20)),
        ("10月20日（木）", date(2022, 10, 20)),
    ],
)
def test_month_and_day_take_the_fiscal_year(text, expected):
    assert parse_date(text, fiscal_year=2022) == expected


def test_month_and_day_need_a_fiscal_year():
    with pytest.raises(DateInputError, match="年も入力"):
        parse_date("10/20")


def test_month_and_day_impossible_in_that_fiscal_year():
    assert parse_date("2/29", fiscal_year=2023) == date(2024, 2, 29)
    with pytest.raises(DateInputError, match="令和4年度"):
        parse_date("2/29", fiscal_year=2022)
    with pytest.raises(DateInputError):
        parse_date("13/1", fiscal_year=2022)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", 2021),
        ("R3", 2021),
        ("r3", 2021),
        ("令和3年度", 2021),
        ("令和3", 2021),
        ("令和元年度", 2019),
        ("R1", 2019),
        ("平成31年度", 2019),
        ("H30", 2018),
        ("平成元年度", 1989),
        ("２０２１", 2021),
        ("Ｒ３", 2021),
        ("令和３年度", 2021),
        ("2021年度", 2021),
    ],
)
def test_fiscal_year_forms(text, expected):
    assert parse_fiscal_year(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("R99", "「R99」は扱える年度の範囲外です（平成元年度～令和82年度"),
        ("平成32年度", "平成は31年度（2019年度）まで"),
        ("S64", "昭和は63年度（1988年度）まで"),
        ("R0", "元年度"),
        ("1988", "「1988」は扱える年度の範囲外"),
        ("21", "年度として読めません"),
        ("令和", "年度として読めません"),
        ("X3", "年度として読めません"),
    ],
)
def test_fiscal_year_refused_quoting_the_input(text, message):
    with pytest.raises(DateInputError, match=message) as caught:
        parse_fiscal_year(text)
    assert "2117" not in str(caught.value)  # what was typed, not what it was turned into
