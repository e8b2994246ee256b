"""Reading PDFs back the way a reader (or a print shop) would: text per page, fonts."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, Speaker


class PdfReading:
    def __init__(self, data: bytes) -> None:
        assert data.startswith(b"%PDF-"), "not a PDF"
        self.reader = PdfReader(io.BytesIO(data))

    @property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_sizes(self) -> list[tuple[float, float]]:
        return [(float(p.mediabox.width), float(p.mediabox.height)) for p in self.reader.pages]

    def font_problems(self) -> list[str]:
        """Every font used that is not embedded (no FontFile2/FontFile/FontFile3)."""
        problems: list[str] = []
        seen = 0
        for number, page in enumerate(self.reader.pages, 1):
            fonts = page["/Resources"].get_object().get("/Font", {})
            for key, ref in fonts.items():
                font = ref.get_object()
                seen += 1
                if font.get("/Subtype") == "/Type0":
                    font = font["/DescendantFonts"][0].get_object()
                descriptor = font.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    k in descriptor.get_object() for k in ("/FontFile2", "/FontFile", "/FontFile3")
                )
                if not embedded:
                    problems.append(f"page {number} {key} {font.get('/BaseFont')}")
        if seen == 0:
            problems.append("no fonts at all")
        return problems

    def truetype_embedded(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            for ref in page["/Resources"].get_object().get("/Font", {}).values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    names.add(str(font["/BaseFont"]).split("+")[-1])
        return names


@pytest.fixture
def read_pdf() -> Callable[[bytes], PdfReading]:
    return PdfReading


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """An event with a programme: items are (item_type, title, minutes, [speakers], description)."""

    def make(
        session: Session,
        *,
        title: str = "テスト研修",
        items: Sequence[tuple[Any, ...]] = (),
        notes: Sequence[str] = (),
        contact: str = "",
        venue: str = "",
        online_url: str = "https://example.jp/zoom/test",
        start: dt.time = dt.time(13, 30),
        end: dt.time = dt.time(16, 0),
        date: dt.date = dt.date(2021, 11, 25),
    ) -> Event:
        event = Event(
            kind="研修",
            title=title,
            date=date,
            start_time=start,
            end_time=end,
            venue=venue,
            online_url=online_url,
            target_audience="市町村職員",
            organiser_name="埼玉県",
            organiser_contact=contact,
            agenda_notes="\n".join(notes),
        )
        for position, row in enumerate(items):
            item_type, item_title, minutes, *rest = row
            speakers: Sequence[Speaker] = rest[0] if rest else ()
            description = rest[1] if len(rest) > 1 else ""
            item = ProgrammeItem(
                position=position,
                item_type=item_type,
                title=item_title,
                minutes=minutes,
                description=description,
            )
            for p, speaker in enumerate(speakers):
                item.presenters.append(ItemPresenter(position=p, speaker=speaker))
            event.items.append(item)
        session.add(event)
        session.flush()
        return event

    return make
