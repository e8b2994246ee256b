"""Regenerate resources/translations/kenshu_desk_{ja,en}.ts from the source code.

Japanese is the source language of kenshu-desk: the strings in the code are the Japanese UI.
  * kenshu_desk_en.ts carries the English translation of every string;
  * kenshu_desk_ja.ts exists for the translation toolchain (and the issue's contract): each entry is
    finished with the source text itself, so a Japanese catalogue is never "unfinished".

pyside6-lupdate extracts self.tr("…") and QCoreApplication.translate("Ctx", "…"). It cannot see
strings passed through a helper (`_tr(text)`) or listed in a HEADERS tuple, nor resolve aliases such
as `tr = self.tr` or `window.tr(...)`; those are collected here with the ast module. Every string is
written once, in the one context "": the application's translator looks every string up there by
its source text, whatever context Qt passes (ui/shell/i18n.py), so a string used by several
classes is translated once.

Existing English translations are kept; new ones are taken from tools/english.py.

    python tools/update_translations.py [--check]
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "src" / "kenshu_desk"
TS_DIR = ROOT / "resources" / "translations"
FALLBACK_CONTEXT = ""  # the one context: every string, by source text


def lupdate_executable() -> str:
    for name in ("pyside6-lupdate", "lupdate"):
        beside = Path(sys.executable).with_name(name)
        if beside.exists():
            return str(beside)
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("pyside6-lupdate が見つかりません (pip install PySide6-Essentials)")


NUMERUS: set[str] = set()  # %n messages (filled from lupdate's output)


def lupdate_messages() -> dict[str, list[str]]:
    """context → source strings, as pyside6-lupdate extracts them."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "probe.ts"
        subprocess.run(
            [
                lupdate_executable(),
                "-silent",
                "-extensions",
                "py",
                "-no-obsolete",
                "-locations",
                "none",
                # Only the window speaks through Qt: the command line's tr(ja, en) is its own.
                str(SOURCE_DIR / "ui"),
                str(SOURCE_DIR / "app.py"),
                "-ts",
                str(ts),
            ],
            check=True,
        )
        tree = ET.parse(ts)
    result: dict[str, list[str]] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        sources = result.setdefault(name, [])
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes":
                NUMERUS.add(source)
            if source not in sources:
                sources.append(source)
    return result


def _string_args(node: ast.Call) -> list[str]:
    return [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def helper_strings() -> list[str]:
    """Literals lupdate cannot see: `_tr("…")` helper calls and HEADERS tuples in ui/."""
    found: list[str] = []
    for path in sorted((SOURCE_DIR / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "_tr":
                    found.extend(_string_args(node)[:1])
            elif (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Tuple)
                and any(isinstance(t, ast.Name) and t.id == "HEADERS" for t in node.targets)
            ):
                found.extend(
                    e.value
                    for e in node.value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                )
    return list(dict.fromkeys(s for s in found if s))


def catalogue() -> dict[str, list[str]]:
    """What the .ts files hold: every string of the program once, in the one context."""
    extracted = lupdate_messages()
    every = [s for sources in extracted.values() for s in sources] + helper_strings()
    return {FALLBACK_CONTEXT: list(dict.fromkeys(every))}


def existing_translations(path: Path) -> dict[str, str | tuple[str, ...]]:
    if not path.exists():
        return {}
    out: dict[str, str | tuple[str, ...]] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None:
            continue
        forms = tuple(f.text or "" for f in translation.iter("numerusform"))
        text = forms if forms else translation.text
        if text and all(text):
            out[message.findtext("source") or ""] = text
    return out


def write_ts(path: Path, language: str, contexts: dict[str, list[str]], translate) -> list[str]:  # type: ignore[no-untyped-def]
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="ja")
    missing = []
    for name, sources in contexts.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in sources:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            text = translate(source)
            translation = ET.SubElement(message, "translation")
            if source in NUMERUS:
                message.set("numerus", "yes")
                forms = text if isinstance(text, tuple) else (text,) if text else ()
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            elif text:
                translation.text = text
            if not text:
                translation.set("type", "unfinished")
                missing.append(source)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return sorted(set(missing))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="print untranslated strings")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tools"))
    from english import ENGLISH  # type: ignore[import-not-found]

    TS_DIR.mkdir(parents=True, exist_ok=True)
    contexts = catalogue()
    en_path = TS_DIR / "kenshu_desk_en.ts"
    known = existing_translations(en_path) | ENGLISH
    missing = write_ts(en_path, "en", contexts, known.get)
    write_ts(TS_DIR / "kenshu_desk_ja.ts", "ja", contexts, lambda s: s)
    total = len(contexts[FALLBACK_CONTEXT])
    print(f"{total} source strings; {len(missing)} without an English translation")
    if args.missing:
        for source in missing:
            print(repr(source))
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
