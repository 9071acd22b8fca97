"""What a new passphrase must be: long, and not guessable (zxcvbn's estimate)."""

from __future__ import annotations

from collections.abc import Sequence

from zxcvbn import zxcvbn

from workstation.errors import InputError

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: "safely unguessable: moderate protection from offline attacks"
_SCORED_PREFIX = 100  # zxcvbn slows down on very long input; 100 characters is plenty


def check_new_passphrase(passphrase: str, *, related_words: Sequence[str] = ()) -> None:
    """Raise InputError, with advice, if `passphrase` is too weak to protect the database."""
    if len(passphrase) < MIN_LENGTH:
        raise InputError(
            f"The passphrase is too short: use at least {MIN_LENGTH} characters. "
            "Several unrelated words make a strong passphrase that is easy to remember."
        )
    if passphrase != passphrase.strip():
        raise InputError("The passphrase must not start or end with a space.")
    result = zxcvbn(passphrase[:_SCORED_PREFIX], user_inputs=[w for w in related_words if w])
    if result["score"] < MIN_SCORE:
        advice = " ".join(filter(None, [result["feedback"]["warning"], *result["feedback"]["suggestions"]]))
        raise InputError(f"The passphrase is too easy to guess. {advice}".strip())
