"""アンケート in the window: the 参加者 menu's import (shown first, then stored on a worker) and
the summary's PDF preview."""

from __future__ import annotations

import io
from collections import Counter

from pypdf import PdfReader
from surveykit import Q_ORG, answers, google_csv

from kenshu_desk.services.survey.survey import survey_summary
from kenshu_desk.ui.participants.survey_actions import import_survey_file, open_summary_preview
from kenshu_desk.ui.shell.main_window import MainWindow


def test_import_from_the_window_and_preview_the_summary(qtbot, ui_app, db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.select_event(event_id)
    menu = window.participants_menu
    texts = [a.text() for a in menu.actions()]
    assert "アンケートの取り込み(&Q)…" in texts and "アンケート集計をプレビュー(&S)…" in texts
    rows = answers(12)
    runner = import_survey_file(window, db, event_id, str(google_csv(tmp_path / "a.csv", rows)),
                                confirm=False)  # fmt: skip
    assert runner is not None
    qtbot.waitUntil(lambda: not runner.busy, timeout=15000)
    assert "新しい 12 件を取り込みました" in window.statusBar().currentMessage()
    with db.session() as s:
        questions = survey_summary(s, event_id)
    assert questions is not None
    dialog = open_summary_preview(window, db, event_id)
    qtbot.waitSignal(dialog.document_ready, timeout=15000).wait()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf_bytes())).pages)
    text = text.replace(" ", "")
    for label, count in Counter(a.org for a in rows).items():
        assert f"{count}名（{100 * count / 12:.1f}%）" in text, (Q_ORG, label)
    dialog.close()
