"""The links in a Markdown field of the YAML files, and whether the field can keep them.

Fields are shown on many pages (a note on its brief, a definition in every preview), so
they keep only addresses that lead to the same place from any page: whole http, https
and mailto addresses, and anchors within the page.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

from .safehtml import URL_SCHEMES

_LINK_SIGNS = ("](", "]:", "<")  # a text with none of them has no link (most texts)


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.found += [value or "" for name, value in attrs if name == "href"]


def links_in(text: str) -> list[str]:
    """Every link's address in a Markdown text, as Python-Markdown reads it."""
    if not any(sign in text for sign in _LINK_SIGNS):
        return []
    parser = _Hrefs()
    parser.feed(markdown.markdown(text))
    parser.close()
    return parser.found


def kept(href: str) -> bool:
    """Whether a field's page keeps this link as it is meant."""
    scheme, colon, rest = href.partition(":")
    if href.startswith("#"):
        return True
    return bool(colon) and scheme.lower() in URL_SCHEMES and (scheme.lower() == "mailto" or rest.startswith("//"))
