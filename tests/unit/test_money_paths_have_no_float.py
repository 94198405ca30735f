"""No float anywhere money is computed, stored or sent: checked over the source of every money path."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MONEY_PATHS = [
    "pos_client/domain/money.py", "pos_client/domain/cart.py", "pos_client/domain/sale.py",
    "pos_client/services/checkout.py", "pos_client/services/receipts.py", "pos_client/store/sales.py",
    "pos_client/store/catalog.py", "pos_client/store/changes.py", "pos_client/ui/payment_dialog.py",
    "pos_client/ui/cart_model.py", "sync/protocol.py", "central/events.py", "central/catalog.py",
    "central/models.py",
]


def float_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            found.append(f"{path.name}:{node.lineno} float literal {node.value}")
        elif isinstance(node, ast.Name) and node.id in ("float", "Float"):
            found.append(f"{path.name}:{node.lineno} {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr in ("Float", "REAL", "Numeric"):
            found.append(f"{path.name}:{node.lineno} {node.attr}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            found.append(f"{path.name}:{node.lineno} true division")
    return found


def test_money_paths_use_no_float() -> None:
    offences = [hit for rel in MONEY_PATHS for hit in float_uses(ROOT / rel)]
    assert offences == []
