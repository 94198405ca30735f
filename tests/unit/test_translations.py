"""Every user-visible string is translated to zh_CN with the same placeholders, and the .qm is current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "pos_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n")


def messages(path: Path) -> list[tuple[str, str, list[str], str | None]]:
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            out.append((name, msg.findtext("source") or "", forms, tr.get("type")))
    return out


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 50
    for context, source, forms, state in found:
        assert state is None, f"{context}: {source!r} is {state}"
        for form in forms:
            assert form.strip(), f"{context}: {source!r} has an empty translation"
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (
                f"{context}: placeholders differ in {source!r} -> {form!r}")


def test_the_ts_file_holds_every_string_in_the_code(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(BIN))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing from the environment")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "pos_client" / "ui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-no-obsolete", "-ts", str(copy)], check=True,
                   capture_output=True)
    untranslated = [(c, s) for c, s, _f, state in messages(copy) if state == "unfinished"]
    assert untranslated == [], "run pyside6-lupdate and translate these in pos_zh_CN.ts"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(BIN))
    assert lrelease is not None
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on pos_zh_CN.ts"


def test_chinese_translation_loads(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("CheckoutScreen", "F12 Pay") == "F12 收款"
        assert QCoreApplication.translate("Messages", "%n minute(s)", None, 5) == "5 分钟"
    finally:
        QCoreApplication.removeTranslator(translator)
