"""mypy over src/ (issue 17): no type error.

The configuration is in pyproject.toml ([tool.mypy]). mypy's cache lives in the temp dir,
so a rerun takes seconds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import kenshu_desk

ROOT = Path(kenshu_desk.__file__).parents[2]


@pytest.mark.typecheck
def test_mypy_finds_no_error_in_src():
    pytest.importorskip("mypy")
    cache = (
        Path(tempfile.gettempdir())
        / f"kenshu-desk-mypy-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    errors = [line for line in result.stdout.splitlines() if re.search(r": error: ", line)]
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert errors == [], "\n".join(errors)
