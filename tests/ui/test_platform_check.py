"""When no window can open, the program says why in one sentence on the terminal, with the
fix, and exits 11: no traceback, no abort (Qt aborts with its reason in the log only)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workstation.errors import DisplayUnavailable, ExitCode
from workstation.ui.platform_check import check_display, library_problem, missing_library

# A shared object that needs libxcb-nmrwtest.so.1, which no machine has (built with
# gcc -shared ... -l:libxcb-nmrwtest.so.1; x86-64 Linux, like CI).
NEEDS_MISSING = Path(__file__).resolve().parent.parent / "data" / "needs_missing_library.so"


def run_gui(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "workstation", *args], capture_output=True,
                          text=True, env={**clean, **env}, timeout=120)


@pytest.mark.parametrize("args", [["gui", "--db", "unused.db"], ["demo", "open"]])
def test_xcb_without_a_display_says_so_in_one_sentence(args: list[str], tmp_path: Path) -> None:
    result = run_gui(*args, env={"QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)})
    assert result.returncode == ExitCode.NO_DISPLAY
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY is not set" in lines[0] and "xvfb-run" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""  # demo open built nothing


def test_a_display_with_no_server_behind_it_is_named() -> None:
    with pytest.raises(DisplayUnavailable) as caught:
        check_display({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":97"})
    assert ":97" in caught.value.message


def test_a_missing_library_of_the_plugin_is_named_from_the_loader_itself() -> None:
    assert NEEDS_MISSING.exists()
    display = next(Path("/tmp/.X11-unix").glob("X*"), None) if Path("/tmp/.X11-unix").exists() else None
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display.name[1:]}" if display else "host:0"}
    with pytest.raises(DisplayUnavailable) as caught:
        check_display(environ, plugin_path=NEEDS_MISSING)
    assert "libxcb-nmrwtest.so.1" in caught.value.message


def test_the_debian_package_is_given_for_the_libraries_seen_missing_on_fresh_machines() -> None:
    error = "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
    assert missing_library(error) == "libxcb-icccm.so.4"
    assert "sudo apt-get install libxcb-icccm4" in library_problem("libxcb-icccm.so.4")
    assert "sudo apt-get install libxcb-keysyms1" in library_problem("libxcb-keysyms.so.1")


def test_other_platforms_are_left_to_qt() -> None:
    check_display({"QT_QPA_PLATFORM": "offscreen"})
    check_display({"QT_QPA_PLATFORM": "xcb", "DISPLAY": "remote.example:10.0"},
                  plugin_path=Path("/nonexistent-plugin.so"))
