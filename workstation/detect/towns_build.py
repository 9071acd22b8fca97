"""Writes resources/us_postal_towns.txt: the town names of every US ZIP code (the post
office's names, which include the villages and territories' towns GeoNames' list of places
of 500 people or more leaves out: Kwethluk, Tamuning, Rangeley). Source: the zipcodes
package (MIT), whose data comes from the USPS ZIP Locale Detail (public domain), GeoNames
(CC BY 4.0) and unitedstateszipcodes.org. Reproducible with one command in the development
environment (``pip install zipcodes`` first, or ``pip install -e .[towns-build]``):

    .venv/bin/python -m workstation.detect.towns_build

The program reads only the small text file, never the package."""

from __future__ import annotations

from workstation.resources import rebuild, resource_path

OUTPUT = resource_path("us_postal_towns.txt")
HEADER = (
    "# US town names of every ZIP code, lower case, one a line. Source: the zipcodes package\n"
    "# (MIT; data from the USPS ZIP Locale Detail, GeoNames CC BY 4.0, unitedstateszipcodes.org).\n"
    "# Rebuild: .venv/bin/python -m workstation.detect.towns_build\n"
)


def build() -> str:
    import zipcodes

    towns = {z["city"].strip().lower() for z in zipcodes.list_all() if z.get("city")}
    return HEADER + "".join(f"{town}\n" for town in sorted(towns))


if __name__ == "__main__":
    raise SystemExit(rebuild(OUTPUT, build()))
