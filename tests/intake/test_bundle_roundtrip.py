"""Writer -> reader round trip with real age encryption and Ed25519 signatures."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest

from tests.helpers.intake import BundleContext, valid_submission
from workstation.errors import InputError
from workstation.intake import bundle_format as fmt
from workstation.intake import bundle_reader
from workstation.intake.bundle_format import BundleRejected, parse_manifest
from workstation.intake.bundle_reader import read_bundle
from workstation.intake.bundle_writer import (
    encode_report,
    make_bundle,
    make_bundle_from_raw,
    write_bundle_file,
)
from workstation.intake.intake_keys import public_bytes
from workstation.intake.submissions import parse_submission

IDS = [f"00000000-0000-4000-8000-{n:012x}" for n in range(1, 6)]


def _submissions() -> list[dict]:
    subs = [valid_submission(sid) for sid in IDS]
    subs[1]["ori"] = "TX1234567"
    subs[2]["narrative"] = "Tür, 東京, emoji 🚓 and a\nnew line\ttab."
    subs[3]["prevention"] = "A second officer."
    subs[4]["what_went_right"] = "Backup arrived fast."
    return subs


def test_round_trip(tmp_path: Path, ctx: BundleContext) -> None:
    subs = _submissions()
    data = make_bundle(subs, signing_key=ctx.signing_key, recipient=ctx.recipient,
                       bundle_id="11111111-2222-4333-8444-555555555555",
                       created_at="2026-03-03T08:00:00Z")
    path = tmp_path / "ok.nmbundle"
    write_bundle_file(path, data)
    opened = ctx.read(path)
    assert opened.manifest.bundle_id == "11111111-2222-4333-8444-555555555555"
    assert opened.manifest.created_at == "2026-03-03T08:00:00Z"
    assert opened.manifest.recipient == ctx.recipient
    assert opened.signer_key == public_bytes(ctx.signing_key)
    assert [sid for sid, _ in opened.reports] == IDS  # manifest order
    for (sid, raw), original in zip(opened.reports, subs, strict=True):
        assert raw == encode_report(original)
        assert parse_submission(raw, expected_id=sid) == original


def test_second_trusted_key_accepted(tmp_path: Path, ctx: BundleContext) -> None:
    data = make_bundle(_submissions()[:1], signing_key=ctx.second_trusted_key,
                       recipient=ctx.recipient)
    path = tmp_path / "b.nmbundle"
    path.write_bytes(data)
    assert ctx.read(path).signer_key == public_bytes(ctx.second_trusted_key)


def test_manifest_bytes_follow_the_format(ctx: BundleContext) -> None:
    from workstation.intake.bundle_writer import bundle_members

    raw = encode_report(valid_submission(IDS[0]))
    members = bundle_members([(IDS[0], raw)], signing_key=ctx.signing_key,
                             recipient=ctx.recipient)
    names = [name for name, _ in members]
    assert names == ["manifest.json", "manifest.sig", f"reports/{IDS[0]}.json"]
    manifest = json.loads(members[0][1])
    assert list(manifest) == list(fmt.MANIFEST_KEYS)
    assert manifest["format"] == "near-miss-bundle" and manifest["version"] == 1
    assert manifest["intake_key"] == "ed25519:" + public_bytes(ctx.signing_key).hex()
    assert manifest["reports"][0]["size"] == len(raw)
    assert len(members[1][1]) == 64
    assert parse_manifest(members[0][1]).reports[0].path == f"reports/{IDS[0]}.json"


def test_writer_refuses_invalid_submissions(ctx: BundleContext) -> None:
    bad = valid_submission(IDS[0])
    bad["weather"] = "hail"
    with pytest.raises(InputError, match="submission 1: weather: not one of the allowed codes"):
        make_bundle([bad], signing_key=ctx.signing_key, recipient=ctx.recipient)
    with pytest.raises(InputError, match="at least one submission"):
        make_bundle([], signing_key=ctx.signing_key, recipient=ctx.recipient)
    same = valid_submission(IDS[0])
    with pytest.raises(InputError, match="repeats an earlier submission_id"):
        make_bundle([same, same], signing_key=ctx.signing_key, recipient=ctx.recipient)
    with pytest.raises(InputError, match="not an age X25519 recipient"):
        make_bundle([same], signing_key=ctx.signing_key, recipient="age1nope")


def test_no_trusted_keys(tmp_path: Path, ctx: BundleContext) -> None:
    path = tmp_path / "b.nmbundle"
    path.write_bytes(make_bundle(_submissions()[:1], signing_key=ctx.signing_key,
                                 recipient=ctx.recipient))
    with pytest.raises(BundleRejected, match="no trusted intake keys are configured"):
        read_bundle(path, identity=ctx.identity, recipient=ctx.recipient, trusted_keys=[])


def test_missing_file(tmp_path: Path, ctx: BundleContext) -> None:
    with pytest.raises(BundleRejected, match="does not exist"):
        ctx.read(tmp_path / "nope.nmbundle")
    with pytest.raises(BundleRejected, match="is not a regular file"):
        ctx.read(tmp_path)


def test_size_cap_refuses_before_opening(tmp_path: Path, ctx: BundleContext,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "zeros.nmbundle"
    with path.open("wb") as handle:
        handle.truncate(100_000_000)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a file over the size cap")

    monkeypatch.setattr(builtins, "open", no_open)
    with pytest.raises(BundleRejected, match="larger than 64 MiB"):
        ctx.read(path)


def test_total_decompressed_budget(tmp_path: Path, ctx: BundleContext,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    reports = [(sid, encode_report(valid_submission(sid))) for sid in IDS]
    path = tmp_path / "b.nmbundle"
    path.write_bytes(make_bundle_from_raw(reports, signing_key=ctx.signing_key,
                                          recipient=ctx.recipient))
    monkeypatch.setattr(fmt, "MAX_TOTAL_BYTES", 2000)
    with pytest.raises(BundleRejected, match="members add up to more than"):
        ctx.read(path)


def test_identity_and_recipient_must_agree(tmp_path: Path, ctx: BundleContext) -> None:
    path = tmp_path / "b.nmbundle"
    path.write_bytes(b"x")
    with pytest.raises(ValueError):
        read_bundle(path, identity=ctx.identity, recipient=ctx.other_recipient,
                    trusted_keys=ctx.trusted_keys)


def test_reader_never_writes(tmp_path: Path, ctx: BundleContext) -> None:
    path = tmp_path / "b.nmbundle"
    path.write_bytes(make_bundle(_submissions(), signing_key=ctx.signing_key,
                                 recipient=ctx.recipient))
    before = sorted(p.name for p in tmp_path.iterdir())
    bundle_reader.read_bundle(path, identity=ctx.identity, recipient=ctx.recipient,
                              trusted_keys=ctx.trusted_keys)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
