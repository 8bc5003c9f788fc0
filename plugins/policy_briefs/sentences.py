"""Sentence boundaries in plain text, for previews and backlink context."""

from __future__ import annotations

import re
from bisect import bisect_right

_SENTENCE_END = re.compile(r"(?<=[.!?…])[”’\"')\]]*\s+(?=[A-Z0-9“\"‘(])")  # … as the smarty extension writes "..."
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co)|[A-Z]\.[A-Z])\.$")
_CLOSERS = "”’\"')]"
_ABBREVIATION_REACH = 16  # characters before a full stop that an abbreviation (and its word boundary) can take


def sentence_ends(text: str) -> list[int]:
    """Offsets where one sentence ends and white space before the next begins."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        closing = match.start()
        while closing and text[closing - 1] in _CLOSERS:
            closing -= 1
        # Only the text just before the full stop is searched (the text before it still decides `\b`).
        if not _ABBREVIATION.search(text, max(0, closing - _ABBREVIATION_REACH), closing):
            ends.append(match.start() + len(text[match.start() : match.end()].rstrip()))
    return ends


def first_sentence(text: str) -> str:
    ends = sentence_ends(text)
    return text[: ends[0]].strip() if ends else text.strip()


def sentence_at(text: str, index: int, ends: list[int] | None = None) -> tuple[int, int]:
    """(start, end) of the sentence that holds `text[index]`, with the sentences of a quotation it opens or closes.

    `ends`: `sentence_ends(text)`, where already found.
    """
    ends = sentence_ends(text) if ends is None else ends
    start, end = _whole_quotation(text, ends, *_around(ends, index, len(text)))
    while start < end and text[start].isspace():
        start += 1
    return start, end


QUOTATION_REACH = 3  # sentences taken in on each side, at most, to give a quotation whole


def _around(ends: list[int], index: int, length: int) -> tuple[int, int]:
    before = bisect_right(ends, index)
    return (ends[before - 1] if before else 0), (ends[before] if before < len(ends) else length)


def _whole_quotation(text: str, ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentences from `start` to `end`, and those before or after that hold the other end of a quotation (“…”) in them.

    As they were if a quotation is not closed within `QUOTATION_REACH` sentences on either side.
    """
    wide_start, wide_end = start, end
    while True:
        opened, closed = _unmatched(text, wide_start, wide_end)
        if not opened and not closed:
            return wide_start, wide_end
        opening = text.rfind("“", 0, wide_start) if closed else wide_start
        closing = text.find("”", wide_end) if opened else wide_end - 1
        if opening < 0 or closing < 0:
            return start, end
        wide_start, wide_end = _around(ends, opening, len(text))[0], _around(ends, closing, len(text))[1]
        if bisect_right(ends, start) - bisect_right(ends, wide_start) > QUOTATION_REACH or bisect_right(ends, wide_end - 1) - bisect_right(ends, end - 1) > QUOTATION_REACH:
            return start, end


def _unmatched(text: str, start: int, end: int) -> tuple[int, int]:
    """(quotations opened and not closed, closed and not opened) in `text[start:end]`."""
    depth = lowest = 0
    for mark in re.findall("[“”]", text[start:end]):
        depth += 1 if mark == "“" else -1
        lowest = min(lowest, depth)
    return depth - lowest, -lowest
