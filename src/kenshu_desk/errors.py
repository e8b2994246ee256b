"""Errors whose message is meant for the user: the CLI prints it as one line, the UI shows it.

The message is a ``messages.Message`` (a code and its parameters, worded by the catalogue
in the program's language) or, for the few texts not yet in the catalogue, a string.
"""

from __future__ import annotations

from kenshu_desk.messages import WordedError


class UserError(WordedError):
    """Bad input or an unusable resource; str(error) says what and where."""
