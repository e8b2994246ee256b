"""A fiscal-year picker that shows 令和3年度 (FY2021 in English) and steps a year at a time."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from kenshu_desk.domain.japanese import ERAS, fiscal_year, fiscal_year_label
from kenshu_desk.ui.shell.i18n import current_language

_WESTERN = re.compile(r"^\s*(?:FY)?\s*(\d{4})\s*$", re.IGNORECASE)
_FORM = re.compile(r"^\s*(令和|平成|昭和)?\s*(元|\d{1,4})?\s*(年度?)?\s*$")


class FiscalYearSpin(QSpinBox):
    """Value = the western fiscal year (2021); text = 令和3年度 (2021年度)."""

    def __init__(self, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(1989, 2100)
        self.setValue(value or fiscal_year(dt.date.today()))
        self.setAccelerated(True)
        self.setToolTip(self.tr("年度（4月～翌年3月）。西暦（2021）でも入力できます"))

    def textFromValue(self, value: int) -> str:
        if current_language() != "ja":
            return f"FY{value}"
        return f"{fiscal_year_label(value)}（{value}）"

    def valueFromText(self, text: str) -> int:
        parsed = self._parse(text)
        return parsed if parsed is not None else self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._parse(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _FORM.match(text.split("（")[0]) or re.fullmatch(r"\s*(FY?)?\s*\d{0,4}\s*", text, re.I):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    @staticmethod
    def _parse(text: str) -> int | None:
        text = text.strip()
        western = _WESTERN.match(text)
        if western:
            return int(western.group(1))
        m = re.search(r"（(\d{4})）$", text)
        if m:
            return int(m.group(1))
        m = _FORM.match(text)
        if not m or not m.group(2):
            return None
        era_name, number = m.group(1), m.group(2)
        if era_name is None:
            return int(number) if len(number) == 4 else None
        n = 1 if number == "元" else int(number)
        era = next(e for e in ERAS if e.name == era_name)
        return era.start.year + n - 1
