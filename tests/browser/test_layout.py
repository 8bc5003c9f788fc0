"""Layout at phone and desktop widths, the light and dark palettes, and a site that stays on its own host."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PAGE_TYPES, Pages, screenshot, serve


def site_paths(site_dir: Path) -> list[str]:
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        paths.append(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
    return paths


def test_no_page_scrolls_sideways_on_a_phone(pages, site_dir: Path) -> None:
    page = pages.context("phone").new_page()
    wide = {}
    for path in site_paths(site_dir):
        pages.goto(page, path)
        overflow = page.evaluate("""() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return null;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${e.className}`);
        }""")
        if overflow is not None:
            wide[path or "/"] = overflow
    assert page.viewport_size["width"] == 390
    assert not wide, f"pages wider than the phone: {wide}"


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES.items(), ids=PAGE_TYPES.keys())
def test_a_desktop_shows_navigation_beside_the_content(pages, name: str, path: str) -> None:
    page = pages.open(path)
    nav = page.locator(".md-sidebar--primary .md-nav--primary")
    content = page.locator("article.md-content__inner")
    assert nav.is_visible() and content.is_visible()
    for section in ("Briefs", "Glossary", "Actors"):
        assert nav.locator(".md-nav__link:visible").get_by_text(section, exact=True).count(), f"{section} in the navigation"
    nav_box, content_box = nav.bounding_box(), content.bounding_box()
    assert nav_box["x"] + nav_box["width"] <= content_box["x"], "navigation sits left of the content"
    assert content_box["width"] >= 500
    assert page.locator("article.md-content__inner h1").is_visible()


NAV_COLOUR = "(nav, title) => getComputedStyle([...nav.querySelectorAll('a.md-nav__link')].find(a => a.textContent.trim() === title)).color"


@pytest.mark.parametrize(("name", "section"), [("brief", "Briefs"), ("entry", "Glossary"), ("profile", "Actors")])
def test_a_page_out_of_the_navigation_is_shown_in_it_as_the_current_page_after_its_list(pages, name: str, section: str) -> None:
    listing = pages.open({"Briefs": "briefs/", "Glossary": "glossary/", "Actors": "actors/"}[section])
    current = listing.locator(".md-sidebar--primary .md-nav--primary").evaluate(NAV_COLOUR, section)
    page = pages.open(PAGE_TYPES[name])
    title = page.locator("article h1").inner_text()
    nav = page.locator(".md-sidebar--primary .md-nav--primary")
    shown = nav.locator("a.md-nav__link--active")
    assert shown.count() == 1 and shown.inner_text().strip() == title
    assert nav.evaluate(NAV_COLOUR, title) == current != nav.evaluate(NAV_COLOUR, "Performance")  # marked as the theme marks the page shown
    screenshot(page, f"nav-shown-{name}")


def test_a_phone_menu_opens_a_generated_pages_contents(pages) -> None:
    page = pages.open(PAGE_TYPES["brief"], viewport="phone")
    page.locator("label.md-header__button[for='__drawer']").click()
    own = page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']")
    own.wait_for(state="visible")
    own.click()
    contents = page.locator(".md-sidebar--primary nav.md-nav--secondary")
    contents.get_by_text("Related briefs", exact=True).wait_for(state="visible")
    screenshot(page, "phone-contents-brief")
    contents.get_by_text("Notes", exact=True).click()
    page.wait_for_function("() => location.hash === '#notes' && document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0")


def test_a_phone_hides_the_navigation_behind_the_menu_button(pages) -> None:
    page = pages.open(PAGE_TYPES["brief"], viewport="phone")
    nav = page.locator(".md-sidebar--primary")
    assert not nav.is_visible() or nav.bounding_box()["x"] + nav.bounding_box()["width"] <= 0
    assert page.locator(".md-content h1").is_visible()
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert page.locator(".md-sidebar--primary").get_by_text("Glossary", exact=True).first.is_visible()


LUMINANCE = """selector => {
    const style = getComputedStyle(document.querySelector(selector));
    const colour = selector === 'body' ? style.backgroundColor : style.color;
    const [r, g, b] = colour.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


def luminance(page, selector: str = "body") -> float:
    """How light the page's background is (body), or the text colour of another element, from 0 to 1."""
    return page.evaluate(LUMINANCE, selector)


def wait_until_dark(page, dark: bool) -> None:
    """Material fades between palettes: wait until the background has turned."""
    test = f"s => ({LUMINANCE})(s) {'<' if dark else '>'} 0.5"
    page.wait_for_function(test, arg="body")


def test_the_palette_toggle_switches_light_and_dark_and_is_remembered(pages) -> None:
    context = pages.context("desktop", "light")
    page = pages.open(PAGE_TYPES["brief"], context=context)
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    assert scheme() == "default" and luminance(page) > 0.8
    assert luminance(page, ".md-typeset") < 0.3

    page.locator("label.md-header__button[for^='__palette']:visible").click()
    wait_until_dark(page, True)
    assert scheme() == "slate"
    page.wait_for_function(f"() => ({LUMINANCE})('.md-typeset') > 0.6")  # light text on the dark background
    assert luminance(page) < 0.2
    screenshot(page, "palette-toggled-dark")

    pages.goto(page, PAGE_TYPES["entry"])  # the choice carries to the next page
    assert scheme() == "slate" and luminance(page) < 0.2
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    wait_until_dark(page, False)
    assert scheme() == "default"
    page.wait_for_function(f"() => ({LUMINANCE})('body') > 0.8")


def test_the_system_dark_preference_picks_the_dark_palette(pages) -> None:
    page = pages.open(PAGE_TYPES["home"], scheme="dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert luminance(page) < 0.2


def test_no_page_type_requests_another_host(browser, base_url: str) -> None:
    pages = Pages(browser, base_url)
    seen = []
    context = pages.context("desktop")
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    for path in PAGE_TYPES.values():
        pages.goto(page, path)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Russia")
    page.locator(".md-search-result__item").first.wait_for()
    pages.close()
    assert any(url.endswith(".css") for url in seen) and any("search" in url for url in seen), "requests are watched"
    assert not pages.outside, "requests to another host:\n" + "\n".join(pages.outside)


def test_the_request_guard_reports_a_request_to_another_host(browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="https://fonts.example.invalid/css">'
        '<img alt="" src="http://cdn.example.invalid/a.png"></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        pages = Pages(browser, url)
        page = pages.context().new_page()
        page.goto(url)
        pages.close()
    assert sorted(pages.outside) == ["http://cdn.example.invalid/a.png", "https://fonts.example.invalid/css"]
