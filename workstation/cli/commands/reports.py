"""What the database holds: reports list, linked reports (link, unlink, links), a report's
fields analysed again, quarantine list.

Reports are named by their submission id (as `reports list` prints it) or their number.
Nothing here prints report text: titles stay inside the GUI.
"""

from __future__ import annotations

import argparse
import dataclasses
import json

from workstation.analysis import reanalyse_field, report_fields
from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.errors import ExitCode
from workstation.intake.quarantine import list_quarantine
from workstation.intake.submissions import TEXT_FIELDS
from workstation.reports import find_report_id, list_reports
from workstation.workflow.actions import link_reports, unlink_with
from workstation.workflow.linking import incident_of, linked_reports, suggest_links


def register(subparsers: argparse._SubParsersAction) -> None:
    unlocked_parents = [database_options(), reviewer_options()]

    reports = subparsers.add_parser("reports", help="the reports in the database")
    commands = reports.add_subparsers(dest="reports_command", required=True)
    listing = commands.add_parser("list", parents=unlocked_parents, help="list reports")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_reports_list)

    link = commands.add_parser(
        "link", parents=unlocked_parents, help="link reports of one incident (primary first)",
        description="Make one incident of these reports: the first is the primary, the others "
        "supplemental reports. Linked reports share placeholders ([Person 1] is the same person "
        "in all of them).")
    link.add_argument("primary", metavar="PRIMARY")
    link.add_argument("supplemental", nargs="+", metavar="SUPPLEMENTAL")
    link.set_defaults(handler=run_link)

    unlink = commands.add_parser("unlink", parents=unlocked_parents,
                                 help="take a report out of its incident (a primary ends the incident)")
    unlink.add_argument("report", metavar="REPORT")
    unlink.set_defaults(handler=run_unlink)

    links = commands.add_parser("links", parents=unlocked_parents,
                                help="a report's linked reports and likely links not yet made")
    links.add_argument("report", metavar="REPORT")
    links.add_argument("--json", action="store_true", help="print JSON")
    links.set_defaults(handler=run_links)

    reanalyse = commands.add_parser(
        "reanalyse", parents=unlocked_parents, help="suggest identifiers in a report's fields again",
        description="Run the current detector on a report's fields again (after a detector update): "
        "the fields' suggestions are replaced, and new ones become undecided highlights where they "
        "touch no highlight already there. Decisions already made are kept.")
    reanalyse.add_argument("report", metavar="REPORT")
    reanalyse.add_argument("--field", action="append", choices=TEXT_FIELDS, metavar="FIELD",
                           help=f"only this field (repeatable; one of {', '.join(TEXT_FIELDS)}); "
                           "default: every field the report has")
    reanalyse.set_defaults(handler=run_reanalyse)

    quarantine = subparsers.add_parser("quarantine", help="submissions held back at import")
    quarantine_commands = quarantine.add_subparsers(dest="quarantine_command", required=True)
    quarantine_list = quarantine_commands.add_parser("list", parents=unlocked_parents,
                                                     help="list quarantined submissions")
    quarantine_list.add_argument("--json", action="store_true", help="print JSON")
    quarantine_list.add_argument("--all", action="store_true", help="include resolved ones")
    quarantine_list.set_defaults(handler=run_quarantine_list)


def run_reports_list(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        reports = list_reports(session.db)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in reports], indent=2))
    else:
        for r in reports:
            print(f"{r.id:>6}  {r.submission_id}  {r.stage:<12} received {r.received_at}")
        print(f"{len(reports)} reports")
    return ExitCode.OK


def run_link(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        primary = find_report_id(session.db, args.primary)
        others = [find_report_id(session.db, ref) for ref in args.supplemental]
        link_reports(session, primary, others)
        members = linked_reports(session.db, primary)
        incident = incident_of(session.db, primary)
    print(f"Incident {incident}: report {members[0]} (primary) with "
          f"{', '.join(str(m) for m in members[1:])} (supplemental).")
    return ExitCode.OK


def run_unlink(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        report = find_report_id(session.db, args.report)
        unlink_with(session, report)
    print(f"Report {report} is no longer linked.")
    return ExitCode.OK


def run_links(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        report = find_report_id(session.db, args.report)
        members = linked_reports(session.db, report)
        suggestions = suggest_links(session.db, report)
    if args.json:
        print(json.dumps({"report": report, "linked": members if len(members) > 1 else [],
                          "suggested": [dataclasses.asdict(s) for s in suggestions]}, indent=2))
        return ExitCode.OK
    if len(members) > 1:
        print(f"Linked: {members[0]} (primary), {', '.join(str(m) for m in members[1:])} (supplemental)")
    else:
        print("Not linked to other reports.")
    for s in suggestions:
        same = ", ".join(s.matching_fields) or "no incident fields"
        print(f"  likely link: report {s.report_id}  score {s.score:.2f}  "
              f"(text {s.text_similarity:.2f}; same {same})")
    if not suggestions:
        print("No likely links found.")
    return ExitCode.OK


def run_reanalyse(args: argparse.Namespace) -> int:
    from workstation.detect.detector import Detector  # loads spaCy: only when needed

    analyser = Detector()
    try:
        with unlocked(args) as session:
            report = find_report_id(session.db, args.report)
            fields = args.field or [f for f in TEXT_FIELDS if f in report_fields(session, report)]
            added = {field: reanalyse_field(session, analyser, report, field) for field in fields}
    finally:
        analyser.close()
    for field, count in added.items():
        print(f"Report {report}, {field.replace('_', ' ')}: {count} new highlight(s) to decide.")
    return ExitCode.OK


def run_quarantine_list(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        held = list_quarantine(session.db, include_resolved=args.all)
    if args.json:
        print(json.dumps([dataclasses.asdict(q) for q in held], indent=2))
    else:
        for q in held:
            print(f"#{q.id:<5} {q.submission_id}  {q.kind:<9} {q.reason}")
        print(f"{len(held)} quarantined submissions")
    return ExitCode.OK
