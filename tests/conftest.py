"""Shared fixtures: copies of a tiny valid project that tests may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPOSITORY = Path(__file__).parent.parent


class Project:
    """A writable copy of a fixture project."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / "briefs" / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).parent.mkdir(parents=True, exist_ok=True)
        self.path(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))


@pytest.fixture
def mini(tmp_path: Path) -> Project:
    """The tiny valid project in tests/fixtures/mini."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return Project(tmp_path / "mini")


@pytest.fixture
def empty_site(tmp_path: Path) -> Path:
    """A new site's folder: an mkdocs.yml that uses the plugin, and nothing under briefs/ yet."""
    (tmp_path / "mkdocs.yml").write_text("site_name: A new site\nplugins:\n  - policy-briefs\n", encoding="utf-8")
    return tmp_path
