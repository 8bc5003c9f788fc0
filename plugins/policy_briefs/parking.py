"""Rendered page HTML kept compressed from its render until its page is written.

MkDocs renders every page's Markdown before it writes any, and holds each page's
HTML all that while: at thousands of briefs, the largest part of a build's memory.
"""

from __future__ import annotations

import zlib
from itertools import accumulate

LEVEL = 1  # the fastest: a brief's HTML still shrinks to under a quarter of its UTF-8 size


class ParkedHtml:
    """Each page's HTML texts, by the page's source path, compressed together until taken back.

    A page's texts are compressed as one: a second text that repeats the first (the copy of
    a brief for search) adds little.
    """

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple[int, ...], bytes]] = {}

    def park(self, key: str, *texts: str) -> None:
        ends = tuple(accumulate(len(text) for text in texts))
        self._kept[key] = (ends, zlib.compress("".join(texts).encode("utf-8", "surrogatepass"), LEVEL))

    def take(self, key: str) -> tuple[str, ...] | None:
        """The texts parked under `key` (None if none are), no longer kept."""
        kept = self._kept.pop(key, None)
        if kept is None:
            return None
        ends, data = kept
        joined = zlib.decompress(data).decode("utf-8", "surrogatepass")
        return tuple(joined[start:end] for start, end in zip((0, *ends), ends))

    def clear(self) -> None:
        self._kept.clear()
