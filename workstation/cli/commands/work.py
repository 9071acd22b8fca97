"""work import, returns export|import, receipt import, assign, conflicts list|resolve: moving
work between the coordinator and reviewers' laptops as signed, encrypted packets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.cli.secrets_input import secret
from workstation.errors import ExitCode
from workstation.exchange import conflicts as queue
from workstation.exchange.assign import assign, default_reviewer
from workstation.exchange.laptop import export_return, import_assignment, import_receipt, import_revocation
from workstation.exchange.merge import merge_return


def register(subparsers: argparse._SubParsersAction) -> None:
    parents = [database_options(), reviewer_options()]
    work = subparsers.add_parser("work", help="(laptop) take in an assignment")
    work_commands = work.add_subparsers(dest="work_command", required=True)
    taken = work_commands.add_parser("import", parents=parents, help="take in an assignment (.nmwork)")
    taken.add_argument("file", type=Path, metavar="FILE")
    taken.set_defaults(handler=run_work_import)
    notice = work_commands.add_parser(
        "revoked", parents=parents, help="take in the coordinator's revocation notice (.nmrevoke)"
    )
    notice.add_argument("file", type=Path, metavar="FILE")
    notice.set_defaults(handler=run_revocation)

    returns = subparsers.add_parser("returns", help="returns of work from laptops")
    return_commands = returns.add_subparsers(dest="returns_command", required=True)
    export = return_commands.add_parser("export", parents=parents, help="(laptop) write a return (.nmreturn)")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument(
        "--reports",
        type=int,
        nargs="+",
        metavar="N",
        help="these reports (default: every report with work since the last return)",
    )
    export.add_argument(
        "--give-back", action="store_true", help="hand the listed reports (or all held) back unfinished"
    )
    export.set_defaults(handler=run_returns_export)
    merged = return_commands.add_parser(
        "import", parents=parents, help="(coordinator) merge a return and write its receipt"
    )
    merged.add_argument("file", type=Path, metavar="FILE")
    merged.add_argument("--receipt-out", type=Path, required=True, metavar="FILE")
    merged.set_defaults(handler=run_returns_import)

    receipt = subparsers.add_parser("receipt", help="(laptop) receipts from the coordinator")
    receipt_commands = receipt.add_subparsers(dest="receipt_command", required=True)
    taken = receipt_commands.add_parser(
        "import", parents=parents, help="take in a receipt: delete the reports the coordinator has"
    )
    taken.add_argument("file", type=Path, metavar="FILE")
    taken.set_defaults(handler=run_receipt_import)

    given = subparsers.add_parser(
        "assign",
        parents=[database_options()],
        help="(coordinator) assign reports to a reviewer's laptop for one stage",
    )
    given.add_argument(
        "--reviewer",
        dest="assignee",
        metavar="NAME",
        help="the reviewer whose laptop gets the work (stage 1 of reports returned by stage 2: by default "
        "the reviewer who signed stage 1)",
    )
    given.add_argument(
        "--staff",
        metavar="NAME",
        help="who unlocks the coordinator's database (default: its only passphrase holder)",
    )
    given.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="the unlocking person's passphrase, from the first line of FILE",
    )
    given.add_argument("--stage", type=int, choices=(1, 2), required=True)
    given.add_argument("--reports", type=int, nargs="+", required=True, metavar="N")
    given.add_argument("--due", required=True, metavar="DATE", help="YYYY-MM-DD (end of that day, UTC)")
    given.add_argument("--out", type=Path, required=True, metavar="FILE")
    given.set_defaults(handler=run_assign)

    conflicts = subparsers.add_parser("conflicts", help="(coordinator) returned work that was not merged")
    conflict_commands = conflicts.add_subparsers(dest="conflicts_command", required=True)
    listing = conflict_commands.add_parser("list", parents=parents, help="open conflicts, both sides")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--all", action="store_true", help="resolved ones too")
    listing.set_defaults(handler=run_conflicts_list)
    settle = conflict_commands.add_parser("resolve", parents=parents, help="apply or discard returned work")
    settle.add_argument("id", type=int, metavar="ID")
    how = settle.add_mutually_exclusive_group(required=True)
    how.add_argument("--apply", action="store_true")
    how.add_argument("--discard", action="store_true")
    settle.add_argument("--reason", default="", help="why (required to discard)")
    settle.set_defaults(handler=run_conflicts_resolve)


def run_work_import(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        received = import_assignment(session, args.file)
    print(
        f"Took in {len(received.report_ids)} reports for stage {received.stage}, due "
        f"{received.due[:10]}: {', '.join(map(str, received.report_ids))}."
    )
    return ExitCode.OK


def run_revocation(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        deleted = import_revocation(session, args.file)
    print(f"The coordinator took back {len(deleted)} reports; they were deleted from this laptop.")
    return ExitCode.OK


def run_returns_export(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        passphrase = secret(args.passphrase_file, "Passphrase again, to sign the return: ")
        written = export_return(
            session, args.out, passphrase, report_ids=args.reports, give_back=args.give_back
        )
    for number, item in enumerate(written, start=1):
        counts = {s: list(item.statuses.values()).count(s) for s in ("done", "in_progress", "given_back")}
        target = args.out if number == 1 else f"{args.out}.{number}"
        print(
            f"Wrote return {item.sequence} to {target}: {counts['done']} done, {counts['in_progress']} in "
            f"progress, {counts['given_back']} given back."
        )
    return ExitCode.OK


def run_returns_import(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        merged = merge_return(session, args.file, args.receipt_out)
    states = list(merged.outcomes.values())
    late = " (LATE: after the due date)" if merged.late else ""
    print(
        f"Merged return {merged.sequence} of assignment {merged.assignment_id}{late}: {merged.applied} "
        f"commands applied, {merged.skipped} merged before; {states.count('done')} done, "
        f"{states.count('in_progress')} in progress, {states.count('given_back')} given back, "
        f"{states.count('conflict')} to the conflict queue. Receipt: {args.receipt_out}."
    )
    return ExitCode.OK


def run_receipt_import(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        deleted, kept = import_receipt(session, args.file)
    print(
        f"Receipt taken in: {len(deleted)} reports deleted from this laptop, {len(kept)} kept (in progress, "
        "or with work after the return)."
    )
    return ExitCode.OK


def run_assign(args: argparse.Namespace) -> int:
    # --reviewer names the assignee here (the issue fixes the name); --staff unlocks.
    with unlocked(argparse.Namespace(**{**vars(args), "reviewer": args.staff})) as session:
        assignee = args.assignee or default_reviewer(session.db, args.reports)
        made = assign(session, assignee, args.stage, args.reports, args.due, args.out)
    extra = f" (with linked reports {', '.join(map(str, made.added))})" if made.added else ""
    print(
        f"Assigned stage {made.stage} of {len(made.report_ids)} reports{extra} to {made.reviewer}, due "
        f"{made.due[:10]}: {args.out}."
    )
    return ExitCode.OK


def run_conflicts_list(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        found = queue.conflicts(session, open_only=not args.all)

    def brief(commands: tuple[dict, ...]) -> list[dict]:
        return [
            {
                "command_id": c["command_id"],
                "kind": c["kind"],
                "actor": c["actor"]["name"],
                "made_at": c["made_at"],
            }
            for c in commands
        ]

    listed: list[dict[str, Any]] = [
        {
            "id": c.id,
            "report": c.report_id,
            "assignment": c.assignment_id,
            "reason": c.reason,
            "returned": brief(c.theirs),
            "here_since_assignment": brief(c.ours),
            "resolution": c.resolution,
            "note": c.note,
        }
        for c in found
    ]
    if args.json:
        print(json.dumps(listed, indent=2))
    else:
        for c in listed:
            print(f"conflict {c['id']}: report {c['report']} ({c['reason']})")
            print("  returned:    " + ", ".join(f"{x['kind']} by {x['actor']}" for x in c["returned"]))
            print(
                "  here since:  "
                + (", ".join(f"{x['kind']} by {x['actor']}" for x in c["here_since_assignment"]) or "nothing")
            )
    return ExitCode.OK


def run_conflicts_resolve(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        found = queue.resolve(session, args.id, apply=args.apply, reason=args.reason)
    print(f"Conflict {found.id} (report {found.report_id}) {'applied' if args.apply else 'discarded'}.")
    return ExitCode.OK
