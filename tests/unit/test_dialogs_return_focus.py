"""Every modal dialog in ui/ runs through ui/dialogs.py (``run_modal``, ``open_modal``) or
inside ``focus_returns``: that is what gives the keyboard back to the main window when it
closes (tests/ui/test_dialog_focus.py). A dialog run with its own ``exec()`` would leave the
agent's keys going nowhere again. Every .py file under ui/ is parsed."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "ui" / "dialogs.py"
QT_PROMPTS = {"QFileDialog", "QInputDialog", "QMessageBox", "QColorDialog", "QFontDialog"}


def runs_a_dialog(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in {"exec", "exec_", "open"} and not call.args and not call.keywords:
        return True  # dialog.exec(), dialog.open()
    return isinstance(func.value, ast.Name) and func.value.id in QT_PROMPTS  # QFileDialog.getOpenFileName(...)


def inside_focus_returns(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.With):
            for item in node.items:
                expr = item.context_expr
                if isinstance(expr, ast.Call) and getattr(expr.func, "id", getattr(expr.func, "attr", "")) \
                        == "focus_returns":
                    return True
    return False


def offenders(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return sorted((f"{name}:{node.lineno}" for node in ast.walk(tree)
                   if isinstance(node, ast.Call) and runs_a_dialog(node) and not inside_focus_returns(node, parents)),
                  key=lambda where: int(where.rsplit(":", 1)[1]))


def test_every_dialog_in_ui_gives_the_keyboard_back():
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert RUNNER in files
    found = [where for path in files if path != RUNNER
             for where in offenders(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == [], f"run these dialogs with ui.dialogs.run_modal / open_modal / focus_returns: {found}"


def test_the_check_sees_a_dialog_run_on_its_own():
    sample = ("def ask(box, parent, shell):\n"
              "    box.exec()\n"
              "    QFileDialog.getOpenFileName(parent)\n"
              "    shell.open('home')\n"
              "    with focus_returns(parent):\n"
              "        QFileDialog.getOpenFileName(parent)\n")
    assert offenders(sample, "sample.py") == ["sample.py:2", "sample.py:3"]
