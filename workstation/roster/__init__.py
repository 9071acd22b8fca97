"""The review panel's roster: who the reviewers are (`reviewers`), joining and leaving it
(`membership`: passphrase slots and re-keying go through the session's key-file commit),
and carrying it between laptops as files (`roster_file`)."""
