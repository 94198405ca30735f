"""Barcode scanners: serial/virtual-COM, keyboard wedge (its filter is in the UI), simulators."""
