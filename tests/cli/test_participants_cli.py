"""participants / attendance sub-commands as a script uses them: exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kenshu_desk.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys, db_arg: str) -> str:
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    return db_arg


def people(capsys, db: str, *extra: str) -> list[dict]:
    code, out, _ = run(capsys, "--db", db, "participants", "list", "--json", *extra)
    assert code == 0
    return json.loads(out)


def event_id(capsys, db: str, date: str) -> str:
    events = json.loads(run(capsys, "--db", db, "events", "--json")[1])
    return str(next(e["id"] for e in events if e["date"] == date))


def test_import_with_row_errors_imports_nothing_then_skip_errors(capsys, demo: str):
    before = len(people(capsys, demo))
    code, out, err = run(
        capsys, "--db", demo, "participants", "import", str(DATA / "participants_cp932.csv")
    )
    assert code == 1
    assert "9 行目 [エラー]" in out and "10 行目 [エラー]" in out
    assert err.count("\n") == 1 and "--skip-errors" in err
    assert len(people(capsys, demo)) == before
    code, out, _ = run(
        capsys,
        "--db",
        demo,
        "participants",
        "import",
        str(DATA / "participants_cp932.csv"),
        "--skip-errors",
    )
    assert code == 0 and "新規 4 人" in out
    assert len(people(capsys, demo)) == before + 4


def test_dry_run_and_event_registration(capsys, demo: str):
    eid = event_id(capsys, demo, "2027-01-28")
    path = str(DATA / "participants_utf8_bom.csv")
    before = len(people(capsys, demo))
    code, out, _ = run(capsys, "--db", demo, "participants", "import", path, "--dry-run")
    assert code == 0 and "新規 2" in out and "ファイル内の重複 1" in out
    assert len(people(capsys, demo)) == before
    code, out, _ = run(capsys, "--db", demo, "participants", "import", path, "--event", eid)
    assert code == 0 and "行事への申込 3 件" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空のファイル"),
        ("所属,メール\n川越市,a@example.jp\n".encode(), "氏名の列が見つかりません"),
        ("氏名\n".encode() + "髙橋".encode("cp932") + b"\x81\x7f\n", "文字コード"),
        (b"PK\x03\x04" + b"\0" * 200, "Excel ブックとして読めません"),
        (b"\0\1\2\3" * 1000, "テキストファイルではありません"),
    ],
)
def test_broken_files_exit_1_with_one_line(capsys, demo: str, tmp_path: Path, content, message):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    code, _, err = run(capsys, "--db", demo, "participants", "import", str(path))
    assert code == 1
    assert message in err and err.count("\n") == 1


def test_ten_megabytes_of_garbage(capsys, demo: str, tmp_path: Path):
    path = tmp_path / "garbage.xlsx"
    path.write_bytes(os.urandom(10 * 1024 * 1024))
    code, _, err = run(capsys, "--db", demo, "participants", "import", str(path))
    assert code == 1 and "garbage.xlsx" in err and err.count("\n") == 1


def test_attendance_import_and_export(capsys, demo: str, tmp_path: Path):
    eid = event_id(capsys, demo, "2021-11-25")
    report = str(DATA / "zoom_participants_en.csv")
    code, out, _ = run(
        capsys, "--db", demo, "attendance", "import", report, "--event", eid, "--dry-run"
    )
    assert code == 0 and "未照合: 山口" in out and "候補: 山口　香織" in out
    code, out, _ = run(
        capsys, "--db", demo, "attendance", "import", report, "--event", eid, "--threshold", "25"
    )
    assert code == 0 and "出欠を記録しました" in out
    csv_path = tmp_path / "出欠.csv"
    code, out, _ = run(capsys, "--db", demo, "attendance", "export", eid, "-o", str(csv_path))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    fujita = next(r for r in rows if r["メールアドレス"] == "k.fujita@example.jp")
    assert fujita["出欠"] == "出席（オンライン）" and fujita["オンライン参加（分）"] == "35"
    xlsx_path = tmp_path / "出欠.xlsx"
    assert run(capsys, "--db", demo, "attendance", "export", eid, "-o", str(xlsx_path))[0] == 0
    ws = load_workbook(xlsx_path).active
    assert ws["A3"].value == "所属" and ws.max_row == 3 + len(rows)


def test_attendance_errors(capsys, demo: str, tmp_path: Path):
    other = event_id(capsys, demo, "2021-05-24")
    code, _, err = run(
        capsys,
        "--db",
        demo,
        "attendance",
        "import",
        str(DATA / "teams_attendance_ja.csv"),
        "--event",
        other,
    )
    assert code == 1 and "重なりません" in err
    code, _, err = run(
        capsys, "--db", demo, "attendance", "export", "9999", "-o", str(tmp_path / "x.csv")
    )
    assert code == 1 and "9999" in err
    code, _, _ = run(
        capsys, "--db", demo, "attendance", "import", str(DATA / "teams_attendance_ja.csv")
    )
    assert code == 2  # --event is required: a usage error


def test_coverage_json(capsys, demo: str):
    code, out, _ = run(capsys, "--db", demo, "participants", "coverage", "2021", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["municipalities"]) == 63
    assert set(data["none"]) < {m["name"] for m in data["municipalities"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空のファイル"),
        ("氏名,所属\n髙橋,川越市\n".encode(), "出席レポートの形式ではありません"),
        (b"Name (Original Name),User Email,Join Time\n", "行がありません"),
        (b"\xff\xfe" + "1. Summary\r\n2. Participants\r\n".encode("utf-16-le"), "参加者の表"),
    ],
)
def test_broken_reports_exit_1_with_one_line(capsys, demo: str, tmp_path: Path, content, message):
    eid = event_id(capsys, demo, "2021-11-25")
    path = tmp_path / "report.csv"
    path.write_bytes(content)
    code, _, err = run(capsys, "--db", demo, "attendance", "import", str(path), "--event", eid)
    assert code == 1 and message in err and err.count("\n") == 1


def test_coverage_json_has_short_titles(capsys, db_arg):
    from kenshu_desk.cli import main

    assert main(["--db", db_arg, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db_arg, "participants", "coverage", "令和3年度", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert events and all(0 < len(e["short_title"]) <= 12 for e in events)
    assert any(e["short_title"].startswith("第2回市町村情報交換") for e in events)


def _plan(capsys, demo: str, eid: str, report: str, *extra: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code, out, err = run(
        capsys, "--db", demo, "attendance", "import", report, "--event", eid, "--json", *extra
    )
    return code, json.loads(out), err


def test_attendance_import_json_gives_every_row_and_change(capsys, demo: str):
    eid = event_id(capsys, demo, "2021-11-25")
    report = str(DATA / "zoom_participants_en.csv")
    code, plan, _ = _plan(capsys, demo, eid, report, "--dry-run")
    assert code == 0 and plan["applied"] is False
    rows = {r["name"]: r for r in plan["rows"]}
    assert rows["髙橋 美咲"]["decision"] == "matched" and rows["髙橋 美咲"]["reason"] == "email"
    assert rows["山口"]["decision"] == "needs_decision"
    assert [c["name"] for c in rows["山口"]["candidates"]] == ["山口\u3000香織"]
    assert {"participant_id", "old_state", "new_state", "minutes", "kept"} <= set(
        plan["changes"][0]
    )
    # Nothing was written by the dry run.
    again = _plan(capsys, demo, eid, report, "--dry-run")[1]
    assert again["changes"] == plan["changes"]


def test_attendance_import_assigns_a_row_by_its_name(capsys, demo: str):
    eid = event_id(capsys, demo, "2021-11-25")
    report = str(DATA / "zoom_participants_en.csv")
    yamaguchi = _plan(capsys, demo, eid, report, "--dry-run")[1]
    pid = next(r for r in yamaguchi["rows"] if r["name"] == "山口")["candidates"][0][
        "participant_id"
    ]
    code, plan, _ = _plan(capsys, demo, eid, report, "--assign", f"山口={pid}")
    assert code == 0 and plan["applied"] is True
    row = next(r for r in plan["rows"] if r["name"] == "山口")
    assert row["decision"] == "matched" and row["participant_id"] == pid
    code, _, err = run(
        capsys, "--db", demo, "attendance", "import", report, "--event", eid,
        "--assign", "いない人=1",
    )  # fmt: skip
    assert code == 1 and "いない人" in err and err.count("\n") == 1


def test_a_report_matching_nobody_is_refused_and_changes_nothing(capsys, demo: str, tmp_path: Path):
    eid = event_id(capsys, demo, "2021-11-25")
    strangers = tmp_path / "strangers.csv"
    lines = (DATA / "zoom_participants_en.csv").read_text(encoding="utf-8").splitlines()[:4]
    lines += [
        f"見知らぬ 人{n},x{n}@example.com,11/25/2021 02:30:00 PM,11/25/2021 04:30:00 PM,120,Yes,Yes,No"
        for n in range(5)
    ]
    strangers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _plan(capsys, demo, eid, str(DATA / "zoom_participants_en.csv"), "--dry-run")[1]
    code, _, err = run(capsys, "--db", demo, "attendance", "import", str(strangers), "--event", eid)
    assert code == 1 and "照合できませんでした" in err and err.count("\n") == 1
    after = _plan(capsys, demo, eid, str(DATA / "zoom_participants_en.csv"), "--dry-run")[1]
    assert after["changes"] == before["changes"]


def test_a_later_partial_report_never_lowers_an_attendee(capsys, demo: str, tmp_path: Path):
    eid = event_id(capsys, demo, "2021-11-25")
    full = str(DATA / "zoom_participants_en.csv")
    assert run(capsys, "--db", demo, "attendance", "import", full, "--event", eid)[0] == 0
    partial = tmp_path / "partial.csv"
    lines = (DATA / "zoom_participants_en.csv").read_text(encoding="utf-8").splitlines()
    # Only 五十嵐 彩's second stay (53 minutes) is in this partial export: under the threshold.
    partial.write_text("\n".join(lines[:4] + lines[11:12]) + "\n", encoding="utf-8")
    code, plan, _ = _plan(capsys, demo, eid, str(partial), "--dry-run")
    assert code == 0
    igarashi = next(c for c in plan["changes"] if c["name"] == "五十嵐\u3000彩")
    assert igarashi["old_state"] == "attended_online" == igarashi["new_state"]
    assert igarashi["kept"] is True
    _, plan, _ = _plan(capsys, demo, eid, str(partial), "--dry-run", "--allow-lower")
    igarashi = next(c for c in plan["changes"] if c["name"] == "五十嵐\u3000彩")
    assert igarashi["new_state"] == "absent" and igarashi["kept"] is False


def test_an_invisible_name_is_refused_and_shown_as_code_points(capsys, demo: str, tmp_path: Path):
    """A name of only RLO and a zero-width space: an error, and the message line shows those
    characters as <U+…> (printed raw, RLO would turn the rest of the line around)."""
    path = tmp_path / "名簿.csv"
    path.write_text(
        "氏名,ふりがな,所属,メール\n\u202e\u200b,x,さいたま市,a@example.jp\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "--db", demo, "participants", "import", str(path), "--dry-run")
    assert code == 0 and "エラー 1" in out
    line = next(line for line in out.splitlines() if "2 行目" in line)
    assert "<U+202E><U+200B>" in line and "\u202e" not in out and "\u200b" not in out


def test_attendance_import_assigns_two_ipads_by_their_line(capsys, demo: str, tmp_path: Path):
    eid = event_id(capsys, demo, "2021-11-25")
    lines = (DATA / "zoom_participants_en.csv").read_text(encoding="utf-8").splitlines()[:4]
    lines += [
        "藤田 健,k.fujita@example.jp,11/25/2021 02:30:00 PM,11/25/2021 03:21:00 PM,51,No,Yes,No",
        "中村拓也,t.nakamura@example.jp,11/25/2021 02:30:00 PM,11/25/2021 03:00:00 PM,30,No,Yes,No",
        "iPad,,11/25/2021 03:22:00 PM,11/25/2021 04:30:00 PM,68,Yes,Yes,No",
        "iPad,,11/25/2021 03:01:00 PM,11/25/2021 04:30:00 PM,89,Yes,Yes,No",
    ]
    report = tmp_path / "ipads.csv"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = _plan(capsys, demo, eid, str(report), "--dry-run")[1]
    ids = {r["name"]: r["participant_id"] for r in plan["rows"] if r["decision"] == "matched"}
    ipads = [r for r in plan["rows"] if r["name"] == "iPad"]
    assert len(ipads) == 2 and all(r["decision"] == "needs_decision" for r in ipads)
    code, _, err = run(
        capsys, "--db", demo, "attendance", "import", str(report), "--event", eid, "--dry-run",
        "--assign", f"iPad={ids['藤田 健']}",
    )  # fmt: skip
    assert code == 1 and "行番号" in err  # two rows named iPad: the line number is asked for
    code, plan, _ = _plan(
        capsys, demo, eid, str(report), "--dry-run",
        "--assign", f"7={ids['藤田 健']}", "--assign", f"line:8={ids['中村拓也']}",
    )  # fmt: skip
    assert code == 0
    states = {c["participant_id"]: c["new_state"] for c in plan["changes"]}
    assert states[ids["藤田 健"]] == states[ids["中村拓也"]] == "attended_online"


def test_attendance_plain_output_gives_the_candidates_ids(capsys, demo: str):
    eid = event_id(capsys, demo, "2021-11-25")
    report = str(DATA / "zoom_participants_en.csv")
    plan = _plan(capsys, demo, eid, report, "--dry-run")[1]
    pid = next(r for r in plan["rows"] if r["name"] == "山口")["candidates"][0]["participant_id"]
    code, out, _ = run(
        capsys, "--db", demo, "attendance", "import", report, "--event", eid, "--dry-run"
    )
    line = next(x for x in out.splitlines() if "未照合: 山口" in x)
    assert code == 0 and "山口\u3000香織" in line and f"[ID {pid}]" in line


def test_attendance_plain_output_lists_a_namesakes_candidate_with_its_id(
    capsys, demo: str, tmp_path: Path
):
    eid = event_id(capsys, demo, "2021-11-25")
    lines = (DATA / "zoom_participants_en.csv").read_text(encoding="utf-8").splitlines()[:7]
    lines.append(  # 髙橋 above matches by e-mail; 藤田 names an organisation not his
        "藤田 健（東秩父村）,,11/25/2021 02:30:00 PM,11/25/2021 04:30:00 PM,120,Yes,Yes,No"
    )
    report = tmp_path / "namesake.csv"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = _plan(capsys, demo, eid, str(report), "--dry-run")[1]
    row = next(r for r in plan["rows"] if r["name"].startswith("藤田"))
    assert row["decision"] == "needs_decision"  # a namesake from another organisation
    (candidate,) = row["candidates"]
    code, out, _ = run(
        capsys, "--db", demo, "attendance", "import", str(report), "--event", eid, "--dry-run"
    )
    line = next(x for x in out.splitlines() if "未照合: 藤田" in x)
    assert code == 0 and f"[ID {candidate['participant_id']}]" in line
