"""Messages for the user as data: a code and its parameters, worded by the catalogue.

Services, the database layer and the mail layer do not write sentences: they raise
``UserError(msg("database.concurrent_edit"))`` or return a ``Message``, and the text is made
where it is shown, from the catalogue ``resources/messages/*.json`` (one file per part of
the program, each code once in all of them) — each message once, in Japanese and English. ``str(message)`` words it in the language the program runs in:
Japanese for the command line, the window's choice once ``set_language`` was called by the
window's start-up (ui/shell/i18n.py).

Parameters are formatted with ``str.format``; a parameter that is itself a Message is worded
in the same language, so messages compose ("…を読み込めません: {reason}").
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Self

from kenshu_desk.paths import resources_dir

LANGUAGES = ("ja", "en")
_language = "ja"


def set_language(language: str) -> None:
    """The language str(message) uses from now on (the window's choice; the CLI keeps ja)."""
    global _language
    _language = language if language in LANGUAGES else "ja"


def current_language() -> str:
    return _language


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """code → {"ja": template, "en": template}, from every file of resources/messages."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((resources_dir() / "messages").glob("*.json")):
        part: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"message codes defined twice ({path.name}): {sorted(twice)}")
        merged.update(part)
    return merged


@dataclass(frozen=True)
class Message:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        language = language or _language
        entry = catalogue().get(self.code)
        if entry is None:  # a programming error; still show something useful
            return f"{self.code} {dict(self.params)}"
        template = entry.get(language) or entry["ja"]
        values = {
            k: v.text(language) if isinstance(v, Message | Worded) else v
            for k, v in self.params.items()
        }
        return template.format(**values)

    def __str__(self) -> str:
        return self.text()


class Worded(str):
    """A short label that is its Japanese as a str — what is stored, compared and read by the
    code (``label.startswith("CSV")``) — and is shown in the running language: ``text()``, or
    as a message parameter. For labels built from data (a sheet's name, an encoding) that a
    catalogue template would only wrap."""

    english: str

    def __new__(cls, japanese: str, english: str) -> Self:
        label = super().__new__(cls, japanese)
        label.english = english
        return label

    def text(self, language: str | None = None) -> str:
        return str.__str__(self) if (language or _language) == "ja" else self.english


def label_text(label: str) -> str:
    """A label in the running language: a Worded one's translation, any other as it is."""
    return label.text() if isinstance(label, Worded) else label


def msg(code: str, **params: Any) -> Message:
    return Message(code, params)


def placeholders(template: str) -> set[str]:
    """The names a catalogue template uses ({path}, {count:,} → path, count)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class WordedError(Exception):
    """An error whose text is a Message (or, for texts not in the catalogue, a string):
    str(error) words it in the running language. errors.UserError and the date parser's
    DateInputError are both one."""

    def __init__(self, message: Message | str = "", /) -> None:
        super().__init__(message)
        self.message = message

    @classmethod
    def of(cls, code: str, /, **params: Any) -> Self:
        """The error for the catalogue message `code` (a shortcut for cls(msg(…)))."""
        return cls(msg(code, **params))

    @property
    def code(self) -> str | None:
        return self.message.code if isinstance(self.message, Message) else None

    def __str__(self) -> str:
        return str(self.message)
