"""The message catalogue: every code the program uses is worded in Japanese and English,
with the same placeholders, and the English has no Japanese in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kenshu_desk
from kenshu_desk import messages
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg, placeholders

SRC = Path(kenshu_desk.__file__).parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e「」（）、。]")


def _codes_used() -> dict[str, set[str]]:
    """code → the modules that name it in msg("…") / Error.of("…") / Message("…")."""
    used: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in ("msg", "of", "Message") and literal:
                assert isinstance(first, ast.Constant)
                used.setdefault(first.value, set()).add(str(path.relative_to(SRC)))
    return used


def test_every_entry_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for code, entry in messages.catalogue().items():
        if set(entry) != {"ja", "en"}:
            problems.append(f"{code}: languages {sorted(entry)}")
            continue
        if placeholders(entry["ja"]) != placeholders(entry["en"]):
            problems.append(f"{code}: placeholders differ")
        if JAPANESE.search(entry["en"]):
            problems.append(f"{code}: Japanese in the English text")
        if not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", code):
            problems.append(f"{code}: codes are dotted lower-case names (area.what)")
    assert problems == []


def test_every_code_the_source_uses_is_in_the_catalogue_and_every_entry_is_used() -> None:
    used = _codes_used()
    missing = {c: sorted(m) for c, m in used.items() if c not in messages.catalogue()}
    assert missing == {}
    assert set(messages.catalogue()) - set(used) == set()


def test_a_message_is_worded_in_the_running_language_and_composes() -> None:
    try:
        messages.set_language("en")
        assert not JAPANESE.search(str(UserError.of("settings.unreadable", path="x", reason="y")))
    finally:
        messages.set_language("ja")
    error = UserError.of("settings.unreadable", path="C:/設定/settings.json", reason="boom")
    assert error.code == "settings.unreadable"
    assert "C:/設定/settings.json" in str(error) and JAPANESE.search(str(error))
    assert (
        msg(
            "settings.unreadable", path="p", reason=msg("settings.unreadable", path="q", reason="r")
        )
        .text("en")
        .count("q")
        == 1
    )


def _worded_both_ways(error: Exception) -> tuple[str, str]:
    try:
        messages.set_language("en")
        english = str(error)
    finally:
        messages.set_language("ja")
    return str(error), english


def test_a_sample_of_the_errors_the_user_meets_reads_right_in_both_languages() -> None:
    """What the services, the database layer and the mail layer raise: Japanese on the
    command line (as before), English in an English window, the data kept in both."""
    from kenshu_desk.database import ConcurrentEditError, open_database
    from kenshu_desk.domain.date_input import DateInputError, parse_date
    from kenshu_desk.mail.transport import SmtpConfig, SmtpTransport

    samples: list[tuple[Exception, str, str, str]] = []
    try:
        parse_date("2021/2/30")
    except DateInputError as exc:
        samples.append((exc, "2021/2/30", "ありません", "no"))
    try:
        open_database(f"sqlite:///{SRC}")  # a folder, not a database file
    except UserError as exc:
        samples.append((exc, str(SRC), "フォルダ", "folder"))
    try:
        SmtpTransport(SmtpConfig(host=""))
    except UserError as exc:
        samples.append((exc, "", "SMTP", "SMTP"))
    samples.append((ConcurrentEditError(), "", "他の方", "Someone else"))
    assert len(samples) == 4
    for error, data, japanese, english in samples:
        ja, en = _worded_both_ways(error)
        assert japanese in ja and JAPANESE.search(ja), ja
        assert english in en and not JAPANESE.search(en.replace(data, "")), en
        assert data in ja and data in en
