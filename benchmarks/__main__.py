"""`python -m benchmarks [--quick]`: build the large database, then print one line per figure."""

from __future__ import annotations

import argparse
import importlib
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import bigdb

# Each module has run(db_path) -> list[Figure].
MODULES = ("startup", "editor", "participants", "documents", "mail", "year_documents", "network")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--only", nargs="*", help="run only these modules")
    parser.add_argument(
        "--rtt-ms",
        nargs="+",
        type=float,
        default=[20.0],
        help="network: round-trip times to add in front of PostgreSQL (e.g. 0 5 20)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.sqlite3"
        t0 = time.perf_counter()
        bigdb.build(path).dispose()
        print(
            f"large database: 500 events, 20,000 participants, 60,000 registrations,"
            f" 3,000 speakers ({time.perf_counter() - t0:.1f} s to build)"
        )
        for name in args.only or MODULES:
            module = importlib.import_module(f"benchmarks.{name}")
            extra = {"rtt_ms": tuple(args.rtt_ms)} if name == "network" else {}
            for figure in module.run(path, **extra):
                print(figure.line(), flush=True)


if __name__ == "__main__":
    main()
