"""The site's hand-written documentation files, found as MkDocs finds them (for `briefs check`, which builds nothing)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
DEFAULT_DOCS_DIR = "docs"


class _AnyTagLoader(yaml.SafeLoader):
    """Reads a configuration's plain values; its `!!python/...` and `!ENV` tags are read as nothing."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def docs_dir(project: Path) -> Path:
    """The folder `docs_dir` in the project's configuration names (`docs` when it names none)."""
    for name in CONFIG_NAMES:
        config = project / name
        if config.is_file():
            try:
                data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506 (a safe loader)
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                break  # MkDocs reports a broken configuration itself
            folder = data.get("docs_dir") if isinstance(data, dict) else None
            return project / (folder if isinstance(folder, str) and folder else DEFAULT_DOCS_DIR)
    return project / DEFAULT_DOCS_DIR


def docs_files(project: Path) -> list[str]:
    """Paths (with `/`) of the files in the docs folder, but those MkDocs leaves out by default (dot-files, `templates/`)."""
    root = docs_dir(project)
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative = Path(folder).relative_to(root).as_posix()
        if relative == "templates":
            subfolders[:] = []
            continue
        prefix = "" if relative == "." else relative + "/"
        found += [prefix + name for name in sorted(files) if not name.startswith(".")]
    return sorted(found)
