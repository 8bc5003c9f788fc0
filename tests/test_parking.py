"""Page HTML parked compressed between its render and its writing."""

from __future__ import annotations

from policy_briefs.parking import ParkedHtml


def test_texts_parked_together_come_back_as_they_were_once():
    parked = ParkedHtml()
    page = "<p>Russia’s <a href='#'>ASEAN</a> talks</p>\n" * 50
    copy = "<p>Russia’s ASEAN talks</p>\n" * 50
    parked.park("briefs/a.md", page, copy)
    parked.park("briefs/b.md", "")
    parked.park("glossary/arf.md", "<p>\ud800 lone surrogate, kept</p>")
    assert parked.take("briefs/a.md") == (page, copy)
    assert parked.take("briefs/a.md") is None
    assert parked.take("briefs/b.md") == ("",)
    assert parked.take("glossary/arf.md") == ("<p>\ud800 lone surrogate, kept</p>",)

