"""The English window, driven through every screen its menus open, shows no Japanese except
data (the demo's titles, names, places, the mail templates the user edits)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from sqlalchemy import String, Text, select

from kenshu_desk.database import Database
from kenshu_desk.domain import models
from kenshu_desk.ui.shell import i18n

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Shown as they are in any language: a language's own name, examples of what may be typed.
ALLOWED = ("日本語", "たかは", "令和4年10月20日")
# Actions that end the window, change the language or change shared data outright.
SKIPPED = re.compile(r"Quit|Exit|English|日本語|Japanese|Automatic|Delete|Remove|Undo|Redo")


@pytest.fixture
def english(ui_app, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert i18n.install_translators("en")
    yield
    i18n.remove_translators()


def _data_strings(db: Database) -> list[str]:
    """Every text stored in the database (data may be Japanese in any language)."""
    values: set[str] = set()
    with db.session() as s:
        for mapper in models.Base.registry.mappers:
            table = mapper.local_table
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            for column in columns:
                values |= {v for v in s.scalars(select(column)) if isinstance(v, str) and v}
    from kenshu_desk.mail.recording_template import DEFAULT_TEMPLATE
    from kenshu_desk.mail.templates import DEFAULT_TEMPLATES

    for template in (DEFAULT_TEMPLATE, *DEFAULT_TEMPLATES.values()):
        values |= {template.subject, template.body}
    parts = {p for v in values for p in re.split(r"[\s　]+", v) if p}
    return sorted(values | parts, key=len, reverse=True)


def _texts(widget: QWidget) -> list[str]:
    found = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        found.append(child.toolTip())
        if isinstance(child, QLabel | QAbstractButton):
            found.append(child.text())
        elif isinstance(child, QGroupBox):
            found.append(child.title())
        elif isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        elif isinstance(child, QTabWidget):
            found += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QComboBox) and not child.isEditable():
            found += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model: one column, its count private
                columns = 1
            found += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
            ]
            for row in range(min(model.rowCount(root), 30)):
                for col in range(columns):
                    found.append(str(model.index(row, col, root).data() or ""))
    for menu in widget.findChildren(QMenu):
        found += [a.text() for a in menu.actions()]
    return [t for t in found if t]


def _japanese_left(texts: list[str], data: list[str]) -> list[str]:
    left = []
    for text in texts:
        rest = text.replace("\n", "")  # a title wrapped over lines in a narrow column
        for value in data:
            if value in rest:
                rest = rest.replace(value, " ")
        rest = re.sub(r"\{[^{}]+\}", " ", rest)  # the templates' fields ({氏名}) are data
        for allowed in ALLOWED:
            rest = rest.replace(allowed, " ")
        if JAPANESE.search(rest):
            left.append(text)
    return left


def _leaf_actions(menu: QMenu) -> list[QAction]:
    actions = []
    for action in menu.actions():
        if action.isSeparator() or not action.isEnabled():
            continue
        if action.menu() is not None:
            actions += _leaf_actions(action.menu())
        elif not SKIPPED.search(action.text()):
            actions.append(action)
    return actions


@pytest.mark.sqlite_only
def test_every_screen_of_the_english_window_shows_no_japanese_but_data(
    english, qtbot, open_window, demo_db
) -> None:
    window = open_window(demo_db)
    from tests.ui.test_translations import _event_on

    window.select_event(_event_on(demo_db, dt.date(2021, 11, 25)))
    data = _data_strings(demo_db)
    found: dict[str, list[str]] = {"main window": _japanese_left(_texts(window), data)}
    before = set(QApplication.topLevelWidgets())

    for action in [a for m in window.menuBar().findChildren(QMenu) for a in _leaf_actions(m)]:
        name = action.text().replace("&", "")
        seen: list[str] = []

        def inspect_modal(name: str = name, seen: list[str] = seen) -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                return
            seen += _texts(modal)
            if isinstance(modal, QMessageBox):
                seen += [modal.text(), modal.informativeText()]
            modal.reject() if isinstance(modal, QDialog) else modal.close()
            QTimer.singleShot(50, inspect_modal)

        QTimer.singleShot(100, inspect_modal)
        action.trigger()
        qtbot.wait(300)
        for top in set(QApplication.topLevelWidgets()) - before:
            if top.isVisible() and top is not window:
                seen += _texts(top)
                top.close()
        left = _japanese_left(seen, data)
        if left:
            found[name] = left
    found = {k: v for k, v in found.items() if v}
    report = "\n".join(f"{name}: {texts}" for name, texts in found.items())
    assert found == {}, report


def test_english_invitation_count_delete_question_and_recording_dates(  # type: ignore[no-untyped-def]
    english, qtbot, open_window, demo_db, monkeypatch
):
    """What the menu walk above cannot reach: the count of an event with people left to
    invite, the Delete question (skipped there), and a recording link's 公開期限."""
    from kenshu_desk.services.recordings.links import RecordingInfo
    from kenshu_desk.ui.mail.invite_dialog import InviteDialog
    from kenshu_desk.ui.recordings.recordings_models import RecordingsModel

    data = _data_strings(demo_db)
    with demo_db.session() as s:
        event_id = s.scalars(select(models.Event.id).order_by(models.Event.date)).first()
    assert event_id is not None
    dialog = InviteDialog(demo_db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    count = dialog.count_label.text()
    assert re.match(r"\d+ people \(", count), count  # people are left to invite
    assert _japanese_left([count], data) == [], count

    window = open_window(demo_db)
    assert window._view is not None
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.extend([title, text])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.delete_event(confirm=True)
    assert asked and _japanese_left(asked, data) == [], asked

    model = RecordingsModel()
    model.set_rows(
        [RecordingInfo(1, event_id, "https://example.jp/r", "", dt.date(2021, 12, 24), "")]
    )
    until = model.index(0, 2).data()
    assert until == "Fri 24 Dec 2021", until
