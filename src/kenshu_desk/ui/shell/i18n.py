"""The UI language: which one, loading its catalogue, and dates written the way it writes them.

Japanese is the source language: the strings in the code are the Japanese UI, so Japanese needs
no catalogue of ours (kenshu_desk_ja.ts exists for the toolchain, every entry equal to its source).
English comes from kenshu_desk_en.qm. The .qm files are compiled by the package build
(hatch_build.py); a source checkout compiles them on first start into the user cache folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from kenshu_desk import messages
from kenshu_desk.domain.japanese import FiscalYearName, wareki
from kenshu_desk.errors import UserError
from kenshu_desk.paths import APP_NAME, resources_dir
from kenshu_desk.ui.shell import preferences

LANGUAGES = {"ja": "日本語", "en": "English"}
AUTO = "auto"
CATALOGUE = "kenshu_desk"
FALLBACK_CONTEXT = ""  # tools/update_translations.py files every string here, once, by source

_language = "ja"  # what the running UI shows; Japanese until install_translators says otherwise
_installed: list[QTranslator] = []


def current_language() -> str:
    return _language


def system_language() -> str:
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def saved_choice() -> str:
    try:
        value = preferences.saved_language()
    except UserError:  # an unreadable settings file: the system's language until it is fixed
        return AUTO
    return value if value in LANGUAGES else AUTO


def save_choice(choice: str) -> None:
    preferences.save_language(choice if choice in LANGUAGES else AUTO)


def chosen_language() -> str:
    """KENSHU_DESK_LANG, else the Settings choice, else Japanese on a Japanese system."""
    override = os.environ.get("KENSHU_DESK_LANG", "")
    if override in LANGUAGES:
        return override
    choice = saved_choice()
    return choice if choice != AUTO else system_language()


def lrelease_executable() -> str | None:
    """PySide6-Essentials ships lrelease inside the package; the venv has a pyside6-lrelease."""
    import PySide6

    candidates = [
        Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease"),
        Path(sys.executable).with_name("pyside6-lrelease"),
    ]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    import shutil  # here and below: imported only when a catalogue has to be compiled

    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_catalogue(ts: Path, qm: Path) -> bool:
    lrelease = lrelease_executable()
    if lrelease is None:
        return False
    import subprocess

    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [lrelease, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return done.returncode == 0 and qm.is_file()


def catalogue_path(language: str) -> Path | None:
    """The compiled catalogue: built into the package, else compiled now into the cache folder."""
    folder = resources_dir() / "translations"
    name = f"{CATALOGUE}_{language}"
    built = folder / f"{name}.qm"
    ts = folder / f"{name}.ts"
    # A .qm beside an older .ts was built from it (packaging/build.py, the wheel); the slack
    # absorbs installers that stamp the files a moment apart. An edited .ts is compiled afresh.
    if built.is_file() and (not ts.is_file() or built.stat().st_mtime + 2 >= ts.stat().st_mtime):
        return built
    if not ts.is_file():
        return None
    import platformdirs

    cached = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / f"{name}.qm"
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    return cached if compile_catalogue(ts, cached) else None


class CatalogueTranslator(QTranslator):
    """A .qm lookup by source text: the catalogue holds every string once, in one context,
    whatever class asks (`tr = self.tr` aliases and `_tr(text)` helpers included)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(FALLBACK_CONTEXT, source, disambiguation, n)
        # Not ours: None (a null string), so Qt asks the next translator or keeps the source.
        # An empty string would count as a translation: "Ctrl" became "", Ctrl+Z showed "Z".
        return found or None


def remove_translators() -> None:
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _language = "ja"
    messages.set_language("ja")
    QLocale.setDefault(QLocale.system())


def install_translators(language: str) -> bool:
    """Load the catalogue for language and Qt's own (so standard buttons match); False if missing."""
    global _language
    remove_translators()
    app = QCoreApplication.instance()
    assert app is not None
    ok = True
    if language != "ja":
        path = catalogue_path(language)
        ours = CatalogueTranslator(app)
        if path is not None and ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            ok = False
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if ok:
        _language = language
        messages.set_language(language)  # the services' messages, worded when shown
        QLocale.setDefault(QLocale("ja_JP" if language == "ja" else "en_GB"))
    return ok


def long_date(day: dt.date) -> str:
    """令和3年11月25日（木） in Japanese; Thu 25 Nov 2021 in English."""
    if _language == "ja":
        return wareki(day)
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def fiscal_year_name(fy: int) -> str:
    """令和3年度 in Japanese; FY2021 in English (the year April 2021 to March 2022)."""
    return FiscalYearName(fy).text(_language)


def event_heading(title: str, day: dt.date, start: dt.time, end: dt.time) -> str:
    """An event named with its day and hours, as a window's heading:
    第2回情報交換会　令和3年11月25日（木） 13:30～16:30 in Japanese,
    第2回情報交換会 (Thu 25 Nov 2021, 13:30–16:30) in English."""
    hours = (f"{start.hour:02d}:{start.minute:02d}", f"{end.hour:02d}:{end.minute:02d}")
    if _language == "ja":
        return f"{title}　{wareki(day)} {hours[0]}～{hours[1]}"
    return f"{title} ({long_date(day)}, {hours[0]}–{hours[1]})"


def date_time_label(moment: dt.datetime | None, *, stored_utc: bool = True) -> str:
    """A moment for a window list, like the dates beside it: 令和8年12月3日（木） 06:42 in
    Japanese, Thu 3 Dec 2026 06:42 in English. Stored times are naive UTC: shown local."""
    if moment is None:
        return ""
    if stored_utc:
        moment = moment.replace(tzinfo=dt.UTC).astimezone()
    return f"{long_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def install_language_menu(window) -> None:  # type: ignore[no-untyped-def]
    """表示 → 表示言語: Automatic / 日本語 / English, saved; applies at the next start.

    The menus, tables and dialogs are built once with their strings, so switching live would
    leave half the window in the old language; the choice is saved and the user is told.
    """
    from PySide6.QtGui import QAction, QActionGroup

    tr = window.tr
    menu = window.view_menu.addMenu(tr("表示言語(&L)"))
    group = QActionGroup(window)
    current = saved_choice()
    window.language_actions = {}
    titles = {AUTO: tr("自動（システムの言語に合わせる）"), **LANGUAGES}
    for code, title in titles.items():
        action = QAction(title, window, checkable=True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[code] = action

    def chosen(action: QAction) -> None:
        save_choice(action.data())
        window.statusBar().showMessage(
            tr("表示言語は次の起動から切り替わります。 / The language changes at the next start."),
            10000,
        )

    group.triggered.connect(chosen)
