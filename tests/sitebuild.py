"""Building a test project with the real `mkdocs build` and reading its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup


def build(project: Path, site_dir: Path, *extra: str, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` on a project; the result carries the log."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env)


def page(site_dir: Path, path: str, directory_urls: bool = True) -> BeautifulSoup:
    """Parse a built page: `path` like 'briefs/forum-talks' or 'glossary/arf'."""
    file = site_dir / path / "index.html" if directory_urls else site_dir / f"{path}.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")
