"""Reusable hostile .nmbundle cases (also meant for database-level tests).

Each case: `Case(name, build, expected)` where `build(tmp_path, ctx) -> Path` writes one
bundle file and `expected` is either
  ("reject", substring of the BundleRejected message), or
  ("quarantine", substring of the reason of the one bad report; the bundle also holds
   one valid report, GOOD_ID, that must import).
All bundles use real age encryption and real Ed25519 signatures.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.intake import (
    BAD_ID,
    GOOD_ID,
    BundleContext,
    good_bundle,
    good_raw,
    manifest_dict,
    sealed,
    standard,
    valid_submission,
    with_manifest,
    write,
)
from workstation.intake import bundle_format as fmt
from workstation.intake.bundle_writer import (
    encode_report,
    encrypt_to,
    zip_members,
)
from workstation.intake.intake_keys import public_bytes

# --- builders: whole-bundle refusals -------------------------------------------------

Builder = Callable[[Path, BundleContext], Path]


def _tampered_ciphertext(tmp: Path, ctx: BundleContext) -> Path:
    data = bytearray(good_bundle(ctx))
    data[len(data) - 20] ^= 0x01  # inside the last payload chunk: the Poly1305 tag fails
    return write(tmp, bytes(data))


def _wrong_recipient(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, sealed(ctx, standard(ctx), to=ctx.other_recipient))


def _manifest_recipient_mismatch(tmp: Path, ctx: BundleContext) -> Path:
    # Encrypted to us, but the signed manifest names another workstation.
    return write(tmp, sealed(ctx, standard(ctx, recipient=ctx.other_recipient)))


def _untrusted_key(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, sealed(ctx, standard(ctx, signing_key=ctx.untrusted_key)))


def _bad_signature(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    signature = bytearray(members[1][1])
    signature[5] ^= 0x40
    members[1] = (fmt.SIGNATURE_NAME, bytes(signature))
    return write(tmp, sealed(ctx, members))


def _manifest_altered_after_signing(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    members[0] = (fmt.MANIFEST_NAME, members[0][1].replace(b'"created_at":"2', b'"created_at":"1'))
    return write(tmp, sealed(ctx, members))


def _intake_key_not_signer(tmp: Path, ctx: BundleContext) -> Path:
    manifest = manifest_dict(ctx)
    manifest["intake_key"] = fmt.format_intake_key(public_bytes(ctx.second_trusted_key))
    return write(tmp, sealed(ctx, with_manifest(ctx, manifest)))


def _hash_mismatch(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    name, raw = members[2]
    members[2] = (name, raw.replace(b"tail light", b"TAIL LIGHT"))  # same length
    return write(tmp, sealed(ctx, members))


def _size_mismatch(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    name, raw = members[2]
    members[2] = (name, raw.replace(b"tail light", b"broken tail light"))
    return write(tmp, sealed(ctx, members))


def _symlink(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    info = zipfile.ZipInfo(members[2][0])
    info.create_system = 3
    info.external_attr = (0o120777 << 16)
    members[2] = (info, b"/etc/passwd")
    return write(tmp, sealed(ctx, members))


def _named(name: str) -> Builder:
    def build(tmp: Path, ctx: BundleContext) -> Path:
        return write(tmp, sealed(ctx, [*standard(ctx), (name, b"{}")]))
    return build


def _directory_member(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, sealed(ctx, [*standard(ctx), ("reports/sub/", b"")]))


def _duplicate_member(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    return write(tmp, sealed(ctx, [*members, members[2]]))


def _unlisted_member(tmp: Path, ctx: BundleContext) -> Path:
    extra = str(uuid.UUID(int=7, version=4))
    return write(tmp, sealed(ctx, [*standard(ctx), (fmt.report_path(extra), b"{}")]))


def _missing_member(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx, [good_raw(), (BAD_ID, b"{}")])
    return write(tmp, sealed(ctx, members[:-1]))


def _nested_zip_content(tmp: Path, ctx: BundleContext) -> Path:
    inner = zip_members([("x.json", b"{}")])
    return write(tmp, sealed(ctx, standard(ctx, [good_raw(), (BAD_ID, inner)])))


def _too_many_members(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    members += [(f"pad/{i}.txt", b"") for i in range(fmt.MAX_MEMBERS)]
    return write(tmp, sealed(ctx, members, compression=zipfile.ZIP_STORED))


def _member_over_cap(tmp: Path, ctx: BundleContext) -> Path:
    # The manifest states a plausible size; the member itself is 1 MiB + 1 byte.
    members = standard(ctx, [good_raw(), (BAD_ID, b"{}")])
    big = b'{"x":"' + b"a" * (fmt.MAX_MEMBER_BYTES - 7) + b'"}'
    members[3] = (members[3][0], big)
    return write(tmp, sealed(ctx, members))


def _manifest_size_over_cap(tmp: Path, ctx: BundleContext) -> Path:
    manifest = manifest_dict(ctx)
    manifest["reports"][0]["size"] = fmt.MAX_MEMBER_BYTES + 1
    return write(tmp, sealed(ctx, with_manifest(ctx, manifest)))


def _compression_bomb(tmp: Path, ctx: BundleContext) -> Path:
    # Valid JSON padded with 500 kB of spaces: deflates about 1000:1.
    raw = encode_report(valid_submission(BAD_ID))
    padded = raw[:-1] + b" " * 500_000 + b"}"
    return write(tmp, sealed(ctx, standard(ctx, [good_raw(), (BAD_ID, padded)])))


def _bzip2_member(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, sealed(ctx, standard(ctx), compression=zipfile.ZIP_BZIP2))


def _truncated(tmp: Path, ctx: BundleContext) -> Path:
    data = good_bundle(ctx)
    return write(tmp, data[: len(data) // 2])


def _empty(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, b"")


def _plain_zip(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, zip_members(standard(ctx)))


def _not_age(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, hashlib.sha256(b"noise").digest() * 100)


def _not_zip_inside(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, encrypt_to(b"this is not a zip archive" * 10, ctx.recipient))


def _sparse(size: int) -> Builder:
    # Sparse file: instant to make; the reader must refuse it via stat() before reading.
    def build(tmp: Path, ctx: BundleContext) -> Path:
        path = tmp / "huge.nmbundle"
        with path.open("wb") as handle:
            handle.truncate(size)
        return path
    return build


def _valid_but_over_cap(tmp: Path, ctx: BundleContext) -> Path:
    path = write(tmp, good_bundle(ctx))
    with path.open("r+b") as handle:
        handle.truncate(fmt.MAX_BUNDLE_BYTES + 1)
    return path


def _missing_manifest(tmp: Path, ctx: BundleContext) -> Path:
    return write(tmp, sealed(ctx, standard(ctx)[1:]))


def _short_signature(tmp: Path, ctx: BundleContext) -> Path:
    members = standard(ctx)
    members[1] = (fmt.SIGNATURE_NAME, members[1][1][:63])
    return write(tmp, sealed(ctx, members))


def _manifest_edit(edit: Callable[[dict[str, Any]], None],
                   reports: list[tuple[str, bytes]] | None = None) -> Builder:
    def build(tmp: Path, ctx: BundleContext) -> Path:
        manifest = manifest_dict(ctx, reports)
        edit(manifest)
        return write(tmp, sealed(ctx, with_manifest(ctx, manifest, reports)))
    return build


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda m: m.__setitem__(key, value)


def _set_entry(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda m: m["reports"][0].__setitem__(key, value)


def _duplicate_ids(m: dict[str, Any]) -> None:
    m["reports"].append(dict(m["reports"][0]))


def _manifest_duplicate_json_key(tmp: Path, ctx: BundleContext) -> Path:
    raw = json.dumps(manifest_dict(ctx)).encode()
    raw = b'{"version": 1, ' + raw[1:]
    return write(tmp, sealed(ctx, with_manifest(ctx, raw)))


# --- builders: per-report quarantine ---------------------------------------------------


def _bad_report(make_raw: Callable[[bytes], bytes]) -> Builder:
    """A bundle with one good report and one bad one (BAD_ID) made from a valid report."""
    def build(tmp: Path, ctx: BundleContext) -> Path:
        raw = make_raw(encode_report(valid_submission(BAD_ID)))
        return write(tmp, sealed(ctx, standard(ctx, [good_raw(), (BAD_ID, raw)])))
    return build


def _edited(edit: Callable[[dict[str, Any]], None]) -> Builder:
    def make_raw(raw: bytes) -> bytes:
        doc = json.loads(raw)
        edit(doc)
        return json.dumps(doc).encode()
    return _bad_report(make_raw)


def _replace(old: bytes, new: bytes) -> Builder:
    def make_raw(raw: bytes) -> bytes:
        assert old in raw, old
        return raw.replace(old, new, 1)
    return _bad_report(make_raw)


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda d: d.pop(key)


@dataclass(frozen=True)
class Case:
    name: str
    build: Builder
    expected: tuple[str, str]


def _reject(name: str, build: Builder, message: str) -> Case:
    return Case(name, build, ("reject", message))


def _quarantine(name: str, build: Builder, reason: str) -> Case:
    return Case(name, build, ("quarantine", reason))


NAR = b'"narrative":"'

CASES: list[Case] = [
    # Before decryption.
    _reject("empty_file", _empty, "the file is empty"),
    _reject("truncated_file", _truncated, "damaged or truncated"),
    _reject("plain_zip_unencrypted", _plain_zip, "plain ZIP archive, not an encrypted bundle"),
    _reject("not_an_age_file", _not_age, "not an age-encrypted bundle"),
    _reject("zeros_100_MB_sparse", _sparse(100_000_000), "larger than 64 MiB"),
    _reject("bundle_over_64_MiB", _valid_but_over_cap, "larger than 64 MiB"),
    # Decryption.
    _reject("tampered_ciphertext", _tampered_ciphertext, "damaged or truncated"),
    _reject("encrypted_to_another_identity", _wrong_recipient,
            "not encrypted to this workstation's key"),
    _reject("decrypts_to_non_zip", _not_zip_inside, "not a valid ZIP archive"),
    # Archive structure.
    _reject("more_than_10000_members", _too_many_members,
            "more than 10000 reports plus the manifest"),
    _reject("symlink_member", _symlink, "is a symbolic link"),
    _reject("absolute_name", _named("/etc/passwd"), "has an absolute path"),
    _reject("windows_drive_name", _named("C:/evil.json"), "has an absolute path"),
    _reject("dotdot_name", _named("reports/../../evil.json"), "'..' path component"),
    _reject("backslash_name", _named("reports\\evil.json"), "contains a backslash"),
    _reject("directory_member", _directory_member, "is a directory"),
    _reject("duplicate_member", _duplicate_member, "duplicate member"),
    _reject("nested_archive_by_name", _named("reports/inner.zip"), "is a nested archive"),
    _reject("bzip2_compression", _bzip2_member, "unsupported compression method"),
    _reject("missing_manifest", _missing_manifest, "manifest.json is missing"),
    _reject("short_signature", _short_signature, "not a 64-byte signature"),
    # Signature and manifest.
    _reject("untrusted_signing_key", _untrusted_key, "signed by an untrusted intake key"),
    _reject("bad_signature", _bad_signature, "manifest signature is not valid"),
    _reject("manifest_altered_after_signing", _manifest_altered_after_signing,
            "manifest signature is not valid"),
    _reject("intake_key_is_not_signer", _intake_key_not_signer, "not the key that signed it"),
    _reject("manifest_recipient_mismatch", _manifest_recipient_mismatch,
            "made for another workstation"),
    _reject("manifest_no_reports", _manifest_edit(_set("reports", [])), "lists no reports"),
    _reject("manifest_wrong_format", _manifest_edit(_set("format", "zip")), "format is not"),
    _reject("manifest_version_2", _manifest_edit(_set("version", 2)), "version is not 1"),
    _reject("manifest_extra_field", _manifest_edit(_set("note", "x")), "exactly the fields"),
    _reject("manifest_bad_bundle_id", _manifest_edit(_set("bundle_id", "123")),
            "bundle_id is not a lower-case UUID"),
    _reject("manifest_bad_created_at", _manifest_edit(_set("created_at", "yesterday")),
            "created_at is not an RFC 3339"),
    _reject("manifest_bad_submission_id",
            _manifest_edit(_set_entry("submission_id", "ABC")), "not a lower-case UUID"),
    _reject("manifest_path_not_id", _manifest_edit(_set_entry("path", "reports/x.json")),
            "path other than reports/<submission_id>.json"),
    _reject("manifest_duplicate_ids", _manifest_edit(_duplicate_ids),
            "same submission_id twice"),
    _reject("manifest_size_over_cap", _manifest_size_over_cap, "has a size that is not"),
    _reject("manifest_duplicate_json_key", _manifest_duplicate_json_key, "duplicate key"),
    # Members against the manifest.
    _reject("unlisted_member", _unlisted_member, "is not listed in the manifest"),
    _reject("missing_listed_member", _missing_member, "is missing from the archive"),
    _reject("member_hash_mismatch", _hash_mismatch, "hash mismatch"),
    _reject("member_size_mismatch", _size_mismatch, "size mismatch"),
    _reject("member_over_1_MiB", _member_over_cap, "is larger than 1 MiB"),
    _reject("compression_ratio_over_100", _compression_bomb, "compression ratio over 100"),
    _reject("nested_archive_content", _nested_zip_content, "is a nested archive"),
    # Per report: strict JSON.
    _quarantine("json_duplicate_key", _bad_report(lambda r: b'{"weather":"clear",' + r[1:]),
                "duplicate key"),
    _quarantine("json_nan", _replace(b'"officers_on_scene":2', b'"officers_on_scene":NaN'),
                "NaN"),
    _quarantine("json_infinity", _replace(b'"officers_on_scene":2',
                                          b'"officers_on_scene":Infinity'), "Infinity"),
    _quarantine("json_minus_infinity", _replace(b'"officers_on_scene":2',
                                                b'"officers_on_scene":-Infinity'), "-Infinity"),
    _quarantine("json_overflow_to_infinity", _replace(b'"officers_on_scene":2',
                                                      b'"officers_on_scene":1e999'),
                "too large"),
    _quarantine("json_nesting_33", _bad_report(lambda r: b'{"deep":' + b"[" * 33 + b"]" * 33
                                               + b"," + r[1:]), "deeper than 32"),
    _quarantine("invalid_utf8", _replace(NAR, NAR + b"\xff\xfe"), "invalid UTF-8"),
    _quarantine("utf8_encoded_surrogate", _replace(NAR, NAR + b"\xed\xa0\x80"), "invalid UTF-8"),
    _quarantine("lone_surrogate_escape", _replace(NAR, NAR + b"\\ud800"), "lone surrogate"),
    _quarantine("byte_order_mark", _bad_report(lambda r: b"\xef\xbb\xbf" + r),
                "byte order mark"),
    _quarantine("not_json", _bad_report(lambda r: r[:-10]), "not valid JSON"),
    _quarantine("top_level_array", _bad_report(lambda r: b"[" + r + b"]"),
                "not a JSON object"),
    # Per report: schema and rules.
    _quarantine("missing_field", _edited(_drop("narrative")),
                "missing required field 'narrative'"),
    _quarantine("extra_field", _edited(_set("reporter_email", "x@example.org")),
                "unexpected field 'reporter_email'"),
    _quarantine("bad_enum", _edited(_set("weather", "hail")),
                "weather: not one of the allowed codes"),
    _quarantine("bad_checklist_code", _edited(_set("contributing_factors", ["bad_luck"])),
                "contributing_factors[0]: not one of the allowed codes"),
    _quarantine("too_long_text", _edited(_set("narrative", "x" * 20_001)),
                "narrative: longer than 20000 characters"),
    _quarantine("empty_title", _edited(_set("title", "")), "title: must not be empty"),
    _quarantine("bad_uuid", _edited(_set("submission_id", "not-a-uuid")),
                "submission_id: shorter than 36 characters"),
    _quarantine("upper_case_uuid", _edited(_set("submission_id", BAD_ID.upper())),
                "submission_id: has the wrong format"),
    _quarantine("id_differs_from_manifest", _edited(_set("submission_id", GOOD_ID)),
                "does not match the manifest"),
    _quarantine("bad_ori", _edited(_set("ori", "xx1234567")), "ori: has the wrong format"),
    _quarantine("bad_date", _edited(_set("incident_date", "2026-02-30")),
                "incident_date: is not a valid date"),
    _quarantine("incident_after_received", _edited(_set("incident_date", "2026-03-03")),
                "incident_date: is after received_at"),
    _quarantine("wrong_type", _edited(_set("officers_on_scene", "two")),
                "officers_on_scene: must be of type integer"),
    _quarantine("zero_officers", _edited(_set("officers_on_scene", 0)),
                "officers_on_scene: less than 1"),
    _quarantine("float_integer", _edited(_set("officers_on_scene", 2.0)), "whole number"),
    _quarantine("repeated_code", _edited(_set("loss_potential", ["escape", "escape"])),
                "lists the same code twice"),
    _quarantine("no_contributing_factor", _edited(_set("contributing_factors", [])),
                "needs at least 1 item"),
    _quarantine("control_character", _edited(_set("lessons_learned", "a\x07b")),
                "control characters"),
    _quarantine("form_version_2", _edited(_set("form_version", 2)), "form_version: must be 1"),
]
