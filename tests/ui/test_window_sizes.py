"""Every window fits a 1366×768 laptop (usable ≈ 1366×728 with the taskbar), in Japanese and
in English: its opening size and the smallest size its content allows."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kenshu_desk.ui.shell import i18n
from kenshu_desk.ui.shell.widgets import LAPTOP_AREA

WIDTH, HEIGHT = LAPTOP_AREA


def _top_levels() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]


def _check(window: QWidget) -> None:
    name = f"{type(window).__name__} 「{window.windowTitle()}」"
    assert window.width() <= WIDTH and window.height() <= HEIGHT, (name, window.size())
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, (name, "minimum", hint)
    # A label with a mnemonic (ファイル(&F)) but no buddy shows the & itself.
    literal = [
        label.text()
        for label in window.findChildren(QLabel)
        if label.textFormat() != Qt.TextFormat.RichText
        and re.search(r"&[^&\s]", label.text().replace("&&", ""))
        and label.buddy() is None
    ]
    assert literal == [], (name, literal)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_window_opened_from_the_menus_fits_a_laptop(  # type: ignore[no-untyped-def]
    qtbot, open_window, demo_db, language, monkeypatch, tmp_path, request
):
    monkeypatch.setenv("KENSHU_DESK_LANG", language)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # The translator is installed once by the ui_app fixture: install English here, or the
    # "en" run is Japanese again (install_translators also words the services' messages).
    if language == "en":
        assert i18n.install_translators("en")
        request.addfinalizer(i18n.remove_translators)
    window = open_window(demo_db)  # the fixture sizes it as a maximised laptop window
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, hint
    opened = {id(window)}
    checked: list[str] = []

    def close_modal() -> None:
        # A dialog run with exec() blocks trigger(): check it and close it from the loop.
        active = QApplication.activeModalWidget()
        if active is not None and id(active) not in opened:
            opened.add(id(active))
            _check(active)
            checked.append(type(active).__name__)
        if active is not None:
            active.close()

    from PySide6.QtCore import QTimer

    closer = QTimer()
    closer.setInterval(30)
    closer.timeout.connect(close_modal)
    closer.start()
    try:
        # Windows open from "…" items, and from every item of the participants and year menus.
        openers = {window.participants_menu, window.year_menu.menu}
        for action in window.menuBar().actions():
            menu = action.menu()
            for item in menu.actions() if menu is not None else []:
                opens = item.text().endswith(("…", "...")) or menu in openers
                if not opens or not item.isEnabled() or item.isSeparator():
                    continue
                item.trigger()
                QApplication.processEvents()
                for w in _top_levels():
                    if id(w) not in opened:
                        opened.add(id(w))
                        _check(w)
                        checked.append(type(w).__name__)
                        w.close()
    finally:
        closer.stop()
    assert len(checked) >= 14, checked  # the menus did open windows and dialogs


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_windows_the_menus_do_not_open_fit_a_laptop(  # type: ignore[no-untyped-def]
    qtbot, ui_app, demo_db, language, monkeypatch, tmp_path, request
):
    """The guide, About, the invitation dialog, and dialogs opened from inside other windows."""
    import datetime as dt

    from sqlalchemy import select

    from kenshu_desk.domain import models
    from kenshu_desk.ui.mail.invite_dialog import InviteDialog
    from kenshu_desk.ui.participants.participant_dialog import ParticipantDialog
    from kenshu_desk.ui.participants.participant_picker import ParticipantPickerDialog
    from kenshu_desk.ui.recordings.recording_link_form import RecordingLinkForm
    from kenshu_desk.ui.shell.about_dialog import AboutDialog
    from kenshu_desk.ui.shell.guide import GuideWindow
    from kenshu_desk.ui.year.dispatch_dialog import DispatchDialog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if language == "en":
        assert i18n.install_translators("en")
        request.addfinalizer(i18n.remove_translators)
    with demo_db.session() as session:
        municipality_id = session.scalars(
            select(models.Organisation.id).where(models.Organisation.category == "市町村")
        ).first()
        event_id = session.scalars(select(models.Event.id).order_by(models.Event.date)).first()
    assert municipality_id is not None and event_id is not None
    parent = QWidget()
    qtbot.addWidget(parent)
    windows: list[QWidget] = [
        GuideWindow(),
        # Opened from the menus above too, but whether the menu walk reaches it depends on
        # timing: opened here, the English one (1516 px wide before the fix) is always checked.
        InviteDialog(demo_db, event_id),
        AboutDialog(demo_db),
        DispatchDialog(demo_db, municipality_id, dt.date(2021, 11, 25)),
        ParticipantDialog(demo_db),
        RecordingLinkForm(parent),
        ParticipantPickerDialog(demo_db, title="参加者を選ぶ"),
    ]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        _check(window)
        window.close()


def test_a_remembered_size_larger_than_the_screen_is_clamped(  # type: ignore[no-untyped-def]
    qtbot, ui_app, monkeypatch
):
    from PySide6.QtWidgets import QMainWindow

    from kenshu_desk.ui.shell import preferences, start_window

    big = QMainWindow()
    qtbot.addWidget(big)
    big.resize(2400, 1300)  # the size it had on a large office monitor
    saved = big.saveGeometry()
    monkeypatch.setattr(preferences, "saved_geometry", lambda: saved)
    window = QMainWindow()
    qtbot.addWidget(window)
    start_window.restore_geometry(window)
    assert window.width() <= WIDTH and window.height() <= HEIGHT, window.size()
    assert window.width() >= 600  # clamped (to the made-up offscreen screen), not reset
