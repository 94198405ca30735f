"""An RFID count over a simulated reader on a pty, resolved against the till's real catalog."""

from __future__ import annotations

import time

from epcpy.epc_schemes.sgtin import SGTIN, SGTINFilterValue
from sqlalchemy import text

from drivers.rfid.serial_reader import SerialRfidReader
from drivers.rfid.simulator import PtyRfidReader
from pos_client.services.rfid_count import RfidCountSession, catalog_lookup, gtin_candidates
from pos_client.services.till import Till


def _encode(gtin14: str, serial: int, company_digits: int) -> str:
    """An SGTIN-96 EPC as a supplier would write it, through epcpy's encoder."""
    tag = SGTIN.from_gtin_plus_serial(gtin14, str(serial), company_digits)
    return tag.hex(binary_coding_scheme=SGTIN.BinaryCodingScheme.SGTIN_96,
                   filter_value=SGTINFilterValue.POS_ITEM).upper()


def test_gtin_candidates():
    assert gtin_candidates("06901234567892") == ("06901234567892", "6901234567892")
    assert gtin_candidates("00012345678905")[:3] == ("00012345678905", "0012345678905", "012345678905")


def test_count_a_shelf(till: Till):
    with till.engine.connect() as conn:
        ean13, sku = conn.execute(text(
            "SELECT b.code, b.sku FROM barcode b WHERE length(b.code)=13 AND b.code NOT LIKE '2%' "
            "ORDER BY b.rowid LIMIT 1")).one()
    tags = [_encode("0" + ean13, n, 7) for n in range(1, 6)]
    stranger = _encode("00614141123452", 1, 7)  # a GTIN this store does not sell
    factory = "E2801160600002084D9D0C3B"
    sim = PtyRfidReader("r2000", tags=[*tags, stranger, factory])
    session = RfidCountSession(catalog_lookup(till.catalog))
    reader = SerialRfidReader("serial://sim", sim.port, 57600, "r2000", window=0.05)
    try:
        reader.start(session.add)
        deadline = time.monotonic() + 5
        while session.summary().tags < 7 and time.monotonic() < deadline:
            time.sleep(0.02)
        field = sim.tags
        sim.tags = []  # the shelf leaves the field for longer than the reader's window ...
        time.sleep(0.2)
        sim.tags = field  # ... and comes back: read again, counted once
        deadline = time.monotonic() + 5
        while session.summary().reads < 14 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        reader.stop()
        sim.close()
    summary = session.summary()
    assert summary.by_sku == {sku: 5}
    assert summary.unknown_gtins == {"00614141123452": 1}
    assert summary.not_gs1 == [factory]
    assert summary.tags == 7 and summary.reads > 7
