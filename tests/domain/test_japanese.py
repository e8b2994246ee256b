"""Tests for kenshu_desk.domain.japanese (pure functions, no Qt)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kenshu_desk.domain.japanese import (
    ERAS,
    WEEKDAYS_JA,
    Era,
    circled_number,
    day_warning,
    era_of,
    era_year_label,
    fiscal_year,
    fiscal_year_label,
    fiscal_year_range,
    holiday_name,
    katakana_to_hiragana,
    match_key,
    minutes_label,
    reading_sort_key,
    time_range,
    wareki,
    wareki_short,
    weekday_ja,
)

# --- era table -------------------------------------------------------------


def test_era_table_is_data_newest_first():
    assert [e.name for e in ERAS] == ["令和", "平成", "昭和", "大正", "明治"]
    assert [e.initial for e in ERAS] == ["R", "H", "S", "T", "M"]
    starts = [e.start for e in ERAS]
    assert starts == sorted(starts, reverse=True)
    assert ERAS[0].start == date(2019, 5, 1)
    assert ERAS[1].start == date(1989, 1, 8)
    assert ERAS[2].start == date(1926, 12, 25)
    assert ERAS[3].start == date(1912, 7, 30)
    assert ERAS[-1].effective_start == date(1873, 1, 1)


def test_era_is_frozen():
    with pytest.raises(AttributeError):
        ERAS[0].name = "x"  # type: ignore[misc]
    assert isinstance(ERAS[0], Era)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 11, 25), ("令和", 3)),
        (date(2019, 5, 1), ("令和", 1)),
        (date(2019, 4, 30), ("平成", 31)),
        (date(2019, 1, 1), ("平成", 31)),
        (date(1989, 1, 8), ("平成", 1)),
        (date(1989, 1, 7), ("昭和", 64)),
        (date(1926, 12, 25), ("昭和", 1)),
        (date(1926, 12, 24), ("大正", 15)),
        (date(1912, 7, 30), ("大正", 1)),
        (date(1912, 7, 29), ("明治", 45)),
        (date(1873, 1, 1), ("明治", 6)),
    ],
)
def test_era_of_boundaries(d, expected):
    assert era_of(d) == expected


def test_era_of_before_solar_calendar_raises():
    with pytest.raises(ValueError):
        era_of(date(1872, 12, 31))
    with pytest.raises(ValueError):
        wareki(date(1800, 1, 1))


def test_era_of_accepts_datetime():
    assert era_of(datetime(2021, 11, 25, 13, 35)) == ("令和", 3)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 11, 25), "令和3年"),
        (date(2019, 5, 1), "令和元年"),
        (date(2019, 12, 31), "令和元年"),
        (date(2020, 1, 1), "令和2年"),
        (date(2019, 4, 30), "平成31年"),
        (date(1989, 1, 8), "平成元年"),
        (date(1989, 1, 7), "昭和64年"),
    ],
)
def test_era_year_label(d, expected):
    assert era_year_label(d) == expected


# --- wareki ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 11, 25), "令和3年11月25日（木）"),
        (date(2021, 5, 24), "令和3年5月24日（月）"),
        (date(2019, 5, 1), "令和元年5月1日（水）"),
        (date(2019, 4, 30), "平成31年4月30日（火）"),
        (date(1989, 1, 7), "昭和64年1月7日（土）"),
        (date(1989, 1, 8), "平成元年1月8日（日）"),
    ],
)
def test_wareki(d, expected):
    assert wareki(d) == expected


def test_wareki_uses_fullwidth_parentheses():
    s = wareki(date(2021, 11, 25))
    assert "\uff08" in s and "\uff09" in s
    assert "(" not in s and ")" not in s


def test_wareki_without_weekday():
    assert wareki(date(2021, 11, 25), weekday=False) == "令和3年11月25日"
    assert wareki(date(2019, 5, 1), weekday=False) == "令和元年5月1日"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 11, 25), "R3.11.25"),
        (date(2019, 5, 1), "R1.5.1"),
        (date(2019, 4, 30), "H31.4.30"),
        (date(1989, 1, 7), "S64.1.7"),
        (date(1926, 12, 24), "T15.12.24"),
        (date(1900, 2, 3), "M33.2.3"),
    ],
)
def test_wareki_short(d, expected):
    assert wareki_short(d) == expected


def test_weekday_ja_whole_week():
    # 2021-11-22 is a Monday.
    days = [weekday_ja(date(2021, 11, 22 + i)) for i in range(7)]
    assert tuple(days) == WEEKDAYS_JA == ("月", "火", "水", "木", "金", "土", "日")
    assert weekday_ja(date(2021, 11, 25)) == "木"


# --- fiscal year -----------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2021, 4, 1), 2021),
        (date(2021, 12, 31), 2021),
        (date(2022, 1, 1), 2021),
        (date(2022, 3, 31), 2021),
        (date(2022, 4, 1), 2022),
        (date(2021, 3, 31), 2020),
    ],
)
def test_fiscal_year(d, fy):
    assert fiscal_year(d) == fy


@pytest.mark.parametrize(
    ("fy", "expected"),
    [
        (2021, "令和3年度"),
        (2020, "令和2年度"),
        (2019, "令和元年度"),  # began in 平成31, officially 令和元年度
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),  # 平成 began 1989-01-08, inside FY1988
    ],
)
def test_fiscal_year_label(fy, expected):
    assert fiscal_year_label(fy) == expected


def test_fiscal_year_range():
    assert fiscal_year_range(2021) == (date(2021, 4, 1), date(2022, 3, 31))
    assert fiscal_year_range(2019) == (date(2019, 4, 1), date(2020, 3, 31))


# --- holidays and warnings -------------------------------------------------


@pytest.mark.parametrize(
    ("d", "name"),
    [
        (date(2021, 11, 23), "勤労感謝の日"),
        (date(2021, 11, 3), "文化の日"),
        (date(2021, 7, 22), "海の日"),  # moved for the Tokyo Olympics
        (date(2021, 7, 23), "スポーツの日"),  # moved for the Tokyo Olympics
        (date(2021, 8, 8), "山の日"),
        (date(2019, 5, 1), "天皇の即位の日"),
        (date(2021, 1, 1), "元日"),
    ],
)
def test_holiday_name(d, name):
    assert holiday_name(d) == name


@pytest.mark.parametrize(
    "d",
    [
        date(2021, 7, 19),  # usual 海の日 (3rd Monday) was a working day in 2021
        date(2021, 10, 11),  # usual スポーツの日 was a working day in 2021
        date(2021, 11, 25),
        date(2021, 11, 27),  # plain Saturday
    ],
)
def test_not_a_holiday(d):
    assert holiday_name(d) is None


def test_substitute_holiday_is_a_holiday():
    # 2021-08-08 山の日 was a Sunday; jpholiday names the Monday "山の日 振替休日".
    name = holiday_name(date(2021, 8, 9))
    assert name is not None and "振替休日" in name


def test_holiday_name_accepts_datetime():
    assert holiday_name(datetime(2021, 11, 23, 9, 0)) == "勤労感謝の日"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2021, 11, 27), "土曜日です"),
        (date(2021, 11, 28), "日曜日です"),
        (date(2021, 11, 3), "祝日（文化の日）です"),
        (date(2021, 11, 23), "祝日（勤労感謝の日）です"),
        (date(2020, 5, 3), "祝日（憲法記念日）です"),  # Sunday and holiday: name wins
        (date(2021, 11, 25), None),
        (date(2021, 11, 22), None),
    ],
)
def test_day_warning(d, expected):
    assert day_warning(d) == expected


# --- times -----------------------------------------------------------------


def test_time_range_matches_seed():
    assert time_range(time(13, 35), time(14, 5)) == "13:35～14:05"
    assert time_range(time(9, 0), time(9, 5)) == "09:00～09:05"
    assert "\uff5e" in time_range(time(13, 30), time(13, 35))
    assert "\u301c" not in time_range(time(13, 30), time(13, 35))  # not WAVE DASH


def test_minutes_label_matches_seed():
    assert minutes_label(5) == "(5分)"
    assert minutes_label(45) == "(45分)"
    assert f"{time_range(time(13, 35), time(14, 5))} {minutes_label(30)}" == "13:35～14:05 (30分)"


# --- circled numbers -------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "①"),
        (5, "⑤"),
        (20, "⑳"),
        (21, "㉑"),
        (35, "㉟"),
        (36, "㊱"),
        (50, "㊿"),
        (51, "(51)"),
        (0, "(0)"),
        (-1, "(-1)"),
    ],
)
def test_circled_number(n, expected):
    assert circled_number(n) == expected


def test_circled_numbers_are_distinct_and_mean_their_value():
    # NFKC of a circled number is its digits, so the table has no gaps or shifts.
    for n in range(1, 51):
        assert unicodedata.normalize("NFKC", circled_number(n)) == str(n)


# --- kana and match keys ---------------------------------------------------


def test_katakana_to_hiragana():
    assert katakana_to_hiragana("ヤマダ　タロウ") == "やまだ　たろう"
    assert katakana_to_hiragana("ァヴヵヶ") == "ぁゔゕゖ"
    assert katakana_to_hiragana("ヽヾ") == "ゝゞ"
    # ー, kanji, Latin and half-width kana are left alone (match_key does NFKC).
    assert katakana_to_hiragana("コーヒー山田A") == "こーひー山田A"
    assert katakana_to_hiragana("ﾔﾏﾀﾞ") == "ﾔﾏﾀﾞ"


@pytest.mark.parametrize(
    "variant",
    [
        "やまだたろう",
        "ヤマダ　タロウ",  # full-width katakana with U+3000
        "ﾔﾏﾀﾞ ﾀﾛｳ",  # half-width katakana with an ASCII space
        "やまだ\tたろう",
        " ヤマダタロウ ",
    ],
)
def test_match_key_equivalences(variant):
    assert match_key(variant) == "やまだたろう"


def test_match_key_latin():
    assert match_key("Taro@Example.JP") == "taro@example.jp"
    assert match_key("Ｔａｒｏ＠Ｅｘａｍｐｌｅ．ＪＰ") == "taro@example.jp"
    assert match_key("Yamada Taro") == match_key("YAMADA　TARO") == "yamadataro"


def test_match_key_does_not_change_its_input():
    # U+FA19 (神 compatibility ideograph) would be changed by NFKC; only the key is.
    stored = "\ufa19田"
    key = match_key(stored)
    assert stored == "\ufa19田"
    assert key == "\u795e田"


# --- 五十音 sort -------------------------------------------------------------


def test_gojuon_sort_realistic_readings():
    readings = ["さとう", "あおき", "いのはな", "きくもと", "ぱく", "はやし", "ばば"]
    result = sorted(readings, key=reading_sort_key)
    # Base kana first: はく < はは < はやし, so ぱく and ばば come before はやし.
    assert result == ["あおき", "いのはな", "きくもと", "さとう", "ぱく", "ばば", "はやし"]


def test_gojuon_voiced_after_unvoiced():
    assert sorted(["ぱぱ", "ばば", "はは"], key=reading_sort_key) == ["はは", "ばば", "ぱぱ"]
    assert sorted(["がとう", "かとう"], key=reading_sort_key) == ["かとう", "がとう"]
    # But the dakuten never outweighs a later kana: ごとう < こやま.
    assert sorted(["こやま", "ごとう"], key=reading_sort_key) == ["ごとう", "こやま"]


def test_gojuon_small_kana_sort_with_large():
    # Small kana compare as large first: ちゅう ~ ちゆう < ちょう ~ ちよう < ちん.
    result = sorted(["ちん", "ちょう", "ちゅう", "ちあき"], key=reading_sort_key)
    assert result == ["ちあき", "ちゅう", "ちょう", "ちん"]
    # しょう and しよう share the base; the full key then decides, deterministically.
    assert reading_sort_key("しょう")[1] == reading_sort_key("しよう")[1]
    assert reading_sort_key("しょう") != reading_sort_key("しよう")


def test_gojuon_katakana_and_halfwidth_readings_sort_as_hiragana():
    result = sorted(["ワタナベ", "ｱﾍﾞ", "かとう"], key=reading_sort_key)
    assert result == ["ｱﾍﾞ", "かとう", "ワタナベ"]


def test_empty_reading_sorts_last_and_name_breaks_ties():
    people = [
        ("", "無記入"),
        ("やまだ", "山田B"),
        ("あべ", "阿部"),
        ("やまだ", "山田A"),
        ("　", "空白"),
    ]
    result = sorted(people, key=lambda p: reading_sort_key(p[0], p[1]))
    assert [p[1] for p in result] == ["阿部", "山田A", "山田B", "無記入", "空白"]


# --- property --------------------------------------------------------------


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_fiscal_year_and_wareki_properties(d):
    first, last = fiscal_year_range(fiscal_year(d))
    assert first <= d <= last
    assert any(wareki(d).startswith(era.name) for era in ERAS)
    assert fiscal_year_label(fiscal_year(d)).endswith("年度")
