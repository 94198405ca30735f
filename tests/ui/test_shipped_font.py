"""Chinese renders from the font the till ships, also on a machine with no CJK font at all."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QRawFont

from pos_client.ui.fonts import FONTS

ROOT = Path(__file__).resolve().parents[2]
FONT = FONTS / "NotoSansSC-Subset.otf"

PROBE = r"""
import json, sys
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter, QColor
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
before = [f for f in QFontDatabase.families() if "CJK" in f or "SC" in f or "Hei" in f]
from pos_client.ui.fonts import register_shipped_fonts
families = register_shipped_fonts()
font = QFont(); font.setFamilies(families); font.setPixelSize(24)
text = sys.argv[1]
metrics = QFontMetrics(font)
missing = [c for c in text if not metrics.inFontUcs4(ord(c))]
label = QLabel(text); label.setFont(font); label.adjustSize()
def glyph(ch):
    img = QImage(32, 32, QImage.Format.Format_Grayscale8); img.fill(QColor("white"))
    p = QPainter(img); p.setFont(font); p.setPen(QColor("black")); p.drawText(2, 26, ch); p.end()
    return bytes(img.constBits())
shapes = {glyph(c) for c in text}
ink = sum(1 for b in glyph(text[0]) if b < 128)
print(json.dumps({"before": before, "families": families, "missing": missing, "distinct": len(shapes),
                  "ink": ink, "width": label.width()}))
"""


def test_every_character_of_the_translations_is_in_the_shipped_font(qapp) -> None:
    raw = QRawFont(str(FONT), 16)
    assert raw.isValid()
    ts = (ROOT / "resources" / "translations" / "pos_zh_CN.ts").read_text("utf-8")
    translated = "".join(re.findall(r"<translation[^>]*>(.*?)</translation>", ts, re.S))
    hanzi = set(re.findall(r"[\u3400-\u9fff]", translated))
    assert len(hanzi) > 300
    assert sorted(c for c in hanzi if not raw.supportsCharacter(ord(c))) == []
    assert (FONTS / "OFL.txt").read_text("utf-8").count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_chinese_renders_as_glyphs_without_any_system_font(tmp_path: Path) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    text = "收银台现金找零会员积分"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "FONTCONFIG_FILE": str(conf), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROBE, text], env=env, capture_output=True, text=True,
                         timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] == [], "the probe must see no system CJK font"
    assert result["families"] == ["Noto Sans SC Subset"]
    assert result["missing"] == []
    assert result["distinct"] == len(text), "each character its own shape, not the same empty box"
    assert result["ink"] > 20 and result["width"] > 100
