"""Starting files for a new brief: every field present, commented, placeholders marked.

An unfilled scaffold is valid YAML but fails `briefs check` on each line marked
FILL IN, so a brief cannot be published half-written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .loader import ANNOTATIONS_SUFFIX, CONTENT_DIR
from .messages import slugify
from .schema import DATE_PATTERN, ID_PATTERN
from .sitepaths import INDEX_PAGES, uri_for

FILL_IN = "FILL IN"
BODY_PLACEHOLDER = f"<!-- {FILL_IN}: paste the article's text here, as published: one blank line between paragraphs, `## ` before a subheading. -->\n"
_ID = re.compile(ID_PATTERN)
_COMMENT_COLUMN = 32


class ScaffoldError(Exception):
    """A scaffold cannot be written; the message says why and what to do."""


@dataclass
class FrontMatter:
    """What is known of an article's front matter; None marks a placeholder."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str | dict[str, str]] = field(default_factory=list)  # actor ids, or {"name": ...} for writers with no profile


def article_path(project: Path, slug: str) -> Path:
    return project / CONTENT_DIR / "articles" / f"{slug}.md"


def annotations_path(project: Path, slug: str) -> Path:
    return project / CONTENT_DIR / "articles" / f"{slug}{ANNOTATIONS_SUFFIX}"


def check_slug(slug: str) -> None:
    if not _ID.match(slug):
        suggestion = slugify(slug)
        usable = suggestion and _ID.match(suggestion) and uri_for("brief", suggestion) not in INDEX_PAGES
        hint = f" (try '{suggestion}')" if usable else ""
        raise ScaffoldError(f"'{slug}' is not a valid slug: use lowercase letters, digits and single hyphens{hint}")
    if uri_for("brief", slug) in INDEX_PAGES:
        raise ScaffoldError(f"'{slug}' is taken: a brief's page of that name would replace the site's page {uri_for('brief', slug)}")


def refuse_existing(paths: list[Path], project: Path, force: bool) -> None:
    existing = [path for path in paths if path.exists()]
    if existing and not force:
        names = ", ".join(path.relative_to(project).as_posix() for path in existing)
        raise ScaffoldError(f"{names} already exist{'s' if len(existing) == 1 else ''}: choose another slug, or add --force to overwrite")


def yaml_scalar(value: str) -> str:
    """One line of YAML for a text value, quoted only when YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=None).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def _line(indent: int, key: str, value: str, comment: str) -> str:
    start = f"{' ' * indent}{key}:{(' ' + value) if value else ''}"
    return f"{start.ljust(_COMMENT_COLUMN - 1)} # {comment}".rstrip() + "\n"


def _required(indent: int, key: str, value: str | None, what: str, empty: str = '""', date: bool = False) -> str:
    if value:
        # A date stays unquoted, as editors write it: the loader reads it as text. Other text is
        # quoted where YAML would read it otherwise (a title "1984").
        return _line(indent, key, value if date and DATE_PATTERN.match(value) else yaml_scalar(value), what)
    return _line(indent, key, empty, f"{FILL_IN}: {what}")


def front_matter(info: FrontMatter) -> str:
    """The front matter block, `---` lines included."""
    authors = "[" + ", ".join(yaml_scalar(a) if isinstance(a, str) else "{name: " + yaml_scalar(a["name"]) + "}" for a in info.authors) + "]"
    return "".join([
        "---\n",
        "# The brief's fields. Fill in each line marked FILL IN, then run `briefs check`.\n",
        "# Every field is explained in the field reference (docs/reference.md).\n",
        _required(0, "title", info.title, "the article's headline, as published"),
        _line(0, "source", "", "where and when the article was first published"),
        _required(2, "publisher", info.publisher, "who published it, e.g. Valdai Discussion Club"),
        _line(2, "url", yaml_scalar(info.url) if info.url else "", "optional: the article's address, https://..."),
        _required(2, "published", info.published, "the date: YYYY, YYYY-MM or YYYY-MM-DD", date=True),
        _line(2, "date_note", "", "optional: only if the date is approximate, say why"),
        _line(2, "authors", authors, "optional: actor ids, e.g. [viktor-sumsky]; a writer with no profile: {name: Jane Doe}"),
        _line(0, "summary", "|", f"{FILL_IN}: your 1-3 sentence summary (Markdown), on the indented lines below"),
        "\n",
        _line(0, "takeaways", "[]", "optional: key points: replace [] with lines '  - A point.' below"),
        _line(0, "tags", "[]", "optional: free tags, e.g. [southeast-asia, defence]"),
        "---\n",
    ])


def annotations_scaffold(slug: str) -> str:
    """An annotations file with one note to fill in and the other fields shown."""
    return "".join([
        f"# Notes on passages of {slug}.md. Fill in the note below and copy it for more,\n",
        "# then run `briefs check`. No notes yet? Delete this file.\n",
        "# Every field is explained in the field reference (docs/reference.md).\n",
        _line(0, "annotations", "", "the list of notes; each starts with '  - id:'"),
        _line(2, "- id", '""', f"{FILL_IN}: a short name for the note, e.g. informal-meeting; never change it once published"),
        _line(4, "kind", "context", "context | claim | quotation | fact-check | question"),
        _line(4, "quote", '""', f"{FILL_IN}: the passage, copied exactly from the article"),
        _line(4, "prefix", "", "optional: text just before the passage, if it occurs more than once"),
        _line(4, "suffix", "", "optional: text just after the passage"),
        _line(4, "body", "|", f"{FILL_IN}: the note (Markdown) on the indented lines below; not needed for a quotation"),
        "\n",
        "    # speaker: actor-id         # quotation only, required: who is quoted (an actor id)\n",
        "    # verdict: accurate         # fact-check only, required: accurate | imprecise | inaccurate | unverifiable\n",
        _line(4, "actors", "[]", "optional: actor ids the note is about"),
        _line(4, "terms", "[]", "optional: glossary ids the note is about"),
        _line(4, "sources", "[]", "optional: replace [] with lines '      - {title: ..., url: https://...}' below"),
    ])


def new_brief(project: Path, slug: str, *, title: str | None = None, force: bool = False) -> list[Path]:
    """Write the article and annotations scaffolds; the paths written."""
    check_slug(slug)
    paths = [article_path(project, slug), annotations_path(project, slug)]
    refuse_existing(paths, project, force)
    paths[0].parent.mkdir(parents=True, exist_ok=True)
    paths[0].write_text(front_matter(FrontMatter(title=title)) + BODY_PLACEHOLDER, encoding="utf-8")
    paths[1].write_text(annotations_scaffold(slug), encoding="utf-8")
    return paths
