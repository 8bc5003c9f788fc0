"""Section headings drawn outside a page's Markdown, with ids and contents entries as its own headings get."""

from __future__ import annotations

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape
from mkdocs.structure.toc import AnchorLink, TableOfContents

LEVEL = 2


class Headings:
    """Makes `<h2>` headings for a page's tail: ids unique in the page, each added to its contents."""

    def __init__(self, toc: TableOfContents, permalink: object = None) -> None:
        self.toc = toc
        self.permalink = "¶" if permalink is True else permalink if isinstance(permalink, str) and permalink else None
        self.ids = set(_ids(toc))

    def add(self, title: str) -> Markup:
        anchor = unique(slugify(title, "-"), self.ids)
        self.toc.items.append(AnchorLink(str(escape(title)), anchor, LEVEL))
        # (Escaped one by one: `Markup.format` is many times slower, and this runs a few times per page.)
        link = f'<a class="headerlink" href="#{escape(anchor)}" title="Permanent link">{escape(self.permalink)}</a>' if self.permalink else ""
        return Markup(f'<h2 id="{escape(anchor)}">{escape(title)}{link}</h2>')


    def from_the_top(self, title: str) -> str | None:
        """Put the page's contents under one entry for the page itself (as a page whose Markdown has its `# title`).

        The theme's "Skip to content" link goes to the first entry: the page's start, not its first section.
        Returns the id the page's start must carry (None if the contents already start with a title).
        """
        if self.toc.items and self.toc.items[0].level == 1:
            return None
        anchor = unique("top", self.ids)
        start = AnchorLink(str(escape(title)), anchor, 1)
        start.children = list(self.toc.items)
        self.toc.items[:] = [start]
        return anchor


def _ids(items) -> list[str]:  # noqa: ANN001 (AnchorLinks)
    found = []
    for item in items:
        found.append(item.id)
        found += _ids(item.children)
    return found
