"""The progress table (県内の進捗状況) as XLSX, as PDF, and as a chart.

The chart is a reportlab Drawing: embedded in the PDF, and on its own page as a small PDF
that the UI rasterises to PNG (renderPM needs a C extension this project does not ship).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kenshu_desk.documents.fonts import GOTHIC, EmbeddedFontCanvas, build_lock, register_fonts
from kenshu_desk.domain.japanese import fiscal_year_label, wareki
from kenshu_desk.domain.progress import Measure, MunicipalityOverview, ProgressTable

TITLE = "重層的支援体制整備事業・総合相談支援体制構築 実施・構築状況"
UNIT = "（市町村数・累計）"
SERIES_COLOURS = {
    "window_and_team": "#2F5C9E",
    "window_only": "#7FA6DA",
    "team_only": "#F0A03C",
    "multilayer": "#3F8F3F",
    "transition": "#A9D18E",
}
SHORT_LABELS = {
    "window_and_team": "①窓口と②チームの両方",
    "window_only": "①窓口のみ",
    "team_only": "②チームのみ",
    "multilayer": "重層的支援体制整備事業",
    "transition": "移行準備事業",
}


def _cell_text(value: int | None) -> str:
    return "" if value is None else str(value)


def _column_short(table: ProgressTable) -> list[str]:
    fy = table.fiscal_year
    return [
        f"{fiscal_year_label(fy)}\n実施・構築済み",
        f"{fiscal_year_label(fy)}中\n予定",
        f"{fiscal_year_label(fy + 1)}\n予定",
        f"{fiscal_year_label(fy + 2)}以降\n予定",
    ]


# --------------------------------------------------------------------------------- chart


def progress_chart(table: ProgressTable, font: str | None = None) -> Drawing:
    """Stacked bars of the support system (with the all-municipalities line) and 重層 bars."""
    register_fonts()
    font = font or GOTHIC
    width, height = 780, 320
    drawing = Drawing(width, height, initialFontName=font)  # not reportlab's Helvetica
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    labels = _column_short(table)
    base, plot_h = 70, 200

    def axis(x0: float, w: float, title: str, top: int, step: int) -> float:
        scale = plot_h / top
        drawing.add(String(x0, height - 26, title, fontName=font, fontSize=11))
        drawing.add(Line(x0, base, x0 + w, base, strokeColor=colors.HexColor("#555555")))
        for n in range(0, top + 1, step):
            y = base + n * scale
            drawing.add(Line(x0, y, x0 + w, y, strokeColor=colors.HexColor("#E2E2E2")))
            drawing.add(String(x0 - 4, y - 3, str(n), fontName=font, fontSize=7, textAnchor="end"))
        return scale

    def category_labels(x0: float, slot: float) -> None:
        for n, text in enumerate(labels):
            for k, part in enumerate(text.split("\n")):
                drawing.add(
                    String(
                        x0 + slot * (n + 0.5),
                        base - 12 - 10 * k,
                        part,
                        fontName=font,
                        fontSize=7.5,
                        textAnchor="middle",
                    )
                )

    def legend(x0: float, keys: Sequence[str]) -> None:
        x = x0
        for key in keys:
            drawing.add(
                Rect(x, 14, 9, 9, fillColor=colors.HexColor(SERIES_COLOURS[key]), strokeColor=None)
            )
            drawing.add(String(x + 12, 15, SHORT_LABELS[key], fontName=font, fontSize=8))
            x += 16 + 8.5 * len(SHORT_LABELS[key])

    # Left: 市町村総合相談支援体制 (stacked), with the 全市町村 line the plan aims for.
    x0, w = 50, 400
    slot = w / 4
    top = max(10, -(-table.municipality_count // 10) * 10)
    scale = axis(x0, w, "市町村総合相談支援体制の構築（市町村数・累計）", top, 10)
    stack = ("window_and_team", "window_only", "team_only")
    for n in range(4):
        y: float = base
        bar_x = x0 + slot * n + slot * 0.22
        for key in stack:
            value = table.value(key, table.columns[n].key) or 0
            if value:
                h = value * scale
                drawing.add(
                    Rect(
                        bar_x,
                        y,
                        slot * 0.56,
                        h,
                        strokeColor=colors.white,
                        strokeWidth=0.5,
                        fillColor=colors.HexColor(SERIES_COLOURS[key]),
                    )
                )
                if h >= 10:
                    drawing.add(
                        String(
                            bar_x + slot * 0.28,
                            y + h / 2 - 3,
                            str(value),
                            fontName=font,
                            fontSize=7.5,
                            textAnchor="middle",
                            fillColor=colors.white if key != "team_only" else colors.black,
                        )
                    )
                y += h
        total = table.value("support_system", table.columns[n].key) or 0
        drawing.add(
            String(
                bar_x + slot * 0.28,
                y + 4,
                str(total),
                fontName=font,
                fontSize=10,
                textAnchor="middle",
            )
        )
    target_y = base + table.municipality_count * scale
    drawing.add(
        Line(
            x0,
            target_y,
            x0 + w,
            target_y,
            strokeColor=colors.HexColor("#C0392B"),
            strokeDashArray=[4, 3],
        )
    )
    drawing.add(
        String(
            x0 + w,
            target_y + 3,
            f"全市町村 {table.municipality_count}",
            fontName=font,
            fontSize=8,
            textAnchor="end",
            fillColor=colors.HexColor("#C0392B"),
        )
    )
    category_labels(x0, slot)
    legend(x0, stack)

    # Right: 重層的支援体制整備事業 and 移行準備事業 side by side.
    x1, w1 = 520, 220
    slot1 = w1 / 4
    # Its own scale: a dozen municipalities would be a sliver on the 63 scale.
    peak = max(
        (table.value(k, c.key) or 0 for k in ("multilayer", "transition") for c in table.columns),
        default=0,
    )
    top1 = max(10, -(-(peak + 1) // 5) * 5)
    scale = axis(x1, w1, "重層的支援体制整備事業（市町村数・累計）", top1, 5 if top1 <= 30 else 10)
    for n in range(4):
        for k, key in enumerate(("multilayer", "transition")):
            value = table.value(key, table.columns[n].key) or 0
            bar_x = x1 + slot1 * n + slot1 * 0.15 + k * slot1 * 0.35
            drawing.add(
                Rect(
                    bar_x,
                    base,
                    slot1 * 0.33,
                    value * scale,
                    strokeColor=None,
                    fillColor=colors.HexColor(SERIES_COLOURS[key]),
                )
            )
            drawing.add(
                String(
                    bar_x + slot1 * 0.165,
                    base + value * scale + 3,
                    str(value),
                    fontName=font,
                    fontSize=7.5,
                    textAnchor="middle",
                )
            )
    category_labels(x1, slot1)
    legend(x1, ("multilayer", "transition"))
    return drawing


def progress_chart_pdf(table: ProgressTable) -> bytes:
    """The chart alone on a page of its own size (the UI turns it into a PNG)."""
    return renderPDF.drawToString(progress_chart(table), title=f"{TITLE}（{table.label}）")


# ----------------------------------------------------------------------------------- PDF


def progress_pdf(table: ProgressTable, created: dt.date | None = None) -> bytes:
    """A4 landscape: the table as the seed prints it, then the chart, then the basis."""
    register_fonts()
    gothic = GOTHIC
    created = created or dt.date.today()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"{TITLE}（{table.label}）",
        author="kenshu-desk",
        creator="kenshu-desk",
    )
    title = ParagraphStyle("t", fontName=gothic, fontSize=14, leading=20, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=gothic, fontSize=9, leading=12, wordWrap="CJK")
    note = ParagraphStyle(
        "n",
        fontName=gothic,
        fontSize=8,
        leading=11,
        wordWrap="CJK",
        textColor=colors.HexColor("#444444"),
    )
    head = [Paragraph("", cell), Paragraph("", cell)] + [
        Paragraph(escape(c.label), cell) for c in table.columns
    ]
    data = [head]
    groups: list[tuple[int, int]] = []
    for n, row in enumerate(table.rows, start=1):
        if not groups or table.rows[groups[-1][0] - 1].group != row.group:
            groups.append((n, n))
        else:
            groups[-1] = (groups[-1][0], n)
        data.append(
            [Paragraph(escape(row.group), cell), Paragraph(escape(row.label), cell)]
            + [_cell_text(v) for v in row.values]
        )
    style = [
        ("FONT", (0, 0), (-1, -1), gothic, 10),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E8EE")),
        ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#F2F4F7")),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for first, last in groups:
        style.append(("SPAN", (0, first), (0, last)))
    grid = Table(data, colWidths=[36 * mm, 86 * mm] + [36 * mm] * 4, style=TableStyle(style))
    chart = progress_chart(table, gothic)
    chart.scale(0.82, 0.82)
    chart.width, chart.height = chart.width * 0.82, chart.height * 0.82
    story = [
        Paragraph(escape(f"{TITLE}（{table.label}）"), title),
        Paragraph(escape(UNIT), note),
        Spacer(1, 3 * mm),
        grid,
        Spacer(1, 4 * mm),
        chart,
        Paragraph(escape(_basis(table, created)), note),
    ]
    with build_lock:  # reportlab's fonts keep per-document subset state
        doc.build(story, canvasmaker=EmbeddedFontCanvas)
    return buffer.getvalue()


def _basis(table: ProgressTable, created: dt.date) -> str:
    return (
        f"※ 市町村別の記録（{table.label}）から集計。県内 {table.municipality_count} 市町村のうち"
        f"記録のある市町村 {table.recorded_count}。各列はその時点までに実施・構築済み又は"
        f"予定の市町村数（累計）。アドバイザー派遣希望は{table.label}の希望数。"
        f"作成 {wareki(created, weekday=False)}"
    )


# ---------------------------------------------------------------------------------- XLSX

_THIN = Side(style="thin", color="888888")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E4E8EE")


def progress_xlsx(
    table: ProgressTable,
    municipalities: Sequence[MunicipalityOverview] = (),
    created: dt.date | None = None,
) -> bytes:
    """Sheet 進捗状況 (the table) and, when given, sheet 市町村別 (what it was counted from)."""
    created = created or dt.date.today()
    wb = Workbook()
    ws = wb.active
    ws.title = "進捗状況"
    ws["A1"] = f"{TITLE}（{table.label}）"
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = UNIT
    header = ["区分", "項目", *[c.label for c in table.columns]]
    for col, text in enumerate(header, start=1):
        c = ws.cell(row=4, column=col, value=text)
        c.fill, c.border, c.font = _HEAD_FILL, _BORDER, Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    row_no = 5
    group_start = row_no
    for n, row in enumerate(table.rows):
        ws.cell(row=row_no, column=1, value=row.group)
        ws.cell(row=row_no, column=2, value=row.label)
        for k, value in enumerate(row.values, start=3):
            ws.cell(row=row_no, column=k, value=value)
        for col in range(1, len(header) + 1):
            c = ws.cell(row=row_no, column=col)
            c.border = _BORDER
            c.alignment = Alignment(
                wrap_text=True, vertical="center", horizontal="center" if col > 2 else "left"
            )
        last_of_group = n + 1 == len(table.rows) or table.rows[n + 1].group != row.group
        if last_of_group:
            if row_no > group_start:
                ws.merge_cells(start_row=group_start, start_column=1, end_row=row_no, end_column=1)
            group_start = row_no + 1
        row_no += 1
    ws.cell(row=row_no + 1, column=1, value=_basis(table, created))
    for letter, width in zip("ABCDEF", (22, 58, 20, 20, 20, 22), strict=True):
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[4].height = 32
    ws.freeze_panes = "C5"
    if municipalities:
        _municipality_sheet(wb, table.fiscal_year, municipalities)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _municipality_sheet(wb: Workbook, fy: int, rows: Sequence[MunicipalityOverview]) -> None:
    ws = wb.create_sheet("市町村別")
    header = [
        "団体コード",
        "市町村",
        "新規・継続",
        *[f"{label}" for label in ("①窓口", "②チーム", "重層", "移行準備")],
        "派遣希望",
        "派遣実績",
        "現状",
        "支援内容",
    ]
    for col, text in enumerate(header, start=1):
        c = ws.cell(row=1, column=col, value=text)
        c.fill, c.border, c.font = _HEAD_FILL, _BORDER, Font(bold=True)
    for r, m in enumerate(rows, start=2):
        values = [
            m.lgcode,
            m.name,
            m.support_type,
            *[m.measure_label(measure) for measure in Measure],
            "希望" if m.adviser_requested else "",
            m.dispatch_record,
            m.situation,
            m.support,
        ]
        for col, value in enumerate(values, start=1):
            c = ws.cell(row=r, column=col, value=value)
            c.data_type = "s"  # free text such as "=…" stays text, never a formula
            c.border = _BORDER
            c.alignment = Alignment(wrap_text=col >= 10, vertical="top")
    widths = (11, 12, 10, 16, 16, 16, 16, 9, 28, 60, 40)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
