"""A meeting URL with a line break already in the database (stored by an older version or by
another tool): calendar files and invitations are refused with one line, nothing is written,
queued or sent — never a traceback, never a broken or injected calendar line."""

from __future__ import annotations

from mailkit import make_event
from sqlalchemy import func, select, text

from kenshu_desk.cli import main
from kenshu_desk.domain.models import OutboxMessage


def test_ics_and_invites_refuse_a_stored_url_with_a_line_break(db, db_arg, tmp_path, capsys):
    event_id = make_event(db)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE event SET online_url = :u WHERE id = :id"),
            {"u": "https://zoom.us/j/1\r\nATTENDEE:mailto:evil@example.com", "id": event_id},
        )
    out = tmp_path / "event.ics"
    assert main(["--db", db_arg, "ics", str(event_id), "-o", str(out)]) == 1
    assert main(["--db", db_arg, "invites", "send", str(event_id), "--eml-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 2 and all("会議 URL が正しくありません" in line for line in lines)
    assert "Traceback" not in err
    assert list(tmp_path.glob("*.ics")) == [] and list(tmp_path.glob("*.eml")) == []
    with db.session() as s:
        assert s.scalar(select(func.count(OutboxMessage.id))) == 0
