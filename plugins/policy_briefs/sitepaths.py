"""Where the generated pages sit in the site, as MkDocs names documentation files, and where links lead."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

SECTIONS = {"brief": "briefs", "term": "glossary", "actor": "actors"}
INDEX_PAGES = ("briefs/index.md", "briefs/tags.md", "glossary/index.md", "actors/index.md")


def uri_for(kind: str, key: str) -> str:
    return f"{SECTIONS[kind]}/{key}.md"


def generated_pages(slugs: Iterable[str], glossary_ids: Iterable[str], actor_ids: Iterable[str]) -> set[str]:
    """The paths of every page made from the content."""
    made = {uri_for("brief", slug) for slug in slugs} | {uri_for("term", key) for key in glossary_ids}
    return made | {uri_for("actor", key) for key in actor_ids} | set(INDEX_PAGES)


def linked_path(href: str, from_uri: str) -> str | None:
    """The documentation path a relative link on page `from_uri` names, with an extension or not.

    None for what MkDocs does not look up: addresses with a scheme or host, links within the
    page, and absolute paths.
    """
    scheme, netloc, path, _, _ = urlsplit(href)
    if scheme or netloc or not path or href.startswith(("/", "\\")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), unquote(path)))


def linked_file(href: str, from_uri: str) -> str | None:
    """The documentation file a link on page `from_uri` names, as MkDocs looks it up (`linked_path`).

    None also for paths whose last part has no extension: MkDocs leaves those as they are.
    """
    return linked_path(href, from_uri) if posixpath.splitext(urlsplit(href).path)[1] else None


def relative_path(uri: str, from_uri: str) -> str:
    """How page `from_uri` links to the documentation file `uri`."""
    return posixpath.relpath(uri, posixpath.dirname(from_uri) or ".")


NOTE_PLACES = ("note", "passage")  # a brief's places named by a note's id: #note-ID, #passage-ID


def note_ids(annotation_id: str) -> dict[str, str]:
    """The element ids that belong to one annotation on a brief page."""
    return {"passage": f"passage-{annotation_id}", "note": f"note-{annotation_id}", "popover": f"pop-{annotation_id}"}


def note_place(href: str, from_uri: str) -> tuple[str, str] | None:
    """The brief (its slug) and note id that a link on page `from_uri` names as `#note-ID` or `#passage-ID`.

    None for any other link, and for a link to a page that is not in the briefs' folder.
    """
    path, _, fragment = href.partition("#")
    kind, dash, note = fragment.partition("-")
    if kind not in NOTE_PLACES or not dash or not note:
        return None
    target = from_uri if not path else linked_file(path, from_uri)
    if target is None or posixpath.dirname(target) != SECTIONS["brief"] or not target.endswith(".md"):
        return None
    return posixpath.basename(target)[: -len(".md")], note
