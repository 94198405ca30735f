"""Store ↔ central sync: the wire contract and the client engine (no Qt, no SQL)."""
