"""Identifier detection: suggestions of what to redact in a report's free text.

Entry point: ``workstation.detect.detector.Detector`` (see its module docstring). Metrics
for ``workstation eval``: ``workstation.detect.evaluation``. No Qt in this package.
Importing this package is cheap; the model loads on first use of a Detector.
"""
