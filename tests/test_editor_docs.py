"""The editors' pages: in the site's navigation, and every error message explained."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

import test_check_command
import test_model
import test_schemas
from conftest import FIXTURES, REPOSITORY, Project
from policy_briefs.cli import main as briefs
from policy_briefs.scaffold import new_brief
from policy_briefs.validate import load_project

DOCS = REPOSITORY / "docs"
ERRORS = DOCS / "editors" / "errors.md"
EDITOR_PAGES = [
    "editors/index.md", "content-model.md", "editors/add-a-brief.md", "editors/annotate.md",
    "editors/glossary-and-actors.md", "editors/text-editor.md", "reference.md", "editors/errors.md",
    "editors/review-and-publishing.md",
]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags; they do not matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_editor_pages_are_in_the_editors_section():
    config = yaml.load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    editors = next(item["Editors"] for item in config["nav"] if isinstance(item, dict) and "Editors" in item)
    assert nav_pages(editors) == EDITOR_PAGES
    for page in EDITOR_PAGES:
        assert (DOCS / page).is_file(), page


def test_readme_links_to_the_content_model():
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert "(docs/content-model.md)" in readme
    assert (DOCS / "content-model.md").is_file()


def test_content_model_page_explains_explicit_links():
    text = (DOCS / "content-model.md").read_text(encoding="utf-8")
    for example in ("(term:arf)", "(actor:russia)", "(nolink:)"):
        assert example in text


def test_every_command_is_listed_for_editors():
    text = (DOCS / "editors" / "index.md").read_text(encoding="utf-8")
    for name in briefs.commands:
        assert f"`briefs {name}" in text, name


# -- every content problem has its explanation ----------------------------------------------


def documented_patterns() -> list[re.Pattern[str]]:
    """The messages explained in errors.md (its `###` headings), `…` standing for any text."""
    headings = re.findall(r"^### (`+) ?(.+?) ?\1$", ERRORS.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(headings) > 30
    return [re.compile(".*".join(re.escape(part) for part in text.split("…")), re.DOTALL) for _, text in headings]


def apply(project: Project, rel: str, old, new) -> None:
    if old is None:
        project.path(rel).parent.mkdir(parents=True, exist_ok=True)
        project.path(rel).write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    else:
        project.replace(rel, old, new)


def mistakes() -> list[tuple[str, str, object, object]]:
    """Every single-mistake case the content tests use: (name, file, old, new)."""
    cases = [(f"model: {name}", *change) for name, (change, _) in test_model.ONE_MISTAKE.items()]
    cases += [(f"check: {name}", rel, old, new) for name, (rel, old, new, _, _) in test_check_command.BROKEN.items()]
    cases += [(f"schema: {name}", *change) for name, change in test_schemas.BAD_INPUT.items()]
    return cases


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> dict[str, str]:
    """message -> the case that produced it, over every known mistake and an unfilled new brief."""
    found: dict[str, str] = {}
    for index, (name, rel, old, new) in enumerate(mistakes()):
        root = tmp_path_factory.mktemp("case") / "mini"
        shutil.copytree(FIXTURES / "mini", root)
        apply(Project(root), rel, old, new)
        for problem in load_project(root).problems:
            found.setdefault(problem.message, name)
    root = tmp_path_factory.mktemp("scaffold") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    new_brief(root, "draft")
    for problem in load_project(root).problems:
        found.setdefault(problem.message, "an unfilled new brief")
    return found


def test_every_error_message_is_explained(messages: dict[str, str]):
    patterns = documented_patterns()
    missing = [f"{message}  ({case})" for message, case in messages.items() if not any(p.fullmatch(message) for p in patterns)]
    assert not missing, "explain these messages in docs/editors/errors.md:\n" + "\n".join(missing)


def test_explanations_are_not_catch_alls(messages: dict[str, str]):
    """No explanation fits most messages: each says something specific."""
    for pattern in documented_patterns():
        matched = [m for m in messages if pattern.fullmatch(m)]
        assert len(matched) <= len(messages) // 4, (pattern.pattern, matched)
