"""The windows show money only through pos_client.ui.money_text, which knows the store's currency.

The domain's formatters default to CNY. A window that imported them directly would show a
yen or Hong Kong dollar store's amounts as yuan, and no single screen test would notice.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "pos_client" / "ui"
FORMATTERS = {"format_money", "format_amount", "parse_amount", "format_receipt_money"}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def test_windows_format_money_through_the_store_currency() -> None:
    wrong = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "money_text.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("domain.money"):
                wrong += [f"{path.name}:{node.lineno} imports {a.name}" for a in node.names
                          if a.name in FORMATTERS]
            if isinstance(node, ast.Attribute) and node.attr in FORMATTERS \
                    and isinstance(node.value, ast.Name) and node.value.id == "money":
                wrong.append(f"{path.name}:{node.lineno} calls money.{node.attr}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and ("¥" in node.value or "￥" in node.value):
                wrong.append(f"{path.name}:{node.lineno} writes a yuan sign: {node.value[:40]!r}")
    assert not wrong, "\n".join(wrong)
