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
    variable_layouts,
)

REASONS = {"empty", "garbled", "length", "check_digit", "measure", "no_gtin"}
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
    # A GTIN-14 from a GS1 element string: its padding zeros give the EAN-13 and UPC-A forms.
    assert gtin_lookup_keys("00012345600012") == ("00012345600012", "0012345600012", "012345600012")
    assert gtin_lookup_keys("16901234567899") == ("16901234567899",)  # a case: its own item


odd_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=60, max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=20),
    st.from_regex(r"\A\s*[0-9]{6,15}\s*\Z"),
    st.from_regex(r"\A[A-Za-z][A-Za-z0-9\-_.]{0,40}\Z"),
    st.text(alphabet=st.characters(categories=["Nd"]), min_size=8, max_size=14),
    st.from_regex(r"\A(\]C1|\]e0|\()[0-9()\x1dA-Z]{0,60}\Z"),  # GS1 element strings, mostly broken
    st.from_regex(r"\A2[0-9]{12}\Z"),  # scale labels
)
LAYOUTS = variable_layouts([{"prefix": "21", "measure": "price"}, {"prefix": "22", "measure": "weight"},
                            {"prefix": "2", "measure": "weight", "item_digits": 6}])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_text)
@example("\x00" * 1000)
@example("6" * 100_000)
@example("\u200b6901234567892")
@example("６９０１２３４５６７８９２")
@example("00511431")  # a UPC-E whose last digit is no EAN-8 check digit
def test_classify_only_returns_a_code_or_raises_malformed(raw):
    try:
        result = classify(raw, LAYOUTS)
    except MalformedCode as exc:
        assert exc.reason in REASONS
        return
    assert isinstance(result, ScannedCode)
    if result.kind is CodeKind.GTIN:
        assert result.value.isascii() and result.value.isdigit()
        assert len(result.value) in GTIN_LENGTHS
        if len(result.value) == 8 and result.value[-1] != gs1_check_digit(result.value[:-1]):
            # Eight digits that are no EAN-8 are read as UPC-E (as a scanner sends it): then the
            # GTIN-12 it expands to must carry a correct check digit.
            assert result.expanded and result.expanded[-1] == gs1_check_digit(result.expanded[:-1])
        else:
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


# ------------------------------------------------------------------ codes that carry a measure
SCALE = variable_layouts([{"prefix": "21", "measure": "price", "item_digits": 5},
                          {"prefix": "22", "measure": "weight", "item_digits": 5}])


def label(body: str) -> str:
    return body + gs1_check_digit(body)


def test_scale_label_with_weight_is_looked_up_by_its_zeroed_code():
    scanned = classify(label("220012300525"), SCALE)
    assert scanned == ScannedCode(CodeKind.GTIN, label("220012300000"), weight_g=525, by_weight=True)


def test_scale_label_with_price_carries_the_price_in_fen():
    scanned = classify(label("210012301250"), SCALE)
    assert scanned.value == label("210012300000") and scanned.price == 1250 and scanned.weight_g is None


def test_without_a_layout_for_its_prefix_a_2x_code_is_a_plain_gtin():
    assert classify(label("230012301250"), SCALE) == ScannedCode(CodeKind.GTIN, label("230012301250"))
    assert classify(label("220012300525")) == ScannedCode(CodeKind.GTIN, label("220012300525"))


def test_a_label_with_a_zero_measure_is_refused():
    with pytest.raises(MalformedCode) as info:
        classify(label("220012300000"), SCALE)
    assert info.value.reason == "measure"


def test_a_label_with_a_wrong_check_digit_is_refused_before_the_layout():
    good = label("220012300525")
    with pytest.raises(MalformedCode) as info:
        classify(good[:-1] + str((int(good[-1]) + 1) % 10), SCALE)
    assert info.value.reason == "check_digit"


def test_layouts_central_got_wrong_are_skipped_not_fatal():
    layouts = variable_layouts([{"prefix": "31", "measure": "weight"}, {"prefix": "22", "measure": "volume"},
                                {"prefix": "22"}, "junk", {"prefix": "24", "measure": "price",
                                                           "item_digits": 9},
                                {"prefix": "25", "measure": "price", "item_digits": 4}])
    assert [(lay.prefix, lay.measure, lay.item_digits, lay.value_digits) for lay in layouts] == \
        [("25", "price", 4, 6)]


@pytest.mark.parametrize("raw", [
    "(01)06901234567892(3103)000525(3922)1290(17)301231(10)AB12",  # typed, human-readable
    "]C10106901234567892310300052539221290\x1d17301231\x1d10AB12",  # GS1-128 from a scanner
    "]e00106901234567892310300052539221290\x1d17301231\x1d10AB12",  # GS1 DataBar Expanded
])
def test_gs1_element_strings_give_gtin_weight_price_date_and_batch(raw):
    scanned = classify(raw)
    assert scanned.value == "06901234567892"
    assert "6901234567892" in scanned.lookup_keys()
    assert (scanned.weight_g, scanned.price, scanned.batch) == (525, 1290, "AB12")
    assert scanned.expires is not None and scanned.expires.isoformat() == "2030-12-31"


def test_gs1_element_string_without_a_gtin_is_refused():
    with pytest.raises(MalformedCode) as info:
        classify("(10)AB12(17)301231")
    assert info.value.reason == "no_gtin"
