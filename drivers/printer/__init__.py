"""Receipt printers: a document in, ESC/POS bytes out to a transport."""
