"""Hatch build hook: compile resources/translations/*.ts into .qm files inside the wheel.

The .qm files are build output (never committed). lrelease comes from PySide6-Essentials, which
is in [build-system] requires, so a plain `pip wheel .` or `python -m build` can compile them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _lrelease() -> str:
    try:
        import PySide6
    except ImportError as exc:
        raise RuntimeError("PySide6-Essentials is needed to compile the translations") from exc
    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if bundled.is_file():
        return str(bundled)
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")
    if not found:
        raise RuntimeError("lrelease not found: install PySide6-Essentials")
    return found


class TranslationsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # the sdist carries the .ts sources
        sources = sorted(Path(self.root, "resources", "translations").glob("*.ts"))
        if not sources:
            return
        self._out = Path(tempfile.mkdtemp(prefix="kenshu-qm-"))
        lrelease = _lrelease()
        for ts in sources:
            qm = self._out / f"{ts.stem}.qm"
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
            build_data["force_include"][str(qm)] = f"kenshu_desk/resources/translations/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
