"""Logging to a rotating file in the platform's log folder.

Log ids, counts and outcomes only: never report text, spans, passphrases or keys.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from workstation.paths import user_log_dir

LOG_FILENAME = "workstation.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the `workstation` loggers to a rotating file; returns its path (None if unwritable)."""
    folder = folder or Path(os.environ.get("WORKSTATION_LOG_DIR", "") or user_log_dir())
    logger = logging.getLogger("workstation")
    logger.setLevel(level)
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        logger.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    return folder / LOG_FILENAME
