"""The six review labels and the mapping from Presidio entity types onto them."""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    PERSON = "PERSON"
    AGENCY = "AGENCY"
    LOCATION = "LOCATION"
    DATE = "DATE"
    CONTACT = "CONTACT"
    ID = "ID"


LABELS: tuple[str, ...] = tuple(label.value for label in Label)

# Every entity type any recognizer of ours (or stock Presidio) can emit. Types mapped
# to None are dropped: they are not identifiers in this program (nationality, age...).
ENTITY_TO_LABEL: dict[str, str | None] = {
    # ours and spaCy's
    "PERSON": "PERSON",
    "AGENCY": "AGENCY",
    "ORGANIZATION": "AGENCY",
    "LOCATION": "LOCATION",
    "ADDRESS": "LOCATION",
    "FACILITY": "LOCATION",
    "DATE": "DATE",
    "DATE_TIME": "DATE",
    "CONTACT": "CONTACT",
    "EMAIL_ADDRESS": "CONTACT",
    "PHONE_NUMBER": "CONTACT",
    "URL": "CONTACT",
    "IP_ADDRESS": "CONTACT",
    "SOCIAL_HANDLE": "CONTACT",
    "ID": "ID",
    "BADGE_NUMBER": "ID",
    "UNIT_NUMBER": "ID",
    "CASE_NUMBER": "ID",
    "ORI": "ID",
    "LICENSE_PLATE": "ID",
    "VIN": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_SSN": "ID",
    "US_ITIN": "ID",
    "US_PASSPORT": "ID",
    "US_BANK_NUMBER": "ID",
    "CREDIT_CARD": "ID",
    "CRYPTO": "ID",
    "IBAN_CODE": "ID",
    "MEDICAL_LICENSE": "ID",
    "US_MBI": "ID",
    "US_NPI": "ID",
    "UK_NHS": "ID",
    "ABA_ROUTING_NUMBER": "ID",
    "MAC_ADDRESS": "CONTACT",
    "UUID": "ID",
    # not identifiers here
    "NRP": None,
    "AGE": None,
    "TITLE": None,
}


def to_label(entity_type: str) -> str | None:
    """Review label for a Presidio entity type; unknown types count as ID (fail safe)."""
    return ENTITY_TO_LABEL.get(entity_type, "ID")
