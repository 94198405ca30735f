"""Imports point one way (DESIGN.md): ui → services → domain; services → store, drivers, sync.

Checked two ways: statically over every module's imports, and by importing the
core packages in a process where Qt cannot be imported at all.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# package prefix -> prefixes it must never import
FORBIDDEN = {
    "pos_client.domain": ("PySide6", "sqlalchemy", "httpx", "fastapi", "pos_client.store",
                          "pos_client.services", "pos_client.ui", "sync", "drivers", "central"),
    "pos_client.store": ("PySide6", "httpx", "pos_client.services", "pos_client.ui", "sync",
                         "drivers", "central"),
    "pos_client.services": ("PySide6", "pos_client.ui", "central"),
    "sync": ("PySide6", "sqlalchemy", "pos_client", "drivers", "central"),
    "drivers": ("PySide6", "sqlalchemy", "pos_client", "sync", "central"),
    "central": ("PySide6", "pos_client.ui", "pos_client.services", "pos_client.store", "drivers"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    package = module_name(path).rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


def test_no_module_imports_a_higher_layer() -> None:
    offences = []
    for top in ("pos_client", "sync", "drivers", "central"):
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = module_name(path)
            for layer, banned in FORBIDDEN.items():
                if name == layer or name.startswith(layer + "."):
                    for imported in imports_of(path):
                        if any(imported == b or imported.startswith(b + ".") for b in banned):
                            offences.append(f"{name} imports {imported}")
    assert offences == []


def test_core_packages_import_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import pos_client.domain.money, pos_client.domain.cart, pos_client.domain.sale\n"
        "import pos_client.domain.barcodes, pos_client.domain.pins, pos_client.domain.identifiers\n"
        "import pos_client.services.till, pos_client.services.checkout, pos_client.cli\n"
        "import sync.engine, sync.scheduler, drivers.printer.printers, central.app, central.cli\n"
        "import drivers.registry, pos_client.services.devices, pos_client.services.customer_display\n"
        "import pos_client.services.rfid_basket, pos_client.devices_sim\n"
        "drivers.registry.default_registry()\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
