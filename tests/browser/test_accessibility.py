"""axe-core on every page type, light and dark, desktop and phone, and on what appears on demand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .checks import AxeFinding, ChromeException, axe_findings
from .conftest import BRIEF, ENTRY, PAGE_TYPES, screenshot, serve, tooltip_of

COMBINATIONS = [(viewport, scheme) for viewport in ("desktop", "phone") for scheme in ("light", "dark")]


def report(findings: list[AxeFinding]) -> str:
    return f"{len(findings)} accessibility violations:\n" + "\n".join(map(str, findings))


def settle(page) -> None:
    """Wait until Material's tooltips and transitions have finished (axe measures what is painted).

    A tooltip may start to fade in a moment after the page looks still (the pointer rests where a
    button has just appeared): wait, then check again that nothing is moving.
    """
    for _ in range(2):
        page.wait_for_timeout(300)
        page.wait_for_function("""() => document.getAnimations().every(a => a.playState !== 'running')
            && [...document.querySelectorAll('.md-tooltip2--active')].every(t => getComputedStyle(t).opacity === '1')""")


@pytest.mark.parametrize(("viewport", "scheme"), COMBINATIONS, ids=[f"{v}-{s}" for v, s in COMBINATIONS])
def test_every_page_type_has_no_violations(pages, axe_ready, viewport: str, scheme: str) -> None:
    context = pages.context(viewport, scheme)
    page = context.new_page()
    found = {}
    for name, path in PAGE_TYPES.items():
        pages.goto(page, path)
        found.update({f"{name} ({path or '/'}): {f}": f for f in axe_findings(page)})
        screenshot(page, f"{name}-{viewport}-{scheme}")
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_note_a_link_preview_and_a_reached_mention_have_no_violations(pages, axe_ready, scheme: str) -> None:
    page = pages.open(BRIEF, scheme=scheme)
    marker = page.locator("button.pb-marker.pb-kind-fact-check").first
    marker.click()
    note = page.locator(f"#{marker.get_attribute('popovertarget')}")
    assert note.is_visible()
    settle(page)
    assert not (findings := axe_findings(page)), report(findings)
    screenshot(page, f"brief-note-open-{scheme}")

    page.keyboard.press("Escape")
    link = page.locator("article a.pb-link--term").first
    link.hover()
    tooltip_of(page, link)
    settle(page)
    assert not (findings := axe_findings(page)), report(findings)
    screenshot(page, f"brief-preview-{scheme}")

    page.mouse.move(0, 0)
    mention = page.locator("article [id^='pb-term-'], article [id^='pb-actor-']").first.get_attribute("id")
    pages.goto(page, f"{BRIEF}#{mention}")
    settle(page)
    assert not (findings := axe_findings(page)), report(findings)
    screenshot(page, f"brief-mention-target-{scheme}")


@pytest.mark.parametrize(("viewport", "scheme"), COMBINATIONS, ids=[f"{v}-{s}" for v, s in COMBINATIONS])
def test_search_results_and_the_phone_menu_have_no_violations(pages, axe_ready, viewport: str, scheme: str) -> None:
    page = pages.open(ENTRY, viewport=viewport, scheme=scheme)
    if viewport == "phone":
        page.locator("label.md-header__button[for='__drawer']").click()
        page.locator(".md-sidebar--primary").wait_for(state="visible")
        settle(page)
        assert not (findings := axe_findings(page)), report(findings)
        screenshot(page, f"menu-{viewport}-{scheme}")
        pages.goto(page, ENTRY)
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Kremlin")
    page.locator(".md-search-result__item").first.wait_for()
    settle(page)
    assert not (findings := axe_findings(page)), report(findings)
    screenshot(page, f"search-{viewport}-{scheme}")


def test_the_accessibility_check_reports_violations_and_lists_only_what_it_names(browser, axe_ready, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        """<!doctype html><html lang="en"><head><title>Faulty</title></head><body>
<main><h1>Faulty page</h1>
<p style="color:#bbb;background:#fff">Pale grey text on white.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">
<button type="button"></button></main>
<div id="__tooltip2_7">A Material tooltip outside the landmarks</div>
<div class="stray">Project text outside the landmarks</div>
</body></html>""",
        encoding="utf-8",
    )
    exceptions = [ChromeException("region", re.compile(r"^#__tooltip2_\d+$"), "test: Material's tooltip")]
    with serve(tmp_path) as url:
        page = browser.new_page()
        page.goto(url)
        everything = {(f.rule, f.target) for f in axe_findings(page, exceptions=[])}
        listed = {(f.rule, f.target) for f in axe_findings(page, exceptions=exceptions)}
        page.close()
    rules = {rule for rule, _ in listed}
    assert {"color-contrast", "image-alt", "button-name", "region"} <= rules
    assert ("region", "#__tooltip2_7") in everything
    assert ("region", "#__tooltip2_7") not in listed, "a listed exception hides exactly what it names"
    assert ("region", ".stray") in listed, "and nothing else"
