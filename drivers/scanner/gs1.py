"""The GS1 group separator (FNC1 in the data) and the substitute some scanners send instead.

Over a keyboard wedge the GS control character (0x1D) is lost or typed as a
configured stand-in; scanners can be set to send a printable substitute
(often `~` or `|`).  `restore_gs` turns that back into GS so GS1 parsing works.
"""

from __future__ import annotations

GS = "\x1d"


def restore_gs(data: str, substitute: str | None) -> str:
    if not substitute:
        return data
    return data.replace(substitute, GS)
