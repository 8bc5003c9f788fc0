"""What only a browser shows of content that tries to run: the theme's tooltips put titles in as HTML."""

from __future__ import annotations

import pytest

from sitebuild import add_theme_payloads, build

from .conftest import Pages, serve, tooltip_of

BRIEF = "briefs/forum-talks/"


def _hover_everything_the_theme_explains(page) -> int:
    """The pointer on each element that has a title, and on each title the theme cut short; how many there were.

    (Moved onto each element by its events: some lie under others, as the header's titles do.)
    """
    page.evaluate("window.scrollTo(0, 400)")  # the header shows the page's title from here on
    page.wait_for_timeout(300)
    return page.evaluate(
        """async () => {
            const cut = [...document.querySelectorAll('.md-ellipsis')].filter(e => e.offsetWidth < e.scrollWidth).map(e => e.closest('a') || e);
            const targets = [...new Set([...document.querySelectorAll('[title]'), ...cut])];
            for (const element of targets) {
                element.dispatchEvent(new MouseEvent('mouseenter'));
                await new Promise(done => setTimeout(done, 30));
                element.dispatchEvent(new MouseEvent('mouseleave'));
            }
            return targets.length;
        }"""
    )


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_content_shown_in_the_themes_tooltips_runs_nothing_and_reads_as_written(browser, mini, tmp_path, viewport: str) -> None:
    add_theme_payloads(mini)
    site = tmp_path / "site"
    built = build(mini.root, site, strict=False)
    assert built.returncode == 0, built.stderr
    dialogs: list[str] = []
    with serve(site) as url:
        pages = Pages(browser, url)
        try:
            context = pages.context(viewport)
            context.on("page", lambda page: page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())))
            for path in (BRIEF, "glossary/arf/", "glossary/"):
                page = pages.open(path, context=context)
                assert _hover_everything_the_theme_explains(page) > 0, path
                page.wait_for_timeout(200)
                assert (dialogs, pages.errors) == ([], []), path  # no alert() ran, no script of the theme failed
            page = pages.open(BRIEF, context=context)
            link = page.locator("article p a.pb-link--term[id]").first
            link.hover()
            assert tooltip_of(page, link).inner_text().strip() == "The ASEAN Regional Forum <img src=x onerror=alert(5)> is a security dialogue in the Asia-Pacific."
        finally:
            pages.close()
    assert (dialogs, pages.errors) == ([], [])
