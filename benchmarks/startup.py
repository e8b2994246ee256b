"""Cold start to the main window shown (vs. a bare PySide6 window with one label), and the
application's peak memory with the large database open. Each start is a fresh process."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Figure

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("研修デスク")
w.show()
def done():
    # VmHWM, not ru_maxrss: ru_maxrss survives fork+exec, so it would start at the harness's peak.
    hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
    print("shown", hwm, flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kenshu_desk.app import configure_application
from kenshu_desk.database import open_database
app = QApplication([])
configure_application(app)
db = open_database("sqlite:///" + sys.argv[1])
from kenshu_desk.ui.main_window import MainWindow
w = MainWindow(db)
w.resize(1366, 768)
w.show()
def done():
    # VmHWM, not ru_maxrss: ru_maxrss survives fork+exec, so it would start at the harness's peak.
    hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
    print("shown", hwm, flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _start(code: str, *args: str) -> tuple[float, float]:
    """ms from launching the process to the window shown (its "shown" line; the time the
    process then takes to tear down is not start-up), and its peak memory in MB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = next(x for x in child.stdout if x.startswith("shown"))
    elapsed = (time.perf_counter() - t0) * 1000
    child.stdout.close()
    if child.wait(60) != 0:
        raise RuntimeError(f"the start-up script failed ({child.returncode})")
    return elapsed, int(line.split()[1]) / 1024  # VmHWM is in kB


def run(db_path: Path, repeat: int = 5) -> list[Figure]:
    _start(BARE)  # warm the file cache for both, so "cold" means a new process, not a cold disk
    _start(APP, str(db_path))
    bare = [_start(BARE) for _ in range(repeat)]
    app = [_start(APP, str(db_path)) for _ in range(repeat)]
    return [
        Figure(
            "start-up to main window shown (large database)",
            statistics.median(t for t, _ in app),
            baseline_name="bare PySide6 window",
            baseline=statistics.median(t for t, _ in bare),
            max_ratio=1.5,
        ),
        Figure(
            "peak memory, main window on the large database",
            max(m for _, m in app),
            unit="MB",
            baseline_name="bare PySide6 window",
            baseline=max(m for _, m in bare),
        ),
    ]
