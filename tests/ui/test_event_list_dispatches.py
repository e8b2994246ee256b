"""The event list can hide the adviser visits (派遣), and remembers the choice (issue 18)."""

from __future__ import annotations

from sqlalchemy import select

from kenshu_desk.domain.models import Event
from kenshu_desk.ui.timetable.event_list import EVENT_ID_ROLE


def _listed(window) -> set[int]:  # type: ignore[no-untyped-def]
    proxy = window.events_proxy
    return {int(proxy.index(r, 0).data(EVENT_ID_ROLE)) for r in range(proxy.rowCount())}


def test_hide_and_show_dispatches_remembered(qtbot, open_window, demo_db):
    with demo_db.session() as s:
        visits = set(s.scalars(select(Event.id).where(Event.host_organisation_id.is_not(None))))
        others = set(s.scalars(select(Event.id).where(Event.host_organisation_id.is_(None))))
    assert len(visits) >= 10 and others
    window = open_window(demo_db)
    box = window.event_list_panel.show_dispatches
    assert box.isChecked() and _listed(window) == visits | others
    box.click()
    assert _listed(window) == others
    window.close()

    again = open_window(demo_db)  # the choice is remembered
    box = again.event_list_panel.show_dispatches
    assert not box.isChecked() and _listed(again) == others
    # Choosing a visit elsewhere (the year view) shows the visits again rather than lose it.
    visit = min(visits)
    again.select_event(visit)
    assert box.isChecked() and visit in _listed(again)
    assert again.current_event_id() == visit
