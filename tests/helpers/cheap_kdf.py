"""The test session writes new key-file slots with the cheapest Argon2id cost a key file accepts.

The product's cost (256 MiB, 3 passes: `workstation.keys.kdf`) takes about 0.9 s a slot on the CI
machine, and the suite writes and opens key files hundreds of times: that alone was more than
a third of the suite's time. The cost is stored in each slot, so every later unlock (in the
test process or in a CLI subprocess) derives with the stored cost through the real code; only
slots written by a CLI subprocess keep the product's cost, and
tests/foundation/test_cli.py::test_full_cli_session checks that they do.
"""

from __future__ import annotations

from workstation.keys import kdf

# The lower bounds KdfParams.from_json accepts (8 MiB, one pass).
CHEAP_KDF = kdf.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def write_new_slots_cheaply() -> None:
    """Every signature defaults to the one DEFAULT_KDF object, so its fields are changed in place."""
    for field in ("time_cost", "memory_kib", "parallelism"):
        object.__setattr__(kdf.DEFAULT_KDF, field, getattr(CHEAP_KDF, field))
