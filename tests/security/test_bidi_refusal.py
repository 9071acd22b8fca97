"""Invisible format characters and bidirectional controls are refused in what reviewers type.

Before this change `check_coding` and `clean_replacement` kept them (str.split() does not
treat them as spaces), and exports accepted such file names: every case below passed
silently on the code before (checked by reverting the two functions and the export
checks to `git show HEAD~:...`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workstation.errors import InputError
from workstation.review.coding import Coding, check_coding
from workstation.review.decisions import clean_replacement
from workstation.text.invisible import invisible_characters, refuse_invisible

REFUSED = {
    "RLO": "\u202e", "LRO": "\u202d", "RLE": "\u202b", "LRE": "\u202a", "PDF": "\u202c",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
    "ZWSP": "\u200b", "ZWNJ": "\u200c", "ZWJ": "\u200d", "WJ": "\u2060", "BOM": "\ufeff",
    "soft hyphen": "\u00ad", "LRM": "\u200e", "RLM": "\u200f", "ALM": "\u061c",
    "tag": "\U000e0041", "variation selector": "\ufe0f", "NUL": "\x00",
}


def coding(**changes: object) -> Coding:
    base = {"publishable_title": "Weapon under the seat", "activity_type": "", "contributing_factors": (),
            "loss_potential": (), "lessons_learned": "Search the reach area.", "takeaways": ("Wait.",),
            "discussion_questions": ("Where would you look?",)}
    return Coding(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("char", REFUSED.values(), ids=REFUSED.keys())
def test_every_coding_field_refuses_the_character(char: str) -> None:
    for field, value in (("publishable_title", f"Stop on Kess{char}ler"),
                         ("lessons_learned", f"Search {char}first."),
                         ("takeaways", (f"Wait{char}.",)),
                         ("discussion_questions", (f"Why{char}?",))):
        with pytest.raises(InputError):
            check_coding(coding(**{field: value}))


@pytest.mark.parametrize("char", REFUSED.values(), ids=REFUSED.keys())
def test_replacements_refuse_the_character(char: str) -> None:
    with pytest.raises(InputError):
        clean_replacement(f"[Per{char}son]")


def test_one_clear_message_naming_the_character() -> None:
    with pytest.raises(InputError) as refused:
        check_coding(coding(publishable_title="Sgt \u202eekcoltihW\u202c"))
    assert "text-direction control" in refused.value.message
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in refused.value.message
    with pytest.raises(InputError) as refused:
        refuse_invisible("a\u200bb", "The title")
    assert refused.value.message.startswith(
        "The title contains an invisible character (U+200B ZERO WIDTH SPACE)")


def test_ordinary_text_is_kept() -> None:
    kept = check_coding(coding(publishable_title="Núñez-free title, 10-50 at 0315 hrs \u2014 “quoted”",
                               lessons_learned="Line one.\n\tLine two: café, Straße, naïve."))
    assert kept.publishable_title.startswith("Núñez-free")
    assert clean_replacement("[Officer]") == "[Officer]"
    assert invisible_characters("tab\tand\nnewline\r") == []


@pytest.mark.parametrize("name", ["brief\u202eing.pdf", "brief\u200bing.pdf", "brief\u2066ing.pdf"])
def test_export_and_backup_file_names(name: str, tmp_path: Path) -> None:
    from workstation.export.briefing import export_briefing
    from workstation.export.publication import export_publication

    # The name is checked before anything else (no session needed to be refused).
    with pytest.raises(InputError, match="The file name"):
        export_briefing(None, 1, tmp_path / name)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="The folder name"):
        export_publication(None, tmp_path / name, "x")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
