"""The site's documentation files as `briefs check` finds them, without MkDocs."""

from __future__ import annotations

from pathlib import Path

from policy_briefs.sitefiles import docs_files


def touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")


def test_the_docs_folder_the_configuration_names_with_its_tags(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\ndocs_dir: pages\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  key: !ENV [KEY, none]\n",
        encoding="utf-8",
    )
    for rel in ["pages/index.md", "pages/about/team.md", "pages/files/a map.pdf", "pages/.draft.md", "pages/.git/x.md", "pages/templates/main.html", "pages/about/templates/t.md", "docs/other.md"]:
        touch(tmp_path / rel)
    assert docs_files(tmp_path) == ["about/team.md", "about/templates/t.md", "files/a map.pdf", "index.md"]


def test_without_a_configuration_the_docs_folder(tmp_path: Path):
    touch(tmp_path / "docs" / "index.md")
    assert docs_files(tmp_path) == ["index.md"]
    (tmp_path / "mkdocs.yml").write_text("site_name: [broken\n", encoding="utf-8")
    assert docs_files(tmp_path) == ["index.md"]
