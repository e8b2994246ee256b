"""The participant directory: 五十音 order, filter as you type, history, archive not delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.directory import (
    archive_participant,
    delete_without_history,
    history_of,
    read_directory,
)
from kenshu_desk.services.participants.participants import DirectoryRow
from kenshu_desk.ui.participants.participant_dialog import ParticipantDialog
from kenshu_desk.ui.participants.participant_models import DirectoryModel, TupleTableModel
from kenshu_desk.ui.shell.i18n import long_date
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.workers import TaskRunner


def configure_table(view: QTableView, stretch_column: int | None = None) -> None:
    """Row selection, no editing, compact rows; call after setModel (the stretch needs the
    header's sections to exist)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # Interactive widths: ResizeToContents would measure all 20,000 rows on every filter.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_column is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


class ParticipantDirectoryWidget(QWidget):
    """Everyone in the directory; ``changed`` is emitted after any edit."""

    changed = Signal()
    loaded = Signal()

    COLUMN_WIDTHS = (130, 150, 210, 200, 90, 220, 50, 50)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("参加者名簿"))
        self.model = DirectoryModel(self)
        self._selected_id: int | None = None  # survives the model reset of each keystroke
        self._keep_after_load: int | None = None
        self.loader = TaskRunner(self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("氏名・ふりがな・所属・メールで絞り込み（全角・半角、カナ・かなどちらでも）")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.show_archived = QCheckBox(self.tr("アーカイブ済みも表示"))
        self.show_archived.toggled.connect(self.reload)
        self.count_label = QLabel()
        self.message = QLabel()  # the last action's outcome; no pop-up for what needs no answer
        self.message.setStyleSheet("color: #8a4b00")

        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view)
        for col, width in enumerate(self.COLUMN_WIDTHS):
            self.view.setColumnWidth(col, width)
        self.view.setSortingEnabled(False)
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.horizontalHeader().sectionClicked.connect(self._sort_by)
        self._sort = (1, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history_model = TupleTableModel(
            (self.tr("日付"), self.tr("行事"), self.tr("出欠"), self.tr("分")), self
        )
        self.history = QTableView()
        self.history.setModel(self.history_model)
        configure_table(self.history, stretch_column=1)
        self.history.setColumnWidth(0, 90)
        self.history.setColumnWidth(2, 120)
        self.history.setColumnWidth(3, 40)

        self.new_action = self._action(self.tr("新規(&N)"), self.new_participant, "Ctrl+N")
        self.edit_action = self._action(self.tr("編集(&E)"), self.edit_current, "Ctrl+E")
        self.archive_action = self._action(self.tr("アーカイブ(&A)"), self.toggle_archive)
        self.delete_action = self._action(
            self.tr("削除(&D)"), self.delete_current, QKeySequence.StandardKey.Delete
        )
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_archived)
        for action in (self.new_action, self.edit_action, self.archive_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(QLabel(self.tr("申込・出席した行事")))
        right_layout.addWidget(self.history, 1)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 480])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.message, 1)
        layout.addLayout(footer)
        self.reload()
        self._update_actions()

    def _action(self, text: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- data ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the directory again on a worker thread; ``loaded`` is emitted when shown."""
        if self.loader.busy:
            self.loader.cancel()
            self.loader.wait()
        self._keep_after_load = self.current_id() or self._keep_after_load
        self.count_label.setText(self.tr("読み込み中…"))
        include_archived = self.show_archived.isChecked()
        db = self.db

        self.loader.start(
            # On the worker: read_directory opens its own session (never shared across threads).
            lambda _p, _c: read_directory(db, include_archived=include_archived),
            self._loaded,
            self._load_failed,
        )

    def _loaded(self, rows: list[DirectoryRow]) -> None:
        self.model.set_rows(rows)
        if self._sort != (1, Qt.SortOrder.AscendingOrder):
            self.model.sort(*self._sort)
        self._update_count()
        keep, self._keep_after_load = self._keep_after_load, None
        if keep is not None:
            self.select_id(keep)
        self.loaded.emit()

    def _load_failed(self, message: str) -> None:
        self.count_label.setText(message)
        self.loaded.emit()

    def refresh_ids(self, ids: list[int]) -> None:
        """After an edit: re-read only these people (quick with 20,000 in the list)."""
        keep = self.current_id()
        rows = read_directory(self.db, include_archived=self.show_archived.isChecked(), ids=ids)
        self.model.replace_rows(ids, rows, key=lambda r: r.sort_key)
        self._update_count()
        if keep is not None:
            self.select_id(keep)

    def wait_until_loaded(self) -> None:
        self.loader.wait()
        QCoreApplication.sendPostedEvents()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel()
        self.loader.wait()
        super().closeEvent(event)

    def _on_search(self, text: str) -> None:
        keep = self._selected_id
        self.model.set_search(text)
        self._update_count()
        # Keep the person selected while they still match; otherwise select nothing, so that
        # a keystroke repaints only the list (the detail pane would cost a query and a paint).
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_id(keep)
        elif keep is not None:
            self._on_selection(QItemSelection(), QItemSelection())

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(
            self.tr("{0} 人").format(total)
            if shown == total
            else self.tr("{0} 人中 {1} 人").format(total, shown)
        )

    def _sort_by(self, column: int) -> None:
        current, order = self._sort
        if current == column:
            order = (
                Qt.SortOrder.DescendingOrder
                if order == Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )
        else:
            order = Qt.SortOrder.AscendingOrder
        self._sort = (column, order)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(column, order)
        self.model.sort(column, order)

    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def current_row(self):  # type: ignore[no-untyped-def]
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_id(self, participant_id: int) -> None:
        row = self.model.row_of(participant_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _on_selection(self, _a: QItemSelection, _b: QItemSelection) -> None:
        self._update_actions()
        row = self.current_row()
        self._selected_id = row.id if row is not None else None
        if row is None:
            self.detail.clear()
            self.history_model.set_rows([])
            return
        lines = [f"{row.name}（{row.reading}）" if row.reading else row.name]
        lines += [
            p
            for p in (row.organisation, " ".join(x for x in (row.department, row.title) if x))
            if p
        ]
        lines += [p for p in (row.email, row.phone) if p]
        if row.archived:
            lines.append(self.tr("（アーカイブ済み）"))
        self.detail.setText("\n".join(lines))
        history = history_of(self.db, row.id)
        self.history_model.set_rows(
            [(long_date(h.date), h.title, shown(h.state), h.minutes_online) for h in history]
        )

    def _update_actions(self) -> None:
        row = self.current_row()
        for action in (self.edit_action, self.archive_action, self.delete_action):
            action.setEnabled(row is not None)
        self.archive_action.setText(
            self.tr("名簿に戻す(&A)")
            if row is not None and row.archived
            else self.tr("アーカイブ(&A)")
        )

    # --- actions ------------------------------------------------------------------------

    def new_participant(self) -> None:
        dialog = ParticipantDialog(self.db, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.search.clear()
            self.refresh_ids([dialog.saved_id])
            self.select_id(dialog.saved_id)
            self.changed.emit()

    def edit_current(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        dialog = ParticipantDialog(self.db, pid, parent=self)
        if dialog.exec():
            self.refresh_ids([pid])
            self._on_selection(QItemSelection(), QItemSelection())
            self.changed.emit()

    def toggle_archive(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.message.setText(
            self.tr("{0} さんを名簿に戻しました。").format(row.name)
            if row.archived
            else self.tr(
                "{0} さんをアーカイブしました（「アーカイブ済みも表示」で見られます）。"
            ).format(row.name)
        )
        archive_participant(self.db, row.id, not row.archived)
        self.refresh_ids([row.id])
        self.changed.emit()

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.registered:
            self.message.setText(
                self.tr(
                    "{0} さんには申込・出欠の記録があるため削除できません。"
                    "アーカイブすると名簿に表示されなくなり、記録は残ります。"
                ).format(row.name)
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("参加者の削除"),
            self.tr("{0} さんを名簿から削除しますか？").format(row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_without_history(self.db, row.id)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.refresh_ids([row.id])
        self.changed.emit()
