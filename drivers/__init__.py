"""Store devices behind one interface per kind, with simulators over real transports (no Qt)."""
