"""A withdrawn intake key: bundles it signs are refused from then on; imported ones stay.

Before this change there was no way to withdraw a trusted key (`intake untrust` did not
exist): a stolen intake key kept its bundles coming in.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.files import run_cli
from tests.helpers.intake import ImportBench, valid_submission
from workstation.audit import chain
from workstation.errors import InputError
from workstation.intake.bundle_format import BundleRejected
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key, trusted_intake_keys, untrust_intake_key
from workstation.keys.signing import key_id


def _bundle(bench: ImportBench, name: str, key: object, count: int = 2) -> Path:
    path = bench.folder / name
    subs = [valid_submission(str(uuid.uuid4())) for _ in range(count)]
    path.write_bytes(make_bundle(subs, signing_key=key, recipient=bench.ctx.recipient))
    return path


def _reports(bench: ImportBench) -> int:
    return bench.session.db.query_one("SELECT count(*) FROM reports")[0]


def test_withdrawn_key_is_refused_from_then_on(bench: ImportBench) -> None:
    stolen = bench.ctx.signing_key
    before = _bundle(bench, "before.nmbundle", stolen)
    import_bundle(bench.session, before)
    assert _reports(bench) == 2
    made_earlier = _bundle(bench, "earlier.nmbundle", stolen)  # made before the withdrawal, imported after
    withdrawn = untrust_intake_key(bench.session, key_id(public_bytes(stolen)))
    entry = chain.entries(bench.session.db, limit=1)[-1]
    assert entry.action == "intake.untrust" and entry.payload["key_id"] == key_id(withdrawn.public_key)
    for path in (made_earlier, _bundle(bench, "after.nmbundle", stolen), before):
        with pytest.raises(BundleRejected, match="withdrawn intake key"):
            import_bundle(bench.session, path)
    assert _reports(bench) == 2  # the reports imported before stay
    # The other trusted key still works.
    import_bundle(bench.session, _bundle(bench, "other.nmbundle", bench.ctx.second_trusted_key))
    assert _reports(bench) == 4


def test_a_withdrawn_key_is_never_trusted_again(bench: ImportBench) -> None:
    key = public_bytes(bench.ctx.signing_key)
    untrust_intake_key(bench.session, "ed25519:" + key.hex())
    assert key not in [k.public_key for k in trusted_intake_keys(bench.session.db)]
    head = chain.head(bench.session.db)
    with pytest.raises(InputError, match="never trusted again"):
        trust_intake_key(bench.session, key)
    with pytest.raises(InputError, match="already withdrawn"):
        untrust_intake_key(bench.session, key_id(key))
    with pytest.raises(InputError, match="No trusted intake key"):
        untrust_intake_key(bench.session, "0123456789abcdef")
    assert chain.head(bench.session.db) == head  # refusals change nothing


def test_cli_untrust_and_list(bench: ImportBench, tmp_path: Path) -> None:
    key = key_id(public_bytes(bench.ctx.signing_key))
    db = bench.session.db.path
    bench.session.lock()
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    unlock = ["--db", str(db), "--reviewer", ALICE, "--passphrase-file", str(pw)]
    ran = run_cli("intake", "untrust", *unlock, key)
    assert ran.returncode == 0, ran.stderr
    listed = run_cli("intake", "list", *unlock)
    assert any(line.startswith(key) and line.endswith("WITHDRAWN") for line in listed.stdout.splitlines())
