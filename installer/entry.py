"""The frozen app's entry point: the same `pos-client` command line as an installed package."""

import multiprocessing
import sys

from pos_client.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # device simulators start processes; a frozen exe must allow it
    sys.exit(main())
