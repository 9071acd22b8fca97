#!/usr/bin/env bash
# Installs the Debian packages the tests and the GUI need, only those that are missing.
# Qt (offscreen and xcb) needs EGL, xkbcommon, fontconfig and a font; PDF checks need
# poppler-utils (pdftoppm); xvfb lets `make run` be tried on a machine without a screen.
# `make run` and `make test` both run it. Not root (and no password-less sudo): it prints
# the command to run instead.
set -euo pipefail
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
          fonts-dejavu-core poppler-utils xvfb xauth)
command -v dpkg-query >/dev/null || { echo "no dpkg: install the Qt runtime libraries yourself"; exit 0; }
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        SUDO="sudo"
    else
        echo "These system packages are missing; install them as root, then run make again:"
        echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
        exit 1
    fi
fi
log=$(mktemp)
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log"; rm -f "$log"; exit 1
fi
rm -f "$log"
