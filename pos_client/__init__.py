"""Offline-first point-of-sale client for omni-channel retail chains."""

__version__ = "0.1.0"
