"""Before Qt starts: can a window open here? Qt aborts the process when its platform plugin
cannot load (a missing libxcb-* library, no display), leaving the reason in our log file
only and naming the wrong library. So the two causes seen on fresh machines are checked
first and told on the terminal in one sentence with the fix."""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from workstation.errors import DisplayUnavailable

# Shared libraries of Qt's xcb plugin, by the Debian package that provides them.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
}
FIX_ALL = "or run `make system-packages` in the project folder"


def platform_name(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The platform Qt will use: QT_QPA_PLATFORM's first choice, else Qt's default here."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if sys.platform.startswith("linux"):
        return "wayland" if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY") else "xcb"
    return ""


def missing_library(error_text: str) -> str | None:
    """The library a failed dlopen names ('libxcb-icccm.so.4: cannot open shared object file')."""
    found = re.search(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file", error_text)
    return found.group(1) if found else None


def library_problem(library: str, needed_by: str = "Qt's xcb display plugin") -> str:
    package = DEBIAN_PACKAGES.get(library)
    fix = (f"install it with `sudo apt-get install {package}` ({FIX_ALL})" if package
           else f"install the package that provides it ({FIX_ALL} on Debian or Ubuntu)")
    return (f"The window cannot open: {needed_by} needs the system library "
            f"{library}, which is not installed; {fix}.")


def plugin_file(plugin: str) -> Path | None:
    import PySide6  # the package's folder only: no Qt library is loaded by this

    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / f"libq{plugin}.so"
    return path if path.exists() else None


def check_display(environ: dict[str, str] | os._Environ[str] = os.environ, *,
                  plugin_path: Path | None = None) -> None:
    """Raise DisplayUnavailable, with the fix, when Qt could not open a window here
    (`plugin_path`: another plugin file to try loading, for tests)."""
    plugin = platform_name(environ)
    if plugin == "xcb":
        display = environ.get("DISPLAY", "")
        if not display:
            raise DisplayUnavailable(
                "The window cannot open: there is no display (DISPLAY is not set). Run the "
                "workstation in a desktop session, or through `xvfb-run` on a machine without a screen.")
        local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
        if local and not Path(f"/tmp/.X11-unix/X{local.group(1)}").exists():
            raise DisplayUnavailable(
                f"The window cannot open: no X server is running on display {display}. Run the "
                "workstation in a desktop session, or through `xvfb-run` on a machine without a screen.")
        path = plugin_path or plugin_file(plugin)
        if path is not None and path.exists():
            try:
                ctypes.CDLL(str(path), mode=os.RTLD_LAZY)
            except OSError as exc:
                library = missing_library(str(exc))
                if library is not None:
                    raise DisplayUnavailable(library_problem(library)) from None
    elif plugin == "wayland" and not environ.get("WAYLAND_DISPLAY"):
        raise DisplayUnavailable(
            "The window cannot open: there is no Wayland display (WAYLAND_DISPLAY is not set). "
            "Run the workstation in a desktop session.")


def load_gui() -> Callable[..., int]:
    """`run_gui`, after checking the display: importing Qt's GUI modules needs libraries of
    their own (EGL, fontconfig, xkbcommon); one that is missing is said in one sentence too."""
    check_display()
    try:
        from workstation.ui.app import run_gui
    except ImportError as exc:
        library = missing_library(str(exc))
        if library is None:
            raise
        raise DisplayUnavailable(library_problem(library, "Qt")) from None
    return run_gui
