"""Backups: the database and its key file together, as one encrypted file
(docs/backup-format.md). `archive` packs and unpacks the file; `copy` makes a backup of an
unlocked session and restores one beside nothing."""
