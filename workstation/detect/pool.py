"""Worker processes for batch analysis: each builds its own Detector once and keeps it
(the spaCy model is loaded once per process, not once per chunk)."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.detect.detector import Detector

_WORKER: Detector | None = None


def worker_init(model: str, batch_size: int, score_threshold: float, ner_batch_size: int = 64,
                police_ner: bool = True) -> None:
    global _WORKER
    from workstation.detect.detector import Detector

    _WORKER = Detector(model=model, workers=1, batch_size=batch_size, score_threshold=score_threshold,
                       ner_batch_size=ner_batch_size, police_ner=police_ner)
    _WORKER.load()
    # word lists and tables load on first use: here, not inside the first batch
    _WORKER.analyze_text(_WARM_UP)


# generated text (no report data): it reaches the recognizers' lazily loaded lists
_WARM_UP = ("On March 3, 2024 Ofc. Dana Whitfield of the Ames PD stopped a gray Dodge Charger, plate "
            "7KRT482, at 1532 Pierce St, Dunmore, PA; call (570) 555-0142 or dana@example.org. "
            "k9 rex found nothing near the Walmart on cr 118 and polk co so took case 2024-001337.")


def worker_ping(_: int) -> int:
    """The worker's process id, once its detector is loaded (the short sleep lets the
    pings spread over the workers)."""
    time.sleep(0.05)
    return os.getpid() if _WORKER is not None else 0


def worker_analyze(chunk: tuple[list[dict[str, str]], list[list[Any]]]) -> list[dict[str, list[tuple]]]:
    reports, known = chunk
    assert _WORKER is not None
    results = _WORKER._analyze_batch(reports, known)
    # plain tuples pickle faster than dataclasses
    return [{k: [tuple(s.to_dict().values()) for s in v] for k, v in r.items()} for r in results]
