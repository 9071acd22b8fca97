"""Reports with known text, and what reviewers do with them: a panel of two reviewers (alice,
bob) on a real database with the real detector, stage 1 completed, reports approved through
both stages, and the approved database the export tests start from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, PASSPHRASES
from tests.helpers.intake import ImportBench, valid_submission, write
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.session import Session, unlock
from workstation.workflow import actions
from workstation.workflow.actions import save_coding
from workstation.workflow.residual import residual_scan

# A stop with a partner, a driver, a sergeant, a police department and a case number.
NARRATIVE = ("On March 3rd, 2026 my partner Dave Reyes and I stopped a Ford F-150 on Kessler Ave. "
             "The driver, Tom Okafor, had a Glock 17 under the seat. Sgt. O'Neill from the Millbrook "
             "Police Department arrived Code 3 and we took him into custody under case 26-004411.")
# The same stop told by the second officer, and a report of another incident (linking).
PARTNER = ("I was the second officer on that stop on March 3rd, 2026. Tom Okafor was in the driver "
           "seat and my partner Dave Reyes was at his window on Kessler Ave when I saw the Glock 17.")
UNRELATED = "Working a hospital guard detail, the prisoner tried to slip his cuffs in the bathroom."
# The second report the export tests approve.
SECOND_NARRATIVE = ("During a welfare check at 4410 Birchwood Lane my cover officer Ofc. Marisol Vance "
                    "noticed a rifle behind the door. Badge 5521 and I backed out and waited for Lt. "
                    "Hargrove. Nobody was hurt.")
ORI = "TX1234567"
# What the reviewers redact in these narratives (the detector finds them; complete_stage1
# redacts every suggestion): none of it may appear in any export.
REDACTED = ("Dave Reyes", "Okafor", "O'Neill", "Millbrook", "26-004411", "Marisol Vance", "Hargrove",
            "Birchwood")
# The report the decision tests review (imported without the detector).
REVIEW_NARRATIVE = ("On March 3rd my partner Dave Reyes and I stopped a Ford F-150 on Kessler Ave. "
                    "The driver, Tom Okafor, had a knife. Dave's quick call for backup saved us. "
                    "Sgt. O'Neill arrived from Millbrook PD.")
REVIEW_LESSONS = "Dave Reyes taught me to watch the hands. Call O'NEILL early."
REVIEW_TITLE = "Knife on a stop with Dave"
# The coding a stage-1 reviewer saves.
CODED_TITLE = "Weapon under the seat on a routine stop"
# What a reviewer writes to sign a report that fewer than k approved and published reports
# share its month and published details with (test databases hold few approved reports).
LOW_K_REASON = "Few reports approved this month yet; role, agency and shift are withheld."


def story(narrative: str, lessons: str = "Always wait for cover before you approach.",
          title: str = "Close call on a stop", **fields: object) -> dict:
    submission = valid_submission(str(uuid.uuid4()))
    submission.update({"narrative": narrative, "lessons_learned": lessons, "title": title, **fields})
    return submission


@dataclass
class Panel:
    """A workstation with two reviewers (alice, bob) importing with the real detector."""

    bench: ImportBench
    detector: object
    sessions: dict[str, Session] = field(default_factory=dict)

    def as_(self, name: str) -> Session:
        """The session of `name`, unlocking it the first time (both can be open at once)."""
        if name == ALICE:
            return self.bench.session
        if name not in self.sessions:
            self.sessions[name] = unlock(self.bench.session.path, name, PASSPHRASES[name])
        return self.sessions[name]

    def import_reports(self, *submissions: dict) -> list[int]:
        data = make_bundle(list(submissions), signing_key=self.bench.ctx.signing_key,
                           recipient=self.bench.ctx.recipient)
        path = write(self.bench.folder, data, f"{uuid.uuid4()}.nmbundle")
        import_bundle(self.bench.session, path, analyser=self.detector)
        db = self.bench.session.db
        return [db.query_one("SELECT id FROM reports WHERE submission_id = ?", (s["submission_id"],))[0]
                for s in submissions]

    def lock(self) -> None:
        for session in self.sessions.values():
            session.lock()
        self.bench.session.lock()


def complete_stage1(session: Session, detector: Any, report_id: int) -> None:
    """What a stage-1 reviewer does: decide every suggestion, code the report, clear the
    residual scan by redacting what it finds."""
    review = open_report(session, report_id)
    pending = [s.id for s in review.spans if s.decision == Decision.PENDING]
    if pending:
        actions.decide(session, report_id, pending, Decision.REDACT)
    for finding in residual_scan(session.db, detector, report_id):
        if not finding.field.startswith("coding."):
            actions.add_spans(session, report_id, finding.field,
                              [(finding.source_start, finding.source_end)], finding.label)
    review = open_report(session, report_id)
    save_coding(session, report_id,
                Coding(publishable_title=CODED_TITLE,
                       activity_type="traffic_stop", contributing_factors=("complacency",),
                       loss_potential=("officer_serious_injury",),
                       lessons_learned="Search the reach area before you relax.",
                       takeaways=("Search the reach area",),
                       discussion_questions=("Where would you look first?",)),
                review.coding)


def approve_report(panel: Panel, report_id: int) -> None:
    """Both stages: alice completes and signs stage 1, bob approves."""
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)


@dataclass
class Approved:
    """A panel whose database holds `report_ids`, approved through both stages."""

    panel: Panel
    report_ids: list[int]


@dataclass(frozen=True)
class ApprovedTemplate:
    path: Path
    ctx: object
    report_ids: list[int]


@dataclass
class Reviewed:
    """One imported report whose text we know, ready for review."""

    bench: ImportBench
    report_id: int
    submission_id: str

    @property
    def session(self):
        return self.bench.session


def import_story(bench: ImportBench, **fields: str) -> tuple[int, str]:
    """The review report imported without the detector: its id and submission id."""
    submission = valid_submission(str(uuid.uuid4()))
    submission.update({"narrative": REVIEW_NARRATIVE, "lessons_learned": REVIEW_LESSONS,
                       "title": REVIEW_TITLE, "ori": ORI, **fields})
    data = make_bundle([submission], signing_key=bench.ctx.signing_key, recipient=bench.ctx.recipient)
    import_bundle(bench.session, write(bench.folder, data, f"{submission['submission_id']}.nmbundle"))
    row = bench.session.db.query_one("SELECT id FROM reports WHERE submission_id = ?",
                                     (submission["submission_id"],))
    return int(row[0]), submission["submission_id"]
