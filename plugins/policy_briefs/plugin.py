"""The MkDocs plugin: wires the content model, linker and page templates into a build."""

from __future__ import annotations

import gc
import logging
import os
import posixpath
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from . import incremental, sharednav, timing
from .entities import EntityIndex, Target, holds_invisible, without_invisible
from .incremental import GeneratedPage, GitDates
from .headings import Headings
from .history import branch_logs
from .linker import Linker
from .mdext import BODY_END, BODY_START, BriefsExtension, PageState
from .mentions import ArticleView
from .messages import suggest
from .model import Annotation, Content, FieldAnchor
from .parking import ParkedHtml
from .previewproblems import PAGE_ATTRIBUTE, BuildWarnings, problems_json
from .problems import Problem
from .fieldmarkdown import convert_ahead, forget_converted
from .pages import LISTED_ON, PageRenderer, PageSpec, forget_rendered, make_environment, markdown_texts, page_specs, relative_url
from .relations import build_relations, forget_articles, sentence_ends
from .roughmarkdown import MARKED_SECTION_HINT, marked_sections_readable, unreadable_marked_sections, unreadable_message
from .loader import CONTENT_DIR
from .safehtml import SEARCH_MARK, clean_page, safe_contents, searched
from .searchmerge import merged_entries
from .sitepaths import INDEX_PAGES, linked_file, note_ids, note_place, uri_for
from .validate import HIDES_GENERATED, ArticleReader, Loading, anchor_line, explicit_link_problem, link_lines

log = get_plugin_logger(__name__)

PACKAGE_DIR = Path(__file__).parent


def _code_version() -> str:
    """The plugin's Python modules as a process imported them or would now: a digest of their names and contents."""
    return incremental.digest(*(f"{file.name}\n{file.read_text(encoding='utf-8')}" for file in sorted(PACKAGE_DIR.glob("*.py"))))
STYLESHEET = "assets/policy-briefs/policy-briefs.css"
SCRIPT = "assets/policy-briefs/policy-briefs.js"
PREVIEW_SCRIPT = "assets/policy-briefs/preview.js"  # `mkdocs serve` only (see `previewproblems`)
PREVIEW_PROBLEMS = "assets/policy-briefs/preview-problems.json"
MKDOCS_LOGGER = "mkdocs"  # every logger of MkDocs and its plugins is under it
WATCH_INTERVAL = 0.2  # seconds between looks for changed content under `mkdocs serve`
IDLE_COLLECT_DELAY = 0.5  # seconds after a `--dirty` rebuild before collecting garbage
SETTLE_EVERY = 100  # pages rendered or written between two settlings of a single build (see `_settle`)
# Pages whose sources, and keys for `--dirty`, can be made before all articles are read: nothing of
# what articles mention is in them. (A brief's key holds its "In this brief" and "Related briefs",
# from a guess checked in on_env.) Entry and actor keys hold their uses: made once all are read.
EARLY_TEMPLATES = {"brief.md", "briefs-index.md", "tags.md", "glossary-index.md", "actors-index.md"}
FIELDS_OF_ENTITIES = {"entry.md": "the entry's definition", "actor.md": "the actor's summary"}  # what of an entity's file its page shows as Markdown
MKDOCS_PAGES_LOGGER = "mkdocs.structure.pages"  # where MkDocs warns of links to missing files
LEFTOVER_MARKERS = (BODY_START, BODY_END, BODY_START.replace("<", "&lt;").replace(">", "&gt;"), BODY_END.replace("<", "&lt;").replace(">", "&gt;"))


class _LinksTheCheckReports(logging.Filter):
    """MkDocs' warnings about a brief's links, said of the article's file and line instead of the generated page.

    A link to a missing file, or to no file and no address, is dropped: the check's own message, with
    the article's line, says it.
    """

    # (An address may hold a quote: it ends where MkDocs' sentence goes on.)
    MESSAGE = re.compile(r"Doc file '(?P<page>[^']*)' contains (?P<what>(?:a|an [a-z ]+) link (?:to )?'(?P<href>.*?)'(?=, | which ).*)", re.DOTALL)
    MISSING = "but the target"
    UNRECOGNIZED = "unrecognized relative link"
    ANCHOR = "anchor"
    ABSOLUTE = "an absolute link"

    def __init__(self, plugin: PolicyBriefsPlugin) -> None:
        super().__init__()
        self.plugin = plugin
        self.told: Counter[tuple[str, str]] = Counter()  # this build's warnings so far, by page and address (see `_places`)
        self.said: set[str] = set()  # what this build's warnings said (one link used twice, through one reference, is told once)

    def filter(self, record: logging.LogRecord) -> bool:
        found = self.MESSAGE.match(record.getMessage())
        if found is None:
            return True
        setattr(record, PAGE_ATTRIBUTE, found["page"])  # (a preview keeps what is said of a page it does not render again)
        spec = self.plugin.specs.get(found["page"])
        if spec is None:
            return self._tell(record, found, self._places(found, self.plugin.docs_dir / found["page"], "the page"), "the page")
        if spec.template in FIELDS_OF_ENTITIES and self.ANCHOR in found["what"]:
            return self._tell(record, found, self._in_fields(found, spec), "its page")
        if spec.template != "brief.md" or not spec.sources or self.plugin.loading is None:
            return True
        if self._told_by_the_check(found):
            return False
        fields = self._in_fields(found, spec)
        article = self.plugin.content.articles.get(spec.key) if self.plugin.content is not None else None
        body_line = article.body_line if article is not None else 1  # (its front matter's links are its fields')
        places = self._places(found, self.plugin.project_dir / spec.sources[0], "the article", somewhere=not fields, from_line=body_line)
        return self._tell(record, found, fields + places, "the brief page")

    def _tell(self, record: logging.LogRecord, found: re.Match[str], places: list[tuple[str, int, str]], page: str) -> bool:
        """The warning said of each place that writes the link (as MkDocs said it if none is found): whether to let it go on as it is."""
        what = self._said_of_sources(self._with_near_place(found)).replace("on this page", f"on {page}")
        told = [f"{path}:{line}: {who} contains {what}" for path, line, who in places]
        if not told:
            return True
        if all(message in self.said for message in told):
            return False
        told = [message for message in told if message not in self.said]
        self.said.update(told)
        if len(told) == 1:
            record.msg, record.args = told[0], ()
            return True
        logger = logging.getLogger(record.name)  # (said anew, each place in turn: this filter lets those through)
        for message in told:
            logger.log(record.levelno, message, extra={PAGE_ATTRIBUTE: found["page"]})
        return False

    def _in_fields(self, found: re.Match[str], spec: PageSpec) -> list[tuple[str, int, str]]:
        """Where a page's fields (a brief's summary, takeaway or note, an entry's definition, an actor's summary) link to a place of it that is not there: file, line, which."""
        if self.ANCHOR not in found["what"]:
            return []
        article = self.plugin.content.articles.get(spec.key) if spec.template == "brief.md" and self.plugin.content is not None else None
        places = []
        for anchor in self.plugin.field_anchors(spec):
            if anchor.href == found["href"]:
                kind = FIELDS_OF_ENTITIES.get(spec.template) or ("the article's front matter" if article is not None and anchor.path == article.path else "the annotations file")
                places.append((anchor.path, anchor_line(self.plugin.project_dir, anchor), kind))
        return places

    def _places(self, found: re.Match[str], source: Path, who: str, somewhere: bool = True, from_line: int = 1) -> list[tuple[str, int, str]]:
        """The lines of `source` from `from_line` on that write the link (none if there is no such file; that line if none and it must be `somewhere`).

        MkDocs tells a link to a place a page lacks once per page and place: each line is told.
        It tells other links once each, in order: the next line is told.
        """
        if not source.is_file():
            return []
        written = [line + 1 for line in link_lines(source.read_text(encoding="utf-8"), found["href"])]
        lines = [line for line in written if line >= from_line] or ([from_line] if somewhere else [])
        if self.ANCHOR not in found["what"] and lines:
            key = (found["page"], found["href"])
            lines = [lines[min(self.told[key], len(lines) - 1)]]
            self.told[key] += 1
        lines = list(dict.fromkeys(lines))  # (two links on one line: one warning)
        path = self.plugin.project_path(source)
        return [(path, line, who) for line in lines]

    def _told_by_the_check(self, found: re.Match[str]) -> bool:
        """Whether the check reports this link of a brief itself, on the article's line (the build's warning would repeat it)."""
        loading, what = self.plugin.loading, found["what"]
        if self.MISSING in what:
            target = linked_file(found["href"], found["page"])
            return target is not None and target not in loading.checker.site_files
        if self.UNRECOGNIZED in what:
            return loading.checker.unrecognized_links
        if self.ABSOLUTE in what:
            return loading.checker.absolute_links
        if self.ANCHOR in what:  # a brief's note or passage: see `Loading.note_link_problems`
            place = note_place(found["href"], found["page"])
            return place is not None and place[0] in loading.articles
        return False

    DOC = re.compile(r"the doc '(?P<page>[^']*)'")

    def _with_near_place(self, found: re.Match[str]) -> str:
        """MkDocs' words, with the place of the linked page whose id is close to the one a link names that it lacks (a heading's id mistyped)."""
        what = found["what"]
        near = self._near_place(found) if self.ANCHOR in what and what.endswith(".") else None
        return f"{what[:-1]} (did you mean '{near}'?)." if near else what

    def _near_place(self, found: re.Match[str]) -> str | None:
        """The link's address with the id of the linked page's place closest to the one it names (None if none is close)."""
        address, _, place = found["href"].rpartition("#")
        other = self.DOC.search(found["what"])
        target = self.plugin.files.get_file_from_path(other["page"] if other else found["page"]) if self.plugin.files is not None else None
        ids = target.page.present_anchor_ids if target is not None and target.page is not None else None
        # A heading's id is short and made of common words: closer than an id's match (`#nope` is not `#notes`).
        near = suggest(place, ids, cutoff=0.7) if ids and not place.startswith("fnref:") else None  # (a footnote never referenced: no mistyped id)
        return f"{address}#{near}" if near else None

    def _said_of_sources(self, what: str) -> str:
        """MkDocs' words with a generated page it names ("the doc 'briefs/x.md'", which is no file) said as the file it is made from."""

        def source(match: re.Match[str]) -> str:
            spec = self.plugin.specs.get(match["page"])
            if spec is None or not spec.sources:
                return match.group()
            return f"the page of {self.plugin.project_path(self.plugin.project_dir / spec.sources[0])}"

        return self.DOC.sub(source, what)


class PolicyBriefsConfig(base.Config):
    link = c.Choice(("all", "first"), default="all")
    """Auto-link every occurrence of each entity in a brief (as the content model says), or only the first."""
    edit_uri = c.Optional(c.Type(str))
    """Path under repo_url to edit a content file (default: the site's edit_uri without the docs folder)."""


class PolicyBriefsPlugin(BasePlugin[PolicyBriefsConfig]):
    """Generates brief, glossary and actor pages from the files under `briefs/`.

    Each article's Markdown is rendered once: MkDocs renders its brief page, and the
    extension reads the article (reader text, mentions, where notes go) on the way.
    A page's source is its article or definition and a short header; what depends on
    all articles (a brief's notes, "In this brief" and "Related briefs"; an entry's or
    actor's uses) is its tail, drawn when the page is written, once all are read.
    A `--dirty` build decides which pages to render before that, from a guess (the
    linker on the Markdown source) checked once all are read. Under `mkdocs serve`,
    what was read is kept for the next build.
    """

    def __init__(self) -> None:
        self.loading: Loading | None = None
        self.content: Content | None = None
        self.specs: dict[str, PageSpec] = {}
        self.state: PageState | None = None
        self.extension = BriefsExtension(Linker({}), EntityIndex(), lambda: self.state)
        self.dirty = False
        self.serving = False
        self.builds = 0
        self.parked = ParkedHtml()
        # A brief's HTML for search to index, with the page's HTML it was made with, till parked with the page's (see `_unpark`).
        self.search_copy: tuple[str, str, str] | None = None
        self.after_search: tuple[str, str, str, str] | None = None  # page, its HTML, the copy search is given (or ""), its notes
        self.search_indexes = False
        self.navs = sharednav.SharedNavs()  # the navigation as drawn, by what it links to
        self.written: tuple[str, set[str]] = ("", set())  # the last build's site folder, and where in it its pages and files went
        self.links_filter = _LinksTheCheckReports(self)
        self.page_urls: set[str] = set()  # the addresses of the site's pages in the last build
        self.doc_pages: set[str] = set()  # their source paths
        self.files: Files | None = None  # the site's files, once all pages are rendered (to tell a link the place of a page it may have meant)
        self.build_warnings = BuildWarnings()  # a preview's, for its pages to show
        self.site_dir = ""  # where the build writes (a preview's problems, when a build fails)
        self.anchor_ids: dict[str, set[str]] = {}  # a preview's generated pages' places (ids), as last rendered
        self.links_to_headings: dict[str, set[str]] = {}  # a preview's pages: the other pages whose headings each links to, as last rendered
        self.gone_targets: dict[str, set[str]] = {}  # of those, the ones gone when the page is rendered again

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """(Its presence keeps this plugin object from one `mkdocs serve` build to the next.)"""
        self.dirty = dirty
        self.serving = command == "serve"
        self.builds = 0
        self.code = _code_version() if self.serving else ""

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # A `--dirty` rebuild renders a few pages, among millions of objects kept for the next
        # rebuild: Python's cyclic garbage collector, when it runs, takes longer than the rebuild.
        # It waits until the rebuild is done, and then runs while the preview is idle.
        if self.serving and self.builds and _code_version() != self.code:  # (a pull, say: this process runs the code it started with)
            stale = "the policy-briefs plugin's code has changed since the preview started: stop it (Ctrl+C) and start it again"
            log.error(stale)  # (each time: MkDocs tells a build error once, however often it recurs)
            raise PluginError(stale)
        if self.serving and self.dirty and self.builds:
            gc.disable()
        self.builds += 1
        self.links_filter.told.clear()
        self.links_filter.said.clear()
        mkdocs_logger = logging.getLogger(MKDOCS_LOGGER)
        if self.serving and self.build_warnings not in mkdocs_logger.handlers:  # (the first build: each next one starts as the one before ends)
            self.build_warnings.start()
            mkdocs_logger.addHandler(self.build_warnings)

    # -- configuration ----------------------------------------------------
    @timing.timed("other")
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        self.docs_dir = Path(config.docs_dir).resolve()
        if config.site_dir != self.site_dir:  # another site's build (this object kept by MkDocs): nothing of the last one's pages holds
            self.anchor_ids, self.links_to_headings, self.gone_targets = {}, {}, {}
        self.site_dir = config.site_dir
        self.content_dir = self.project_dir / CONTENT_DIR
        templates = str(PACKAGE_DIR / "templates")
        if templates not in config.theme.dirs:  # after the site's custom_dir, before the theme's own
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        if self.extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for script in (asset for asset in self._assets if asset.endswith(".js")):
            if script not in [str(given) for given in config.extra_javascript]:
                config.extra_javascript.append(script)
        logging.getLogger(MKDOCS_PAGES_LOGGER).addFilter(self.links_filter)  # (added once however often)
        self.search_indexes = bool(_search_plugins(config))
        return config

    @property
    def _assets(self) -> tuple[str, ...]:
        """The stylesheet and scripts the plugin's pages load; a preview's, its script that shows the build's problems too."""
        return (STYLESHEET, SCRIPT, PREVIEW_SCRIPT) if self.serving else (STYLESHEET, SCRIPT)

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001 (MkDocs' livereload types)
        # MkDocs polls for changes every 0.5 s; poll the content every 0.2 s (a few milliseconds of
        # work each time), so that an edit starts its rebuild sooner. (Watchdog gives new watches its
        # observer's interval; other watches keep theirs.)
        observer = getattr(server, "observer", None)
        interval = getattr(observer, "_timeout", None)
        faster = isinstance(interval, (int, float)) and not isinstance(interval, bool) and interval > WATCH_INTERVAL
        if faster:
            observer._timeout = WATCH_INTERVAL
        server.builder = self._telling_config_mistakes(server.builder, config.site_dir)
        try:
            server.watch(str(self.content_dir))
            server.watch(str(PACKAGE_DIR))  # (its templates, read again by each build; its code, which is not: see `on_pre_build`)
            logs = branch_logs(self.project_dir)
            if logs is not None:  # a commit changes the dates brief pages show ("Last updated")
                server.watch(str(logs))
        finally:
            if faster:
                observer._timeout = interval
        return server

    def _telling_config_mistakes(self, builder: Callable, site_dir: str) -> Callable:
        """The preview's rebuild, which tells a mistake in mkdocs.yml in a line, in the terminal and on the preview's pages.

        MkDocs reads mkdocs.yml again before each rebuild; a mistake there (or a value it refuses, told
        before it aborts) stops it before any plugin event, and MkDocs would print its traceback. The
        preview keeps its last pages meanwhile.
        """

        def rebuild(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 (MkDocs' builder, as it calls it)
            try:
                return builder(*args, **kwargs)
            except (ConfigurationError, Abort) as error:
                message = f"{error} (the preview shows its last pages until it can read the file)" if isinstance(error, ConfigurationError) else str(error)
                log.error(message)
                self._show_warnings(site_dir)
                return None

        return rebuild

    # -- content ----------------------------------------------------------
    @timing.timed("on_files")
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Load and check the content, then add one generated page per brief, entry and actor."""
        self.config_ = config
        self.extensions = [e for e in config.markdown_extensions if e is not self.extension]
        self.reader: ArticleReader | None = None
        self.pages_done = 0
        self.git_dates = GitDates(self.project_dir)  # runs while the files are read
        with timing.section("load"), self._collector_paused():
            self._load(config, sorted(file.src_uri for file in files))
            if self.every_page_once:  # a rebuild shows few texts anew: each is converted when shown
                convert_ahead(markdown_texts(self.content))
        self._settle()
        content = self.content
        self.specs = {}
        written = {file.dest_uri: file.src_uri for file in files}  # (`docs/glossary/eas/index.md` is published where `glossary/eas.md` is)
        for spec in page_specs(content):
            inclusion = InclusionLevel.UNDEFINED if spec.src_uri in INDEX_PAGES else InclusionLevel.NOT_IN_NAV
            generated = GeneratedPage.make(config, spec.src_uri, lambda spec=spec: self._source(spec), lambda spec=spec: self._key(spec), inclusion)
            if generated.dest_uri in written:
                log.warning(f"{self.project_path(self.docs_dir / written[generated.dest_uri])} {HIDES_GENERATED}; rename or remove it")
                continue
            files.append(generated)
            self.specs[spec.src_uri] = spec
        for asset in self._assets:
            files.append(File.generated(config, asset, abs_src_path=str(PACKAGE_DIR / "assets" / posixpath.basename(asset))))
        if self.serving and self.dirty:  # (a single build, or a preview that cleans its folder, leaves nothing stale)
            self._remove_stale_files(config, {file.dest_uri for file in files})
        self._prepare_sources(files, config)
        return files

    def _remove_stale_files(self, config: MkDocsConfig, writes: set[str]) -> None:
        """In a `--dirty` preview, the pages and files whose sources are gone: a brief's, an entry's, an actor's, a page or file of docs/ (MkDocs leaves them)."""
        site_dir, written = self.written
        if site_dir == config.site_dir:
            for dest_uri in sorted(written - writes):
                stale = Path(site_dir, dest_uri)
                stale.unlink(missing_ok=True)
                folder = stale.parent
                if folder != Path(site_dir) and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
        self.written = (config.site_dir, writes)

    def _load(self, config: MkDocsConfig, site_files: list[str]) -> None:
        """Check every file; finish the articles read before (same text, same entities, same Markdown settings, same site files)."""
        raw, self.digests = incremental.read_files(self.project_dir, keep=self.serving)
        links = config.validation.links
        loading = self.loading = Loading(
            self.project_dir, raw, keep_lines=self.serving, site_files=site_files,
            unrecognized_links=links.unrecognized_links >= logging.WARNING, absolute_links=links.absolute_links >= logging.WARNING,
        )
        self.extension.linker = loading.linker
        self.extension.index = loading.index
        self.forms_key = incremental.forms_key(loading.index)
        self.markdown_key = incremental.markdown_key(self.extensions, config.mdx_configs)
        ids_key = incremental.digest(repr(sorted(loading.checker.glossary_ids)), repr(sorted(loading.checker.actor_ids)), repr(sorted(loading.checker.site_files)))
        problems = list(loading.problems)
        self.unread: dict[str, tuple[str, str]] = {}  # slug -> keys (its Markdown, its checks), for articles read while their page renders
        for slug, pending in list(loading.pending.items()):
            view_key = incremental.article_key(self.digests.get(pending.parsed.path) or pending.body, self.forms_key, self.markdown_key)
            notes = loading.raw.annotations.get(slug)
            finish_key = incremental.digest(view_key, self.digests.get(pending.parsed.path, ""), self.digests.get(notes.path, "") if notes else "-", ids_key)
            finished = incremental.cached_finish(slug, finish_key)
            if finished is not None:  # nothing it is made from changed: the same article, the same problems
                problems += loading.adopt(slug, *finished)
                continue
            view = incremental.cached_view(slug, view_key)
            if view is None and not loading.valid(slug):  # not published: no page to read it in
                view = self._read(slug)
                self._keep_view(slug, view_key, view)
            if view is None:
                self.unread[slug] = (view_key, finish_key)
            else:
                result = loading.finish(slug, view)
                self._keep_finish(slug, finish_key, result)
                problems += result[1]
        incremental.forget_views(set(loading.raw.articles))
        forget_articles(set(loading.raw.articles))
        if self.unread and len(self.unread) * 8 <= len(loading.pending) + len(loading.articles):
            # A few articles changed (a rebuild): read them on their own now, so that every page
            # is made knowing what all articles mention (no guess to check, no page made twice).
            for slug in list(self.unread):
                view = self._read(slug)
                view_key, finish_key = self.unread.pop(slug)
                self._keep_view(slug, view_key, view)
                result = loading.finish(slug, view)
                self._keep_finish(slug, finish_key, result)
                problems += result[1]
        for problem in sorted(set(problems)):
            log.warning(str(problem))
        drafts = {slug: loading.draft(slug) for slug in self.unread}
        self.content = Content(dict(sorted({**loading.articles, **drafts}.items())), loading.checker.glossary, loading.checker.actors)
        self.final = not self.unread
        # Page sources show nothing of what articles mention (their tails do, drawn once all are read); a
        # `--dirty` build decides which pages to render before that: from a guess, checked in on_env.
        guess = incremental.guess_mentions if self.dirty else _no_guess
        guessed = {slug: guess(drafts[slug].body, loading.linker, loading.index) for slug in self.unread}
        self.relations = build_relations(self.content, guessed, uses=self.final)

    def _keep_view(self, slug: str, key: str, view: ArticleView) -> None:
        """What was read of an article, for the next build of `mkdocs serve` (a single build has no next)."""
        if self.serving:
            incremental.keep_view(slug, key, view)

    def _keep_finish(self, slug: str, key: str, result: tuple) -> None:
        if self.serving:
            incremental.keep_finish(slug, key, result)

    def _read(self, slug: str) -> ArticleView:
        """Read an article's Markdown on its own (when no page render can do it)."""
        if self.reader is None:
            self.reader = ArticleReader(self.extensions, self.config_.mdx_configs)
        return self.loading.read(slug, self.reader)

    def _prepare_sources(self, files: Files, config: MkDocsConfig) -> None:
        urls = {uri: files.get_file_from_path(uri).url for uri in self.specs}

        def link(from_uri: str, to_uri: str) -> str:
            return relative_url(urls[to_uri], urls[from_uri]) if to_uri in urls else "#"

        env = make_environment(config.theme.dirs)
        env.globals["last_updated"] = self.git_dates  # brief.md: "Last updated"
        self.renderer = PageRenderer(env, self.content, self.relations, link)
        own = sorted(template for template in (PACKAGE_DIR / "templates" / "policy-briefs").iterdir() if template.is_file())
        self.own_templates = all(  # no template of ours overridden by the site
            Path(env.loader.get_source(env, f"policy-briefs/{template.name}")[1]) == template for template in own
        )
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        self.sources_key = incremental.digest(config_text, str(config.use_directory_urls), *(template.read_bytes() for template in own))
        self.early: dict[str, object] = {}  # uri -> what its source was made from, for pages made before all were read
        self.urls = urls

    @timing.timed("sources")
    def _source(self, spec: PageSpec) -> str:
        """A generated page's Markdown, made when MkDocs first reads it."""
        self._before_use(spec)
        with timing.section(f"sources: {spec.template}"):
            source = self.renderer.render(spec)
        if not self.final and spec.src_uri not in self.early and (self.dirty or not self.own_templates):
            self.early[spec.src_uri] = self._made_from(spec, source)
        return source

    @timing.timed("sources")
    def _key(self, spec: PageSpec) -> str | None:
        """What a generated page's source is made from (for `--dirty`; None if not known: the source decides)."""
        if not self.dirty or not self.own_templates:
            return None
        self._before_use(spec)
        if not self.final and spec.src_uri not in self.early:
            self.early[spec.src_uri] = self._made_from(spec, "")
        return self.renderer.key(spec, self.digests, self.sources_key, self.loading.checker.site_files or (), lambda: self.git_dates.newest)

    def _before_use(self, spec: PageSpec) -> None:
        """Pages that show what articles mention are made once all articles are read."""
        if not self.final and (spec.template not in EARLY_TEMPLATES or not self.own_templates and spec.template != "brief.md"):
            self._finalize()

    def _made_from(self, spec: PageSpec, source: str) -> object:
        """What of a page made early can change once all articles are read."""
        if not self.own_templates:
            return source
        if spec.template == "brief.md":
            return self.renderer.cross_brief(spec)
        return None

    def _finalize(self) -> None:
        """Read the articles no page render has read; relations from what all articles mention."""
        if self.final:
            return
        with timing.section("finalize"), self._collector_paused():
            self.final = True
            for slug in list(self.unread):
                self._finish(slug, self._read(slug))
            self.content = self.loading.content()
            self.relations = build_relations(self.content)
            self.renderer.content = self.content
            self.renderer.relations = self.relations
        if not self.serving:
            sentence_ends.cache_clear()  # kept for a next build's relations: a single build has none
        self._settle()

    def _finish(self, slug: str, view: ArticleView) -> tuple[Annotation, ...]:
        view_key, finish_key = self.unread.pop(slug)
        self._keep_view(slug, view_key, view)
        article, problems = result = self.loading.finish(slug, view)
        self._keep_finish(slug, finish_key, result)
        for problem in problems:
            log.warning(str(problem))
        return article.annotations if article is not None else ()

    def _read_in_page(self, slug: str, view: ArticleView | None) -> tuple[Annotation, ...]:
        """The article as its page renders (None: the body could not be told apart in the page)."""
        if slug not in self.unread:
            return self.loading.articles[slug].annotations
        return self._finish(slug, view if view is not None else self._read(slug))

    def _forget_body(self, slug: str) -> None:
        self.loading.forget_body(slug)
        article = self.content.articles.get(slug)
        if article is not None:
            self.content.articles[slug] = replace(article, body="")

    @timing.timed("other")
    def on_nav(self, nav, config: MkDocsConfig, files: Files):  # noqa: ANN001, ANN201 (MkDocs' navigation types)
        """What a page shows besides its own source: configuration, navigation, entities' forms (for `--dirty`)."""
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        site_key = incremental.digest(config_text, repr(_outline(nav.items)), self.forms_key, self.markdown_key, str(self.config.link))
        for uri in self.specs:
            files.get_file_from_path(uri).site_key = site_key
        # Hand-written pages link entities too (explicit links, with previews), and briefs (a link to a
        # brief gone is told), and show the navigation: when any of that changed, a `--dirty` build
        # renders them again as well.
        if self.dirty:
            self._render_links_to_changed_pages(files)  # (changed in themselves: what follows changes no heading)
        generated = incremental.digest(*sorted(self.specs))
        if self.dirty and incremental.site_changed(config.site_dir, site_key + incremental.entities_key(self.loading.index) + generated):
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):  # (drafts too: a preview shows them)
                if not isinstance(file, GeneratedPage):
                    file.is_modified = _modified
        homepage = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else None)
        self.navs = sharednav.SharedNavs(sharednav.targets(nav.items, str(homepage) if homepage else None, config.theme.get("logo")), nav.pages)
        return nav

    def _render_links_to_changed_pages(self, files: Files) -> None:
        """A `--dirty` preview: a page that links to a heading of a hand-written page is rendered again when that
        page is (its headings may have changed) or is gone, so that MkDocs checks the link again.

        (Links to a generated page's headings: see `_render_links_to_rendered_pages`, once it is known which are.)
        """
        self.links_to_headings = {uri: targets for uri, targets in self.links_to_headings.items() if files.get_file_from_path(uri) is not None}
        changed: dict[str, bool] = {}  # by page: whether it changed or is gone (each asked once)
        for uri, targets in self.links_to_headings.items():
            for target in targets:
                if target not in changed:
                    file = files.get_file_from_path(target)  # (an excluded page is never written: nothing to compare with)
                    changed[target] = target not in self.specs and (file is None or file.inclusion is not InclusionLevel.EXCLUDED and file.is_modified())
            if any(changed[target] for target in targets):
                files.get_file_from_path(uri).is_modified = _modified
                # A page gone is no target of the links MkDocs finds: kept, so that the page is rendered again when it is back.
                self.gone_targets[uri] = {target for target in targets if files.get_file_from_path(target) is None}

    def _render_links_to_rendered_pages(self, config: MkDocsConfig, files: Files) -> None:
        """A `--dirty` preview, its pages read: a page not rendered again that links to a heading of a generated page
        that was rendered again is rendered now as well, so that MkDocs checks the link against the headings that page has now."""
        from mkdocs.commands.build import _populate_page

        rendered = self.build_warnings.rendered
        for uri, targets in self.links_to_headings.items():
            if uri not in rendered and any(target in rendered and target in self.specs for target in targets):
                file = files.get_file_from_path(uri)
                file.is_modified = _modified
                if file.page is not None:
                    _populate_page(file.page, config, files, self.dirty)

    @timing.timed("other")
    def on_env(self, env, config: MkDocsConfig, files: Files):  # noqa: ANN001, ANN201 (Jinja environment)
        """All pages are rendered: check the pages made before all articles were read."""
        self.page_urls = {"" if file.url in (".", "./") else file.url for file in files.documentation_pages()}  # (as `Page.url`: what search lists)
        self.doc_pages = {file.src_uri for file in files.documentation_pages()}
        self.files = files
        if self.serving and env.bytecode_cache is None:
            env.bytecode_cache = incremental.TEMPLATE_BYTECODE  # the theme's templates compiled once, not every rebuild
        templates = config.theme.dirs.index(str(PACKAGE_DIR / "templates"))
        env.loader = sharednav.with_theme_prefix(env.loader, config.theme.dirs[templates + 1 :])
        self._finalize()
        for problem in self.loading.note_link_problems():
            log.warning(str(problem))
        from mkdocs.commands.build import _populate_page

        for uri, made_from in self.early.items():
            spec = self.specs[uri]
            if self.own_templates:  # the source is right; was the page left out of a `--dirty` build on a wrong guess?
                if made_from is None or self.renderer.cross_brief(spec) == made_from:
                    continue
            elif self.renderer.render(spec) == made_from:
                continue
            file = files.get_file_from_path(uri)
            file.forget()
            page = file.page
            if page is not None and (page.markdown is not None or self.dirty and file.is_modified()):
                _populate_page(page, config, files, self.dirty)
        self.early = {}
        if self.dirty:
            self._render_links_to_rendered_pages(config, files)
            incremental.keep_titles(file.page for file in files.documentation_pages() if file.page is not None)
            self._keep_anchor_ids(files)
        return env

    def _keep_anchor_ids(self, files: Files) -> None:
        """A `--dirty` preview: each generated page this rebuild leaves as it was keeps the places it had, for MkDocs
        to check links to them (else a link to a heading another brief lacks is told only when that brief is rendered again)."""
        self.anchor_ids = {uri: ids for uri, ids in self.anchor_ids.items() if uri in self.specs}
        for uri, ids in self.anchor_ids.items():
            page = files.get_file_from_path(uri).page
            if page is not None and page.present_anchor_ids is None:  # (a page it renders has its own, once it is rendered)
                page.present_anchor_ids = ids

    @property
    def every_page_once(self) -> bool:
        """Whether this build renders every page once, and none again from what it keeps (not serve, not `--dirty`)."""
        return not (self.serving or self.dirty)

    def _settle(self) -> None:
        """What the build keeps so far: out of the garbage collector's rounds (a single build only).

        Done once the content is loaded, once all articles are read, and every `SETTLE_EVERY`
        pages: each round of the collector then goes over what was made since, not over all the
        build keeps (whose rounds would grow with the number of pages, and the build faster than it).
        """
        if not self.serving:
            gc.collect()  # what is garbage now is freed, not kept frozen
            gc.freeze()

    @contextmanager
    def _collector_paused(self) -> Iterator[None]:
        """For work that makes many objects to keep and next to no garbage (loading, relations), in a single build.

        Each round of the collector would go over all that was made so far: at thousands of briefs,
        seconds of rounds that find nothing. `_settle` collects and freezes what it made afterwards.
        """
        if self.serving or not gc.isenabled():
            yield
            return
        gc.disable()
        try:
            yield
        finally:
            gc.enable()

    def _page_done(self) -> None:
        self.pages_done += 1
        if self.pages_done % SETTLE_EVERY == 0:
            self._settle()

    def on_build_error(self, error: Exception) -> None:
        if self.serving:
            self.build_warnings.general.append(f"the build failed: {error}")
            self._show_warnings(self.site_dir)
        self.parked.clear()
        self.search_copy = self.after_search = None
        forget_converted()  # (and the second process converting them, if there is one)
        git_dates = getattr(self, "git_dates", None)
        if git_dates is not None:
            git_dates.close()
        timing.discard()  # not carried into the next build's record
        self._collect_later()

    def _collect_later(self) -> None:
        if not gc.isenabled():
            gc.enable()
            collect = threading.Timer(IDLE_COLLECT_DELAY, gc.collect)
            collect.daemon = True
            collect.start()

    # -- pages ------------------------------------------------------------
    @timing.timed("page_events")
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.serving:
            self.build_warnings.rendered.add(page.file.src_uri)
        if isinstance(page.file, GeneratedPage):
            page.file.release()  # the page holds its Markdown now
        spec = self.specs.get(page.file.src_uri)
        brief = spec is not None and spec.template == "brief.md" and spec.key in self.content.articles
        article = self.loading.articles.get(spec.key) if brief else None
        self.state = PageState(
            href=lambda target: self._href(page, target),
            autolink=brief,
            link_all=self.config.link == "all",
            annotations=article.annotations if article else (),
            read_article=(lambda view, slug=spec.key: self._read_in_page(slug, view)) if brief and spec.key in self.unread else None,
            # (An article that marks its own parts for search keeps them: search then reads the page itself.)
            search_copy=brief and self.search_indexes and "data-search-" not in markdown,
        )
        if spec is not None and spec.sources:
            page.edit_url = self._edit_url(config, spec.sources[0])
        if spec is None and "<![" in markdown:
            markdown = self._marked_sections_readable(page, markdown)
        return markdown

    def _marked_sections_readable(self, page: Page, markdown: str) -> str:
        """A hand-written page's `<![` MkDocs cannot read, each told (it would stop the build with a traceback) and shown as written."""
        stopping = unreadable_marked_sections(markdown)
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        text = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n") if source else markdown
        above = text[: len(text) - len(markdown)].count("\n") if text.endswith(markdown) else 0  # (the front matter's lines)
        where = self.project_path(source) if source else page.file.src_uri
        for position in stopping:  # (told as a brief's are; the page shows it as written)
            line = above + markdown.count("\n", 0, position) + 1
            log.warning(str(Problem(where, line, unreadable_message(markdown, position), MARKED_SECTION_HINT)))
        return marked_sections_readable(markdown, stopping)

    @timing.timed("page_events")
    def _sanitise(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        copy = self.state.search_html if self.state is not None else None
        unresolved = self.state.unresolved if self.state is not None else []
        if self.state is not None and self.state.passage_ids and page.present_anchor_ids is not None:
            page.present_anchor_ids |= self.state.passage_ids  # (marked after MkDocs took the page's ids)
        self.state = None
        safe_contents(page.toc)  # every page's: the theme writes its entries as they are
        if page.file.src_uri not in self.specs:
            self._report_links(page, config, unresolved)  # (a brief's are checked with its article)
            return html
        page.markdown = ""  # rendered: a generated page's source (tens of kilobytes) is not needed again
        spec = self.specs[page.file.src_uri]
        if spec.template == "brief.md" and self.every_page_once and self.own_templates:
            self._forget_body(spec.key)  # read: no other page is made from it, and none is made again
        html = _safe(html)
        self.search_copy = (page.file.src_uri, html, _safe(copy)) if copy is not None else None
        return html

    @event_priority(-100)  # after every other plugin's changes
    @timing.timed("page_events")
    def _park(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML compressed until the page is written (see `parking`); its content empty till then."""
        if page.file.src_uri not in self.specs:
            return html
        copy, self.search_copy = self.search_copy, None
        # No copy, or another plugin changed the page since: search reads the page as it is.
        search = copy[2] if copy is not None and copy[0] == page.file.src_uri and copy[1] == html else ""
        spec = self.specs[page.file.src_uri]
        notes = str(self.renderer.render_search_notes(spec, self.loading.articles.get(spec.key))) if self.search_indexes else ""
        if search or notes:
            self.parked.park(page.file.src_uri, html, search, notes)
        else:
            self.parked.park(page.file.src_uri, html)
        self._page_done()
        return ""

    on_page_content = CombinedEvent(_sanitise, _park)

    @event_priority(100)  # before any other plugin (search indexes the content)
    @timing.timed("page_events")
    def _unpark(self, context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001, ANN201 (MkDocs' template context)
        """A generated page's HTML back; a brief's search copy in its place until the other plugins are done (`_restore`).

        Search reads the page's content in this event. Its copy is the page as Markdown alone makes
        it: the same text and headings, without this plugin's links, marks and markers, which
        search leaves out anyway, but which more than doubled its work. (Material's search reads
        white space alone between two tags as one space: where two links had more between them,
        the copy's index keeps it as written. Search finds the same words.)

        The brief's notes follow, in one section that leads to the first note, so that a search
        finds the brief by its notes; the page's script then shows the note that holds the words
        searched for. (A section per note made a tenth of the site's index entries.)
        """
        parked = self.parked.take(page.file.src_uri)
        if parked is None:
            return context
        html, *for_search = parked
        copy, notes = for_search or ("", "")
        page.content = (copy or html) + notes
        self.after_search = (page.file.src_uri, html, copy, notes)
        return context

    @timing.timed("tails")
    def _draw_tail(self, context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001, ANN201 (MkDocs' template context)
        """Draw a generated page's tail (after its content, outside its Markdown), its headings in the contents."""
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            headings = Headings(page.toc, config.mdx_configs.get("toc", {}).get("permalink"))
            with timing.section(f"tails: {spec.template}"):
                context["policy_briefs_tail"] = self.renderer.render_tail(spec, headings.add)
            context["policy_briefs_start"] = headings.from_the_top(page.title or spec.title)
            if page.present_anchor_ids is not None:  # links to the tail's places are checked with the page's own
                page.present_anchor_ids |= headings.ids | self._tail_ids(spec)
            self._check_with_the_page(page, spec)
            shared = self.navs.for_page(page, lambda url: normalize_url(url, page), LISTED_ON.get(spec.template))
            if shared is not None:
                context["policy_briefs_nav"] = shared
                self.navs.mark(shared)
        return context

    def _check_with_the_page(self, page: Page, spec: PageSpec) -> None:
        """A page's fields' links to its headings, checked by MkDocs with the page's own (its warning placed by `_LinksTheCheckReports`)."""
        anchors = self.field_anchors(spec)
        if anchors and page.links_to_anchors is not None:
            links = page.links_to_anchors.setdefault(page.file, {})
            for anchor in anchors:
                links.setdefault(anchor.href[1:], anchor.href)

    def field_anchors(self, spec: PageSpec) -> tuple[FieldAnchor, ...]:
        """A generated page's fields' links to places of it: a brief's summary, takeaways and notes; an entry's definition; an actor's summary."""
        if self.content is None:
            return ()
        shown = {"brief.md": self.content.articles, "entry.md": self.content.glossary, "actor.md": self.content.actors}.get(spec.template, {})
        made_from = shown.get(spec.key)
        return made_from.field_anchors if made_from is not None else ()

    @event_priority(-100)  # after every other plugin's look at the page
    @timing.timed("page_events")
    def _restore(self, context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001, ANN201 (MkDocs' template context)
        """The brief's own HTML in place of what search was given, for the template.

        Without a copy, search read the page itself (and took its `data-search-` marks off, as it
        does): the page is kept as search left it, less the notes after it, and safe again (`searched`).
        """
        if self.after_search is None or self.after_search[0] != page.file.src_uri:
            return context
        _, html, copy, notes = self.after_search
        self.after_search = None
        content = page.content or ""
        if copy and content == copy + notes:
            page.content = html
        elif not copy and content.endswith(notes) and SEARCH_MARK not in notes:
            page.content = self._searched(page, html, content[: len(content) - len(notes)])
        elif SEARCH_MARK in (copy or html) + notes:  # search took its marks out (and words with them, told)
            self._searched(page, (copy or html) + notes, content, in_notes=SEARCH_MARK in notes)
            page.content = html  # (safe: what search was given the page's text in)
        else:
            log.warning(f"{page.file.src_uri}: a plugin changed the page's content while it was given to search; the page is written without that change")
            page.content = html
        return context

    def _searched(self, page: Page, given: str, left: str, in_notes: bool = False) -> str:
        """A page's content as search left it, made safe again where search took more than its marks (told; `in_notes`: a brief's notes held them)."""
        left, took_text = searched(given, left)
        if took_text:
            spec = self.specs[page.file.src_uri]
            where = spec.sources[-1 if in_notes else 0] if spec.template in LISTED_ON else f"the page {page.file.src_uri}"  # (an index: of many files)
            log.warning(
                f"{where}: search took words out of the page with what it reads as its own mark, 'data-search-…=\"…\"' "
                f"(a text or a link's title holds 'data-search-'): write it otherwise, such as 'data search'"
            )
        return left

    on_page_context = CombinedEvent(_unpark, _draw_tail, _restore)

    @timing.timed("page_events")
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.serving and page.links_to_anchors is not None:
            linked = {target.src_uri for target in page.links_to_anchors if target is not page.file}
            self.links_to_headings[page.file.src_uri] = linked | self.gone_targets.pop(page.file.src_uri, set())
        if isinstance(page.file, GeneratedPage):
            self.navs.unmark()
            if self.serving and page.present_anchor_ids is not None:
                self.anchor_ids[page.file.src_uri] = page.present_anchor_ids
            page.file.written()
            page.content = None  # written and indexed: the page's HTML is not needed again
            self._page_done()
        return output

    def on_shutdown(self) -> None:
        logging.getLogger(MKDOCS_PAGES_LOGGER).removeFilter(self.links_filter)
        logging.getLogger(MKDOCS_LOGGER).removeHandler(self.build_warnings)

    def _after_build(self, config: MkDocsConfig) -> None:
        self.parked.clear()  # pages MkDocs did not write
        gc.unfreeze()
        self._collect_later()
        self.git_dates.close()
        summary = timing.flush(sum(1 for spec in self.specs.values() if spec.template == "brief.md"))
        if summary:
            log.info(summary)

    @event_priority(100)  # before search writes its index
    def _merge_search_index(self, config: MkDocsConfig) -> None:
        """In a `--dirty` preview, each page this rebuild rendered in place of its entries in search's index (see `searchmerge`)."""
        for plugin in _search_plugins(config):
            index, previous = getattr(plugin, "search_index", None), getattr(plugin, "search_index_prev", None)
            if index is not None and previous is not None and isinstance(getattr(index, "entries", None), list):
                index.entries = merged_entries(previous.entries, index.entries, self.page_urls)
                plugin.search_index_prev = None  # merged: search writes its index as it is now

    @event_priority(100)  # before search writes its index
    def _search_reads_names_whole(self, config: MkDocsConfig) -> None:
        """Search's words without the characters a page does not show: a name that holds a soft hyphen is found as it reads."""
        for plugin in _search_plugins(config):
            for entry in getattr(getattr(plugin, "search_index", None), "entries", None) or ():
                for key in ("title", "text"):
                    value = entry.get(key) if isinstance(entry, dict) else None
                    if isinstance(value, str) and holds_invisible(value):
                        entry[key] = without_invisible(value)

    @event_priority(100)  # before search writes its index, when a build's memory is at its highest
    def _let_go(self, config: MkDocsConfig) -> None:
        """A single build: what its pages were made from, let go once they are written (a preview keeps it for the next)."""
        if self.serving:
            return
        self.loading = self.content = self.relations = self.renderer = None
        self.extension.linker, self.extension.index = Linker({}), EntityIndex()
        self.navs = sharednav.SharedNavs()
        forget_rendered()
        forget_converted()

    @event_priority(-100)  # after every other plugin's work
    def _show_problems(self, config: MkDocsConfig) -> None:
        if self.serving:
            self._show_warnings(config.site_dir)

    def _show_warnings(self, site_dir: str) -> None:
        """A preview's warnings of this build, for its pages' script (see `previewproblems`)."""
        path = Path(site_dir) / PREVIEW_PROBLEMS
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(problems_json(self.build_warnings.messages(self.doc_pages)), encoding="utf-8")
        self.build_warnings.start()  # the next build's, from what MkDocs says as it reads mkdocs.yml again

    on_post_build = CombinedEvent(_merge_search_index, _search_reads_names_whole, _let_go, _after_build, _show_problems)

    def _tail_ids(self, spec: PageSpec) -> set[str]:
        """The ids a page's tail gives its parts besides headings: a brief's notes and their popovers, the tags page's tags."""
        if spec.template == "tags.md":
            return {f"tag-{tag}" for tag in self.relations.tags}
        article = self.content.articles.get(spec.key) if spec.template == "brief.md" else None
        if article is None:
            return set()
        return {element for note in article.annotations for kind, element in note_ids(note.id).items() if kind != "passage"}

    def _report_links(self, page: Page, config: MkDocsConfig, hrefs: list[str]) -> None:
        """A hand-written page's `term:` and `actor:` links to no known entity, each on its line."""
        if not hrefs:
            return
        path = self.project_path(self.docs_dir / page.file.src_uri)
        source = page.file.content_string
        glossary, actors = set(self.content.glossary), set(self.content.actors)
        for href in dict.fromkeys(hrefs):
            problem = explicit_link_problem(path, 1, href, glossary, actors, index=self.extension.index)
            for line in dict.fromkeys(link_lines(source, href) or [0]) if problem is not None else ():
                log.warning(str(replace(problem, line=line + 1)), extra={PAGE_ATTRIBUTE: page.file.src_uri})  # (said of the page, see `previewproblems`)

    def project_path(self, path: Path) -> str:
        """A file's path as messages give it: from the project's folder (where mkdocs.yml is)."""
        return Path(os.path.relpath(path, self.project_dir)).as_posix()

    def _href(self, page: Page, target: Target) -> str:
        uri = uri_for(target.kind, target.id)
        return relative_url(self.urls[uri], page.file.url) if uri in self.urls else "#"

    def _edit_url(self, config: MkDocsConfig, source: str) -> str | None:
        if not config.repo_url:
            return None
        edit_uri = self.config.edit_uri
        if edit_uri is None:
            edit_uri = (config.edit_uri or "").rstrip("/")
            docs = posixpath.basename(config.docs_dir.rstrip("/"))
            edit_uri = edit_uri[: -len(docs)] if edit_uri.endswith(docs) else edit_uri + "/"
        return urljoin(config.repo_url.rstrip("/") + "/", edit_uri.lstrip("/") + quote(source))  # the theme writes it as it is


def _safe(html: str) -> str:
    """A generated page's HTML from Markdown, sanitised."""
    for marker in LEFTOVER_MARKERS:  # a body marker swallowed by unclosed HTML or code in the article
        if marker in html:
            html = html.replace(marker, "")
    return clean_page(html)


def _search_plugins(config: MkDocsConfig) -> list[BasePlugin]:
    return [plugin for name, plugin in config.plugins.items() if name == "search" or name.endswith("/search")]


def _modified() -> bool:
    return True


def _no_guess(*_: object) -> list[str]:
    return []


def _outline(items) -> list:  # noqa: ANN001 (navigation items)
    """The navigation's structure: titles, links and children."""
    return [(item.title, getattr(item, "url", None), _outline(item.children or [])) for item in items]
