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


class BuildWarnings(logging.Handler):
    """The messages of the warnings (and errors) about the site logged while attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name != COMMANDS_LOGGER and not record.name.startswith(COMMANDS_LOGGER + "."):
            self.messages.append(record.getMessage().removeprefix(PLUGIN_PREFIX))


def problems_json(messages: list[str]) -> str:
    """The file the preview's script reads."""
    return json.dumps({"problems": messages}, ensure_ascii=False, indent=1) + "\n"
