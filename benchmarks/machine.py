"""One description of the machine a benchmark ran on, the same in every result file."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _first(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def describe() -> str:
    """E.g. "AMD EPYC, 2 CPUs, 24 GiB, Linux x86_64, Python 3.11.7"."""
    cpu = _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()
    memory = _first("/proc/meminfo", "MemTotal")
    gib = f", {round(int(memory.split()[0]) / 1024 ** 2)} GiB" if memory else ""
    return (f"{cpu}, {os.cpu_count()} CPUs{gib}, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}")
