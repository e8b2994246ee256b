"""The agenda (次第): an A4 hand-out laid out like the seed's 時間割 tables.

Title (fiscal year + event title), 日時 / 会場 / 対象, then the timetable — a time column
`14:35～15:20` with `(45分)` beneath and a content column with the title, description and
presenters — the ※ notes, and the organiser's contact block at the foot of the last page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table

from kenshu_desk.documents.fonts import GOTHIC, MINCHO, register_fonts
from kenshu_desk.documents.layout import (
    AtBottom,
    Progress,
    build_pdf,
    canvas_with_page_totals,
    markup,
    page_number_footer,
    table_style,
    text_flowables,
    unbreakable_style,
)
from kenshu_desk.domain.japanese import (
    circled_number,
    fiscal_year,
    fiscal_year_label,
    minutes_label,
    time_range,
    wareki,
)
from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem
from kenshu_desk.domain.programme import SlotInput, compute_schedule

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 18 * mm
TIME_COLUMN = 32 * mm
CELL_PAD = 5.0  # points, left/right inside a cell
HEADER_FILL = colors.Color(0.87, 0.87, 0.87)
RULE = colors.Color(0.25, 0.25, 0.25)
ONLINE_SERVICES = (
    ("zoom", "Zoom"),
    ("teams", "Teams"),
    ("webex", "Webex"),
    ("meet.google", "Meet"),
)


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    head: ParagraphStyle
    time: ParagraphStyle
    item_title: ParagraphStyle
    body: ParagraphStyle
    break_: ParagraphStyle
    note: ParagraphStyle
    contact_head: ParagraphStyle
    contact: ParagraphStyle


def _styles() -> _Styles:
    # rightIndent: a character that may not start a line (ー, 。, ）…) hangs past the line
    # end in CJK wrapping; keep room for it inside the cell.
    base = ParagraphStyle(
        "agenda", fontName=MINCHO, fontSize=11, leading=16, wordWrap="CJK", rightIndent=6
    )
    gothic = ParagraphStyle("agenda-gothic", parent=base, fontName=GOTHIC)
    return _Styles(
        title=ParagraphStyle(
            "title", parent=gothic, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=2
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=gothic, fontSize=13, leading=18, alignment=TA_CENTER
        ),
        label=ParagraphStyle("label", parent=gothic),
        value=ParagraphStyle("value", parent=base),
        head=ParagraphStyle("head", parent=gothic, alignment=TA_CENTER),
        time=ParagraphStyle("time", parent=gothic, fontSize=10.5, leading=15, alignment=TA_CENTER),
        item_title=ParagraphStyle("item-title", parent=gothic),
        body=ParagraphStyle("body", parent=base, fontSize=10.5, leading=15, leftIndent=11),
        break_=ParagraphStyle("break", parent=base, alignment=TA_CENTER),
        note=ParagraphStyle(
            "note", parent=base, fontSize=10.5, leading=15, leftIndent=10.5, firstLineIndent=-10.5
        ),
        contact_head=ParagraphStyle("contact-head", parent=gothic, fontSize=9.5, leading=13),
        contact=ParagraphStyle("contact", parent=base, fontSize=9.5, leading=13.5),
    )


# --------------------------------------------------------------------------------------
# Text of the agenda (pure; tested without a PDF)
# --------------------------------------------------------------------------------------


def agenda_title(event: Event) -> str:
    """ "令和3年度 第2回市町村情報交換会" (【中止】 in front when the event is cancelled)."""
    title = f"{fiscal_year_label(fiscal_year(event.date))} {event.title}"
    return f"【中止】{title}" if event.cancelled else title


def online_label(url: str) -> str:
    """ "オンライン（Zoom）" when the service can be told from the link, else "オンライン"."""
    lowered = url.lower()
    for needle, name in ONLINE_SERVICES:
        if needle in lowered:
            return f"オンライン（{name}）"
    return "オンライン"


def venue_text(venue: str, online_url: str) -> str:
    """ "会場" line: the venue, "オンライン（Zoom）開催", or both ("…／オンライン（Zoom）併用")."""
    if venue and online_url:
        return f"{venue}／{online_label(online_url)}併用"
    if online_url:
        return f"{online_label(online_url)}開催"
    return venue


def quoted_topic(topic: str) -> str:
    topic = topic.strip()
    if not topic or topic[0] in "「『（(【":
        return topic
    return f"「{topic}」"


def _honorific(presenter: ItemPresenter) -> str:
    return presenter.speaker.honorific or "氏"


def presenter_lines(
    presenters: Sequence[ItemPresenter], fits: Callable[[str], bool] = lambda _text: False
) -> list[tuple[str, bool]]:
    """The presenters as (text, starts_entry) lines, ①②… when there are several.

    Organisations without a talk title share one line, as the seed writes
    "①桶川市、②川越市、…". A person gets "affiliation title" on one line and "name 氏" on
    the next; a talk title 「…」 comes above a person and after an organisation — on the
    same line ("②狭山市　「…」") when fits says that line fits, else on the next.
    """
    several = len(presenters) > 1

    def number(n: int) -> str:
        return circled_number(n) if several else ""

    if presenters and all(not p.speaker.is_person and not p.topic for p in presenters):
        joined = "、".join(f"{number(n)}{p.speaker.name}" for n, p in enumerate(presenters, 1))
        return [(joined, True)]
    lines: list[tuple[str, bool]] = []
    for n, p in enumerate(presenters, 1):
        speaker = p.speaker
        entry: list[str] = []
        if speaker.is_person:
            if p.topic:
                entry.append(quoted_topic(p.topic))
            post = " ".join(x for x in (speaker.affiliation, speaker.title) if x)
            if post:
                entry.append(post)
            entry.append(f"{speaker.name} {_honorific(p)}")
        else:
            entry.append(speaker.name)
            if p.topic:
                one_line = f"{number(n)}{speaker.name}　{quoted_topic(p.topic)}"
                if fits(one_line):
                    entry[0] = one_line[len(number(n)) :]
                else:
                    entry.append(quoted_topic(p.topic))
        entry[0] = number(n) + entry[0]
        lines.extend((text, i == 0) for i, text in enumerate(entry))
    return lines


# --------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------


def _info_table(event: Event, st: _Styles, width: float) -> Table:
    start_end = f"{event.start_time:%H:%M}～{event.end_time:%H:%M}"
    rows = [("日　時", f"{wareki(event.date)}　{start_end}")]
    place = venue_text(event.venue, event.online_url)
    if place:
        rows.append(("会　場", place))
    if event.target_audience:
        rows.append(("対　象", event.target_audience))
    label_width = 18 * mm
    value_width = width - label_width
    data = [
        [Paragraph(markup(label), st.label), text_flowables(value, st.value, value_width)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, value_width], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


def _fits(text: str, style: ParagraphStyle, width: float) -> bool:
    room = width - style.leftIndent - style.rightIndent
    return stringWidth(text, style.fontName, style.fontSize) <= room


def _content_cell(item: ProgrammeItem, st: _Styles, width: float) -> list[Flowable]:
    if item.is_break:
        label = item.title if item.title and item.title != "休憩" else "休憩"
        return [Paragraph(markup(f"（{label}）"), st.break_)]
    cell: list[Flowable] = text_flowables(item.title or item.item_type, st.item_title, width)
    for line in item.description.splitlines():
        if line.strip():
            cell += text_flowables(line.strip(), st.body, width)
    lines = presenter_lines(item.presenters, lambda text: _fits(text, st.body, width))
    numbered = len(item.presenters) > 1
    # Continuation lines of a numbered entry hang under the text after ①.
    hang = stringWidth("①", st.body.fontName, st.body.fontSize) if numbered else 0.0
    first = st.body
    rest = ParagraphStyle("presenter-cont", parent=st.body, leftIndent=st.body.leftIndent + hang)
    for text, starts in lines:
        cell += text_flowables(text, first if starts else rest, width, continuation_indent=hang)
    return cell


def _chunks(cell: list[Flowable], width: float, limit: float) -> list[list[Flowable]]:
    """Cut a content cell taller than limit into row-sized pieces (paragraphs split too).

    reportlab moves whole rows to the next page; its own in-row splitting draws the
    repeated header in the wrong place, so a very long item (dozens of presenters) becomes
    several rows that read as one.
    """
    pieces: list[list[Flowable]] = [[]]
    used = 0.0
    queue = list(cell)
    while queue:
        flowable = queue.pop(0)
        _w, h = flowable.wrap(width, limit)
        if used + h <= limit:
            pieces[-1].append(flowable)
            used += h
            continue
        parts = flowable.split(width, limit - used) if used < limit else []
        if len(parts) >= 2:
            queue[:0] = parts
            continue
        if pieces[-1]:
            pieces.append([])
            used = 0.0
            queue.insert(0, flowable)
            continue
        parts = flowable.split(width, limit)
        if len(parts) >= 2:
            queue[:0] = parts
        else:  # cannot be cut: let it stand alone
            pieces[-1].append(flowable)
            used += h
    return [p for p in pieces if p]


def _programme_table(event: Event, st: _Styles, width: float, frame_height: float) -> Table:
    schedule = compute_schedule(
        event.start_time,
        event.end_time,
        [SlotInput(item.minutes, item.fixed_start) for item in event.items],
    )
    content_width = width - TIME_COLUMN
    inner = content_width - 2 * CELL_PAD
    data: list[list[object]] = [
        [Paragraph("時間割", st.head), Paragraph("内　容", st.head)],
    ]
    # Rules under each item only; the pieces of a cut item are not separated.
    rules: list[tuple] = []
    limit = frame_height / 5
    for item, slot in zip(event.items, schedule.slots, strict=True):
        when = Paragraph(
            f"{time_range(slot.start_time, slot.end_time)}<br/>{minutes_label(slot.minutes)}",
            st.time,
        )
        pieces = _chunks(_content_cell(item, st, inner), inner, limit)
        first = len(data)
        for n, piece in enumerate(pieces):
            data.append([when if n == 0 else "", piece])
        last = len(data) - 1
        rules.append(("LINEBELOW", (0, last), (-1, last), 0.5, RULE))
        if last > first:
            rules += [
                ("TOPPADDING", (0, first + 1), (-1, last), 0),
                ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
            ]
    if len(data) == 1:
        data.append(["", Paragraph("（時間割は未定です）", st.break_)])
    table = Table(data, colWidths=[TIME_COLUMN, content_width], repeatRows=1, hAlign="CENTER")
    table.setStyle(
        table_style(
            ("LINEAFTER", (0, 0), (0, -1), 0.5, RULE),
            ("BOX", (0, 0), (-1, -1), 1.0, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 1.0, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, 0), 4),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("TOPPADDING", (0, 1), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 8),
            *rules,
        )
    )
    return table


def _notes(event: Event, st: _Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for line in event.agenda_note_lines():
        text = line.strip()
        if not text.startswith("※"):
            text = f"※{text}"
        out += text_flowables(text, st.note, width)
    return out


def _contact_block(event: Event, st: _Styles, width: float) -> list[Flowable]:
    lines = [line.strip() for line in event.organiser_contact.splitlines() if line.strip()]
    if not lines:
        return []
    box_width = min(92 * mm, width)
    inner = box_width - 12
    cell: list[Flowable] = [Paragraph("【問い合わせ先】", st.contact_head)]
    link = unbreakable_style(st.contact)
    for line in lines:
        cell += text_flowables(line, st.contact, inner, token_style=link)
    box = Table([[cell]], colWidths=[box_width], hAlign="RIGHT")
    box.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        )
    )
    return [AtBottom([Spacer(1, 6 * mm), box])]


def agenda_pdf(event: Event, *, progress: Progress | None = None) -> bytes:
    """The agenda of event (its items, presenters and speakers loaded) as PDF bytes."""
    register_fonts()
    st = _styles()
    buffer = io.BytesIO()
    title = agenda_title(event)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{title} 次第",
        author=event.organiser_name,
        subject=wareki(event.date),
        creator="kenshu-desk",
    )
    width = doc.width
    story: list[Flowable] = [
        Paragraph(markup(title), st.title),
        Paragraph("次　第", st.subtitle),
        Spacer(1, 7 * mm),
        _info_table(event, st, width),
        Spacer(1, 6 * mm),
        _programme_table(event, st, width, doc.height),
    ]
    notes = _notes(event, st, width)
    if notes:
        story += [Spacer(1, 4 * mm), *notes]
    story += _contact_block(event, st, width)
    build_pdf(
        doc,
        story,
        canvas_with_page_totals(page_number_footer(f"{title}　次第", PAGE_SIZE, MARGIN_X)),
        progress=progress,
    )
    return buffer.getvalue()


__all__ = ["agenda_pdf", "agenda_title", "presenter_lines", "venue_text"]
