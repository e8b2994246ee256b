"""Only ui/ and app.py may import PySide6 (DESIGN.md: the layers)."""

from __future__ import annotations

import ast
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
