"""What `briefs check`, which builds nothing, reads of the site's MkDocs configuration.

Quotes are matched against the text as the site's Markdown extensions render it, and
links are checked against the site's documentation files: both read by MkDocs itself.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, get_files

from .sitefolder import config_file as find_config_file


@dataclass(frozen=True)
class SiteSettings:
    markdown_extensions: list = field(default_factory=list)
    extension_configs: dict = field(default_factory=dict)
    docs_files: list[str] | None = field(default_factory=list)  # paths in the docs folder, with `/` (None: not known)
    unread: str | None = None  # why the configuration could not be read (None: it was, or there is none)
    unrecognized_links: bool = False  # whether a build warns of a link to no file and no address (MkDocs' validation)
    absolute_links: bool = False  # whether a build warns of an absolute link (`/page.md`)
    docs_dir: str = "docs"  # the docs folder, from the project's folder
    docs_pages: dict[str, str] = field(default_factory=dict)  # the docs folder's files by where they are published
    use_directory_urls: bool = True

    def destination(self, src_uri: str) -> str:
        """Where a build publishes a page of the docs folder, as MkDocs places it."""
        return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=self.use_directory_urls).dest_uri


def read_settings(project: Path) -> SiteSettings:
    """The project's Markdown settings and documentation files, as a build would have them."""
    config_file = find_config_file(project)
    if config_file is None:
        return SiteSettings()
    try:
        config = load_config(config_file=str(config_file))
        files = get_files(config)
    except (MkDocsException, OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return SiteSettings(docs_files=None, unread=f"{config_file.name} could not be read ({error}): quotes are matched against plain Markdown, and links to files are not checked")
    links = config.validation.links
    return SiteSettings(
        list(config.markdown_extensions), dict(config.mdx_configs), sorted(file.src_uri for file in files),
        unrecognized_links=links.unrecognized_links >= logging.WARNING, absolute_links=links.absolute_links >= logging.WARNING,
        docs_dir=Path(os.path.relpath(config.docs_dir, project)).as_posix(),
        docs_pages={file.dest_uri: file.src_uri for file in files}, use_directory_urls=config.use_directory_urls,
    )
