"""Build the one-folder bundle with PyInstaller, then run the bundled program headless.

    python packaging/build.py              # build into build/ and dist/, then check
    python packaging/build.py --no-build   # only check an existing dist/kenshu-desk

Run it with the Python of the environment the application is installed in (its dependencies
are what gets bundled); PyInstaller is installed into that environment when missing. The
checks run the bundled program, not the source: `--version`, `demo` into a temporary database,
`events --json`, `agenda EVENT_ID -o agenda.pdf` when this build has the agenda command, and
the window starting on Qt's offscreen platform. Prints the bundle's size and the time taken;
exits non-zero when the build or a check fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_layout as layout

ROOT = layout.ROOT
SPEC = ROOT / "packaging" / "kenshu-desk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / layout.APP_NAME
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10"
# How long the window must stay up on the offscreen platform to count as started.
GUI_START_SECONDS = 10
# Qt messages that the offscreen platform prints and that say nothing about the bundle.
HARMLESS_QT_MESSAGES = ("This plugin does not support", "propagateSizeHints")


class CheckFailed(Exception):
    pass


def step(message: str) -> None:
    print(f"== {message}", flush=True)


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    step(f"installing {PYINSTALLER_REQUIREMENT} into {sys.prefix}")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", PYINSTALLER_REQUIREMENT], check=True
    )


def compile_translations() -> None:
    """resources/translations/*.ts -> .qm (the .qm are build output, never committed)."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        print("   no translations (resources/translations/*.ts) yet: none bundled")
        return
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    for ts in sources:
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"   {ts.with_suffix('.qm').relative_to(ROOT)}")


def build() -> None:
    env = dict(os.environ)
    # The checkout's own code, whatever else is installed in the environment.
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def program(kind: str) -> Path:
    name = layout.executable_names()[kind]
    if sys.platform == "win32":
        name += ".exe"
    path = BUNDLE / name
    if not path.is_file():
        raise CheckFailed(f"{path} is missing: build first")
    return path


def clean_environment(data_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "KENSHU_DESK_DB", "VIRTUAL_ENV")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KENSHU_DESK_DATA_DIR"] = str(data_dir)
    return env


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def expect_success(what: str, result: subprocess.CompletedProcess[str]) -> str:
    if result.returncode != 0:
        raise CheckFailed(
            f"{what} exited {result.returncode}\n--- stdout\n{result.stdout}\n"
            f"--- stderr\n{result.stderr}"
        )
    return result.stdout


def check_agenda_pdf(pdf: Path, event: dict) -> str:
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 1000:
        raise CheckFailed(f"{pdf} is not a PDF ({len(data)} bytes)")
    try:
        from pypdf import PdfReader
    except ImportError:
        return f"{len(data)} bytes (pypdf not installed: contents not read back)"
    reader = PdfReader(str(pdf))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")))
    title = "".join(str(event["title"]).split())
    if title[:8] not in "".join(text.split()):
        raise CheckFailed(f"the agenda does not show the event title {event['title']!r}")
    if not any("IPAex" in f for f in fonts):
        raise CheckFailed(f"the agenda does not embed the bundled IPAex font: {sorted(fonts)}")
    return f"{len(reader.pages)} page(s), {len(data)} bytes, fonts {sorted(fonts)}"


def check_window_starts(exe: Path, db: Path, env: dict[str, str], cwd: Path) -> str:
    """The window on the offscreen platform: still running after a while, no error printed."""
    process = subprocess.Popen(
        [str(exe), "--db", str(db)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=GUI_START_SECONDS)
    except subprocess.TimeoutExpired:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
        problems = [
            line
            for line in stderr.splitlines()
            if line.strip() and not any(h in line for h in HARMLESS_QT_MESSAGES)
        ]
        if problems:
            raise CheckFailed("the window started but printed:\n" + "\n".join(problems)) from None
        return f"still running after {GUI_START_SECONDS} s with nothing on stderr; stopped"
    stdout, stderr = process.communicate()
    raise CheckFailed(
        f"the window exited at once with status {process.returncode}\n{stdout}\n{stderr}"
    )


def check_bundle() -> None:
    cli, gui = program("cli"), program("gui")
    version = layout.project_version()
    with tempfile.TemporaryDirectory(prefix="kenshu-desk-bundle-") as tmp_name:
        tmp = Path(tmp_name)
        env = clean_environment(tmp / "data")
        db = tmp / "demo.sqlite3"

        out = expect_success("--version", run([str(cli), "--version"], env, tmp)).strip()
        if out != f"kenshu-desk {version}":
            raise CheckFailed(f"--version printed {out!r}, expected 'kenshu-desk {version}'")
        print(f"   --version: {out}")

        out = expect_success("demo", run([str(cli), "--db", str(db), "demo"], env, tmp))
        print(f"   demo: {out.strip()}")

        out = expect_success(
            "events --json", run([str(cli), "--db", str(db), "events", "--json"], env, tmp)
        )
        events = json.loads(out)
        if not events:
            raise CheckFailed("events --json listed no events after demo")
        print(f"   events --json: {len(events)} events")

        probe = run([str(cli), "agenda", "--help"], env, tmp)
        if probe.returncode == 2 and "invalid choice" in probe.stderr:
            print("   agenda: not a command in this build yet — skipped")
        else:
            expect_success("agenda --help", probe)
            event = next((e for e in events if e.get("programme")), events[0])
            pdf = tmp / "agenda.pdf"
            expect_success(
                "agenda",
                run(
                    [str(cli), "--db", str(db), "agenda", str(event["id"]), "-o", str(pdf)],
                    env,
                    tmp,
                ),
            )
            print(f"   agenda {event['id']}: {check_agenda_pdf(pdf, event)}")

        print(f"   window: {check_window_starts(gui, db, env, tmp)}")

    written = sorted(str(p.relative_to(BUNDLE)) for p in BUNDLE.rglob("__pycache__"))
    if written:
        raise CheckFailed(f"running the program wrote into the bundle: {written}")


def bundle_size() -> tuple[int, int]:
    files = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check an existing bundle only")
    args = parser.parse_args(argv)
    build_seconds = 0.0
    try:
        if not args.no_build:
            ensure_pyinstaller()
            step("translations")
            compile_translations()
            step(f"PyInstaller {SPEC.relative_to(ROOT)} -> {BUNDLE.relative_to(ROOT)}")
            started = time.perf_counter()
            build()
            build_seconds = time.perf_counter() - started
        step("running the bundled program (QT_QPA_PLATFORM=offscreen)")
        started = time.perf_counter()
        check_bundle()
        check_seconds = time.perf_counter() - started
    except subprocess.CalledProcessError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    size, count = bundle_size()
    step("result")
    print(f"   bundle: {BUNDLE.relative_to(ROOT)}, {size / 2**20:.1f} MiB in {count} files")
    if shutil.which("du"):
        du = subprocess.run(["du", "-sh", str(BUNDLE)], capture_output=True, text=True)
        print(f"   du -sh: {du.stdout.split()[0] if du.stdout else '?'}")
    if build_seconds:
        print(f"   build: {build_seconds:.0f} s")
    print(f"   checks: {check_seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
