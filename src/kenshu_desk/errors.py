"""Errors whose message is meant for the user: the CLI prints it as one line, the UI shows it."""


class UserError(Exception):
    """Bad input or an unusable resource; str(error) says what and where, in Japanese."""
