"""What the tests share: files, databases, intake bundles, stories (reports taken through the
workflow), exports read back, the exchange's laptops and the GUI; `plugin` holds the shared
fixtures and is loaded once, from the root conftest.py. Tests import from here, never from
another test module or a conftest."""
