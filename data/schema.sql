-- Near Miss Review Workstation: schema of a new database.
-- Applied whole to an empty database. Each "-- @since schema N" marker starts what schema
-- version N added: an older database gets those sections as migrations, in order
-- (workstation/store/migrations.py). The version is kept in PRAGMA user_version.
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

-- @since schema 2: intake: trusted keys, bundles, reports, quarantine
-- The workstation's own age identity lives in meta ('age_identity', 'age_recipient').

-- Intake services whose signatures this workstation accepts (Ed25519 public keys).
CREATE TABLE intake_keys (
    id         INTEGER PRIMARY KEY,
    public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    label      TEXT NOT NULL DEFAULT '',
    trusted_at TEXT NOT NULL,
    trusted_by TEXT NOT NULL
);

-- Every bundle imported (refused bundles leave only an audit entry).
CREATE TABLE bundles (
    id            INTEGER PRIMARY KEY,
    bundle_id     TEXT NOT NULL UNIQUE,
    file_sha256   TEXT NOT NULL,
    intake_key_id INTEGER NOT NULL REFERENCES intake_keys(id),
    created_at    TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL,
    imported      INTEGER NOT NULL,
    quarantined   INTEGER NOT NULL,
    duplicates    INTEGER NOT NULL
);

-- Accepted submissions, as received (validated JSON). Review state comes with later tables.
CREATE TABLE reports (
    id             INTEGER PRIMARY KEY,
    submission_id  TEXT NOT NULL UNIQUE,
    bundle_ref     INTEGER NOT NULL REFERENCES bundles(id),
    received_at    TEXT NOT NULL,
    form_version   TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    submission     TEXT NOT NULL,
    stage          TEXT NOT NULL DEFAULT 'received',
    imported_at    TEXT NOT NULL
);
CREATE INDEX reports_received ON reports(received_at);

-- Submissions that could not be accepted: their raw bytes and why. Nothing is dropped.
CREATE TABLE quarantine (
    id             INTEGER PRIMARY KEY,
    bundle_ref     INTEGER NOT NULL REFERENCES bundles(id),
    submission_id  TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('invalid', 'conflict')),
    reason         TEXT NOT NULL,
    raw            BLOB NOT NULL,
    raw_sha256     TEXT NOT NULL,
    quarantined_at TEXT NOT NULL,
    resolved_at    TEXT,
    resolution     TEXT
);

-- @since schema 3: identifier suggestions stored with each report
-- What the detector suggests redacting, by field and character offsets: never the text
-- itself. Computed at import (or later, for reports imported without analysis).
CREATE TABLE suggestions (
    id         INTEGER PRIMARY KEY,
    report_id  INTEGER NOT NULL REFERENCES reports(id),
    field      TEXT NOT NULL,
    span_start INTEGER NOT NULL CHECK (span_start >= 0),
    span_end   INTEGER NOT NULL CHECK (span_end > span_start),
    label      TEXT NOT NULL
               CHECK (label IN ('PERSON', 'AGENCY', 'LOCATION', 'DATE', 'CONTACT', 'ID')),
    score      REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    recognizer TEXT NOT NULL,
    UNIQUE (report_id, field, span_start, span_end, label)
);
CREATE INDEX suggestions_by_report ON suggestions(report_id, field, span_start);

-- When the detector last analysed a report, and which detector it was (NULL: not yet).
ALTER TABLE reports ADD COLUMN analysed_at TEXT;
ALTER TABLE reports ADD COLUMN analysed_by TEXT;

-- @since schema 4: review: spans with decisions, coding, full-text search
-- The reviewer's working set for each free-text field: the detector's suggestions
-- (copied when the report is first opened for review) and spans the reviewer added,
-- each with its decision. Offsets only; a custom replacement is the reviewer's own words.
CREATE TABLE review_spans (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo and redo name spans by id
    report_id   INTEGER NOT NULL REFERENCES reports(id),
    field       TEXT NOT NULL,
    span_start  INTEGER NOT NULL CHECK (span_start >= 0),
    span_end    INTEGER NOT NULL CHECK (span_end > span_start),
    label       TEXT NOT NULL
                CHECK (label IN ('PERSON', 'AGENCY', 'LOCATION', 'DATE', 'CONTACT', 'ID')),
    origin      TEXT NOT NULL CHECK (origin IN ('detector', 'reviewer')),
    score       REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    recognizer  TEXT NOT NULL,
    decision    TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'redact', 'keep')),
    replacement TEXT,
    generalise  INTEGER NOT NULL DEFAULT 0 CHECK (generalise IN (0, 1)),
    decided_by  TEXT,
    decided_at  TEXT,
    UNIQUE (report_id, field, span_start, span_end)
);
CREATE INDEX review_spans_by_report ON review_spans(report_id, field, span_start);

-- The panel's coding of a report: what will be published besides the redacted text.
-- Lists are JSON arrays of taxonomy codes or of short texts.
CREATE TABLE coding (
    report_id            INTEGER PRIMARY KEY REFERENCES reports(id),
    publishable_title    TEXT NOT NULL DEFAULT '',
    activity_type        TEXT NOT NULL DEFAULT '',
    contributing_factors TEXT NOT NULL DEFAULT '[]',
    loss_potential       TEXT NOT NULL DEFAULT '[]',
    lessons_learned      TEXT NOT NULL DEFAULT '',
    takeaways            TEXT NOT NULL DEFAULT '[]',
    discussion_questions TEXT NOT NULL DEFAULT '[]',
    updated_by           TEXT,
    updated_at           TEXT
);

-- Search over the reports' titles and free text for the review queue. Contentless (the
-- text is not stored a second time) with secure-delete, so that a deleted report's
-- words do not linger in the index's free pages.
CREATE VIRTUAL TABLE report_search USING fts5(
    title, body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO report_search(report_search, rank) VALUES ('secure-delete', 1);
INSERT INTO report_search(rowid, title, body)
    SELECT id, json_extract(submission, '$.title'),
           concat_ws(' ', json_extract(submission, '$.narrative'),
                     json_extract(submission, '$.lessons_learned'),
                     json_extract(submission, '$.prevention'),
                     json_extract(submission, '$.what_went_right'))
    FROM reports;

-- @since schema 5: workflow: sign-offs, residual-scan dismissals, linked reports
-- Each stage's decision, signed with the reviewer's Ed25519 key over `statement` (the
-- RFC 8785 canonical JSON of submission id, stage, decision, content hash, time, audit
-- head and key id). A sign-off is never deleted; a later change to the publishable
-- content marks it stale.
CREATE TABLE signoffs (
    id              INTEGER PRIMARY KEY,
    report_id       INTEGER NOT NULL REFERENCES reports(id),
    stage           INTEGER NOT NULL CHECK (stage IN (1, 2)),
    decision        TEXT NOT NULL CHECK (decision IN ('signed', 'approved', 'returned')),
    reviewer_key_id INTEGER NOT NULL REFERENCES reviewer_keys(id),
    content_sha256  TEXT NOT NULL,
    audit_head      TEXT NOT NULL,
    signed_at       TEXT NOT NULL,
    statement       TEXT NOT NULL,
    signature       BLOB NOT NULL CHECK (length(signature) = 64),
    comment         TEXT,
    stale_at        TEXT,
    stale_reason    TEXT
);
CREATE INDEX signoffs_by_report ON signoffs(report_id, stage);

-- Two different reviewers: a stage-2 sign-off may not be made with the key, nor by the
-- reviewer, that made the report's current stage-1 sign-off.
CREATE TRIGGER signoffs_two_reviewers BEFORE INSERT ON signoffs
WHEN NEW.stage = 2 AND EXISTS (
    SELECT 1 FROM signoffs s
    JOIN reviewer_keys k1 ON k1.id = s.reviewer_key_id
    JOIN reviewer_keys k2 ON k2.id = NEW.reviewer_key_id
    WHERE s.report_id = NEW.report_id AND s.stage = 1 AND s.decision = 'signed'
      AND s.stale_at IS NULL
      AND (k1.id = k2.id OR k1.reviewer_id = k2.reviewer_id OR k1.public_key = k2.public_key)
)
BEGIN
    SELECT RAISE(ABORT, 'stage 2 must be signed by a different reviewer than stage 1');
END;

CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
BEGIN
    SELECT RAISE(ABORT, 'sign-offs are kept');
END;

-- Workflow state that is not the stage itself: who works on it, why it was returned or
-- set aside.
ALTER TABLE reports ADD COLUMN stage_reviewer TEXT;
ALTER TABLE reports ADD COLUMN stage_note TEXT;

-- What the residual scan found in the redacted text and a reviewer dismissed, with why.
-- Offsets are in the original field, so a dismissal survives later redactions.
CREATE TABLE residual_dismissals (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports(id),
    field        TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL CHECK (span_end > span_start),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    dismissed_by TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    UNIQUE (report_id, field, span_start, span_end)
);

-- Several reports of one incident: one primary, the others supplemental (as ASRS does).
CREATE TABLE incidents (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE incident_reports (
    report_id   INTEGER PRIMARY KEY REFERENCES reports(id),
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    role        TEXT NOT NULL CHECK (role IN ('primary', 'supplemental'))
);
CREATE UNIQUE INDEX incident_one_primary ON incident_reports(incident_id) WHERE role = 'primary';

-- @since schema 6: review commands: stable span ids and the history of applied commands
-- Every change to a report goes through one review command (workstation/workflow/apply.py).
-- Commands name spans by `uid`, which two databases holding the same report agree on: a
-- span seeded from the detector gets a UUID5 over submission id, field, offsets and
-- recognizer; a span a reviewer adds gets the id its add command carries. Spans made
-- before this version get an id of their own database.
ALTER TABLE review_spans ADD COLUMN uid TEXT;
UPDATE review_spans SET uid = (SELECT submission_id FROM reports WHERE reports.id = review_spans.report_id)
    || '/span/' || id WHERE uid IS NULL;
CREATE UNIQUE INDEX review_spans_uid ON review_spans(report_id, uid);

-- The commands applied to each report, in order, as their canonical JSON (the reviewer's
-- own words included: a replacement, the coding, a reason). A command id is applied once.
-- A sign-off's statement carries the hash of its report's history up to it.
CREATE TABLE review_commands (
    seq        INTEGER PRIMARY KEY,
    command_id TEXT NOT NULL UNIQUE,
    report_id  INTEGER NOT NULL REFERENCES reports(id),
    kind       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    key_id     TEXT NOT NULL,
    body       TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    applied_by TEXT NOT NULL,
    audit_seq  INTEGER NOT NULL
);
CREATE INDEX review_commands_by_report ON review_commands(report_id, seq);

CREATE TRIGGER review_commands_no_update BEFORE UPDATE ON review_commands
BEGIN
    SELECT RAISE(ABORT, 'applied commands are kept as they were');
END;

-- @since schema 7: what a stage-1 sign-off covered, and dismissals that remember their words
-- The spans and coding as stage 1 signed them (the same JSON as review commands carry), so
-- that stage 1 sees exactly what stage 2 changed before signing again.
CREATE TABLE signoff_snapshots (
    signoff_id INTEGER PRIMARY KEY REFERENCES signoffs(id),
    spans      TEXT NOT NULL,
    coding     TEXT NOT NULL
);

-- A dismissal holds for the words it was made for: the hash of the normalised text under
-- its offsets and the finding's label. Other words typed at the same place are found again.
-- Dismissals made before this version have neither and no longer hold.
ALTER TABLE residual_dismissals ADD COLUMN text_sha256 TEXT;
ALTER TABLE residual_dismissals ADD COLUMN label TEXT;

-- @since schema 8: published structured fields: withheld or generalised, and low-k acknowledgements
-- How each quasi-identifying structured field is published (workstation/review/structured.py):
-- 'publish' (as given), 'generalise' (one step up) or 'withhold'. No row: as given, so a
-- report with no decision publishes, and hashes, exactly as before.
CREATE TABLE structured_choices (
    report_id  INTEGER NOT NULL REFERENCES reports(id),
    field      TEXT NOT NULL,
    choice     TEXT NOT NULL CHECK (choice IN ('publish', 'generalise', 'withhold')),
    decided_by TEXT,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (report_id, field)
);

-- A reviewer's written reason to sign a report that fewer than k published reports share
-- its combination of structured fields with; it holds for that publishable content only.
CREATE TABLE disclosure_acknowledgements (
    report_id       INTEGER NOT NULL REFERENCES reports(id),
    content_sha256  TEXT NOT NULL,
    matching        INTEGER NOT NULL,
    k               INTEGER NOT NULL,
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    acknowledged_by TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (report_id, content_sha256)
);

-- @since schema 9: work packets: roles, enrolled laptops, assignments, returns, conflicts
-- A database is a coordinator (the full database; every database made before this version)
-- or a reviewer laptop (meta 'panel_role' = 'reviewer'), holding only what is assigned to
-- its owner. Packets and their checks: docs/work-packets.md, workstation/exchange/.

-- Coordinator: each reviewer's enrolled laptop (age recipient and signing key); enrolling
-- again retires the old one.
CREATE TABLE panel_laptops (
    id          INTEGER PRIMARY KEY,
    reviewer    TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
    fingerprint TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT NOT NULL,
    retired_at  TEXT
);
CREATE UNIQUE INDEX panel_laptops_one_current ON panel_laptops(reviewer) WHERE retired_at IS NULL;

-- Reviewer laptop: the coordinator it takes work from (trusted after a fingerprint check).
CREATE TABLE panel_coordinators (
    id          INTEGER PRIMARY KEY,
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    recipient   TEXT NOT NULL,
    database_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    trusted_at  TEXT NOT NULL,
    trusted_by  TEXT NOT NULL,
    retired_at  TEXT
);

-- Both sides: every assignment made (coordinator) or received (laptop).
CREATE TABLE work_assignments (
    id            INTEGER PRIMARY KEY,
    assignment_id TEXT NOT NULL UNIQUE,
    packet_id     TEXT NOT NULL UNIQUE,
    reviewer      TEXT NOT NULL,
    stage         INTEGER NOT NULL CHECK (stage IN (1, 2)),
    due           TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    peer          TEXT NOT NULL,  -- the other side's age recipient
    returns       INTEGER NOT NULL DEFAULT 0  -- laptop: returns written; coordinator: highest merged
);

-- Both sides: each report of an assignment and where it stands. Hashes and ids only.
CREATE TABLE work_reports (
    assignment_ref   INTEGER NOT NULL REFERENCES work_assignments(id),
    submission_id    TEXT NOT NULL,
    state            TEXT NOT NULL
                     CHECK (state IN ('out', 'in_progress', 'done', 'given_back', 'revoked', 'conflict')),
    base_history     TEXT NOT NULL,  -- history and content hashes when it was assigned
    base_content     TEXT NOT NULL,
    expected_history TEXT NOT NULL,  -- coordinator: the history after this assignment's merges
    base_seq         INTEGER NOT NULL DEFAULT 0,  -- laptop: commands up to here came with it
    returned_seq     INTEGER NOT NULL DEFAULT 0,  -- laptop: commands up to here went in a return
    PRIMARY KEY (assignment_ref, submission_id)
);

-- Who holds a report: on the coordinator a report assigned out ('out') changes only by the
-- merge of that assignment (workflow/apply.py reads this); on a laptop a report ('here')
-- takes no new command after its due date, and is never linked or unlinked there.
CREATE TABLE work_holds (
    report_id     INTEGER PRIMARY KEY REFERENCES reports(id),
    assignment_id TEXT NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('out', 'here')),
    due           TEXT NOT NULL
);

-- Both sides: every packet accepted, so that none is taken twice.
CREATE TABLE work_packets (
    packet_id     TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    assignment_id TEXT NOT NULL,
    sequence      INTEGER NOT NULL DEFAULT 0,
    accepted_at   TEXT NOT NULL,
    late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))
) WITHOUT ROWID;

-- Coordinator: commands from a return that could not be merged as they were (the report
-- changed here, was revoked or re-assigned); staff apply or discard them with a reason.
CREATE TABLE work_conflicts (
    id            INTEGER PRIMARY KEY,
    assignment_id TEXT NOT NULL,
    packet_id     TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    reason        TEXT NOT NULL,
    commands      TEXT NOT NULL,  -- the return's commands for the report, as JSON lines
    created_at    TEXT NOT NULL,
    resolved_at   TEXT,
    resolved_by   TEXT,
    resolution    TEXT CHECK (resolution IN ('applied', 'discarded')),
    note          TEXT
);

-- A laptop deletes a report once its receipt (or a revocation) says the coordinator has
-- it: sign-offs are kept everywhere else, and there only while a receipt lists the report.
CREATE TABLE work_purge (
    report_id INTEGER PRIMARY KEY
);
DROP TRIGGER signoffs_no_delete;
CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
WHEN NOT EXISTS (
    SELECT 1 FROM work_purge p JOIN meta m ON m.key = 'panel_role' AND m.value = 'reviewer'
    WHERE p.report_id = OLD.report_id
)
BEGIN
    SELECT RAISE(ABORT, 'sign-offs are kept');
END;

-- @since schema 10: agency summaries: every figure each agency was sent, for the disclosure audit
-- One row per figure of an agency summary PDF (workstation/export/published_facts.py):
-- the true count when the period was first sent and how it was shown. Counts only: no
-- text, no report id. A period with rows is frozen: sending it again reproduces them.
CREATE TABLE agency_facts (
    ori    TEXT NOT NULL,
    period TEXT NOT NULL,
    cell   TEXT NOT NULL,
    value  INTEGER NOT NULL,
    shown  TEXT NOT NULL CHECK (shown IN ('count', 'fewer', 'withheld', 'notice', 'hidden', 'none')),
    PRIMARY KEY (ori, period, cell)
) WITHOUT ROWID;
CREATE TRIGGER agency_facts_no_update BEFORE UPDATE ON agency_facts
BEGIN
    SELECT RAISE(ABORT, 'agency facts are kept as sent');
END;

-- @since schema 11: retention: original texts destroyed N days after publication, what later code needs kept in another form
-- (workstation/retention/). A new database is made with auto_vacuum = INCREMENTAL; an older
-- one is rebuilt so once, after this migration commits, so that a purge can shrink the file.
-- @after-commit: PRAGMA auto_vacuum = INCREMENTAL
-- @after-commit: VACUUM

-- A purged report's publishable content exactly as both reviewers signed it: its RFC 8785
-- JSON, zlib-compressed (the SHA-256 of the JSON is the sign-offs' content_sha256). From then
-- on it is the report's publishable content (workflow/publishable.py); the stored submission
-- keeps only the structured fields.
CREATE TABLE retention_snapshots (
    report_id      INTEGER PRIMARY KEY REFERENCES reports(id),
    content        BLOB NOT NULL,
    content_sha256 TEXT NOT NULL,
    published_at   TEXT NOT NULL,
    purged_at      TEXT NOT NULL
);
CREATE TRIGGER retention_snapshots_no_update BEFORE UPDATE ON retention_snapshots
BEGIN
    SELECT RAISE(ABORT, 'a retention snapshot is kept as signed');
END;

-- The leak guard's phrases of a purged report (what it redacted, with the parts of names):
-- HMAC-SHA256 (first 16 bytes) of their compact matching form under the needle key (never
-- the words), that form's length in characters, so the guard hashes only runs of text that
-- long, and the finding's words after "a string redacted in report N " ("(PERSON)", ...).
CREATE TABLE retention_needles (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    digest    BLOB NOT NULL CHECK (length(digest) = 16),
    length    INTEGER NOT NULL CHECK (length > 0),
    detail    TEXT NOT NULL,
    numeric   INTEGER NOT NULL DEFAULT 0 CHECK (numeric IN (0, 1)),
    PRIMARY KEY (report_id, digest, detail)
);

-- A purged report's part of its incident's placeholder book, in reading order: the label and
-- the HMAC of the normalised value, so a report linked later numbers the same person alike.
CREATE TABLE retention_book (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,
    digest    BLOB NOT NULL CHECK (length(digest) = 16),
    PRIMARY KEY (report_id, position)
);

-- When a quarantined submission's raw bytes were destroyed (its hash stays).
ALTER TABLE quarantine ADD COLUMN purged_at TEXT;

-- @since schema 12: a reviewer laptop's counts for the re-identification check, sent in each assignment packet
-- A laptop holds only its assigned reports, so the re-identification check
-- (workflow/disclosure_check.py) counts the others from what the coordinator sent in the
-- latest assignment packet (version 2; workstation/exchange/disclosure_counts.py): for each
-- month of the assigned reports, each combination of the published structured fields as the
-- reporters gave them (codes only, RFC 8785 JSON) among the approved and published reports
-- of that month, and how many reports gave it. Counts only: no text, no report id. A packet's
-- months replace those months here; a month goes when no report of it is left on the laptop.
CREATE TABLE disclosure_count_months (
    month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    as_of TEXT NOT NULL  -- when the coordinator counted (UTC)
) WITHOUT ROWID;
CREATE TABLE disclosure_counts (
    month       TEXT NOT NULL REFERENCES disclosure_count_months(month),
    combination TEXT NOT NULL,
    reports     INTEGER NOT NULL CHECK (reports > 0),
    PRIMARY KEY (month, combination)
) WITHOUT ROWID;
-- The coordinator's check reads the approved and published reports of one month.
CREATE INDEX reports_by_month ON reports(substr(json_extract(submission, '$.incident_date'), 1, 7), stage);
