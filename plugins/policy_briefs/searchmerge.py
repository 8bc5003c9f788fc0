"""The search index of a `--dirty` preview, when one rebuild renders several pages.

Material's search keeps the previous rebuild's index and, assuming a dirty rebuild renders
one page, replaces the entries of the first page rendered. An edit under briefs/ renders
the brief and every page that lists it: each of those must replace its own entries, or it is
listed twice (and a home page, whose address starts every other, would take all entries away).
A page whose file is gone leaves the index, or search would lead to a page that is not there.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable


def page_of(location: str) -> str:
    """The page an index entry belongs to: its location less the section's `#anchor`."""
    return location.partition("#")[0]


def merged_entries(previous: Iterable[dict], current: list[dict], pages: Collection[str]) -> list[dict]:
    """The previous index with every page rendered now (those `current` has entries of) in its new entries.

    `pages` are the addresses of the site's pages now: a page no longer among them (its file
    deleted or renamed) leaves the index.
    """
    rendered = {page_of(entry["location"]) for entry in current}
    kept = [entry for entry in previous if page_of(entry["location"]) not in rendered and page_of(entry["location"]) in pages]
    return kept + current
