"""People named in a list: "Present: Big Mike, Farhan, Lupe, Tank, Jae". When most of a
comma list's items are people, the others are people too, whatever else their words mean
("Tank"), and an item NER called a place ("Farhan") is relabelled; an item a name was found
inside is the whole item ("Big Mike")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.allow_list import is_generic
from workstation.detect.spans import RawSpan

_ITEM = r"\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)?"
_LIST = re.compile(rf"(?<![\p{{L}}'’.-][ \t]?){_ITEM}(?:,[ \t]+{_ITEM}){{2,}}"
                   rf"(?:,?[ \t]+(?:and|&)[ \t]+{_ITEM})?(?![\p{{L}}'’-])")
_ITEM_RX = re.compile(_ITEM)
_JOINER = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")


def people_in_lists(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if text.count(",") < 2:
        return list(spans)
    out = list(spans)
    for match in _LIST.finditer(text):
        out = _one_list(text, _items(text, match.start(), match.end()), out)
    return out


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    at = start
    while at < end:
        item = _ITEM_RX.match(text, at, end)
        if item is None:
            break
        end_at = item.end()
        if text[end_at - 1] == "." and len(text[item.start():end_at].split()[-1]) > 3:
            end_at -= 1  # "..., Anna and Andrew." ends a sentence; "Luis R." keeps its initial
        items.append((item.start(), end_at))
        joiner = _JOINER.match(text, item.end(), end)
        if joiner is None or joiner.end() == item.end():
            break
        at = joiner.end()
    return items


def _one_list(text: str, items: list[tuple[int, int]], spans: list[RawSpan]) -> list[RawSpan]:
    spans = _split_over_items(text, items, spans)
    def covering(item: tuple[int, int]) -> list[RawSpan]:
        return [s for s in spans if s.start < item[1] and s.end > item[0]]

    people = [i for i in items if any(s.label == "PERSON" and i[0] <= s.start and s.end <= i[1]
                                      for s in covering(i))]
    others = [i for i in items if covering(i) and i not in people]
    if len(people) < 2 or len(people) * 2 < len(items) or len(others) >= len(people):
        return spans
    out = list(spans)
    for item in items:
        inside = covering(item)
        if any(s.start < item[0] or s.end > item[1] for s in inside):
            continue  # a span that runs beyond the item is judged on its own
        if not inside and is_generic(text[item[0]:item[1]]):
            continue
        if len(inside) == 1 and (inside[0].start, inside[0].end, inside[0].label) == (*item, "PERSON"):
            continue
        for s in inside:
            out.remove(s)
        out.append(RawSpan(item[0], item[1], "PERSON", max((s.score for s in inside), default=0.6),
                           inside[0].recognizer if inside else "PeopleListRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))


def _split_over_items(text: str, items: list[tuple[int, int]], spans: list[RawSpan]) -> list[RawSpan]:
    """NER's one person "Big Lou, Marisol, Ozzie" over three items is three people; over two
    it may be one written surname first ("PETROV, Andrei S.", "Rhee, Ji-ho")."""
    starts = {a: i for i, (a, _) in enumerate(items)}
    ends = {b: i for i, (_, b) in enumerate(items)}
    out: list[RawSpan] = []
    for s in spans:
        first, last = starts.get(s.start), ends.get(s.end)
        if s.label != "PERSON" or first is None or last is None or last <= first or (
                last == first + 1 and _surname_first(text, items[first], items[last])):
            out.append(s)
            continue
        out += [RawSpan(a, b, "PERSON", s.score, s.recognizer) for a, b in items[first:last + 1]]
    return out


def _surname_first(text: str, surname: tuple[int, int], given: tuple[int, int]) -> bool:
    first, second = text[surname[0]:surname[1]], text[given[0]:given[1]]
    return first.isupper() or (" " not in first and (" " in second or second.endswith(".")))
