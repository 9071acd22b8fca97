"""The schema and the taxonomy must agree, and the resources must load."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from workstation import resources
from workstation.intake.submission_schema import load_schema, load_taxonomy, taxonomy_codes

CODE = re.compile(r"[a-z0-9_]+")


def _enum_fields(schema: dict) -> dict[str, list[str]]:
    found = {}
    for name, prop in schema["properties"].items():
        if "enum" in prop:
            found[name] = prop["enum"]
        elif prop.get("type") == "array":
            found[name] = prop["items"]["enum"]
    return found


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


def test_every_enum_matches_the_taxonomy() -> None:
    lists = load_taxonomy()["lists"]
    enums = _enum_fields(load_schema())
    assert set(enums) == set(lists), "every taxonomy list is a schema field and vice versa"
    for name, codes in enums.items():
        assert codes == taxonomy_codes(name), name
        kind = lists[name]["kind"]
        is_array = load_schema()["properties"][name]["type"] == "array"
        assert is_array == (kind == "multiple"), name


def test_taxonomy_entries() -> None:
    for name, spec in load_taxonomy()["lists"].items():
        codes = [e["code"] for e in spec["entries"]]
        assert len(codes) == len(set(codes)), name
        for entry in spec["entries"]:
            assert set(entry) == {"code", "label"}
            assert CODE.fullmatch(entry["code"]), entry
            assert entry["label"].strip()
    agency = taxonomy_codes("agency_type")
    assert agency == ["municipal", "sheriff", "state", "tribal", "federal", "campus", "other"]
    factors = set(taxonomy_codes("contributing_factors"))
    assert {"situational_awareness", "complacency", "assumptions", "concealed_weapon",
            "prisoner_not_researched", "no_seatbelt_high_speed", "escape_from_custody"} <= factors


def test_every_text_field_has_limits() -> None:
    for name, prop in load_schema()["properties"].items():
        if prop.get("type") == "string" and "enum" not in prop:
            assert "maxLength" in prop and "pattern" in prop, name


def test_resource_path_checkout_and_frozen(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    assert resources.resource_path("taxonomy.json").is_file()
    assert resources.resource_path("schema", "submission-v1.json").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("taxonomy.json") == tmp_path / "resources" / "taxonomy.json"
