"""Retail rules in plain Python: no Qt, no SQL, no I/O, so they are tested without a display."""
