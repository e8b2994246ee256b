"""What Windows users meet that Linux does not: output encoded in cp932 when it is piped, and
file names built from people's names (.eml drafts) that Windows must accept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kenshu_desk.services.mail.invitations import eml_name

ROOT = Path(__file__).resolve().parents[2]
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
            *(f"LPT{n}" for n in range(1, 10))}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "address"),
    [("CON", "con@example.jp"), ("髙橋: 美咲 / さいたま市", "m@example.jp"), ("a" * 300, "b@example.jp"),
     ("末尾の点. ", "x@example.jp"), ('"引用"*?<>|', "q@example.jp"), ("改行\r\nあり", "n@example.jp")],
)  # fmt: skip
def test_eml_names_are_ones_windows_accepts(name: str, address: str):
    file_name = eml_name(7, name, address)
    stem = file_name.rsplit(".", 1)[0]
    assert not set(file_name) & WINDOWS_FORBIDDEN
    assert stem.split(".")[0].upper() not in RESERVED
    assert not stem.endswith((" ", "."))
    assert len(file_name) <= 120 and file_name.endswith(".eml")


def test_output_in_cp932_does_not_fail_on_characters_cp932_lacks(db_arg: str, tmp_path: Path):
    env = {**os.environ, "PYTHONIOENCODING": "cp932", "PYTHONPATH": str(ROOT / "src")}
    add = subprocess.run(
        [sys.executable, "-m", "kenshu_desk", "--db", db_arg, "participants", "list"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert add.returncode == 0, add.stderr.decode("cp932", "replace")
    from kenshu_desk.database import open_database
    from kenshu_desk.domain.models import Participant

    db = open_database(db_arg if "://" in db_arg else f"sqlite:///{db_arg}")
    with db.session() as s:
        s.add(Participant(name="𠮷野　太郎😀", reading="よしの　たろう", email="y@example.jp"))
    db.dispose()
    listed = subprocess.run(
        [sys.executable, "-m", "kenshu_desk", "--db", db_arg, "participants", "list"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr.decode("cp932", "replace")
    assert "野　太郎".encode("cp932") in listed.stdout
