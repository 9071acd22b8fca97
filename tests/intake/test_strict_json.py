"""Strict JSON: each refusal has its own message; arbitrary input only raises StrictJSONError."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workstation.intake.strict_json import MAX_DEPTH, StrictJSONError, parse_strict_json
from workstation.intake.submissions import InvalidSubmission, check_submission, parse_submission


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a": 1, "a": 2}', "duplicate key"),
        (b'{"a": {"b": 1, "b": 1}}', "duplicate key"),
        (b"[NaN]", "contains NaN"),
        (b"[Infinity]", "contains Infinity"),
        (b"[-Infinity]", "contains -Infinity"),
        (b"[1e400]", "too large"),
        (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "deeper than 32"),
        (b"{\"a\":" * (MAX_DEPTH + 1) + b"1" + b"}" * (MAX_DEPTH + 1), "deeper than 32"),
        (b"[" * 100_000, "deeper than 32"),
        (b'["\xff"]', "invalid UTF-8 at byte 2"),
        (b'["\xed\xa0\x80"]', "invalid UTF-8"),
        (b'["\\ud800"]', "lone surrogate"),
        (b'{"\\udc00": 1}', "lone surrogate"),
        (b'\xef\xbb\xbf{}', "byte order mark"),
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"[1,]", "not valid JSON"),
        (b"1" * 5000, "not valid JSON"),  # more digits than int() accepts
    ],
)
def test_refusals(data: bytes, message: str) -> None:
    with pytest.raises(StrictJSONError, match=message.replace("[", r"\[")):
        parse_strict_json(data)


def test_accepts_what_is_fine() -> None:
    nested = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    assert parse_strict_json(nested) is not None
    brackets = "[" * 40
    assert parse_strict_json(f'["{brackets}", "\\"{brackets}"]'.encode()) == [
        brackets, '"' + brackets]
    assert parse_strict_json(b'{"a": "\\ud83d\\ude93", "b": 1.5}') == {"a": "🚓", "b": 1.5}


def test_error_messages_do_not_quote_the_input() -> None:
    secret = b'{"narrative": "Sgt. Secretname", "narrative": 1}'
    with pytest.raises(StrictJSONError) as info:
        parse_strict_json(secret)
    assert "Secretname" not in str(info.value)
    raw = json.dumps({"narrative": "Sgt. Secretname " * 2000}).encode()
    with pytest.raises(InvalidSubmission) as info2:
        parse_submission(raw)
    assert "Secretname" not in info2.value.reason


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_arbitrary_json_values(value: object) -> None:
    raw = json.dumps(value, allow_nan=True).encode("utf-8", errors="surrogatepass")
    with contextlib.suppress(StrictJSONError):
        parse_strict_json(raw)
    result = check_submission(raw)
    assert result.ok or (result.reason and isinstance(result.reason, str))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(StrictJSONError):
        parse_strict_json(data)
    result = check_submission(data)
    assert result.reason or result.ok


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "narrative", "weather", "officers_on_scene",
                                        "submission_id", "ori", "incident_date", "x"]),
                       json_values, max_size=8))
def test_arbitrary_objects_against_the_schema(doc: dict) -> None:
    raw = json.dumps(doc).encode("utf-8", errors="surrogatepass")
    try:
        parse_submission(raw)
    except InvalidSubmission as exc:
        assert exc.reason
