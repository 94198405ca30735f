"""UHF RFID readers: one codec per protocol (independent of the transport), EPC decoding, de-duplication."""
