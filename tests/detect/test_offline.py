"""Detection never touches the network, and the pinned model is the one loaded."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workstation.detect import engine

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter: sockets are disabled before anything is imported, then the
# model is loaded and a full analysis (batch and single field) runs.
_NO_NETWORK = textwrap.dedent(
    """
    import socket, sys

    class NetworkAttempt(Exception):
        pass

    def refuse(*args, **kwargs):
        raise NetworkAttempt(f"network attempt: {args!r}")

    class NoNetworkSocket(socket.socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (-1, socket.AF_INET, socket.AF_INET6):
                refuse(family, *args)
            super().__init__(family, *args, **kwargs)

        connect = connect_ex = sendto = refuse

    socket.socket = NoNetworkSocket
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from workstation.detect.detector import Detector

    detector = Detector()
    out = detector.analyze_reports([
        {"narrative": "Sgt. O'Neill met me at 1423 Kessler Ave. Email dave@millbrookpd.org, "
                      "see www.example.com. RPD case 2024-001234.", "lessons": "O'Neill knew."},
    ])
    assert out[0]["narrative"], out
    assert detector.analyze_text("SGT REYES AND I WENT TO ST. MARY'S HOSPITAL.")

    # the baseline of `workstation eval` too: stock recognizers, e-mail and URL included
    from workstation.detect.engine import build_stock_analyzer

    stock = build_stock_analyzer()
    assert stock.analyze("Mail dave@millbrookpd.org or see https://www.example.com", language="en")
    print("OK")
    """
)


def test_full_analysis_with_sockets_disabled():
    result = subprocess.run(
        [sys.executable, "-c", _NO_NETWORK], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("OK")


def test_tldextract_is_told_not_to_fetch_the_suffix_list():
    import os

    import workstation.detect.offline  # noqa: F401

    assert os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] == ""


def test_loaded_model_is_the_pinned_build(detector):
    nlp = detector._get_engine().nlp
    assert nlp.meta["spacy_git_version"] == engine.EXPECTED_GIT_VERSION == "5010fcbd3"


def test_a_different_build_is_refused(detector):
    nlp = detector._get_engine().nlp
    saved = nlp.meta["spacy_git_version"]
    try:
        nlp.meta["spacy_git_version"] = "0000000"
        with pytest.raises(engine.ModelMismatchError):
            engine.check_model(nlp, engine.DEFAULT_MODEL)
        engine.check_model(nlp, "some_site_model")  # a site's own model is not checked
    finally:
        nlp.meta["spacy_git_version"] = saved
