"""The links in a Markdown field of the YAML files, and whether the field can keep them.

Fields are shown on many pages (a note on its brief, a definition in every preview), so
they keep only addresses that lead to the same place from any page: whole http, https
and mailto addresses, and anchors within the page.
"""

from __future__ import annotations

from .fieldmarkdown import converted
from .lenienthtml import LenientHTMLParser
from .safehtml import field_keeps

_KEPT_STARTS = ("https://", "http://", "mailto:", "#")


class _Hrefs(LenientHTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.found += [value or "" for name, value in attrs if name == "href"]


def links_to_check(text: str) -> list[str]:
    """The links in a Markdown text, unless each one it could hold is plainly kept (most texts: none is read)."""
    if "<" not in text and "]:" not in text and all(_plainly_kept(after) for after in text.split("](")[1:]):
        return []  # no reference, autolink or raw HTML, and every inline link a whole address or an anchor
    return links_in(text)


def _plainly_kept(after: str) -> bool:
    """Whether what follows a `](` is an address a field keeps, with nothing after it but the link's end."""
    address = after.split(")", 1)[0]
    return address.startswith(_KEPT_STARTS) and " " not in address and field_keeps(address)


def links_in(text: str) -> list[str]:
    """Every link's address in a Markdown text, as Python-Markdown reads it."""
    html = converted(text)
    if "<a" not in html:
        return []
    parser = _Hrefs()
    parser.feed(html)
    parser.close()
    return parser.found
