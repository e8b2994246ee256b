"""Helpers shared by the sub-command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kenshu_desk.database import Database, open_database, resolve_url


def open_db(args: argparse.Namespace) -> Database:
    db = open_database(resolve_url(args.db))
    if db.backup is not None:
        print(f"データベースを更新しました（更新前のコピー: {db.backup}）", file=sys.stderr)
    return db


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
