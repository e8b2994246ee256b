"""The window's settings of older versions (QSettings) are taken over into settings.json once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from kenshu_desk.settings import load_window_settings
from kenshu_desk.ui.shell import preferences


@pytest.fixture
def old_qsettings(tmp_path: Path, ui_app):  # type: ignore[no-untyped-def]
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings().clear()
    yield QSettings()
    QSettings().clear()


def test_older_qsettings_values_are_taken_over_once(old_qsettings: QSettings) -> None:
    old_qsettings.setValue(preferences.OLD_LANGUAGE_KEY, "en")
    old_qsettings.setValue(preferences.OLD_GEOMETRY_KEY, QByteArray(b"\x01\xd9\xd0\xcb geometry"))
    old_qsettings.setValue(preferences.OLD_SHOW_DISPATCHES_KEY, False)
    old_qsettings.sync()
    taken = preferences.take_over_qsettings()
    assert (taken.language, taken.show_dispatches) == ("en", False)
    assert preferences.saved_geometry() == QByteArray(b"\x01\xd9\xd0\xcb geometry")
    # Once: a change made afterwards stays, whatever QSettings still holds.
    preferences.save_language("ja")
    preferences.take_over_qsettings()
    assert load_window_settings().language == "ja"


def test_nothing_in_qsettings_gives_the_defaults(old_qsettings: QSettings) -> None:
    taken = preferences.take_over_qsettings()
    assert (taken.language, taken.geometry, taken.show_dispatches) == ("auto", "", True)
    assert preferences.saved_geometry() is None
