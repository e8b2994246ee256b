"""ヘルプ → 使い方 (F1): the bundled guide (resources/guide/*.md), opened at the page of the
screen the user is on. F1 works in every window and dialog: the main window's action handles
it there, an application event filter everywhere else (a modal dialog blocks the main
window's shortcuts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeyEvent, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.paths import resources_dir
from kenshu_desk.ui.shell.widgets import fit_to_screen

# The widget a window shows → the guide's page about it. Looked up from the window the user
# is in, inside out; a window not listed opens the contents.
PAGE_OF: dict[str, str] = {
    "MainWindow": "timetable",
    "DuplicateDialog": "timetable",
    "SpeakersPanel": "timetable",
    "PdfPreviewDialog": "print",
    "InviteDialog": "mail",
    "OutboxView": "mail",
    "MailSettingsDialog": "mail",
    "RegistrationPanel": "participants",
    "CheckInWidget": "participants",
    "ParticipantImportWizard": "participants",
    "AttendanceImportDialog": "participants",
    "ParticipantDirectoryWidget": "participants",
    "ParticipantDialog": "participants",
    "CoverageView": "participants",
    "ReminderDialog": "reminders",
    "RecordingsDialog": "recordings",
    "RecordingLinkForm": "recordings",
    "YearViewWidget": "year",
    "MunicipalityRecordsWidget": "year",
    "ProgressView": "year",
    "DispatchDialog": "year",
    "AboutDialog": "help",
    "DatabaseSettingsDialog": "help",
}


def guide_dir() -> Path:
    return resources_dir() / "guide"


def page_path(page: str) -> Path:
    path = guide_dir() / f"{page}.md"
    return path if path.is_file() else guide_dir() / "index.md"


def page_for(window: QWidget | None) -> str:
    """The guide page for `window` (a top-level window): its own class, else the first
    known widget inside it, else the contents."""
    if window is None:
        return "index"
    for cls in type(window).__mro__:
        if cls.__name__ in PAGE_OF:
            return PAGE_OF[cls.__name__]
    for child in window.findChildren(QWidget):
        name = type(child).__name__
        if name in PAGE_OF and name != "MainWindow":
            return PAGE_OF[name]
    return "index"


class _Browser(QTextBrowser):
    """A QTextBrowser whose pictures fit its width (the screenshots are 1024 px wide)."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        resource = super().loadResource(kind, name)
        if kind == QTextDocument.ResourceType.ImageResource.value and resource is not None:
            image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
            room = max(self.viewport().width() - 40, 320)
            if not image.isNull() and image.width() > room:
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            return image
        return resource


class GuideWindow(QDialog):
    """The guide: Markdown pages with their pictures, links between pages, back and forward."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使い方"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = _Browser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_dir())])
        back = QPushButton(self.tr("戻る"))
        back.setShortcut(QKeySequence.StandardKey.Back)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        contents = QPushButton(self.tr("目次"))
        contents.clicked.connect(lambda: self.show_page("index"))
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(contents)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 700)

    def show_page(self, page: str) -> None:
        self.browser.setSource(
            QUrl.fromLocalFile(str(page_path(page))), QTextDocument.ResourceType.MarkdownResource
        )

    def current_page(self) -> str:
        return Path(self.browser.source().path()).stem


class _F1Filter(QObject):
    """F1 in any window but the main one (where the menu action's shortcut answers it)."""

    def __init__(self, main: QWidget) -> None:
        super().__init__(main)
        self.main = main

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget):
            return False
        if event.key() != Qt.Key.Key_F1 or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        window = watched.window()
        if window is self.main or isinstance(window, GuideWindow):
            return False
        open_guide(self.main, page_for(window))
        return True


def open_guide(main: QWidget, page: str) -> GuideWindow:
    """Show the guide at `page`, in front of whatever is open. Beside a modal dialog it is
    that dialog's child (a separate window could not be used while the dialog is open)."""
    parent = QApplication.activeModalWidget() or main
    guide = parent.findChild(GuideWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if guide is None:
        guide = GuideWindow(parent)
    guide.show_page(page)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def install_guide_action(window: QWidget, help_menu) -> QAction:  # type: ignore[no-untyped-def]
    """ヘルプ → 使い方 (F1) in the main window, and F1 in every other window."""
    action = QAction(window.tr("使い方(&U)"), window)
    action.setShortcut(QKeySequence.StandardKey.HelpContents)
    action.triggered.connect(lambda: open_guide(window, page_for(window)))
    help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, action)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(_F1Filter(window))
    return action
