"""The user guide's screenshots are made by a script from the real application: it must keep working."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "resources" / "guide"


@pytest.mark.slow
def test_screenshot_script_makes_every_picture_the_guide_shows(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_screenshots.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    text = "".join(page.read_text(encoding="utf-8") for page in GUIDE.glob("*.md"))
    shown = set(re.findall(r"\(images/([\w-]+\.png)\)", text))
    made = {p.name for p in tmp_path.glob("*.png")}
    assert shown and shown <= made
    for name in shown:
        assert 10_000 < (tmp_path / name).stat().st_size < 300_000
        assert (GUIDE / "images" / name).is_file()  # committed with the guide
