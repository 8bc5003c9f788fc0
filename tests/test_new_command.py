"""`briefs new`: a scaffold with every field, placeholders marked, and no overwriting."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from click.testing import CliRunner

from conftest import Project
from policy_briefs.cli import main
from policy_briefs.loader import split_front_matter
from policy_briefs.schema import AnnotationFields, ArticleFields, SourceInfo
from policy_briefs.validate import load_project

ARTICLE = "articles/new-talks.md"
NOTES = "articles/new-talks.annotations.yml"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_writes_both_files(mini: Project):
    result = run("new", "new-talks", "--project", str(mini.root))
    assert result.exit_code == 0, result.output
    assert "Wrote briefs/articles/new-talks.md" in result.output
    assert "Wrote briefs/articles/new-talks.annotations.yml" in result.output
    assert mini.path(ARTICLE).is_file() and mini.path(NOTES).is_file()


def test_every_field_is_present_and_commented(mini: Project):
    run("new", "new-talks", "--project", str(mini.root))
    front, _, _ = split_front_matter(mini.read(ARTICLE), ARTICLE)
    data = yaml.safe_load(front)
    assert set(data) == set(ArticleFields.model_fields)
    assert set(data["source"]) == set(SourceInfo.model_fields)
    notes_text = mini.read(NOTES)
    note = yaml.safe_load(notes_text)["annotations"][0]
    shown = set(note) | {name for name in ("speaker", "verdict") if f"# {name}:" in notes_text}
    assert shown == set(AnnotationFields.model_fields)
    for line in front.splitlines() + notes_text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert " # " in line, f"field without a comment: {line!r}"


def test_unfilled_scaffold_fails_on_each_placeholder_line(mini: Project):
    run("new", "new-talks", "--project", str(mini.root))
    problems = load_project(mini.root).problems
    lines = {(p.path.rsplit("/", 1)[-1], p.line) for p in problems}
    for rel in (ARTICLE, NOTES):
        for number, line in enumerate(mini.read(rel).splitlines(), start=1):
            if "FILL IN" in line and not line.lstrip().startswith(("#", "<!--")):
                assert (rel.rsplit("/", 1)[-1], number) in lines, f"{rel}:{number} {line!r} is not reported"
    assert any(p.message == "the article has no text after its front matter" for p in problems)
    assert all(p.path.startswith("briefs/articles/new-talks") for p in problems)


def fill(project: Project) -> None:
    """What an editor does with the scaffold."""
    project.replace(ARTICLE, 'title: ""', "title: New talks in the region")
    project.replace(ARTICLE, 'publisher: ""', "publisher: Example Review")
    project.replace(ARTICLE, 'published: ""', "published: 2016-06")
    project.write(ARTICLE, re.sub(r"^(summary: [>|]).*$", "\\1\n  Ministers met again.", project.read(ARTICLE), count=1, flags=re.M))
    text = project.read(ARTICLE)
    body_start = text.index("<!--")
    project.write(ARTICLE, text[:body_start] + "Ministers met again in June, and Russia’s delegates came too.\n")
    project.replace(NOTES, 'id: ""', "id: met-again")
    project.replace(NOTES, 'quote: ""', "quote: Ministers met again in June")
    project.write(NOTES, re.sub(r"^(    body: [>|]).*$", "\\1\n      They meet every year.", project.read(NOTES), count=1, flags=re.M))


def test_filled_scaffold_passes_the_check(mini: Project):
    run("new", "new-talks", "--project", str(mini.root))
    fill(mini)
    result = load_project(mini.root)
    assert result.problems == []
    article = result.content.articles["new-talks"]
    assert article.fields.source.url is None and article.fields.takeaways == []
    assert [a.id for a in article.annotations] == ["met-again"]


def test_a_list_written_in_a_scaffolded_note_keeps_its_lines(mini: Project):
    """Markdown needs a list's lines as written: the scaffold's fields keep them (|), where folding them (>) made one line."""
    run("new", "new-talks", "--project", str(mini.root))
    fill(mini)
    mini.replace(NOTES, "      They meet every year.", "      They agreed on:\n\n      - sharing intelligence;\n      - joint exercises.")
    body = load_project(mini.root).content.articles["new-talks"].annotations[0].fields.body
    assert "<li>joint exercises.</li>" in markdown.markdown(body)


def test_uncommenting_speaker_makes_a_quotation(mini: Project):
    run("new", "new-talks", "--project", str(mini.root))
    fill(mini)
    mini.replace(NOTES, "kind: context", "kind: quotation")
    mini.replace(NOTES, "# speaker: actor-id", "speaker: jane-roe")
    assert load_project(mini.root).problems == []


def test_title_option(mini: Project):
    run("new", "new-talks", "--title", "Talks: what next?", "--project", str(mini.root))
    front, _, _ = split_front_matter(mini.read(ARTICLE), ARTICLE)
    assert yaml.safe_load(front)["title"] == "Talks: what next?"


def test_a_title_yaml_would_read_as_a_number_stays_text(mini: Project):
    run("new", "new-talks", "--title", "1984", "--project", str(mini.root))
    front, _, _ = split_front_matter(mini.read(ARTICLE), ARTICLE)
    assert yaml.safe_load(front)["title"] == "1984"
    assert not [p for p in load_project(mini.root).problems if p.path == f"briefs/{ARTICLE}" and "title" in p.message]


def test_run_in_a_folder_of_the_site_it_writes_into_the_sites_briefs(mini: Project, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(mini.path("articles"))
    result = run("new", "new-talks")
    assert result.exit_code == 0 and "Wrote briefs/articles/new-talks.md" in result.output
    assert mini.path(ARTICLE).is_file() and not (mini.path("articles") / "briefs").exists()


@pytest.mark.parametrize("command", [("new", "new-talks"), ("check",)], ids=["new", "check"])
def test_run_outside_any_site_it_stops_and_says_how_to_name_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]):
    outside = tmp_path / "notes"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = CliRunner().invoke(main, list(command))
    assert result.exit_code == 2
    assert f"not in a Policy Briefs site: no mkdocs.yml in {outside.resolve()} or a folder above it" in result.output
    assert f"give the folder: briefs {command[0]} {'--project PATH' if command[0] == 'new' else 'PATH'}" in result.output
    assert list(outside.iterdir()) == []  # nothing written where the editor happened to be


@pytest.mark.parametrize("plugins", ["", "plugins:\n  - search\n  - policy-briefs:\n      link: first\nextra: !ENV [SITE, x]\n"], ids=["another-site", "a-new-site"])
def test_in_a_folder_of_another_mkdocs_site_new_writes_nothing_but_in_a_new_site_it_starts_briefs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugins: str):
    (tmp_path / "mkdocs.yml").write_text(f"site_name: A site\n{plugins}", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    result = CliRunner().invoke(main, ["new", "new-talks"])
    if plugins:
        assert result.exit_code == 0, result.output
        assert (tmp_path / "briefs" / "articles" / "new-talks.md").is_file()
    else:
        assert result.exit_code == 2
        assert f"{tmp_path / 'mkdocs.yml'} has no briefs/ folder beside it and does not use the policy-briefs plugin" in result.output
        assert not (tmp_path / "briefs").exists()


@pytest.mark.parametrize("command", [("new", "new-talks"), ("import", "page.txt"), ("schema",)], ids=["new", "import", "schema"])
@pytest.mark.parametrize("folder", ["mistyped", "plain"], ids=["no-such-folder", "no-mkdocs-yml"])
def test_a_project_folder_that_is_no_site_is_refused_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], folder: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text("Ministers met again in June.\n", encoding="utf-8")
    (tmp_path / "plain").mkdir()
    result = CliRunner().invoke(main, [*command, "--project", folder])
    assert result.exit_code == 2
    reason = "there is no such folder" if folder == "mistyped" else "it holds no mkdocs.yml"
    assert f"{folder} is not a Policy Briefs site's folder: {reason}. Run the command in the site's folder, or give the folder: briefs {command[0]} --project PATH" in result.output
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["page.txt", "plain"]


def test_check_of_the_sites_briefs_folder_asks_for_the_site_s_folder(mini: Project, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(mini.root)
    result = CliRunner().invoke(main, ["check", "briefs"])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: briefs is a site's briefs/ folder: give the site's folder, which holds it: briefs check ."


def test_check_of_a_folder_with_no_briefs_says_so_without_a_made_up_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: no briefs/ folder in {tmp_path}: give the folder of a Policy Briefs site (the one with mkdocs.yml and briefs/)"
    missing = CliRunner().invoke(main, ["check", str(tmp_path / "elsewhere")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


@pytest.mark.parametrize(("slug", "hint"), [
    ("New_Talks", "(try 'new-talks')"),
    ("new--talks", "(try 'new-talks')"),
    ("talks-", "(try 'talks')"),
    ("talks.md", "(try 'talks-md')"),
    ("Index", ""),  # ('index' is the site's own page: nothing suggested)
    ("", ""),
])
def test_refuses_an_invalid_slug(empty_site: Path, slug: str, hint: str):
    result = run("new", slug, "--project", str(empty_site))
    assert result.exit_code == 1
    assert f"'{slug}' is not a valid slug: use lowercase letters, digits and single hyphens" in result.output
    assert hint in result.output if hint else "(try" not in result.output
    assert not (empty_site / "briefs").exists()


@pytest.mark.parametrize("slug", ["index", "tags"])
def test_refuses_a_slug_whose_page_is_the_sites_own(empty_site: Path, slug: str):
    result = run("new", slug, "--project", str(empty_site))
    assert result.exit_code == 1
    assert f"'{slug}' is taken: a brief's page of that name would replace the site's page briefs/{slug}.md" in result.output
    assert not (empty_site / "briefs").exists()


def test_refuses_to_overwrite(mini: Project):
    before = {rel: mini.read(rel) for rel in ("articles/forum-talks.md", "articles/forum-talks.annotations.yml")}
    result = run("new", "forum-talks", "--project", str(mini.root))
    assert result.exit_code == 1
    assert "briefs/articles/forum-talks.md, briefs/articles/forum-talks.annotations.yml already exist" in result.output
    assert "--force" in result.output
    assert {rel: mini.read(rel) for rel in before} == before


def test_refuses_when_only_the_notes_exist(mini: Project):
    mini.write(NOTES, "annotations: []\n")
    result = run("new", "new-talks", "--project", str(mini.root))
    assert result.exit_code == 1
    assert "briefs/articles/new-talks.annotations.yml already exists" in result.output
    assert not mini.path(ARTICLE).exists()


def test_force_overwrites(mini: Project):
    result = run("new", "forum-talks", "--force", "--project", str(mini.root))
    assert result.exit_code == 0, result.output
    assert "FILL IN" in mini.read("articles/forum-talks.md")
