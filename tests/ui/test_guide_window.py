"""ヘルプ → 使い方 (F1): the bundled guide opens at the page of the screen the user is on, and
the guide matches the program (every menu path it names exists, every link and picture)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMenu
from tests.mail.mailkit import make_event

import kenshu_desk.ui
from kenshu_desk.ui.mail.invite_dialog import InviteDialog
from kenshu_desk.ui.shell.guide import PAGE_OF, GuideWindow, guide_dir

PAGES = sorted(guide_dir().glob("*.md"))
MENU_PATH = re.compile(r"\*\*([^*]+?(?: → [^*]+?)+)\*\*")


def _label(text: str) -> str:
    """A menu text as the guide writes it: no mnemonic (&X), no trailing …"""
    return re.sub(r"\(&[A-Za-z0-9]\)", "", text).replace("&", "").rstrip("…").strip()


def _menu_paths(window) -> set[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    paths: set[tuple[str, ...]] = set()

    def walk(menu: QMenu, path: tuple[str, ...]) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            here = (*path, _label(action.text()))
            paths.add(here)
            if action.menu() is not None:
                walk(action.menu(), here)

    for top in window.menuBar().actions():
        walk(top.menu(), (_label(top.text()),))
    return paths


def _guide(window) -> GuideWindow:  # type: ignore[no-untyped-def]
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideWindow)]
    found += window.findChildren(GuideWindow)
    visible = list({id(g): g for g in found if g.isVisible()}.values())
    assert len(visible) == 1
    return visible[0]


def test_every_menu_path_the_guide_names_exists(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    menus = _menu_paths(window)
    named = {
        (page.name, tuple(part.strip() for part in match.split("→")))
        for page in PAGES
        for match in MENU_PATH.findall(page.read_text(encoding="utf-8"))
    }
    assert len(named) >= 25  # the guide walks through the menus
    missing = sorted(f"{page}: {' → '.join(path)}" for page, path in named if path not in menus)
    assert missing == []


def test_every_link_and_picture_of_the_guide_exists():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            assert (guide_dir() / target).is_file(), f"{page.name} → {target}"
    assert {f"{p}.md" for p in PAGE_OF.values()} <= {p.name for p in PAGES}
    assert "開発中" not in "".join(p.read_text(encoding="utf-8") for p in PAGES)


def test_no_file_of_the_guide_is_left_out_of_the_repository_by_gitignore():
    """A picture made here but ignored by .gitignore is missing in a clean clone."""
    root = guide_dir().parents[1]
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    files = [str(p.relative_to(root)) for p in guide_dir().rglob("*") if p.is_file()]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", *files],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert ignored == []


def test_every_screen_the_guide_map_names_is_a_class_of_the_program():
    names: set[str] = set()
    for info in pkgutil.walk_packages(kenshu_desk.ui.__path__, "kenshu_desk.ui."):
        module = importlib.import_module(info.name)
        names |= {n for n, v in vars(module).items() if isinstance(v, type)}
    assert set(PAGE_OF) - names == set()


def test_f1_in_the_main_window_opens_the_timetable_page(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = _guide(window)
    qtbot.addWidget(guide)
    assert guide.current_page() == "timetable"
    text = guide.browser.toPlainText()
    assert "時間割（プログラム）を組む" in text and "行事 → 新しい行事" in text
    picture = guide.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("images/main_window.png")
    )
    assert picture is not None and not picture.isNull()  # the picture is found and loaded
    guide.browser.setSource(QUrl("mail.md"))  # a link between pages
    assert guide.current_page() == "mail"
    guide.close()


@pytest.mark.parametrize("modal", [False, True])
def test_f1_in_a_dialog_opens_its_own_page(qtbot, ui_app, db, modal):
    event_id = make_event(db)
    dialog = InviteDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.setModal(modal)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.preview, Qt.Key.Key_F1)
    guides = [g for g in QApplication.topLevelWidgets() if isinstance(g, GuideWindow)]
    guides = [g for g in guides if g.isVisible()]
    assert len(guides) == 1
    assert guides[0].current_page() == "mail"
    assert "送信済みメールと再送" in guides[0].browser.toPlainText()
    if modal:  # usable beside the modal dialog: it is the dialog's own window
        assert guides[0].parent() is dialog
    guides[0].close()
