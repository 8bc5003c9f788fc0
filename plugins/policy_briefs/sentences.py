"""Sentence boundaries in plain text, for previews and backlink context."""

from __future__ import annotations

import re

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


def sentence_at(text: str, index: int) -> tuple[int, int]:
    """(start, end) of the sentence that holds `text[index]`."""
    start, end = 0, len(text)
    for boundary in sentence_ends(text):
        if boundary <= index:
            start = boundary
        else:
            end = boundary
            break
    while start < end and text[start].isspace():
        start += 1
    return start, end
