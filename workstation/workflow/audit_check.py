"""Tools > Verify audit chain: the checks `workstation audit verify` runs
(`workstation.workflow.verification`), on the reviewer's open session."""

from __future__ import annotations

from workstation.session import Session
from workstation.workflow.verification import VerificationReport, verify_everything


def verify_session(session: Session) -> VerificationReport:
    """Read-only; safe in a worker thread. No anchor: the GUI checks the chain as it stands."""
    return verify_everything(session.db)
