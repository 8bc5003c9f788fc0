"""Cross-file checks and assembly of the validated content model."""

from __future__ import annotations

import html
import posixpath
import re
import string
import textwrap
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, get_args, get_origin
from urllib.parse import urlsplit

import markdown
from markdown.util import AMP_SUBSTITUTE, BLOCK_LEVEL_ELEMENTS
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .anchoring import WRITTEN_GAP, Anchor, Closest, Occurrence, Selector, WrittenArticle, anchor_at, closest_passage, occurrences, written_characters, written_places, written_spans
from .droppedhtml import Dropped, in_article, in_field, unread_in_field
from .entities import INVISIBLE, EntityIndex, form_key, without_invisible
from .fastreader import quote_occurrences
from .fieldlinks import links_in, links_to_check
from .linker import Linker
from .mentions import ArticleView, SplitName, article_view, unaddressed_links, written_links
from .loader import CONTENT_DIR, TOO_DEEP, Parsed, RawContent, read_files, read_text, split_front_matter
from .messages import as_seen, did_you_mean, field_label, meant_id, named_character, odd_characters, slugify, suggest
from .model import Actor, Annotation, Article, Content, FieldAnchor, GlossaryEntry
from .problems import ContentError, Problem
from .readertext import abbreviations, collapse, iter_blocks, normalize, read_markdown, unwrap_abbreviations
from .roughmarkdown import COMMENT_TAG, LIST_ITEM_LINE, MARKED_SECTION_HINT, QUOTE_MARKS, code_ranges, declaration_left_open, html_block_ranges, in_code, lists_in_paragraphs, lists_of_another_kind, markup_in_plain, only_comments, reference_definitions, shallow_in_lists, unclosed_html_block, unreadable_marked_sections, unreadable_message
from .safehtml import SEARCH_MARK, URL_SCHEMES, field_keeps, keeps_address, no_address
from .schema import ID_PATTERN, ActorFields, AnnotationFields, ArticleFields, GlossaryFields
from .sitepaths import NOTE_PLACES, generated_pages, linked_file, linked_path, note_ids, note_place, relative_path, uri_for
from .yamlsource import value_lines, yaml_quoted

# Fields each annotation kind needs, and fields only one kind may carry.
REQUIRED_BY_KIND = {"quotation": ("speaker",), "fact-check": ("verdict", "body"), "context": ("body",), "claim": ("body",), "question": ("body",)}
ONLY_FOR_KIND = {"speaker": "quotation", "verdict": "fact-check"}
SUPPRESS_SCHEME = "nolink"
EXPLICIT_SCHEMES = {"term", "actor", SUPPRESS_SCHEME}
PLACES_SHOWN = 3  # of the passages an ambiguous quote matches
_FOLDERS = {"glossary entry": "glossary", "actor": "actors"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")  # a URL's scheme (RFC 3986)


@dataclass
class LoadResult:
    content: Content
    index: EntityIndex
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def load_project(
    project: Path, markdown_extensions: list | None = None, extension_configs: dict | None = None, raw: RawContent | None = None, site_files: Iterable[str] | None = (),
    unrecognized_links: bool = False, absolute_links: bool = False,
) -> LoadResult:
    """Load and check everything under `project/briefs`; never raises for bad content.

    Give the site's Markdown extensions so quotes are matched against the text as the site renders it,
    its documentation files so that links to them are known, and whether its builds warn of a link to
    no file and no address (`unrecognized_links`) or of an absolute link (`absolute_links`).
    """
    loading = Loading(project, raw, site_files=site_files, unrecognized_links=unrecognized_links, absolute_links=absolute_links)
    reader = ArticleReader(markdown_extensions or [], extension_configs or {})
    for slug in list(loading.pending):
        loading.finish(slug, loading.read(slug, reader))
    return loading.result()


class ArticleReader:
    """Renders article bodies with the site's Markdown extensions (one Markdown instance, reset between articles)."""

    def __init__(self, extensions: list, extension_configs: dict) -> None:
        self.extensions = extensions
        self.extension_configs = extension_configs
        self.renew()

    def renew(self) -> None:
        """A fresh Markdown instance (after a conversion failed half-way)."""
        self.md = markdown.Markdown(extensions=[*self.extensions, _CaptureExtension()], extension_configs=self.extension_configs)

    def read(self, body: str, linker: Linker, index: EntityIndex) -> ArticleView:
        md = self.md.reset()
        md.captured = None  # type: ignore[attr-defined]
        md.convert(body)
        captured = md.captured  # type: ignore[attr-defined]
        if captured is None:  # nothing to render (an empty body)
            return ArticleView((), (), ())
        root = captured
        unwrap_abbreviations(root, abbreviations(md))
        stash = md.htmlStash.rawHtmlBlocks
        return article_view(list(iter_blocks(root)), written_links([root], {}), linker, index, stash, dropped=in_article(root, stash), unaddressed=unaddressed_links([root], {}, stash))


class _Capture(markdown.treeprocessors.Treeprocessor):
    def run(self, root):  # noqa: ANN001, ANN201 (Markdown's API)
        self.md.captured = root  # type: ignore[attr-defined]


class _CaptureExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_Capture(md), "policy-briefs-capture", -20)


@dataclass
class _Pending:
    parsed: Parsed
    body: str
    body_line: int


class Loading:
    """The content checked file by file and across files; each article finished when its Markdown is read.

    The site build reads an article's Markdown while MkDocs renders its page (one
    pass instead of two) and finishes it then; `briefs check` reads them all here.
    """

    def __init__(
        self, project: Path, raw: RawContent | None = None, keep_lines: bool = True, site_files: Iterable[str] | None = (),
        unrecognized_links: bool = False, absolute_links: bool = False,
    ) -> None:
        """`keep_lines=False`: forget where each field is once its article is finished (nothing reads the files again).

        `site_files`: the site's hand-written documentation files (paths in its docs folder), which articles
        may link to; None if they are not known (links to files are then not checked).
        """
        self.raw = raw if raw is not None else read_files(project)
        self.keep_lines = keep_lines
        self.checker = _Checker(self.raw, site_files, unrecognized_links, absolute_links, project)
        self.checker.prepare()
        self.index = self.checker.index
        self.linker = Linker(self.index.by_form)
        self.pending: dict[str, _Pending] = {}
        self.articles: dict[str, Article] = {}
        for slug, (parsed, body, body_line) in sorted(self.raw.articles.items()):
            self.checker.check_front_matter(parsed)
            self.pending[slug] = _Pending(parsed, body, body_line)
        self.checker.check_orphan_annotations()
        self.problems = self.raw.problems + self.checker.problems  # the problems found before reading any Markdown
        self.checker.problems = []

    def read(self, slug: str, reader: ArticleReader) -> ArticleView:
        """Render an article's Markdown on its own."""
        pending = self.pending[slug]
        try:
            return reader.read(pending.body, self.linker, self.index)
        except RecursionError:
            reader.renew()
            return ArticleView((), (), (), too_deep=True)

    def valid(self, slug: str) -> bool:
        """Whether the article will be published (its front matter is valid)."""
        return self.pending[slug].parsed.fields is not None

    def draft(self, slug: str) -> Article:
        """The article before its Markdown is read: notes not yet placed, no mentions."""
        pending = self.pending[slug]
        notes = self.raw.annotations.get(slug)
        annotations = ()
        if notes is not None and notes.fields:
            annotations = tuple(Annotation(fields, notes.located.line_of(("annotations", position)), None) for position, fields in enumerate(notes.fields.annotations))
        return Article(slug, pending.parsed.path, pending.parsed.fields, pending.body, pending.body_line, annotations, notes.path if notes else None)

    def finish(self, slug: str, view: ArticleView) -> tuple[Article | None, list[Problem]]:
        """Check what depends on the rendered Markdown; the article (None if not published) and its problems."""
        pending = self.pending.pop(slug)
        article = self.checker.finish_article(slug, pending.parsed, pending.body, pending.body_line, view)
        if not self.keep_lines:  # every problem of these files is found: their lines are not needed again
            for parsed in (pending.parsed, self.raw.annotations.get(slug)):
                if parsed is not None:
                    parsed.located = None
        problems, self.checker.problems = self.checker.problems, []
        self.problems.extend(problems)
        if article is not None:
            self.articles[slug] = article
        return article, sorted(problems)

    def forget_body(self, slug: str) -> None:
        """Let an article's Markdown go, once its page is read (a single build reads it once)."""
        parsed, _, body_line = self.raw.articles[slug]
        self.raw.articles[slug] = (parsed, "", body_line)
        if slug in self.articles:
            self.articles[slug] = replace(self.articles[slug], body="")

    def adopt(self, slug: str, article: Article | None, problems: list[Problem]) -> list[Problem]:
        """Take an article as an earlier `finish` of the same files gave it; its problems."""
        del self.pending[slug]
        self.checker.field_anchors.pop(uri_for("brief", slug), None)  # (the article holds them)
        self.problems.extend(problems)
        if article is not None:
            self.articles[slug] = article
        return problems

    def content(self) -> Content:
        return Content(dict(sorted(self.articles.items())), self.checker.glossary, self.checker.actors)

    def note_link_problems(self) -> list[Problem]:
        """Articles' links to a brief's note or passage that names none of its notes, once every article is finished.

        Checked across briefs on every build, not with each article: renaming a note breaks the
        links of articles that did not change.
        """
        ids = {slug: {note.id for note in article.annotations} for slug, article in self.articles.items() if not self._notes_held_back(slug)}
        problems = []
        for slug, article in self.articles.items():
            for href, line in article.note_links:
                target, note = note_place(href, uri_for("brief", slug)) or ("", "")
                if target not in ids or note in ids[target]:  # (a brief whose notes are held back: checked once they are mended)
                    continue
                brief = "this brief" if target == slug else f"the brief '{target}'"
                hint = did_you_mean(note, ids[target]) or (f"its notes are {', '.join(sorted(ids[target]))}" if ids[target] else "it has no notes")
                notes_file = self.articles[target].annotations_path
                problems.append(Problem(article.path, line, f"link '{href}' names no note of {brief}", hint, involves=(notes_file,) if notes_file else ()))
        return sorted(problems)

    def _notes_held_back(self, slug: str) -> bool:
        """Whether a mistake in a brief's annotations file keeps its notes off its page (the mistake is told where it is)."""
        notes = self.raw.annotations.get(slug)
        return notes is not None and notes.fields is None

    def result(self) -> LoadResult:
        return LoadResult(self.content(), self.index, sorted(set(self.problems) | set(self.note_link_problems())))


class _Checker:
    def __init__(
        self, raw: RawContent, site_files: Iterable[str] | None = (), unrecognized_links: bool = False, absolute_links: bool = False, project: Path | None = None,
    ) -> None:
        self.raw = raw
        self.project = project  # where the files are read again to place a problem within a value of many lines
        self.problems: list[Problem] = []
        self.glossary_ids = set(raw.glossary)
        self.actor_ids = set(raw.actors)
        # (A brief whose front matter has problems is not published: a link to it leads nowhere.)
        self.unpublished = {uri_for("brief", slug): parsed.path for slug, (parsed, _, _) in raw.articles.items() if parsed.fields is None}
        published = [slug for slug, (parsed, _, _) in raw.articles.items() if parsed.fields is not None]
        self.site_files = generated_pages(published, self.glossary_ids, self.actor_ids).union(site_files) if site_files is not None else None
        self.unrecognized_links = unrecognized_links  # whether a link to no file and no address is a problem (as the site's builds warn of it)
        self.absolute_links = absolute_links  # whether an absolute link (`/page.md`) is a problem (likewise)
        self.index = EntityIndex()
        self.glossary: dict[str, GlossaryEntry] = {}
        self.actors: dict[str, Actor] = {}
        # By generated page: its fields' links to places of it other than notes, which only a build can see (see `Article.field_anchors`).
        self.field_anchors: dict[str, list[FieldAnchor]] = {}

    # -- assembly ---------------------------------------------------------
    def prepare(self) -> None:
        """Entities, their index and their checks."""
        self.glossary = {key: GlossaryEntry(key, p.path, p.fields) for key, p in sorted(self.raw.glossary.items()) if p.fields}
        self.actors = {key: Actor(key, p.path, p.fields) for key, p in sorted(self.raw.actors.items()) if p.fields}
        self.index = EntityIndex.build({k: e.fields for k, e in self.glossary.items()}, {k: a.fields for k, a in self.actors.items()})
        self._named_ids: dict[str, dict[str, tuple[str, str]]] = {}
        self._check_entities()
        self._check_form_clashes()
        for entities, kind in ((self.glossary, "term"), (self.actors, "actor")):
            for key, entity in entities.items():
                entities[key] = replace(entity, field_anchors=tuple(self.field_anchors.pop(uri_for(kind, key), ())))

    def check_front_matter(self, parsed: Parsed) -> None:
        """An article's authors, and the links in its summary and takeaways (as written, if other fields have mistakes)."""
        takeaways = _value(parsed, "takeaways")
        texts = {("summary",): _value(parsed, "summary")} | {("takeaways", n): text for n, text in enumerate(takeaways if isinstance(takeaways, (list, tuple)) else ())}
        self._check_field_markdown(parsed, _texts(texts), uri_for("brief", parsed.stem) if parsed.fields else None, ArticleFields)
        self._check_plain_text(parsed)
        first: dict[str, int] = {}
        authors = _value(parsed, "source", "authors")
        for position, author in enumerate(authors if isinstance(authors, (list, tuple)) else ()):
            where = ("source", "authors", position)
            if isinstance(author, str) and re.fullmatch(ID_PATTERN, author):
                self._ref(parsed, where, author, self.actor_ids, "actor")
                self._listed_once(parsed, where, "authors", author, first)
            else:  # (`{name: …}`: validated, or as written)
                name = author.get("name") if isinstance(author, dict) else getattr(author, "name", None)
                if isinstance(name, str):
                    self._check_named_author(parsed, where, name)
        tags, first = _value(parsed, "tags"), {}
        for position, tag in enumerate(tags if isinstance(tags, (list, tuple)) else ()):
            if isinstance(tag, str):  # (the page would list it twice)
                self._listed_once(parsed, ("tags", position), "tags", tag, first)

    def _check_named_author(self, parsed: Parsed, where: tuple, name: str) -> None:
        """An author written by name (`{name: …}`) whom an actor is: the page would show the name without a link to the profile."""
        actor = self._named("actor").get(slugify(name))
        if actor is not None:
            message = f"author '{name}' is written as a name, and actor '{actor[0]}' is {actor[1]}: the page would not link the profile"
            self.problems.append(Problem(parsed.path, parsed.located.line_of(where), message, f"write the actor's id, {actor[0]}, in its place"))

    def finish_article(self, slug: str, parsed: Parsed, body: str, body_line: int, view: ArticleView) -> Article | None:
        """Check an article's Markdown and its annotations; an article with bad front matter is checked but not kept."""
        if view.too_deep:
            self.problems.append(Problem(parsed.path, body_line, TOO_DEEP, "flatten its nested lists or quotes"))
        blocks = view.blocks
        self._check_explicit_links(slug, parsed, body, body_line, view.links, view.unaddressed)
        self._check_unused_references(parsed, body, body_line, view.links)
        self._check_dropped(parsed, body, body_line, view.dropped)
        self._check_split_names(parsed, body, body_line, view.split, blocks)
        unclosed = unclosed_html_block(body, BLOCK_LEVEL_ELEMENTS) if parsed.located and not parsed.unreadable else None
        if unclosed is not None:
            line, tag = unclosed
            if tag == COMMENT_TAG:
                self.problems.append(Problem(parsed.path, body_line + line, "<!-- is never closed: the page hides the article after it", "end the comment with -->"))
            else:
                self.problems.append(Problem(parsed.path, body_line + line, f"<{tag}> is never closed: the article after it is read as raw HTML, not Markdown", f"close it with </{tag}>, then leave a blank line"))
        elif parsed.located and not parsed.unreadable and not view.too_deep and not "".join(blocks).strip():
            self.problems.append(Problem(parsed.path, body_line, "the article has no text after its front matter"))
        hidden = declaration_left_open(body) if "<!" in body else None
        if hidden is not None:
            opening, closing, written = hidden
            closer = "]]>" if written.startswith("<![") else ">"
            to = f"the '{closer}' on line {body_line + body.count(chr(10), 0, closing)}" if closing is not None else "its end"
            message = f"{written} is not closed on its line: the page hides the article from it to {to}"
            self.problems.append(Problem(parsed.path, body_line + body.count("\n", 0, opening), message, "close it on its own line, or take it out"))
        for start in shallow_in_lists(body) if "\n " in body else ():
            self.problems.append(Problem(parsed.path, body_line + body.count("\n", 0, start), *_shallow_in_list(body, start)))
        for start in lists_in_paragraphs(body):
            self.problems.append(Problem(parsed.path, body_line + body.count("\n", 0, start), *UNMARKED_LIST))
        for start in lists_of_another_kind(body):
            self.problems.append(Problem(parsed.path, body_line + body.count("\n", 0, start), *LIST_OF_ANOTHER_KIND))
        for stopping in unreadable_marked_sections(body):
            self.problems.append(Problem(parsed.path, body_line + body.count("\n", 0, stopping), unreadable_message(body, stopping), MARKED_SECTION_HINT))
        annotation_file = self.raw.annotations.get(slug)
        # An article that could not be read has no text to find quotes in: its one problem says why.
        readable = not (parsed.unreadable or view.too_deep or unclosed)
        as_written = WrittenArticle(body, body_line, view.headings)
        annotations = self._annotations(annotation_file, blocks, as_written, place=readable) if annotation_file else ()
        self._check_block_ids(parsed, view, annotations, as_written)
        underlined = self._check_underlined(parsed, view, as_written)
        self._check_indented_prose(parsed, view, as_written)
        self._check_unread_references(parsed, view, as_written)
        self._check_titles(parsed, view, as_written, told=underlined)
        if parsed.fields is None:
            return None
        page = uri_for("brief", slug)
        note_links = tuple(  # (each place that writes it: a note renamed breaks them all)
            (href, body_line + line) for href in dict.fromkeys(view.links) if note_place(href, page) for line in dict.fromkeys(link_lines(body, href) or [0])
        )
        anchors = tuple(self.field_anchors.pop(page, ()))
        files = tuple(sorted({target for href in view.links if (target := linked_file(href, page)) is not None}))
        return Article(
            slug, parsed.path, parsed.fields, body, body_line, annotations, annotation_file.path if annotation_file else None, blocks, view.mentions, note_links, anchors, files,
        )

    def _check_unused_references(self, parsed: Parsed, body: str, body_line: int, links: tuple[str, ...]) -> None:
        """A line that defines a link reference no link uses: the page shows it nowhere (`[Update]: Corrected`, meant as text, is lost)."""
        if "]:" in body:
            for start, written in _unused_references(body, links):
                self.problems.append(Problem(parsed.path, body_line + body.count("\n", 0, start), *_unused_reference(written)))

    def _check_explicit_links(self, slug: str, parsed: Parsed, body: str, body_line: int, links: tuple[str, ...], unaddressed: tuple[tuple[str, str], ...] = ()) -> None:
        if unaddressed:
            self._check_empty_links(parsed, body, body_line, unaddressed)
        written: Counter[str] = Counter()  # each link to an address told on its own line: the first, the second …
        first_new = len(self.problems)
        for href in links:
            if no_address(href):
                continue
            nth, written[href] = written[href], written[href] + 1
            line = lambda href=href, nth=nth: body_line + _link_line(body, href, nth)  # noqa: E731 (looked for only if there is a problem)
            self._check_scheme(parsed, line, href)
            if self.absolute_links and href.startswith("/") and not href.startswith("//"):
                message = f"link '{href}' is absolute: it leads elsewhere when the site is not at the root of its address"
                self.problems.append(Problem(parsed.path, line(), message, self._relative_hint(slug, href)))
            elif self.unrecognized_links and self._unrecognized(uri_for("brief", slug), href):
                message = f"link '{href}' is neither a web address nor a file of the site"
                self.problems.append(Problem(parsed.path, line(), message, _address_hint(href)))
            else:
                self._check_file_link(uri_for("brief", slug), parsed, line, href)
            scheme, _, ref = href.partition(":")
            if scheme not in EXPLICIT_SCHEMES or scheme == SUPPRESS_SCHEME and not ref:
                continue
            valid = (self.glossary.keys(), self.actors.keys())  # the ids whose files are valid, which say what kind an id is
            problem = explicit_link_problem(parsed.path, body_line, href, self.glossary_ids, self.actor_ids, valid, self.index)
            if problem is not None:
                self.problems.append(replace(problem, line=line()))
        self.problems[first_new:] = dict.fromkeys(self.problems[first_new:])  # (links through one reference: its one line, told once)

    def _check_empty_links(self, parsed: Parsed, body: str, body_line: int, empty: tuple[tuple[str, str], ...]) -> None:
        """Links and images with no address (`[text]()`, `mailto:` alone), each where it is written: in order, by its words where they tell it."""
        apart = sorted(code_ranges(body) + html_block_ranges(body, BLOCK_LEVEL_ELEMENTS))  # (text there is no link)
        written = [match for match in _EMPTY_LINK.finditer(body) if not in_code(apart, match.start())]
        problems, at = {}, 0
        for href, text in empty:
            found = next((match for match in written[at:] if _address_of(match) == href.strip().lower() and _words_of(match) == _words(text)), None)
            if found is not None:
                at = written.index(found) + 1
            shown = " ".join(found.group().split()) if found is not None else f"[{text}]({href})"
            line = body_line + (body.count("\n", 0, found.start()) if found is not None else 0)
            message = f"link or image '{shown}' has no address: the page would show it leading nowhere"
            problems.setdefault(Problem(parsed.path, line, message, "write the address it leads to, or leave out the brackets and keep the words"), None)
        self.problems += problems

    def _relative_hint(self, slug: str, href: str) -> str:
        """How the brief's page links to what an absolute link names, if it names a file of the site."""
        target = linked_path(href.lstrip("/"), "index.md")  # as if written on the home page
        if self.site_files is not None and target in self.site_files:
            return f"write '{relative_path(target, uri_for('brief', slug))}'"
        return _FILE_LINKS_HINT

    def _unrecognized(self, page: str, href: str) -> bool:
        """Whether MkDocs leaves a link on `page` as it is: a relative path with no extension that names no file of the site.

        (Python-Markdown hides an email autolink's address, which MkDocs leaves alone too.)
        """
        path = linked_path(href, page)
        return path is not None and linked_file(href, page) is None and AMP_SUBSTITUTE not in href and path not in (self.site_files or ())

    def _check_file_link(self, brief_page: str, parsed: Parsed, written_on: Callable[[], int], href: str) -> None:
        """A relative link to a file must find it among the site's pages and files (as MkDocs looks it up from the brief's page)."""
        target = linked_file(href, brief_page)
        if target is None or self.site_files is None or target in self.site_files:
            return
        line = written_on()
        if target in self.unpublished:
            message = f"link '{href}' names a brief that is not published: {self.unpublished[target]} has problems of its own"
            self.problems.append(Problem(parsed.path, line, message, "mend that file, and the link leads to its page"))
            return
        if target.startswith("../"):  # (out of the docs folder: a file of the repository, as the content's own)
            message = f"link '{href}' leads out of the site's docs folder, to a file the site does not publish"
            ref = _content_ref(target)
            hint = _by_id(ref) if ref else _FILE_LINKS_HINT
            self.problems.append(Problem(parsed.path, line, message, hint))
            return
        near = _near_file(target, self.site_files - {brief_page}) or _same_name(target, self.site_files - {brief_page})  # (not the brief itself)
        ref = _content_ref(target)  # (`../briefs/glossary/eas.yml`: the docs folder's briefs/, which has no glossary)
        hint = f"did you mean '{relative_path(near, brief_page)}'?" if near else _by_id(ref) if ref else _address_hint(href, target)
        self.problems.append(Problem(parsed.path, line, f"link '{href}' names '{target}', which is not a page or file of the site", hint))

    def _check_scheme(self, parsed: Parsed, written_on: Callable[[], int], href: str) -> None:
        """A link whose scheme the page's sanitiser does not keep would lose its address without a word."""
        match = _SCHEME.match(href)
        if match is not None and match.group(1).lower() in URL_SCHEMES and not keeps_address(href):
            message = f"link '{href}' would lose its address: it is not a web address a browser can open"
            hint = "write the whole address, as https://example.org/page: a host after //, no spaces, a port up to 65535"
            self.problems.append(Problem(parsed.path, written_on(), message, hint))
            return
        if match is not None and match.group(1).lower() in ("http", "https") and any(char.isspace() for char in href.strip()):
            message = f"web address '{href}' holds white space, which a browser reads as %20: it leads elsewhere than meant"
            self.problems.append(Problem(parsed.path, written_on(), message, "copy the address from the browser's address bar"))
            return
        if match is None or match.group(1).lower() in URL_SCHEMES or match.group(1) in EXPLICIT_SCHEMES:
            return
        scheme, ref = match.group(1), href[match.end() :]
        if scheme.lower() in EXPLICIT_SCHEMES:
            hint = f"write {scheme.lower()}:{ref}"
        elif ref in self.glossary_ids or ref in self.actor_ids:
            hint = f"write {'term' if ref in self.glossary_ids else 'actor'}:{ref}"
        else:
            hint = "link an entry with term:ID, an actor with actor:ID, anything else with its whole https:// address"
        line = written_on()
        self.problems.append(Problem(parsed.path, line, f"link '{href}' would lose its address: pages keep http, https and mailto links, and term:, actor: and nolink:", hint))

    def _check_dropped(self, parsed: Parsed, body: str, body_line: int, dropped: tuple[Dropped, ...]) -> None:
        """HTML the page would not show, each where it is written (found in order, each after the one before)."""
        problems, after = {}, 0
        code = code_ranges(body) if dropped else []
        for item in dropped:
            position = _written_at(body, code, item, after)
            if position is None:  # not in the source: a Markdown extension of mkdocs.yml wrote it
                problem = Problem(parsed.path, body_line, item.message, "a Markdown extension in mkdocs.yml writes it: leave the extension out, or use it without this")
            else:
                after = position + 1
                problem = Problem(parsed.path, body_line + body.count("\n", 0, position), item.message, item.hint)
            problems.setdefault(problem, None)
        self.problems += problems

    def _check_split_names(self, parsed: Parsed, body: str, body_line: int, names: tuple[SplitName, ...], blocks: tuple[str, ...]) -> None:
        """Names left unlinked because formatting or a `nolink:` span cuts them, each where it is written (found in order)."""
        problems, after, code = {}, 0, code_ranges(body) if names else []
        for name in names:
            written = _cut_name_at(body, code, blocks[name.block], name, after)
            if written is not None:
                after = written[0] + 1
            line = body_line + (body.count("\n", 0, written[0]) if written is not None else 0)
            instead = f" (only {', '.join(map(repr, name.linked))} is linked)" if name.linked else ""
            if name.by_nolink:
                message = f"'{name.text}' is not linked to {name.target.ref}: a nolink: span holds part of it{instead}"
                hint = "put the nolink: span around the whole name, or take it away"
            elif name.by_comment:
                message = f"'{name.text}' is not linked to {name.target.ref}: a comment is written within it{instead}"
                hint = "move the comment out of the name"
            else:
                message = f"'{name.text}' is not linked to {name.target.ref}: formatting cuts it{instead}"
                as_written = _with_its_formatting(body, *written) if written is not None else None
                hint = f"format the whole name, or link it with its formatting: [{as_written}]({name.target.ref})" if as_written else f"format the whole name, or link it: [{name.text}]({name.target.ref})"
            problems.setdefault(Problem(parsed.path, line, message, hint), None)
        self.problems += problems

    # -- annotations ------------------------------------------------------
    def _annotations(self, parsed: Parsed, blocks: tuple[str, ...], article: WrittenArticle, place: bool = True) -> tuple[Annotation, ...]:
        """The file's notes, checked and placed; a file with a mistake in some notes has its other notes checked, none kept."""
        notes = list(enumerate(parsed.fields.annotations)) if parsed.fields else [(n, f) for n, f in enumerate(parsed.salvaged or ()) if f is not None]
        self._check_plain_text(parsed)
        result = []
        seen: dict[str, int] = {}
        normalized = [normalize(text) for text in blocks]
        for position, fields in notes:
            where = ("annotations", position)
            line = parsed.located.line_of(where)
            twice = fields.id in seen
            if twice:
                self.problems.append(Problem(parsed.path, line, f"annotation id '{fields.id}' is used twice in this brief (first on line {seen[fields.id]})", "give each annotation its own id"))
            seen.setdefault(fields.id, line)
            self._check_kind(parsed, where, fields)
            self._check_refs(parsed, where, {"speaker": [fields.speaker] if fields.speaker else [], "actors": fields.actors, "terms": fields.terms})
            if fields.body:
                self._check_field_markdown(parsed, {(*where, "body"): fields.body}, uri_for("brief", parsed.stem), AnnotationFields)
            note = Annotation(fields, line, self._anchor(parsed, where, fields, blocks, normalized, article) if place else None)
            if not twice:  # (a preview shows the first: a page's places have one id each)
                result.append(note)
        self._check_note_links(parsed, notes, set(seen))
        # Numbered as their markers read, each after its passage's end (the file may list them in any order); notes not placed last.
        result.sort(key=lambda note: (note.anchor is None, (note.anchor.end, note.anchor.start) if note.anchor else (0, 0)))
        return tuple(result) if parsed.fields else ()

    def _check_note_links(self, parsed: Parsed, notes: list[tuple[int, AnnotationFields]], ids: set[str]) -> None:
        """A note's link to another note or passage of its brief (#note-ID, #passage-ID) must name one of the brief's notes."""
        for position, fields in notes:
            if not fields.body or not any(f"(#{kind}-" in fields.body or f'"#{kind}-' in fields.body for kind in NOTE_PLACES):
                continue
            for href in links_in(fields.body):
                place = note_place(href, uri_for("brief", "its-own")) if href.startswith("#") else None  # a place on the note's own page
                note = place[1] if place is not None else None
                if note is not None and note not in ids:
                    hint = did_you_mean(note, ids) or f"the brief's notes are {', '.join(sorted(ids))}"
                    self.problems.append(Problem(parsed.path, self._line_in(parsed, ("annotations", position, "body"), lambda text: _link_at(text, href)), f"link '{href}' in the note's body names no note of this brief", hint))

    def _check_kind(self, parsed: Parsed, where: tuple, fields: AnnotationFields) -> None:
        for name in REQUIRED_BY_KIND[fields.kind]:
            if getattr(fields, name) is None:
                given = get_args(AnnotationFields.model_fields[name].annotation)  # (`Verdict | None`: a choice, or not given)
                hint = f"write one of {', '.join(get_args(given[0]))}" if given and get_origin(given[0]) is Literal else None
                if (*where, name) in parsed.located.lines:  # (`verdict:` with nothing after it)
                    self.problems.append(Problem(parsed.path, parsed.located.line_of((*where, name)), f"{name} must not be empty", hint))
                else:
                    self.problems.append(Problem(parsed.path, parsed.located.line_of((*where, "kind")), f"a {fields.kind} annotation needs '{name}'", hint))
        for name, kind in ONLY_FOR_KIND.items():
            if getattr(fields, name) is not None and fields.kind != kind:
                self.problems.append(Problem(parsed.path, parsed.located.line_of((*where, name)), f"'{name}' belongs only to {kind} annotations, not {fields.kind}", f"remove it or set kind: {kind}"))

    def _anchor(self, parsed: Parsed, where: tuple, fields: AnnotationFields, blocks: tuple[str, ...], normalized: list[str], article: WrittenArticle) -> Anchor | None:
        selector, found = quote_occurrences(Selector.of(fields.quote, fields.prefix, fields.suffix), blocks, normalized)
        line = parsed.located.line_of((*where, "quote"))
        if len(found) == 1:
            return anchor_at(found[0], blocks)
        if not found:
            written = collapse(fields.quote.strip())  # (as the editor wrote it: the selector's quote marks are made plain)
            self.problems.append(Problem(parsed.path, line, f"quote not found in the article: “{written}”", _closest_hint(fields, selector, blocks, article)))
        else:
            places = _shown_places(found, blocks, article)
            self.problems.append(Problem(parsed.path, line, f"quote matches {len(found)} passages: {places}", "add a 'prefix' or 'suffix' with the words just before or after the one you mean"))
        return None

    def check_orphan_annotations(self) -> None:
        for slug, parsed in sorted(self.raw.annotations.items()):
            if slug not in self.raw.articles:
                hint = did_you_mean(slug, self.raw.articles) or f"create briefs/articles/{slug}.md, or delete this file if its article is gone"
                self.problems.append(Problem(parsed.path, 1, f"no article '{slug}.md' for these annotations", hint))

    # -- entities ---------------------------------------------------------
    def _check_entities(self) -> None:
        """Entries' and actors' ids and Markdown; a file whose fields did not validate as written (every problem in one run)."""
        for files, kind, refs, markdown_field, itself, model in (
            (self.raw.glossary, "term", ("related", "actors"), "definition", ("related",), GlossaryFields),
            (self.raw.actors, "actor", ("affiliations", "members"), "summary", ("affiliations", "members"), ActorFields),
        ):
            for parsed in files.values():
                if parsed.fields or parsed.located is not None and not parsed.misplaced:
                    self._check_refs(parsed, (), {name: _value(parsed, name) for name in refs}, itself=itself)
                    page = uri_for(kind, parsed.stem) if parsed.fields else None
                    self._check_field_markdown(parsed, _texts({(markdown_field,): _value(parsed, markdown_field)}), page, model)
                    self._check_plain_text(parsed)
                    self._check_aliases(parsed)

    def _check_aliases(self, parsed: Parsed) -> None:
        """Each alias once, and not the entry's or actor's own name again (its page lists them all)."""
        aliases = _value(parsed, "aliases")
        names = {form_key(name): key for key in ("term", "expansion", "name") if isinstance(name := _value(parsed, key), str)}
        first: dict[str, int] = {}
        for position, alias in enumerate(aliases if isinstance(aliases, (list, tuple)) else ()):
            if not isinstance(alias, str):
                continue
            where = ("aliases", position)
            if _common_word(alias):
                message = f"'{alias}' in aliases is a common word: every “{alias}” of every article would link here"
                self.problems.append(Problem(parsed.path, parsed.located.line_of(where), message, "write the words it stands for in full, or remove it"))
            elif form_key(alias) in names:
                message = f"'{alias}' in aliases is the {names[form_key(alias)]} already, which the page shows beside them"
                self.problems.append(Problem(parsed.path, parsed.located.line_of(where), message, "remove it"))
            else:
                self._listed_once(parsed, where, "aliases", alias, first, key=form_key(alias))

    def _check_field_markdown(self, parsed: Parsed, texts: dict[tuple, str], page: str | None = None, fields: type[BaseModel] | None = None) -> None:
        """Links a Markdown field would show without their address, or with one that leads nowhere from some page; markup its pages drop.

        `page`: the generated page (a brief's, an entry's, an actor's) that shows these fields; their links to places of it are kept for its build.
        `fields`: the model of the fields beside them, which a line of their text may be meant as.
        """
        for where, text in texts.items():
            indented = self._fields_within(parsed, where, text, fields) if fields is not None and ":" in text else []
            for placed, line, name in indented:
                message = f"the line “{line}” reads as the field '{name}', but is indented as the text of {_field_named(where)}, which shows it"
                self.problems.append(Problem(parsed.path, placed, message, f"for the field, take it left, as far as '{field_label(where)}:' above"))
            for href in dict.fromkeys(links_to_check(text)):  # (one problem for the same address twice: the same line)
                if not field_keeps(href):
                    if href.partition(":")[0] in EXPLICIT_SCHEMES:
                        hint = "link entries and actors from the article's text"
                    elif not href.strip():
                        hint = "it has no address: write the whole https:// address it leads to, or leave out the brackets and keep the words"
                    elif href.strip() and not _SCHEME.match(href):  # a page or file of the site: its address differs from page to page
                        hint = "the field is shown on several pages, from each of which it would lead elsewhere: link it from the article's text, or write its whole https:// address"
                    else:
                        hint = "write the whole https:// address"
                    message = f"link '{href}' in {field_label(where)} is not kept: links in YAML fields keep only whole http, https and mailto addresses, and #anchors"
                    self.problems.append(Problem(parsed.path, self._line_in(parsed, where, lambda text: _link_at(text, href)), message, hint))
            for start, written in _unused_references(text, links_in(text)) if "]:" in text else ():
                label = written.partition("]:")[0]
                placed = self._line_in(parsed, where, lambda source: _written_as_in(source, text, start, re.compile(re.escape(label))))
                self.problems.append(Problem(parsed.path, placed, *_unused_reference(written, in_yaml=True)))
            for item in [*in_field(text, field_label(where)), *unread_in_field(text, field_label(where))]:
                self.problems.append(Problem(parsed.path, self._line_in(parsed, where, lambda text: _written_at(text, [], item, 0)), item.message, item.hint))
            for start in shallow_in_lists(text) if "\n " in text else ():
                self.problems.append(Problem(parsed.path, self._line_of_line(parsed, where, text, start), *_shallow_in_list(text, start)))
            for start in lists_in_paragraphs(text) if "\n" in text and where not in parsed.located.folded and not indented else ():  # (a folded list, a field's list are told as such)
                self.problems.append(Problem(parsed.path, self._line_of_line(parsed, where, text, start), *UNMARKED_LIST))
            if SEARCH_MARK in text:
                message = f"{field_label(where)} holds '{SEARCH_MARK}', which Material's search reads as its own mark: it takes words of the pages that show it out"
                placed = self._line_in(parsed, where, lambda source: source.find(SEARCH_MARK) if SEARCH_MARK in source else None)
                self.problems.append(Problem(parsed.path, placed, message, "write it otherwise, such as 'data search'"))
            if only_comments(text):
                hint = "write its text, or take its line out" if isinstance(where[-1], int) else "write its text, or take the comment out"
                self.problems.append(Problem(parsed.path, parsed.located.line_of(where), f"{_field_named(where)} shows nothing: it holds only a comment", hint))
            left_open = unclosed_html_block(text, BLOCK_LEVEL_ELEMENTS) if "<" in text else None
            if left_open is not None:
                self.problems.append(self._left_open_in_field(parsed, where, text, *left_open))
            if page is not None and ("(#" in text or "#" in text and "<" in text or "]:" in text):
                self._keep_anchors(page, parsed, where, text)

    def _check_titles(self, parsed: Parsed, view: ArticleView, article: WrittenArticle, told: Collection[int] = ()) -> None:
        """A heading of level 1 in the article: the page shows the first as its title, in the brief's title's place (`told`: blocks told otherwise)."""
        hashes = 0  # (empty headings found: `#` lines alone)
        for block in (block for block in view.titles if block not in told):
            text = view.blocks[block]
            line = _block_line(view, article, block) if text else _nth_line(article.body, _LONE_HASH, hashes := hashes + 1)
            written = article.body.split("\n")[line] if line is not None else ""
            if not text:
                message, hint = f"a line holding # alone is an empty heading of level 1{_TAKES_THE_TITLE}", "take it out, or write \\# for the character"
            else:
                message = f"the heading “{text}” is of level 1{_TAKES_THE_TITLE}"
                hint = "write \\# for the character, or ## for a heading" if _HASH_WORD.match(written) else "write it with ##: a brief's title is the one its front matter gives"
            self.problems.append(Problem(parsed.path, article.body_line + (line or 0), message, hint))
        code = code_ranges(article.body) if "<h1" in article.body or "<H1" in article.body else []
        for found in (found for found in _HTML_TITLE.finditer(article.body) if not in_code(code, found.start())):
            message = f"an <h1> element is a heading of level 1{_TAKES_THE_TITLE}"
            self.problems.append(Problem(parsed.path, article.body_line + article.body.count("\n", 0, found.start()), message, "write it as a heading with ##"))

    def _check_underlined(self, parsed: Parsed, view: ArticleView, article: WrittenArticle) -> set[int]:
        """A paragraph that a line of --- right under it makes a heading (meant as a line across the page): its names are not linked. The blocks told."""
        told = set()
        lines = article.body.split("\n")
        for block in (block for block in sorted(view.headings) if _reads_as_a_paragraph(view.blocks[block])):
            line = _block_line(view, article, block)
            written, under = (QUOTE_MARKS.sub("", lines[line]), QUOTE_MARKS.sub("", lines[line + 1])) if line is not None and line + 1 < len(lines) else ("", "")
            underline = _UNDERLINE.fullmatch(under)
            if underline is not None and not written.lstrip().startswith("#") and len(underline.group().strip()) < len(written.strip()):
                text = view.blocks[block]
                shown = text if len(text) <= 60 else text[:57].rstrip() + "…"
                marks = under.strip()[:3]
                message = f"the paragraph “{shown}” is shown as a heading: the line of {marks} right under it makes it one"
                hint = "for a line across the page, leave a blank line above it" if marks.startswith("-") else "take the line of === out"
                self.problems.append(Problem(parsed.path, article.body_line + line + 1, message, f"{hint}; for a heading, write it with ##"))
                told.add(block)
        return told

    def _check_unread_references(self, parsed: Parsed, view: ArticleView, article: WrittenArticle) -> None:
        """A link to a reference no line defines (`[Russia][1]`), or a footnote where the site reads none (`[^1]`): the page shows them as written.

        Each is told where it is written, outside code, from its block's line on (one the text shows so, but
        which is written otherwise, escaped or in code, shows as meant).
        """
        body, code, told, defines = article.body, None, set(), None
        for block, text in enumerate(view.blocks):
            for match in _UNREAD_REFERENCE.finditer(text) if "[" in text and block not in view.code_blocks else ():
                written, note = match.group(), match.group("note")
                if not note and not written.startswith("!"):  # (brackets side by side, `[2][3]`, `[sic][emphasis added]`, are shown as meant)
                    defines = bool(reference_definitions(body)) if defines is None else defines
                    if not (_LETTER.search(match.group("words")) and (not match.group("label") or match.group("label").isdigit() or defines)):
                        continue
                code = code_ranges(body) if code is None else code
                label = match.group("label") or match.group("words")  # (`[Russia][]`: its words are its label)
                needle = f"[^{note}]" if note else f"][{match.group('label')}]" if match.group("label") else f"{label}][]"
                at = _written_outside(body, needle, _line_offset(body, _block_line(view, article, block) or 0), code, told)
                if at is None:
                    continue
                told.add(at)
                line = article.body_line + body.count("\n", 0, at)
                if note:
                    message = f"“{written}” is shown as written: no footnote '{note}' is read"
                    hint = f"write the note in the text; a footnote needs a line “[^{note}]: …” and the footnotes extension in the markdown_extensions of mkdocs.yml"
                else:
                    message = f"“{written}” is shown as written: no line of the article defines the reference '{label}'"
                    link = "![description](https://…)" if written.startswith("!") else "[words](https://…)"
                    hint = f"add a line “[{label}]: https://…” after the paragraph, or write it {link}"
                self.problems.append(Problem(parsed.path, line, message, hint))

    def _check_plain_text(self, parsed: Parsed, data: Any = None, where: tuple = ()) -> None:
        """Markdown or HTML in a field the pages show as plain text (a title, a name, a publisher): shown as written, marks and all."""
        data = parsed.located.data if data is None and parsed.located is not None else data
        items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
        for key, value in items:
            if isinstance(value, (dict, list)):
                self._check_plain_text(parsed, value, (*where, key))
            elif key in PLAIN_FIELDS and isinstance(value, str) and (written := markup_in_plain(value)) is not None:
                character = written.startswith("&")
                message = f"{key} is plain text: the page shows “{written}” as written"
                hint = "type the character itself" if character else "write it without Markdown or HTML marks (the page sets how a title or a name looks)"
                self.problems.append(Problem(parsed.path, parsed.located.line_of((*where, key)), message, hint))

    def _check_indented_prose(self, parsed: Parsed, view: ArticleView, article: WrittenArticle) -> None:
        """A paragraph indented 4 spaces or a tab (a first line's indent pasted from a word processor): a block of code, its names not linked."""
        for block in view.code_blocks:
            text = view.blocks[block]
            if _reads_as_prose(text):
                first = " ".join(text.split()[:PROSE_WORDS])
                line = next((number for number, written in enumerate(article.body.split("\n")) if _starts_indented(written, first)), 0)
                shown = text if len(text) <= 60 else text[:57].rsplit(" ", 1)[0].rstrip(",;:") + "…"
                message = f"the paragraph “{shown}” is indented 4 spaces or a tab: Markdown shows it as a block of code, its names not linked"
                self.problems.append(Problem(parsed.path, article.body_line + line, message, "take the spaces or the tab at its lines' start out"))

    def _check_block_ids(self, parsed: Parsed, view: ArticleView, annotations: Sequence[Annotation], article: WrittenArticle) -> None:
        """A heading or paragraph whose id is one the brief page gives a note (`## Note first-meeting`: note-first-meeting): links to the note would lead to it."""
        ids = {made: note.id for note in annotations for made in note_ids(note.id).values()}
        for block, block_id in view.block_ids:
            if block_id in ids:
                text = view.blocks[block]
                line = _block_line(view, article, block)
                kind = "heading" if block in view.headings else "paragraph"
                given = line is not None and f"#{block_id}" in _block_lines(article.body, line)  # (`{#…}`, `{: #…}`: not made of its words)
                message = f"the {kind} “{text}” has the id '{block_id}', which the brief page gives note '{ids[block_id]}': a link to the note would lead to this {kind}"
                hint = f"give it another id than #{block_id}" if given else "reword the heading"
                self.problems.append(Problem(parsed.path, article.body_line + (line or 0), message, hint))

    def _left_open_in_field(self, parsed: Parsed, where: tuple, text: str, line: int, tag: str) -> Problem:
        """A comment or HTML block a Markdown field opens on its `line` (0-based) and never closes: its pages show the rest of the field as written."""
        field = _field_named(where)
        opener = re.compile("<!--" if tag == COMMENT_TAG else rf"<{re.escape(tag)}\b", re.IGNORECASE)
        placed = self._line_in(parsed, where, lambda source: _opener_written(source, text, line, opener))
        if tag == COMMENT_TAG:
            return Problem(parsed.path, placed, f"<!-- is never closed: {field} is shown from it as written, <!-- and all", "end the comment with -->, or take it out")
        return Problem(parsed.path, placed, f"<{tag}> is never closed: {field} is shown from it as written, not as Markdown", f"close it with </{tag}>, or write the field in Markdown alone")

    def _keep_anchors(self, page: str, parsed: Parsed, where: tuple, text: str) -> None:
        """A field's links to a place of its page that is not a brief's note, kept for the page's build to check (`Article.field_anchors`).

        Kept with the field's line; the link's own line is looked for only if the build warns of it (`placed_line`).
        """
        for href in dict.fromkeys(links_in(text)):
            if href.startswith("#") and len(href) > 1 and note_place(href, page) is None:
                self.field_anchors.setdefault(page, []).append(FieldAnchor(href, parsed.path, where, parsed.located.line_of(where)))

    def _fields_within(self, parsed: Parsed, where: tuple, text: str, fields: type[BaseModel]) -> list[tuple[int, str, str]]:
        """The lines of a field's text that read as a field of `fields` its file leaves out (`_reads_as_field`): (its line in the file, the line, the name).

        A text written with `>` has its lines joined: they are read in the file, where one of them may be.
        """
        folded = where in parsed.located.folded
        if not (_FIELD_NAME.search(text) if folded else _FIELD_LINE.search(text)):  # (most texts: no line or words so written)
            return []
        mapping = _value_at(parsed.located.data, where[:-1] if isinstance(where[-1], str) else where[:-2])
        given = set(mapping) if isinstance(mapping, dict) else set()
        meant = {name: model_field for name, model_field in fields.model_fields.items() if name not in given}
        if not folded:
            found = [(self._line_of_line(parsed, where, text, start), line, name) for start, line, name in _written_fields(text, meant)]
        elif self.project is not None and any(f" {name}: " in f" {text} " for name in meant) and (written := value_source(self.project, parsed.path, where)):
            first, source = written[0], textwrap.dedent(written[1].partition("\n")[2])  # (less the line of the field's name and its `>`; as the text, not code)
            found = [(first + 1 + source.count("\n", 0, start), line, name) for start, line, name in _written_fields(source, meant)]
        else:
            found = []
        return [(placed, line, name) for placed, line, name in found if _reads_as_field(meant[name], line.partition(":")[2])]

    def _line_of_line(self, parsed: Parsed, where: tuple, text: str, start: int) -> int:
        """The line in the file of the line of a value's text that starts at `start`."""
        line = text.split("\n")[text.count("\n", 0, start)].strip()
        return self._line_in(parsed, where, lambda source: _written_as_in(source, text, start, re.compile(re.escape(line))))

    def _line_in(self, parsed: Parsed, where: tuple, find: Callable[[str], int | None]) -> int:
        """The line on which `find` places a problem in a value (see `placed_line`)."""
        line = parsed.located.line_of(where)
        return placed_line(self.project, parsed.path, where, find, line) if self.project is not None else line

    def _check_form_clashes(self) -> None:
        """A surface form two entities give, told in both files (either may be the one to change, and a change shows it in its own)."""
        hint = "two entities may not share a surface form: remove or change one"
        for clash in self.index.clashes:
            second = self._parsed_of(clash.second.kind, clash.second.id)
            first = self._parsed_of(clash.first.kind, clash.first.id)
            self.problems.append(Problem(second.path, self._form_line(second, clash.form), f"“{clash.form}” is also a surface form of {first.path}", hint, involves=(first.path,)))
            self.problems.append(Problem(first.path, self._form_line(first, clash.first_form), f"“{clash.first_form}” is also a surface form of {second.path}", hint, involves=(second.path,)))

    def _form_line(self, parsed: Parsed, form: str) -> int:
        """Line of the first field that gives this surface form."""
        fields = parsed.fields
        for key in ("term", "expansion", "name"):
            if form_key(getattr(fields, key, None) or "") == form:
                return parsed.located.line_of((key,))
        return parsed.located.line_of(("aliases", [form_key(a) for a in fields.aliases].index(form)))

    def _parsed_of(self, kind: str, entity_id: str) -> Parsed:
        return (self.raw.glossary if kind == "term" else self.raw.actors)[entity_id]

    # -- references -------------------------------------------------------
    def _check_refs(self, parsed: Parsed, base: tuple, refs: dict[str, Iterable[str]], itself: tuple[str, ...] = ()) -> None:
        """Each id known, listed once; `itself`: the lists in which the file's own id would be a loop."""
        for name, ids in refs.items():
            known, kind = (self.glossary_ids, "glossary entry") if name in {"related", "terms"} else (self.actor_ids, "actor")
            first: dict[str, int] = {}
            for position, ref in enumerate(ids if isinstance(ids, (list, tuple)) else ()):
                if not isinstance(ref, str) or not re.fullmatch(ID_PATTERN, ref):  # (as written, in a file that did not validate: told as such)
                    continue
                where = (*base, name) if name == "speaker" else (*base, name, position)
                self._ref(parsed, where, ref, known, kind)
                if self._listed_once(parsed, where, name, ref, first) and name in itself and ref == parsed.stem:
                    self.problems.append(Problem(parsed.path, parsed.located.line_of(where), f"'{ref}' in {name} is this {kind} itself", "remove it"))

    def _listed_once(self, parsed: Parsed, where: tuple, name: str, ref: str, first: dict[str, int], key: str | None = None) -> bool:
        """Whether `ref` is new in its list (`first`: the line of each so far, by `key`, the ref itself if none); a problem if not."""
        line, key = parsed.located.line_of(where), ref if key is None else key
        if key in first:
            self.problems.append(Problem(parsed.path, line, f"'{ref}' is listed twice in {name} (first on line {first[key]})", "keep one of them"))
            return False
        first[key] = line
        return True

    def _named(self, kind: str) -> dict[str, tuple[str, str]]:
        """`named_ids` of a kind of reference ("glossary entry" or "actor"), found once."""
        key = "term" if kind == "glossary entry" else "actor"
        if key not in self._named_ids:
            self._named_ids[key] = named_ids(self.index, key)
        return self._named_ids[key]

    def _ref(self, parsed: Parsed, where: tuple, ref: str, known: set[str], kind: str) -> None:
        if ref in known:
            return
        other = self.glossary if kind == "actor" else self.actors  # (valid ones: a file in the wrong folder is not what its folder says)
        hint = f"'{ref}' is {_OTHER_KIND[kind]}, not {_A_KIND[kind]}" if ref in other else _unknown_id_hint(ref, known, kind, self._named(kind))
        self.problems.append(Problem(parsed.path, parsed.located.line_of(where), f"unknown {kind} '{ref}'", hint, involves=_file_of(ref, kind)))


def _value(parsed: Parsed, *path: str) -> Any:
    """A field's value: validated, or as its file writes it if its fields did not validate (None if it is not there)."""
    if parsed.fields is not None:
        value = parsed.fields
        for key in path:
            value = getattr(value, key, None)
        return value
    value = parsed.located.data if parsed.located is not None else None
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


# Words of every text, which an alias cannot be: it would link each of them (an alias matches its case).
COMMON_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as into than then is are was were be been it its "
    "this that these those he she they we you i me him her his their our them us not no so if all one".split()
)


def _common_word(alias: str) -> bool:
    """Whether an alias is a common word, as written at a sentence's start too ("The"; "US" is not "us")."""
    words = alias.split()
    return len(words) == 1 and words[0].lower() in COMMON_WORDS and (words[0].islower() or words[0].istitle())


UNMARKED_LIST = (
    "this list follows the line above with no blank line between: Markdown reads it as that paragraph's text, and the page shows its marks as written",
    "leave a blank line above the list",
)
LIST_OF_ANOTHER_KIND = (
    "this list follows a list of the other kind (numbered, or not) with no blank line between: Markdown reads it as more of the list above",
    "leave a blank line above it",
)
_FIELD_LINE = re.compile(r"^[ \t]*([a-z][a-z_]*):(?:[ \t]|$).*", re.MULTILINE)
_FIELD_NAME = re.compile(r"(?:^|\s)[a-z][a-z_]*:(?:\s|$)")  # one in a text whose lines YAML joined


def _value_at(data: Any, where: tuple) -> Any:
    """The value of a file's data at a key path (None if there is none)."""
    for key in where:
        data = data[key] if isinstance(data, dict) and key in data or isinstance(data, list) and isinstance(key, int) and key < len(data) else None
    return data


def _reads_as_field(model_field: FieldInfo, value: str) -> bool:
    """Whether a line's value after `name:` is one the field may have: nothing (a list or text follows), a list, a quoted or block text, one of its choices."""
    value = value.strip()
    if not value or value[0] in "[{|>\"'":
        return True
    return value in _choices(model_field.annotation)


def _choices(annotation: Any) -> tuple:
    """The values a field of choices may have (`Literal`, or one in `X | None`)."""
    for option in (annotation, *get_args(annotation)):
        if get_origin(option) is Literal:
            return get_args(option)
    return ()


def _written_fields(text: str, fields: Collection[str]) -> list[tuple[int, str, str]]:
    """The lines of a field's text written as one of `fields` (`name: …`), outside code: (where, the line, the name)."""
    found = [(match.start(), match.group().strip(), match.group(1)) for match in _FIELD_LINE.finditer(text) if match.group(1) in fields]
    code = code_ranges(text) if found else []
    return [(start, line, name) for start, line, name in found if not in_code(code, start)]


def _shallow_in_list(text: str, start: int) -> tuple[str, str]:
    """What to tell of a line indented too little to belong to the list's item above it: (message, hint)."""
    spaces = len(text[start:]) - len(text[start:].lstrip(" "))
    message = f"this line is indented {spaces} {'space' if spaces == 1 else 'spaces'}, too few to belong to the list's item above it: Markdown here takes 4"
    return message, "indent it 4 spaces, and the rest of its block as far, for a nested item or a paragraph of the item"


def _unused_references(text: str, links: Iterable[str]) -> list[tuple[int, str]]:
    """The lines of a text that define a link reference none of its `links` uses: (where, the line as written)."""
    used = {_as_read(link) for link in links}
    return [(start, written) for start, written, address in reference_definitions(text) if _as_read(address) not in used]


def _unused_reference(written: str, in_yaml: bool = False) -> tuple[str, str]:
    """What to tell of a line defining a link reference no link uses, in an article or a YAML field: (message, hint)."""
    message = f"“{written}” defines a link's address that no link uses: the page does not show the line"
    escaped = "\\[ (in a value in double quotes, \\\\[)" if in_yaml else "\\["
    return message, f"link words to it, [words][label]; if it is text, write its first bracket {escaped}"


def _written_as_in(source: str, text: str, start: int, pattern: re.Pattern[str]) -> int | None:
    """Where in a value's source (its lines in the file) the match of `pattern` at `start` in its text is written: the one after as many matches."""
    nth = sum(1 for _ in pattern.finditer(text, 0, start))
    written = list(pattern.finditer(source))
    return written[nth].start() if nth < len(written) else None


LONGEST_HEADING = 120  # characters: an underlined text longer than this is a paragraph, not a heading
SENTENCE_WORDS = 6  # words: an underlined sentence of as many is a paragraph, not a heading
_SENTENCE_ENDS = (".", ",", ";", ":", "!", "…", ")", "”", '"', "’")  # how a paragraph may end, and a heading hardly
_UNDERLINE = re.compile(r" {0,3}(?:-+|=+)[ \t]*")


PLAIN_FIELDS = frozenset({"title", "publisher", "term", "expansion", "name", "role"})  # the fields of plain text a page shows
# As a page's text shows them: a link to a reference Markdown found no definition of, and a footnote's mark.
_UNREAD_REFERENCE = re.compile(r"(?<![\w\]\\])!?\[(?P<words>[^\[\]\n^][^\[\]\n]*)\]\[(?P<label>[^\[\]\n]*)\]|\[\^(?P<note>[^\[\]\s]+)\](?!:)")
_LETTER = re.compile(r"[^\W\d_]")
PROSE_WORDS = 8  # words: a block of code that reads as a sentence of as many is a paragraph indented
_PROSE_ENDS = (".", "!", "?", "…", "”", "’", '"', ")", "]", ":")
_CODE_MARKS = frozenset("{}<>=#\\|`$^~_")  # what code is written with, and prose hardly


def _starts_indented(line: str, words: str) -> bool:
    """Whether a line of the article (in a quotation too) is indented as code, and starts with these words."""
    written = QUOTE_MARKS.sub("", line)
    return (written[:4] == "    " or written[:1] == "\t") and " ".join(written.split()).startswith(words)


def _reads_as_prose(text: str) -> bool:
    """Whether a block of code's text reads as sentences: words and their stops, next to none of code's marks."""
    text = text.strip()
    marks = sum(character in _CODE_MARKS for character in text)
    return len(text.split()) >= PROSE_WORDS and marks <= 0.01 * len(text) and text.endswith(_PROSE_ENDS)


def _reads_as_a_paragraph(text: str) -> bool:
    """Whether a heading's words read as a paragraph's: long, or a sentence of some words."""
    return len(text) > LONGEST_HEADING or text.endswith(_SENTENCE_ENDS) and len(text.split()) >= SENTENCE_WORDS


_TAKES_THE_TITLE = ": the page would show it as its title, and the brief's title nowhere"
_LONE_HASH = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]{0,3}#[ \t#]*$", re.MULTILINE)  # an empty heading of level 1: `#`, `# #`
_HASH_WORD = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]{0,3}#(?![#\s])")  # `#ASEAN50`: a heading to Python-Markdown
_HTML_TITLE = re.compile(r"<h1[\s>/]", re.IGNORECASE)


def _nth_line(body: str, pattern: re.Pattern[str], nth: int) -> int | None:
    """The line (0-based) of the `nth` (from 1) match of `pattern` in `body` outside code."""
    code = code_ranges(body)
    found = [match.start() for match in pattern.finditer(body) if not in_code(code, match.start())]
    return body.count("\n", 0, found[nth - 1]) if len(found) >= nth else None


def _block_line(view: ArticleView, article: WrittenArticle, block: int) -> int | None:
    """The line (0-based, in the body) on which a block of the article is written, if its words are found there.

    Its words are looked for where a block is written: from a line's start (after the marks of a heading,
    a quotation or a list's item) to a line's end (before a heading's closing marks or attributes), on a
    line after a blank one, a heading or a list's item, or above an underline (the same words may be
    written within another block too).
    """
    body, text = article.body, view.blocks[block]
    lines = body.split("\n")
    starts = [
        start for start, end in written_spans(body, text)
        if _BLOCK_START.fullmatch(body, body.rfind("\n", 0, start) + 1, start) and _BLOCK_END.match(body, end) and _starts_a_block(lines, body.count("\n", 0, start))
    ]
    nth = sum(1 for earlier in range(block) if view.blocks[earlier] == text)  # (the same words may make another block: this one's place among them)
    return body.count("\n", 0, starts[nth]) if nth < len(starts) else None


def _starts_a_block(lines: list[str], line: int) -> bool:
    """Whether a block may start on a line: after a blank line (in a quotation too), a heading or a list's item; a heading
    written with # anywhere; one underlined above its underline."""
    before = QUOTE_MARKS.sub("", lines[line - 1]) if line > 0 else ""
    after = QUOTE_MARKS.sub("", lines[line + 1]) if line + 1 < len(lines) else ""
    heading = QUOTE_MARKS.sub("", lines[line]).lstrip().startswith("#")
    return heading or not before.strip() or before.lstrip().startswith("#") or bool(LIST_ITEM_LINE.match(before)) or bool(_UNDERLINE.fullmatch(after))


_BLOCK_START = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}\.)[ \t]+)?(?:#{1,6}[ \t]*)?")  # what a line holds before a block's words
_BLOCK_END = re.compile(r"[ \t#]*(?:\{[^{}\n]*\}[ \t]*)?(?:\n|$)")  # what a line holds after a block's words


def _block_lines(body: str, line: int) -> str:
    """The lines of `body` from `line` (0-based) to the blank line that ends their block."""
    lines = body.split("\n")[line:]
    end = next((number for number, text in enumerate(lines) if not text.strip()), len(lines))
    return "\n".join(lines[:end])


def _field_named(where: tuple) -> str:
    """A field as a message names it: 'the summary', 'item 2 of the takeaways'."""
    return f"item {where[-1] + 1} of the {field_label(where)}" if isinstance(where[-1], int) else f"the {field_label(where)}"


def _texts(values: dict[tuple, Any]) -> dict[tuple, str]:
    """Of Markdown fields' values, those that are text to check."""
    return {where: value for where, value in values.items() if isinstance(value, str) and value.strip()}


def _file_of(ref: str, kind: str) -> tuple[str, ...]:
    """The file that would define an entity (a change that deletes or renames it makes the problem)."""
    return (f"{CONTENT_DIR}/{_FOLDERS[kind]}/{ref}.yml",) if re.fullmatch(ID_PATTERN, ref) else ()


_FILE_LINKS_HINT = "a brief's links start from the site's briefs/ folder: link another brief as SLUG.md, a page of docs/ as ../PATH.md, an entry with term:ID, an actor with actor:ID"
_HOST_LIKE = re.compile(r"(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#:]|$)")  # valdaiclub.com/a, www.example.org


_FILE_EXTENSIONS = {".md", ".markdown", ".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".csv", ".txt", ".docx", ".xlsx"}


def _content_ref(target: str) -> str | None:
    """The `term:` or `actor:` link for a path out of the docs folder that names an entry's or an actor's file (`../briefs/glossary/eas.yml`)."""
    parts = target.split("/")
    if len(parts) >= 3 and parts[-3] == CONTENT_DIR and parts[-2] in ("glossary", "actors") and parts[-1].endswith(".yml"):
        return f"{'term' if parts[-2] == 'glossary' else 'actor'}:{parts[-1].removesuffix('.yml')}"
    return None


def _written_outside(text: str, needle: str, start: int, code: list[tuple[int, int]], told: Collection[int] = ()) -> int | None:
    """Where `needle` is first written in `text` from `start`, outside code and not at a place `told` (None if nowhere)."""
    at = text.find(needle, start)
    while at >= 0 and (in_code(code, at) or at in told or text[at - 1 : at] == "\\"):  # (an escaped `\[` is shown as written, as meant)
        at = text.find(needle, at + 1)
    return at if at >= 0 else None


def _line_offset(text: str, line: int) -> int:
    """Where line `line` (0-based) of a text starts."""
    at = 0
    for _ in range(line):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at


def _same_name(target: str, files: Iterable[str]) -> str | None:
    """The one file of the site named as `target` is, in another folder (`articles/other.md` for a brief's `other.md`)."""
    named = [file for file in files if posixpath.basename(file) == posixpath.basename(target)]
    return named[0] if len(named) == 1 else None


def _by_id(ref: str) -> str:
    """The hint to link an entry or an actor by its `term:` or `actor:` link."""
    return f"link the {'entry' if ref.startswith('term:') else 'actor'} by its id, [words]({ref})"


def _address_hint(href: str, target: str | None = None) -> str:
    """What to write for a link that leads to no file: a web address whole, or a file as briefs link to one.

    `report.md` or `map.png` looks like a host name too, but names a file. `target`: the site's
    file a link to a file that is not a page names, which the site's docs folder may be given.
    """
    path = urlsplit(href).path
    a_file = "/" not in path and not path.startswith("www.") and posixpath.splitext(path)[1].lower() in _FILE_EXTENSIONS
    if _HOST_LIKE.match(href) and not a_file:
        return f"write the whole address, https://{href}"
    if target is not None and posixpath.splitext(target)[1].lower() not in (".md", ".markdown"):
        return f"put the file in the site's docs folder as docs/{target}, or link one that is there"
    return _FILE_LINKS_HINT


def explicit_link_problem(
    path: str, line: int, href: str, glossary_ids: Collection[str], actor_ids: Collection[str], valid: tuple[Collection[str], Collection[str]] | None = None,
    index: EntityIndex | None = None,
) -> Problem | None:
    """What is wrong with a `term:`, `actor:` or `nolink:` link written on `line` of `path` (None if nothing).

    `valid`: the glossary entries and actors whose files are valid, if not all are (an id of the other kind is told as such);
    `index`: theirs, for an id that is the name of one (a file renamed).
    """
    scheme, _, ref = href.partition(":")
    if scheme == SUPPRESS_SCHEME:
        return Problem(path, line, f"'{href}' takes nothing after the colon", f"write ({SUPPRESS_SCHEME}:)") if ref else None
    known, kind = (glossary_ids, "glossary entry") if scheme == "term" else (actor_ids, "actor")
    if ref in known:
        return None
    valid_glossary, valid_actors = valid if valid is not None else (glossary_ids, actor_ids)
    other = _of_the_other_kind(ref, known, valid_actors if scheme == "term" else valid_glossary)
    if other is not None:
        hint = f"'{other}' is {_OTHER_KIND[kind]}: write {'actor' if scheme == 'term' else 'term'}:{other}"
    else:
        hint = _unknown_id_hint(ref, known, kind, named_ids(index, scheme) if index is not None else None)
    return Problem(path, line, f"link to unknown {kind} '{href}'", hint, involves=_file_of(ref, kind))


def _of_the_other_kind(ref: str, known: Collection[str], other: Collection[str]) -> str | None:
    """The id of the other kind a link names, as written or spelled as an id (`ARF`: `arf`), unless so spelled it is one of its own kind."""
    if ref in other:
        return ref
    spelled = slugify(ref)
    return spelled if spelled in other and spelled not in known else None


_A_KIND = {"glossary entry": "a glossary entry", "actor": "an actor"}
_OTHER_KIND = {"glossary entry": "an actor", "actor": "a glossary entry"}  # what an id of the other kind is


def _unknown_id_hint(ref: str, known: set[str], kind: str, named: Mapping[str, tuple[str, str]] | None = None) -> str:
    """What to write instead of an unknown id: a known one it is close to, or one whose name it is (`named`: an id and its name by
    the name's id form, as a file renamed leaves links to its old name), or the file that would define it."""
    if not ref.strip():
        return f"write the {kind}'s id"
    spelled = slugify(ref)
    if spelled in known:  # (written with capitals or spaces)
        return f"did you mean '{spelled}'?"
    if named and spelled in named:  # (before an id spelled alike: india, renamed republic-of-india, is not china)
        other, name = named[spelled]
        return f"did you mean '{other}' (the {kind} '{name}')?"
    near = suggest(ref, known) or suggest(spelled, known)
    if near and not re.fullmatch(ID_PATTERN, near) and meant_id(near) == ref:  # (the id is right, its file's name is not: `jаpan`, its а Cyrillic)
        return f"the {kind}'s file is named '{near}', which holds {odd_characters(near)}: rename the file to '{posixpath.basename(_file_of(ref, kind)[0])}'"
    if near:
        return f"did you mean '{near}'?"
    return f"create {_file_of(ref, kind)[0]}" if re.fullmatch(ID_PATTERN, ref) else f"ids are lowercase letters, digits and hyphens, like '{spelled or 'an-id'}'"


def named_ids(index: EntityIndex, kind: str) -> dict[str, tuple[str, str]]:
    """For `_unknown_id_hint`: each id of a kind ("term" or "actor") and its name, by the id form of each of its names."""
    named: dict[str, tuple[str, str]] = {}
    for target in index.by_form.values():
        if target.kind == kind:
            named.setdefault(slugify(target.label), (target.id, target.label))
    for form, target in index.by_form.items():
        if target.kind == kind:
            named.setdefault(slugify(form), (target.id, form))
    return named


def _across_paragraphs(quote: str, blocks: tuple[str, ...]) -> int | None:
    """The paragraph (0-based) a quote starts in when it is found only across the end of a paragraph (None if it is not)."""
    texts = [collapse(normalize(block)) for block in blocks]
    wanted = collapse(normalize(quote))
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    found = " ".join(texts).find(wanted) if wanted else -1
    if found < 0:
        return None
    block = bisect_right(starts, found) - 1
    return block if found + len(wanted) > starts[block] + len(texts[block]) else None


def _opener_written(source: str, text: str, line: int, opener: re.Pattern[str]) -> int | None:
    """Where in a value's source the last `opener` of line `line` of its text is written."""
    lines = text.split("\n")
    start = sum(len(before) + 1 for before in lines[:line])
    on_line = list(opener.finditer(text, start, start + len(lines[line])))
    return _written_as_in(source, text, on_line[-1].start(), opener) if on_line else None


def _as_read(address: str) -> str:
    """A link's address as Markdown reads it: its backslash escapes and character references read."""
    return html.unescape(_BACKSLASH_ESCAPE.sub(r"\1", address))


_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


HIDES_GENERATED = "hides the page the content makes at its address"


def pages_hidden_by_docs(content: Content, docs_pages: Mapping[str, str], docs_dir: str, destination: Callable[[str], str]) -> list[Problem]:
    """A hand-written file of the docs folder (`docs_pages`: its files by where they are published, in `docs_dir`) where the content makes a page: the build keeps the hand-written one.

    `destination`: where a page of the docs folder is published (`glossary/eas.md` and `glossary/eas/index.md` both at `glossary/eas/index.html`).
    """
    sources = {uri_for(kind, key): item.path for kind, items in (("brief", content.articles), ("term", content.glossary), ("actor", content.actors)) for key, item in items.items()}
    made = sorted((destination(path), sources.get(path)) for path in generated_pages(content.articles, content.glossary, content.actors))
    return [
        Problem(f"{docs_dir}/{docs_pages[address]}", 1, HIDES_GENERATED, "rename or remove it", involves=(source,) if source else ())  # (the content file that makes the page)
        for address, source in made if address in docs_pages
    ]


def placed_line(project: Path, path: str, where: tuple, find: Callable[[str], int | None], line: int) -> int:
    """The line on which `find` (a position in the value's source) places a problem, in a value written on many
    lines; else `line`, the value's. The file is read again: problems are few, and builds keep no more than each key's line."""
    written = value_source(project, path, where)
    position = find(written[1]) if written is not None else None
    return written[0] + written[1].count("\n", 0, position) if position is not None else line


def value_source(project: Path, path: str, where: tuple) -> tuple[int, str] | None:
    """The line a value written on many lines starts on, and its lines as its file writes them (None if it is on one, or the file is gone or changed)."""
    try:
        text = read_text(project / path, path)
        front_matter = path.endswith(".md")
        lines = value_lines(split_front_matter(text, path)[0] if front_matter else text, where, int(front_matter))
    except ContentError:
        return None
    if lines is None or len(lines) < 2:
        return None
    return lines.start, "\n".join(text.splitlines()[lines.start - 1 : lines.stop - 1])


def anchor_line(project: Path, anchor: FieldAnchor) -> int:
    """The line of a field's link to a place of its brief's page."""
    return placed_line(project, anchor.path, anchor.where, lambda source: _link_at(source, anchor.href), anchor.line)


def _near_file(target: str, files: Iterable[str]) -> str | None:
    """A file in the target's folder whose name is close to the target's."""
    folder = posixpath.dirname(target)
    by_name = {posixpath.splitext(posixpath.basename(file))[0]: file for file in sorted(files) if posixpath.dirname(file) == folder}
    near = suggest(posixpath.splitext(posixpath.basename(target))[0], by_name)
    return by_name[near] if near else None


# A link with no address as Markdown writes one: its words (an image in them too, but no other link),
# `](`, none or `mailto:` alone, maybe a title, `)`. (Each part reads its text one way: a search is quick.)
_EMPTY_LINK = re.compile(
    r"""(?<!\\)\[(?P<words>(?:[^\[\]\\]|\\.|!\[[^\[\]\n]*\]\([^)\n]*\))*)\]\(\s*(?:(?P<address><\s*>|<?mailto:(?:%20)*>?)\s*)?(?:(?:"[^"\n]*"|'[^'\n]*')\s*)?\)""",
    re.IGNORECASE,
)
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^)\n]*\)")


def _address_of(match: re.Match[str]) -> str:
    """The address an `_EMPTY_LINK` match writes, as `no_address` reads it: "" or `mailto:`…"""
    return (match["address"] or "").strip("<> ").lower()


def _words_of(match: re.Match[str]) -> str:
    """The words of an `_EMPTY_LINK` match as a page reads them, for telling which link it is."""
    return _words(html.unescape(_IMAGE.sub("", match["words"])))


def _words(text: str) -> str:
    """Words as a link's are compared: no marks of formatting, escapes or tags."""
    return " ".join(_MARKS_AND_TAGS.sub("", text).split())


_MARKS_AND_TAGS = re.compile(r"[\\*_`]|<[^<>\n]*>")


def _link_line(body: str, href: str, nth: int = 0) -> int:
    """Line (0-based, in the body) of the `nth` link written to `href` (or the last), outside code if it can be (0 if not found as written)."""
    lines = link_lines(body, href)
    return lines[min(nth, len(lines) - 1)] if lines else 0


def link_lines(body: str, href: str) -> list[int]:
    """The lines (0-based) of the links written to `href`, one per link, in order: those outside code if there are any (for a problem's line: seldom)."""
    code = code_ranges(body)
    places = [match.start() for match in _written_link(href).finditer(body)]
    chosen = [place for place in places if not in_code(code, place)] or places
    if not chosen:  # (written otherwise: the first place that names it)
        first = _link_at(body, href, code)
        chosen = [first] if first is not None else []
    return [body.count("\n", 0, place) for place in chosen]


def _written_link(href: str) -> re.Pattern[str]:
    """A link to `href` itself (not to an address it begins): `(href)`, `(href "title")`, `(<href>)`, `[x]: href`, `<href>`, `href="…"`.

    Its marks may be written escaped (`term:admm\\-plus`), as Markdown reads them, and its white space otherwise (a tab it reads as a space).
    """
    address = r"\s+".join(_written_address(part) for part in href.split())
    return re.compile(rf"\(\s*<?{address}>?(?=[\s)])|\]:[ \t]*<?{address}>?(?=\s|$)|<{address}>|\"{address}\"|'{address}'", re.MULTILINE)


_ESCAPABLE = frozenset(string.punctuation)  # what a backslash may escape in Markdown (its extensions add to Python-Markdown's own)


def _written_address(address: str) -> str:
    """A pattern of the ways an address (as read) may be written: each mark escaped or not, but a backslash before a
    mark only escaped, as two (one is that mark's escape)."""
    pattern = []
    for char, after in zip(address, [*address[1:], ""], strict=True):
        if char == "\\" and after in _ESCAPABLE:
            pattern.append(r"\\\\")
        else:
            pattern.append(rf"\\?{re.escape(char)}" if char in _ESCAPABLE else re.escape(char))
    return "".join(pattern)


def _link_at(text: str, href: str, code: list[tuple[int, int]] | None = None) -> int | None:
    """Where the first link written to `href` is: inline, in angle brackets, as a reference or as raw HTML; outside `code` if it can be."""
    needles = (f"({href})", f"(<{href}>)", f"({href} ", f"]: {href}", f"<{href}>", f"({href}", f'"{href}"', f"'{href}'")
    first = None
    for needle in needles:
        position = text.find(needle)
        while position >= 0 and code and in_code(code, position):
            position = text.find(needle, position + 1)
        if position >= 0:
            return position
        if first is None and needle in text:
            first = text.find(needle)
    if first is None:  # (white space between the bracket and the address: `( ftp://…)`)
        spaced = re.search(rf"(?:\(|\]:)\s*<?{re.escape(href)}", text)
        first = spaced.start() if spaced else None
    return first


def _written_at(body: str, code: list[tuple[int, int]], item: Dropped, after: int) -> int | None:
    """Where in the body `item` is written: the first place at or after `after`, else the first anywhere; outside `code` if it can be."""
    patterns = [re.compile(item.pattern, re.MULTILINE)] if item.pattern else [re.compile(re.escape(text), re.IGNORECASE) for text in item.written]
    for outside_code in (True, False):
        for start in (after, 0):
            for pattern in patterns:
                for match in pattern.finditer(body, start):
                    if not (outside_code and in_code(code, match.start())):
                        return match.start()
    return None


_CONTEXT_WORDS = (4, 2, 0)  # words of its paragraph on each side of a name, to tell its place by: fewer if not found so
_OPENING_FORMATTING = re.compile(r"(?:[*_~]|<[^<>/\n][^<>\n]*>)*\Z")
_CLOSING_FORMATTING = re.compile(r"(?:[*_~]|</[^<>\n]*>)*")


def _cut_name_at(body: str, code: list[tuple[int, int]], block: str, name: SplitName, after: int) -> tuple[int, int] | None:
    """Where in `body` a name that formatting cuts is written (its start and end): never where it is written whole."""
    return written_at(body, code, block, name.start, name.end, after, lambda written: _cut(written, name.text))


def written_at(
    body: str, code: list[tuple[int, int]], block: str, start: int, end: int, after: int = 0, fits: Callable[[str], bool] = lambda written: True,
) -> tuple[int, int] | None:
    """Where in `body` the words of reader text `block[start:end]` are written (their start and end), told by the words around them in their paragraph.

    The first place at or after `after` (the place of the one before it, to find copies in order), else the
    first anywhere; never in code (`code`: `code_ranges(body)`), and only where what is written `fits`.
    """
    for words in _CONTEXT_WORDS:
        before = " ".join(block[:start].split()[-words:]) if words else ""
        following = " ".join(block[end:].split()[:words]) if words else ""
        parts = [written_characters(before), f"(?P<name>{written_characters(block[start:end])})", written_characters(following)]
        pattern = re.compile(WRITTEN_GAP.join(part for part in parts if part))
        for position in (after, 0):
            for match in pattern.finditer(body, position):
                if not in_code(code, match.start("name")) and fits(match.group("name")):
                    return match.span("name")
    return None


def _cut(written: str, name: str) -> bool:
    """Whether a name is written with something that cuts it: not as it reads, apart from typographic quotes and wrapped lines."""
    return normalize(" ".join(html.unescape(written).split())) != normalize(name) or _HARD_BREAK.search(written) is not None


_HARD_BREAK = re.compile(r"(?:  |\\)\n")


def _with_its_formatting(body: str, start: int, end: int) -> str | None:
    """A name as written, with the marks of formatting that open just before it and close just after it (for a link's text).

    None if its marks do not pair up there (`*the ASEAN* Regional Forum`): as a link's text they would be shown as written.
    """
    opening = _OPENING_FORMATTING.search(body, max(0, start - 40), start)
    closing = _CLOSING_FORMATTING.match(body, end, end + 40)
    written = _LINE_BREAK.sub(" ", body[start - len(opening.group()) : end + len(closing.group())])
    try:  # its marks pair up where Markdown reads them all as formatting, none as text
        read = read_markdown(written).blocks
    except RecursionError:
        return None
    return written if len(read) == 1 and not any(mark in read[0] for mark in "*_~<>") else None

_LINE_BREAK = re.compile(r"\s*\n[\s>]*")  # (and the `>` of a quotation's next line)


def _context(text: str, start: int, length: int, width: int = 25) -> tuple[int, int]:
    """Where the whole words within `width` characters around a match begin and end."""
    first, last = max(0, start - width), min(len(text), start + length + width)
    if first > 0:  # from the first word that begins within reach
        space = text.find(" ", first - 1, start)
        first = space + 1 if space >= 0 else start
    if last < len(text):  # to the last word that ends within reach
        space = text.rfind(" ", start + length, last + 1)
        last = space if space >= 0 else start + length
    return first, last


def _shown_places(found: Sequence[Occurrence], blocks: Sequence[str], article: WrittenArticle) -> str:
    """The first places a quote is found (`_shown_place`), and how many more there are."""
    places = "; ".join(_shown_place(blocks[o.block], o, article) for o in found[:PLACES_SHOWN])
    return places + (f"; and {len(found) - PLACES_SHOWN} more" if len(found) > PLACES_SHOWN else "")


def _shown_place(block: str, occurrence: Occurrence, article: WrittenArticle) -> str:
    """One of the passages an ambiguous quote matches: where it is, and the words around it (the match in brackets)."""
    start, end = occurrence.start, occurrence.end
    first, last = _context(block, start, end - start)
    return f"{article.where(block, block[first:last])}, “…{block[first:start]}[{block[start:end]}]{block[end:last]}…”"


def _closest_hint(fields: AnnotationFields, selector: Selector, blocks: tuple[str, ...], article: WrittenArticle) -> str | None:
    quote = fields.quote
    context = _context_hint(selector, blocks, article, fields)
    if context is not None:
        return context
    hidden = article.hidden_in(collapse(quote.strip()))
    if hidden is not None:
        return f"the words are written only in {hidden}, which a note cannot mark: quote words of the article's text"
    unmarked = _without_markdown(quote, fields, blocks) or _without_heading_marks(quote, fields, blocks)
    if unmarked is not None:
        return f"the quote holds Markdown that the page does not show: quote the words as they read, “{unmarked}”"
    hidden_characters = _hidden_characters_of_quote(fields, blocks)
    if hidden_characters:
        return f"the quote holds a character that is not shown ({', '.join(hidden_characters)}): remove it from the quote"
    headless = " ".join(_HEADING_MARK.sub(" ", quote).split())  # (copied from the source across a heading's line)
    across = _across_paragraphs(Selector.of(headless).quote, blocks)
    if across is not None:
        return _across_hint(headless, across, blocks, article)
    cased = _with_other_capitals(selector.quote, blocks)
    if cased is not None:
        block, text = cased
        return f"the article writes it with other capitals, {article.at(block, text)}: “{text}” (a quote matches capitals exactly)"
    alike = _written_alike(selector.quote, blocks)
    if alike is not None:
        block, text, differences = alike
        return f"the quote writes {differences}, {article.at(block, text)}: copy the passage from the article"
    closest = closest_passage(quote, blocks)
    unmarkable = _closer_where_unmarkable(quote, closest, blocks, article)
    if unmarkable is not None:
        return unmarkable
    if closest is None or closest.similarity < 0.5:
        return "copy the passage from the article exactly"
    return f"closest passage, {closest.similarity:.0%} similar, {article.at(blocks[closest.block], closest.text)}: “{closest.text}”"


def _hidden_characters_of_quote(fields: AnnotationFields, blocks: tuple[str, ...]) -> list[str]:
    """The names of the characters a page does not show (`INVISIBLE`) that keep a quote, its prefix or suffix from matching the article's words."""
    written = fields.quote + (fields.prefix or "") + (fields.suffix or "")
    names = [name for character, name in INVISIBLE.items() if character in written]
    if not names:
        return []
    shown = Selector.of(*(without_invisible(text) if text else text for text in (fields.quote, fields.prefix, fields.suffix)))
    return names if quote_occurrences(shown, blocks, [normalize(block) for block in blocks])[1] else []


def _across_hint(quote: str, across: int, blocks: tuple[str, ...], article: WrittenArticle) -> str:
    """The hint for a quote found only across the end of block `across`: where it starts, and what it runs into (a heading named)."""
    words = quote.split()  # its part in the paragraph it starts in, to find that paragraph's line by
    part = next((" ".join(words[:count]) for count in range(len(words) - 1, 1, -1) if " ".join(words[:count]) in blocks[across]), quote)
    kind, next_kind = article.kind_of(across), article.kind_of(across + 1)
    where = article.where(blocks[across], part, kind)
    start = f"the {kind} on {where}" if where.startswith("line") else where
    into = "the next" if kind == next_kind == "paragraph" else f"the next {next_kind}"
    into += f", “{blocks[across + 1]}”" if next_kind == "heading" else ""
    return f"a quote stays within one paragraph: this one runs from {start} into {into}; quote the part in one of them"


def _with_other_capitals(quote: str, blocks: tuple[str, ...]) -> tuple[str, str] | None:
    """The first paragraph that holds a quote (as `Selector` writes it) with other capitals, and its words there."""
    written = re.compile(re.escape(quote), re.IGNORECASE)
    for block in blocks:
        found = written.search(normalize(block))  # (code point for code point: the words are the block's own)
        if found is not None:
            return block, block[found.start() : found.end()]
    return None


def _written_alike(quote: str, blocks: tuple[str, ...]) -> tuple[str, str, str] | None:
    """The first paragraph that holds a quote (as `Selector` writes it) with characters that look like its own (`as_seen`):
    the paragraph, its words there, and which characters differ ("'‑' (U+2011 …) where the article writes '-' (U+002D …)")."""
    seen = as_seen(quote)
    for block in blocks:
        read = normalize(block)  # (code point for code point: the words are the block's own)
        at = as_seen(read).find(seen)
        if at >= 0:
            written = read[at : at + len(quote)]
            pairs = list(dict.fromkeys((ours, theirs) for ours, theirs in zip(quote, written, strict=True) if ours != theirs))
            differences = "; ".join(f"{named_character(ours)} where the article writes {named_character(theirs)}" for ours, theirs in pairs[:3])
            return block, block[at : at + len(quote)], differences
    return None


_MARKDOWN_MARKS = ("*", "_", "`", "](", "<", "\\")


def _without_markdown(quote: str, fields: AnnotationFields, blocks: tuple[str, ...]) -> str | None:
    """A quote copied from the article's source with its Markdown (`**`, backticks, a link's brackets), as it reads, if the article holds that."""
    if not any(mark in quote for mark in _MARKDOWN_MARKS):
        return None
    try:
        read = read_markdown(quote.strip()).blocks
    except RecursionError:  # (Markdown nested too deeply to read: no hint from it)
        read = ()
    rendered = collapse(" ".join(read)).strip() if len(read) == 1 else ""
    marks_left_out = _words(quote)  # (a quote that cuts `**` pairs apart renders them as text)
    normalized = [normalize(block) for block in blocks]
    for text in dict.fromkeys((rendered, marks_left_out)):
        if text and text != collapse(quote.strip()) and quote_occurrences(Selector.of(text, fields.prefix, fields.suffix), blocks, normalized)[1]:
            return text
    return None


def _without_heading_marks(quote: str, fields: AnnotationFields, blocks: tuple[str, ...]) -> str | None:
    """A quote of a heading copied from the article's source with its `##`, as it reads, if the article holds that."""
    headless = " ".join(_HEADING_MARK.sub(" ", quote).split())
    if headless == " ".join(quote.split()):
        return None
    found = quote_occurrences(Selector.of(headless, fields.prefix, fields.suffix), blocks, [normalize(block) for block in blocks])[1]
    return headless if found else None


_HEADING_MARK = re.compile(r"(?:^|(?<=\s))#{1,6}(?=\s)")  # a heading's `##`, as its line in the source begins


def _closer_where_unmarkable(quote: str, closest: Closest | None, blocks: tuple[str, ...], article: WrittenArticle) -> str | None:
    """The hint when words more like the quote than any of the article's text are written only where a note cannot mark them."""
    found = article.closest_hidden(quote, beat=closest.similarity if closest is not None else -1.0)
    if found is None or found[0].similarity < 0.5:
        return None
    words = normalize(collapse(found[0].text))
    if any(words in normalize(block) for block in blocks):  # (a pull quote: the article's text has them too)
        return None
    passage, kind, line = found
    return (f"closest passage, {passage.similarity:.0%} similar, is written only in {kind}, on line {line}: “{passage.text}”, "
            "which a note cannot mark: quote words of the article's text")


def _context_hint(selector: Selector, blocks: tuple[str, ...], article: WrittenArticle, fields: AnnotationFields) -> str | None:
    """Where the quote is, when only its prefix or suffix keeps it from matching (None if it is nowhere)."""
    given = " and ".join(name for name in ("prefix", "suffix") if getattr(selector, name))
    found = occurrences(Selector(selector.quote), blocks) if given else []
    if not found:
        return None
    prefix, suffix = _spaced(selector.prefix, at_end=True), _spaced(selector.suffix, at_end=False)
    for spaced in (replace(selector, prefix=prefix), replace(selector, suffix=suffix), replace(selector, prefix=prefix, suffix=suffix)):
        if spaced != selector and occurrences(spaced, blocks):
            changed = [name for name in ("prefix", "suffix") if getattr(spaced, name) != getattr(selector, name)]
            written = " and ".join(f"{name}: {yaml_quoted(_spaced(getattr(fields, name), at_end=name == 'prefix'))}" for name in changed)  # (as the editor wrote it)
            return f"a space comes between the quote and its {' and '.join(changed)} in the article (YAML drops a space at either end of a value not in quotes): write {written}"
    across = _context_across(selector, found, blocks)
    if across is not None:
        where = "ends the paragraph before" if across == "prefix" else "starts the paragraph after"
        return f"the {across} {where} the quote's, and a note's prefix and suffix are read in the quote's own paragraph: leave the {across} out"
    places = _shown_places(found, blocks, article)
    times = f" {len(found)} times" if len(found) > 1 else ""
    return f"the quote is in the article{times} ({places}), but not with this {given}: copy the words just around it there exactly, or leave the {given} out"


def _context_across(selector: Selector, found: Sequence[Occurrence], blocks: tuple[str, ...]) -> str | None:
    """"prefix" or "suffix" where the quote starts (ends) a paragraph and that context ends the one before (starts the one after)."""
    for occurrence in found:
        block = blocks[occurrence.block]
        end = occurrence.end
        if selector.prefix.strip() and not block[: occurrence.start].strip() and occurrence.block > 0 and blocks[occurrence.block - 1].rstrip().endswith(selector.prefix.strip()):
            return "prefix"
        if selector.suffix.strip() and not block[end:].strip() and occurrence.block + 1 < len(blocks) and blocks[occurrence.block + 1].lstrip().startswith(selector.suffix.strip()):
            return "suffix"
    return None


def _spaced(context: str, at_end: bool) -> str:
    """A prefix (`at_end`) or suffix with the space on the quote's side that YAML drops from an unquoted value."""
    if not context or context[-1 if at_end else 0] == " ":
        return context
    return f"{context} " if at_end else f" {context}"

