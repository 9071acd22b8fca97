"""`python -m workstation`, and the entry script of the packaged program (build.spec)."""

import multiprocessing

from workstation.cli.main import entry_point

if __name__ == "__main__":
    # In the packaged program, `import --workers N` starts its worker processes by running
    # this same executable; freeze_support() turns those runs into workers (no-op otherwise).
    multiprocessing.freeze_support()
    entry_point()
