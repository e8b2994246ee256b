"""replies fetch / import / list as a script runs them."""

from __future__ import annotations

import json

from replykit import PEOPLE, Reply, google, malformed, outlook, plain_mail, thunderbird

from kenshu_desk.cli import main

FIELDS = {
    "participant_id",
    "name",
    "address",
    "partstat",
    "replied_at",
    "comment",
    "sequence",
    "source",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_list_as_json(capsys, db_arg, invited, tmp_path):
    kato, megumi = PEOPLE["kato"], PEOPLE["megumi"]
    (tmp_path / "a.eml").write_bytes(
        outlook(Reply(invited.uid, kato[1], kato[0], comment="遅れます"))
    )
    (tmp_path / "b.eml").write_bytes(
        google(Reply(invited.uid, megumi[1], megumi[0], partstat="DECLINED"))
    )
    (tmp_path / "c.eml").write_bytes(plain_mail())
    (tmp_path / "d.eml").write_bytes(malformed(invited.uid, kato[1]))
    files = [str(tmp_path / n) for n in ("a.eml", "b.eml", "c.eml", "d.eml")]

    code, out, err = run(capsys, "--db", db_arg, "replies", "import", *files)
    assert code == 0, err
    assert "返信を反映 2 件" in out and "返信以外 1 通" in out and "読めない予定表 1 件" in out
    assert "d.eml" in err

    code, out, _ = run(capsys, "--db", db_arg, "replies", "list", str(invited.event_id), "--json")
    assert code == 0
    rows = json.loads(out)
    assert all(row.keys() >= FIELDS for row in rows)
    by_name = {r["name"]: r for r in rows}
    assert by_name["加藤 恵"] | {"participant_id": 0} == by_name["加藤 恵"] | {
        "participant_id": 0,
        "name": "加藤 恵",
        "address": kato[1],
        "partstat": "ACCEPTED",
        "replied_at": "2021-11-18T10:12:03+09:00",
        "comment": "遅れます",
        "sequence": 0,
        "source": "eml",
    }
    assert by_name["加藤 恵"]["participant_id"] == invited.ids["kato"]
    assert by_name["髙橋 めぐみ"]["partstat"] == "DECLINED"
    assert by_name["山田 太郎"]["partstat"] is None

    code, out, _ = run(capsys, "--db", db_arg, "replies", "list", str(invited.event_id))
    assert (
        "出席予定\t加藤 恵" in out
        and "欠席の連絡\t髙橋 めぐみ" in out
        and "返信なし\t山田 太郎" in out
    )


def test_an_unknown_file_kind_is_one_line_on_stderr(capsys, db_arg, tmp_path):
    path = tmp_path / "reply.txt"
    path.write_text("x")
    code, out, err = run(capsys, "--db", db_arg, "replies", "import", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and ".eml" in err


def test_fetch_with_options_and_the_password_from_the_environment(
    capsys, db_arg, invited, mailbox, monkeypatch
):
    suzuki = PEOPLE["suzuki"]
    mailbox.put(thunderbird(Reply(invited.uid, suzuki[1], suzuki[0], partstat="TENTATIVE")))
    monkeypatch.setenv("KENSHU_DESK_IMAP_PASSWORD", mailbox.password)
    monkeypatch.setenv("SSL_CERT_FILE", str(mailbox.cert))  # trust the test server's certificate
    argv = ["--db", db_arg, "replies", "fetch", "--imap-host", "127.0.0.1"]
    argv += [
        "--imap-port",
        str(mailbox.imaps_port),
        "--imap-user",
        mailbox.user,
        "--imap-folder",
        "INBOX",
    ]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "返信を反映 1 件" in out

    code, out, _ = run(capsys, "--db", db_arg, "replies", "list", str(invited.event_id), "--json")
    row = next(r for r in json.loads(out) if r["name"] == "鈴木 一郎")
    assert (row["partstat"], row["source"]) == ("TENTATIVE", "imap")

    monkeypatch.setenv("KENSHU_DESK_IMAP_PASSWORD", "wrong")
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert "ログインできません" in err and err.count("\n") == 1
