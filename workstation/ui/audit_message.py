"""The message Tools > Verify audit chain ends with: the chain, then every sign-off
signature, then the sign-off records against their audit entries."""

from __future__ import annotations

from workstation.workflow.verification import VerificationReport

SHOWN_PROBLEMS = 10  # broken signatures (or records) listed by name in the message; the rest counted


def _listed(problems: tuple[str, ...]) -> str:
    lines = [f"\u2022 {problem}." for problem in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"\u2026 and {len(problems) - SHOWN_PROBLEMS} more.")
    return "\n".join(lines)


def audit_check_text(report: VerificationReport) -> str:
    """The result in words; a broken part says so, with what to do."""
    result, problems, records = report.chain, report.signature_problems, report.record_problems
    if result.intact:
        parts = [f"The audit chain is intact: {result.entries} entries.\n\nHead: {result.head}"]
    else:
        parts = [f"The audit chain is BROKEN at entry {result.first_broken}: {result.reason}.\n\n"
                 "Entries from there on cannot be trusted."]
    if problems:
        parts.append(f"Sign-off signatures BROKEN: {len(problems)} of {report.signoffs} do not verify "
                     "with the reviewers' public keys:\n" + _listed(problems))
    else:
        parts.append(f"Sign-off signatures: all {report.signoffs} verify with the reviewers' public keys.")
    if records:
        parts.append(f"Sign-off records BROKEN: {len(records)} do not match their audit entries:\n"
                     + _listed(records))
    if not report.intact:
        parts.append("Restore the database from a backup and report this to the panel chair.")
    return "\n\n".join(parts)
