"""Markdown source read roughly, by pattern, where a full parse is not needed: where code is."""

from __future__ import annotations

import re
from bisect import bisect_right

FENCED = re.compile(r"\n[ \t]*(`{3,}|~{3,}).*?\n[ \t]*\1", re.DOTALL)  # from the line break before the fence
CODE_SPAN = re.compile(r"`+[^`]*`+")
_INDENTED = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")  # after a blank line: an indented code block
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_ESCAPED_BACKTICK = re.compile(r"\\`")


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Where code blocks, code spans and HTML comments are in `text` (what is written there is not the page's markup), in order."""
    ranges: list[tuple[int, int]] = []
    if "```" in text or "~~~" in text:
        ranges += [(max(0, match.start() - 1), match.end() - 1) for match in FENCED.finditer("\n" + text)]
    for pattern, present in ((_INDENTED, "    " in text or "\t" in text), (_COMMENT, "<!--" in text)):
        if present:  # outside what is code already
            found = sorted(ranges)
            ranges += [match.span() for match in pattern.finditer(text) if not in_code(found, match.start())]
    if "`" in text:
        for start, end in ranges:  # a fence's backticks, or a comment's, are not a code span's
            text = text[:start] + " " * (end - start) + text[end:]
        text = _ESCAPED_BACKTICK.sub("  ", text)
        ranges.extend(match.span() for match in CODE_SPAN.finditer(text))
    return sorted(ranges)


def in_code(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is inside one of `ranges` (as `code_ranges` gives them)."""
    at = bisect_right(ranges, (position, float("inf"))) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]
