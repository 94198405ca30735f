"""Make resources/fonts/NotoSansSC-Subset.otf: the Chinese font the till ships (OFL 1.1).

A till without a system CJK font still shows Chinese: the app registers this font at start.
The subset holds every character of the zh_CN translations and the demo data, GB2312's
3,755 level-1 (most common) hanzi, CJK and full-width punctuation, and Latin. It is
renamed so it never shadows a full Noto CJK install.

Source: the Debian package fonts-noto-cjk (`apt-get install fonts-noto-cjk`), face SC.
Run when translations change: `.venv/bin/python scripts/make_font_subset.py` (needs fonttools).
"""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LICENSE = Path("/usr/share/doc/fonts-noto-cjk/copyright")
OUT = ROOT / "resources" / "fonts" / "NotoSansSC-Subset.otf"
FAMILY = "Noto Sans SC Subset"


def gb2312_level1() -> str:
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes([hi, lo]).decode("gb2312"))
    return "".join(chars)


def project_text() -> str:
    texts = [p.read_text("utf-8") for p in (ROOT / "resources" / "translations").glob("*.ts")]
    for folder in ("central", "pos_client"):
        texts += [p.read_text("utf-8") for p in (ROOT / folder).rglob("*.py")]
    return "".join(texts)


def wanted() -> str:
    latin = "".join(chr(c) for c in range(0x20, 0x7F)) + "¥×÷·—–…‘’“”°±€£"
    punct = "".join(chr(c) for c in range(0x3000, 0x3040)) + "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    cjk = set(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", project_text()))
    return "".join(sorted(set(latin + punct + gb2312_level1()) | cjk))


def ofl_text(debian_copyright: str) -> str:
    """The font's copyright line and the SIL OFL 1.1 text, out of Debian's copyright file."""
    start = debian_copyright.index("License: SIL-1.1\n ---")
    end = debian_copyright.index("\nLicense: GPL-3+", start)
    body = [line[1:] if line.startswith(" ") else line
            for line in debian_copyright[start:end].splitlines()[1:]]
    body = ["" if line == "." else line for line in body]
    head = (f"{FAMILY} (resources/fonts/NotoSansSC-Subset.otf) is a subset of Noto Sans CJK SC,\n"
            "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
            "Noto is a trademark of Google Inc. Subset and renamed by this project (a Modified\n"
            "Version under the licence below); made by scripts/make_font_subset.py.\n\n")
    return head + "\n".join(body).strip() + "\n"


def main() -> int:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    if not SOURCE.exists():
        print(f"{SOURCE} is missing: sudo apt-get install -y fonts-noto-cjk", file=sys.stderr)
        return 1
    collection = TTCollection(str(SOURCE))
    index = next(i for i, f in enumerate(collection.fonts) if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    font = collection.fonts[index]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    text = wanted()
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 16):
            names.setName(FAMILY, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 4:
            names.setName(f"{FAMILY} Regular", 4, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            names.setName("NotoSansSCSubset-Regular", 6, rec.platformID, rec.platEncID, rec.langID)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    if LICENSE.exists():
        (OUT.parent / "OFL.txt").write_text(ofl_text(LICENSE.read_text("utf-8")), "utf-8")
    print(f"{OUT}: {len(text)} characters, {OUT.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
