"""PyInstaller runtime hook: pyzbar finds the libzbar the bundle carries, not the system's.

pyzbar looks the library up with ctypes.util.find_library("zbar"), which on a machine
without libzbar0 finds nothing; the bundle's copy sits next to the other libraries.
"""

import ctypes.util
import glob
import os
import sys

_find_library = ctypes.util.find_library


def _bundled_first(name):
    if name == "zbar":
        base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
        for pattern in ("libzbar.so*", "libzbar*.dll", "libzbar*.dylib"):
            found = sorted(glob.glob(os.path.join(base, pattern)))
            if found:
                return found[0]
    return _find_library(name)


ctypes.util.find_library = _bundled_first
