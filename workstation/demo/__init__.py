"""Synthetic demo data (invented names and places only; no database needed)."""
