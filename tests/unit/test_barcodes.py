"""Classifying scanned or typed codes before the catalog is asked about them."""

import re

import biip
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pos_client.domain.barcodes import (
    MAX_CODE_LENGTH,
    CodeKind,
    MalformedCode,
    ScannedCode,
    classify,
    gtin_lookup_keys,
)

REASONS = {"empty", "garbled", "length", "check_digit"}
GTIN_LENGTHS = (8, 12, 13, 14)


def gs1_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit, computed here independently of the module under test."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def test_own_check_digit_matches_known_codes():
    assert gs1_check_digit("690123456789") == "2"
    assert gs1_check_digit("03600029145") == "2"
    assert gs1_check_digit("9638507") == "4"


@pytest.mark.parametrize(
    "code",
    ["6901234567892", "4006381333931", "9780306406157", "96385074", "036000291452", "00012345600012"],
)
def test_valid_gtins(code):
    assert classify(code) == ScannedCode(CodeKind.GTIN, code)


def test_scanner_suffix_and_spaces_are_stripped():
    assert classify("6901234567892\r\n") == ScannedCode(CodeKind.GTIN, "6901234567892")
    assert classify("  96385074\t") == ScannedCode(CodeKind.GTIN, "96385074")


@pytest.mark.parametrize("code", ["6901234567893", "4006381333932", "036000291453", "96385075",
                                  "00012345600013"])
def test_wrong_check_digit_is_refused_with_reason(code):
    with pytest.raises(MalformedCode) as info:
        classify(code)
    assert info.value.reason == "check_digit"
    assert info.value.code == code


@pytest.mark.parametrize("code", ["1", "12345", "1234567", "123456789", "12345678901", "123456789012345"])
def test_digit_strings_of_non_gtin_length(code):
    with pytest.raises(MalformedCode) as info:
        classify(code)
    assert info.value.reason == "length"


@pytest.mark.parametrize("code", ["", "   ", "\r\n", "\t"])
def test_empty(code):
    with pytest.raises(MalformedCode) as info:
        classify(code)
    assert info.value.reason == "empty"


@pytest.mark.parametrize(
    "code",
    ["A" * (MAX_CODE_LENGTH + 1), "ABC\x00", "690123\x1b4567892", "农夫山泉", "1-2", "A", "-ABC",
     "AB CD", "SKU#1", "A" * 33],
)
def test_garbled(code):
    with pytest.raises(MalformedCode) as info:
        classify(code)
    assert info.value.reason == "garbled"


@pytest.mark.parametrize(
    ("raw", "value"),
    [("sku-001", "SKU-001"), (" ab12 ", "AB12"), ("Z9", "Z9"), ("a.b_c", "A.B_C"), ("A" * 32, "A" * 32)],
)
def test_internal_codes_are_upper_cased(raw, value):
    assert classify(raw) == ScannedCode(CodeKind.INTERNAL, value)


@pytest.mark.parametrize(
    "raw",
    [
        "９６３８５０７４",  # full-width digits: a keyboard-wedge scanner behind a Chinese IME
        "٩٦٣٨٥٠٧٤",  # Arabic-Indic digits
        "9638507４",
    ],
)
def test_non_ascii_digits_never_become_a_gtin_as_is(raw):
    """A GTIN value is what the catalog is keyed by: ASCII digits, or the code is refused."""
    try:
        result = classify(raw)
    except MalformedCode:
        return
    assert result == ScannedCode(CodeKind.GTIN, "96385074")


def test_gtin_lookup_keys_upc_a_and_ean13_forms():
    assert gtin_lookup_keys("036000291452") == ("036000291452", "0036000291452")
    assert gtin_lookup_keys("0036000291452") == ("0036000291452", "036000291452")
    assert gtin_lookup_keys("6901234567892") == ("6901234567892",)
    assert gtin_lookup_keys("96385074") == ("96385074",)
    assert gtin_lookup_keys("00012345600012") == ("00012345600012",)


odd_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=60, max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=20),
    st.from_regex(r"\A\s*[0-9]{6,15}\s*\Z"),
    st.from_regex(r"\A[A-Za-z][A-Za-z0-9\-_.]{0,40}\Z"),
    st.text(alphabet=st.characters(categories=["Nd"]), min_size=8, max_size=14),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_text)
@example("\x00" * 1000)
@example("6" * 100_000)
@example("\u200b6901234567892")
@example("６９０１２３４５６７８９２")
def test_classify_only_returns_a_code_or_raises_malformed(raw):
    try:
        result = classify(raw)
    except MalformedCode as exc:
        assert exc.reason in REASONS
        return
    assert isinstance(result, ScannedCode)
    if result.kind is CodeKind.GTIN:
        assert result.value.isascii() and result.value.isdigit()
        assert len(result.value) in GTIN_LENGTHS
        assert result.value[-1] == gs1_check_digit(result.value[:-1])
    else:
        assert result.kind is CodeKind.INTERNAL
        assert re.fullmatch(r"[A-Z][A-Z0-9\-_.]{1,31}", result.value)


@given(st.sampled_from(GTIN_LENGTHS).flatmap(
    lambda n: st.text(alphabet="0123456789", min_size=n - 1, max_size=n - 1)))
def test_every_correct_check_digit_is_accepted_and_any_other_refused(body):
    good = body + gs1_check_digit(body)
    assert classify(good).value == good
    bad = body + str((int(gs1_check_digit(body)) + 1) % 10)
    if len(bad) == 8 and biip.parse(bad).gtin is not None:
        # Not an EAN-8, but a valid UPC-E: eight digits can be either.
        assert classify(bad).expanded == biip.parse(bad).gtin.value
        return
    with pytest.raises(MalformedCode) as info:
        classify(bad)
    assert info.value.reason == "check_digit"


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_upc_a_lookup_keys_are_both_valid_gtins(body):
    upc = body + gs1_check_digit(body)
    keys = gtin_lookup_keys(upc)
    assert keys == (upc, "0" + upc)
    assert all(classify(k).kind is CodeKind.GTIN for k in keys)


def test_a_upc_e_is_looked_up_under_its_gtin_12():
    scanned = classify("00001039")  # UPC-E for 000000000109, not a valid EAN-8
    assert scanned.expanded == "000000000109"
    assert "000000000109" in scanned.lookup_keys() and "0000000000109" in scanned.lookup_keys()
    assert classify("96385074").expanded is None  # a real EAN-8 stays as it is
