"""Strict JSON parsing for untrusted input.

The standard `json` module accepts duplicate keys (last one wins), NaN/Infinity,
numbers that overflow to infinity, and recurses without limit. Every one of these
is refused here with a `StrictJSONError` whose message never quotes the input.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from workstation.errors import FileSystemError, InputError

MAX_DEPTH = 32

# A JSON string token, or one bracket. Strings are skipped so brackets inside them don't count.
_DEPTH_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class StrictJSONError(InputError):
    """The bytes are not strict JSON; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _check_depth(text: str) -> None:
    # Checked before parsing: the json module would otherwise recurse (RecursionError).
    depth = 0
    for match in _DEPTH_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise StrictJSONError(f"JSON nesting is deeper than {MAX_DEPTH} levels")
        elif token in "]}":
            depth -= 1


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise StrictJSONError("JSON object has a duplicate key")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise StrictJSONError(f"JSON contains {name}, which is not allowed")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJSONError("JSON number is too large (it would become Infinity)")
    return value


def _check_strings(value: Any) -> None:
    # "\ud800" escapes decode to lone surrogates that cannot be stored or re-encoded.
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise StrictJSONError("JSON text contains a lone surrogate (\\uD800-\\uDFFF)") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key)
            _check_strings(item)
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (no BOM); raises StrictJSONError with the byte offset of the problem."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise StrictJSONError("JSON text starts with a byte order mark (BOM)")
    try:
        return data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise StrictJSONError(f"invalid UTF-8 at byte {exc.start}") from None


def loads_strict(text: str) -> Any:
    """Parse JSON text strictly. Raises StrictJSONError (and nothing else) for bad input."""
    _check_depth(text)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_pairs,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
        )
    except StrictJSONError:
        raise
    except json.JSONDecodeError as exc:
        # exc.msg never contains the input text.
        raise StrictJSONError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except (ValueError, RecursionError) as exc:
        # ValueError: e.g. an integer with more digits than Python allows.
        raise StrictJSONError(f"not valid JSON: {type(exc).__name__}") from None
    _check_strings(value)
    return value


def parse_strict_json(data: bytes) -> Any:
    """Decode UTF-8 bytes and parse them as strict JSON (see module docstring)."""
    return loads_strict(decode_utf8(data))


def read_small_file(path: Path, max_bytes: int, what: str) -> bytes:
    """A file's bytes, refused with one plain message when it cannot be read or holds more
    than `max_bytes` (never more than that is read)."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FileSystemError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise InputError(f"The {what} is too large.")
    return raw


def read_small_json(path: Path, max_bytes: int, what: str) -> Any:
    """A small JSON file (keys, rosters), parsed strictly, with the same plain messages."""
    try:
        return parse_strict_json(read_small_file(path, max_bytes, what))
    except StrictJSONError as exc:
        raise InputError(f"The {what} is not valid JSON ({exc.reason}).") from None
