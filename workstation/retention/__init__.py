"""Retention: original texts destroyed N days after publication (issue 18, section 3).

- `settings.py`: the coordinator's setting, "keep original texts N days after publication".
- `hashes.py`: the needle key and the keyed hashes that stand for destroyed words.
- `plan.py`: what a run would destroy now, and when the next reports are due.
- `purge.py`: the run itself (a dry run writes nothing), then the file is shrunk.
"""
