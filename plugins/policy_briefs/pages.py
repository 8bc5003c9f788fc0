"""The generated pages: where each lives, and its Markdown source rendered from templates."""

from __future__ import annotations

import calendar
import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import jinja2
import yaml

from markupsafe import Markup

from .entities import first_sentence
from .model import Content
from .relations import Relations, newest_first
from .safehtml import render_inline, render_markdown

TEMPLATE_DIR = "policy-briefs"
SECTIONS = {"brief": "briefs", "term": "glossary", "actor": "actors"}
TYPE_HEADINGS = {"person": "People", "state": "States", "organization": "Organisations"}


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its place in the site and what it shows."""

    src_uri: str
    template: str
    title: str
    key: str | None = None
    sources: tuple[str, ...] = ()  # content files it is made from (for "Edit this page")


def uri_for(kind: str, key: str) -> str:
    return f"{SECTIONS[kind]}/{key}.md"


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


def make_environment(template_dirs: list[str]) -> jinja2.Environment:
    """Templates looked up in the theme's folders (so a site can override them), escaping on."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_dirs), autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = render_markdown
    env.filters["md_inline"] = render_inline
    env.filters["preview"] = first_sentence
    env.filters["human_date"] = human_date
    return env


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

    def render(self, spec: PageSpec) -> str:
        context = {
            "content": self.content,
            "relations": self.relations,
            "spec": spec,
            "url": lambda kind, key, anchor="": self.link(spec.src_uri, uri_for(kind, key)) + (f"#{anchor}" if anchor else ""),
            "page_url": lambda uri: self.link(spec.src_uri, uri),
            **self._context(spec),
        }
        body = self.env.get_template(f"{TEMPLATE_DIR}/{spec.template}").render(context)
        front = yaml.safe_dump({"title": html.escape(spec.title, quote=False)}, allow_unicode=True, sort_keys=True)
        return f"---\n{front}---\n\n{body}"

    def _context(self, spec: PageSpec) -> dict:
        content, relations = self.content, self.relations
        if spec.template == "brief.md":
            article = content.articles[spec.key]
            return {"article": article, "article_body": Markup(article.body), "related": relations.related_briefs(article.slug, content.articles), "involved": self._involved(article.slug)}
        if spec.template == "entry.md":
            entry = content.glossary[spec.key]
            return {"entry": entry, "uses": self._uses_by_brief(f"term:{entry.id}")}
        if spec.template == "actor.md":
            actor = content.actors[spec.key]
            return {
                "actor": actor, "uses": self._uses_by_brief(f"actor:{actor.id}"),
                "quotations": relations.quotations.get(actor.id, []), "member_of": relations.member_of.get(actor.id, []),
                "co_mentioned": relations.co_mentioned(actor.id),
            }
        if spec.template == "briefs-index.md":
            return {"briefs": newest_first(content.articles)}
        if spec.template == "tags.md":
            return {"tags": sorted(relations.tags.items())}
        if spec.template == "glossary-index.md":
            return {"letters": _by_letter(content)}
        return {"groups": _actors_by_type(content)}

    def _involved(self, slug: str) -> dict[str, list]:
        refs = self.relations.entities_of.get(slug, [])
        terms = sorted((self.content.glossary[r[5:]] for r in refs if r.startswith("term:") and r[5:] in self.content.glossary), key=lambda e: e.fields.term.casefold())
        actors = sorted((self.content.actors[r[6:]] for r in refs if r.startswith("actor:") and r[6:] in self.content.actors), key=lambda a: a.fields.name.casefold())
        return {"terms": terms, "actors": actors}

    def _uses_by_brief(self, ref: str) -> list[tuple]:
        grouped: dict[str, list] = defaultdict(list)
        for use in self.relations.uses.get(ref, []):
            grouped[use.article.slug].append(use)
        return [(uses[0].article, uses) for uses in grouped.values()]


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
