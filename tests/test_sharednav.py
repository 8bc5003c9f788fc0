"""The navigation drawn once: which pages may share it."""

from __future__ import annotations

import posixpath
from types import SimpleNamespace as Item

from policy_briefs.sharednav import SharedNav, SharedNavs, key, targets


def relative(url: str, page_url: str) -> str:
    return posixpath.relpath("/" + url, "/" + page_url)


NAV = [Item(url="", children=None), Item(url=None, children=[Item(url="briefs/", children=None), Item(url="briefs/tags/", children=None)]), Item(url="https://example.org/", children=None)]


def test_targets_are_every_link_at_any_depth_then_the_extra_ones():
    assert targets(NAV, "", None, "assets/logo.png") == ["", "briefs/", "briefs/tags/", "https://example.org/", "assets/logo.png"]


def test_pages_that_link_alike_share_a_key_and_others_do_not():
    urls = targets(NAV)
    brief, other_brief, entry = ("briefs/a/", "briefs/b/", "glossary/arf/")
    assert key(urls, lambda url: relative(url, brief)) == key(urls, lambda url: relative(url, other_brief))
    assert key(urls, lambda url: relative(url, brief)) != key(urls, lambda url: relative(url, entry))


def test_the_first_page_of_a_key_keeps_its_drawing_for_the_others():
    kept: dict = {}
    first, second, elsewhere = SharedNav(kept, ("../",)), SharedNav(kept, ("../",)), SharedNav(kept, ("../../",))
    assert first.html is None
    assert first.keep("<nav>1</nav>") == "<nav>1</nav>"
    assert second.html == "<nav>1</nav>" and elsewhere.html is None


def test_a_page_in_the_navigation_draws_its_own_and_the_others_share():
    in_nav, brief, other_brief = object(), object(), object()
    navs = SharedNavs(targets(NAV), [in_nav])
    assert navs.for_page(in_nav, lambda url: relative(url, "briefs/")) is None
    first, second = (navs.for_page(page, lambda url, at=at: relative(url, at)) for page, at in ((brief, "briefs/a/"), (other_brief, "briefs/b/")))
    first.keep("<nav>drawn</nav>")
    assert second.html == "<nav>drawn</nav>"
