"""The layers stay apart: services/ never imports Qt; ui/ never imports the libraries that
talk to the network, the disk database, PDFs, crypto or the printer (STYLE.md, rule 1); no host
package imports another host's (what hosts share lives beside them in services/hosts/).
Every .py file is parsed, so an import hidden inside a function counts too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "services": {"PySide6", "shiboken6"},
    "ui": {"httpx", "sqlite3", "sqlite_utils", "reportlab", "cryptography", "escpos"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
              and getattr(node.func, "id", getattr(node.func, "attr", "")) in {"import_module", "__import__"}
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_forbidden_libraries(package: str):
    files = python_files(package)
    assert files, f"no Python files found under {package}/"
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[package])
        for path in files
    }
    offenders = {name: bad for name, bad in offenders.items() if bad}
    assert offenders == {}, f"{package}/ must not import {sorted(FORBIDDEN[package])}: {offenders}"


def test_the_checker_sees_imports_inside_functions(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import httpx\n    from PySide6.QtCore import Qt\n"
                      "    importlib.import_module('sqlite_utils.db')\n")
    assert imported_roots(sample) >= {"httpx", "PySide6", "sqlite_utils"}


HOSTS_DIR = ROOT / "services" / "hosts"


def imported_modules(path: Path) -> set[str]:
    """Every absolute module name a file imports, ``from a.b import c`` counted as ``a.b.c`` too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def host_packages() -> list[str]:
    """The packages of ``services/hosts/`` that are one host each (they declare a ``host.py``);
    the others (``snap``) and the modules beside them are shared."""
    return sorted(p.parent.name for p in HOSTS_DIR.glob("*/host.py"))


def test_no_host_package_imports_another_host():
    hosts = host_packages()
    assert {"bankplus", "switcher", "keagenan", "doku", "bca"} <= set(hosts)
    offenders = {}
    for name in hosts:
        for path in sorted((HOSTS_DIR / name).rglob("*.py")):
            others = {module for module in imported_modules(path) for other in hosts
                      if other != name and (module == f"services.hosts.{other}"
                                            or module.startswith(f"services.hosts.{other}."))}
            if others:
                offenders[str(path.relative_to(ROOT))] = sorted(others)
    assert offenders == {}, f"a host package imports another host's (shared code goes beside them): {offenders}"


def test_shared_host_modules_import_no_host():
    """What the hosts share (http, answers, SNAP signing) stays below every host; only the
    registry, which lists them, knows them all."""
    hosts = host_packages()
    shared = [p for p in HOSTS_DIR.rglob("*.py")
              if p.relative_to(HOSTS_DIR).parts[0] not in hosts and p.name != "registry.py"]
    offenders = {str(p.relative_to(ROOT)): sorted(m for m in imported_modules(p) for h in hosts
                                                  if m == f"services.hosts.{h}" or m.startswith(f"services.hosts.{h}."))
                 for p in shared}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_counter_knows_the_shell_only_through_its_protocol():
    """ui/counter.py uses the shell's public part (``CounterShell``); importing ui/shell.py
    from it would close the circle shell -> counter -> shell again."""
    assert not {m for m in imported_modules(ROOT / "ui" / "counter.py") if m.startswith("ui.shell")}
    assert "._screens" not in (ROOT / "ui" / "counter.py").read_text(encoding="utf-8")
    assert "._nav" not in (ROOT / "ui" / "counter.py").read_text(encoding="utf-8")


def test_ui_reads_errors_through_what_loket_error_declares():
    """``LoketError`` declares the message, reference, row, field and host code the presenter
    and the screens read: no ``getattr(exc, ...)`` guesses in ui/."""
    offenders = [str(path.relative_to(ROOT)) for path in python_files("ui")
                 if re.search(r"getattr\((exc|error|result\.error)\b", path.read_text(encoding="utf-8"))]
    assert offenders == []
