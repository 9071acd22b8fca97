-- Near Miss Review Workstation: schema of a new database.
-- Applied once to an empty database; later changes come as numbered migrations
-- (workstation/store/migrations.py) and the version is kept in PRAGMA user_version.
-- The store sets PRAGMA user_version and application_id after applying this file.

-- Small facts about this database (its id, when it was created, by which version).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The panel. A reviewer is a login name; display names are optional.
CREATE TABLE reviewers (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Public halves of the reviewers' Ed25519 signing keys. The private half is sealed
-- under the reviewer's passphrase in the key file. A key is retired, never deleted,
-- so that signatures made with it stay verifiable.
CREATE TABLE reviewer_keys (
    id          INTEGER PRIMARY KEY,
    reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    created_at  TEXT NOT NULL,
    retired_at  TEXT
);
-- At most one current key per reviewer.
CREATE UNIQUE INDEX reviewer_keys_one_current
    ON reviewer_keys(reviewer_id) WHERE retired_at IS NULL;

-- Append-only audit chain: each entry hashes the previous one (see workstation/audit/chain.py).
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL,
    payload   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
