"""The theme's navigation drawn once for all the generated pages that show it alike.

Every brief, entry and actor page is out of the navigation, so the navigation marks none of
its items as the current page. It marks the page that lists them (Briefs, Glossary, Actors) as
the section the reader is in, and otherwise differs between two such pages only in its links,
which are relative to the page. Pages of one section whose links to every navigation target
read the same share one drawing (`partials/nav.html` draws it the first time and keeps it);
each page's own item, after the page that lists it, is drawn into it (its contents are the
phone's way to the page's sections).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import jinja2

THEME_PREFIX = "policy-briefs-theme"  # the theme's own templates, under this prefix, past the package's overrides
# Where a drawing takes the page shown, after the page that lists it (`partials/nav-item.html` writes it):
# the page's item, with its contents for a phone's menu, is drawn for each page.
PAGE_SLOT = "<!-- policy-briefs: the page shown -->"


@dataclass(frozen=True)
class SharedNav:
    """A page's handle on the navigation drawn for its key (None until one page of that key drew it)."""

    kept: dict[tuple[str, ...], str]
    key: tuple[str, ...]
    section: Any = None  # the navigation's page that lists this page, marked while the page is drawn

    @property
    def html(self) -> str | None:
        return self.kept.get(self.key)

    def keep(self, html: str) -> str:
        self.kept[self.key] = html
        return html

    @property
    def has_page_slot(self) -> bool:
        """Whether the drawing has a place for the page shown (its section's list page is in the navigation)."""
        html = self.html
        return html is not None and PAGE_SLOT in html

    def html_with(self, page_item: str) -> str:
        """The drawing with the page shown in its place."""
        return (self.html or "").replace(PAGE_SLOT, page_item, 1)


def targets(items: Iterable, *extra: str | None) -> list[str]:  # noqa: ANN001 (MkDocs' navigation items)
    """Every URL the navigation links to (its pages and links, at any depth), then `extra` ones (home, logo)."""
    found = []
    for item in items:
        url = getattr(item, "url", None)
        if url is not None:
            found.append(url)
        found += targets(getattr(item, "children", None) or ())
    return found + [url for url in extra if url]


def key(urls: list[str], link: Callable[[str], str]) -> tuple[str, ...]:
    """What a page's navigation depends on: each target as the page links to it."""
    return tuple(link(url) for url in urls)


class SharedNavs:
    """One build's navigation drawings: its targets, the pages in it (by identity), what was drawn so far."""

    def __init__(self, urls: Iterable[str] = (), pages: Iterable[Any] = ()) -> None:
        self.urls = list(urls)
        pages = list(pages)
        self.in_nav = {id(page) for page in pages}
        self.by_source = {page.file.src_uri: page for page in pages}
        self.kept: dict[tuple[str, ...], str] = {}
        self.marked: Any = None

    def for_page(self, page: object, link: Callable[[str], str], listed_on: str | None = None) -> SharedNav | None:
        """The page's handle (None for a page in the navigation: it marks the page, so the page draws its own).

        `listed_on`: the source of the page that lists this one, marked as its section if it is in the navigation.
        """
        if id(page) in self.in_nav:
            return None
        section = self.by_source.get(listed_on) if listed_on else None
        return SharedNav(self.kept, (listed_on if section is not None else "", *key(self.urls, link)), section)

    def mark(self, shared: SharedNav) -> None:
        """Mark the handle's section (and the sections above it) as the reader's, until `unmark`."""
        self.unmark()
        if shared.section is not None:
            shared.section.active = True
            self.marked = shared.section

    def unmark(self) -> None:
        if self.marked is not None:
            self.marked.active = False
            self.marked = None


def with_theme_prefix(loader: jinja2.BaseLoader, theme_dirs: list[str]) -> jinja2.BaseLoader:
    """`loader`, and the theme's folders past the package's under `THEME_PREFIX` (for an override to draw the original)."""
    return jinja2.ChoiceLoader([loader, jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(theme_dirs)})])
