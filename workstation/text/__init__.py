"""Text safety: the one normalisation used wherever text is compared for a leak (the export
leak guard; the residual scan and the detector's memory may use it too), and the refusal of
invisible characters in what reviewers type. No Qt, no spaCy: cheap to import.

- `normalise.normalise_for_matching(text)`: NFKC, default-ignorable and format characters
  removed, accents dropped, casefolded, folded to the Unicode TR39 confusable skeleton.
- `normalise.match_tokens(text)`: the words of that form (hyphens, spaces and line breaks
  between them do not matter to `needles.NeedleSet`, which compares concatenations).
- `needles.NeedleSet`: look for many phrases in a text at once; `needles.name_parts`.
- `invisible.refuse_invisible(text, what)`: InputError for format characters and
  bidirectional controls in reviewer-typed text.
"""
