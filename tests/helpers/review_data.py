"""Reports with real suggestions for the review GUI: generated submissions full of
identifiers, imported through a real signed bundle with the real detector.

Used by the review tests, the screenshots and the GUI benchmark. The detector loads its
spaCy model once per process (a few seconds), so callers share one.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from workstation.demo.submissions import generate_submissions
from workstation.detect.detector import get_detector
from workstation.intake.importer import import_bundle
from workstation.session import Session


class SharedAnalyser:
    """The process-wide detector as import's ReportAnalyser (whatever its own name is)."""

    def __init__(self) -> None:
        self.detector = get_detector().load()

    @property
    def name(self) -> str:
        return str(getattr(self.detector, "name", "") or f"detector:{self.detector.model}")

    def analyze_reports(self, reports: Sequence[Mapping[str, str]],
                        known_identifiers: Sequence[Sequence[str]]) -> list[Any]:
        return self.detector.analyze_reports(reports, known_identifiers)


_ANALYSER: SharedAnalyser | None = None


def shared_analyser() -> SharedAnalyser:
    global _ANALYSER
    if _ANALYSER is None:
        _ANALYSER = SharedAnalyser()
    return _ANALYSER


def identified_submissions(count: int, *, seed: int = 3) -> list[dict[str, Any]]:
    """Generated submissions that all carry identifiers (names, agencies, places...)."""
    return generate_submissions(count, seed=seed, identifier_share=1.0)


def long_submission(seed: int = 5, parts: int = 6) -> dict[str, Any]:
    """One submission whose narrative joins several generated ones: about 60 suggestions."""
    pieces = generate_submissions(parts, seed=seed, identifier_share=1.0)
    first = dict(pieces[0], submission_id=str(uuid.uuid5(uuid.NAMESPACE_OID, f"long-{seed}-{parts}")))
    first["narrative"] = "\n\n".join(p["narrative"] for p in pieces)[:20_000]
    first["lessons_learned"] = " ".join(p["lessons_learned"] for p in pieces[:3])
    return first


def import_with_suggestions(session: Session, intake: Any, submissions: list[dict[str, Any]],
                            name: str = "review.nmbundle") -> list[int]:
    """Import through a real bundle with the real detector; the new report ids, in order."""
    import_bundle(session, intake.bundle(submissions, name), analyser=shared_analyser())
    ids = []
    for sub in submissions:
        row = session.db.query_one("SELECT id FROM reports WHERE submission_id = ?",
                                   (sub["submission_id"],))
        ids.append(int(row[0]))
    return ids
