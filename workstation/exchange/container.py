"""The signed, encrypted container every work packet travels in.

file = age( MAGIC + signature(64) + body ), body = zlib(RFC 8785 JSON of the packet), and
the Ed25519 signature covers MAGIC + body: it is checked before anything is decompressed
or parsed. The packet names its kind, signer and recipient inside what is signed, so a
packet cannot be re-encrypted to someone else and still be accepted.
"""

from __future__ import annotations

import hashlib
import re
import stat
import uuid
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import rfc8785

from workstation.clock import utc_now
from workstation.errors import FileSystemError, InputError
from workstation.intake.bundle_writer import encrypt_to, write_bundle_file
from workstation.intake.strict_json import StrictJSONError, parse_strict_json
from workstation.keys import signing

FORMAT = "near-miss-work-packet"
# Version 2: an assignment carries the counts of the re-identification check ("disclosure",
# exchange/disclosure_counts.py). Every packet is written as version 2; the other kinds did
# not change, so their version 1 is still read; a version-1 assignment is refused (it has no
# counts: the laptop could not tell how many reports share a report's details).
VERSION = 2
READS = {"assignment": (2,), "return": (1, 2), "receipt": (1, 2), "revocation": (1, 2)}
MAGIC = b"near-miss-work-packet/1\n"
SIGNATURE_SIZE = 64
MiB = 1024 * 1024
MAX_FILE_BYTES = 64 * MiB
MAX_BODY_BYTES = 256 * MiB  # decompressed
KINDS = {"assignment": ".nmwork", "return": ".nmreturn", "receipt": ".nmreceipt", "revocation": ".nmrevoke"}
ENVELOPE = (
    "format",
    "version",
    "kind",
    "packet_id",
    "created_at",
    "signer",
    "recipient",
    "assignment_id",
    "body",
)
KEY_PREFIX = "ed25519:"
AGE_MAGIC = b"age-encryption.org/v1\n"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class PacketRefused(InputError):
    """A work packet is refused whole; the message says which check failed."""


class WrongRecipient(PacketRefused):
    """The packet is encrypted to another workstation (an exchange folder leaves it alone)."""


def refuse(detail: str) -> PacketRefused:
    return PacketRefused(f"Packet refused: {detail}.")


@dataclass(frozen=True)
class Packet:
    kind: str
    packet_id: str
    created_at: str
    signer: bytes
    recipient: str
    assignment_id: str
    body: dict[str, Any]
    file_sha256: str


def key_text(public_key: bytes) -> str:
    return KEY_PREFIX + public_key.hex()


def parse_key(text: Any, what: str) -> bytes:
    if not (isinstance(text, str) and re.fullmatch(r"ed25519:[0-9a-f]{64}", text)):
        raise InputError(f"{what} is not 'ed25519:' + 64 lower-case hex digits.")
    return bytes.fromhex(text[len(KEY_PREFIX) :])


def is_uuid(text: Any) -> bool:
    return isinstance(text, str) and _UUID.fullmatch(text) is not None


def new_id() -> str:
    return str(uuid.uuid4())


def seal(
    kind: str,
    body: dict[str, Any],
    *,
    seed: bytes | bytearray,
    recipient: str,
    assignment_id: str,
    packet_id: str | None = None,
    version: int = VERSION,
) -> tuple[str, bytes]:
    """(packet id, file bytes) of a packet signed with `seed` and encrypted to `recipient`."""
    packet_id = packet_id or new_id()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "kind": kind,
        "packet_id": packet_id,
        "created_at": utc_now(),
        "signer": key_text(signing.public_key_of(seed)),
        "recipient": recipient,
        "assignment_id": assignment_id,
        "body": body,
    }
    compressed = zlib.compress(rfc8785.dumps(document), 6)
    signature = signing.sign(seed, MAGIC + compressed)
    return packet_id, encrypt_to(MAGIC + signature + compressed, recipient)


def read_file(path: Path) -> bytes:
    """A packet file's bytes: a regular file of at most 64 MiB, checked before reading."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            raise refuse(f"{Path(path).name} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise refuse(f"the file is larger than {MAX_FILE_BYTES // MiB} MiB")
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileSystemError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise refuse(f"the file is larger than {MAX_FILE_BYTES // MiB} MiB")
    return data


def decrypt(data: bytes, identity: pyrage.x25519.Identity) -> bytes:
    """The packet's plaintext; WrongRecipient when it is for another workstation's key
    (age says so apart from a damaged file), PacketRefused for anything else."""
    if not data.startswith(AGE_MAGIC):
        raise refuse("the file is not an age-encrypted work packet")
    try:
        return bytes(pyrage.decrypt(data, [identity]))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise WrongRecipient("Packet refused: it is not encrypted to this workstation (wrong "
                                 "recipient).") from None
        raise refuse("it cannot be decrypted: it is damaged or truncated") from None


def _inflate(compressed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, MAX_BODY_BYTES + 1)
    except zlib.error:
        raise refuse("its content is damaged") from None
    if len(raw) > MAX_BODY_BYTES or inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
        raise refuse("its content is damaged or too large")
    return raw


def open_packet(
    data: bytes,
    *,
    identity: pyrage.x25519.Identity,
    kind: str,
    signers: Collection[bytes],
    unknown_signer: str = "an unknown key",
) -> Packet:
    """Every check before the packet's body is used: decrypt, signature by one of `signers`,
    strict JSON, envelope, version, kind, signer and recipient inside the signed part."""
    plain = decrypt(data, identity)
    if not plain.startswith(MAGIC) or len(plain) < len(MAGIC) + SIGNATURE_SIZE + 1:
        raise refuse("it is not a work packet (or a newer version of one)")
    signature = plain[len(MAGIC) : len(MAGIC) + SIGNATURE_SIZE]
    compressed = plain[len(MAGIC) + SIGNATURE_SIZE :]
    signer = next((k for k in signers if signing.verify(k, signature, MAGIC + compressed)), None)
    if signer is None:
        raise refuse(
            f"its signature does not verify with any trusted key (altered, or signed by {unknown_signer})"
        )
    try:
        document = parse_strict_json(_inflate(compressed))
    except StrictJSONError as exc:
        raise refuse(f"it is not strict JSON ({exc.reason})") from None
    if not isinstance(document, dict) or set(document) != set(ENVELOPE):
        raise refuse("its envelope does not have exactly the expected fields")
    if document["format"] != FORMAT:
        raise refuse("it is not a near-miss work packet")
    if type(document["version"]) is not int or document["version"] not in (1, VERSION):
        raise refuse(
            f"its version is {document['version']!r}, this program reads version {VERSION} "
            "(made by a newer program?)"
        )
    if document["kind"] != kind:
        raise refuse(f"it is a {document['kind']!r} packet, not a {kind}")
    if document["version"] not in READS.get(kind, (VERSION,)):
        raise refuse(
            f"it is a version-{document['version']} {kind} from an older coordinator program, without "
            "the counts this laptop's re-identification check needs; update the coordinator's "
            "program, revoke the assignment there and assign it again"
        )
    if parse_key(document["signer"], "the signer") != signer:
        raise refuse("the key it names is not the key that signed it")
    if document["recipient"] != str(identity.to_public()):
        raise refuse("it was made for another workstation (recipient)")
    for name in ("packet_id", "assignment_id"):
        if not is_uuid(document[name]):
            raise refuse(f"its {name} is not a lower-case UUID")
    if not isinstance(document["body"], dict) or not isinstance(document["created_at"], str):
        raise refuse("its body is not an object")
    return Packet(
        kind,
        document["packet_id"],
        document["created_at"],
        signer,
        document["recipient"],
        document["assignment_id"],
        document["body"],
        hashlib.sha256(data).hexdigest(),
    )


def write_packet(path: Path, data: bytes) -> None:
    write_bundle_file(Path(path), data)
