"""What every benchmark module returns, and how a line is printed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    value: float
    unit: str = "ms"
    baseline_name: str = ""
    baseline: float | None = None
    max_ratio: float | None = None  # target: value <= max_ratio * baseline
    max_value: float | None = None  # target: value <= max_value

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def ok(self) -> bool | None:
        checks = []
        if self.max_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.max_ratio)
        if self.max_value is not None:
            checks.append(self.value <= self.max_value)
        return all(checks) if checks else None

    def line(self) -> str:
        text = f"{self.name}: {self.value:,.1f} {self.unit}"
        if self.baseline is not None:
            text += f" | {self.baseline_name}: {self.baseline:,.1f} {self.unit} | ratio {self.ratio:.2f}"
        targets = []
        if self.max_ratio is not None:
            targets.append(f"≤ {self.max_ratio:g}× baseline")
        if self.max_value is not None:
            targets.append(f"≤ {self.max_value:g} {self.unit}")
        if targets:
            text += f" (target {', '.join(targets)}: {'OK' if self.ok else 'MISSED'})"
        return text


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)
