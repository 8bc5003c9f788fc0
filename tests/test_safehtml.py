"""The page sanitiser drops what only the theme may use, and nothing else."""

from __future__ import annotations

from policy_briefs.safehtml import clean_page


def test_ids_and_attributes_the_theme_looks_up_are_dropped():
    html = '<div ID="__config" hidden>{}</div><a href="https://example.org/" id="__search">x</a><p data-md-component="toc" data-note="n">y</p>'
    assert clean_page(html) == '<div hidden="">{}</div><a href="https://example.org/">x</a><p data-note="n">y</p>'


def test_other_ids_and_text_that_only_looks_like_them_are_kept():
    html = '<h2 id="intro">A</h2><p id="a__b">The attribute id="__config" and data-md-component, as text.</p>'
    assert clean_page(html) == html
