"""The preview's search index when one rebuild renders several pages."""

from __future__ import annotations

from policy_briefs.searchmerge import merged_entries


def entry(location: str, text: str = "") -> dict:
    return {"location": location, "title": location, "text": text}


def test_each_page_rendered_again_replaces_its_own_entries_and_no_other():
    previous = [entry(""), entry("#intro"), entry("briefs/a/"), entry("briefs/a/#one"), entry("glossary/arf/"), entry("glossary/eas/")]
    current = [entry("glossary/arf/", "new"), entry("briefs/a/", "new"), entry("briefs/a/#two", "new")]
    merged = merged_entries(previous, current, {"", "briefs/a/", "glossary/arf/", "glossary/eas/"})
    assert [(e["location"], e["text"]) for e in merged] == [
        ("", ""), ("#intro", ""), ("glossary/eas/", ""), ("glossary/arf/", "new"), ("briefs/a/", "new"), ("briefs/a/#two", "new"),
    ]


def test_the_home_page_rendered_again_keeps_every_other_page():
    merged = merged_entries([entry(""), entry("briefs/a/"), entry("briefs/a/#one")], [entry("", "new")], {"", "briefs/a/"})
    assert [(e["location"], e["text"]) for e in merged] == [("briefs/a/", ""), ("briefs/a/#one", ""), ("", "new")]


def test_a_page_no_longer_in_the_site_leaves_the_index_even_when_nothing_is_rendered_again():
    previous = [entry(""), entry("briefs/a/"), entry("glossary/cold-war/"), entry("glossary/cold-war/#sources")]
    assert [e["location"] for e in merged_entries(previous, [], {"", "briefs/a/"})] == ["", "briefs/a/"]
    current = [entry("briefs/a/", "new")]
    assert [(e["location"], e["text"]) for e in merged_entries(previous, current, {"", "briefs/a/"})] == [("", ""), ("briefs/a/", "new")]
