"""`briefs import`: saved articles (copied text or HTML pages) as article sources."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, REPOSITORY, Project
from policy_briefs.cli import main
from policy_briefs.importer import chrome_reason, escape_markdown, import_html, import_text, looks_like_heading, suggest_slug
from policy_briefs.loader import split_front_matter
from policy_briefs.readertext import read_markdown
from policy_briefs.validate import load_project

SEEDS = REPOSITORY.parent / "shared" / "seeds"
SEED_BRIEFS = {"000_": "asean-russia-defence-2016", "002_": "russia-vs-america-over-asia"}
PAGE = FIXTURES / "import" / "page-with-chrome.html"


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def body_of(path: Path) -> str:
    return split_front_matter(path.read_text(encoding="utf-8"), path.name)[1]


def published_text(path: Path) -> str:
    """A brief's body less the markup editors add to its words: `[Moscow](nolink:)` (a name not to link) and `[Moscow](actor:soviet-union)` are Moscow."""
    return re.sub(r"\[([^\[\]]*)\]\((?:nolink:|(?:actor|term):[a-z0-9-]+)\)", r"\1", body_of(path))


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS}): they are read from a shared/ folder beside the repository, where there is one")
    found = sorted(SEEDS.glob(f"{prefix}*.txt"))
    assert found, f"no seed {prefix}* in {SEEDS}"
    return found[0]


def test_a_binary_file_is_refused_and_nothing_is_written(mini: Project, tmp_path: Path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    before = sorted(p.name for p in mini.path("articles").iterdir())
    result = CliRunner().invoke(main, ["import", str(binary), "--slug", "photo", "--project", str(mini.root)])
    assert result.exit_code == 1 and "it is neither a web page nor text" in result.output
    assert sorted(p.name for p in mini.path("articles").iterdir()) == before


@pytest.mark.parametrize(("name", "told"), [("article.docx", "open it, and save or export the article as plain text (.txt)"), ("page.mhtml", "“Web page, HTML only”")])
def test_a_file_of_another_program_is_refused_with_how_to_save_it(mini: Project, tmp_path: Path, name: str, told: str):
    saved = tmp_path / name
    saved.write_bytes(b"PK\x03\x04 not read")
    result = CliRunner().invoke(main, ["import", str(saved), "--slug", "saved", "--project", str(mini.root)])
    assert result.exit_code == 1 and f"a {saved.suffix} file is not read: " in result.output and told in result.output
    assert not mini.path("articles/saved.md").exists()


# -- the seeds become the repository's briefs ------------------------------------------


@pytest.mark.parametrize("prefix", sorted(SEED_BRIEFS))
def test_seed_imports_into_the_briefs_text(empty_site: Path, prefix: str):
    slug = SEED_BRIEFS[prefix]
    result = run("import", str(seed(prefix)), "--slug", slug, "--project", str(empty_site))
    assert result.exit_code == 0, result.output
    written = empty_site / "briefs" / "articles" / f"{slug}.md"
    assert body_of(written) == published_text(REPOSITORY / "briefs" / "articles" / f"{slug}.md")


def test_first_seed_title_and_disclaimer(tmp_path: Path):
    imported = import_text(seed("000_").read_text(encoding="utf-8"))
    assert imported.front.title == "Why America’s Asian Allies Value Military Partnership With Moscow"
    assert [r.reason for r in imported.removed] == ["publisher disclaimer"]
    assert imported.removed[0].text.startswith("Views expressed are of individual Members and Contributors")


def test_second_seed_chrome_and_subheadings(tmp_path: Path):
    imported = import_text(seed("002_").read_text(encoding="utf-8"))
    assert imported.front.title == "Russia vs America over Asia; Cooperation or Confrontation?"
    assert [(r.reason, r.text) for r in imported.removed] == [
        ("section label", "Articles"),
        ("related articles", "Related Articles"),
        ("back to top", "Back to top button"),
        ("ad-blocker notice", "Adblock Detected"),
        ("ad-blocker notice", "Please consider supporting us by disabling your ad blocker"),
    ]
    assert [b for b in imported.blocks if b.startswith("#")] == [
        "## United States’ Policy toward Asia",
        "## Russia’s Policy toward Asia",
        "## How America and Russia’s Policy on Asia is Different?",
    ]


def test_seed_as_a_saved_html_page(tmp_path: Path):
    """The same article saved from a browser, inside a site's chrome, imports to the same text."""
    lines = [line for line in seed("000_").read_text(encoding="utf-8").split("\n\n")]
    title, paragraphs, disclaimer = lines[0], lines[1:-1], lines[-1]
    page = PAGE.read_text(encoding="utf-8")
    start, end = page.index("<article"), page.index("</article>") + len("</article>")
    article = "<article>\n<h1>{}</h1>\n{}\n<p>{}</p>\n</article>".format(
        html.escape(title), "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs), html.escape(disclaimer))
    page = page[:start] + article + page[end:]
    page = page.replace("Forum Talks in the Region", html.escape(title))
    imported = import_html(page.encode("utf-8"))
    assert imported.front.title == title
    assert imported.body == published_text(REPOSITORY / "briefs" / "articles" / "asean-russia-defence-2016.md")


# -- an HTML page with navigation, footer and a cookie banner -------------------------------


def test_html_page_keeps_the_article_and_drops_the_chrome(empty_site: Path):
    result = run("import", str(PAGE), "--project", str(empty_site))
    assert result.exit_code == 0, result.output
    written = empty_site / "briefs" / "articles" / "forum-talks-in-the-region.md"
    text = written.read_text(encoding="utf-8")
    body = body_of(written)
    assert body.startswith("The ASEAN Regional Forum met while ASEAN watched. Russia’s delegates came from Moscow")
    assert "\n\n## A New Format\n\n" in body
    assert "The *informal* format, **first tried** in 2016" in body
    assert "> “We agreed,” Jane Roe said, “that the region needs more dialogue, not less.”" in body
    assert "“frank and useful” – a phrase" in body  # typography kept
    for chrome in ("cookie", "Home", "Analysis", "Share", "Facebook", "Subscribe", "Related", "Another Look", "©", "Privacy", "Back to top", "views expressed"):
        assert chrome not in body, chrome
    assert "title: Forum Talks in the Region" in text
    assert "publisher: Example Review" in text
    assert "url: https://example.org/analysis/forum-talks" in text
    assert "published: 2016-05-04" in text
    assert "authors: [{name: Jane Roe}]" in text


def test_html_import_reports_what_it_removed(empty_site: Path):
    result = run("import", str(PAGE), "--project", str(empty_site))
    report = result.output
    for reason, text in (
        ("cookie prompt", "We use cookies to improve your experience"),
        ("navigation", "Home · Analysis · Events · About Us"),
        ("footer", "© 2016 Example Review. All rights reserved."),
        ("share prompt", "Share: Facebook Twitter Email"),
        ("subscribe prompt", "Subscribe to our newsletter"),
        ("related articles", "Related articles · Another Look at the Region"),
        ("back to top", "Back to top"),
        ("publisher disclaimer", "The views expressed in this article"),
    ):
        assert f"[{reason}] {text}" in report, (reason, report)
    assert "Front matter filled from the page: title, publisher, url, published, authors." in report


def test_a_paragraph_with_a_link_before_punctuation_is_not_reported_as_removed(empty_site: Path):
    page = empty_site / "page.html"
    old = "The <em>informal</em> format, <strong>first tried</strong> in 2016,"
    source = PAGE.read_text(encoding="utf-8")
    assert old in source
    page.write_text(source.replace(old, 'The <em>informal</em> format, <a href="https://example.org/2016">first tried</a>, in 2016,'), encoding="utf-8")
    result = run("import", str(page), "--project", str(empty_site))
    assert result.exit_code == 0, result.output
    assert "format, first tried, in 2016" in body_of(empty_site / "briefs" / "articles" / "forum-talks-in-the-region.md")
    removed = result.output.split("check that none is part of the article:", 1)[1]
    assert "Later, Russia and ASEAN agreed" not in removed, removed


def test_a_short_page_keeps_its_paragraphs_headings_and_quotation(empty_site: Path):
    page = empty_site / "short.html"
    page.write_text(
        "<!doctype html><html><head><title>Talks</title></head><body><header><nav><a href='/'>Home</a></nav></header>"
        "<article><h1>Talks in Moscow</h1><p class='byline'>By Viktor Sumsky</p><p>First paragraph about ASEAN and Russia.</p>"
        "<p>Second paragraph, on the forum.</p><h2>A subheading</h2><blockquote><p>A quote.</p></blockquote></article>"
        "<footer>© 2016 Example</footer></body></html>", encoding="utf-8")
    result = run("import", str(page), "--project", str(empty_site), "--slug", "talks")
    assert result.exit_code == 0, result.output
    assert body_of(empty_site / "briefs" / "articles" / "talks.md") == (
        "First paragraph about ASEAN and Russia.\n\nSecond paragraph, on the forum.\n\n## A subheading\n\n> A quote.\n"
    )


def test_imported_page_author_with_a_profile_becomes_an_id(mini: Project):
    result = run("import", str(PAGE), "--project", str(mini.root), "--slug", "region-talks")
    assert result.exit_code == 0, result.output
    assert "authors: [jane-roe]" in mini.read("articles/region-talks.md")


def test_imported_article_passes_the_check_once_the_summary_is_written(mini: Project):
    run("import", str(PAGE), "--project", str(mini.root), "--slug", "region-talks")
    mini.path("articles/region-talks.annotations.yml").unlink()
    problems = [str(p) for p in load_project(mini.root).problems]
    assert problems == ["briefs/articles/region-talks.md:11: summary must not be empty"]
    text = mini.read("articles/region-talks.md").replace("summary: |", "summary: |\n  Officials met and agreed to meet again.", 1)
    mini.write("articles/region-talks.md", text)
    assert load_project(mini.root).problems == []


# -- refusals --------------------------------------------------------------------------------


def test_refuses_to_overwrite_an_article(mini: Project):
    before = mini.read("articles/forum-talks.md")
    result = run("import", str(PAGE), "--project", str(mini.root), "--slug", "forum-talks")
    assert result.exit_code == 1
    assert "briefs/articles/forum-talks.md already exists" in result.output
    assert "--force" in result.output
    assert mini.read("articles/forum-talks.md") == before


def test_force_imports_the_articles_text_again_keeping_its_front_matter_and_never_the_notes(mini: Project):
    """Imported again (with another encoding, say), the text is the page's; the fields the editor filled in stay as written."""
    notes, before = mini.read("articles/forum-talks.annotations.yml"), mini.read("articles/forum-talks.md")
    front = before[: before.index("---", 3) + 4]
    result = run("import", str(PAGE), "--project", str(mini.root), "--slug", "forum-talks", "--force")
    assert result.exit_code == 0, result.output
    after = mini.read("articles/forum-talks.md")
    assert after.startswith(front) and "title: Forum Talks in the Region" not in after
    assert "their arrival was covered at length by the regional press" in after and "## Russia in ASEAN Regional Forum" not in after
    assert "Kept the front matter briefs/articles/forum-talks.md had, as written" in result.output
    assert mini.read("articles/forum-talks.annotations.yml") == notes


def test_force_over_an_article_of_front_matter_alone_keeps_it_on_lines_of_its_own(mini: Project):
    before = mini.read("articles/forum-talks.md")
    mini.write("articles/forum-talks.md", before[: before.index("---", 3) + 3])  # (its text deleted, to import it again)
    result = run("import", str(PAGE), "--project", str(mini.root), "--slug", "forum-talks", "--force")
    assert result.exit_code == 0, result.output
    assert mini.read("articles/forum-talks.md").startswith(before[: before.index("---", 3) + 4])
    assert "front matter" not in run("check", str(mini.root)).output


def test_force_over_an_article_with_no_front_matter_writes_the_pages(mini: Project):
    mini.write("articles/forum-talks.md", "Only text, its front matter lost.\n")
    result = run("import", str(PAGE), "--project", str(mini.root), "--slug", "forum-talks", "--force")
    assert result.exit_code == 0, result.output
    assert "title: Forum Talks in the Region" in mini.read("articles/forum-talks.md") and "Front matter filled from the page" in result.output


def test_an_article_file_with_front_matter_is_refused_not_imported_as_text(mini: Project, tmp_path: Path):
    copy = tmp_path / "copy.md"
    copy.write_text(mini.read("articles/forum-talks.md"), encoding="utf-8")
    result = run("import", str(copy), "--project", str(mini.root), "--slug", "copied")
    assert result.exit_code == 1 and "it starts with front matter between '---' lines" in result.output
    assert not mini.path("articles/copied.md").exists() and not mini.path("articles/copied.annotations.yml").exists()


def test_a_markdown_file_is_imported_as_markdown(mini: Project, tmp_path: Path):
    saved = tmp_path / "saved.md"
    saved.write_text(
        "Share this\n\n# Talks in the Region\n\nBy Jane Roe\n\nThe forum *met* in [Moscow](https://example.org/).\n\n"
        "## What was agreed\n\n- one\n- two\n\n```\ncode\n\nmore code\n```\n\n> A quotation\n> on two lines.\n",
        encoding="utf-8",
    )
    result = run("import", str(saved), "--project", str(mini.root), "--slug", "region-talks")
    assert result.exit_code == 0, result.output
    text = mini.read("articles/region-talks.md")
    assert "title: Talks in the Region" in text and "authors: [jane-roe]" in text
    assert body_of(mini.path("articles/region-talks.md")) == (
        "The forum *met* in [Moscow](https://example.org/).\n\n## What was agreed\n\n- one\n- two\n\n```\ncode\n\nmore code\n```\n\n"
        "> A quotation\n> on two lines.\n"
    )
    assert "[share prompt] Share this" in result.output and "(from Markdown)" in result.output


def test_a_markdown_file_s_later_headings_of_level_1_are_imported_below_the_title(mini: Project, tmp_path: Path):
    saved = tmp_path / "saved.md"
    saved.write_text("# Talks in the Region\n\nThe forum met.\n\n# A second part\n\nMore.\n\nA third part\n===\n\nLast.\n\n# A fourth part\nRight after it.\n", encoding="utf-8")
    result = run("import", str(saved), "--project", str(mini.root), "--slug", "region-talks")
    assert result.exit_code == 0, result.output
    assert body_of(mini.path("articles/region-talks.md")) == "The forum met.\n\n## A second part\n\nMore.\n\n## A third part\n\nLast.\n\n## A fourth part\nRight after it.\n"


def test_text_that_is_not_utf8_is_read_in_the_encoding_given_or_guessed_and_the_guess_is_told(mini: Project, tmp_path: Path):
    saved = tmp_path / "ru.txt"
    saved.write_bytes("Россия и АСЕАН\n\nМинистр обороны встретился с коллегами из АСЕАН в Куала-Лумпуре.\n".encode("koi8_r"))
    given = run("import", str(saved), "--project", str(mini.root), "--slug", "ru-talks", "--encoding", "koi8-r")
    assert given.exit_code == 0, given.output
    assert "title: Россия и АСЕАН" in mini.read("articles/ru-talks.md") and "not UTF-8" not in given.output
    untitled = run("import", str(saved), "--project", str(mini.root))  # no --slug
    assert untitled.exit_code == 1 and "the title “Россия и АСЕАН” has no Latin letters or digits to make a slug from: give one with --slug" in untitled.output
    for encoding, name in (("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R")):
        saved.write_bytes("Россия и АСЕАН\n\nМинистр обороны встретился с коллегами из АСЕАН в Куала-Лумпуре.\n".encode(encoding))
        guessed = run("import", str(saved), "--project", str(mini.root), "--slug", "ru-talks", "--force")
        assert guessed.exit_code == 0 and f"The file is not UTF-8: it was read as {name}" in guessed.output, guessed.output
        assert "title: Россия и АСЕАН" in mini.read("articles/ru-talks.md")
    for slug, text in (
        ("en-talks", "The minister said \u201cwe agreed\u201d at the caf\u00e9 \u2014 twice."),
        ("fr-talks", "Le ministre a déclaré à Paris … naïvement."),  # reads without a flaw in Windows-1250 too, as “ŕ” and “ď”
        ("es-talks", "El señor Muñoz habló en España sobre la cooperación."),
    ):
        saved.write_bytes(f"Talks\n\n{text}\n".encode("cp1252"))
        guessed = run("import", str(saved), "--project", str(mini.root), "--slug", slug)
        assert guessed.exit_code == 0 and "The file is not UTF-8: it was read as Windows-1252" in guessed.output, guessed.output
        assert text in mini.read(f"articles/{slug}.md")
    page = tmp_path / "page.html"  # saved without saying its encoding
    page.write_bytes("<html><head><title>Talks</title></head><body><article><h1>Talks in Paris</h1><p>Le ministre a déclaré à Paris qu’il était d’accord.</p><p>Second paragraph, on the forum.</p></article></body></html>".encode("cp1252"))
    guessed = run("import", str(page), "--project", str(mini.root), "--slug", "fr-page")
    assert guessed.exit_code == 0 and "The file is not UTF-8: it was read as Windows-1252" in guessed.output, guessed.output
    assert "Le ministre a déclaré à Paris qu’il était d’accord." in mini.read("articles/fr-page.md")
    unknown = run("import", str(saved), "--project", str(mini.root), "--slug", "ru-other", "--encoding", "cp9999")
    assert unknown.exit_code == 1 and "'cp9999' is not an encoding" in unknown.output and not mini.path("articles/ru-other.md").exists()


def test_refuses_an_invalid_slug(empty_site: Path):
    result = run("import", str(PAGE), "--project", str(empty_site), "--slug", "Forum_Talks")
    assert result.exit_code == 1
    assert "'Forum_Talks' is not a valid slug" in result.output
    assert not (empty_site / "briefs").exists()


def test_refuses_a_file_with_no_text(empty_site: Path):
    empty = empty_site / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = run("import", str(empty), "--project", str(empty_site))
    assert result.exit_code == 1
    assert "found no article text" in result.output


def test_missing_file(empty_site: Path):
    result = run("import", str(empty_site / "nope.html"), "--project", str(empty_site))
    assert result.exit_code == 2
    assert "does not exist" in result.output


# -- the pieces --------------------------------------------------------------------------------


def _page_declaring(head: str) -> str:
    return f"<html><head><title>A Headline</title>{head}</head><body><article><h1>A Headline</h1><p>{'Words of the article. ' * 30}</p></article></body></html>"


@pytest.mark.parametrize(("head", "published"), [
    ('<meta property="article:published_time" content="2016-05">', "2016-05"),  # (the extractor would give it a day: today's)
    ('<meta name="citation_publication_date" content="2016">', "2016"),
    ('<meta property="article:published_time" content="2016-05-04T23:30:00-05:00">', "2016-05-04"),  # (its own day, wherever it is read)
    ('<meta name="citation_publication_date" content="2016/5/4">', "2016-05-04"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2016-05"}]}</script>', "2016-05"),
    ('<meta property="article:published_time" content="2016-04-31">', None),  # no such day: left for the editor to fill in
], ids=["month", "year", "time zone", "slashes", "json-ld", "no such day"])
def test_an_html_page_s_date_is_as_precise_as_the_page_declares_it(head: str, published: str | None):
    imported = import_html(_page_declaring(head))
    assert imported.front.published == published
    assert ("published" in imported.inferred) == (published is not None)


def test_plain_text_byline_and_date_become_front_matter():
    imported = import_text("Skip to content\n\nNews\n\nA Headline Here\n\nBy Jane Roe and Sam Writer\n\n4 May 2016\n\nThe first paragraph.\n\nShare\n\nThe second paragraph.\n")
    assert imported.front.title == "A Headline Here"
    assert imported.front.authors == [{"name": "Jane Roe"}, {"name": "Sam Writer"}]
    assert imported.front.published == "2016-05-04"
    assert imported.blocks == ["The first paragraph.", "The second paragraph."]
    assert [r.reason for r in imported.removed] == ["navigation", "section label", "byline (now in the front matter)", "date line (now in the front matter)", "share prompt"]


def test_plain_text_byline_and_date_on_consecutive_lines_become_front_matter_and_list_items_stay_a_list():
    imported = import_text(
        "A Headline Here\n\nBy Ivan Petrov\n12 March 2019\n\nFew of these deals will be built:\n- financing is uncertain;\n- opposition is strong.\n\n"
        "1. First step\n2. Second step\n\nThe last paragraph.\n"
    )
    assert imported.front.authors == [{"name": "Ivan Petrov"}] and imported.front.published == "2019-03-12"
    assert imported.blocks == [
        "Few of these deals will be built:", "- financing is uncertain;\n- opposition is strong.", "1. First step\n2. Second step", "The last paragraph.",
    ]


def test_a_wrapped_line_that_begins_like_a_list_item_stays_in_its_paragraph():
    imported = import_text("A Headline Here\n\nThe ministers\n– who had not met since 2019 –\nagreed on a plan.\n\nSee the list in section\n2. Background for more.\n\nThe end.\n")
    assert imported.blocks == ["The ministers – who had not met since 2019 – agreed on a plan.", "See the list in section 2. Background for more.", "The end."]


def test_text_without_blank_lines_is_one_paragraph_per_line():
    imported = import_text("A Title\nFirst paragraph.\nSecond paragraph.\n")
    assert imported.front.title == "A Title"
    assert imported.blocks == ["First paragraph.", "Second paragraph."]


def test_hard_wrapped_paragraphs_are_joined():
    imported = import_text("A Title\n\nA paragraph that\nwas wrapped.\n\nAnother one.\n")
    assert imported.blocks == ["A paragraph that was wrapped.", "Another one."]


@pytest.mark.parametrize(("text", "heading"), [
    ("United States’ Policy toward Asia", True),
    ("How America and Russia’s Policy on Asia is Different?", True),
    ("The Way Forward", True),
    ("This is a sentence.", False),
    ("Short line without capitals", False),
    ("Conclusion", False),  # one word: too little to tell
    ("“Quoted words,” he said", False),
])
def test_subheadings_are_short_title_case_lines(text: str, heading: bool):
    assert looks_like_heading(text) is heading


@pytest.mark.parametrize(("text", "reason"), [
    ("Adblock Detected", "ad-blocker notice"),
    ("Please disable your ad blocker to continue", "ad-blocker notice"),
    ("Back to top button", "back to top"),
    ("Related Articles", "related articles"),
    ("You may also like", "related articles"),
    ("Share this article", "share prompt"),
    ("Facebook Twitter LinkedIn", "share prompt"),
    ("Subscribe to our newsletter", "subscribe prompt"),
    ("This website uses cookies to improve your experience.", "cookie prompt"),
    ("Skip to content", "navigation"),
    ("Home › Analysis › Asia", "navigation"),
    ("© 2016 Valdai Discussion Club", "footer"),
    ("Views expressed are of individual Members and Contributors, rather than the Club's, unless explicitly stated otherwise.", "publisher disclaimer"),
    ("The opinions expressed here do not necessarily reflect those of the publisher.", "publisher disclaimer"),
    ("Russia’s delegates came from Moscow.", None),
    ("The ministry’s newsletter said the talks went well.", None),
    ("Officials shared their views on the cookies served at the summit, which were expressed as excellent by all.", None),
])
def test_chrome_is_recognised_by_its_wording(text: str, reason: str | None):
    assert chrome_reason(text) == reason


def test_long_paragraphs_are_never_chrome():
    paragraph = "We use cookies " + "and other words " * 30
    assert chrome_reason(paragraph) is None


@pytest.mark.parametrize("text", [
    "Plain text with “quotes” – and ’apostrophes’ [and brackets].",
    "Stars *like this* and _underscores_ and `code` and <tags>.",
    "# Not a heading",
    "#1 priority for Moscow, not a heading either",
    "####### seven marks",
    "- not a list",
    "1. not a list either",
    "> not a quote",
    "snake_case stays",
    "Python's __init__ and a__b, __dunder and x_1_",
    "Words written [as a link](like this), [a [nested] one](x), ![an image](a.png) and [a reference][ref]",
    "[ref]: https://example.org",
])
def test_escaped_text_renders_as_itself(text: str):
    blocks = read_markdown(escape_markdown(text)).blocks
    assert blocks == (text,)


def test_brackets_that_make_no_link_stay_as_written():
    assert escape_markdown("He said [sic] that [Moscow] agreed.") == "He said [sic] that [Moscow] agreed."


def test_brackets_apart_in_a_pages_elements_make_no_link():
    paragraph = "He wrote [see <em>the</em> record](x), [<b>y</b>][z] and <i>[sic]</i>, with <code>[a](b)</code> as code."
    page = f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>{paragraph}</p></article></body></html>"
    body = "\n\n".join(import_html(page).blocks)
    html_page = markdown.markdown(body)
    assert read_markdown(body).blocks == ("He wrote [see the record](x), [y][z] and [sic], with [a](b) as code.",)
    assert "<a" not in html_page and "<em>the</em>" in html_page and "<strong>y</strong>" in html_page


LONG = "The agreement covers a number of areas of cooperation between the two coast guards, which the ministers listed in detail."


def test_a_section_label_above_the_headline_is_left_out_and_headings_keep_their_level():
    page = (
        "<html><head><title>Manila and Hanoi sign a coast guard pact</title></head><body><article>"
        '<p class="kicker">Security</p><h1>Manila and Hanoi sign a coast guard pact</h1>'
        f"<p>{LONG}</p><h2>A hotline at sea</h2><p>{LONG}</p></article></body></html>"
    )
    imported = import_html(page)
    assert imported.front.title == "Manila and Hanoi sign a coast guard pact"
    assert imported.blocks == [LONG, "## A hotline at sea", LONG]
    assert ("section label", "Security") in [(removed.reason, removed.text) for removed in imported.removed]


def test_a_list_within_a_list_item_stays_a_list_under_it():
    page = (
        "<html><head><title>Nested lists</title></head><body><article><h1>Nested lists</h1>"
        f"<p>{LONG}</p><ol><li>Training<ul><li>joint exercises</li><li>exchange of cadets</li></ul> at sea</li><li>Communication</li></ol>"
        f"<p>{LONG}</p></article></body></html>"
    )
    body = "\n\n".join(import_html(page).blocks)
    assert "1. Training at sea\n    - joint exercises\n    - exchange of cadets\n2. Communication" in body, body
    html_page = markdown.markdown(body)
    assert "<li>Training at sea<ul>\n<li>joint exercises</li>" in html_page, html_page


def test_a_quotation_the_page_marks_as_one_keeps_its_quotation_marks():
    page = f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>He said <q>We want partners, not patrons.</q> {LONG}</p></article></body></html>"
    assert import_html(page).blocks == [f"He said “We want partners, not patrons.” {LONG}"]


@pytest.mark.parametrize(("title", "slug"), [
    ("Why America’s Asian Allies Value Military Partnership With Moscow", "why-americas-asian-allies-value-military-partnership-with"),
    ("Russia vs America over Asia; Cooperation or Confrontation?", "russia-vs-america-over-asia-cooperation-or-confrontation"),
    ("Café Société: 2016", "cafe-societe-2016"),
])
def test_slug_from_a_title(title: str, slug: str):
    assert suggest_slug(title) == slug
