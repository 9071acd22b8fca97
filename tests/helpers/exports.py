"""Reading back what an export wrote: the text of a PDF, a folder's files, nothing leaked."""

from __future__ import annotations

import io
import os
from pathlib import Path

from pypdf import PdfReader

from tests.helpers.databases import ALICE, ALICE_DISPLAY_NAME, BOB
from tests.helpers.stories import ORI, REDACTED


def pdf_text(data: bytes) -> tuple[str, dict[str, str], int]:
    """All text of a PDF, its metadata and its page count."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    return text, meta, len(reader.pages)


def assert_clean(text: str, *extra: str) -> None:
    folded = " ".join(text.split()).casefold()
    for needle in (*REDACTED, ORI, "OH0770100", ALICE, BOB, ALICE_DISPLAY_NAME, *extra):
        assert needle.casefold() not in folded, f"{needle!r} leaked"


def read_tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def read_tree_text(folder: Path) -> str:
    """The text a reader would see in every file of a folder: a PDF's page text and
    metadata (its raw bytes hold compressed streams and byte offsets such as "0000010784",
    where a searched number can turn up by chance), any other file decoded."""
    parts = []
    for name, data in read_tree(folder).items():
        if name.lower().endswith(".pdf"):
            text, meta, _ = pdf_text(data)
            parts += [text, *meta.values()]
        else:
            parts.append(data.decode("utf-8", errors="replace"))
    return "\n".join(parts)


def keep_sample(name: str, data: bytes) -> None:
    """With EXPORT_SAMPLES=DIR set, keep a copy of a produced PDF for looking at."""
    folder = os.environ.get("EXPORT_SAMPLES")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(data)
