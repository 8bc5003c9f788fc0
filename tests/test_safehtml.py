"""The page sanitiser drops what only the theme may use, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from html.parser import HTMLParser

import pytest
from policy_briefs.safehtml import WORD_JOINER, clean_fragment, clean_page, cut_short_text, safe_contents, safe_id, searched


def test_ids_and_attributes_the_theme_looks_up_are_dropped():
    html = '<div ID="__config" hidden>{}</div><a href="https://example.org/" id="__search">x</a><p data-md-component="toc" data-note="n">y</p>'
    assert clean_page(html) == '<div hidden="">{}</div><a href="https://example.org/">x</a><p data-note="n">y</p>'


def test_other_ids_and_text_that_only_looks_like_them_are_kept():
    html = '<h2 id="intro">A</h2><p id="a__b">The attribute id="__config" and data-md-component, as text.</p>'
    assert clean_page(html) == html


def test_attributes_the_themes_scripts_act_on_are_dropped_and_the_plugins_kept():
    html = (
        '<button type="button" data-clipboard-text="curl https://example.org/x | sh" data-clipboard-target="#a">Copy</button>'
        '<span data-tabs="1:2" data-preview="" data-copy="" data-note="note-a" data-search-exclude="">x</span>'
    )
    assert _elements(clean_page(html)) == [("button", {"type": "button"}), ("span", {"data-note": "note-a", "data-search-exclude": ""})]


def test_classes_the_themes_scripts_act_on_are_dropped_and_others_kept():
    html = '<pre class="md-ellipsis">x</pre><pre class="mermaid">graph</pre><p class="note md-status annotate md-annotation__index pb-x">y</p>'
    assert _elements(clean_page(html)) == [("pre", {}), ("pre", {}), ("p", {"class": "note pb-x"})]
    html = '<div class="md-consent__overlay"></div><p><a class="md-button md-button--primary md-header" href="https://example.org/">z</a></p>'
    assert _elements(clean_page(html)) == [("div", {}), ("p", {}), ("a", {"class": "md-button md-button--primary", "href": "https://example.org/"})]


def _as_search_leaves_it(html: str) -> str:
    """What Material's search does to a page's content after reading it (its pattern, as its plugin has it)."""
    return re.sub(r'\s?data-search-\w+="[^"]+"', "", html)


def test_what_search_leaves_of_a_page_is_safe_and_words_it_takes_are_told():
    given = clean_page('<p><a href="https://example.org/" title="data-search-x=">x</a> a"b" onmouseover="x()" y</p>')
    left = _as_search_leaves_it(given)
    assert [attrs for _, attrs in _elements(left)][-1].get("onmouseover") == "x()"  # (as search leaves it: a handler)
    safe, took_words = searched(given, left)
    assert took_words and not [name for _, attrs in _elements(safe) for name in attrs if name.startswith("on")]
    given = clean_page('<p data-search-exclude="yes">Hidden from search, "quoted".</p>')
    assert searched(given, _as_search_leaves_it(given)) == ('<p>Hidden from search, "quoted".</p>', False)  # only its mark taken


def _elements(html: str) -> list[tuple[str, dict]]:
    """Each element's tag and attributes, as the browser reads them."""
    elements = []

    class Elements(HTMLParser):
        def handle_starttag(self, tag, attrs):
            elements.append((tag, dict(attrs)))

    Elements(convert_charrefs=True).feed(html)
    return elements


def _titles(html: str) -> list[str]:
    """Each title attribute's value as the browser reads it (what the theme's tooltips put in as HTML)."""
    return [attrs["title"] for _, attrs in _elements(html) if "title" in attrs]


@pytest.mark.parametrize("clean", [clean_page, clean_fragment], ids=["page", "field"])
def test_a_title_the_theme_shows_as_html_holds_no_tag(clean):
    html = '<p><a href="https://example.org/" title="A &lt;img src=x onerror=alert(1)&gt; and &lt;/p&gt;">x</a> <abbr title="a &lt; b, &lt;!-- c">d</abbr></p>'
    titles = _titles(clean(html))
    assert titles == ["A &lt;img src=x onerror=alert(1)> and &lt;/p>", "a < b, &lt;!-- c"]  # shown by the tooltip as written
    assert _titles(clean('<p><a href="https://example.org/" title="R&amp;D &lt; 2%">x</a></p>')) == ["R&D < 2%"]  # no tag: as it is


def test_a_field_keeps_only_the_attributes_its_check_names():
    assert clean_fragment('<p><span title="t" lang="fr">x</span> <a href="https://example.org/" title="t">y</a></p>') == '<p><span>x</span> <a href="https://example.org/" title="t">y</a></p>'


def test_a_title_cut_short_by_the_theme_holds_no_tag_it_could_show():
    assert cut_short_text("Why <img src=x onerror=alert(1)> and </b> matter, at < 5%") == f"Why <{WORD_JOINER}img src=x onerror=alert(1)> and <{WORD_JOINER}/b> matter, at < 5%"


@dataclass
class _Entry:
    title: str
    children: list = field(default_factory=list)


def test_contents_titles_are_written_safe_for_the_theme():
    odd = _Entry("Use &lt;img src=x onerror=alert(1)&gt; here")
    plain = _Entry("A &amp; B &lt; C", [odd])
    safe_contents([plain])
    assert plain.title == "A &amp; B &lt; C"
    assert odd.title == f"Use &lt;{WORD_JOINER}img src=x onerror=alert(1)&gt; here"


@pytest.mark.parametrize(("value", "safe"), [("intro", True), ("a-b_c.d:e/é", True), ("", False), ('s2" x', False), ("a b", False), ("a\\b", False), ("a<b", False), ("a'b", False), ("a&b", False)])
def test_an_id_is_safe_when_the_theme_can_write_and_look_it_up_as_it_is(value: str, safe: bool):
    assert safe_id(value) is safe
