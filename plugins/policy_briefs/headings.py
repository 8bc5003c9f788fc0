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
        link = Markup('<a class="headerlink" href="#{0}" title="Permanent link">{1}</a>').format(anchor, self.permalink) if self.permalink else ""
        return Markup('<h2 id="{0}">{1}{2}</h2>').format(anchor, title, link)


def _ids(items) -> list[str]:  # noqa: ANN001 (AnchorLinks)
    found = []
    for item in items:
        found.append(item.id)
        found += _ids(item.children)
    return found
