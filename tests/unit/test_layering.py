"""The layers stay apart: services/ never imports Qt; ui/ never imports the libraries that
talk to the network, the disk database, PDFs, crypto or the printer (STYLE.md, rule 1).
Every .py file is parsed, so an import hidden inside a function counts too."""

from __future__ import annotations

import ast
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
