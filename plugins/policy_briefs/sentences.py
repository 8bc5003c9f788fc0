"""Sentence boundaries in plain text, for previews and backlink context."""

from __future__ import annotations

import re
from bisect import bisect_right

_SENTENCE_END = re.compile(r"(?<=[.!?…])[”’\"')\]]*\s+(?=[A-Z0-9“\"‘(])")  # … as the smarty extension writes "..."
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|[A-Z]\.[A-Z]|\b(?:"
    r"Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cdr|Amb|Gov|Pres|Hon|Rev|Jr|Sr|Inc|Ltd|Co"  # titles, names
    r"|Feb|Apr|Aug|Sep|Sept|Oct|Nov"  # months (not Jan, Mar, Jun, Jul, Dec: names, or words that end sentences)
    r"|No|Nos|Art|Fig|vol|pp|para|vs|v|etc|e\.g|i\.e|cf|viz|al|approx|est|ca|c"  # references, cases (A v. B), dates (c. 1950, est. 2001)
    r"))\.$"
)
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
    """(start, end) of the sentence that holds `text[index]` (`ends`: `sentence_ends(text)`, where already found)."""
    ends = sentence_ends(text) if ends is None else ends
    before = bisect_right(ends, index)
    start, end = (ends[before - 1] if before else 0), (ends[before] if before < len(ends) else len(text))
    while start < end and text[start].isspace():
        start += 1
    return start, end


def in_quotation(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether `text[start:end]` goes on a quotation (“…”) opened before it, and whether it leaves one open after it."""
    if "“" not in text:  # (most paragraphs)
        return False, False
    before = _depth(text, 0, start)
    return before > 0, _depth(text, start, end, before) > 0


def _depth(text: str, start: int, end: int, depth: int = 0) -> int:
    """1 if a quotation is open after `text[start:end]`, else 0 (`depth`: the same before it).

    Its last mark decides: a quotation within one is written with single marks (‘…’), so a second “ before
    a ” is a mark left unclosed, not a quotation within one, and a ” with none open closes nothing.
    """
    marks = _QUOTATION_MARK.findall(text, start, end)
    return int(marks[-1] == "“") if marks else depth


_QUOTATION_MARK = re.compile("[“”]")


def quoted(passage: str) -> str:
    """A passage in quotation marks, as a note cites it: “…”, its own double marks made single (‘…’).

    A passage that is one whole quotation keeps its marks as the outer ones (“We agreed,” not “‘We agreed,’”).
    """
    text = passage.strip()
    if len(text) > 1 and text[0] in "“\"" and text[-1] in "”\"" and not any(mark in text[1:-1] for mark in "”\""):
        text = text[1:-1]  # (a closing mark before its end would close it there: “a” and “b”)
    return f"“{text.translate(_AS_INNER)}”"


_AS_INNER = str.maketrans({"“": "‘", "”": "’", '"': "'"})

