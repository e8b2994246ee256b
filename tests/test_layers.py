"""The layers of DESIGN.md: only ui/ and app.py import PySide6, import contracts, cycles, size."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import kenshu_desk

PACKAGE = Path(kenshu_desk.__file__).parent
QT_ALLOWED = {"app.py"}


def _non_ui_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name in QT_ALLOWED or rel.name == "__main__.py":
            continue
        parts = ("kenshu_desk", *rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_no_pyside6_import_statements_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name in QT_ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""]
            else:
                continue
            if any(m.split(".")[0] in ("PySide6", "shiboken6") for m in mods):
                offenders.append(str(rel))
    assert offenders == []


def test_every_non_ui_module_imports_with_pyside6_blocked():
    modules = _non_ui_modules()
    assert "kenshu_desk.domain.models" in modules and "kenshu_desk.cli" in modules
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('PySide6 is blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# --- Contracts of DESIGN.md's layers (issue 17): import-linter, cycles, module size ---

SRC = PACKAGE.parent
LINE_LIMIT = 500
# Modules of pure data allowed past the limit: none (the demo data is resources/data/demo.json).
DATA_MODULES: set[str] = set()
# No module imports, directly or not, one that imports it back.
KNOWN_CYCLES: set[frozenset[str]] = set()


def test_import_contracts_hold():
    """Every layer rule of DESIGN.md as an import-linter contract (pyproject.toml)."""
    linter = Path(sys.executable).with_name("lint-imports")
    command = [str(linter)] if linter.exists() else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(
        [*command, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=SRC.parent,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
    # A contract that names a module that does not exist would keep nothing.
    assert result.stdout.count("KEPT") >= 6


def _cycles() -> set[frozenset[str]]:
    import grimp

    graph = grimp.build_graph("kenshu_desk")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    counter = 0

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in graph.modules:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w.removeprefix("kenshu_desk."))
                if w == v:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_new_import_cycle():
    cycles = _cycles()
    assert cycles - KNOWN_CYCLES == set(), "new import cycle"
    assert KNOWN_CYCLES - cycles == set(), "a cycle was broken: remove it from KNOWN_CYCLES"


def test_no_module_over_500_lines():
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    too_long = {
        name: n for name, n in sizes.items() if n > LINE_LIMIT and name not in DATA_MODULES
    }
    assert too_long == {}


def test_ui_opens_no_database_session():
    """Every read and write of the window is a service call (the services open the session,
    on a worker where the window runs it there); the import contract keeps SQLAlchemy out."""
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            if isinstance(func, ast.Attribute) and func.attr in ("session", "sessions"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_one_worker_abstraction():
    """Work off the GUI thread goes through ui/shell/workers.py (Task, TaskRunner) only."""
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "workers.py"
        and any(
            word in path.read_text(encoding="utf-8")
            for word in ("QRunnable", "QThreadPool", "QThread(", "threading.Thread(")
        )
    ]
    assert offenders == []
