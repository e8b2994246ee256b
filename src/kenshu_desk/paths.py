"""Where bundled resources, migrations and the user's data live.

In an installed wheel `resources/` and `db/` sit inside the package (hatch force-include);
in a source checkout or an editable install they sit at the repository root.
"""

from __future__ import annotations

import os
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
