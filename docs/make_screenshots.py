"""Make the user guide's screenshots from the real application (resources/guide/images/*.png).

Runs offscreen on the demo data in a temporary database, so the pictures follow the application
as it changes. Each picture is scaled to at most 1024 px wide to keep the repository small.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [--out FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parents[1] / "resources" / "guide" / "images"
MAX_WIDTH = 1024


def add_demo_replies(db, event_id: int, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Four answers to the event's invitation, as bare .ics replies, read the way the window
    reads dropped files (the guide's 返信 picture and the registration list's 返信 column)."""
    from sqlalchemy import select

    from kenshu_desk.domain.models import Event, Participant, Registration
    from kenshu_desk.services.replies.files import import_files

    with db.session() as s:
        uid = s.get(Event, event_id).calendar_uid
        people = s.execute(
            select(Participant.name, Participant.email)
            .join(Registration, Registration.participant_id == Participant.id)
            .where(Registration.event_id == event_id, Participant.email != "")
            .order_by(Participant.id)
            .limit(4)
        ).all()
    answers = [
        ("ACCEPTED", "当日は10分ほど遅れて参加します。"),
        ("DECLINED", "議会対応のため欠席します。"),
        ("TENTATIVE", ""),
        ("ACCEPTED", ""),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, ((name, address), (partstat, comment)) in enumerate(zip(people, answers, strict=False)):
        lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kenshu-desk guide//JA", "METHOD:REPLY",
            "BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:0", f"DTSTAMP:2027011{n + 2}T0{n + 1}1500Z",
            f"ATTENDEE;PARTSTAT={partstat};CN={name}:mailto:{address}",
        ]  # fmt: skip
        if comment:
            lines.append(f"COMMENT:{comment}")
        lines += ["END:VEVENT", "END:VCALENDAR"]
        path = folder / f"reply{n}.ics"
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        paths.append(path)
    import_files(db, paths)


def write_demo_zoom_report(path: Path) -> None:
    """A Zoom 参加者レポート (Japanese UI) of the 2021/11/25 demo meeting, laid out as Zoom's
    own export is (see tests/data/README.md): a few joined with their mail address, some by
    name only, one by telephone, one too briefly to count."""
    rows = [
        ("さいたま市_髙橋美咲", "m.takahashi@example.jp", "14:24:40", "16:32:00", 128, "いいえ"),
        ("小林 大輔", "d.kobayashi@example.jp", "14:27:10", "16:30:05", 123, "いいえ"),
        ("五十嵐彩（上尾市）", "a.igarashi@example.jp", "14:29:02", "16:31:40", 123, "いいえ"),
        ("木村 誠 (木村　誠)", "", "14:31:15", "16:29:30", 118, "はい"),
        ("藤田 健", "", "14:28:13", "14:52:00", 24, "はい"),
        ("山口", "", "14:30:00", "16:30:00", 120, "はい"),
        ("新井 一郎", "", "14:33:20", "16:10:00", 97, "はい"),
        ("090XXXX1234", "", "14:40:00", "15:55:00", 75, "はい"),
    ]
    lines = ["名前 (元の名前),ユーザーメール,参加時刻,退出時刻,期間 (分),ゲスト"]
    for name, mail, start, end, minutes, guest in rows:
        lines.append(f"{name},{mail},2021/11/25 {start},2021/11/25 {end},{minutes},{guest}")
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")


def write_demo_application_csv(path: Path) -> None:
    """申込書 rows gathered from the municipalities and saved from Excel as CSV (Shift_JIS,
    a title line above the headings, as tests/data/participants_cp932.csv): people already
    in the demo's directory, new ones, a row without a name, a mistyped address, a repeat."""
    rows = [
        "令和8年度 第2回市町村情報交換会 参加申込書,,,,,,,,",
        ",,,,,,,,",
        "No.,市町村名,所属課,職名,氏名,フリガナ,メールアドレス,電話番号,備考",
        "1,さいたま市,福祉総務課,主査,髙橋　美咲,タカハシ　ミサキ,m.takahashi@example.jp,048-000-1101,",
        "2,川越市,地域包括ケア推進課,主任,新井　一郎,アライ　イチロウ,i.arai@example.jp,049-000-2202,",
        "3,熊谷市,長寿いきがい課,主事,大島　葵,オオシマ　アオイ,a.oshima@example.jp,048-000-3303,",
        "4,上尾市,高齢介護課,係長,五十嵐　彩,イガラシ　アヤ,a.igarashi@example.jp,,14:30～参加",
        "5,鴻巣市,福祉課,主事,,,k.ogawa@example.jp,,",
        "6,新座市,介護保険課,主任,堀　直樹,ホリ　ナオキ,n.hori@example,,",
        "7,川越市,地域包括ケア推進課,主任,新井　一郎,アライ　イチロウ,i.arai@example.jp,,",
    ]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp932"))


class RefusingHandler:
    """A local SMTP server's handler (aiosmtpd) that refuses one address, as a real server
    answers a mailbox that does not exist; everything else is accepted and dropped."""

    def __init__(self, refused: str) -> None:
        self.refused = refused

    async def handle_RCPT(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
        if address.lower() == self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        return "250 Message accepted for delivery"


def _write_survey_csv(path: Path) -> None:
    """A Google Forms download (UTF-8, タイムスタンプ first) of 12 answers for the guide."""
    import csv
    import io

    rows = [
        (
            "とても満足",
            "5",
            "基調講演, 事例発表（岩手県遠野市）",
            "市町村",
            "事例が具体的で参考になりました。",
        ),
        ("満足", "4", "事例発表（岩手県遠野市）, 意見交換", "社会福祉協議会", ""),
        ("満足", "4", "基調講演", "市町村", "他市町村の状況が分かってよかった。"),
        ("とても満足", "5", "基調講演, 意見交換", "地域包括支援センター", ""),
        ("普通", "3", "事例発表（東京都豊島区）", "市町村", "資料を事前に配ってほしい。"),
        ("満足", "4", "基調講演, 事例発表（東京都豊島区）", "市町村", ""),
        ("とても満足", "5", "意見交換", "社会福祉協議会", "意見交換の時間がもっと欲しい。"),
        ("満足", "3", "基調講演, 事例発表（岩手県遠野市）", "市町村", ""),
        ("やや不満", "2", "意見交換", "その他", "音声が聞き取りにくかった。"),
        ("満足", "4", "事例発表（岩手県遠野市）", "市町村", ""),
        ("とても満足", "5", "基調講演, 意見交換", "地域包括支援センター", ""),
        ("満足", "4", "基調講演", "市町村", "次回も参加したい。"),
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "タイムスタンプ",
            "本日の研修全体の満足度",
            "内容の理解度（1～5）",
            "参考になったプログラム（複数選択可）",
            "所属の種別",
            "ご意見・ご感想",
        ]
    )
    for n, row in enumerate(rows):
        writer.writerow([f"2021/11/25 16:{31 + n}:05", *row])
    path.write_bytes(out.getvalue().encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description="the user guide's screenshots")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    parser.add_argument(
        "--only", nargs="*", metavar="NAME", help="write only these pictures (names without .png)"
    )
    args = parser.parse_args()
    out, only = args.out, set(args.only or [])
    scratch = Path(tempfile.mkdtemp(prefix="kenshu-guide-"))
    os.environ["KENSHU_DESK_DATA_DIR"] = str(scratch / "data")  # no real settings touched
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from sqlalchemy import select

    from kenshu_desk.app import configure_application
    from kenshu_desk.database import open_database
    from kenshu_desk.domain.models import Event
    from kenshu_desk.services.demo import load_demo
    from kenshu_desk.ui.shell import i18n

    app = QApplication(sys.argv[:1])
    configure_application(app)
    i18n.install_translators("ja")
    db = open_database(f"sqlite:///{scratch / 'guide.sqlite3'}")
    with db.session() as s:
        load_demo(s)

    def event_on(day: dt.date) -> int:
        with db.session() as s:
            return s.scalars(select(Event.id).where(Event.date == day)).one()

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(widget: QWidget, name: str) -> None:
        if only and name not in only:
            return
        settle()
        image = widget.grab().toImage()
        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}.png"
        if not image.save(str(path)):
            raise SystemExit(f"cannot write {path}")
        print(f"{path}  {path.stat().st_size // 1024} KB")

    from kenshu_desk.ui.mail.invite_dialog import InviteDialog
    from kenshu_desk.ui.participants.checkin import CheckInWidget
    from kenshu_desk.ui.participants.registration_panel import RegistrationPanel
    from kenshu_desk.ui.recordings.recordings_dialog import RecordingsDialog
    from kenshu_desk.ui.shell.document_actions import agenda_builder, agenda_namer
    from kenshu_desk.ui.shell.main_window import MainWindow
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog
    from kenshu_desk.ui.year.year_view import YearViewWidget

    meeting = event_on(dt.date(2021, 11, 25))  # 第2回市町村情報交換会
    upcoming = event_on(dt.date(2027, 1, 28))  # the demo's future event, with registrations

    window = MainWindow(db)
    window.resize(1366, 768)
    window.show()
    while window.speakers.loading:
        settle(50)
    window.select_event(meeting)
    save(window, "main_window")

    def preview_shot(dialog: PdfPreviewDialog, name: str) -> None:
        dialog.resize(1000, 728)  # as tall as a 1366×768 laptop's usable area
        dialog.show()
        ready = QEventLoop()
        dialog.document_ready.connect(ready.quit)
        QTimer.singleShot(20000, ready.quit)
        if dialog.page_count() == 0:
            ready.exec()
        save(dialog, name)
        dialog.close()

    preview_shot(
        PdfPreviewDialog(agenda_builder(db, meeting), agenda_namer(db, meeting)), "agenda_preview"
    )
    from kenshu_desk.ui.shell.document_actions import report_builder, report_namer

    preview_shot(
        PdfPreviewDialog(report_builder(db, meeting), report_namer(db, meeting)), "report_preview"
    )

    from kenshu_desk.ui.shell.certificate_actions import certificates_preview_dialog
    from kenshu_desk.ui.shell.print_extras import badges_builder, event_namer

    preview_shot(certificates_preview_dialog(db, meeting), "certificates_preview")
    preview_shot(
        PdfPreviewDialog(badges_builder(db, meeting, "name-card"), event_namer(db, meeting, "名札")),
        "badges_preview",
    )
    from kenshu_desk.services.participants.groups_store import deal
    from kenshu_desk.ui.participants.groups_dialog import GroupsDialog

    deal(db, meeting, 5, 0, replace=True)
    groups_dialog = GroupsDialog(db, meeting)
    groups_dialog.resize(1300, 640)
    groups_dialog.show()
    save(groups_dialog, "groups_dialog")
    groups_dialog.close()
    survey_csv = scratch / "研修アンケート（回答）.csv"
    _write_survey_csv(survey_csv)
    from kenshu_desk.services.survey.survey import import_file
    from kenshu_desk.ui.participants.survey_actions import summary_preview_dialog

    import_file(db, survey_csv, meeting, dry_run=False)
    preview_shot(summary_preview_dialog(db, meeting), "survey_summary_preview")

    invite = InviteDialog(db, upcoming)
    invite.resize(900, 640)
    invite.show()
    save(invite, "invite_dialog")
    invite.close()

    add_demo_replies(db, upcoming, scratch / "replies")
    from kenshu_desk.ui.mail.replies_dialog import ReplyDialog

    replies = ReplyDialog(db, upcoming)
    replies.show()
    save(replies, "replies_dialog")
    replies.close()

    panel = RegistrationPanel(db, upcoming)
    panel.resize(1000, 560)
    panel.show()
    save(panel, "registrations")
    panel.close()

    desk = CheckInWidget(db, upcoming)
    desk.resize(900, 560)
    desk.show()
    save(desk, "checkin")
    desk.close()

    from kenshu_desk.mail.compose import MailAddress
    from kenshu_desk.services.mail.invitations import save_eml_files
    from kenshu_desk.ui.mail.mail_settings_dialog import MailSettingsDialog
    from kenshu_desk.ui.mail.outbox_view import OutboxView

    settings = MailSettingsDialog()
    settings.show()
    settings.details.toggle.click()  # the 詳細 section open, as the guide describes it
    save(settings, "mail_settings")
    settings.close()

    drafts = scratch / "drafts"  # the outbox with real rows: invitations saved as .eml drafts
    drafts.mkdir()
    with db.session() as s:
        save_eml_files(
            s, upcoming, MailAddress("埼玉県 地域包括ケア課", "chiiki@example.jp"), drafts
        )
    outbox = OutboxView(db, upcoming)
    outbox.resize(1100, 500)
    outbox.show()
    save(outbox, "outbox")
    outbox.close()

    from kenshu_desk.documents.agenda import agenda_pdf
    from kenshu_desk.services.materials.materials import add_material
    from kenshu_desk.services.reminders.schedule import set_schedule
    from kenshu_desk.ui.reminders.reminder_dialog import ReminderDialog

    with db.session() as s:  # materials and a schedule "3 days before", opened on that day
        handout = agenda_pdf(s.get(Event, meeting))  # a real PDF as a stand-in handout
        add_material(s, upcoming, "講義資料_包括的な支援体制.pdf", handout, "講義資料")
        add_material(s, upcoming, "事例発表_桶川市.pdf", handout, "事例発表（桶川市）")
        set_schedule(s, upcoming, 3, attach_agenda=True, attach_materials=True)
        due_day = s.get(Event, upcoming).date - dt.timedelta(days=3)
    reminders = ReminderDialog(db, upcoming, today=due_day)
    reminders.resize(960, 680)
    reminders.show()
    save(reminders, "reminders")
    reminders.tabs.setCurrentIndex(0)
    save(reminders, "materials")
    reminders.close()

    recordings = RecordingsDialog(db, meeting)
    recordings.resize(1000, 640)
    recordings.show()
    recordings.tabs.setCurrentIndex(1)  # 送信: who gets the link, and the message
    save(recordings, "recordings")
    recordings.close()

    from kenshu_desk.ui.participants.participant_directory import ParticipantDirectoryWidget
    from kenshu_desk.ui.shell.db_settings_dialog import DatabaseSettingsDialog

    directory = ParticipantDirectoryWidget(db)
    directory.resize(1100, 640)
    directory.show()
    settle(300)
    directory.search.setText("かわごえ")  # found by the organisation's reading (川越市)
    settle(600)
    save(directory, "participant_directory")
    directory.close()

    db_settings = DatabaseSettingsDialog(db)
    db_settings.show()
    db_settings.details.toggle.click()  # 詳細 open: the address and port
    save(db_settings, "database_settings")
    db_settings.close()

    from kenshu_desk.ui.participants.coverage_view import CoverageView
    from kenshu_desk.ui.year.municipality_records import MunicipalityRecordsWidget
    from kenshu_desk.ui.year.progress_view import ProgressView

    def coverage_of(fiscal_year: int) -> CoverageView:
        view = CoverageView(db)
        view.year.setCurrentIndex(view.year.findData(fiscal_year))  # the demo's year
        return view

    # The year windows at the size the menus give them on a 1366×768 laptop.
    for name, make in (
        ("coverage", lambda: coverage_of(2021)),
        ("municipality_records", lambda: MunicipalityRecordsWidget(db, 2021)),
        ("progress", lambda: ProgressView(db, 2021)),
    ):
        shown_window = make()
        shown_window.resize(1340, 688)
        shown_window.show()
        settle(800)
        save(shown_window, name)
        shown_window.close()

    year = YearViewWidget(db, 2021)
    year.resize(1200, 700)
    year.show()
    save(year, "year_view")
    year.close()

    # After a send run in which one server refused an address: who failed and why.
    import socket

    from aiosmtpd.controller import Controller
    from PySide6.QtWidgets import QMessageBox

    from kenshu_desk.mail.settings import MailSettings, save_settings
    from kenshu_desk.mail.transport import Security

    with socket.socket() as probe:  # a free port on this machine for the local server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Controller(RefusingHandler("r.kusakabe@example.jp"), hostname="127.0.0.1", port=port)
    server.start()
    save_settings(
        MailSettings(
            sender_name="埼玉県 地域包括ケア課",
            sender_address="chiiki@example.jp",
            host="127.0.0.1",
            port=port,
            security=Security.NONE,
        )
    )
    yes = QMessageBox.StandardButton.Yes
    QMessageBox.question = staticmethod(lambda *a, **k: yes)  # type: ignore[method-assign]
    # A database of its own: the drafts saved above count as sent in the guide's database.
    sending_db = open_database(f"sqlite:///{scratch / 'sending.sqlite3'}")
    with sending_db.session() as s:
        load_demo(s)
    sent = InviteDialog(sending_db, upcoming)
    sent.resize(900, 640)
    sent.show()
    sent.send_button.click()
    if sent.worker is not None:
        done = QEventLoop()
        sent.worker.signals.succeeded.connect(done.quit)
        sent.worker.signals.failed.connect(done.quit)
        QTimer.singleShot(60000, done.quit)
        done.exec()
    save(sent, "invite_failed")
    sent.close()
    server.stop()
    sending_db.dispose()

    from kenshu_desk.ui.participants.attendance_import_dialog import AttendanceImportDialog

    report = scratch / "参加者レポート_第2回市町村情報交換会.csv"
    write_demo_zoom_report(report)
    attendance = AttendanceImportDialog(db, meeting, path=str(report))
    attendance.resize(1100, 700)
    attendance.show()
    settle(300)
    # Shown as the organiser's Windows path would be (the file was read from the scratch folder).
    attendance.path.setText(rf"C:\Users\chiiki\Downloads\{report.name}")
    save(attendance, "attendance_import")
    attendance.close()

    from kenshu_desk.ui.participants.participant_import_dialog import ParticipantImportWizard

    import_db = open_database(f"sqlite:///{scratch / 'import.sqlite3'}")
    with import_db.session() as s:
        load_demo(s)

    applications = scratch / "参加申込_第2回市町村情報交換会.csv"
    write_demo_application_csv(applications)
    wizard = ParticipantImportWizard(import_db, path=str(applications), event_id=upcoming)
    wizard.show()
    wizard.next()  # reads the file on a worker, then shows the headings and columns
    for _ in range(400):
        if wizard.currentPage() is wizard.mapping_page:
            break
        settle(50)
    wizard.next()  # the preview: what each row will do, nothing written yet
    for _ in range(400):
        if wizard.preview is not None and not wizard.runner.busy:
            break
        settle(50)
    wizard.preview_page.errors_only.setChecked(False)  # every row, with what it will do
    save(wizard, "participant_import")
    wizard.reject()
    import_db.dispose()

    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
