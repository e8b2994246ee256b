"""The UI language: complete catalogues, English on a non-Japanese system, stretched strings."""

from __future__ import annotations

import datetime as dt
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel, QWidget

from kenshu_desk.settings import load_window_settings
from kenshu_desk.ui.shell import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


@pytest.fixture
def english(ui_app, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # compile the .qm afresh
    assert i18n.install_translators("en")
    yield
    i18n.remove_translators()


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


@pytest.mark.parametrize("name", ["kenshu_desk_ja.ts", "kenshu_desk_en.ts"])
def test_catalogues_have_no_unfinished_or_empty_entry(name: str) -> None:
    messages = _messages(TS_DIR / name)
    assert len(messages) > 400
    bad = []
    for m in messages:
        t = m.find("translation")
        forms = [f.text for f in t.iter("numerusform")] if t is not None else []
        text_ok = t is not None and (all(forms) if forms else bool(t.text))
        if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not text_ok:
            bad.append(m.findtext("source"))
    assert bad == []


@pytest.mark.parametrize("name", ["kenshu_desk_ja.ts", "kenshu_desk_en.ts"])
def test_each_string_is_in_the_catalogue_once(name: str) -> None:
    sources = [m.findtext("source") for m in _messages(TS_DIR / name)]
    assert len(sources) == len(set(sources))


def test_japanese_catalogue_is_the_source_itself() -> None:
    for m in _messages(TS_DIR / "kenshu_desk_ja.ts"):
        t = m.find("translation")
        forms = [f.text for f in t.iter("numerusform")]
        assert (forms or [t.text]) == [m.findtext("source")]


def test_every_string_in_the_code_is_in_the_catalogues() -> None:
    """lupdate run afresh over the code (plus the helper strings) finds nothing the .ts lacks."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "tools"))
    fresh = update_translations.catalogue()
    for name in ("kenshu_desk_ja.ts", "kenshu_desk_en.ts"):
        stored: dict[str, set[str]] = {}
        for context in ET.parse(TS_DIR / name).getroot().iter("context"):
            stored[context.findtext("name") or ""] = {
                m.findtext("source") or "" for m in context.iter("message")
            }
        for context, sources in fresh.items():
            missing = set(sources) - stored.get(context, set())
            assert not missing, (
                f"{name} [{context}] lacks {sorted(missing)[:5]}: add the English to "
                "tools/english.py and run python tools/update_translations.py"
            )


def test_language_follows_the_system_unless_settings_choose(monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.delenv("KENSHU_DESK_LANG", raising=False)
    expected = "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"
    assert i18n.chosen_language() == expected
    i18n.save_choice("ja")
    assert i18n.chosen_language() == "ja"
    i18n.save_choice("en")
    assert i18n.chosen_language() == "en"
    i18n.save_choice("auto")
    assert i18n.chosen_language() == expected
    monkeypatch.setenv("KENSHU_DESK_LANG", "ja")
    assert i18n.chosen_language() == "ja"


def test_english_ui_menus_and_dates(english, open_window, demo_db) -> None:
    window = open_window(demo_db)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&File" in titles and "&Help" in titles
    # The event list and the form write dates the English way.
    model = window.events_model
    dates = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "Thu 25 Nov 2021" in dates
    assert not any("令和" in d for d in dates)
    window.search.setText("25 Nov 2021")  # the search knows the dates as shown
    assert window.events_proxy.rowCount() == 1
    window.select_event(_event_on(demo_db, dt.date(2021, 11, 25)))
    assert window.form.date_label.text() == "Thu 25 Nov 2021"
    # Helper-translated headers (the `_tr` pattern lupdate cannot see) are English too.
    headers = [model.headerData(c, _horizontal()) for c in range(model.columnCount())]
    assert "Date" in headers and "Venue" in headers


def test_english_ui_shows_kinds_types_states_and_shortcuts_in_english(
    english, open_window, demo_db
) -> None:
    from PySide6.QtGui import QKeySequence

    window = open_window(demo_db)
    model = window.events_model
    kinds = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert {"Information exchange", "Training", "Study session"} <= kinds
    assert not {"情報交換会", "研修"} & kinds
    window.select_event(_event_on(demo_db, dt.date(2021, 11, 25)))
    programme = window.programme.table.model()
    types = {programme.index(r, 2).data() for r in range(programme.rowCount())}
    assert {"Greeting", "Lecture", "Case report"} <= types
    # The timetable checks: a programme that overruns the end time, said in English.
    from kenshu_desk.domain.programme import IssueKind, ProgrammeIssue
    from kenshu_desk.services.timetable.event_view import WARNING, Check

    panel = window.checks
    issue = ProgrammeIssue(IssueKind.OVERRUN, None, 15)
    panel.set_checks([Check(WARNING, issue.message(), None, issue)])
    assert panel.messages() == ["The programme runs 15 min past the end time"]
    # Menu shortcuts with their modifiers (an empty translation of "Ctrl" once showed "Z").
    edit_menu = window.menuBar().actions()[1].menu()
    shortcuts = [
        a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in edit_menu.actions()
    ]
    assert "Ctrl+Z" in shortcuts and "Ctrl+Shift+Z" in shortcuts and "Z" not in shortcuts


def test_japanese_ui_keeps_reiwa_dates(ui_app, open_window, demo_db) -> None:
    i18n.install_translators("ja")
    window = open_window(demo_db)
    window.select_event(_event_on(demo_db, dt.date(2021, 11, 25)))
    assert window.form.date_label.text() == "令和3年11月25日（木）"
    assert window.menuBar().actions()[0].text() == "ファイル(&F)"


def test_language_menu_saves_the_choice(ui_app, open_window, demo_db) -> None:
    window = open_window(demo_db)
    window.language_actions["en"].trigger()
    assert load_window_settings().language == "en"
    assert "next start" in window.statusBar().currentMessage()


class Stretching(QTranslator):
    """Every string half as long again, as German or English often is beside Japanese."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        if not any(ch.isalpha() for ch in source):
            return ""  # symbols (↑, ―) stay symbols in every language
        # Padding, not a copy: placeholders ({0}, %1) and mnemonics must stay as they are.
        return source + "伸" * max(1, len(source) // 2)


def _laid_out_badly(top: QWidget) -> list[str]:
    problems = []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible() or w.width() == 0 or isinstance(w, QHeaderView):
            continue  # a header's sections scroll with its view: its width is the view's
        hint = w.minimumSizeHint()
        if hint.isValid() and w.width() + 1 < hint.width() and w.minimumWidth() == 0:
            problems.append(f"{type(w).__name__} {w.objectName()} {w.width()} < {hint.width()}")
        if isinstance(w, (QLabel, QAbstractButton)) and not getattr(w, "wordWrap", bool)():
            text = w.text()
            if text and w.width() + 1 < w.sizeHint().width():
                problems.append(f"clipped {type(w).__name__} {text[:20]!r}")
    return problems


def test_dialogs_lay_out_with_stretched_strings(ui_app, qtbot, demo_db) -> None:
    from kenshu_desk.ui.mail.invite_dialog import InviteDialog
    from kenshu_desk.ui.mail.mail_settings_dialog import MailSettingsDialog
    from kenshu_desk.ui.participants.participant_dialog import ParticipantDialog
    from kenshu_desk.ui.shell.about_dialog import AboutDialog
    from kenshu_desk.ui.shell.main_window import MainWindow
    from kenshu_desk.ui.timetable.event_dialogs import DuplicateDialog

    stretch = Stretching(ui_app)
    ui_app.installTranslator(stretch)
    try:
        assert QCoreApplication.translate("X", "保存") == "保存伸"
        event_id = _event_on(demo_db, dt.date(2021, 11, 25))
        window = MainWindow(demo_db)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not window.speakers.loading)
        dialogs = [
            AboutDialog(demo_db),
            DuplicateDialog("第2回市町村情報交換会", dt.date(2021, 11, 25)),
            InviteDialog(demo_db, event_id),
            MailSettingsDialog(),
            ParticipantDialog(demo_db),
        ]
        problems = {"MainWindow": _laid_out_badly(window)}
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            problems[type(dialog).__name__] = _laid_out_badly(dialog)
            dialog.grab().save(f"/tmp/wt8b/stretched_{type(dialog).__name__}.png")
        window.grab().save("/tmp/wt8b/stretched_main.png")
        assert {k: v for k, v in problems.items() if v} == {}
    finally:
        ui_app.removeTranslator(stretch)


def _event_on(db, day: dt.date) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from kenshu_desk.domain.models import Event

    with db.session() as s:
        return s.scalars(select(Event.id).where(Event.date == day)).first()


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
