""""Last updated" on brief pages: the date of the last commit touching a brief's files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from gitutil import git, init_repository
from policy_briefs.history import last_updated

ARTICLE = "briefs/articles/forum-talks.md"
ANNOTATIONS = "briefs/articles/forum-talks.annotations.yml"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "mini", root)
    init_repository(root, date="2024-03-05T12:00:00+00:00")
    return root


def test_date_of_the_last_commit(repository: Path):
    assert last_updated(repository, [ARTICLE, ANNOTATIONS]) == "2024-03-05"


def test_newest_of_several_files(repository: Path):
    (repository / ANNOTATIONS).write_text((repository / ANNOTATIONS).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "Touch the notes", date="2025-01-31T23:30:00+00:00")
    assert last_updated(repository, [ARTICLE]) == "2024-03-05"
    assert last_updated(repository, [ARTICLE, ANNOTATIONS]) == "2025-01-31"


def test_committer_date_not_author_date(repository: Path):
    (repository / ARTICLE).write_text((repository / ARTICLE).read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    git(repository, "add", ARTICLE)
    env_date = "2025-06-01T10:00:00+00:00"
    git(repository, "commit", "-q", "-m", "Edit", "--date", "2020-01-01T00:00:00+00:00", date=env_date)
    assert last_updated(repository, [ARTICLE]) == "2025-06-01"


def test_untracked_file_has_no_date(repository: Path):
    (repository / "briefs/articles/new.md").write_text("---\n---\n", encoding="utf-8")
    assert last_updated(repository, ["briefs/articles/new.md"]) is None


def test_outside_git_no_date_and_no_error(tmp_path: Path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "plain")
    assert last_updated(tmp_path / "plain", [ARTICLE]) is None
    assert last_updated(tmp_path / "missing-folder", [ARTICLE]) is None


def test_no_paths_no_date(repository: Path):
    assert last_updated(repository, []) is None


def test_without_git_installed(repository: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "")
    assert last_updated(repository, [ARTICLE]) is None


MKDOCS_YML = "site_name: Test\ntheme:\n  name: material\nplugins:\n  - policy-briefs\n"


def write_site_files(root: Path) -> None:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")


def build(root: Path) -> str:
    """Build the site in `root`; the brief page's HTML."""
    if not (root / "mkdocs.yml").exists():
        write_site_files(root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(root / "out")],
        cwd=root, capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return (root / "out" / "briefs" / "forum-talks" / "index.html").read_text(encoding="utf-8")


def test_brief_page_shows_last_updated(tmp_path: Path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "mini", root)
    write_site_files(root)
    init_repository(root, date="2024-03-05T12:00:00+00:00")
    html = build(root)
    assert '<dt>Brief updated</dt> <dd><time datetime="2024-03-05">5 March 2024</time></dd>' in html
    assert build(root) == html  # the same checkout builds the same page


def test_brief_page_outside_git_has_no_last_updated_row(tmp_path: Path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "mini", root)
    html = build(root)
    assert "Brief updated" not in html
    assert "<dt>Publisher</dt>" in html
