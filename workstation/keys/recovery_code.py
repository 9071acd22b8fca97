"""Recovery codes: 160 random bits, written as 8 groups of 4 Crockford base32 characters.

Shown once when a database is created; it unwraps its own copy of the data key.
"""

from __future__ import annotations

import secrets

from workstation.errors import AuthenticationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CODE_BITS = 160
CODE_CHARS = CODE_BITS // 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_recovery_code() -> str:
    value = secrets.randbits(CODE_BITS)
    chars = [ALPHABET[(value >> (5 * i)) & 31] for i in range(CODE_CHARS)]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, CODE_CHARS, 4))


def normalise_recovery_code(text: str) -> str:
    """Accept the code however it was copied: any case, spaces, hyphens, O for 0."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
    if len(cleaned) != CODE_CHARS or any(ch not in ALPHABET for ch in cleaned):
        raise AuthenticationError(
            f"That is not a recovery code: a recovery code has {CODE_CHARS} letters and "
            "digits in groups of four, as shown when the database was created."
        )
    return "-".join(cleaned[i : i + 4] for i in range(0, CODE_CHARS, 4))
