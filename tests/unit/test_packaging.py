"""build.spec and the installer script agree with the tree they package.

The frozen ``--self-test`` in .ci/windows.sh finds a missing module or a data file the
self-test happens to read; these find, in a second, a data file nobody told the spec about
(a helper adds ``services/x/data/y.json``; the bundle would ship without it) and a drift
between the spec, the installer script and app/version.py. build.spec is executed here
with stand-ins for PyInstaller's build steps that record what it asks for.
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from PyInstaller.utils import hooks

from app.version import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "ui", "services")
NOT_RUNTIME_DATA = {".py", ".pyc", ".md"}


class Recorded:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT and keeps the arguments."""

    built: list["Recorded"] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.datas = list(kwargs.get("datas", []))
        self.binaries, self.pure, self.scripts = [], [], []
        Recorded.built.append(self)


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    Recorded.built = []
    patch = pytest.MonkeyPatch()
    # Hidden imports are not what these tests look at; finding them imports every package.
    patch.setattr(hooks, "collect_submodules", lambda package: [])
    try:
        namespace = runpy.run_path(str(ROOT / "build.spec"), init_globals={
            "SPECPATH": str(ROOT), "Analysis": Recorded, "PYZ": Recorded, "EXE": Recorded, "COLLECT": Recorded,
        })
    finally:
        patch.undo()
    return namespace


def collected_sources(spec) -> set[Path]:
    return {Path(source).resolve() for source, _ in spec["a"].datas}


def test_every_data_file_inside_the_packages_is_collected(spec):
    collected = collected_sources(spec)
    data_files = {
        path.resolve()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_file() and path.suffix not in NOT_RUNTIME_DATA and "__pycache__" not in path.parts
    }
    missing = sorted(str(path.relative_to(ROOT)) for path in data_files - collected)
    assert not missing, f"add these to build.spec's resource_datas(): {missing}"


def test_resources_keep_their_paths_and_installer_files_stay_out(spec):
    placed = {Path(source).resolve(): Path(dest) for source, dest in spec["a"].datas}
    icon = (ROOT / "resources" / "icons" / "loket.png").resolve()
    assert placed[icon] == Path("resources/icons")
    assert not [source for source in placed if (ROOT / "resources" / "windows") in source.parents]
    assert not [source for source in placed if source.suffix in {".ts", ".py", ".nsi"}]


def test_one_folder_with_a_windowed_and_a_console_executable(spec):
    executables = {exe.kwargs["name"]: exe.kwargs for exe in Recorded.built if "console" in exe.kwargs}
    assert executables["Loket"]["console"] is False
    assert executables["loket-debug"]["console"] is True
    assert all(kwargs["exclude_binaries"] for kwargs in executables.values())
    (collect,) = [built for built in Recorded.built
                  if built.kwargs.get("name") == "Loket" and "console" not in built.kwargs]
    assert len(collect.args) == 4  # both executables, binaries, datas


def test_spec_installer_and_app_share_the_version_and_the_icon(spec):
    assert spec["VERSION"] == __version__
    assert spec["ICON"].is_file()
    nsi = (ROOT / "resources" / "windows" / "loket.nsi").read_text(encoding="utf-8")
    icon = re.search(r'!define ICON "\$\{__FILEDIR__\}\\(.+)"', nsi).group(1)
    assert (ROOT / "resources" / "windows" / icon.replace("\\", "/")).resolve() == spec["ICON"].resolve()
    assert 'OutFile "${OUTDIR}\\Loket-Setup-${VERSION}.exe"' in nsi


def test_unused_qt_modules_are_excluded_and_used_ones_are_not(spec):
    excludes = set(spec["a"].kwargs["excludes"])
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtCharts",
            "PySide6.Qt3DCore", "PySide6.QtMultimedia", "PySide6.QtSql", "PySide6.QtTest"} <= excludes
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} & excludes


def test_reportlab_accelerator_is_a_hidden_import_of_the_bundle():
    """reportlab names ``_rl_accel`` only in a string it executes; the hook folder the spec
    passes must name it, or the bundle ships without it."""
    import reportlab.lib.rl_accel as interface

    assert "from _rl_accel import" in Path(interface.__file__).read_text()
    hook = runpy.run_path(str(ROOT / "resources" / "windows" / "pyinstaller-hooks" / "hook-reportlab.lib.rl_accel.py"))
    assert hook["hiddenimports"] == ["_rl_accel"]
    assert any(re.match(r'\s*"rl-accel', line) for line in (ROOT / "pyproject.toml").read_text().splitlines())
