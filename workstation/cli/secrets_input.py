"""Getting passphrases and recovery codes from the user: a prompt, or a file for automation.

Secrets are never echoed, logged or taken from the command line itself (it shows in `ps`).
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from workstation.errors import InputError

MAX_SECRET_FILE_BYTES = 4096


def read_secret_file(path: Path, what: str = "passphrase") -> str:
    """The first line of `path`, without its line ending."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"The {what} file {path} cannot be read: {exc.strerror}.") from None
    if len(raw) > MAX_SECRET_FILE_BYTES:
        raise InputError(f"The {what} file {path} is too large to hold a {what}.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"The {what} file {path} is not UTF-8 text.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise InputError(f"The {what} file {path} is empty.")
    return lines[0]


def prompt_secret(prompt: str, *, confirm: bool = False, what: str = "passphrase") -> str:
    if not sys.stdin.isatty():
        raise InputError(
            f"No {what} given. Run the command in a terminal to be asked for it, "
            f"or give it in a file (see --help)."
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != value:
        raise InputError(f"The two {what}s differ; nothing was changed.")
    return value


def secret(file: Path | None, prompt: str, *, confirm: bool = False, what: str = "passphrase") -> str:
    if file is not None:
        return read_secret_file(file, what)
    return prompt_secret(prompt, confirm=confirm, what=what)
