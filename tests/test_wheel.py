"""Everything loads from an installed wheel, not only from a source checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_built_wheel_installs_and_runs_in_a_fresh_environment(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("kenshu_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "kenshu_desk/resources/fonts/ipaexg.ttf",
        "kenshu_desk/resources/fonts/ipaexm.ttf",
        "kenshu_desk/resources/fonts/IPA_Font_License_Agreement_v1.0.txt",
        "kenshu_desk/resources/data/saitama_municipalities.csv",
        "kenshu_desk/db/env.py",
        "kenshu_desk/resources/translations/kenshu_desk_en.qm",  # compiled by hatch_build.py
        "kenshu_desk/resources/translations/kenshu_desk_ja.qm",
        "kenshu_desk/db/versions/0001_initial_schema.py",
    ):
        assert required in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KENSHU_DESK_DB")}
    env["KENSHU_DESK_DATA_DIR"] = str(tmp_path / "data")
    exe = str(bindir / "kenshu-desk")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.startswith("kenshu-desk 0.")
    db = tmp_path / "wheel.sqlite3"
    out = subprocess.run(
        [exe, "--db", str(db), "demo"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "市町村 63 件" in out.stdout
    where = subprocess.run(
        [str(bindir / "python"), "-c", "import kenshu_desk.paths as p; print(p.resources_dir())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert str(venv) in where.stdout  # the resources inside the installed package
