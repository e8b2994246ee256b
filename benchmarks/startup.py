"""Cold start of `kenshu-desk --db` to its first window and to the main window ready (vs. a bare
PySide6 window with one label), and the
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

# The real entry point (`kenshu-desk --db PATH`, as the installed command runs it), watched
# by an event filter: it prints when the start window and then the main window are shown,
# whether SQLAlchemy was loaded by then, and answers any message box so a failed start ends.
APP = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication(sys.argv[:1])


def hwm():
    # VmHWM, not ru_maxrss: ru_maxrss survives fork+exec, so it would start at the harness's peak.
    return next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]


class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            if isinstance(obj, QMessageBox):
                print("message", obj.text().replace("\\n", " "), flush=True)
                QTimer.singleShot(0, obj.reject)
            elif obj.objectName() in ("startWindow", "mainWindow"):
                loaded = "sqlalchemy" in sys.modules
                print("shown", obj.objectName(), hwm(), loaded, flush=True)
                if obj.objectName() == "mainWindow":
                    QTimer.singleShot(0, app.quit)
        return False


probe = Probe()
app.installEventFilter(probe)
from kenshu_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _start(code: str, *args: str) -> dict[str, tuple[float, float]]:
    """For each "shown NAME KB ..." line the script prints: ms from launching the process to
    that window shown (the time the process then takes to tear down is not start-up), and
    the peak memory in MB by then."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed program has its bytecode compiled (pip compiles on install); a source
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    shown: dict[str, tuple[float, float]] = {}
    for line in child.stdout:
        if line.startswith("message"):
            raise RuntimeError(f"the application said: {line[8:].strip()}")
        if line.startswith("shown"):
            fields = line.split()
            name, kb = (fields[1], fields[2]) if len(fields) > 2 else ("window", fields[1])
            shown[name] = ((time.perf_counter() - t0) * 1000, int(kb) / 1024)  # VmHWM is in kB
            if name in ("window", "mainWindow"):
                break
    child.stdout.close()
    if child.wait(60) != 0:
        raise RuntimeError(f"the start-up script failed ({child.returncode})")
    return shown


def run(db_path: Path, repeat: int = 5) -> list[Figure]:
    app_args = ("--db", str(db_path))
    _start(BARE)  # warm the file cache for both, so "cold" means a new process, not a cold disk
    _start(APP, *app_args)
    bare, app = [], []
    for _ in range(repeat):  # interleaved, so a burst of load elsewhere hits both alike
        bare.append(_start(BARE)["window"])
        app.append(_start(APP, *app_args))
    bare_ms = statistics.median(t for t, _ in bare)
    return [
        Figure(
            "start-up: first window on screen (kenshu-desk --db, large database)",
            statistics.median(a["startWindow"][0] for a in app),
            baseline_name="bare PySide6 window",
            baseline=bare_ms,
            max_ratio=1.5,
        ),
        Figure(
            "start-up: main window shown, database open, event list filled",
            statistics.median(a["mainWindow"][0] for a in app),
            baseline_name="bare PySide6 window",
            baseline=bare_ms,
            max_ratio=4,  # issue 19: ≤ 4× a bare window in the same run
        ),
        Figure(
            "peak memory, main window on the large database",
            max(a["mainWindow"][1] for a in app),
            unit="MB",
            baseline_name="bare PySide6 window",
            baseline=max(m for _, m in bare),
        ),
    ]
