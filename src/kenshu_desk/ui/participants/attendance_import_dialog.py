"""Applying a Zoom/Teams attendance report to an event, with the unmatched rows resolved.

The organiser sees what will change (who becomes 出席（オンライン） or 欠席, with minutes) and,
for each row that matched nobody, chooses: ignore it, one of the suggested people, someone
from the directory, or add the person. Nothing is written until 「反映する」.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.messages import label_text
from kenshu_desk.services.participants.attendance_matching import (
    DEFAULT_THRESHOLD_PCT,
    NOTHING_MATCHED_MESSAGE,
    AttendancePlan,
    AttendanceResult,
    Outcome,
)
from kenshu_desk.services.participants.attendance_reports import AttendanceReport, parse_report_file
from kenshu_desk.services.participants.import_actions import (
    AttendanceOptions,
    apply_report,
    attendance_event,
    plan_report,
)
from kenshu_desk.services.participants.participants import state_label
from kenshu_desk.ui.participants.participant_directory import configure_table
from kenshu_desk.ui.participants.participant_models import STATE_COLOURS, TupleTableModel
from kenshu_desk.ui.participants.participant_picker import ParticipantPickerDialog
from kenshu_desk.ui.shell.i18n import event_heading
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.widgets import buddy_label, fit_to_screen

IGNORE, ADD, PICK = "ignore", "add", "pick"


class AttendanceImportDialog(QDialog):
    applied = Signal(object)  # AttendanceResult

    def __init__(
        self, db: Database, event_id: int, path: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.report: AttendanceReport | None = None
        self.plan: AttendancePlan | None = None
        self.assignments: dict[int, int] = {}
        self.additions: set[int] = set()
        self.applied_result: AttendanceResult | None = None
        event = attendance_event(db, event_id)
        heading = event_heading(event.title, event.date, event.start, event.end)
        self.setWindowTitle(self.tr("出席レポートの取り込み — {0}").format(heading))

        self.path = QLineEdit(path or "")
        self.path.returnPressed.connect(self.load)
        browse = QPushButton(self.tr("参照(&B)…"))
        browse.clicked.connect(self._browse)
        load = QPushButton(self.tr("読み込む(&L)"))
        load.clicked.connect(self.load)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        file_row.addWidget(load)
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setValue(DEFAULT_THRESHOLD_PCT)
        self.threshold.setSuffix(" %")
        self.threshold.valueChanged.connect(self.replan)
        self.missing_absent = QCheckBox(self.tr("レポートにいない申込者を欠席にする"))
        self.missing_absent.setChecked(event.online_only)
        self.missing_absent.toggled.connect(self.replan)
        # A partial or later report never lowers anyone unless the organiser says so here.
        self.allow_lower = QCheckBox(self.tr("記録済みの出席（オンライン）を欠席にしてよい"))
        self.allow_lower.toggled.connect(self.replan)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("ファイル(&F)"), self.path), file_row)
        form.addRow(self.tr("行事の時間の何％以上で出席(&T)"), self.threshold)
        form.addRow("", self.missing_absent)
        form.addRow("", self.allow_lower)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_model = TupleTableModel(
            (
                self.tr("氏名"),
                self.tr("所属"),
                self.tr("現在"),
                self.tr("変更後"),
                self.tr("参加（分）"),
            ),
            self,
        )
        self.changes_view = QTableView()
        self.changes_view.setModel(self.changes_model)
        configure_table(self.changes_view, stretch_column=1)
        for col, width in enumerate((150, 220, 140, 140, 80)):
            self.changes_view.setColumnWidth(col, width)
        self.unmatched_model = TupleTableModel(
            (
                self.tr("レポートの名前"),
                self.tr("メール"),
                self.tr("行"),
                self.tr("参加（分）"),
                self.tr("対応"),
            ),
            self,
        )
        self.unmatched_view = QTableView()
        self.unmatched_view.setModel(self.unmatched_model)
        configure_table(self.unmatched_view, stretch_column=4)
        for col, width in enumerate((180, 200, 60, 80)):
            self.unmatched_view.setColumnWidth(col, width)
        self.combos: dict[int, QComboBox] = {}

        changes_box = QWidget()
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.addWidget(QLabel(self.tr("出欠の変更")))
        changes_layout.addWidget(self.changes_view)
        unmatched_box = QWidget()
        unmatched_layout = QVBoxLayout(unmatched_box)
        unmatched_layout.setContentsMargins(0, 0, 0, 0)
        self.unmatched_label = QLabel(self.tr("照合できなかった行"))
        unmatched_layout.addWidget(self.unmatched_label)
        unmatched_layout.addWidget(self.unmatched_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(changes_box)
        splitter.addWidget(unmatched_box)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("反映する(&A)"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 680)
        if path:
            self.load()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("出席レポート"),
            "",
            self.tr("出席レポート (*.csv *.tsv *.txt *.xlsx);;すべてのファイル (*)"),
        )
        if path:
            self.path.setText(path)
            self.load()

    def load(self) -> None:
        """Read the report (small files: no worker needed) and make the plan."""
        self.status.clear()
        self.report = None
        self.assignments.clear()
        self.additions.clear()
        try:
            self.report = parse_report_file(Path(self.path.text().strip()))
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.replan()

    def _show_error(self, message: str) -> None:
        self.plan = None
        self.status.setText(message)
        self.summary.clear()
        self.changes_model.set_rows([])
        self.unmatched_model.set_rows([])
        self.apply_button.setEnabled(False)

    def replan(self) -> None:
        if self.report is None:
            return
        try:
            self.plan = plan_report(self.db, self.event_id, self.report, self._options())
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.status.clear()
        self._show_plan()

    def _options(self) -> AttendanceOptions:
        return {
            "threshold_pct": self.threshold.value(),
            "mark_missing_absent": self.missing_absent.isChecked(),
            "assignments": dict(self.assignments),
            "additions": set(self.additions),
            "allow_lower": self.allow_lower.isChecked(),
        }

    def _show_plan(self) -> None:
        plan, report = self.plan, self.report
        assert plan is not None and report is not None
        title = self.tr("「{0}」").format(report.title) if report.title else ""
        lines = [
            self.tr("{0} {1}（{2}）: {3} 人").format(
                report.kind, title, label_text(report.format_label), len(report.people)
            ),
            plan.summary(),
        ]
        lines += [self.tr("注意: {0}").format(w) for w in plan.warnings]
        lines += [
            self.tr("除外: {0}（{1} 行目）{2}").format(
                r.name or self.tr("（名前なし）"), r.line, r.reason_text
            )
            for r in report.set_aside
        ]
        self.summary.setText("\n".join(lines))
        changes = sorted(plan.changes, key=lambda c: (c.new_state, c.name))
        self.changes_model.set_rows(
            [
                (
                    c.name + (self.tr("（名簿に追加）") if c.participant_id is None else ""),
                    c.organisation,
                    shown(state_label(c.old_state)) if c.old_state else self.tr("（申込なし）"),
                    shown(state_label(c.new_state)),
                    c.minutes,
                )
                for c in changes
            ],
            backgrounds=[STATE_COLOURS.get(c.new_state) if c.changed else None for c in changes],
        )
        self._show_unmatched(
            plan.unmatched + [o for o in plan.outcomes if o.how in ("assigned", "new")]
        )
        # Nobody matched: applying would only mark everyone absent. The organiser can still
        # assign rows below, which makes the plan applicable.
        self.apply_button.setEnabled(not plan.nothing_matched)
        if plan.nothing_matched:
            self.status.setText(str(NOTHING_MATCHED_MESSAGE))

    def _show_unmatched(self, outcomes: list[Outcome]) -> None:
        outcomes = sorted(outcomes, key=lambda o: o.index)
        self.unmatched_model.set_rows(
            [
                (o.person.name, o.person.email, "、".join(map(str, o.person.lines)), o.minutes, "")
                for o in outcomes
            ],
            backgrounds=[
                None
                if o.index in self.assignments or o.index in self.additions
                else QColor("#fff4d6")
                for o in outcomes
            ],
        )
        self.combos.clear()
        for row, outcome in enumerate(outcomes):
            combo = self._combo_for(outcome)
            self.combos[outcome.index] = combo
            self.unmatched_view.setIndexWidget(self.unmatched_model.index(row, 4), combo)
        open_rows = sum(
            1 for o in outcomes if o.index not in self.assignments and o.index not in self.additions
        )
        self.unmatched_label.setText(
            self.tr(
                "照合できなかった行: {0}（対応を選ぶと反映されます。選ばない行は無視します）"
            ).format(open_rows)
        )

    def _combo_for(self, outcome: Outcome) -> QComboBox:
        combo = QComboBox()
        why = {
            "device": self.tr("端末名だけの行です。持ち主を選んでください"),
            "other_organisation": self.tr("同姓同名の別団体の人かもしれません"),
            "namesakes": self.tr("同じ名前の人が複数います"),
        }.get(outcome.why, "")
        combo.addItem(self.tr("無視する（{0}）").format(why) if why else self.tr("無視する"),
                      (IGNORE, None))  # fmt: skip
        combo.setToolTip(why)
        for c in outcome.candidates:
            mark = self.tr("（申込者）") if c.registered else ""
            combo.addItem(self.tr("→ {0}{1}").format(c.label(), mark), (PICK, c.participant_id))
        assigned = self.assignments.get(outcome.index)
        if assigned is not None and all(c.participant_id != assigned for c in outcome.candidates):
            combo.addItem(self.tr("→ 選んだ人（ID {0}）").format(assigned), (PICK, assigned))
        combo.addItem(self.tr("名簿から選ぶ…"), ("choose", None))
        combo.addItem(self.tr("名簿に追加して出欠を記録"), (ADD, None))
        if outcome.index in self.additions:
            combo.setCurrentIndex(combo.count() - 1)
        elif assigned is not None:
            combo.setCurrentIndex(combo.findData((PICK, assigned)))
        combo.activated.connect(lambda _i, o=outcome, c=combo: self._choice(o, c))
        return combo

    def _choice(self, outcome: Outcome, combo: QComboBox) -> None:
        kind, pid = combo.currentData()
        if kind == "choose":
            picker = ParticipantPickerDialog(
                self.db,
                title=self.tr("「{0}」に当たる人").format(outcome.person.name),
                multiple=False,
                initial_search=outcome.person.name.split("(")[0].split("（")[0],
                parent=self,
            )
            chosen = picker.selected_ids() if picker.exec() else []
            if not chosen:
                self.replan()
                return
            kind, pid = PICK, chosen[0]
        self.resolve(outcome.index, kind, pid)

    def resolve(self, index: int, kind: str, participant_id: int | None = None) -> None:
        """The organiser's decision for report person ``index``: ignore / pick / add."""
        self.assignments.pop(index, None)
        self.additions.discard(index)
        if kind == PICK and participant_id is not None:
            self.assignments[index] = participant_id
        elif kind == ADD:
            self.additions.add(index)
        self.replan()

    def apply(self) -> None:
        if self.report is None or self.plan is None:
            return
        try:
            self.applied_result = apply_report(  # one transaction
                self.db, self.event_id, self.report, self._options()
            )
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.apply_button.setEnabled(False)
        self.status.setStyleSheet("color: #1b5e20")
        self.status.setText(self.applied_result.summary())
        self.applied.emit(self.applied_result)
