"""Help → About: the version, where the data and its backups are, and the licences shipped.

A prefecture's IT department asks two things of desktop software: what is in it (licences of the
bundled fonts and libraries) and where it keeps the data (so that it can be backed up). Both are
answered here, read from the running installation rather than written down by hand.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk import __version__
from kenshu_desk.database import Database
from kenshu_desk.paths import resources_dir, user_data_dir
from kenshu_desk.ui.shell.widgets import fit_to_screen

FONT_LICENCE_FILE = "IPA_Font_License_Agreement_v1.0.txt"


@dataclass(frozen=True)
class Library:
    distribution: str  # the name pip knows it by
    shown_as: str
    fallback_licence: str  # when the installed metadata does not say (or the package is absent)


# The libraries the application is built on, in the order a reader cares about them.
LIBRARIES: tuple[Library, ...] = (
    Library("PySide6-Essentials", "PySide6 / Qt", "LGPL-3.0-only"),
    Library("SQLAlchemy", "SQLAlchemy", "MIT"),
    Library("alembic", "Alembic", "MIT"),
    Library("reportlab", "ReportLab", "BSD"),
    Library("icalendar", "icalendar", "BSD-2-Clause"),
    Library("openpyxl", "openpyxl", "MIT"),
    Library("keyring", "keyring", "MIT"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("jpholiday", "jpholiday", "MIT"),
    Library("psycopg", "psycopg", "LGPL-3.0-only"),
)


@dataclass(frozen=True)
class LibraryInfo:
    name: str
    version: str  # "" when the package is not installed
    licence: str


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    return str(meta[name]) if name in meta else ""


def _licence_from_metadata(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution declares: License-Expression, else License, else classifiers."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression.strip()
    declared = _field(meta, "License").strip()
    # Some packages paste the whole licence text into License; a name is one short line.
    if declared and "\n" not in declared and len(declared) <= 60 and declared != "UNKNOWN":
        return declared
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.count("::") >= 2
    ]
    return " / ".join(classifiers)


def library_licences() -> list[LibraryInfo]:
    infos = []
    for lib in LIBRARIES:
        try:
            meta = metadata.metadata(lib.distribution)
        except metadata.PackageNotFoundError:
            infos.append(LibraryInfo(lib.shown_as, "", lib.fallback_licence))
            continue
        licence = _licence_from_metadata(meta) or lib.fallback_licence
        infos.append(LibraryInfo(lib.shown_as, _field(meta, "Version"), licence))
    return infos


def displayed_location(db: Database) -> str:
    """The SQLite file's path, or the server URL with the password hidden."""
    return db.location


def backup_files(database_file: Path) -> list[Path]:
    """Copies database.backup_sqlite made beside the file (newest first)."""
    pattern = f"{database_file.stem}.backup-*{database_file.suffix or '.sqlite3'}"
    return sorted(database_file.parent.glob(pattern), reverse=True)


def font_licence_text() -> str:
    return (resources_dir() / "fonts" / FONT_LICENCE_FILE).read_text(encoding="utf-8")


class AboutDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("kenshu-desk について"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_general(db), self.tr("概要"))
        self.tabs.addTab(self._build_fonts(), self.tr("フォントのライセンス"))
        self.tabs.addTab(self._build_libraries(), self.tr("ライブラリのライセンス"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 520)

    def _selectable(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            label.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        return label

    def _build_general(self, db: Database) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(f"<h2>kenshu-desk {__version__}</h2>")
        layout.addWidget(heading)
        layout.addWidget(
            QLabel(self.tr("研修・情報交換会の時間割、次第、招待、出欠、動画配信を机の上で。"))
        )
        form = QFormLayout()
        self.database_label = self._selectable(displayed_location(db))
        form.addRow(self.tr("データベース:"), self.database_label)
        self.backups_list = QListWidget()
        self.backups_list.setMaximumHeight(110)
        if db.path is not None:
            folder = db.path.parent
            self.backups_label = self._selectable(str(folder))
            form.addRow(self.tr("バックアップの場所:"), self.backups_label)
            copies = backup_files(db.path)
            for copy in copies:
                self.backups_list.addItem(copy.name)
            if not copies:
                self.backups_list.addItem(
                    self.tr("（まだありません。形式を更新するときに自動で作成します）")
                )
            form.addRow(self.tr("バックアップ:"), self.backups_list)
            open_folder = QPushButton(self.tr("フォルダを開く(&O)"))
            open_folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            )
            button_row = QHBoxLayout()
            button_row.addWidget(open_folder)
            button_row.addStretch(1)
            form.addRow("", button_row)
        else:
            self.backups_label = self._selectable(
                self.tr("サーバーのデータベースはサーバー側でバックアップしてください。")
            )
            form.addRow(self.tr("バックアップ:"), self.backups_label)
        self.data_dir_label = self._selectable(str(user_data_dir()))
        form.addRow(self.tr("ユーザーデータ:"), self.data_dir_label)
        python = f"Python {sys.version.split()[0]}"
        form.addRow(self.tr("実行環境:"), self._selectable(python))
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_fonts(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            self._selectable(
                self.tr(
                    "画面と PDF には IPAexゴシック（ipaexg.ttf）と IPAex明朝（ipaexm.ttf）を"
                    "同梱しています。IPAフォントライセンスv1.0 に従って再配布しています。"
                )
            )
        )
        self.font_licence = QPlainTextEdit(font_licence_text())
        self.font_licence.setReadOnly(True)
        self.font_licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        layout.addWidget(self.font_licence)
        return page

    def _build_libraries(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            self._selectable(
                self.tr(
                    "kenshu-desk 本体は MIT ライセンスです。次のライブラリを利用しています"
                    "（ライセンス名はインストールされたパッケージの情報から読んでいます）。"
                )
            )
        )
        infos = library_licences()
        self.libraries = QTableWidget(len(infos), 3)
        self.libraries.setHorizontalHeaderLabels(
            [self.tr("ライブラリ"), self.tr("バージョン"), self.tr("ライセンス")]
        )
        for row, info in enumerate(infos):
            for col, text in enumerate((info.name, info.version or "—", info.licence)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.libraries.setItem(row, col, item)
        header = self.libraries.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.libraries.verticalHeader().hide()
        layout.addWidget(self.libraries)
        return page
