"""The layers point one way, and the UI never decides by reading an error's words.

Read with `ast`, so an import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workstation"


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def forbidden_imports(folder: Path, forbidden: str) -> list[str]:
    return [f"{path.relative_to(folder)}:{line} imports {name}"
            for path in sorted(folder.rglob("*.py"))
            for line, name in imported_modules(ast.parse(path.read_text(encoding="utf-8")))
            if name == forbidden or name.startswith(forbidden + ".")]


WORDING_CALLS = ("str", "message_for", "format_exception")  # calls that give an error's words


def _is_error_text(node: ast.AST, names: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """str(e), message_for(e), e.message, e.args, or a name assigned one of them."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in WORDING_CALLS:
        return True
    if isinstance(node, ast.Name):
        return node.id in names
    return isinstance(node, ast.Attribute) and node.attr in ("message", "args")


def _is_text_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "text"


def _method_of(node: ast.AST) -> ast.AST | None:
    """`x` of `x.lower()`, `x.casefold()`, `x.strip()`: the same words in another case."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in ("lower", "casefold", "strip", "upper"):
        return node.func.value
    return None


def _is_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def text_tests(source: str) -> list[int]:
    """Lines that compare an error's words (or a widget's shown text) with a literal, or
    look for a literal in them."""
    tree = ast.parse(source)
    names = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
             and (_is_error_text(node.value) or _is_text_call(node.value))
             for target in node.targets if isinstance(target, ast.Name)}
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        sides += [inner for s in sides if (inner := _method_of(s)) is not None]
        worded = any(_is_error_text(s, names) or _is_text_call(s) for s in sides)
        if worded and any(_is_literal(s) for s in sides):
            lines.append(node.lineno)
        elif worded and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops) \
                and any(isinstance(s, ast.Name) and s.id.isupper() for s in sides):
            lines.append(node.lineno)  # a module constant standing for a literal
    return lines


def test_review_never_imports_the_workflow() -> None:
    assert forbidden_imports(PACKAGE / "review", "workstation.workflow") == []


@pytest.mark.parametrize("low", ["store", "audit", "keys"])
def test_the_lowest_layers_import_nothing_above_them(low: str) -> None:
    above = ("workstation.review", "workstation.workflow", "workstation.ui", "workstation.export",
             "workstation.exchange")
    assert [found for name in above for found in forbidden_imports(PACKAGE / low, name)] == []


def test_the_ui_decides_by_types_not_by_words() -> None:
    found = [f"ui/{path.name}:{line}" for path in sorted((PACKAGE / "ui").rglob("*.py"))
             for line in text_tests(path.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("source", [
    "if 'residual scan found' in str(exc): pass",
    "if str(e) == 'nope': pass",
    "if label.text() == 'can no longer be changed': pass",
    "if 'changed' in self.error_label.text(): pass",
    "if exc.message.startswith('x') or 'Cancelled' in exc.message: pass",
    "RESIDUAL = 'x'\nif RESIDUAL in str(e): pass",
    "REFUSAL = 'x'\ntext = message_for(exc)\nif REFUSAL in text: pass",
    "text = message_for(exc)\nif 'nothing' in text.lower(): pass",
])
def test_the_word_check_catches_each_form(source: str) -> None:
    assert text_tests(source)


def test_the_import_check_catches_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "review" / "late.py"
    module.parent.mkdir()
    module.write_text("def f():\n    from workstation.workflow.signoff import refresh\n"
                      "    import workstation.workflow\n")
    assert len(forbidden_imports(module.parent, "workstation.workflow")) == 3


# Where each review table may be written: the handlers' helpers, and the named system
# writers (seeding at import and re-analysis in span_store, quarantine's removal of a
# report nobody has reviewed, and a reviewer laptop taking in or deleting the reports of a
# work packet in exchange/rows.py, and the retention run destroying a published report's
# original text in retention/purge.py). Anything else must go through a review command.
SYSTEM_WRITERS = {"exchange/rows.py", "retention/purge.py"}
REVIEW_TABLE_WRITERS = {
    "review_spans": {"review/span_store.py", "intake/quarantine.py"},
    "coding": {"review/coding.py", "intake/quarantine.py"},
    "residual_dismissals": {"workflow/residual.py"},
    "signoffs": {"workflow/moves.py", "workflow/staleness.py"},
    "incidents": {"workflow/linking.py"},
    "incident_reports": {"workflow/linking.py", "intake/quarantine.py"},
    "review_commands": {"workflow/history.py"},
    "structured_choices": {"review/structured.py"},
    "disclosure_acknowledgements": {"workflow/edits.py"},
}


def test_review_tables_are_written_only_in_their_named_places() -> None:
    pattern = re.compile(r"\b(?:INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+(\w+)", re.IGNORECASE)
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE))
        for table in pattern.findall(path.read_text(encoding="utf-8")):
            allowed = REVIEW_TABLE_WRITERS.get(table)
            if allowed is not None and where not in allowed | SYSTEM_WRITERS:
                found.append(f"{where} writes {table}")
    assert found == []


# ----- the UI is widgets and wiring: no database, and nothing below it looks up -----------

def test_the_ui_never_imports_the_store() -> None:
    assert forbidden_imports(PACKAGE / "ui", "workstation.store") == []


def modules_outside_the_ui() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py")) if (PACKAGE / "ui") not in path.parents]


# The one way in from below: the commands that start the GUI (`workstation gui`, `workstation
# demo --gui`) import its entry point, inside the function, so Qt loads only then.
# The GUI is started only through the check that says in one sentence why no window can open.
GUI_ENTRY = {"workstation.ui.platform_check", "workstation.ui.platform_check.load_gui"}
GUI_STARTERS = {"cli/commands/gui.py", "cli/commands/demo.py"}


def test_nothing_outside_the_ui_imports_it() -> None:
    found = [f"{where}:{line} imports {name}"
             for path in modules_outside_the_ui()
             if (where := str(path.relative_to(PACKAGE)))
             for line, name in imported_modules(ast.parse(path.read_text(encoding="utf-8")))
             if (name == "workstation.ui" or name.startswith("workstation.ui."))
             and not (where in GUI_STARTERS and name in GUI_ENTRY)]
    assert found == []


def database_handles(source: str) -> list[int]:
    """Lines that reach for a session's database (`something.db`): the UI asks domain read
    functions, which take the session, instead."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr == "db"]


def test_the_ui_never_holds_the_database() -> None:
    found = {str(path.relative_to(PACKAGE / "ui")): len(lines)
             for path in sorted((PACKAGE / "ui").rglob("*.py"))
             if (lines := database_handles(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_layer_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "view.py").write_text("from workstation.store.database import Database\n")
    assert forbidden_imports(ui, "workstation.store") == [
        "view.py:1 imports workstation.store.database",
        "view.py:1 imports workstation.store.database.Database",
    ]
    assert database_handles("rows = load(self.session.db)\n") == [1]
    assert database_handles("rows = load(self.session)\n") == []


# Tests share helpers through tests/helpers/ (fixtures through its pytest plugin), never by
# importing another test module or a conftest: such an import runs that module's tests'
# set-up twice under two names, and hides where a helper lives.
TESTS = Path(__file__).resolve().parent


def _is_test_module(name: str) -> bool:
    return name == "conftest" or name.startswith("test_")


def imports_of_test_modules(folder: Path) -> list[str]:
    """Every import, in a .py file under `folder`, of a conftest or a test_*.py module:
    absolute (`tests.x.conftest`, `tests.x.test_y`), relative (`.conftest`, `from . import
    test_y`) or plain (`import conftest`)."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names
                         if any(_is_test_module(part) for part in alias.name.split("."))]
            elif isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                parts = (node.module or "").split(".")
                if any(_is_test_module(part) for part in parts):
                    names = [module]
                elif node.level or parts[0] == "tests":
                    joint = "" if module.endswith(".") else "."
                    names = [f"{module}{joint}{alias.name}" for alias in node.names
                             if _is_test_module(alias.name)]
                else:
                    names = []
            else:
                continue
            found.extend(f"{path.relative_to(folder)}:{node.lineno} imports {name}" for name in names)
    return found


def test_no_test_imports_another_test_module_or_a_conftest() -> None:
    assert imports_of_test_modules(TESTS) == []
    assert imports_of_test_modules(TESTS.parent / "benchmarks") == []


def test_the_test_import_check_catches_each_form(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "test_a.py").write_text(
        "from tests.workflow.test_two_stage import NARRATIVE\n"
        "from tests.export import conftest as export_fixtures\n"
        "import tests.ui.conftest\n"
        "from .conftest import Panel\n"
        "from . import test_b\n"
        "import conftest\n"
        "def f():\n"
        "    from tests.conftest import ALICE\n"
        "from tests.helpers.stories import NARRATIVE, story\n"
        "from tests.detect.corpora import CORPORA\n"
        "from workstation.session import unlock\n"
    )
    assert imports_of_test_modules(tmp_path) == [
        "sub/test_a.py:1 imports tests.workflow.test_two_stage",
        "sub/test_a.py:2 imports tests.export.conftest",
        "sub/test_a.py:3 imports tests.ui.conftest",
        "sub/test_a.py:4 imports .conftest",
        "sub/test_a.py:5 imports .test_b",
        "sub/test_a.py:6 imports conftest",
        "sub/test_a.py:8 imports tests.conftest",
    ]
