"""kenshu-desk: programmes, agendas, invitations and attendance for a prefecture's trainings."""

from __future__ import annotations

import functools


@functools.cache
def _installed_version() -> str:
    # importlib.metadata costs ≈ 50 ms of start-up (it imports email and zipfile): only
    # the places that print the version pay for it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kenshu-desk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
