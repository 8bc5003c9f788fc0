"""What a page's sanitiser would take out of an article is found, and only that."""

from __future__ import annotations

import re

import markdown
import pytest

from policy_briefs.droppedhtml import in_article, in_field
from policy_briefs.fieldmarkdown import converted
from policy_briefs.safehtml import clean_fragment, clean_page

EXTENSIONS = ["admonition", "attr_list", "tables", "abbr", "footnotes", "def_list", "toc"]


def read(source: str) -> tuple[list, str]:
    """What is found in an article, and the page HTML it becomes once sanitised."""
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    captured = {}

    class Capture(markdown.treeprocessors.Treeprocessor):
        def run(self, root):  # noqa: ANN001, ANN201
            captured["root"] = root

    md.treeprocessors.register(Capture(md), "capture", -20)
    html = md.convert(source)
    return in_article(captured["root"], md.htmlStash.rawHtmlBlocks), clean_page(html)


# source, what the message says, what the page loses (absent once sanitised; None: left as written, unresolved), the hint
DROPPED = {
    "iframe": ('Watch: <iframe src="https://example.org/v"></iframe>', "HTML element <iframe> is removed", "<iframe", "link to it instead"),
    "video block": ('<video src="https://example.org/v.mp4" controls></video>', "HTML element <video> is removed", "<video", "link to it instead"),
    "script": ("<script>alert(1)</script>", "<script> is removed with what it holds", "alert(1)", "remove it"),
    "handler": ('<div onclick="go()">Tap</div>', "attribute 'onclick' of <div>", "onclick", "no script"),
    "style in HTML": ('Some <span style="color: red">red</span> words.', "attribute 'style' of <span>", "color: red", "no styles"),
    "style by attr_list": ('A paragraph.\n{: style="color: red" }', "attribute 'style' of <p>", "color: red", "no styles"),
    "javascript: in HTML": ('<a href="javascript:alert(1)">x</a>', 'href="javascript:alert(1)" in HTML loses its address', "javascript:", "https://"),
    "term: in HTML": ('The <a href="term:arf">forum</a>.', 'href="term:arf" in HTML is not resolved', "term:arf", "write [its text](term:arf)"),
    "file in HTML": ('See <a href="other.md">the other</a>.', 'href="other.md" in HTML names a file', None, "write [its text](other.md)"),
    "theme id": ('<div id="__config">x</div>', 'attribute id="__config" of <div> is removed', "__config", "choose another name"),
    "theme attribute": ('<span data-md-component="x">y</span>', "data-md-component", "data-md-component", "choose another name"),
    "table alignment": ("| a | b |\n|:--|--:|\n| 1 | 2 |", "a table's column alignment is removed", "text-align", "use_align_attribute: true"),
}


@pytest.mark.parametrize("case", sorted(DROPPED))
def test_what_the_page_drops_is_reported_once_and_is_truly_dropped(case: str):
    source, message, lost, hint = DROPPED[case]
    found, page = read(source)
    assert [d.message for d in found if message in d.message] and len(found) == 1, found
    assert hint in found[0].hint
    if lost is not None:  # the report is about what a reader would really miss
        assert lost not in page
    else:  # or find broken: a Markdown link would have become the page's address
        assert 'href="other.md"' in page
    item = found[0]
    assert re.search(item.pattern, source, re.MULTILINE) if item.pattern else any(text in source for text in item.written)  # its line can be found


def test_what_markdown_and_allowed_html_make_is_not_reported():
    source = """# Heading {: #top .wide }

Text with *emphasis*, `code`, a [link](https://example.org/ "title"), [an anchor](#top), a footnote[^1],
the HTML term, <abbr title="Association of Southeast Asian Nations">ASEAN</abbr>,
<span class="note" data-kind="x" aria-label="y">a span</span>, <a href="https://example.org/">a link</a>,
<a href="#top">an anchor</a>, <a href="../glossary/arf/">a page</a> and&nbsp;a space.

*[HTML]: HyperText Markup Language

!!! note "A note"
    Inside.

Term
:   Definition.

<details><summary>More</summary>Hidden text.</details>

| a | b |
|---|---|
| 1 | 2 |

[^1]: The footnote.
"""
    found, page = read(source)
    assert found == []
    assert 'title="Association of Southeast Asian Nations"' in page and "<details>" in page


def test_each_drop_is_found_in_order_and_a_table_once_for_all_its_cells():
    found, _ = read('<p style="x">a</p>\n\n<p style="x">b</p>\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n| 3 | 4 |')
    assert [d.message for d in found] == ["attribute 'style' of <p> is removed from the page"] * 2 + ["a table's column alignment is removed from the page (the tables extension writes it as a style)"]


def test_an_element_an_extension_parses_is_checked_by_its_name():
    md = markdown.Markdown(extensions=["md_in_html"])
    captured = {}

    class Capture(markdown.treeprocessors.Treeprocessor):
        def run(self, root):  # noqa: ANN001, ANN201
            captured["root"] = root

    md.treeprocessors.register(Capture(md), "capture", -20)
    page = clean_page(md.convert('<form markdown="1">\nA *field*.\n</form>'))
    assert [d.message for d in in_article(captured["root"], md.htmlStash.rawHtmlBlocks)] == ["HTML element <form> is removed from the page (only text markup is kept)"]
    assert "<form" not in page


# -- YAML Markdown fields: their pages keep text markup only ------------------------------------

FIELD_DROPPED = {
    "image": ("A map:\n\n![the region](https://example.org/map.png)", "an image is not shown in the body", "<img"),
    "heading": ("## Members\n\nTen states.", "a heading is shown as plain text in the body", "<h2"),
    "heading in a quotation": ("> # Quoted\n> text", "a heading is shown as plain text in the body", "<h1"),
    "heading in a list": ("- # Item\n- other", "a heading is shown as plain text in the body", "<h1"),
    "underlined heading in a quotation": ("> Setext\n> ===", "a heading is shown as plain text in the body", "<h1"),
    "underlined heading": ("Members\n-------\n\nTen states.", "a heading is shown as plain text in the body", "<h2"),
    "iframe": ('Watch <iframe src="https://example.org/v"></iframe>', "HTML element <iframe> is removed from the body", "<iframe"),
    "script": ("Text <script>go()</script>", "<script> is removed with what it holds from the body", "go()"),
    "style": ('<span style="color: red">Red</span> text', "attribute 'style' of <span> is removed from the body", "color: red"),
    "abbr class": ('<abbr title="Asia" class="x">A</abbr>', "attribute 'class' of <abbr> is removed from the body", 'class="x"'),
}


@pytest.mark.parametrize("case", sorted(FIELD_DROPPED))
def test_what_a_fields_pages_drop_is_reported_and_is_truly_dropped(case: str):
    text, message, lost = FIELD_DROPPED[case]
    found = in_field(text, "body")
    assert len(found) == 1 and found[0].message.startswith(message), found
    assert lost not in clean_fragment(converted(text))


def test_a_block_of_html_in_a_field_is_told_that_the_markdown_in_it_is_shown_as_written():
    text = "<div>\nThe **East Asia Summit** is [a forum](https://example.org).\n</div>"
    (found,) = in_field(text, "definition")
    assert found.hint == "write what it holds in Markdown alone: Markdown within a <div> is shown as written"
    assert "**East Asia Summit**" in clean_fragment(converted(text))  # (as the hint says)


@pytest.mark.parametrize("text", [
    "Plain text, *emphasis*, **strong**, `code`, a [link](https://example.org/ \"t\") and <abbr title=\"Asia\">A</abbr>.",
    "- one\n- two\n\n1. three\n\n> quoted\n\n---\n\nafter a rule",
    "A line\n- not a heading, a list",
    "x < y and <span>kept</span> <a href=\"https://example.org/\" title=\"t\">link</a>",
])
def test_text_markup_in_a_field_is_not_reported(text: str):
    assert in_field(text, "body") == []
