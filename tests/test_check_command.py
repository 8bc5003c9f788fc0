"""`briefs check`: exit codes and located messages an editor reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPOSITORY, Project


def run_check(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "policy_briefs.cli", "check", str(project), *args],
        capture_output=True, text=True, check=False,
    )


def test_repository_content_is_clean():
    result = run_check(REPOSITORY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems" in result.stdout


def test_clean_fixture_passes(mini: Project):
    result = run_check(mini.root)
    assert result.returncode == 0, result.stdout
    assert "1 brief, 5 annotations" in result.stdout


@pytest.mark.parametrize("written", ["glossary/eas.md", "glossary/eas/index.md", "glossary/eas/README.md"])
def test_a_hand_written_page_where_the_content_makes_one_is_told_by_the_check_as_by_the_build(mini: Project, tmp_path: Path, written: str):
    page = mini.root / "docs" / written
    page.parent.mkdir(parents=True)
    page.write_text("# My own EAS page\n", encoding="utf-8")
    result = run_check(mini.root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"docs/{written}:1: hides the page the content makes at its address (rename or remove it)"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(mini.root / "mkdocs.yml"), "-d", str(tmp_path / "site")], capture_output=True, text=True, check=False)
    assert build.returncode != 0 and f"docs/{written} hides the page the content makes at its address; rename or remove it" in build.stderr
    assert "My own EAS page" in (tmp_path / "site" / "glossary" / "eas" / "index.html").read_text(encoding="utf-8")


BROKEN = {
    "fields between --- lines, as in an article": (
        "actors/russia.yml", "name: Russia\n", "---\nname: Russia\n---\n",
        "briefs/actors/russia.yml:3: more than one YAML document: the file holds its fields once", "remove the --- lines",
    ),
    "quote not in the article": (
        "articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: ASEAN Regional Forum meets",
        "briefs/articles/forum-talks.annotations.yml:4: quote not found in the article", "closest passage",
    ),
    "ambiguous quote": (
        "articles/forum-talks.annotations.yml", '    prefix: "so will the "\n', "",
        "briefs/articles/forum-talks.annotations.yml:14: quote matches 2 passages", "add a 'prefix' or 'suffix'",
    ),
    "unknown id": (
        "articles/forum-talks.annotations.yml", "speaker: jane-roe", "speaker: jane-doe",
        "briefs/articles/forum-talks.annotations.yml:11: unknown actor 'jane-doe'", "did you mean 'jane-roe'?",
    ),
    "unknown field": (
        "glossary/eas.yml", "related: [arf]", "relatd: [arf]",
        "briefs/glossary/eas.yml:5: unknown field 'relatd'", "did you mean 'related'?",
    ),
    "malformed YAML": (
        "actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin",
        "briefs/actors/russia.yml:3: malformed YAML", "close the list with ]",
    ),
    "bad date": (
        "articles/forum-talks.md", "published: 2016-05-04", "published: 2016-02-30",
        "briefs/articles/forum-talks.md:6: published: day 30 does not exist in 2016-02", "",
    ),
    "embedded video": (
        "articles/forum-talks.md", "Ask [the forum]", '<iframe src="https://example.org/talk"></iframe> Ask [the forum]',
        "briefs/articles/forum-talks.md:25: HTML element <iframe> is removed from the page", "link to it instead",
    ),
    "style attribute": (
        "articles/forum-talks.md", "Ask [the forum]", '<span style="color: red">Ask</span> [the forum]',
        "briefs/articles/forum-talks.md:25: attribute 'style' of <span> is removed from the page", "no styles",
    ),
    "term link in HTML": (
        "articles/forum-talks.md", "Ask [the forum](term:arf)", 'Ask <a href="term:arf">the forum</a>',
        "briefs/articles/forum-talks.md:25: href=\"term:arf\" in HTML is not resolved", "write [its text](term:arf)",
    ),
    "script URL in HTML": (
        "articles/forum-talks.md", "Ask [the forum]", '<a href="javascript:go()">Go</a>. Ask [the forum]',
        "briefs/articles/forum-talks.md:25: href=\"javascript:go()\" in HTML loses its address", "https://",
    ),
    "file link in HTML": (
        "articles/forum-talks.md", "Ask [the forum]", '<a href="forum-talks.md">Here</a>. Ask [the forum]',
        "briefs/articles/forum-talks.md:25: href=\"forum-talks.md\" in HTML names a file", "write [its text](forum-talks.md)",
    ),
    "theme id": (
        "articles/forum-talks.md", "Ask [the forum]", '<span id="__config">x</span> Ask [the forum]',
        "briefs/articles/forum-talks.md:25: attribute id=\"__config\" of <span> is removed", "choose another name",
    ),
    "script in an article": (
        "articles/forum-talks.md", "Ask [the forum]", "<script>go()</script>\n\nAsk [the forum]",
        "briefs/articles/forum-talks.md:25: <script> is removed with what it holds", "remove it",
    ),
    "image in a note": (
        "articles/forum-talks.annotations.yml", "      The forum has met every year since 1994.\n", "      The forum has met every year since 1994.\n\n      ![map](https://example.org/map.png)\n",
        "briefs/articles/forum-talks.annotations.yml:8: an image is not shown in the body", "link to the image instead",
    ),
    "heading in a definition": (
        "glossary/arf.yml", "definition: |\n", "definition: |\n  # The forum\n\n",
        "briefs/glossary/arf.yml:4: a heading is shown as plain text in the definition", "**bold**",
    ),
    "heading further down a note": (
        "articles/forum-talks.annotations.yml", "      The forum has met every year since 1994.\n", "      The forum has met every year since 1994.\n\n      ## Since then\n\n      More.\n",
        "briefs/articles/forum-talks.annotations.yml:8: a heading is shown as plain text in the body", "**bold**",
    ),
    "style in a definition": (
        "glossary/arf.yml", "It first met in 1994.", 'It first met in <span style="color: red">1994</span>.',
        "briefs/glossary/arf.yml:4: attribute 'style' of <span> is removed from the definition", "keeps no attributes",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_mistake_is_reported_with_file_and_line(mini: Project, case: str):
    rel, old, new, expected, hint = BROKEN[case]
    mini.replace(rel, old, new)
    result = run_check(mini.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    matching = [line for line in lines if line.startswith(expected)]
    assert matching, result.stdout
    assert hint in matching[0]
    assert lines[-1].startswith("1 problem found")


def test_a_shared_surface_form_is_reported_in_both_files(mini: Project):
    mini.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin, ARF]")
    result = run_check(mini.root)
    assert result.returncode == 1 and result.stdout.splitlines() == [
        "briefs/actors/russia.yml:3: “ARF” is also a surface form of briefs/glossary/arf.yml (two entities may not share a surface form: remove or change one)",
        "briefs/glossary/arf.yml:1: “ARF” is also a surface form of briefs/actors/russia.yml (two entities may not share a surface form: remove or change one)",
        "2 problems found (1 brief, 5 annotations, 2 glossary entries, 3 actors read)",
    ], result.stdout


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["windows", "old mac"])
def test_files_saved_with_other_line_ends_are_reported_on_the_same_lines(mini: Project, ending: str):
    mini.replace("articles/forum-talks.md", "(term:arf)", "(term:arff)")
    mini.replace("articles/forum-talks.annotations.yml", "speaker: jane-roe", "speaker: jane-doe")
    for rel in ("articles/forum-talks.md", "articles/forum-talks.annotations.yml"):
        mini.path(rel).write_bytes(mini.read(rel).replace("\n", ending).encode("utf-8"))
    result = run_check(mini.root)
    assert result.stdout.splitlines()[:-1] == [
        "briefs/articles/forum-talks.annotations.yml:11: unknown actor 'jane-doe' (did you mean 'jane-roe'?)",
        "briefs/articles/forum-talks.md:25: link to unknown glossary entry 'term:arff' (did you mean 'arf'?)",
    ], result.stdout


def test_markup_an_extension_writes_is_reported_as_the_extensions(mini: Project):
    settings = mini.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.tasklist\n", 1), encoding="utf-8")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "- [x] done\n- [ ] open\n\nAsk [the forum]")
    result = run_check(mini.root)
    assert result.stdout.splitlines()[:-1] == [
        "briefs/articles/forum-talks.md:15: HTML element <input> is removed from the page (only text markup is kept)"
        " (a Markdown extension in mkdocs.yml writes it: leave the extension out, or use it without this)"
    ], result.stdout


def test_quotes_and_links_are_read_as_the_site_renders_them(mini: Project):
    table = "| state | ties |\n| --- | --- |\n| Thailand | treaty ally |\n\n~~~\n[x](term:nope) mentions the summit\n~~~\n\n"
    mini.replace("articles/forum-talks.md", "Ask [the forum]", table + "Ask [the forum]")
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: Thailand | treaty ally")
    result = run_check(mini.root)
    # MkDocs' tables and fenced code, on in every build: a quote across two cells is not found, and code holds no link.
    problems = result.stdout.splitlines()[:-1]
    assert len(problems) == 1 and problems[0].startswith("briefs/articles/forum-talks.annotations.yml:4: quote not found in the article: “Thailand | treaty ally”"), result.stdout


def test_a_quote_matching_many_passages_shows_three_as_a_reader_reads_them_in_whole_words_with_their_lines(mini: Project):
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: ASEAN")
    result = run_check(mini.root)
    assert result.stdout.splitlines()[0] == (  # (the heading without the permalink the site's toc gives it)
        "briefs/articles/forum-talks.annotations.yml:4: quote matches 4 passages: line 15, “…The [ASEAN] Regional Forum met while…”; "
        "line 15, “…Regional Forum met while [ASEAN] watched. Russia’s…”; line 17, “…Russia in [ASEAN] Regional Forum…”; and 1 more "
        "(add a 'prefix' or 'suffix' with the words just before or after the one you mean)"
    )


def test_a_quotes_closest_passage_is_placed_on_its_line_not_on_a_comment_or_code_with_the_same_words(mini: Project):
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, *Russia* and ASEAN agreed.")
    mini.replace("articles/forum-talks.md", "    Russia in a code block\n", "    Russia and ASEAN agreed in a code block\n\n<!-- Russia and ASEAN agreed: check -->\n")
    mini.replace("articles/forum-talks.annotations.yml", "quote: Russia and ASEAN agreed", "quote: Russia and ASEAN agred")
    result = run_check(mini.root)
    assert result.stdout.splitlines()[0] == (
        "briefs/articles/forum-talks.annotations.yml:28: quote not found in the article: “Russia and ASEAN agred” "
        "(closest passage, 98% similar, on line 21: “Russia and ASEAN agreed”)"
    ), result.stdout


def test_a_passage_written_twice_alike_is_named_by_its_paragraphs_first_words(mini: Project):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "The delegates left. Russia and ASEAN agreed.\n\nThe delegates left. Russia and ASEAN agreed.\n\nAsk [the forum]")
    mini.replace("articles/forum-talks.annotations.yml", "quote: Russia and ASEAN agreed", "quote: Russia and ASEAN agreed.")
    result = run_check(mini.root)
    place = "the paragraph beginning “The delegates left. Russia and…”, “…The delegates left. [Russia and ASEAN agreed.]…”"
    assert result.stdout.splitlines()[0] == (
        "briefs/articles/forum-talks.annotations.yml:28: quote matches 3 passages: line 21, “…Later, [Russia and ASEAN agreed.] “We agreed,” Jane Roe…”; "
        f"{place}; {place} "
        "(add a 'prefix' or 'suffix' with the words just before or after the one you mean)"
    ), result.stdout


@pytest.mark.parametrize(("written", "hidden"), [("```\nRussia in a code block\n```", "code"), ("<!-- Russia in a code block -->", "an HTML comment"), ("<div>\nRussia in a code block\n</div>", "raw HTML")])
def test_a_quote_of_words_written_only_in_code_a_comment_or_raw_html_is_told_so(mini: Project, written: str, hidden: str):
    mini.replace("articles/forum-talks.md", "    Russia in a code block", written)  # (a fenced block is not the article's text to a note; an indented one is)
    mini.replace("articles/forum-talks.annotations.yml", "quote: Russia and ASEAN agreed", "quote: Russia in a code block")
    result = run_check(mini.root)
    assert result.stdout.splitlines()[0] == (
        "briefs/articles/forum-talks.annotations.yml:28: quote not found in the article: “Russia in a code block” "
        f"(the words are written only in {hidden}, which a note cannot mark: quote words of the article's text)"
    ), result.stdout


@pytest.mark.parametrize(("written", "hidden"), [("```\nRussia in a code block\n```", "code"), ("<!-- Russia in a code block -->", "an HTML comment"), ('<div class="aside">\n<p>Russia in a <b>code</b> block</p>\n</div>', "raw HTML")])
def test_a_mistyped_quote_of_words_written_only_in_code_a_comment_or_raw_html_is_shown_them_there(mini: Project, written: str, hidden: str):
    mini.replace("articles/forum-talks.md", "    Russia in a code block", written)
    mini.replace("articles/forum-talks.annotations.yml", "quote: Russia and ASEAN agreed", "quote: Russia in a cde block")
    line = mini.read("articles/forum-talks.md").splitlines().index(next(row for row in written.splitlines() if "Russia" in row)) + 1
    result = run_check(mini.root)
    assert result.stdout.splitlines()[0] == (
        "briefs/articles/forum-talks.annotations.yml:28: quote not found in the article: “Russia in a cde block” "
        f"(closest passage, 98% similar, is written only in {hidden}, on line {line}: “Russia in a code block”, which a note cannot mark: "
        "quote words of the article's text)"
    ), result.stdout


@pytest.mark.parametrize(("pulled", "quote", "hint"), [
    ("Russia and ASEAN agreed", "Russia and ASEAN agred", "closest passage, 96% similar, on line 21: “Russia and ASEAN agreed.”"),
    ("Russia’s delegates came from Moscow", "Russia’s delegates came from Moscw", "closest passage, 97% similar, on line 15: “Russia’s delegates came from Moscow.”"),
], ids=["plain", "with a quote mark"])
def test_a_mistyped_quote_of_words_also_in_a_pull_quote_is_shown_them_in_the_article_s_text(mini: Project, pulled: str, quote: str, hint: str):
    mini.replace("articles/forum-talks.md", "    Russia in a code block", f'<aside class="pull">\n<p>{pulled}</p>\n</aside>')
    mini.replace("articles/forum-talks.annotations.yml", "quote: Russia and ASEAN agreed", f"quote: {quote}")
    result = run_check(mini.root)
    # (not the raw HTML's words, which lack the full stop)
    assert result.stdout.splitlines()[0] == f"briefs/articles/forum-talks.annotations.yml:28: quote not found in the article: “{quote}” ({hint})", result.stdout


def test_links_to_the_docs_folder_the_configuration_names_are_known(mini: Project):
    config = mini.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "docs_dir: pages\n", encoding="utf-8")
    (mini.root / "docs").rename(mini.root / "pages")
    (mini.root / "pages" / "about.md").write_text("# About\n", encoding="utf-8")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [about](../about.md) and [more](../more.md). Ask [the forum]")
    result = run_check(mini.root)
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()[:-1]] == [
        "link '../more.md' names 'more.md', which is not a page or file of the site (a brief's links start from the site's briefs/ folder: "
        "link another brief as SLUG.md, a page of docs/ as ../PATH.md, an entry with term:ID, an actor with actor:ID)"
    ], result.stdout


def test_a_configuration_that_cannot_be_read_is_said_and_the_content_still_checked(mini: Project):
    (mini.root / "mkdocs.yml").write_text("site_name: [broken\n", encoding="utf-8")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [more](../more.md). Ask [the forum]")
    result = run_check(mini.root)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Note: mkdocs.yml could not be read (") and "links to files are not checked" in result.stderr


def test_all_problems_reported_in_one_run(mini: Project):
    mini.replace("glossary/eas.yml", "related: [arf]", "relatd: [arf]")
    mini.replace("articles/forum-talks.annotations.yml", "speaker: jane-roe", "speaker: jane-doe")
    mini.replace("articles/forum-talks.md", "published: 2016-05-04", "published: May 2016")
    result = run_check(mini.root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("3 problems found")


def test_github_format_annotates_the_diff(mini: Project):
    mini.replace("glossary/eas.yml", "related: [arf]", "relatd: [arf]")
    result = run_check(mini.root, "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "::error file=briefs/glossary/eas.yml,line=5::unknown field 'relatd' (did you mean 'related'?)"
