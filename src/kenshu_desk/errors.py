"""Errors whose message is meant for the user: the CLI prints it as one line, the UI shows it.

The message is a ``messages.Message`` (a code and its parameters, worded by the catalogue
in the program's language) or, for the few texts not yet in the catalogue, a string.
"""

from __future__ import annotations

from typing import Self

from kenshu_desk.messages import Message, msg


class UserError(Exception):
    """Bad input or an unusable resource; str(error) says what and where."""

    def __init__(self, message: Message | str = "", /) -> None:
        super().__init__(message)
        self.message = message

    @classmethod
    def of(cls, code: str, /, **params: object) -> Self:
        """The error for the catalogue message `code` (a shortcut for UserError(msg(…)))."""
        return cls(msg(code, **params))

    @property
    def code(self) -> str | None:
        return self.message.code if isinstance(self.message, Message) else None

    def __str__(self) -> str:
        return str(self.message)
