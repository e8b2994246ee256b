"""Stored discussion groups: made once, moved by hand (window: drag and drop, undo), printed
and listed from what is stored; a hand-edited grouping is not replaced silently; team mode."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.database import ConcurrentEditError
from kenshu_desk.domain.models import Event, Participant, Registration
from kenshu_desk.services.participants.groups_store import make_groups, move_member, stored_groups


def run(capsys, *argv: str):  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def event_id(capsys, db, db_arg) -> int:  # type: ignore[no-untyped-def]
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    with db.session() as s:
        return s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))


def test_stored_moved_and_printed_from_the_command_line(capsys, db, db_arg, event_id, tmp_path):  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--db", db_arg, "groups", str(event_id), "--groups", "4")
    assert code == 0 and "4 グループ" in out, err
    code, out, _ = run(capsys, "--db", db_arg, "groups", str(event_id), "--json")
    first = json.loads(out)
    mover = first["groups"][0]["members"][0]
    with db.session() as s:
        version = stored_groups(s, event_id).version
        before, _v = move_member(s, event_id, mover["participant_id"], 3, version)
    assert before == 1
    code, out, _ = run(capsys, "--db", db_arg, "groups", str(event_id), "--json")
    moved = json.loads(out)
    assert mover in moved["groups"][2]["members"] and mover not in moved["groups"][0]["members"]
    assert set(moved) == {"groups"} and set(moved["groups"][0]) == {"number", "members"}
    # A hand-edited grouping is not replaced without --replace.
    code, _out, err = run(capsys, "--db", db_arg, "groups", str(event_id), "--groups", "4")
    assert code == 1 and "--replace" in err
    pdf = tmp_path / "groups.pdf"
    code, _out, err = run(capsys, "--db", db_arg, "groups", str(event_id), "-o", str(pdf))
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert mover["name"].replace("　", "") in text.replace("　", "").replace(" ", "")
    code, _out, err = run(capsys, "--db", db_arg, "groups", str(event_id), "--groups", "5",
                          "--replace", "--json")  # fmt: skip
    assert code == 0 and len(json.loads(_out)["groups"]) == 5


def test_no_grouping_yet_and_people_registered_later(capsys, db, db_arg, event_id):  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "--db", db_arg, "groups", str(event_id), "--json")
    assert code == 1 and "--groups" in err
    with db.session() as s:
        make_groups(s, event_id, 3)
        late = Participant(name="遅刻 申込")
        s.add(late)
        s.flush()
        s.add(Registration(event_id=event_id, participant_id=late.id))
    with db.session() as s:
        found = stored_groups(s, event_id)
    assert [m.name for m in found.ungrouped] == ["遅刻 申込"]


def test_a_move_on_a_stale_version_is_refused(db, event_id):  # type: ignore[no-untyped-def]
    with db.session() as s:
        groups = make_groups(s, event_id, 3)
    pid = groups.groups[0].members[0].participant_id
    other = groups.groups[1].members[0].participant_id
    with db.session() as s:
        move_member(s, event_id, pid, 2, groups.version)  # another organiser moved first
    with pytest.raises(ConcurrentEditError), db.session() as s:
        move_member(s, event_id, other, 3, groups.version)


def test_the_dialog_moves_by_drop_and_by_keyboard_with_undo(qtbot, ui_app, db, event_id):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from kenshu_desk.services.shared.versions import WrittenVersions
    from kenshu_desk.ui.participants.groups_dialog import GroupsDialog

    WrittenVersions.of(db)  # as when the main window is open: every versioned write is noted
    dialog = GroupsDialog(db, event_id)
    qtbot.addWidget(dialog)
    assert not dialog.lists and "まだグループ分けがありません" in dialog.status.text()
    dialog.count.setValue(4)
    dialog.deal()
    assert len(dialog.lists) == 4
    source, target = dialog.lists[0], dialog.lists[2]
    item = source.item(0)
    pid = int(item.data(Qt.ItemDataRole.UserRole))
    # A drop as Qt performs it: the target list takes the item's data.
    data = source.mimeData([item])
    assert target.dropMimeData(target.count(), data, Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: dialog.undo_stack.count() == 1, timeout=5000)

    def group_of(person: int) -> int:
        with db.session() as s:
            found = stored_groups(s, event_id)
        return next(
            g.number for g in found.groups if any(m.participant_id == person for m in g.members)
        )

    assert group_of(pid) == 3
    dialog.undo_stack.undo()
    assert group_of(pid) == 1
    # By keyboard: select, choose the group, 移動.
    qtbot.waitUntil(lambda: len(dialog.lists) == 4 and dialog.lists[0].count() > 0, timeout=5000)
    lst = dialog.lists[0]
    lst.setCurrentRow(0)
    lst.item(0).setSelected(True)
    chosen = int(lst.item(0).data(Qt.ItemDataRole.UserRole))
    dialog.target.setCurrentIndex(1)
    dialog.move_selected()
    assert group_of(chosen) == 2
    qtbot.wait(50)
    dialog.grab().save(str(__import__("pathlib").Path("/tmp/groups_dialog.png")))


def test_the_events_speakers_who_registered_are_spread(db, event_id):  # type: ignore[no-untyped-def]
    """Three presenters of the event who are also registered: one a group, not together."""
    from kenshu_desk.domain.models import ItemPresenter, ProgrammeItem, Speaker
    from kenshu_desk.services.participants.groups import event_groups

    with db.session() as s:
        item = s.scalars(select(ProgrammeItem).where(ProgrammeItem.event_id == event_id)).first()
        names = []
        for n, org in enumerate(("文京学院大学", "豊島区", "遠野市")):
            name = f"講師 太郎{n}"
            speaker = Speaker(name=name, affiliation=org)
            s.add(speaker)
            s.flush()
            s.add(ItemPresenter(item_id=item.id, speaker_id=speaker.id, position=10 + n))
            person = Participant(name=name)
            s.add(person)
            s.flush()
            s.add(Registration(event_id=event_id, participant_id=person.id))
            names.append(name)
    for seed in range(5):
        with db.session() as s:
            groups = event_groups(s, event_id, 3, seed)
        holding = [sum(m.name in names for m in g.members) for g in groups]
        assert holding == [1, 1, 1], (seed, holding)
