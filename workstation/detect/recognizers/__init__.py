"""Presidio recognizers for police narratives, one module per family."""
