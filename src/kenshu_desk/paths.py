"""Where bundled resources, migrations and the user's data live.

In an installed wheel `resources/` and `db/` sit inside the package (hatch force-include);
in a source checkout or an editable install they sit at the repository root.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "kenshu-desk"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"{name}/ is missing from the installation ({inside})")


def resources_dir() -> Path:
    return _bundled("resources")


def migrations_dir() -> Path:
    return _bundled("db")


def font_path(file_name: str) -> Path:
    return resources_dir() / "fonts" / file_name


GOTHIC_FONT = "ipaexg.ttf"
MINCHO_FONT = "ipaexm.ttf"


def user_data_dir() -> Path:
    override = os.environ.get("KENSHU_DESK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "kenshu-desk.sqlite3"


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# Names Windows keeps for devices, with any extension ("CON.xlsx" cannot be created).
_WINDOWS_DEVICES = re.compile(r"(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?")


def safe_file_name(name: str, fallback: str = "document.pdf") -> str:
    """A file name that every OS accepts, e.g. one built from an event's title: Windows
    forbids \\ / : * ? " < > | and control characters, a trailing dot or space, and device
    names such as CON. The one helper for every suggested file name."""
    cleaned = _NOT_IN_FILE_NAMES.sub("_", name).strip(" .")
    if _WINDOWS_DEVICES.fullmatch(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned or fallback
