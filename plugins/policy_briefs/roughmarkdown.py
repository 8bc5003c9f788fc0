"""Markdown source read roughly, by pattern, where a full parse is not needed: where code is."""

from __future__ import annotations

import re
from bisect import bisect_right

FENCED = re.compile(r"\n[ \t]*(```|~~~).*?\n[ \t]*\1", re.DOTALL)  # from the line break before the fence
CODE_SPAN = re.compile(r"`+[^`]*`+")


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Where fenced code blocks and code spans are in `text`, in order (start, end)."""
    ranges: list[tuple[int, int]] = []
    if "```" in text or "~~~" in text:
        ranges = [(max(0, match.start() - 1), match.end() - 1) for match in FENCED.finditer("\n" + text)]
        for start, end in ranges:  # a fence's backticks are not a code span's
            text = text[:start] + " " * (end - start) + text[end:]
    if "`" in text:
        ranges.extend((match.start(), match.end()) for match in CODE_SPAN.finditer(text))
    return sorted(ranges)


def in_code(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is inside one of `ranges` (as `code_ranges` gives them)."""
    at = bisect_right(ranges, (position, float("inf"))) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]
