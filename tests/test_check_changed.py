"""`briefs check --changed REF` on a temporary git repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, Project
from gitutil import git, init_repository
from policy_briefs.changes import broken_notes, changed_files, line_after_edit
from policy_briefs.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARTICLE = "articles/forum-talks.md"
NOTES = "articles/forum-talks.annotations.yml"


@pytest.fixture
def repo(tmp_path: Path) -> Project:
    """The mini project, committed, with one problem already on main (an unknown field)."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", root)
    project = Project(root)
    project.replace("glossary/eas.yml", "related: [arf]", "relatd: [arf]")
    init_repository(root)
    return project


def check(project: Project, *args: str):
    return CliRunner().invoke(main, ["check", str(project.root), *args], catch_exceptions=False)


def edit_article(project: Project) -> None:
    """Reword two annotated passages."""
    project.replace(ARTICLE, "The ASEAN Regional Forum met while ASEAN watched.", "The ASEAN Regional Forum convened while ASEAN watched.")
    project.replace(ARTICLE, "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN have agreed.")


def test_nothing_changed(repo: Project):
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No problems (0 content files changed since HEAD); 1 more in unchanged files (run `briefs check` to see them)."


def test_problems_only_in_changed_files(repo: Project):
    repo.replace("actors/russia.yml", "type: state", "type: stat")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("briefs/actors/russia.yml:2: type must be one of")
    assert not any("eas.yml" in line for line in lines)  # unchanged: not this change's problem
    assert lines[-1] == "1 problem found (1 content file changed since HEAD); 1 more in unchanged files (run `briefs check` to see them)"


def test_a_clash_is_the_change_s_problem_in_the_changed_file_and_the_unchanged_one(repo: Project):
    repo.replace("glossary/arf.yml", "expansion: ASEAN Regional Forum", "expansion: ASEAN Regional Forum\naliases: [Kremlin]")  # an alias of russia.yml
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "briefs/actors/russia.yml:3: “Kremlin” is also a surface form of briefs/glossary/arf.yml (two entities may not share a surface form: remove or change one)",
        "briefs/glossary/arf.yml:3: “Kremlin” is also a surface form of briefs/actors/russia.yml (two entities may not share a surface form: remove or change one)",
        "2 problems found (1 content file changed since HEAD); 1 more in unchanged files (run `briefs check` to see them)",
    ]


def test_deleting_an_actor_shows_the_references_it_broke_in_unchanged_files(repo: Project):
    repo.path("actors/jane-roe.yml").unlink()
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    problems = [line for line in lines if line.startswith("briefs/articles/")]
    assert [line.split(": ", 1)[1] for line in problems] == ["unknown actor 'jane-roe' (create briefs/actors/jane-roe.yml)"] * 2
    assert relinked_lines(result.output) == ["briefs/articles/forum-talks.md:21: 'Jane Roe' no longer links to actor:jane-roe"]
    assert lines[-1].startswith("2 problems found (1 content file changed since HEAD)")


def test_renaming_a_note_shows_the_links_to_it_it_broke_in_unchanged_articles(tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", root)
    project = Project(root)
    project.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\nSee [the note](forum-talks.md#note-agreed).\n")
    init_repository(root)
    project.replace(NOTES, "id: agreed", "id: agreement")
    result = check(project, "--changed", "HEAD")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0].startswith("briefs/articles/second.md:8: link 'forum-talks.md#note-agreed' names no note of the brief 'forum-talks'")


def test_a_published_note_s_id_given_another_is_told_on_its_line(repo: Project):
    repo.replace(NOTES, "id: agreed", "id: agreement")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1, result.output
    line = next(n for n, text in enumerate(repo.read(NOTES).splitlines(), 1) if "id: agreement" in text)
    assert f"briefs/{NOTES}:{line}: note 'agreement' was published as note 'agreed': links to #note-agreed would lead nowhere (keep its id, agreed: a note's id never changes once published)" in result.output.splitlines()
    assert result.output.splitlines()[-1] == "1 problem found (1 content file changed since HEAD); 1 more in unchanged files (run `briefs check` to see them)"


def test_a_note_taken_out_and_a_new_one_on_another_passage_are_no_renamed_note(repo: Project):
    text = repo.read(NOTES)
    start = text.index("  - id: agreed")
    end = text.find("\n  - id:", start + 1)
    new_note = "  - id: moscow\n    kind: question\n    quote: came from Moscow\n    body: Who came?\n"
    repo.write(NOTES, text[:start] + (text[end + 1 :] if end >= 0 else "") + new_note)
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 0, result.output
    assert "was published as" not in result.output


@pytest.mark.parametrize(("old", "new", "told"), [
    ("glossary/eas.yml", "glossary/east-asia-summit.yml", "briefs/glossary/east-asia-summit.yml:1: the entry's id changes from 'eas' to 'east-asia-summit' (its file is renamed): its published page, glossary/eas/, and the links to it would lead nowhere (keep the file's name, eas.yml: an id never changes once published)"),
    ("articles/forum-talks.md", "articles/forum-meetings.md", "briefs/articles/forum-meetings.md:1: the brief's slug changes from 'forum-talks' to 'forum-meetings' (its file is renamed): its published page, briefs/forum-talks/, and the links to it would lead nowhere (keep the file's name, forum-talks.md: an id never changes once published)"),
])
def test_a_published_file_renamed_is_told_its_page_s_address_would_be_gone(repo: Project, old: str, new: str, told: str):
    git(repo.root, "mv", f"briefs/{old}", f"briefs/{new}")
    if old.endswith(".md"):
        git(repo.root, "mv", f"briefs/{NOTES}", f"briefs/{new.removesuffix('.md')}.annotations.yml")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1, result.output
    assert told in result.output.splitlines()
    assert result.output.count("its file is renamed") == 1  # (the annotations file follows its article: no slug of its own)


def test_an_entry_s_file_renamed_but_not_yet_added_to_git_is_told(repo: Project):
    repo.path("glossary/eas.yml").rename(repo.path("glossary/east-asia-summit.yml"))
    result = check(repo, "--changed", "HEAD")
    assert "briefs/glossary/east-asia-summit.yml:1: the entry's id changes from 'eas' to 'east-asia-summit'" in result.output


def test_a_file_moved_into_a_folder_is_no_rename_of_its_id(repo: Project):
    repo.path("glossary/old").mkdir()
    git(repo.root, "mv", "briefs/glossary/eas.yml", "briefs/glossary/old/eas.yml")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1 and "briefs/glossary/old/eas.yml:1: file is not part of the content model" in result.output
    assert "changes from" not in result.output


def test_of_two_notes_on_one_passage_the_one_renamed_is_told(repo: Project):
    text = repo.read(NOTES)
    repo.write(NOTES, text + "  - id: forum-question\n    kind: question\n    quote: ASEAN Regional Forum met\n    body: When?\n")
    git(repo.root, "commit", "-q", "-am", "A second note on the passage")
    repo.replace(NOTES, "id: forum-met", "id: forum-meeting")
    assert "note 'forum-meeting' was published as note 'forum-met'" in check(repo, "--changed", "HEAD").output


def test_a_new_actor_whose_page_a_hand_written_page_hides_is_told(repo: Project):
    (repo.root / "docs" / "actors" / "indonesia").mkdir(parents=True)
    (repo.root / "docs" / "actors" / "indonesia" / "index.md").write_text("# Indonesia\n", encoding="utf-8")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "A page of the docs")
    repo.write("actors/indonesia.yml", "name: Indonesia\ntype: state\nsummary: A state.\n")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1 and "docs/actors/indonesia/index.md:1: hides the page the content makes at its address" in result.output


def test_untracked_files_count_as_changed(repo: Project):
    repo.write("actors/new-actor.yml", "name: New Actor\ntype: persn\nsummary: Someone.\n")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1
    assert "briefs/actors/new-actor.yml:2: type must be one of person, state, organization, not 'persn'" in result.output


def test_committed_changes_since_a_branch(repo: Project):
    git(repo.root, "checkout", "-q", "-b", "edit")
    edit_article(repo)
    git(repo.root, "commit", "-q", "-am", "Reword")
    result = check(repo, "--changed", "main")
    assert result.exit_code == 1
    assert "briefs/articles/forum-talks.annotations.yml:4: quote not found in the article" in result.output
    assert check(repo, "--changed", "HEAD").exit_code == 0  # nothing changed since the edit itself


def test_a_branch_behind_its_base_is_told_of_its_own_changes_alone(repo: Project):
    git(repo.root, "checkout", "-q", "-b", "edit")
    repo.replace("actors/russia.yml", "type: state", "type: stat")
    git(repo.root, "commit", "-q", "-am", "A mistake of the branch's")
    git(repo.root, "checkout", "-q", "main")
    edit_article(repo)  # main moves on after the branch left it: its article and notes differ from the branch's
    git(repo.root, "commit", "-q", "-am", "Reword on main")
    git(repo.root, "checkout", "-q", "edit")
    result = check(repo, "--changed", "main")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.output.splitlines() if line.startswith("briefs/")] == ["briefs/actors/russia.yml"], result.output
    assert "1 problem found (1 content file changed since main)" in result.output


def test_edited_article_lists_the_notes_it_broke(repo: Project):
    edit_article(repo)
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "briefs/articles/forum-talks.md changed since HEAD; 2 notes no longer anchor:" in lines
    assert any(line.startswith("  briefs/articles/forum-talks.annotations.yml:4: note 'forum-met' “ASEAN Regional Forum met” no longer anchors; closest new passage, ") for line in lines), result.output
    assert any(line.startswith("  briefs/articles/forum-talks.annotations.yml:28: note 'agreed'") and line.endswith("similar, on line 21: “Russia and ASEAN have agreed.”") for line in lines), result.output
    # the annotations file did not change, but its problems are this edit's
    assert any(line.startswith("briefs/articles/forum-talks.annotations.yml:4: quote not found") for line in lines)
    assert lines[-1].startswith("2 problems found (1 content file changed since HEAD); 1 more")


def test_broken_notes_in_detail(repo: Project):
    edit_article(repo)
    notes = broken_notes(repo.root, "HEAD", changed_files(repo.root, "HEAD"))
    assert [(n.id, n.line, n.matches) for n in notes] == [("forum-met", 4, 0), ("agreed", 28, 0)]
    agreed = notes[1]
    assert agreed.closest.text == "Russia and ASEAN have agreed." and agreed.closest.block == 3


def test_a_note_that_now_matches_twice(repo: Project):
    repo.replace(ARTICLE, "Russia’s delegates came from Moscow.", "Russia’s delegates came from Moscow. Russia’s delegates came from Moscow.")
    notes = broken_notes(repo.root, "HEAD", changed_files(repo.root, "HEAD"))
    assert [(n.id, n.matches) for n in notes] == [("delegates", 2)]
    assert "now matches 2 passages" in notes[0].describe()


def test_note_fixed_in_the_same_change_is_not_listed(repo: Project):
    edit_article(repo)
    repo.replace(NOTES, "quote: ASEAN Regional Forum met", "quote: ASEAN Regional Forum convened")
    repo.replace(NOTES, "quote: Russia and ASEAN agreed", "quote: Russia and ASEAN have agreed")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 0, result.output
    assert "no longer anchor" not in result.output


def test_front_matter_edit_breaks_no_note(repo: Project):
    repo.replace(ARTICLE, "title: Forum talks in the region", "title: Forum talks in the region, revisited")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 0, result.output
    assert "no longer anchor" not in result.output


def test_new_article_is_checked_but_lists_no_broken_notes(repo: Project):
    repo.write("articles/fresh.md", "---\ntitle: Fresh\nsource:\n  publisher: X\n  published: 2020\nsummary: S.\n---\nSome text.\n")
    repo.write("articles/fresh.annotations.yml", "annotations:\n  - id: a\n    kind: context\n    quote: other text\n    body: B.\n")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 1
    assert "briefs/articles/fresh.annotations.yml:4: quote not found" in result.output
    assert "no longer anchor" not in result.output


def test_github_format(repo: Project):
    edit_article(repo)
    result = check(repo, "--changed", "HEAD", "--format", "github")
    lines = result.output.splitlines()
    assert lines[0].startswith("::error file=briefs/articles/forum-talks.annotations.yml,line=4::quote not found")
    assert "::group::briefs/articles/forum-talks.md: 2 notes no longer anchor after the edit" in lines
    assert "::endgroup::" in lines


def test_unknown_ref(repo: Project):
    result = check(repo, "--changed", "no-such-branch")
    assert result.exit_code == 2
    assert "'no-such-branch' is not a commit, branch or tag here" in result.output


def test_not_a_repository(mini: Project):
    result = check(mini, "--changed", "HEAD")
    assert result.exit_code == 2
    assert "is not in a git repository" in result.output


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path):
    root = tmp_path / "outer"
    shutil.copytree(FIXTURES / "mini", root / "site")
    init_repository(root)
    project = Project(root / "site")
    edit_article(project)
    result = check(project, "--changed", "HEAD")
    assert result.exit_code == 1
    assert "briefs/articles/forum-talks.md changed since HEAD; 2 notes no longer anchor:" in result.output


def relinked_lines(output: str) -> list[str]:
    """The lines `--changed` gives under its list of names the briefs link otherwise."""
    lines = output.splitlines()
    start = next((n for n, line in enumerate(lines) if "the briefs link" in line), len(lines))
    return [line.strip() for line in lines[start + 1 :] if line.startswith("  ")]


def test_taking_an_alias_away_lists_the_names_it_no_longer_links(repo: Project):
    repo.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Kremlin]")
    result = check(repo, "--changed", "HEAD")
    assert result.exit_code == 0, result.output  # told, not a problem
    assert "briefs/actors/russia.yml changed since HEAD; the briefs link 1 name otherwise:" in result.output
    assert relinked_lines(result.output) == ["briefs/articles/forum-talks.md:15: 'Moscow' no longer links to actor:russia"]


def test_an_alias_added_moved_or_taken_from_a_longer_name_is_told_on_each_line(repo: Project):
    repo.replace("glossary/arf.yml", "expansion: ASEAN Regional Forum\n", "aliases: [Delegates]\n")  # "ASEAN" alone links now
    repo.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Kremlin]")
    repo.replace("glossary/eas.yml", "relatd: [arf]", "related: [arf]\naliases: [Moscow]")
    result = check(repo, "--changed", "HEAD")
    assert relinked_lines(result.output) == [
        "briefs/articles/forum-talks.md:15: 'ASEAN Regional Forum' no longer links to term:arf: now 'ASEAN' to actor:asean",
        "briefs/articles/forum-talks.md:15: 'Moscow' now links to term:eas, not actor:russia",
        "briefs/articles/forum-talks.md:19: 'Delegates' now links to term:arf",
    ], result.output


def test_each_copy_of_a_name_is_told_on_its_own_line(repo: Project):
    repo.replace(ARTICLE, "Ask [the forum]", "Moscow said so.\n\nMoscow, again.\n\nAsk [the forum]")
    git(repo.root, "commit", "-q", "-am", "Moscow twice more")
    repo.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Kremlin]")
    result = check(repo, "--changed", "HEAD")
    assert [line.split(": ")[0] for line in relinked_lines(result.output)] == [f"briefs/articles/forum-talks.md:{n}" for n in (15, 25, 27)], result.output


def test_an_article_s_own_edit_is_not_told_as_names_linked_otherwise(repo: Project):
    repo.replace(ARTICLE, "Russia’s delegates came from Moscow.", "Russia’s delegates came.")
    repo.replace("glossary/arf.yml", "related: [eas]", "related: [eas]\naliases: [Delegates]")
    result = check(repo, "--changed", "HEAD")
    assert relinked_lines(result.output) == ["briefs/articles/forum-talks.md:19: 'Delegates' now links to term:arf"], result.output


def test_names_linked_otherwise_in_a_pull_request_s_log(repo: Project):
    repo.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Kremlin]")
    lines = check(repo, "--changed", "HEAD", "--format", "github").output.splitlines()
    group = lines.index("::group::briefs/actors/russia.yml: the briefs link 1 name otherwise")
    assert lines[group + 1 : group + 3] == ["  briefs/articles/forum-talks.md:15: 'Moscow' no longer links to actor:russia", "::endgroup::"]


def test_a_name_written_twice_on_a_line_is_told_once_with_how_often_and_as_it_reads(repo: Project):
    repo.replace(ARTICLE, "Ask [the forum]", "Mos\u00adcow and Moscow again.\n\nAsk [the forum]")
    git(repo.root, "commit", "-q", "-am", "Moscow twice on a line, once with a soft hyphen")
    repo.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Kremlin]")
    assert relinked_lines(check(repo, "--changed", "HEAD").output)[1:] == ["briefs/articles/forum-talks.md:25: 'Moscow' no longer links to actor:russia (twice)"]


def test_a_note_an_edit_broke_is_annotated_on_the_edited_line_of_the_article_in_a_pull_request(repo: Project):
    edit_article(repo)
    lines = check(repo, "--changed", "HEAD", "--format", "github").output.splitlines()
    on_the_article = [line for line in lines if line.startswith("::error file=briefs/articles/forum-talks.md,")]
    assert [line.split("::")[1:] for line in on_the_article] == [  # each on the line the edit changed, not where its closest passage is
        ["error file=briefs/articles/forum-talks.md,line=15", "this edit breaks note 'forum-met' (briefs/articles/forum-talks.annotations.yml:4),"
         " which quotes “ASEAN Regional Forum met” (closest new passage, 85%25 similar, on line 17: “in ASEAN Regional Forum”)"],
        ["error file=briefs/articles/forum-talks.md,line=21", "this edit breaks note 'agreed' (briefs/articles/forum-talks.annotations.yml:28),"
         " which quotes “Russia and ASEAN agreed” (closest new passage, 88%25 similar, on line 21: “Russia and ASEAN have agreed.”)"],
    ], lines


def test_a_line_after_an_edit_is_the_same_line_or_the_first_written_in_its_place():
    old = "a\nb\nc\nd"
    assert [line_after_edit(old, "a\nB changed\nc\nd", line) for line in range(4)] == [0, 1, 2, 3]
    assert [line_after_edit(old, "new\na\nc\nd", line) for line in range(4)] == [1, 2, 2, 3]  # b removed: the line now in its place
    assert line_after_edit(old, "a\nb1\nb2\nb3\nc\nd", 2) == 4
    assert line_after_edit(old, "a\nb", 3) == 1  # (lines taken away at the end: the last line left)


def test_a_pull_request_s_summary_holds_the_report_as_text_from_the_one_check_that_annotates_the_diff(repo: Project, tmp_path: Path):
    edit_article(repo)
    repo.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Kremlin]")
    summary = tmp_path / "summary.md"
    summary.write_text("### An earlier step's summary\n", encoding="utf-8")
    annotated = check(repo, "--changed", "HEAD", "--format", "github", "--summary", str(summary))
    plain = check(repo, "--changed", "HEAD")
    assert annotated.exit_code == plain.exit_code == 1
    assert any(line.startswith("::error ") for line in annotated.output.splitlines())
    assert summary.read_text(encoding="utf-8") == f"### An earlier step's summary\n### Content check of the files changed since HEAD\n\n```\n{plain.output}```\n"


def test_a_summary_s_fence_is_longer_than_any_run_of_backticks_in_the_report(repo: Project, tmp_path: Path):
    repo.replace("actors/russia.yml", "type: state", "type: st```ate")
    summary = tmp_path / "summary.md"
    result = check(repo, "--summary", str(summary))
    assert result.exit_code == 1
    assert summary.read_text(encoding="utf-8") == f"### Content check\n\n````\n{result.output}````\n"
