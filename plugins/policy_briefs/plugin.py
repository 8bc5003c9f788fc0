"""The MkDocs plugin: wires the content model, linker and page templates into a build."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .entities import EntityIndex, Target
from .history import last_updated
from .linker import Linker
from .mdext import BriefsExtension, PageState
from .pages import PageRenderer, PageSpec, make_environment, page_specs, uri_for
from .relations import build_relations
from .loader import CONTENT_DIR
from .safehtml import clean_page
from .validate import LoadResult, load_project

log = get_plugin_logger(__name__)

PACKAGE_DIR = Path(__file__).parent
STYLESHEET = "assets/policy-briefs/policy-briefs.css"
INDEX_PAGES = {"briefs/index.md", "briefs/tags.md", "glossary/index.md", "actors/index.md"}


class PolicyBriefsConfig(base.Config):
    link = c.Choice(("first", "all"), default="first")
    """Auto-link the first occurrence of each entity in a brief, or every occurrence."""
    edit_uri = c.Optional(c.Type(str))
    """Path under repo_url to edit a content file (default: the site's edit_uri without the docs folder)."""


class PolicyBriefsPlugin(BasePlugin[PolicyBriefsConfig]):
    """Generates brief, glossary and actor pages from the files under `briefs/`."""

    def __init__(self) -> None:
        self.result: LoadResult | None = None
        self.specs: dict[str, PageSpec] = {}
        self.state: PageState | None = None
        self.extension = BriefsExtension(Linker({}), EntityIndex(), lambda: self.state)

    # -- configuration ----------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = self.project_dir / CONTENT_DIR
        templates = str(PACKAGE_DIR / "templates")
        if templates not in config.theme.dirs:  # after the site's custom_dir, before the theme's own
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        if self.extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001 (MkDocs' livereload types)
        server.watch(str(self.content_dir))
        server.watch(str(PACKAGE_DIR / "templates"))
        return server

    # -- content ----------------------------------------------------------
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Load and check the content, then add one generated page per brief, entry and actor."""
        extensions = [e for e in config.markdown_extensions if e is not self.extension]
        self.result = load_project(self.project_dir, extensions, config.mdx_configs)
        for problem in self.result.problems:
            log.warning(str(problem))
        index = self.result.index
        self.extension.linker = Linker(index.by_form)
        self.extension.index = index
        self.specs = {}
        for spec in page_specs(self.result.content):
            if files.get_file_from_path(spec.src_uri) is not None:
                log.warning(f"{config.docs_dir}/{spec.src_uri} hides the generated page of the same name; rename or remove it")
                continue
            inclusion = InclusionLevel.UNDEFINED if spec.src_uri in INDEX_PAGES else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, spec.src_uri, content="", inclusion=inclusion))
            self.specs[spec.src_uri] = spec
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(PACKAGE_DIR / "assets" / "policy-briefs.css")))
        self._render_sources(files, config)
        return files

    def _render_sources(self, files: Files, config: MkDocsConfig) -> None:
        urls = {uri: files.get_file_from_path(uri).url for uri in self.specs}

        def link(from_uri: str, to_uri: str) -> str:
            return get_relative_url(urls[to_uri], urls[from_uri]) if to_uri in urls else "#"

        env = make_environment(config.theme.dirs)
        env.globals["last_updated"] = lambda paths: last_updated(self.project_dir, paths)  # brief.md: "Last updated"
        renderer = PageRenderer(env, self.result.content, build_relations(self.result.content), link)
        for uri, spec in self.specs.items():
            files.get_file_from_path(uri).content_string = renderer.render(spec)
        self.urls = urls

    # -- pages ------------------------------------------------------------
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        article = self.result.content.articles.get(spec.key) if spec and spec.template == "brief.md" else None
        self.state = PageState(
            href=lambda target: self._href(page, target),
            autolink=article is not None,
            link_all=self.config.link == "all",
            annotations=article.annotations if article else (),
        )
        if spec is not None and spec.sources:
            page.edit_url = self._edit_url(config, spec.sources[0])
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.state = None
        return clean_page(html) if page.file.src_uri in self.specs else html

    def _href(self, page: Page, target: Target) -> str:
        uri = uri_for(target.kind, target.id)
        return get_relative_url(self.urls[uri], page.file.url) if uri in self.urls else "#"

    def _edit_url(self, config: MkDocsConfig, source: str) -> str | None:
        if not config.repo_url:
            return None
        edit_uri = self.config.edit_uri
        if edit_uri is None:
            edit_uri = (config.edit_uri or "").rstrip("/")
            docs = posixpath.basename(config.docs_dir.rstrip("/"))
            edit_uri = edit_uri[: -len(docs)] if edit_uri.endswith(docs) else edit_uri + "/"
        return urljoin(config.repo_url.rstrip("/") + "/", edit_uri.lstrip("/") + source)
