"""A 2x20 pole display over a real pseudo-terminal, both command sets, Chinese widths."""

from __future__ import annotations

import pytest

from drivers.display.pole import commands, pole_lines, two_line
from drivers.interfaces import DeviceKind, DisplayContent
from drivers.printer.textwidth import cell_width
from drivers.registry import DeviceContext, default_registry
from drivers.urls import DeviceUrlError

WATER = DisplayContent(line="农夫山泉 天然饮用水 550ml", amount="2.00", total="28.90",
                       line_en="Nongfu Spring 550ml")


@pytest.mark.parametrize("mode", ["epson", "cd5220"])
def test_the_simulated_display_shows_line_and_total(mode, tmp_path):
    display = default_registry().open(DeviceKind.DISPLAY, f"sim://display?mode={mode}",
                                      DeviceContext(tmp_path))
    try:
        display.show(WATER)
        upper, lower = display.simulator.wait(1)
    finally:
        display.close()
    assert upper == "Nongfu Spring   2.00"  # ascii display: the English name
    assert lower == "TOTAL          28.90"


def test_a_chinese_display_gets_the_chinese_name_cut_at_two_cells_a_character(tmp_path):
    display = default_registry().open(DeviceKind.DISPLAY, "sim://display?encoding=gb18030",
                                      DeviceContext(tmp_path))
    try:
        display.show(WATER)
        upper, lower = display.simulator.wait(1)
    finally:
        display.close()
    assert upper.startswith("农夫山泉") and upper.endswith("2.00") and cell_width(upper) == 20
    assert lower.startswith("合计") and cell_width(lower) == 20


def test_layout_pieces():
    assert two_line("abc", "1.00", 10) == "abc   1.00"
    assert two_line("abcdefghij", "1.00", 10) == "abcde 1.00"
    assert pole_lines(DisplayContent()) == (" " * 20, " " * 20)
    assert commands("a", "b", "cd5220", "ascii") == b"\x0c\x1bQAa\r\x1bQBb\r"


def test_bad_display_options(tmp_path):
    with pytest.raises(DeviceUrlError, match="mode="):
        default_registry().open(DeviceKind.DISPLAY, "serial:///dev/ttyS0?mode=fancy", DeviceContext(tmp_path))
