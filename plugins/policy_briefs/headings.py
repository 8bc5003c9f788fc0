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


def _ids(items) -> list[str]:  # noqa: ANN001 (AnchorLinks)
    found = []
    for item in items:
        found.append(item.id)
        found += _ids(item.children)
    return found
