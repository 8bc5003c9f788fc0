"""The generated pages: where each lives, and its Markdown source rendered from templates."""

from __future__ import annotations

import calendar
import functools
import html
import posixpath
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

import jinja2
import yaml

from markupsafe import Markup

from . import sentences, timing
from .entities import actor_forms, first_block_text, first_sentence, glossary_forms
from .fieldmarkdown import converted_once as _convert
from .incremental import digest
from .mdext import BODY_END, BODY_START
from .model import Article, Content
from .relations import Relations, newest_first
from .roughmarkdown import marked_sections_readable
from .safehtml import clean_fragment, cut_short_text, inline, tooltip_text
from .sentences import quoted
from .sitepaths import uri_for

TEMPLATE_DIR = "policy-briefs"
PAGE_TEMPLATE = f"{TEMPLATE_DIR}/page.html"  # the theme's template for generated pages: content, then tail
# A page's tail: HTML drawn after its content, outside its Markdown (lists of notes, uses, briefs).
TAILS = {"brief.md": "brief-tail.html", "entry.md": "entry-tail.html", "actor.md": "actor-tail.html", "briefs-index.md": "briefs-index-tail.html", "tags.md": "tags-tail.html"}
# The page that lists each kind of generated page: the navigation marks it while one is shown.
LISTED_ON = {"brief.md": "briefs/index.md", "entry.md": "glossary/index.md", "actor.md": "actors/index.md"}
TYPE_HEADINGS = {"person": "People", "state": "States", "organization": "Organisations"}


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its place in the site and what it shows."""

    src_uri: str
    template: str
    title: str
    key: str | None = None
    sources: tuple[str, ...] = ()  # content files it is made from (for "Edit this page")


def page_specs(content: Content) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    specs = [
        PageSpec("briefs/index.md", "briefs-index.md", "Briefs"),
        PageSpec("briefs/tags.md", "tags.md", "Tags"),
        PageSpec("glossary/index.md", "glossary-index.md", "Glossary"),
        PageSpec("actors/index.md", "actors-index.md", "Actors"),
    ]
    for article in content.articles.values():
        files = (article.path,) + ((article.annotations_path,) if article.annotations_path else ())
        specs.append(PageSpec(uri_for("brief", article.slug), "brief.md", article.fields.title, article.slug, files))
    specs += [PageSpec(uri_for("term", e.id), "entry.md", e.fields.term, e.id, (e.path,)) for e in content.glossary.values()]
    specs += [PageSpec(uri_for("actor", a.id), "actor.md", a.fields.name, a.id, (a.path,)) for a in content.actors.values()]
    return specs


_environments: dict[tuple[str, ...], jinja2.Environment] = {}


def make_environment(template_dirs: list[str]) -> jinja2.Environment:
    """Templates looked up in the theme's folders (so a site can override them), escaping on.

    One environment per list of folders in a process: templates are compiled once, and
    compiled again only when their files change (Jinja checks).
    """
    known = _environments.get(tuple(template_dirs))
    if known is not None:
        return known
    env = _environments[tuple(template_dirs)] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dirs), autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["md"] = render_markdown
    env.filters["md_inline"] = render_inline
    env.filters["preview"] = preview
    env.filters["first_sentence"] = first_sentence
    env.filters["human_date"] = human_date
    env.filters["quoted"] = quoted
    return env


def markdown_texts(content: Content) -> Iterator[str]:
    """The content's Markdown fields (the contract's `Markdown` type): what templates show through `md` or `md_inline`."""
    for article in content.articles.values():
        yield article.fields.summary
        yield from article.fields.takeaways
        yield from (note.fields.body for note in article.annotations if note.fields.body)
    yield from (entry.fields.definition for entry in content.glossary.values())
    yield from (actor.fields.summary for actor in content.actors.values())


@functools.lru_cache(maxsize=None)
@timing.timed("markdown fields")
def render_markdown(text: str) -> Markup:
    """`safehtml.render_markdown`, each text rendered once (a note's body shows twice on its brief page)."""
    return Markup(clean_fragment(_convert(text)))


@functools.lru_cache(maxsize=None)
@timing.timed("markdown fields")
def render_inline(text: str) -> Markup:
    """`safehtml.render_inline`, each text rendered once."""
    return inline(_convert(text))


@functools.lru_cache(maxsize=None)
def preview(markdown_text: str) -> str:
    """`entities.first_sentence` as a link's title (shown as HTML by the theme's tooltips), once per text."""
    return tooltip_text(first_sentence(markdown_text))


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when there: MkDocs reads the same title back


def forget_rendered() -> None:
    """Let go of the fields rendered for the pages (a single build, once its pages are written)."""
    for cached in (render_markdown, render_inline, preview):
        cached.cache_clear()


def _first_sentence_shown(markdown_text: str) -> str:
    """`entities.first_sentence` of a field its page shows, read from the HTML the page made of it (`render_markdown`: no second conversion)."""
    return sentences.first_sentence(first_block_text(render_markdown(markdown_text)))


def front_matter(title: str, description: str = "", names: Iterable[str] = ()) -> str:
    """A generated page's front matter: its template and title; the description its `<meta>` gives; the names search finds it by.

    The theme writes the description into an attribute as it is, and search shows a page's names (its "tags",
    which search weighs above the page's title: an entry is found first by its expansion or an alias) as HTML.
    """
    meta: dict[str, object] = {"template": PAGE_TEMPLATE, "title": html.escape(cut_short_text(title), quote=False)}
    if description:
        meta["description"] = html.escape(description)
    if names:
        meta["tags"] = [html.escape(name, quote=False) for name in names]
    return yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=True)


@functools.lru_cache(maxsize=None)
def _parts(path: str) -> tuple[str, ...]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(path.split("/")) if path else ()


@functools.lru_cache(maxsize=None)
def _folder_parts(other: str) -> tuple[str, ...]:
    """The parts of the folder a page at URL `other` is in."""
    dirname, _, basename = other.rpartition("/")
    return _parts(dirname if "." in basename else other)


def _relative(url: str, ups: int, rest: tuple[str, ...]) -> str:
    relurl = "/".join(("..",) * ups + rest) or "."
    return relurl + "/" if url.endswith("/") else relurl


@functools.lru_cache(maxsize=None)
def _from_depth(url: str, depth: int) -> str:
    """`url` relative to a folder `depth` levels down that shares no part with it."""
    return _relative(url, depth, _parts(url))


def relative_url(url: str, other: str) -> str:
    """`mkdocs.utils.get_relative_url`, each path split once (generated pages link thousands of times).

    A link between folders that share no part (a brief to an entry) is the same from every page
    at that depth: made once.
    """
    other_parts, dest_parts = _folder_parts(other), _parts(url)
    if other_parts[:1] != dest_parts[:1]:
        return _from_depth(url, len(other_parts))
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    return _relative(url, len(other_parts) - common, dest_parts[common:])


def human_date(value: str) -> str:
    """'2016', 'May 2016' or '4 May 2016' from a contract date."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


class PageRenderer:
    """Renders the Markdown source of generated pages."""

    def __init__(self, env: jinja2.Environment, content: Content, relations: Relations, link: Callable[[str, str], str]) -> None:
        self.env = env
        self.content = content
        self.relations = relations
        self.link = link
        self._cross: tuple[Relations | None, dict] = (None, {})
        self._entity_keys: tuple = (None, None, {})
        self._links: dict[tuple[str, str, str], tuple[object, Markup]] = {}
        self._templates: dict[str, jinja2.Template] = {}

    def _template(self, name: str) -> jinja2.Template:
        """One of the package's templates (or the site's override), looked up once per build (Jinja checks its file then)."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(f"{TEMPLATE_DIR}/{name}")
        return template

    def render(self, spec: PageSpec) -> str:
        """The page's Markdown source."""
        body = self._template(spec.template).render(self._base(spec) | self._context(spec))
        return f"---\n{front_matter(spec.title, *self._told_of(spec))}---\n\n{body}"

    def _told_of(self, spec: PageSpec) -> tuple[str, list[str]]:
        """A page's description (its summary's first paragraph, or the first sentence an entry or actor begins with) and the names search finds it by.

        Read from the field as the page shows it (`render_markdown`, which the page's template has just called: converted once).
        """
        if spec.template == "brief.md":
            return first_block_text(render_markdown(self.content.articles[spec.key].fields.summary)), []
        if spec.template == "entry.md":
            entry = self.content.glossary[spec.key].fields
            return _first_sentence_shown(entry.definition), glossary_forms(entry)
        if spec.template == "actor.md":
            actor = self.content.actors[spec.key].fields
            return _first_sentence_shown(actor.summary), actor_forms(actor)
        return "", []

    def render_tail(self, spec: PageSpec, heading: Callable[[str], Markup]) -> Markup:
        """The HTML drawn after the page's content (empty if its template has none).

        `heading(title)` gives the markup of a section heading (and takes note of it for the contents).
        """
        name = TAILS.get(spec.template)
        if name is None:
            return Markup("")
        context = self._base(spec) | self._context(spec, tail=True) | {"heading": heading}
        return Markup(self._template(name).render(context))

    def render_search_notes(self, spec: PageSpec, article: Article | None) -> Markup:
        """A brief's notes for search to index, under a heading with its first note's id (empty for other pages).

        `article`: the brief as its page read it (its notes placed, in reading order).
        """
        article = article if spec.template == "brief.md" else None
        if article is None or not article.annotations:
            return Markup("")
        return Markup(self._template("brief-search.html").render(self._base(spec) | {"article": article}))

    def _base(self, spec: PageSpec) -> dict:
        return {
            "content": self.content,
            "relations": self.relations,
            "spec": spec,
            "url": lambda kind, key, anchor="": self.link(spec.src_uri, uri_for(kind, key)) + (f"#{anchor}" if anchor else ""),
            "page_url": lambda uri: self.link(spec.src_uri, uri),
            "entity_link": lambda kind, entity: self.entity_link(spec, kind, entity),
            "tag_label": lambda tag: tag_label(self.content, tag),
        }

    def entity_link(self, spec: PageSpec, kind: str, entity: object) -> Markup:
        """A link to an entry or actor; drawn once for all pages it is the same on (briefs link to the same few)."""
        href = self.link(spec.src_uri, uri_for(kind, entity.id))
        known = self._links.get((href, kind, entity.id))
        if known is None or known[0] is not entity:
            markup = Markup(self._template("entity-link.html").render(href=href, kind=kind, entity=entity))
            known = self._links[(href, kind, entity.id)] = (entity, markup)
        return known[1]

    def _context(self, spec: PageSpec, tail: bool = False) -> dict:
        content, relations = self.content, self.relations
        if spec.template == "brief.md":
            article = content.articles[spec.key]
            if tail:
                return {"article": article, "related": relations.related_briefs(article.slug, content.articles), "involved": self._involved(article.slug)}
            body = Markup(f"{BODY_START}\n\n{marked_sections_readable(article.body)}\n\n{BODY_END}")  # markers: see mdext
            return {"article": article, "article_body": body}
        if spec.template == "entry.md":
            entry = content.glossary[spec.key]
            return {"entry": entry, "uses": self._uses_by_brief(f"term:{entry.id}") if tail else []}
        if spec.template == "actor.md":
            actor = content.actors[spec.key]
            known = {"actor": actor, "member_of": relations.member_of.get(actor.id, []), "authored": relations.authored.get(actor.id, [])}
            if not tail:
                return known
            return known | {
                "uses": self._uses_by_brief(f"actor:{actor.id}"), "quotations": relations.quotations.get(actor.id, []),
                "co_mentioned": relations.co_mentioned(actor.id),
            }
        if spec.template == "briefs-index.md":
            return {"briefs": newest_first(content.articles)}
        if spec.template == "tags.md":
            return {"tags": sorted(relations.tags.items(), key=lambda item: (tag_label(content, item[0]).casefold(), item[0]))}
        if spec.template == "glossary-index.md":
            return {"letters": _by_letter(content)}
        return {"groups": _actors_by_type(content)}

    def cross_brief(self, spec: PageSpec) -> tuple:
        """What a brief page shows of other briefs and of what it mentions: its related briefs and "In this brief"."""
        if self._cross[0] is not self.relations:
            self._cross = (self.relations, {})
        known = self._cross[1].get(spec.key)
        if known is None:
            related = tuple((other.slug, shared) for other, shared in self.relations.related_briefs(spec.key, self.content.articles))
            involved = self._involved(spec.key)
            known = self._cross[1][spec.key] = (related, tuple(entry.id for entry in involved["terms"]), tuple(actor.id for actor in involved["actors"]))
        return known

    def key(self, spec: PageSpec, files: Mapping[str, str], site: str, present: Collection[str] = (), history: Callable[[], str] = str) -> str:
        """A digest of everything the package's template for this page reads.

        `files`: digest of each content file (by path); `site`: of what all pages are made
        with (configuration, templates); `present`: the site's pages and files (MkDocs writes
        a link to one only once it is there); `history`: the newest commit of the content (a
        brief's page shows when its files last changed). Two equal keys mean the same source.
        """
        content, relations = self.content, self.relations
        glossary, actors = content.glossary, content.actors
        if self._entity_keys[0] is not content or self._entity_keys[1] is not files:
            known = {("term", key): f"term:{key}:{files.get(entry.path, '?')}" for key, entry in glossary.items()}
            known.update({("actor", key): f"actor:{key}:{files.get(actor.path, '?')}" for key, actor in actors.items()})
            self._entity_keys = (content, files, known)
        known = self._entity_keys[2]

        def entity(kind: str, key: str) -> str:
            return known.get((kind, key)) or f"{kind}:{key}:missing"

        def tag_labels(tags: Iterable[str]) -> list[str]:
            """What the tags read (the names of entries and actors among them: `tag_label`)."""
            return [tag_label(content, tag) for tag in tags]

        parts = [site, spec.src_uri, spec.template, spec.title, repr(spec.sources)]
        if spec.template == "brief.md":
            article = content.articles[spec.key]
            parts += [files.get(article.path, "?"), files.get(article.annotations_path or "", "-"), history()]
            parts += [entity("actor", author) if isinstance(author, str) else "named" for author in article.fields.source.authors]
            parts += [entity("actor", note.fields.speaker) for note in article.annotations if note.fields.speaker]
            related, terms, involved_actors = self.cross_brief(spec)
            parts += [repr(related), repr([content.articles[slug].fields.title for slug, _ in related])]
            parts += [entity("term", key) for key in terms] + [entity("actor", key) for key in involved_actors]
            parts += [f"{target}:{target in present}" for target in article.linked_files]
            parts += tag_labels(article.fields.tags)
            updated = self.env.globals.get("last_updated")
            parts.append(repr(updated(spec.sources)) if updated is not None else "")
        elif spec.template in ("entry.md", "actor.md"):
            kind, key = ("term", spec.key) if spec.template == "entry.md" else ("actor", spec.key)
            parts.append(entity(kind, key))
            parts.append(relations.uses_key(f"{kind}:{key}"))
            if kind == "term":
                fields = glossary[key].fields
                parts += [entity("term", other) for other in fields.related] + [entity("actor", other) for other in fields.actors]
            else:
                fields = actors[key].fields
                parts += [entity("actor", other) for other in (*fields.affiliations, *fields.members, *relations.member_of.get(key, []))]
                parts.append(repr([(article.slug, article.fields.title, note.id, note.fields.quote) for article, note in relations.quotations.get(key, [])]))
                parts.append(repr([(article.slug, _fields_key(article.fields)) for article in relations.authored.get(key, [])]))
                co_mentioned = relations.co_mentioned(key)
                parts += [repr(co_mentioned)] + [entity("actor", ref[6:]) for ref, _ in co_mentioned]
        elif spec.template in ("briefs-index.md", "tags.md"):
            parts += [f"{article.slug}:{_fields_key(article.fields)}" for article in content.articles.values()]
            parts += tag_labels(sorted(relations.tags))
        else:
            parts += [entity("term" if spec.template == "glossary-index.md" else "actor", key) for key in (glossary if spec.template == "glossary-index.md" else actors)]
        return digest(*parts)

    def _involved(self, slug: str) -> dict[str, list]:
        refs = self.relations.entities_of.get(slug, [])
        names = _names_key(self.content)
        known = _involved_memo.get(tuple(refs))
        if known is not None and known[0] == names:  # the same entities, named the same: the same order
            return {"terms": [self.content.glossary[key] for key in known[1]], "actors": [self.content.actors[key] for key in known[2]]}
        involved = self._sort_involved(refs)
        _involved_memo[tuple(refs)] = (names, [entry.id for entry in involved["terms"]], [actor.id for actor in involved["actors"]])
        return involved

    def _sort_involved(self, refs: list[str]) -> dict[str, list]:
        terms = sorted((self.content.glossary[r[5:]] for r in refs if r.startswith("term:") and r[5:] in self.content.glossary), key=lambda e: e.fields.term.casefold())
        actors = sorted((self.content.actors[r[6:]] for r in refs if r.startswith("actor:") and r[6:] in self.content.actors), key=lambda a: a.fields.name.casefold())
        return {"terms": terms, "actors": actors}

    def _uses_by_brief(self, ref: str) -> list[tuple]:
        grouped: dict[str, list] = defaultdict(list)
        for use in self.relations.uses.get(ref, []):
            grouped[use.article.slug].append(use)
        return [(uses[0].article, uses) for uses in grouped.values()]


_fields_keys: dict[int, tuple[object, str]] = {}
_involved_memo: dict[tuple[str, ...], tuple[str, list[str], list[str]]] = {}
_names_keys: dict[int, tuple[object, str]] = {}


def _names_key(content: Content) -> str:
    """A digest of every entity's id and displayed name (what "In this brief" is sorted by)."""
    known = _names_keys.get(id(content))
    if known is None or known[0] is not content:
        _names_keys.clear()
        names = [(key, entry.fields.term) for key, entry in content.glossary.items()] + [(key, actor.fields.name) for key, actor in content.actors.items()]
        known = _names_keys[id(content)] = (content, digest(repr(names)))
    return known[1]


def _fields_key(fields: object) -> str:
    """A digest of an article's front matter, once per object (unchanged files keep their objects)."""
    known = _fields_keys.get(id(fields))
    if known is None or known[0] is not fields:
        known = _fields_keys[id(fields)] = (fields, digest(repr(fields)))
    return known[1]


_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"})


def tag_label(content: Content, tag: str) -> str:
    """How a tag reads: the name of the glossary entry or actor with its id, else its words as a title.

    Words the content writes with capitals inside are spelled so: "law-of-the-sea" reads
    "Law of the Sea", and "prc-asean-ties" "PRC ASEAN Ties", "admm-plus-2016" "ADMM-Plus 2016".
    """
    if tag in content.glossary:
        return content.glossary[tag].fields.term
    if tag in content.actors:
        return content.actors[tag].fields.name
    words, names, shown = tag.split("-"), content.spelled_names, []
    index = 0
    while index < len(words):  # (the longest name first)
        count = next((count for count in range(len(words) - index, 0, -1) if _spells(names, words, index, count)), 0)
        if count:
            shown.append(names[tuple(words[index : index + count])])
            index += count
        else:
            word = words[index]
            shown.append(word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:])
            index += 1
    return " ".join(shown)


def _spells(names: Mapping[tuple[str, ...], str], words: list[str], index: int, count: int) -> bool:
    """Whether a name spells the tag's `count` words from `index` (a small word within the tag stays one)."""
    return tuple(words[index : index + count]) in names and not (index and count == 1 and words[index] in _SMALL_WORDS)


def _by_letter(content: Content) -> list[tuple[str, list]]:
    letters: dict[str, list] = defaultdict(list)
    for entry in sorted(content.glossary.values(), key=lambda e: e.fields.term.casefold()):
        first = entry.fields.term[:1].upper()
        letters[first if first.isalpha() else "#"].append(entry)
    return sorted(letters.items())


def _actors_by_type(content: Content) -> list[tuple[str, list]]:
    groups = []
    for kind, heading in TYPE_HEADINGS.items():
        members = sorted((a for a in content.actors.values() if a.fields.type == kind), key=lambda a: a.fields.name.casefold())
        if members:
            groups.append((heading, members))
    return groups
