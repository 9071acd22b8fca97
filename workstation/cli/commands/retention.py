"""retention run / retention show / retention set: destroying original texts N days after publication."""

from __future__ import annotations

import argparse

from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.errors import ExitCode
from workstation.retention.plan import RetentionPlan, plan_retention
from workstation.retention.purge import RetentionResult, run_retention
from workstation.retention.settings import DEFAULT_DAYS, MAX_DAYS, retention_days, set_retention_days


def register(subparsers: argparse._SubParsersAction) -> None:
    retention = subparsers.add_parser(
        "retention", help="destroy original texts N days after publication (issue 18)",
        description="A published report's original free text, the words under its spans and its "
        "full-text index entry, and quarantined raw submissions, are destroyed N days after "
        f"publication (default {DEFAULT_DAYS}); the publishable content as signed, the coding, "
        "hashes, sign-offs and audit entries are kept. The GUI runs this after each unlock.")
    commands = retention.add_subparsers(dest="retention_command", required=True)
    parents = [database_options(), reviewer_options()]
    run = commands.add_parser("run", parents=parents, help="destroy what is due now (audited, counts only)")
    run.add_argument("--dry-run", action="store_true",
                     help="only say what would be destroyed; change nothing")
    run.set_defaults(handler=run_run)
    show = commands.add_parser("show", parents=parents,
                               help="the setting, what is due now and what comes next")
    show.set_defaults(handler=run_show)
    setting = commands.add_parser("set", parents=parents,
                                  help="keep original texts DAYS days after publication")
    setting.add_argument("days", type=int, metavar="DAYS", help=f"0 to {MAX_DAYS}")
    setting.set_defaults(handler=run_set)


def plan_lines(plan: RetentionPlan) -> list[str]:
    """What a plan says, in plain words: counts and dates, never text."""
    lines = [f"Original texts are kept {plan.days} days after publication; "
             f"{plan.purged} report(s) have had theirs destroyed already."]
    lines.append(f"Due now: {len(plan.reports)} published report(s), "
                 f"{len(plan.quarantined)} quarantined submission(s).")
    if plan.held:
        lines.append(f"Held back: {len(plan.held)} due report(s) linked with a report that is not due yet.")
    for due in plan.upcoming[:5]:
        lines.append(f"  report {due.id}: published {due.since[:10]}, "
                     f"its original text goes on {due.due_at[:10]}")
    for due in plan.upcoming_quarantine[:5]:
        lines.append(f"  quarantined submission {due.id}: raw bytes go on {due.due_at[:10]}")
    return lines


def result_lines(result: RetentionResult) -> list[str]:
    if result.dry_run:
        return [*plan_lines(result.plan), "Dry run: nothing was changed."]
    lines = [f"Destroyed the original text of {result.reports} published report(s) and the raw bytes "
             f"of {result.quarantined} quarantined submission(s)."]
    if result.held:
        lines.append(f"Held back: {result.held} report(s) (linked with a report not due yet, or no "
                     "longer as signed).")
    if result.reports or result.quarantined:
        lines.append(f"Database file: {result.bytes_before} bytes before, {result.bytes_after} after "
                     f"({result.free_pages} free page(s) given back).")
    return lines


def run_run(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        result = run_retention(session, dry_run=args.dry_run)
    for line in result_lines(result):
        print(line)
    return ExitCode.OK


def run_show(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        plan = plan_retention(session.db, retention_days(session.db))
    for line in plan_lines(plan):
        print(line)
    return ExitCode.OK


def run_set(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        set_retention_days(session, args.days)
    print(f"Original texts are now kept {args.days} days after publication.")
    return ExitCode.OK
