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


def nav_page(src_uri: str) -> Item:
    return Item(file=Item(src_uri=src_uri), active=False)


def test_a_page_in_the_navigation_draws_its_own_and_the_others_share():
    in_nav, brief, other_brief = nav_page("index.md"), object(), object()
    navs = SharedNavs(targets(NAV), [in_nav])
    assert navs.for_page(in_nav, lambda url: relative(url, "briefs/")) is None
    first, second = (navs.for_page(page, lambda url, at=at: relative(url, at)) for page, at in ((brief, "briefs/a/"), (other_brief, "briefs/b/")))
    first.keep("<nav>drawn</nav>")
    assert second.html == "<nav>drawn</nav>"


def test_a_page_out_of_the_navigation_marks_the_page_that_lists_it_while_it_is_drawn():
    briefs, glossary = nav_page("briefs/index.md"), nav_page("glossary/index.md")
    navs = SharedNavs(targets(NAV), [briefs, glossary])
    link = lambda url: relative(url, "briefs/a/")  # noqa: E731
    brief, entry, unlisted = (navs.for_page(object(), link, listed_on) for listed_on in ("briefs/index.md", "glossary/index.md", "actors/index.md"))
    assert len({brief.key, entry.key, unlisted.key}) == 3  # each section its own drawing
    navs.mark(brief)
    assert (briefs.active, glossary.active) == (True, False)
    navs.mark(entry)
    assert (briefs.active, glossary.active) == (False, True)
    navs.unmark()
    navs.mark(unlisted)  # its list is not in the navigation: nothing is marked
    assert (briefs.active, glossary.active) == (False, False)
