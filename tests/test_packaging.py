"""packaging/: the bundle's layout, the desktop entry, the icons and the Windows installer script.

PyInstaller itself is not run here (minutes, and not a test dependency): packaging/build.py
builds and runs the real bundle by hand. These tests check the decisions the spec takes from
packaging/bundle_layout.py, and that the layout it produces is one the application finds its
resources and migrations in without any change to kenshu_desk.paths.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"

pytestmark = pytest.mark.slow


def _load_layout():
    spec = importlib.util.spec_from_file_location("bundle_layout", PACKAGING / "bundle_layout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = _load_layout()


# --- the bundle's contents -------------------------------------------------------------


def test_the_bundle_puts_resources_and_migrations_where_the_wheel_does():
    with (ROOT / "pyproject.toml").open("rb") as f:
        wheel = tomllib.load(f)["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert wheel == layout.DATA_DIRS


def test_data_files_hold_fonts_reference_data_icons_and_every_migration():
    pairs = layout.data_files()
    placed = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in pairs}
    for required in (
        ("resources/fonts/ipaexg.ttf", "kenshu_desk/resources/fonts"),
        ("resources/fonts/ipaexm.ttf", "kenshu_desk/resources/fonts"),
        ("resources/fonts/IPA_Font_License_Agreement_v1.0.txt", "kenshu_desk/resources/fonts"),
        ("resources/data/saitama_municipalities.csv", "kenshu_desk/resources/data"),
        ("resources/icons/kenshu-desk.svg", "kenshu_desk/resources/icons"),
        ("db/env.py", "kenshu_desk/db"),
        ("db/script.py.mako", "kenshu_desk/db"),
    ):
        assert required in placed
    migrations = sorted((ROOT / "db" / "versions").glob("*.py"))
    assert migrations
    for migration in migrations:
        assert (f"db/versions/{migration.name}", "kenshu_desk/db/versions") in placed
    assert not [s for s, _ in placed if "__pycache__" in s or s.endswith(".pyc")]


def test_compiled_translations_are_bundled_and_their_sources_are_not(tmp_path):
    for name in ("resources/fonts/a.ttf", "db/env.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    translations = tmp_path / "resources" / "translations"
    translations.mkdir()
    (translations / "kenshu_desk_ja.ts").write_text("<TS/>")
    (translations / "kenshu_desk_ja.qm").write_bytes(b"\x3c\xb8\x64\x18")
    (tmp_path / "db" / "__pycache__").mkdir()
    (tmp_path / "db" / "__pycache__" / "env.cpython-311.pyc").write_bytes(b"")

    names = {Path(src).name: dest for src, dest in layout.data_files(tmp_path)}
    assert names == {
        "a.ttf": "kenshu_desk/resources/fonts",
        "env.py": "kenshu_desk/db",
        "kenshu_desk_ja.qm": "kenshu_desk/resources/translations",
    }


def test_a_missing_resource_folder_stops_the_build(tmp_path):
    (tmp_path / "resources").mkdir()
    with pytest.raises(FileNotFoundError, match="db"):
        layout.data_files(tmp_path)


def _materialise_bundle(site: Path) -> None:
    """The package and its data files laid out as the spec lays them inside _internal/."""
    shutil.copytree(
        ROOT / "src" / "kenshu_desk",
        site / "kenshu_desk",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for source, destination in layout.data_files():
        target = site / destination
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    layout.write_dist_info(site, layout.project_version())


def test_the_program_finds_resources_migrations_and_version_in_the_bundle_layout(tmp_path):
    site = tmp_path / "_internal"
    _materialise_bundle(site)
    env = {k: v for k, v in os.environ.items() if k not in ("KENSHU_DESK_DB",)}
    env["PYTHONPATH"] = str(site)  # this layout only, not the checkout's src/
    env["KENSHU_DESK_DATA_DIR"] = str(tmp_path / "data")
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kenshu_desk, kenshu_desk.paths as p\n"
            "print(kenshu_desk.__file__); print(p.resources_dir()); print(p.migrations_dir())\n"
            "print(kenshu_desk.__version__)",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    package_file, resources, migrations, version = where.stdout.split("\n")[:4]
    assert Path(package_file).parent == site / "kenshu_desk"
    assert Path(resources) == site / "kenshu_desk" / "resources"
    assert Path(migrations) == site / "kenshu_desk" / "db"
    assert version == layout.project_version()

    # Alembic runs the migrations from the bundled db/ (files, not compiled modules).
    db = tmp_path / "bundle.sqlite3"
    demo = subprocess.run(
        [sys.executable, "-m", "kenshu_desk", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert demo.returncode == 0, demo.stderr
    assert "市町村 63 件" in demo.stdout


def test_the_entry_script_is_the_command_line():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, str(PACKAGING / "entry.py"), "--version"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("kenshu-desk ")


# --- what is left out --------------------------------------------------------------------


def test_every_installed_qt_module_but_the_six_the_application_uses_is_excluded():
    installed = layout.installed_qt_modules()
    assert installed >= layout.USED_QT_MODULES
    excluded = layout.qt_excludes(installed)
    assert not [m for m in excluded if m.removeprefix("PySide6.") in layout.USED_QT_MODULES]
    assert {f"PySide6.{m}" for m in installed - layout.USED_QT_MODULES} <= set(excluded)


def test_qt_excludes_from_a_given_installation():
    installed = set(layout.USED_QT_MODULES) | {"QtQml", "QtWebEngineCore", "Qt3DCore"}
    assert layout.qt_excludes(installed) == [
        "PySide6.Qt3DCore",
        "PySide6.QtQml",
        "PySide6.QtWebEngineCore",
        *layout.UNUSED_PYSIDE6_PACKAGES,
    ]
    with pytest.raises(RuntimeError, match="QtPdf"):
        layout.qt_excludes({"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"})


def test_test_suites_and_development_tools_stay_out():
    for name in (
        "tkinter",
        "test",
        "pytest",
        "hypothesis",
        "alembic.testing",
        "sqlalchemy.testing",
    ):
        assert name in layout.PYTHON_EXCLUDES
    assert not layout.wanted_module("icalendar.tests.test_fuzzing")
    assert not layout.wanted_module("alembic.testing.fixtures")
    assert not layout.wanted_module("jpholiday.test_holidays")
    assert layout.wanted_module("alembic.runtime.migration")
    assert layout.wanted_module("kenshu_desk.services.timetable.events")


@pytest.mark.parametrize(
    ("destination", "unused"),
    [
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        ("PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
    ],
)
def test_unused_qt_plugins(destination, unused):
    assert layout.is_unused_qt_plugin(destination) is unused


@pytest.mark.parametrize(
    ("destination", "unwanted"),
    [
        ("PySide6/Qt/translations/qtbase_ja.qm", False),
        ("PySide6/Qt/translations/qt_help_ja.qm", False),
        ("PySide6/Qt/translations/qtbase_en.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", True),
        ("PySide6\\translations\\qtbase_ko.qm", True),
        ("kenshu_desk/resources/translations/kenshu_desk_ja.qm", False),
        ("kenshu_desk/resources/translations/kenshu_desk_fr.qm", False),
    ],
)
def test_qt_translations_are_kept_for_japanese_and_english_only(destination, unwanted):
    assert layout.is_unwanted_qt_translation(destination) is unwanted


def test_pruning_drops_the_virtual_keyboard_and_the_qt_libraries_only_it_needed():
    links = {
        "/qt/QtWidgets.abi3.so": ["libQt6Widgets.so.6", "libc.so.6"],
        "/qt/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "/qt/libQt6Gui.so.6": ["libQt6Core.so.6", "libQt6DBus.so.6"],
        "/qt/libQt6DBus.so.6": ["libQt6Core.so.6"],
        "/qt/vkb.so": ["libQt6VirtualKeyboard.so.6", "libQt6Gui.so.6"],
        "/qt/libQt6VirtualKeyboard.so.6": ["libQt6Quick.so.6"],
        "/qt/libQt6Quick.so.6": ["libQt6Qml.so.6", "libQt6Gui.so.6"],
    }
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/qt/QtWidgets.abi3.so", "EXTENSION"),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
            "/qt/vkb.so",
            "BINARY",
        ),
        ("libffi.so.8", "/qt/libffi.so.8", "BINARY"),  # loaded by ctypes: not a Qt library, kept
    ] + [
        (f"PySide6/Qt/lib/{name}", f"/qt/{name}", "BINARY")
        for name in (
            "libQt6Widgets.so.6",
            "libQt6Gui.so.6",
            "libQt6Core.so.6",
            "libQt6DBus.so.6",
            "libQt6VirtualKeyboard.so.6",
            "libQt6Quick.so.6",
            "libQt6Qml.so.6",
        )
    ]
    kept = layout.prune_qt_libraries(binaries, lambda source: links.get(source, []))
    assert sorted(Path(d).name for d, _, _ in kept) == [
        "QtWidgets.abi3.so",
        "libQt6Core.so.6",
        "libQt6DBus.so.6",
        "libQt6Gui.so.6",
        "libQt6Widgets.so.6",
        "libffi.so.8",
    ]


def test_pruning_matches_windows_library_names_without_regard_to_case():
    binaries = [
        ("PySide6\\QtGui.pyd", "C:\\qt\\QtGui.pyd", "EXTENSION"),
        ("PySide6\\Qt6Gui.dll", "C:\\qt\\Qt6Gui.dll", "BINARY"),
        ("PySide6\\Qt6Core.dll", "C:\\qt\\Qt6Core.dll", "BINARY"),
        ("PySide6\\Qt6Quick.dll", "C:\\qt\\Qt6Quick.dll", "BINARY"),
    ]
    links = {"C:\\qt\\QtGui.pyd": ["QT6GUI.DLL"], "C:\\qt\\Qt6Gui.dll": ["qt6core.dll"]}
    kept = layout.prune_qt_libraries(binaries, lambda source: links.get(source, []))
    assert [PureWindowsPath(d).name for d, _, _ in kept] == [
        "QtGui.pyd",
        "Qt6Gui.dll",
        "Qt6Core.dll",
    ]


# --- the spec --------------------------------------------------------------------------


def test_the_spec_is_python_and_takes_its_decisions_from_the_layout_module():
    source = (PACKAGING / "kenshu-desk.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    called = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    for required in (
        "data_files",
        "write_dist_info",
        "qt_excludes",
        "installed_qt_modules",
        "is_unwanted_qt_translation",
        "prune_qt_libraries",
        "collect_submodules",
        "copy_metadata",
        "Analysis",
        "PYZ",
        "EXE",
        "COLLECT",
    ):
        assert required in called, required
    analysis = next(
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Analysis"
    )
    keywords = {k.arg: ast.unparse(k.value) for k in analysis.keywords}
    assert keywords["datas"] == "datas"
    assert keywords["excludes"] == "excludes"
    assert keywords["hiddenimports"] == "hiddenimports"
    assert "entry.py" in ast.unparse(analysis.args[0])
    assert "upx=True" not in source.replace(" ", "")


def test_windows_gets_a_windowed_program_and_a_console_one():
    assert layout.executable_names("win32") == {"gui": "kenshu-desk", "cli": "kenshu-desk-cli"}
    assert layout.executable_names("linux") == {"gui": "kenshu-desk", "cli": "kenshu-desk"}


# --- Linux desktop entry and icons -----------------------------------------------------

# Keys of the Desktop Entry Specification 1.4 for Type=Application.
KNOWN_KEYS = {
    "Type", "Version", "Name", "GenericName", "NoDisplay", "Comment", "Icon", "Hidden",
    "OnlyShowIn", "NotShowIn", "DBusActivatable", "TryExec", "Exec", "Path", "Terminal",
    "Actions", "MimeType", "Categories", "Implements", "Keywords", "StartupNotify",
    "StartupWMClass", "URL", "PrefersNonDefaultGPU", "SingleMainWindow",
}  # fmt: skip


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "linux" / "kenshu-desk.desktop", encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_the_desktop_entry_has_what_a_menu_needs():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "研修デスク"
    assert entry["Name[ja]"] == "研修デスク"
    assert entry["Comment"].isascii() and len(entry["Comment"]) > 20
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", entry["Comment[ja]"])
    assert entry["Exec"].split()[0] == layout.executable_names("linux")["gui"]
    assert entry["TryExec"] == entry["Exec"].split()[0]
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert (ICONS / f"{entry['Icon']}.svg").is_file()
    for key in entry:
        assert key.split("[")[0] in KNOWN_KEYS, key
        if key.split("[")[0] in ("Categories", "Keywords"):
            assert entry[key].endswith(";"), key


def test_the_desktop_entry_passes_desktop_file_validate_where_installed():
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [validate, str(PACKAGING / "linux" / "kenshu-desk.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_svg_icon_is_square_and_needs_no_font():
    root = ET.parse(ICONS / "kenshu-desk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    local_names = {element.tag.split("}")[-1] for element in root.iter()}
    assert not local_names & {"text", "tspan", "image", "use", "style", "script"}


def _png_header(path: Path) -> tuple[int, int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, colour_type = struct.unpack(">IIBB", data[16:26])
    return width, height, colour_type


@pytest.mark.parametrize("size", [48, 128, 256])
def test_png_icons_have_their_size_and_transparency(size):
    path = ICONS / f"kenshu-desk-{size}.png"
    assert _png_header(path) == (size, size, 6)  # 6: RGBA
    assert path.stat().st_size < 20_000


def test_the_windows_icon_holds_small_and_large_images():
    data = (ICONS / "kenshu-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}  # width byte; 0 means 256
    assert {16, 32, 48, 256} <= sizes


# --- Windows installer -----------------------------------------------------------------


def _inno_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def test_the_inno_setup_script_installs_the_bundle_per_user_in_japanese_or_english():
    iss = PACKAGING / "windows" / "kenshu-desk.iss"
    raw = iss.read_bytes()
    text = raw.decode("utf-8")  # Inno Setup 6.3+ reads UTF-8
    sections = _inno_sections(text)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppVersion"] == "{#AppVersion}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}\}", setup["AppId"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["DefaultDirName"].startswith("{autopf}")
    icon = iss.parent / Path(*PureWindowsPath(setup["SetupIconFile"]).parts)
    assert icon.resolve() == (ICONS / "kenshu-desk.ico").resolve()
    assert "#ifndef AppVersion" in text and "#error" in text

    languages = " ".join(sections["Languages"])
    assert 'Name: "japanese"; MessagesFile: "compiler:Languages\\Japanese.isl"' in languages
    assert 'Name: "english"; MessagesFile: "compiler:Default.isl"' in languages
    messages = dict(line.split("=", 1) for line in sections["CustomMessages"])
    assert messages["japanese.AppName"] == "研修デスク"
    assert {"english.AppName", "japanese.AppComment", "english.AppComment"} <= set(messages)

    names = layout.executable_names("win32")
    files = "\n".join(sections["Files"])
    assert f'#define AppExeName "{names["gui"]}.exe"' in text
    assert f'#define CliExeName "{names["cli"]}.exe"' in text
    assert "{#AppExeName}" in files and "{#CliExeName}" in files
    assert "_internal\\*" in files and "recursesubdirs" in files
    assert any(line.startswith('Name: "{autoprograms}') for line in sections["Icons"])
    assert any("{app}\\_internal" in line for line in sections["InstallDelete"])
    assert "UninstallDelete" not in sections  # the user's data is not the installer's to remove
