"""Rendered page HTML kept compressed from its render until its page is written.

MkDocs renders every page's Markdown before it writes any page, and holds each page's
HTML all that while: at thousands of briefs, the largest part of a build's memory.
"""

from __future__ import annotations

import zlib

LEVEL = 1  # the fastest: a brief's HTML still shrinks to under a quarter of its UTF-8 size


class ParkedHtml:
    """Each page's HTML, by the page's source path, compressed until taken back."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}

    def park(self, key: str, html: str) -> None:
        self._kept[key] = zlib.compress(html.encode("utf-8", "surrogatepass"), LEVEL)

    def take(self, key: str) -> str | None:
        """The HTML parked under `key` (None if none is), no longer kept."""
        data = self._kept.pop(key, None)
        return None if data is None else zlib.decompress(data).decode("utf-8", "surrogatepass")

    def clear(self) -> None:
        self._kept.clear()
