"""Import dialogs: file → mapping → preview → confirm; attendance report with unmatched rows."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import func, select

from kenshu_desk.domain.models import Event, Participant, Registration
from kenshu_desk.services.participants.column_mapping import Field
from kenshu_desk.ui.participants.attendance_import_dialog import ADD, PICK, AttendanceImportDialog
from kenshu_desk.ui.participants.coverage_view import CoverageView
from kenshu_desk.ui.participants.participant_import_dialog import ParticipantImportWizard

DATA = Path(__file__).resolve().parents[1] / "data"


def count_people(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count(Participant.id)))


def event_id(db, day: dt.date) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalars(select(Event.id).where(Event.date == day)).one()


def test_wizard_file_mapping_preview_confirm(qtbot, qtmodeltester, ui_app, demo_db):
    eid = event_id(demo_db, dt.date(2027, 1, 28))
    before = count_people(demo_db)
    wizard = ParticipantImportWizard(
        demo_db, path=str(DATA / "participants_cp932.csv"), event_id=eid
    )
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # reads the file on a worker, then moves on by itself
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=20000)
    page = wizard.mapping_page
    assert page.header_line.value() == 3
    assert page.combos[Field.NAME].currentText() == "E: 氏名"
    assert page.combos[Field.READING].currentText() == "F: フリガナ"
    qtmodeltester.check(page.sample)
    page.combos[Field.NAME].setCurrentIndex(0)  # (なし): cannot go on without a name column
    assert not page.isComplete() and "氏名" in page.problem.text()
    page.combos[Field.NAME].setCurrentIndex(5)
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.runner.busy, timeout=10000)
    preview_page = wizard.preview_page
    assert "エラー 2" in preview_page.summary.text()
    assert preview_page.model.rowCount() >= 2  # errors shown first
    assert not preview_page.isComplete()  # errors block the import …
    assert count_people(demo_db) == before  # … and nothing is written yet
    preview_page.skip_errors.setChecked(True)  # … unless the user says skip them
    assert preview_page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)
    assert "新規 4 人" in wizard.result_page.text.text()
    assert count_people(demo_db) == before + 4
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).where(Registration.event_id == eid)) == 12 + 4 + 0


def test_wizard_reports_a_broken_file_and_stays(qtbot, ui_app, demo_db, tmp_path):
    path = tmp_path / "garbage.xlsx"
    path.write_bytes(os.urandom(10 * 1024 * 1024))
    wizard = ParticipantImportWizard(demo_db, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.file_page.status.text()), timeout=20000)
    assert "garbage.xlsx" in wizard.file_page.status.text()
    assert wizard.currentPage() is wizard.file_page


def test_attendance_dialog_resolves_unmatched_rows(qtbot, qtmodeltester, ui_app, demo_db):
    eid = event_id(demo_db, dt.date(2021, 11, 25))
    dialog = AttendanceImportDialog(demo_db, eid, path=str(DATA / "zoom_participants_en.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plan is not None and dialog.missing_absent.isChecked()  # online-only event
    qtmodeltester.check(dialog.changes_model)
    names = [
        dialog.unmatched_model.index(r, 0).data() for r in range(dialog.unmatched_model.rowCount())
    ]
    assert names == ["山口", "新井 一郎", "090XXXX1234"]
    yamaguchi = next(o for o in dialog.plan.unmatched if o.person.name == "山口")
    combo = dialog.combos[yamaguchi.index]
    assert combo.itemText(1).startswith("→ 山口　香織")
    arai = next(o for o in dialog.plan.unmatched if o.person.name == "新井 一郎")
    dialog.resolve(yamaguchi.index, PICK, yamaguchi.candidates[0].participant_id)
    dialog.resolve(arai.index, ADD)
    assert len(dialog.plan.unmatched) == 1
    dialog.threshold.setValue(25)
    dialog.apply_button.click()
    assert dialog.applied_result is not None and dialog.applied_result.participants_created == 1
    assert "出欠を記録しました" in dialog.status.text()
    with demo_db.session() as s:
        state = s.scalar(
            select(Registration.state)
            .join(Registration.participant)
            .where(Registration.event_id == eid, Participant.email == "k.fujita@example.jp")
        )
    assert state == "attended_online"  # 35 min ≥ 25 % of 120


def test_attendance_dialog_says_why_a_row_needs_a_decision(qtbot, ui_app, demo_db, tmp_path):  # type: ignore[no-untyped-def]
    eid = event_id(demo_db, dt.date(2021, 11, 25))
    lines = (DATA / "zoom_participants_en.csv").read_text(encoding="utf-8").splitlines()[:4]
    lines += [
        "藤田 健,k.fujita@example.jp,11/25/2021 02:30:00 PM,11/25/2021 03:21:00 PM,51,No,Yes,No",
        "iPad,,11/25/2021 03:22:00 PM,11/25/2021 04:30:00 PM,68,Yes,Yes,No",
    ]
    report = tmp_path / "ipad.csv"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = AttendanceImportDialog(demo_db, eid, path=str(report))
    qtbot.addWidget(dialog)
    assert dialog.plan is not None
    ipad = next(o for o in dialog.plan.unmatched if o.person.name == "iPad")
    assert ipad.why == "device"
    combo = dialog.combos[ipad.index]
    assert "端末名" in combo.itemText(0) and "端末名" in combo.toolTip()


def test_attendance_dialog_lists_the_rows_set_aside(qtbot, ui_app, demo_db, tmp_path):  # type: ignore[no-untyped-def]
    from tests.services.test_meeting_report_formats import FORMATS, ROOM, WAITING

    eid = event_id(demo_db, dt.date(2021, 11, 25))
    path = FORMATS["zoom-meeting-ja"](tmp_path)
    dialog = AttendanceImportDialog(demo_db, eid, path=str(path))
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert f"除外: {ROOM}" in text and "共用アカウント" in text
    assert f"除外: {WAITING[0]}" in text and "待機室" in text
    assert dialog.allow_lower.isChecked() is False


def test_attendance_dialog_wrong_day(qtbot, ui_app, demo_db):
    eid = event_id(demo_db, dt.date(2021, 5, 24))
    dialog = AttendanceImportDialog(demo_db, eid, path=str(DATA / "teams_attendance_en.csv"))
    qtbot.addWidget(dialog)
    assert "重なりません" in dialog.status.text()
    assert not dialog.apply_button.isEnabled()


def test_coverage_view(qtbot, qtmodeltester, ui_app, demo_db):
    view = CoverageView(demo_db)
    qtbot.addWidget(view)
    view.select_year(2021)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 63
    assert view.model.columnCount() == 9 + 2
    assert "63 市町村のうち" in view.summary.text()
    assert view.none_label.text().startswith("参加のない市町村: ")
    view.registered.setChecked(True)
    assert "申込" in view.summary.text()


def test_attendance_dialog_leaves_the_old_teams_lists_organiser_to_the_user(  # type: ignore[no-untyped-def]
    qtbot, ui_app, demo_db, tmp_path
):
    from tests.services.test_meeting_report_formats import FORMATS, HOST

    eid = event_id(demo_db, dt.date(2021, 11, 25))
    path = FORMATS["teams-old-list-ja"](tmp_path)
    dialog = AttendanceImportDialog(demo_db, eid, path=str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plan is not None
    assert "開催者の印がありません" in dialog.summary.text() and HOST[0] in dialog.summary.text()
    names = [
        dialog.unmatched_model.index(r, 0).data() for r in range(dialog.unmatched_model.rowCount())
    ]
    assert names == [HOST[0]]  # a row to decide: not set aside, not given to anyone
    combo = dialog.combos[dialog.plan.unmatched[0].index]
    assert combo.currentIndex() == 0  # nobody chosen for it
