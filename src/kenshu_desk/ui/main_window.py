"""The main window: events by fiscal year, newest first, and the selected event's programme."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk import __version__
from kenshu_desk.database import Database
from kenshu_desk.domain.japanese import minutes_label, time_range, wareki
from kenshu_desk.services.events import event_schedule, get_event, list_events
from kenshu_desk.ui.document_actions import install_document_actions
from kenshu_desk.ui.event_list import EVENT_ID_ROLE, EventFilterProxy, EventListModel, EventRow


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(f"kenshu-desk — {db.path or db.url}")
        self.events_model = EventListModel(self)
        self.events_proxy = EventFilterProxy(self)
        self.events_proxy.setSourceModel(self.events_model)

        self.search = QLineEdit(placeholderText="行事を検索（行事名・種別・年度・会場）")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.events_proxy.set_search)

        self.events_view = QTableView()
        self.events_view.setModel(self.events_proxy)
        self.events_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events_view.verticalHeader().hide()
        self.events_view.setAlternatingRowColors(True)
        self.events_view.setWordWrap(False)
        header = self.events_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.events_view.selectionModel().selectionChanged.connect(self._on_selection)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.events_view)

        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        self.detail_title = QLabel()
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("ファイル(&F)")
        find = QAction("検索(&S)", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus())
        file_menu.addAction(find)
        quit_action = QAction("終了(&X)", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        install_document_actions(self)
        help_menu = self.menuBar().addMenu("ヘルプ(&H)")
        about = QAction("kenshu-desk について(&A)", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def reload(self) -> None:
        with self.db.session() as session:
            rows = [EventRow.of(e) for e in list_events(session)]
        self.events_model.set_rows(rows)
        self.statusBar().showMessage(f"行事 {len(rows)} 件")
        if rows and not self.events_view.selectionModel().hasSelection():
            self.events_view.selectRow(0)

    def select_event(self, event_id: int) -> None:
        source_row = self.events_model.row_of(event_id)
        if source_row < 0:
            return
        proxy_index = self.events_proxy.mapFromSource(self.events_model.index(source_row, 0))
        if proxy_index.isValid():
            self.events_view.selectRow(proxy_index.row())

    def current_event_id(self) -> int | None:
        indexes = self.events_view.selectionModel().selectedRows()
        return indexes[0].data(EVENT_ID_ROLE) if indexes else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            self.detail.clear()
            return
        with self.db.session() as session:
            self.detail.setHtml(_programme_html(get_event(session, event_id)))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "kenshu-desk について",
            f"kenshu-desk {__version__}\n\nデータベース: {self.db.path or self.db.url}\n"
            "フォント: IPAexゴシック / IPAex明朝（IPAフォントライセンスv1.0）",
        )


def _programme_html(event) -> str:  # type: ignore[no-untyped-def]
    e = html.escape
    schedule = event_schedule(event)
    place = event.venue or ""
    if event.online_url:
        place = f"{place}（オンライン開催）" if place else "オンライン開催"
    parts = [
        f"<h2>{e(event.title)}</h2>",
        f"<p>{e(wareki(event.date))}　{event.start_time:%H:%M}～{event.end_time:%H:%M}<br>",
        f"{e(event.kind)}　{e(place)}</p>",
        "<table cellspacing=0 cellpadding=4 border=1 width='100%'>",
        "<tr><th>時間割</th><th>内容</th></tr>",
    ]
    for item, slot in zip(event.items, schedule.slots, strict=True):
        presenters = "<br>".join(e(p.display()) for p in item.presenters)
        content = e(item.title)
        if item.description:
            content += f"<br><small>{e(item.description)}</small>"
        if presenters:
            content += f"<br>{presenters}"
        when = f"{time_range(slot.start_time, slot.end_time)}<br>{minutes_label(item.minutes)}"
        parts.append(f"<tr><td nowrap>{when}</td><td>{content}</td></tr>")
    parts.append("</table>")
    for issue in schedule.issues:
        parts.append(f"<p style='color:#a00'>⚠ {e(issue.message())}</p>")
    return "".join(parts)
