"""The command line as scripts use it: exit codes, one-line errors, the JSON contract."""

from __future__ import annotations

import json

import pytest

from kenshu_desk import __version__
from kenshu_desk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --version, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"kenshu-desk {__version__}"


def test_usage_error_exits_2(capsys):
    code, _, err = run(capsys, "no-such-command")
    assert code == 2 and "「no-such-command」は選べません" in err


def test_demo_twice_adds_nothing_the_second_time(capsys, db_arg):
    code, out, _ = run(capsys, "--db", db_arg, "demo")
    assert code == 0 and "市町村 63 件" in out
    first = json.loads(run(capsys, "--db", db_arg, "events", "--json")[1])
    code, out, _ = run(capsys, "--db", db_arg, "demo")
    assert code == 0
    assert "市町村 0 件、講師 0 件、行事 0 件、参加者 0 件、申込 0 件、動画リンク 0 件" in out
    second = json.loads(run(capsys, "--db", db_arg, "events", "--json")[1])
    assert first == second


def test_events_json_contract(capsys, db_arg, monkeypatch):
    monkeypatch.setenv("KENSHU_DESK_DB", db_arg)  # --db from the environment
    run(capsys, "demo")
    code, out, _ = run(capsys, "events", "--json")
    assert code == 0
    events = json.loads(out)
    for e in events:
        for key in (
            "id",
            "kind",
            "title",
            "date",
            "start",
            "end",
            "venue",
            "online_url",
            "fiscal_year",
            "programme",
        ):
            assert key in e
    dates = [e["date"] for e in events]
    assert dates == sorted(dates, reverse=True)  # newest first
    may = next(e for e in events if e["date"] == "2021-05-24")
    assert may["fiscal_year"] == 2021 and may["kind"] == "情報交換会"
    assert [(i["start"], i["end"], i["minutes"]) for i in may["programme"]] == [
        ("13:30", "13:35", 5),
        ("13:35", "14:05", 30),
        ("14:05", "14:45", 40),
        ("14:45", "14:50", 5),
        ("14:50", "15:30", 40),
    ]
    assert may["programme"][1]["presenters"] == [
        "桶川市",
        "川越市",
        "鳩山町",
        "狭山市",
        "ふじみ野市",
    ]
    assert may["programme"][2]["presenters"] == [
        "厚生労働省 社会・援護局 地域福祉課 地域共生社会推進室"
    ]
    assert may["programme"][3]["item_type"] == "休憩"
    nov = next(e for e in events if e["date"] == "2021-11-25")
    assert nov["start"] == "14:30"
    assert [i["start"] for i in nov["programme"]] == ["14:30", "14:35", "15:20", "16:00"]
    assert "中島 修 氏" in nov["programme"][1]["presenters"][0]
    assert "文京学院大学" in nov["programme"][1]["presenters"][0]
    kinds = [e["kind"] for e in events if e["fiscal_year"] == 2021]
    assert kinds.count("部会") == 3
    titles = {e["title"] for e in events}
    assert {"市町村地域福祉（計画）担当者研修会", "市町村地域福祉管理職研修会"} <= titles


def test_events_plain_listing(capsys, db_arg):
    run(capsys, "--db", db_arg, "demo")
    code, out, _ = run(capsys, "--db", db_arg, "events")
    assert code == 0 and "2021-11-25" in out and "第2回市町村情報交換会" in out


@pytest.mark.parametrize(
    "content",
    [b"not a database at all" * 50, b"\x00\xff" * 3000],
)
def test_unopenable_database_is_one_line_exit_1(capsys, tmp_path, content):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    code, out, err = run(capsys, "--db", str(path), "events", "--json")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("kenshu-desk: ")
    assert "Traceback" not in err
    assert path.read_bytes() == content


def test_unknown_database_driver(capsys):
    code, _, err = run(capsys, "--db", "nosuchdb://x/y", "events")
    assert code == 1 and "対応していません" in err


def test_organisation_speakers_are_linked_to_their_organisation(demo_db):
    from kenshu_desk.domain.models import Speaker

    with demo_db.session() as s:
        speaker = s.query(Speaker).filter(Speaker.name == "ふじみ野市社会福祉協議会").one()
        assert speaker.organisation is not None
        assert speaker.organisation.municipality.name == "ふじみ野市"
        assert s.query(Speaker).filter(Speaker.name == "桶川市").one().organisation.lgcode
