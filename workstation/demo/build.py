"""`demo build`: a database filled with generated reports taken through the real workflow,
so that exports can be tried by a newcomer and measured at scale.

Two demo reviewers, demo-stage1 and demo-stage2, share one passphrase. Generated
submissions (received over the last quarters up to a chosen one) are imported through
signed bundles with the detector's suggestions; demo-stage1 opens each report, accepts
every suggestion, redacts what the residual scan still finds, codes the report from its
redacted text (title, lessons, a takeaway, three roll-call questions) and signs stage 1;
demo-stage2 approves; a share of the approved reports is then published through the
real publication export, in batches. Only domain functions are called, never the tables.

A report the leak guard leaves out of a batch (a phrase redacted in another report, often
one reviewed after it was signed: a badge number "1078" elsewhere written as the radio code
"10-78" here) is fixed as a careful panel would: the phrase redacted here too, the report
(its approval now stale) returned by demo-stage2, signed again by demo-stage1 and approved,
then the batch is tried again. What still cannot be published is in `BuiltDemo.not_published`.

Speed, without weakening anything signed:
- each reviewer's signing key is unsealed once per build (Argon2id costs ~0.7 s) and
  handed to the unchanged sign-off code through `batch_signing`; every sign-off is still
  an Ed25519 signature over its own statement, and the seed is wiped at the end;
- the residual scans run the detector on many reports in one batch first
  (`BatchedAnalyser`); the sign-off code then gets the same results from a cache.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import math
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workstation.analysis import ReportAnalyser
from workstation.demo import stories, vocabulary
from workstation.demo.demo_database import DEMO_REVIEWERS
from workstation.demo.submissions import _SLOT, GENERIC, iter_submissions
from workstation.errors import InputError
from workstation.export.leak_guard import LeakError, Needles, load_needles, matched_phrases, tokens
from workstation.export.periods import parse_period
from workstation.export.publication import LeftOut, NothingPublishable, export_publication
from workstation.intake.bundle_format import MAX_REPORTS
from workstation.intake.bundle_writer import make_bundle, write_bundle_file
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.submission_schema import load_taxonomy, taxonomy_labels
from workstation.intake.trust import trust_intake_key, workstation_recipient
from workstation.keys.keyfile import keyfile_path_for
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.roster.membership import add_reviewer
from workstation.session import Session, create_workstation, unlock
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.actions import dismiss_finding, save_coding
from workstation.workflow.publishable import publishable_content
from workstation.workflow.residual import residual_scan, scanned_texts

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
CHUNK = 64
PUBLISH_BATCH = 500
BUNDLE_REPORTS = 5_000
QUESTIONS = (
    "At what moment could this have gone differently, and what would you have done then?",
    "What in our own policy or training covers a situation like this one?",
    "Who on this shift has met something similar, and what did they learn?",
    "What would you tell a new officer about this kind of call?",
    "Which assumption in this account would you have made too?",
)


@dataclass(frozen=True)
class BuiltDemo:
    path: Path
    reports: int
    approved: int
    published: int
    seconds: float
    # Why reports meant to be published stay approved (plain words, no report text): a
    # phrase the demo's reviewers could not redact, or a batch the guard refused outright.
    not_published: tuple[str, ...] = ()


class BatchedAnalyser:
    """The detector, with results remembered per text: analyse many reports in one call
    (`prime`), then single-report calls from the workflow are answered from the cache."""

    def __init__(self, inner: ReportAnalyser) -> None:
        self.inner = inner
        self.model = getattr(inner, "model", "")
        self._cache: dict[Any, Any] = {}

    @staticmethod
    def _key(texts: Mapping[str, str], known: Sequence[str]) -> Any:
        return tuple(sorted(texts.items())), tuple(known)

    def prime(self, reports: Sequence[Mapping[str, str]], known: Sequence[Sequence[str]]) -> None:
        missing = [(r, k) for r, k in zip(reports, known, strict=True) if self._key(r, k) not in self._cache]
        if missing:
            results = self.inner.analyze_reports([r for r, _ in missing], [list(k) for _, k in missing])
            for (r, k), found in zip(missing, results, strict=True):
                self._cache[self._key(r, k)] = found

    def analyze_reports(self, reports: Sequence[Mapping[str, str]],
                        known_identifiers: Sequence[Sequence[str]]) -> list[Any]:
        self.prime(reports, known_identifiers)
        return [self._cache[self._key(r, k)] for r, k in zip(reports, known_identifiers, strict=True)]

    def clear(self) -> None:
        self._cache.clear()


@contextlib.contextmanager
def batch_signing(session: Session, passphrase: str) -> Iterator[Session]:
    """Unseal the reviewer's signing key once for many sign-offs. The sign-off code asks the
    session for the seed each time (and wipes its copy); here it gets a copy of the seed
    unsealed at the start, only when it gives the same passphrase. Wiped at the end."""
    seed = session.signing_seed(passphrase)
    original = session.signing_seed
    expected = passphrase.encode("utf-8")

    def signing_seed(given: str) -> bytearray:
        if not hmac.compare_digest(given.encode("utf-8"), expected):
            return original(given)
        return bytearray(seed)

    session.signing_seed = signing_seed  # type: ignore[method-assign,assignment]
    try:
        yield session
    finally:
        seed[:] = bytes(len(seed))
        del session.signing_seed


def _redistributed(submissions: list[dict[str, Any]], end_period: str, quarters: int,
                   seed: int) -> list[dict[str, Any]]:
    """Spread the reports' received times over the `quarters` quarters ending with
    `end_period` (the generator's own times run on for years at this volume); each
    incident keeps its distance before its report."""
    last = parse_period(end_period)
    first = last.trend(quarters)[0]
    start = datetime.combine(first.start, datetime.min.time(), tzinfo=UTC)
    span = (datetime.combine(last.end, datetime.min.time(), tzinfo=UTC) - start).total_seconds()
    rng = random.Random(f"redistribute-{seed}")
    moments = sorted(rng.uniform(0, span - 3600) for _ in submissions)
    result = []
    for submission, offset in zip(submissions, moments, strict=True):
        old_received = datetime.strptime(submission["received_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        gap = old_received.date() - datetime.fromisoformat(submission["incident_date"]).date()
        received = start + timedelta(seconds=offset)
        result.append({**submission, "received_at": received.strftime("%Y-%m-%dT%H:%M:%SZ"),
                       "incident_date": (received.date() - gap).isoformat()})
    return result


def _questions(report_id: int) -> tuple[str, ...]:
    rng = random.Random(report_id)
    return tuple(rng.sample(QUESTIONS, 3))


def _first_sentence(text: str) -> str:
    sentence = text.strip().split(". ")[0].strip()
    return (sentence if sentence.endswith(".") else sentence + ".")[:400]


@cache
def _generic_words() -> frozenset[str]:
    """Words of the story templates and the non-identifying vocabulary (weapons, vehicles,
    radio codes): what the detector sometimes suggests and a reviewer keeps."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.append(_SLOT.sub(" ", value))
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for name in load_taxonomy()["lists"]:
        walk(taxonomy_labels(name))
    for value in (stories.PROFILES, stories.OPENERS, stories.CLOSERS, stories.LESSONS, stories.PREVENTION,
                  stories.WENT_RIGHT, stories.TITLES, stories.ACTIVITY_WORDS, vocabulary.WEAPONS,
                  vocabulary.VEHICLES, vocabulary.RADIO_CODES, tuple(GENERIC.values())):
        walk(value)
    return frozenset(tokens(" ".join(texts)))


def _generic(text: str) -> bool:
    words = tokens(text)
    return bool(words) and all(w in _generic_words() for w in words)


def _stage1_redact(session: Session, analyser: BatchedAnalyser, report_ids: Sequence[int]) -> None:
    """Accept every suggestion except plainly generic words; then redact what the residual
    scan still finds (dismissing generic words, with the reason)."""
    for rid in report_ids:
        actions.start_stage1(session, rid)
        review = open_report(session, rid)
        pending = [s for s in review.spans if s.decision == Decision.PENDING]
        keep = [s.id for s in pending if _generic(review.texts[s.field][s.start:s.end])]
        redact = [s.id for s in pending if s.id not in keep]
        if redact:
            actions.decide(session, rid, redact, Decision.REDACT)
        if keep:
            actions.decide(session, rid, keep, Decision.KEEP)
    _prime(session, analyser, report_ids)
    for rid in report_ids:
        _resolve_findings(session, analyser, rid)


def _resolve_findings(session: Session, analyser: ReportAnalyser, rid: int) -> None:
    review = None
    for finding in residual_scan(session.db, analyser, rid):
        if finding.field.startswith("coding."):
            dismiss_finding(session, rid, finding, "Demo: checked, part of the panel's own wording")
            continue
        review = review or open_report(session, rid)
        if _generic(review.texts[finding.field][finding.source_start:finding.source_end]):
            dismiss_finding(session, rid, finding, "Demo: a common word, not an identifier")
        else:
            actions.add_spans(session, rid, finding.field, [(finding.source_start, finding.source_end)],
                                finding.label)


_LABEL = re.compile(r"\((PERSON|AGENCY|LOCATION|DATE|CONTACT|ID)\)")


def _guard_fix(session: Session, rid: int, needles: Needles) -> bool:
    """What a careful reviewer does with 'apply to all occurrences' across reports: redact
    here any string already redacted in another report, so the leak guard passes. Each
    published string is looked at on its own, as the guard does; a phrase is found in the
    original text however it is split ("10-78" for a redacted "1078"). Whether anything
    was redacted."""
    changed = False
    for _ in range(2):
        found = [m for text in _strings(publishable_content(session.db, rid))
                 for m in matched_phrases(text, needles)]
        if not found:
            return changed
        review = open_report(session, rid)
        added = False
        for seq, description in dict.fromkeys(found):
            pattern = _split_pattern(seq)
            found_label = _LABEL.search(description)
            label = found_label.group(1) if found_label else "PERSON"
            for field_name, text in review.texts.items():
                spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
                if spans:
                    actions.add_spans(session, rid, field_name, spans, label)
                    added = True
        if not added:
            return changed  # written in a form the demo's reviewers do not look for (look-alikes)
        changed = True
        _code(session, rid)
    return changed


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _split_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """A phrase's letters and digits in order, anything but letters and digits between them
    (the guard joins words without what separates them: "1/9/30" is found in "1930")."""
    chars = [re.escape(ch) for ch in "".join(words)]
    return re.compile(r"(?<![^\W_])" + r"[\W_]*".join(chars) + r"(?![^\W_])", re.IGNORECASE)


def _code(session: Session, rid: int) -> None:
    review = open_report(session, rid)
    redacted = review.redacted(include_pending=True)
    title = redacted["title"].text if "title" in redacted else "Near miss"
    lessons = redacted["lessons_learned"].text if "lessons_learned" in redacted else ""
    save_coding(session, rid, Coding(
        publishable_title=" ".join(title.split())[:200] or "Near miss",
        activity_type=review.coding.activity_type, contributing_factors=review.coding.contributing_factors,
        loss_potential=review.coding.loss_potential, lessons_learned=lessons or "Wait for cover.",
        takeaways=(_first_sentence(lessons),) if lessons else (), discussion_questions=_questions(rid),
    ), review.coding)


def _prime(session: Session, analyser: BatchedAnalyser, report_ids: Sequence[int]) -> None:
    reports, known = [], []
    for rid in report_ids:
        redacted, extra, ori = scanned_texts(session.db, rid)
        reports.append({**{f: r.text for f, r in redacted.items() if f != "title"}, **extra})
        known.append(list(ori))
    analyser.prime(reports, known)


# The demo's reviewers sign what the re-identification check finds below k with a reason
# (a real panel would withhold or generalise first; the demo keeps the defaults).
DEMO_LOW_K_REASON = "Demo data: generated reports about no real officer."


# report id -> why stage 1 could not be signed (the refusal's problems: counts, no text)
Unsigned = dict[int, str]


def _sign_stage1(session: Session, analyser: BatchedAnalyser, rid: int, passphrase: str,
                 unsigned: Unsigned | None = None) -> bool:
    for attempt in range(3):
        try:
            actions.sign_stage1(session, rid, passphrase, analyser, low_k_reason=DEMO_LOW_K_REASON)
            if unsigned is not None:
                unsigned.pop(rid, None)
            return True
        except InputError as refused:
            if attempt == 2:
                if unsigned is not None:
                    problems = getattr(refused, "problems", ())
                    unsigned[rid] = "; ".join(problems) if problems else type(refused).__name__
                return False
            _resolve_findings(session, analyser, rid)
            _code(session, rid)
    return False


def build_demo(path: Path, *, reports: int, agencies: int, passphrase: str, seed: int = 1,
               publish_share: float = 0.6, end_period: str = "2026-Q3", quarters: int = 8,
               analyser: ReportAnalyser | None = None, progress: Progress | None = None) -> BuiltDemo:
    """Create a new database at `path` and fill it (the path must not exist yet)."""
    started = time.perf_counter()
    if path.exists() or keyfile_path_for(path).exists():
        raise InputError(f"{path} already exists; demo build makes a new database.")
    if not 1 <= reports <= 100_000 or not 1 <= agencies <= 10_000:
        raise InputError("--reports must be 1 to 100,000 and --agencies 1 to 10,000.")
    if analyser is None:
        from workstation.detect.detector import get_detector

        analyser = get_detector()
    batched = BatchedAnalyser(analyser)
    first, second = DEMO_REVIEWERS
    created = create_workstation(path, first, passphrase, display_name="Demo reviewer (stage 1)")
    stage1 = created.session
    stage2: Session | None = None
    try:
        add_reviewer(stage1, second, passphrase, display_name="Demo reviewer (stage 2)")
        intake_key = Ed25519PrivateKey.generate()
        trust_intake_key(stage1, public_bytes(intake_key), label="demo intake")
        recipient = workstation_recipient(stage1.db)
        submissions = _redistributed(list(iter_submissions(reports, seed=seed, agencies=agencies)),
                                     end_period, quarters, seed)
        for number, begin in enumerate(range(0, reports, min(BUNDLE_REPORTS, MAX_REPORTS)), start=1):
            chunk = submissions[begin:begin + BUNDLE_REPORTS]
            bundle = path.parent / f".{path.name}.demo-{number}.nmbundle"
            write_bundle_file(bundle, make_bundle(chunk, signing_key=intake_key, recipient=recipient))
            try:
                import_bundle(stage1, bundle, analyser=analyser)
            finally:
                bundle.unlink(missing_ok=True)
            if progress:
                progress("imported", begin + len(chunk), reports)
        ids = [r[0] for r in stage1.db.query("SELECT id FROM reports ORDER BY received_at, id")]
        stage2 = unlock(path, second, passphrase)
        to_publish = math.floor(len(ids) * publish_share)
        approved = published = 0
        not_published: list[str] = []
        unsigned: Unsigned = {}
        # Stage 1 work on every report first, so that every redacted string is known before
        # anything is signed (the leak guard compares each report with all the others).
        for begin in range(0, len(ids), CHUNK):
            chunk_ids = ids[begin:begin + CHUNK]
            _stage1_redact(stage1, batched, chunk_ids)
            for rid in chunk_ids:
                _code(stage1, rid)
            batched.clear()
            if progress:
                progress("redacted and coded", begin + len(chunk_ids), len(ids))
        needles = load_needles(stage1.db)
        with batch_signing(stage1, passphrase), batch_signing(stage2, passphrase):
            # The earliest reports are reviewed and published in batches; the rest stay approved.
            for phase, phase_ids in (("publish", ids[:to_publish]), ("approve", ids[to_publish:])):
                waiting = 0
                for begin in range(0, len(phase_ids), CHUNK):
                    chunk_ids = phase_ids[begin:begin + CHUNK]
                    count = _review_chunk(stage1, stage2, batched, chunk_ids, passphrase, needles,
                                          unsigned if phase == "publish" else None)
                    approved += count
                    waiting += count
                    last = begin + CHUNK >= len(phase_ids)
                    if phase == "publish" and waiting and (waiting >= PUBLISH_BATCH or last):
                        count, why = _publish(stage1, stage2, batched, path, passphrase, published, unsigned)
                        published += count
                        not_published = why  # what the last batch still left out
                        waiting = 0
                    if progress:
                        progress("reviewed", approved, len(ids))
    finally:
        stage1.lock()
        if stage2 is not None:
            stage2.lock()
    not_published += [f"report {rid}: stage 1 could not be signed after three rounds of fixes ({problem})"
                      for rid, problem in sorted(unsigned.items())]
    for reason in not_published:
        log.warning("demo report not published: %s", reason)
    return BuiltDemo(path, reports, approved, published, time.perf_counter() - started, tuple(not_published))


def _review_chunk(stage1: Session, stage2: Session, batched: BatchedAnalyser, chunk_ids: list[int],
                  passphrase: str, needles: Needles, unsigned: Unsigned | None = None) -> int:
    for rid in chunk_ids:
        _guard_fix(stage1, rid, needles)
    _prime(stage1, batched, chunk_ids)
    signed = [rid for rid in chunk_ids if _sign_stage1(stage1, batched, rid, passphrase, unsigned)]
    for rid in signed:
        actions.start_stage2(stage2, rid)
        actions.approve(stage2, rid, passphrase, batched, low_k_reason=DEMO_LOW_K_REASON)
    batched.clear()
    return len(signed)


FIX_ROUNDS = 3
RETURN_COMMENT = "Demo: the leak guard found a phrase redacted in another report; redact it here too."


def _publish(stage1: Session, stage2: Session, batched: BatchedAnalyser, path: Path, passphrase: str,
             already: int, unsigned: Unsigned | None = None) -> tuple[int, list[str]]:
    """Publish what is approved. What the guard names in a report left out of the batch is
    fixed as a careful panel would (redacted here too, the report taken back through both
    stages: a changed approved report goes stale) and the batch is tried again; what cannot
    be fixed stays approved. Returns the count published and why reports were not (kinds
    of findings and report ids only, never text)."""
    published = 0
    why: list[str] = []
    for _ in range(FIX_ROUNDS):
        folder = path.parent / f"{path.stem}-publication-{already + published + 1:06d}"
        try:
            result = export_publication(stage2, folder, passphrase)
            left = list(result.left_out)
            published += len(result.publications)
        except LeakError as refused:
            left = list(getattr(refused, "left_out", []))
            if not left:  # in the batch's own text (cover, metadata, manifest): no report to fix
                kinds = sorted({f"{f.where.split(' ', 1)[-1]}: {f.what}" for f in refused.findings})
                log.warning("demo publication batch refused by the leak guard in the batch's own text "
                            "(%d findings: %s)", len(refused.findings), "; ".join(kinds))
                return published, [f"the whole batch was refused: {k}" for k in kinds]
        except NothingPublishable as refused:
            left = list(refused.left_out)
        why = [_why(item) for item in left]
        named = [item.report_id for item in left if item.findings]
        if not named:
            return published, why
        log.warning("demo publication batch: %d report(s) left out by the leak guard; fixing them",
                    len(named))
        fixed = _fix_and_resign(stage1, stage2, batched, named, passphrase, unsigned)
        if not fixed:
            return published, why
    return published, why


def _why(item: LeftOut) -> str:
    """A left-out report in plain words: its id, the reason, the kinds of findings (never text)."""
    found = "; ".join(dict.fromkeys(f.what for f in item.findings))
    reason = item.reason.splitlines()[0].rstrip(":")
    return f"report {item.report_id}: {reason}" + (f" ({found})" if found else "")


def _fix_and_resign(stage1: Session, stage2: Session, batched: BatchedAnalyser, report_ids: list[int],
                    passphrase: str, unsigned: Unsigned | None = None) -> list[int]:
    """Redact in each report what the guard named (needles read again: later reports added
    some), then back through the workflow: stage 2 returns it with a comment, stage 1 signs
    again, stage 2 approves. The ids approved again."""
    needles = load_needles(stage1.db)
    changed = []
    for rid in report_ids:
        if _guard_fix(stage1, rid, needles):
            if report_stage(stage1.db, rid) == Stage.STAGE2.value:
                actions.return_to_stage1(stage2, rid, RETURN_COMMENT, passphrase)
            if report_stage(stage1.db, rid) == Stage.RETURNED.value:
                actions.start_stage1(stage1, rid)
            changed.append(rid)
    _prime(stage1, batched, changed)
    signed = [rid for rid in changed if report_stage(stage1.db, rid) == Stage.STAGE1.value
              and _sign_stage1(stage1, batched, rid, passphrase, unsigned)]
    for rid in signed:
        actions.start_stage2(stage2, rid)
        actions.approve(stage2, rid, passphrase, batched, low_k_reason=DEMO_LOW_K_REASON)
    batched.clear()
    return signed
