"""What a preview's last build warned of, for the preview's pages to show as well as the terminal.

`mkdocs serve` alone: each build's warnings are written to a file of the served site,
which a script of the preview's pages reads (see `assets/preview.js`). A page that a
mistake takes away (a brief whose front matter is wrong) is the 404 page, which shows
them too. Published builds write neither the file nor the script.
"""

from __future__ import annotations

import json
import logging

PLUGIN_PREFIX = "policy_briefs: "  # how MkDocs starts this plugin's messages
COMMANDS_LOGGER = "mkdocs.commands"  # about the command run (a `--dirty` build's notice), not the site
SERVER_LOGGER = "mkdocs.livereload"  # about the preview's server (a rebuild that failed, told after its problems), not the site
PAGE_ATTRIBUTE = "policy_briefs_page"  # a record's page (source path), when the warning is about one page's links


class BuildWarnings(logging.Handler):
    """The warnings (and errors) about the site logged while attached, one build at a time.

    It is attached from the first build on: what MkDocs says of `mkdocs.yml` as it reads it again,
    before a rebuild starts, is that rebuild's.

    A `--dirty` rebuild renders only the pages an edit changed: MkDocs warns of the others'
    links no more, so what it said of them in an earlier build is kept while they stand.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.general: list[str] = []
        self.by_page: dict[str, list[str]] = {}
        self.earlier: dict[str, list[str]] = {}
        self.rendered: set[str] = set()

    def start(self) -> None:
        """A new build: what was said of each page is kept for the pages it will not render."""
        self.earlier = self.by_page
        self.general, self.by_page, self.rendered = [], {}, set()

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == SERVER_LOGGER and record.levelno >= logging.ERROR:  # a rebuild failed, before any of its events if mkdocs.yml was wrong:
            self.general.clear()  # what MkDocs said of it is not the next rebuild's
            return
        if any(record.name == name or record.name.startswith(name + ".") for name in (COMMANDS_LOGGER, SERVER_LOGGER)):
            return
        message = record.getMessage().removeprefix(PLUGIN_PREFIX)
        page = getattr(record, PAGE_ATTRIBUTE, None)
        (self.by_page.setdefault(page, []) if page else self.general).append(message)

    def messages(self, pages: set[str]) -> list[str]:
        """This build's warnings, and an earlier build's about the pages of `pages` it did not render."""
        for page, said in self.earlier.items():
            if page in pages and page not in self.rendered:
                self.by_page.setdefault(page, said)
        return self.general + [message for page in sorted(self.by_page) for message in self.by_page[page]]


def problems_json(messages: list[str]) -> str:
    """The file the preview's script reads."""
    return json.dumps({"problems": messages}, ensure_ascii=False, indent=1) + "\n"
