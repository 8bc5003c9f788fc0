"""Cross-file checks and assembly of the validated content model."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .anchoring import Anchor, Selector, anchor_at, closest_passage, occurrences
from .entities import EntityIndex
from .linker import Linker
from .mentions import block_hits, number_mentions
from .loader import Parsed, RawContent, read_files
from .messages import did_you_mean
from .model import Actor, Annotation, Article, Content, GlossaryEntry
from .problems import Problem
from .readertext import ReaderView, read_markdown
from .schema import AnnotationFields

# Fields each annotation kind needs, and fields only one kind may carry.
REQUIRED_BY_KIND = {"quotation": ("speaker",), "fact-check": ("verdict", "body"), "context": ("body",), "claim": ("body",), "question": ("body",)}
ONLY_FOR_KIND = {"speaker": "quotation", "verdict": "fact-check"}
SUPPRESS_SCHEME = "nolink"
EXPLICIT_SCHEMES = {"term", "actor", SUPPRESS_SCHEME}


@dataclass
class LoadResult:
    content: Content
    index: EntityIndex
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def load_project(project: Path, markdown_extensions: list | None = None, extension_configs: dict | None = None) -> LoadResult:
    """Load and check everything under `project/briefs`; never raises for bad content.

    Give the site's Markdown extensions so quotes are matched against the text as the site renders it.
    """
    raw = read_files(project)
    checker = _Checker(raw, extension_configs or {})
    content = checker.assemble(markdown_extensions or [])
    problems = sorted(set(raw.problems + checker.problems), key=lambda p: (p.path, p.line, p.message, p.hint or ""))
    return LoadResult(content, checker.index, problems)


class _Checker:
    def __init__(self, raw: RawContent, extension_configs: dict) -> None:
        self.raw = raw
        self.extension_configs = extension_configs
        self.problems: list[Problem] = []
        self.glossary_ids = set(raw.glossary)
        self.actor_ids = set(raw.actors)
        self.index = EntityIndex()

    # -- assembly ---------------------------------------------------------
    def assemble(self, extensions: list) -> Content:
        glossary = {key: GlossaryEntry(key, p.path, p.fields) for key, p in sorted(self.raw.glossary.items()) if p.fields}
        actors = {key: Actor(key, p.path, p.fields) for key, p in sorted(self.raw.actors.items()) if p.fields}
        self.index = EntityIndex.build({k: e.fields for k, e in glossary.items()}, {k: a.fields for k, a in actors.items()})
        self._check_entities()
        self._check_form_clashes()
        articles = {}
        for slug, (parsed, body, body_line) in sorted(self.raw.articles.items()):
            article = self._article(slug, parsed, body, body_line, extensions)
            if article is not None:
                articles[slug] = article
        self._check_orphan_annotations()
        return Content(articles, glossary, actors)

    def _article(self, slug: str, parsed: Parsed, body: str, body_line: int, extensions: list) -> Article | None:
        """Check an article and its annotations; an article with bad front matter is checked but not kept."""
        fields = parsed.fields
        for position, author in enumerate(fields.source.authors if fields else ()):
            if isinstance(author, str):
                self._ref(parsed, ("source", "authors", position), author, self.actor_ids, "actor")
        try:
            view = read_markdown(body, extensions, self.extension_configs)
        except RecursionError:
            self.problems.append(Problem(parsed.path, body_line, "the article's Markdown is nested too deeply to read", "flatten its nested lists or quotes"))
            view = ReaderView((), (), ())
        blocks = view.blocks
        self._check_explicit_links(parsed, body, body_line, view.links)
        if parsed.located and not "".join(blocks).strip():
            self.problems.append(Problem(parsed.path, body_line, "the article has no text after its front matter"))
        annotation_file = self.raw.annotations.get(slug)
        annotations = self._annotations(annotation_file, blocks) if annotation_file else ()
        if fields is None:
            return None
        linker = Linker(self.index.by_form)
        hits = [block_hits(block, linker, self.index) for block in view.elements]
        mentions = tuple(m for block in number_mentions(list(view.elements), hits) for m in block)
        return Article(slug, parsed.path, fields, body, body_line, annotations, annotation_file.path if annotation_file else None, blocks, mentions)

    def _check_explicit_links(self, parsed: Parsed, body: str, body_line: int, links: tuple[str, ...]) -> None:
        for href in links:
            scheme, _, ref = href.partition(":")
            if scheme not in EXPLICIT_SCHEMES or scheme == SUPPRESS_SCHEME and not ref:
                continue
            line = body_line + _line_index(body, f"({href}")
            if scheme == SUPPRESS_SCHEME:
                self.problems.append(Problem(parsed.path, line, f"'{href}' takes nothing after the colon", f"write ({SUPPRESS_SCHEME}:)"))
            else:
                known, kind = (self.glossary_ids, "glossary entry") if scheme == "term" else (self.actor_ids, "actor")
                if ref not in known:
                    folder = "glossary" if scheme == "term" else "actors"
                    hint = did_you_mean(ref, known) or f"create briefs/{folder}/{ref}.yml"
                    self.problems.append(Problem(parsed.path, line, f"link to unknown {kind} '{href}'", hint))

    # -- annotations ------------------------------------------------------
    def _annotations(self, parsed: Parsed, blocks: tuple[str, ...]) -> tuple[Annotation, ...]:
        if not parsed.fields:
            return ()
        result = []
        seen: dict[str, int] = {}
        for position, fields in enumerate(parsed.fields.annotations):
            where = ("annotations", position)
            line = parsed.located.line_of(where)
            if fields.id in seen:
                self.problems.append(Problem(parsed.path, line, f"annotation id '{fields.id}' is used twice in this brief (first on line {seen[fields.id]})", "give each annotation its own id"))
            seen.setdefault(fields.id, line)
            self._check_kind(parsed, where, fields)
            self._check_refs(parsed, where, {"speaker": [fields.speaker] if fields.speaker else [], "actors": fields.actors, "terms": fields.terms})
            result.append(Annotation(fields, line, self._anchor(parsed, where, fields, blocks)))
        return tuple(result)

    def _check_kind(self, parsed: Parsed, where: tuple, fields: AnnotationFields) -> None:
        for name in REQUIRED_BY_KIND[fields.kind]:
            if getattr(fields, name) is None:
                self.problems.append(Problem(parsed.path, parsed.located.line_of((*where, "kind")), f"a {fields.kind} annotation needs '{name}'"))
        for name, kind in ONLY_FOR_KIND.items():
            if getattr(fields, name) is not None and fields.kind != kind:
                self.problems.append(Problem(parsed.path, parsed.located.line_of((*where, name)), f"'{name}' belongs only to {kind} annotations, not {fields.kind}", f"remove it or set kind: {kind}"))

    def _anchor(self, parsed: Parsed, where: tuple, fields: AnnotationFields, blocks: tuple[str, ...]) -> Anchor | None:
        selector = Selector.of(fields.quote, fields.prefix, fields.suffix)
        found = occurrences(selector, blocks)
        line = parsed.located.line_of((*where, "quote"))
        if len(found) == 1:
            return anchor_at(found[0], selector, blocks)
        if not found:
            self.problems.append(Problem(parsed.path, line, f"quote not found in the article: “{selector.quote}”", _closest_hint(fields.quote, selector, blocks)))
        else:
            places = "; ".join(f"paragraph {o.block + 1}, “…{_context(blocks[o.block], o.start, len(selector.quote))}…”" for o in found)
            self.problems.append(Problem(parsed.path, line, f"quote matches {len(found)} passages: {places}", "add a 'prefix' or 'suffix' with the words just before or after the one you mean"))
        return None

    def _check_orphan_annotations(self) -> None:
        for slug, parsed in sorted(self.raw.annotations.items()):
            if slug not in self.raw.articles:
                hint = did_you_mean(slug, self.raw.articles) or f"create briefs/articles/{slug}.md"
                self.problems.append(Problem(parsed.path, 1, f"no article '{slug}.md' for these annotations", hint))

    # -- entities ---------------------------------------------------------
    def _check_entities(self) -> None:
        for parsed in self.raw.glossary.values():
            if parsed.fields:
                self._check_refs(parsed, (), {"related": parsed.fields.related, "actors": parsed.fields.actors})
        for parsed in self.raw.actors.values():
            if parsed.fields:
                self._check_refs(parsed, (), {"affiliations": parsed.fields.affiliations, "members": parsed.fields.members})

    def _check_form_clashes(self) -> None:
        for clash in self.index.clashes:
            parsed = self._parsed_of(clash.second.kind, clash.second.id)
            first = self._parsed_of(clash.first.kind, clash.first.id)
            line = self._form_line(parsed, clash.form)
            self.problems.append(Problem(parsed.path, line, f"“{clash.form}” is already a surface form of {first.path}", "two entities may not share a surface form: remove or change one"))

    def _form_line(self, parsed: Parsed, form: str) -> int:
        """Line of the first field that gives this surface form."""
        fields = parsed.fields
        for key in ("term", "expansion", "name"):
            if (getattr(fields, key, None) or "").strip() == form:
                return parsed.located.line_of((key,))
        return parsed.located.line_of(("aliases", [a.strip() for a in fields.aliases].index(form)))

    def _parsed_of(self, kind: str, entity_id: str) -> Parsed:
        return (self.raw.glossary if kind == "term" else self.raw.actors)[entity_id]

    # -- references -------------------------------------------------------
    def _check_refs(self, parsed: Parsed, base: tuple, refs: dict[str, Iterable[str]]) -> None:
        for name, ids in refs.items():
            known, kind = (self.glossary_ids, "glossary entry") if name in {"related", "terms"} else (self.actor_ids, "actor")
            for position, ref in enumerate(ids):
                where = (*base, name) if name == "speaker" else (*base, name, position)
                self._ref(parsed, where, ref, known, kind)

    def _ref(self, parsed: Parsed, where: tuple, ref: str, known: set[str], kind: str) -> None:
        if ref in known:
            return
        folder = "glossary" if kind == "glossary entry" else "actors"
        hint = did_you_mean(ref, known) or f"create briefs/{folder}/{ref}.yml"
        self.problems.append(Problem(parsed.path, parsed.located.line_of(where), f"unknown {kind} '{ref}'", hint))


def _line_index(text: str, needle: str) -> int:
    position = text.find(needle)
    return text.count("\n", 0, position) if position >= 0 else 0


def _context(text: str, start: int, length: int, width: int = 25) -> str:
    """The words around a match, the match itself in brackets."""
    before = text[max(0, start - width) : start]
    after = text[start + length : start + length + width]
    return f"{before}[{text[start : start + length]}]{after}"


def _closest_hint(quote: str, selector: Selector, blocks: tuple[str, ...]) -> str | None:
    closest = closest_passage(quote, blocks)
    if closest is None or closest.similarity < 0.5:
        return "copy the passage from the article exactly"
    extra = " (the prefix/suffix do not match there)" if closest.text == selector.quote else ""
    return f"closest passage, {closest.similarity:.0%} similar, in paragraph {closest.block + 1}: “{closest.text}”{extra}"
