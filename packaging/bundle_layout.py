"""What goes into the PyInstaller bundle and where: the spec's decisions, kept free of PyInstaller.

kenshu-desk.spec imports this module to build its Analysis; tests/test_packaging.py imports it
to check the layout without running PyInstaller (which takes minutes and is not a test
dependency).

The bundle uses the wheel's layout (pyproject.toml force-include): `resources/` and `db/` sit
inside the `kenshu_desk` package folder, where kenshu_desk.paths looks first. Alembic reads the
migration scripts and env.py as files, so db/ ships as data files, not as compiled modules.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections.abc import Callable, Iterable
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "kenshu_desk"
APP_NAME = "kenshu-desk"

# Source folder at the repository root -> folder inside the bundle (the same as in the wheel).
DATA_DIRS = {"resources": f"{PACKAGE}/resources", "db": f"{PACKAGE}/db"}
SKIPPED_DIR_NAMES = frozenset({"__pycache__"})
# .ts are translation sources (the compiled .qm are bundled); .pyc are caches of db/*.py.
SKIPPED_SUFFIXES = frozenset({".pyc", ".pyo", ".ts"})

# The Qt modules the application imports (ui/ and app.py). Every other PySide6 module that is
# installed is excluded, so a stray optional import cannot drag in WebEngine, QML or 3D.
USED_QT_MODULES = frozenset(
    {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets"}
)
# PySide6 sub-packages that are tools or optional extras, not bindings of a Qt module.
UNUSED_PYSIDE6_PACKAGES = ("PySide6.QtAsyncio", "PySide6.scripts")

# Qt plugins (paths under plugins/) the PyInstaller hooks collect but a desktop office program
# never loads. The virtual keyboard alone pulls in QML and Qt Quick (about 20 MB); the others are
# platforms for embedded full-screen devices and VNC, and raw input drivers for those.
UNUSED_QT_PLUGINS = (
    "platforminputcontexts/*qtvirtualkeyboardplugin*",
    "platforms/*qvnc*",
    "platforms/*qeglfs*",
    "platforms/*qlinuxfb*",
    "platforms/*qminimalegl*",
    "platforms/*qvkkhrdisplay*",
    "egldeviceintegrations/*",
    "generic/*",
)

# Qt's own translations (standard dialogs, buttons) are collected for every language; the
# application speaks Japanese and English only.
QT_TRANSLATION_LANGUAGES = frozenset({"ja", "en"})

# Python packages that are installed next to the application (tests, build tools) or that only
# the standard library's development tools use. Nothing at run time imports them.
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "test",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "ensurepip",
    "venv",
    "pip",
    "setuptools",
    "pkg_resources",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "aiosmtpd",
    "pypdf",
    "ical",
    "build",
    "hatchling",
    "PyInstaller",
    "IPython",
    "alembic.testing",
    "sqlalchemy.testing",
    "icalendar.tests",
    "reportlab.graphics.testshapes",
    # Mako (Alembic's templates) highlights its error pages with Pygments when present.
    "pygments",
    "mako.ext.pygmentplugin",
    # Databases the application does not support (SQLite and PostgreSQL only).
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    # Pillow (reportlab's images) without Tk and without the AVIF codec (5 MB of library).
    "PIL.ImageTk",
    "PIL._avif",
    "PIL.AvifImagePlugin",
)

# Packages whose modules are loaded by name at run time (plugins, dialects, the migration
# scripts' `from alembic import op`, the application's lazily imported windows): the spec
# collects all their submodules, less test suites.
COLLECT_SUBMODULES_OF = ("kenshu_desk", "alembic", "jpholiday", "icalendar", "platformdirs")

HIDDEN_IMPORTS = (
    # SQLAlchemy resolves dialects and drivers from the URL by name.
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    # db/env.py and the migrations are data files: their imports are not seen by the analysis.
    "alembic.context",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.script",
    "mako.template",
    "sqlalchemy",
    "sqlalchemy.orm",
    # keyring finds its backends through entry points (the keyring hook copies the metadata).
    "keyring.backends",
    # reportlab's TrueType embedding (the IPAex fonts) and CID fonts.
    "reportlab.pdfbase.ttfonts",
    "reportlab.pdfbase.cidfonts",
    "reportlab.graphics.barcode",
    "openpyxl.cell._writer",
)

# (package, sub-folder) whose data files the spec collects: reportlab's standard fonts, and
# alembic's templates and type stubs.
COLLECT_DATA_OF = (("reportlab", "fonts"), ("alembic", None))

# Runtime distributions whose metadata (version, licence files) ships in the bundle, so the
# frozen program can report versions and licences the way an installed one does.
METADATA_OF = (
    "PySide6-Essentials",
    "shiboken6",
    "SQLAlchemy",
    "alembic",
    "reportlab",
    "pillow",
    "icalendar",
    "openpyxl",
    "keyring",
    "platformdirs",
    "jpholiday",
    "psycopg",
    "psycopg-binary",
    "Mako",
    "tzdata",
)


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def wanted_module(name: str) -> bool:
    """Filter for collect_submodules: no test suites."""
    parts = name.split(".")
    return not any(
        p in ("tests", "test", "testing", "conftest") or p.startswith("test_") for p in parts
    )


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder inside the bundle) pairs for Analysis(datas=...)."""
    pairs: list[tuple[str, str]] = []
    for source_name, destination in DATA_DIRS.items():
        source = root / source_name
        if not source.is_dir():
            raise FileNotFoundError(f"{source} is missing: the bundle needs it")
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if not path.is_file() or path.suffix in SKIPPED_SUFFIXES:
                continue
            if any(part in SKIPPED_DIR_NAMES for part in rel.parts):
                continue
            pairs.append((str(path), str(Path(destination, *rel.parts[:-1]).as_posix())))
    return pairs


def write_dist_info(directory: Path, version: str) -> tuple[str, str]:
    """Metadata of the application itself, for importlib.metadata.version("kenshu-desk").

    Written from pyproject.toml rather than copied from an installed distribution, so the
    bundle reports the version of the source it was built from even where the environment
    has another checkout installed.
    """
    name = f"{PACKAGE}-{version}.dist-info"
    target = directory / name
    target.mkdir(parents=True, exist_ok=True)
    (target / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {APP_NAME}\nVersion: {version}\n", encoding="utf-8"
    )
    return str(target), name


def installed_qt_modules() -> set[str]:
    """Names (QtCore, QtWebEngineCore, …) of the PySide6 binding modules installed here."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return set()
    names: set[str] = set()
    for folder in spec.submodule_search_locations:
        for path in Path(folder).glob("Qt*"):
            if path.suffix in (".so", ".pyd"):
                names.add(path.name.split(".")[0])
    return names


def qt_excludes(installed: set[str]) -> list[str]:
    missing = USED_QT_MODULES - installed
    if missing:
        raise RuntimeError(f"PySide6 lacks modules the application needs: {sorted(missing)}")
    return [f"PySide6.{m}" for m in sorted(installed - USED_QT_MODULES)] + list(
        UNUSED_PYSIDE6_PACKAGES
    )


def is_unwanted_qt_translation(destination: str) -> bool:
    """True for Qt's translation files of languages the application does not offer."""
    path = _posix(destination)
    if "translations" not in path.parts or path.suffix != ".qm" or "PySide6" not in path.parts:
        return False
    parts = path.stem.split("_")  # qtbase_ja, qt_help_ja, qtbase_zh_CN
    language = parts[-2] if len(parts) > 2 and parts[-1].isupper() else parts[-1]
    return language not in QT_TRANSLATION_LANGUAGES


def _posix(path: str) -> PurePosixPath:
    return PurePosixPath(path.replace("\\", "/"))  # the same on Windows and elsewhere


def _plugin_path(destination: str) -> str | None:
    parts = _posix(destination).parts
    if "plugins" not in parts:
        return None
    return "/".join(parts[parts.index("plugins") + 1 :])


def is_unused_qt_plugin(destination: str) -> bool:
    plugin = _plugin_path(destination)
    return plugin is not None and any(fnmatch(plugin, p) for p in UNUSED_QT_PLUGINS)


def is_qt_library(destination: str) -> bool:
    """A Qt shared library (libQt6Core.so.6, Qt6Core.dll), not a plugin or a Python module."""
    if _plugin_path(destination) is not None:
        return False
    name = _posix(destination).name
    return fnmatch(name, "libQt6*.so*") or fnmatch(name.lower(), "qt6*.dll")


def prune_qt_libraries(
    binaries: list[tuple[str, str, str]], imports_of: Callable[[str], Iterable[str]]
) -> list[tuple[str, str, str]]:
    """Drop unused Qt plugins, then the Qt libraries nothing left in the bundle links to.

    binaries: PyInstaller's (destination, source, type) entries. imports_of(source) names the
    libraries a binary links to (PyInstaller's bindepend). Only Qt libraries are pruned: other
    libraries may be loaded by ctypes, which no link table shows.
    """
    kept = [b for b in binaries if not is_unused_qt_plugin(b[0])]
    qt_libraries = {_posix(d).name.lower(): s for d, s, _ in kept if is_qt_library(d)}
    reachable: set[str] = set()
    pending = [source for destination, source, _ in kept if not is_qt_library(destination)]
    while pending:
        for imported in imports_of(pending.pop()):
            name = _posix(imported).name.lower()
            if name in qt_libraries and name not in reachable:
                reachable.add(name)
                pending.append(qt_libraries[name])
    return [b for b in kept if not is_qt_library(b[0]) or _posix(b[0]).name.lower() in reachable]


def executable_names(platform: str = sys.platform) -> dict[str, str]:
    """Executables in the bundle: on Windows a windowed one for the GUI and a console one.

    A windowed Windows program has no standard output, so `events --json` would print nothing;
    elsewhere one program serves both.
    """
    if platform == "win32":
        return {"gui": APP_NAME, "cli": f"{APP_NAME}-cli"}
    return {"gui": APP_NAME, "cli": APP_NAME}
