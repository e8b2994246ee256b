"""The 実施報告書 as an A4 portrait PDF, laid out the way an office files one.

表題, then the numbered headings 日時 / 場所 / 対象 / 参加者 / 内容 / 結果 / 所感: the programme
as a table, the participants by kind of organisation and their attendance, the municipalities
that took part (and those that did not), where the recording went, the survey's counts as text
(per choice: count and share), and an empty 所感 box for the author. Every figure comes from
services/reports/event_report.py; nothing is counted here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from kenshu_desk.documents.fonts import GOTHIC, MINCHO, register_fonts
from kenshu_desk.documents.layout import (
    Progress,
    build_pdf,
    canvas_with_page_totals,
    markup,
    page_number_footer,
    table_style,
    text_flowables,
)
from kenshu_desk.domain.event_report import (
    CATEGORY_ORDER,
    EventReport,
    SurveyQuestion,
    Tally,
)
from kenshu_desk.domain.survey import mean_text

MARGIN_X = 20 * mm
MARGIN_Y = 18 * mm
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
GRID = colors.Color(0.35, 0.35, 0.35)
IMPRESSIONS_HEIGHT = 45 * mm
# The date the author fills in: no-break spaces, which a paragraph does not collapse.
DATE_BLANK = "令和" + "\u00a0" * 6 + "年" + "\u00a0" * 5 + "月" + "\u00a0" * 5 + "日"


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    date: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    number: ParagraphStyle
    small: ParagraphStyle


def _styles() -> _Styles:
    base = ParagraphStyle(
        "report", fontName=MINCHO, fontSize=10.5, leading=15, wordWrap="CJK", rightIndent=4
    )
    gothic = ParagraphStyle("report-gothic", parent=base, fontName=GOTHIC)
    return _Styles(
        title=ParagraphStyle(
            "title", parent=gothic, fontSize=15, leading=21, alignment=TA_CENTER, spaceAfter=2
        ),
        date=ParagraphStyle("date", parent=base, alignment=TA_RIGHT),
        heading=ParagraphStyle(
            "heading", parent=gothic, fontSize=11.5, leading=17, spaceBefore=7, spaceAfter=2
        ),
        body=ParagraphStyle("body", parent=base, leftIndent=4 * mm),
        cell=ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
        cell_head=ParagraphStyle(
            "cell-head", parent=gothic, fontSize=9.5, leading=13, alignment=TA_CENTER
        ),
        number=ParagraphStyle("number", parent=base, fontSize=9.5, leading=13, alignment=TA_RIGHT),
        small=ParagraphStyle("small", parent=base, fontSize=9, leading=12.5, leftIndent=4 * mm),
    )


def report_title(report: EventReport) -> str:
    title = f"{report.fiscal_year} {report.title} 実施報告"
    return f"【中止】{title}" if report.cancelled else title


def place_text(report: EventReport) -> str:
    if report.venue and report.online:
        return f"{report.venue}（オンライン併用）"
    if report.online:
        return "オンライン開催"
    return report.venue or "（記録なし）"


def participants_line(report: EventReport) -> str:
    t = report.total
    parts = [f"申込 {t.registered} 名"]
    if t.registered:
        parts.append(f"出席 {t.attended} 名（会場 {t.venue} 名、オンライン {t.online} 名）")
        parts.append(f"欠席 {t.absent} 名")
        if t.unrecorded:
            parts.append(f"出欠未記録 {t.unrecorded} 名")
    if report.cancellations:
        parts.append(f"申込取消 {report.cancellations} 名")
    rate = report.attendance_rate
    line = "、".join(parts)
    if rate is not None and report.attendance_recorded:
        line += f"　出席率 {rate:.1f}%"
    return line


def municipalities_line(report: EventReport) -> str:
    taking = report.municipalities_taking_part
    return f"{len(taking)} 市町村（県内 {len(report.municipalities)} 市町村中）"


def survey_lines(question: SurveyQuestion) -> list[str]:
    """A question's counts as text: one line per choice, "label　n 名（p%）"."""
    lines = [f"{c.label}　{c.count} 名（{c.percent:.1f}%）" for c in question.choices]
    if question.mean is not None:
        lines.append(mean_text(question))
    return lines


def _grid(data: list[list[object]], widths: list[float], header_rows: int = 1) -> Table:
    table = Table(data, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return table


def _tally_cells(t: Tally, st: _Styles) -> list[object]:
    return [
        Paragraph(str(n), st.number)
        for n in (t.registered, t.venue, t.online, t.absent, t.unrecorded)
    ]


def _category_table(report: EventReport, st: _Styles, width: float) -> Table:
    heads = ["区分", "申込", "会場", "オンライン", "欠席", "未記録"]
    data: list[list[object]] = [[Paragraph(h, st.cell_head) for h in heads]]
    for name in CATEGORY_ORDER:
        data.append([Paragraph(name, st.cell), *_tally_cells(report.by_category[name], st)])
    data.append([Paragraph("計", st.cell_head), *_tally_cells(report.total, st)])
    first = 30 * mm
    rest = (width - first) / 5
    return _grid(data, [first, *([rest] * 5)])


def _programme_table(report: EventReport, st: _Styles, width: float) -> Table:
    data: list[list[object]] = [
        [Paragraph("時間", st.cell_head), Paragraph("内容", st.cell_head),
         Paragraph("講師・発表者", st.cell_head)],
    ]  # fmt: skip
    time_w, content_w = 30 * mm, (width - 30 * mm) * 0.5
    who_w = width - time_w - content_w
    for line in report.programme:
        data.append(
            [
                Paragraph(f"{line.time}<br/>{line.minutes}", st.cell),
                Paragraph(markup(line.title), st.cell),
                [Paragraph(markup(p), st.cell) for p in line.presenters] or "",
            ]
        )
    return _grid(data, [time_w, content_w, who_w])


def _municipality_flowables(report: EventReport, st: _Styles) -> list[Flowable]:
    taking = report.municipalities_taking_part
    rest = [m for m in report.municipalities if m not in taking]
    out: list[Flowable] = [Paragraph("参加市町村: " + municipalities_line(report), st.body)]
    if taking:
        names = "、".join(f"{m.name}（{_people(m.tally, report)}）" for m in taking)
        out.append(Paragraph(markup(names), st.small))
    if rest:
        out.append(Paragraph("参加のなかった市町村: " + markup("、".join(m.name for m in rest)),
                             st.small))  # fmt: skip
    return out


def _people(t: Tally, report: EventReport) -> str:
    return f"{t.attended if report.attendance_recorded else t.registered}名"


def _recording_flowables(report: EventReport, st: _Styles) -> list[Flowable]:
    if not report.recordings:
        return [Paragraph("動画の送付: なし", st.body)]
    out: list[Flowable] = []
    for r in report.recordings:
        line = f"動画の送付: 送付済み {r.received} 名"
        if r.failed:
            line += f"、送信失敗 {r.failed} 件"
        if r.waiting:
            line += f"、送信待ち・結果不明 {r.waiting} 件"
        line += f"。欠席等で未送付の申込者 {r.not_reached} 名"
        if not (r.received or r.failed or r.waiting):
            line = "動画の送付: リンクは登録済み、まだ送付していません"
        out.append(Paragraph(markup(line), st.body))
    return out


def _survey_flowables(report: EventReport, st: _Styles) -> list[Flowable]:
    if report.survey is None:
        return [Paragraph("アンケート: 取り込まれていません", st.body)]
    out: list[Flowable] = [Paragraph("アンケート結果", st.body)]
    for n, q in enumerate(report.survey, 1):
        block: list[Flowable] = [
            Paragraph(markup(f"問{n}　{q.title}（回答 {q.respondents} 名）"), st.body)
        ]
        if q.kind == "text":
            for comment in q.comments:
                block.append(Paragraph(markup(f"・{comment}"), st.small))
        else:
            block += [Paragraph(markup(line), st.small) for line in survey_lines(q)]
        out.append(KeepTogether(block))
    return out


def _impressions_box(width: float) -> Table:
    box = Table([[""]], colWidths=[width], rowHeights=[IMPRESSIONS_HEIGHT], hAlign="LEFT")
    box.setStyle(table_style(("BOX", (0, 0), (-1, -1), 0.6, GRID)))
    return box


def event_report_pdf(report: EventReport, *, progress: Progress | None = None) -> bytes:
    register_fonts()
    st = _styles()
    buffer = io.BytesIO()
    title = report_title(report)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_Y,
        bottomMargin=MARGIN_Y,
        title=title,
        author=report.organiser,
        subject=report.date,
        creator="kenshu-desk",
    )
    width = doc.width
    inner = width - 4 * mm

    def heading(number: int, text: str) -> Paragraph:
        return Paragraph(f"{number}　{text}", st.heading)

    story: list[Flowable] = [
        Paragraph(DATE_BLANK, st.date),
        Spacer(1, 3 * mm),
        Paragraph(markup(title), st.title),
        Spacer(1, 4 * mm),
        heading(1, "日時"),
        Paragraph(markup(f"{report.date}　{report.time}"), st.body),
        heading(2, "場所"),
        *text_flowables(place_text(report), st.body, width),
        heading(3, "対象"),
        Paragraph(markup(report.audience or "（記録なし）"), st.body),
        heading(4, "参加者"),
        Paragraph(markup(participants_line(report)), st.body),
        heading(5, "内容"),
        _indented(_programme_table(report, st, inner)),
        heading(6, "結果"),
        KeepTogether(
            [Paragraph("(1) 参加者の内訳", st.body), _indented(_category_table(report, st, inner))]
        ),
        Spacer(1, 2 * mm),
        KeepTogether([Paragraph("(2) 市町村の参加状況", st.body),
                      *_municipality_flowables(report, st)]),
        KeepTogether([Paragraph("(3) 動画の配信", st.body), *_recording_flowables(report, st)]),
        *_with_first(Paragraph("(4) アンケート", st.body), _survey_flowables(report, st)),
    ]  # fmt: skip
    story += [Paragraph(markup(f"※ {note}"), st.small) for note in report.notes]
    story += [KeepTogether([heading(7, "所感"), _indented(_impressions_box(inner))])]
    build_pdf(
        doc,
        story,
        canvas_with_page_totals(page_number_footer(title, A4, MARGIN_X)),
        progress=progress,
    )
    return buffer.getvalue()


def _with_first(head: Flowable, rest: list[Flowable]) -> list[Flowable]:
    """A sub-heading kept on the page of what follows it."""
    return [KeepTogether([head, rest[0]]), *rest[1:]] if rest else [head]


def _indented(table: Table) -> Table:
    outer = Table([[table]], colWidths=[None], hAlign="LEFT")
    outer.setStyle(
        table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return outer


__all__ = ["event_report_pdf", "participants_line", "report_title", "survey_lines"]
