"""Fill the unfinished messages of a Qt .ts file from a JSON object {source text: translation}.

    .venv/bin/pyside6-lupdate pos_client/ui/*.py -no-obsolete -ts resources/translations/pos_zh_CN.ts
    .venv/bin/python scripts/fill_translations.py resources/translations/pos_zh_CN.ts new.json
    .venv/bin/pyside6-lupdate ... (again: it rewrites the file in its own layout)
    .venv/bin/pyside6-lrelease resources/translations/pos_zh_CN.ts -qm resources/translations/pos_zh_CN.qm

Prints the sources still unfinished, so none is shipped half-translated by accident.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts: str, mapping_file: str) -> int:
    with open(mapping_file, encoding="utf-8") as f:
        mapping = json.load(f)
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            if source in mapping:
                translation.text = mapping[source]
                del translation.attrib["type"]
            else:
                missing.append(source)
    with open(ts, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
    for source in missing:
        print(f"still unfinished: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
