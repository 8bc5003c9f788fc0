"""What a reader does on the site: previews, links and back-links, notes, search."""

from __future__ import annotations

import re

import pytest

from .conftest import BRIEF, ENTRY, PROFILE, screenshot, tooltip_of

BODY = "article.md-content__inner"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def press_tab_to(page, target) -> None:
    """Reach `target` with the keyboard: focus the element before it in tab order, then press Tab."""
    page.evaluate(
        """target => {
            const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length);
            const index = focusable.indexOf(target);
            if (index < 1) throw new Error('nothing before the target in tab order');
            focusable[index - 1].focus();
        }""",
        target.element_handle(),
    )
    page.keyboard.press("Tab")
    assert target.evaluate("e => e === document.activeElement && e.matches(':focus-visible')"), "Tab did not reach the target"


def follow(page, link) -> None:
    """Click a link to another page and wait until that page has loaded."""
    with page.expect_navigation(wait_until="load"):
        link.click()


def in_viewport_below_header(page, element) -> bool:
    return page.evaluate(
        """e => {
            const box = e.getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return box.top >= header.bottom - 1 && box.bottom <= window.innerHeight && box.height > 0;
        }""",
        element.element_handle(),
    )


# -- previews, links and back-links ----------------------------------------------

@pytest.mark.parametrize("kind", ["term", "actor"])
def test_hover_and_keyboard_focus_on_a_linked_entity_show_its_preview(pages, kind: str) -> None:
    page = pages.open(BRIEF)
    link = page.locator(f"{BODY} p a.pb-link--{kind}[id]").first
    preview = squash(link.get_attribute("title") or "")
    assert preview, "a linked entity carries its preview"

    link.hover()
    tooltip = tooltip_of(page, link)
    assert tooltip.is_visible()
    assert squash(tooltip.inner_text()) == preview
    assert link.get_attribute("title") is None, "the preview shows once, not also as the browser's own tooltip"
    screenshot(page, f"preview-hover-{kind}")

    page.mouse.move(0, 0)
    page.wait_for_function("t => !t.classList.contains('md-tooltip2--active')", arg=tooltip.element_handle())
    press_tab_to(page, link)
    tooltip = tooltip_of(page, link)
    assert squash(tooltip.inner_text()) == preview
    screenshot(page, f"preview-focus-{kind}")

    # The preview is the start of what the entry itself says.
    follow(page, link)
    description = squash(page.locator(".pb-definition, .pb-summary").first.inner_text())
    assert description.startswith(preview.rstrip("…")), (preview, description)


def test_escape_hides_a_preview_until_the_pointer_or_the_focus_moves_on(pages) -> None:
    page = pages.open(BRIEF)
    links = page.locator(f"{BODY} p a.pb-link[id]")
    first, second = links.nth(0), links.nth(1)
    first.hover()
    tooltip = tooltip_of(page, first)
    page.keyboard.press("Escape")
    assert not tooltip.is_visible(), "Escape leaves the preview over the text (WCAG 1.4.13)"
    second.hover()
    assert tooltip_of(page, second).is_visible(), "the next name's preview shows again"

    page.mouse.move(0, 0)
    press_tab_to(page, first)
    tooltip = tooltip_of(page, first)
    page.keyboard.press("Escape")
    assert not tooltip.is_visible(), "Escape leaves a focused name's preview over the text"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.documentElement.classList.contains('pb-previews-hidden')"), "the next focus shows previews again"


def test_on_a_phone_a_first_tap_on_a_name_shows_its_preview_and_a_second_follows_it(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    link = page.locator(f"{BODY} p a.pb-link[id]").nth(2)
    preview = squash(link.get_attribute("title") or "")
    link.scroll_into_view_if_needed()
    link.tap()
    tooltip = tooltip_of(page, link)
    assert page.url == pages.url(BRIEF), "the first tap left the brief"
    assert squash(tooltip.inner_text()) == preview and tooltip.is_visible()
    screenshot(page, "preview-tap-phone")
    with page.expect_navigation(wait_until="load"):
        link.tap()
    assert page.url != pages.url(BRIEF)


@pytest.mark.parametrize("listing", ["glossary/", "actors/"])
def test_on_a_phone_a_tap_on_a_name_in_a_list_follows_it_at_once(pages, listing: str) -> None:
    """The glossary shows each entry's first sentence beside it: a preview would only repeat it."""
    page = pages.open(listing, viewport="phone")
    link = page.locator(f"{BODY} a.pb-link").first
    link.scroll_into_view_if_needed()
    with page.expect_navigation(wait_until="load"):
        link.tap()
    assert page.url != pages.url(listing)


def test_the_pointer_can_move_from_a_name_onto_its_preview_which_stays_until_the_pointer_leaves_it(pages) -> None:
    """WCAG 1.4.13 (hoverable): a reader who magnifies the screen moves onto the preview to read it."""
    page = pages.open(BRIEF)
    link = page.locator(f"{BODY} p a.pb-link[id]").nth(1)
    link.hover()
    tooltip = tooltip_of(page, link)
    page.wait_for_timeout(500)  # (the theme's tooltip slides into place)
    name, box = link.bounding_box(), tooltip.locator(".md-tooltip2__inner").bounding_box()
    start, end = (name["x"] + name["width"] / 2, name["y"] + name["height"] / 2), (box["x"] + 12, box["y"] + box["height"] / 2)
    page.mouse.move(*end, steps=12)  # (across the gap between them, as a hand moves)
    page.wait_for_timeout(600)  # (longer than the theme waits before it hides a tooltip left)
    assert tooltip.evaluate("t => t.classList.contains('md-tooltip2--active')"), f"the preview goes when the pointer moves onto it from {start}"
    page.mouse.move(end[0], box["y"] + box["height"] + 120, steps=4)
    page.wait_for_function("t => !t.isConnected || !t.classList.contains('md-tooltip2--active')", arg=tooltip.element_handle())


def test_a_preview_near_the_bottom_of_the_window_opens_above_its_name(pages) -> None:
    page = pages.open(BRIEF)
    link = page.locator(f"{BODY} p a.pb-link[id]").nth(6)
    link.evaluate("e => window.scrollBy(0, e.getBoundingClientRect().bottom - window.innerHeight + 30)")
    link.hover()
    tooltip = tooltip_of(page, link)
    page.wait_for_timeout(500)  # (the theme's tooltip slides into place)
    box, name, height = tooltip.locator(".md-tooltip2__inner").bounding_box(), link.bounding_box(), page.viewport_size["height"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"the preview is cut off at the bottom of the window: {box}"
    assert box["y"] + box["height"] <= name["y"], "the preview covers its name"
    screenshot(page, "preview-above")


@pytest.mark.parametrize("kind", ["term", "actor"])
def test_a_link_reaches_the_entry_whose_appears_in_leads_back_to_the_passage(pages, kind: str) -> None:
    page = pages.open(BRIEF)
    link = page.locator(f"{BODY} p a.pb-link--{kind}[id]:not(mark.pb-passage a):not(:has(mark))").last  # (in a passage, a name linked again opens its note)
    mention, name = link.get_attribute("id"), squash(link.inner_text())
    assert not in_viewport_below_header(page, link), "pick a mention further down the page, so the way back must scroll"

    follow(page, link)
    assert re.search(rf"/{'glossary' if kind == 'term' else 'actors'}/[^/]+/$", page.url), page.url
    title = squash(page.locator(f"{BODY} h1").inner_text())
    assert title, "the entry has a title"

    back = page.locator(f".pb-appears-in a[href$='{BRIEF}#{mention}']")
    assert back.count() == 1, f"the entry's back-links include the mention {mention!r} ({name!r})"
    follow(page, back)
    assert page.url.endswith(f"{BRIEF}#{mention}"), page.url
    target = page.locator(f"[id='{mention}']")
    page.wait_for_function("() => window.scrollY > 0")
    assert target.evaluate("e => e.matches(':target')")
    assert in_viewport_below_header(page, target), "the page scrolled to the mention, clear of the header"
    page.wait_for_timeout(400)  # (the theme shows a tooltip a moment after focus)
    assert page.locator(".md-tooltip2--active").count() == 0, "a tooltip covers the sentence the reader came to read"
    screenshot(page, f"back-to-passage-{kind}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_name_linked_again_reads_in_the_texts_colour_in_a_passage_too(pages, scheme: str) -> None:
    page = pages.open(BRIEF, scheme=scheme)
    # (A passage's piece may hold the name, or be held by its link.)
    colours = page.evaluate("""() => [...document.querySelectorAll('.md-content article a.pb-link--again')].map(link => {
        const piece = link.querySelector('mark.pb-passage') || link.closest('mark.pb-passage');
        const shown = link.querySelector('mark.pb-passage') || link;
        const text = link.closest('p, li, blockquote');
        return [Boolean(piece), getComputedStyle(shown).color === getComputedStyle(text).color];
    })""")
    assert any(in_passage for in_passage, _ in colours) and any(not in_passage for in_passage, _ in colours)
    assert all(same for _, same in colours), "a name linked again is drawn in the link colour"


def test_a_note_back_link_on_an_entry_leads_to_the_note(pages) -> None:
    page = pages.open(PROFILE)
    back = page.locator(".pb-appears-in .pb-use--note a").first
    if back.count() == 0:
        page = pages.open(ENTRY)
        back = page.locator(".pb-appears-in .pb-use--note a").first
    assert back.count() == 1, "some entry has a note among its uses"
    fragment = back.get_attribute("href").split("#")[1]
    follow(page, back)
    note = page.locator(f"[id='{fragment}']")
    assert note.evaluate("e => e.matches(':target')")
    assert in_viewport_below_header(page, note.locator(".pb-note__head"))


# -- annotation notes ----------------------------------------------------------------

def open_note(page, marker):
    note = page.locator(f"[id='{marker.get_attribute('popovertarget')}']")
    note.wait_for(state="visible")
    assert note.evaluate("e => e.matches(':popover-open')")
    return note


def assert_verdict_shown(marker, note) -> None:
    verdict = re.search(r", (\w+)$", marker.get_attribute("aria-label")).group(1)
    badge = note.locator(".pb-verdict")
    assert badge.is_visible()
    assert squash(badge.inner_text()).lower() == f"verdict: {verdict}"


def test_a_marker_opens_its_note_by_click(pages) -> None:
    page = pages.open(BRIEF)
    marker = page.locator(f"{BODY} button.pb-marker.pb-kind-fact-check").first
    marker.click()
    note = open_note(page, marker)
    assert_verdict_shown(marker, note)
    assert squash(note.locator(".pb-badge").inner_text()).lower() == "fact check"
    # It shows the passage it is about, which it may cover.
    passage = page.locator(f"mark.pb-passage[data-note='{marker.get_attribute('popovertarget').replace('pop-', 'note-', 1)}']")
    assert squash(passage.all_inner_texts()[0]) in squash(note.locator(".pb-popover__quote").inner_text())
    # Its first line starts where its padding ends, with no empty band above it.
    gap = note.evaluate("n => n.firstElementChild.getBoundingClientRect().top - n.getBoundingClientRect().top - n.clientTop - parseFloat(getComputedStyle(n).paddingTop)")
    assert abs(gap) < 1, f"{gap:.0f} px of empty space above the note's first line"
    screenshot(page, "note-click")
    note.locator(".pb-popover__close").click()
    note.wait_for(state="hidden")
    page.mouse.move(0, 0)
    page.wait_for_timeout(400)  # (the theme shows a tooltip a moment after focus or hover)
    assert page.locator(".md-tooltip2--active").count() == 0, "a tooltip is left over the text once the note is closed"


def test_a_marker_opens_its_note_by_keyboard(pages) -> None:
    page = pages.open(BRIEF)
    marker = page.locator(f"{BODY} button.pb-marker.pb-kind-fact-check").nth(1)
    press_tab_to(page, marker)
    page.keyboard.press("Enter")
    note = open_note(page, marker)
    assert_verdict_shown(marker, note)
    screenshot(page, "note-keyboard")
    page.keyboard.press("Escape")
    note.wait_for(state="hidden")


def test_a_marker_opens_its_note_by_tap_on_a_phone(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    assert page.evaluate("() => matchMedia('(pointer: coarse)').matches"), "a touch phone is emulated"
    marker = page.locator(f"{BODY} button.pb-marker.pb-kind-fact-check").first
    marker.scroll_into_view_if_needed()
    marker.tap()
    note = open_note(page, marker)
    assert_verdict_shown(marker, note)
    box = note.bounding_box()
    width = page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the note fits the phone's width"
    screenshot(page, "note-tap-phone")
    note.locator(".pb-popover__close").tap()
    note.wait_for(state="hidden")


def test_a_note_taller_than_a_phone_shows_its_close_button_without_scrolling(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    markers = page.locator(f"{BODY} button.pb-marker")
    tallest = max(range(markers.count()), key=lambda n: len(page.locator(f"[id='{markers.nth(n).get_attribute('popovertarget')}']").inner_text()))
    marker = markers.nth(tallest)
    marker.scroll_into_view_if_needed()
    marker.tap()
    note = open_note(page, marker)
    assert note.evaluate("e => e.scrollHeight > e.clientHeight"), "the longest note scrolls within the phone's screen"
    close = note.locator(".pb-popover__close")
    seen = close.evaluate(
        """button => {
            const box = button.getBoundingClientRect();
            const x = box.left + box.width / 2, y = box.top + box.height / 2;
            return y > 0 && y < innerHeight && document.elementFromPoint(x, y) === button;
        }"""
    )
    assert seen, "Close is in view, not hidden below the note's fold"
    close.tap()
    note.wait_for(state="hidden")


def test_a_link_focused_in_a_note_on_a_phone_is_not_hidden_behind_its_foot(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    markers = page.locator(f"{BODY} button.pb-marker")
    covered = []
    for number in range(markers.count()):
        marker = markers.nth(number)
        marker.focus()
        page.keyboard.press("Enter")
        note = open_note(page, marker)
        for _ in range(note.locator("a, button").count()):
            page.keyboard.press("Tab")
            covered += page.evaluate(
                """() => {
                    const focused = document.activeElement, note = focused.closest('.pb-popover');
                    const foot = note && note.querySelector('.pb-popover__foot');
                    if (!foot || foot.contains(focused)) return [];
                    return focused.getBoundingClientRect().bottom > foot.getBoundingClientRect().top + 1 ? [focused.textContent] : [];
                }"""
            )
        page.keyboard.press("Escape")
        note.wait_for(state="hidden")
    assert covered == [], "focused links under a note's foot"


def test_markers_do_not_push_a_paragraphs_lines_apart_on_a_phone(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    gaps = page.evaluate(
        f"""() => {{
            const gaps = [];
            for (const paragraph of document.querySelectorAll('{BODY} p')) {{
                if (!paragraph.querySelector('.pb-marker')) continue;
                const bottoms = new Set(), walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
                for (let text = walker.nextNode(); text; text = walker.nextNode()) {{
                    if (text.parentElement.closest('.pb-marker')) continue;
                    const range = document.createRange();
                    range.selectNodeContents(text);
                    for (const box of range.getClientRects()) bottoms.add(Math.round(box.bottom));
                }}
                const lines = [...bottoms].sort((a, b) => a - b).filter((bottom, n, all) => n === 0 || bottom - all[n - 1] > 5);
                for (let n = 1; n < lines.length; n++) gaps.push(lines[n] - lines[n - 1]);
            }}
            return gaps;
        }}"""
    )
    assert len(gaps) > 10, "paragraphs with markers, of several lines"
    assert max(gaps) - min(gaps) <= 2, f"lines {min(gaps)} to {max(gaps)} px apart"


def point_in_text_of(page, passage) -> dict:
    """The middle of the passage's first word that is not in a link: where a reader would click on it."""
    return page.evaluate(
        """mark => {
            const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
            for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                const word = text.data.match(/\\w{3,}/);
                if (!word || text.parentElement.closest('a, button') || text.parentElement.closest('mark') !== mark) continue;
                const range = document.createRange();
                range.setStart(text, word.index);
                range.setEnd(text, word.index + word[0].length);
                const box = range.getClientRects()[0];
                return {x: box.left + box.width / 2, y: box.top + box.height / 2};
            }
            throw new Error('no plain word in the passage');
        }""",
        passage.element_handle(),
    )


def click_a_passage(page):  # noqa: ANN001, ANN201
    """Click the words of a highlighted passage; its note, once it shows, and where it was clicked."""
    passage = page.locator(f"{BODY} mark.pb-passage[id]").nth(2)
    passage.scroll_into_view_if_needed()
    point = point_in_text_of(page, passage)
    page.mouse.click(point["x"], point["y"])
    note = page.locator(f"[id='{passage.get_attribute('data-note').replace('note-', 'pop-', 1)}']")
    note.wait_for(state="visible")
    return note, point


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_words_a_search_found_are_not_drawn_as_a_passage_is(pages, scheme: str) -> None:
    page = pages.open(f"{BRIEF}?h=defence", scheme=scheme)
    found = page.locator(f"{BODY} mark[data-md-highlight]")
    found.first.wait_for()
    look = "e => getComputedStyle(e).backgroundColor"
    passage = page.locator(f"{BODY} mark.pb-passage").first.evaluate(look)
    hits = set(found.evaluate_all(f"all => all.map({look})"))
    assert len(hits) == 1 and passage not in hits and "rgba(0, 0, 0, 0)" not in hits, (passage, hits)  # a colour of their own
    red, green, blue = (float(part) for part in re.findall(r"[\d.]+", next(iter(hits)))[:3])
    assert blue > max(red, green), hits  # (the accent's blue, not the passages' yellow)
    screenshot(page, f"search-found-{scheme}")


def test_a_click_on_a_highlighted_passage_opens_its_note(pages) -> None:
    page = pages.open(BRIEF)
    note, point = click_a_passage(page)
    assert note.evaluate("e => e.matches(':popover-open')")
    page.keyboard.press("Escape")
    note.wait_for(state="hidden")
    page.mouse.dblclick(point["x"], point["y"])  # selecting a word in it opens nothing
    page.wait_for_timeout(300)
    assert page.evaluate("() => getSelection().toString().trim().length > 0")
    assert not note.evaluate("e => e.matches(':popover-open')")


def test_a_click_on_a_name_linked_again_in_a_passage_opens_the_note_not_the_names_page(pages) -> None:
    page = pages.open(BRIEF)
    name = page.locator(f"{BODY} mark.pb-passage a.pb-link--again, {BODY} a.pb-link--again:has(mark.pb-passage)").first
    name.scroll_into_view_if_needed()
    passage = name.locator("xpath=ancestor-or-self::*[self::mark] | .//mark").first
    url = page.url
    name.click()
    note = page.locator(f"[id='{passage.get_attribute('data-note').replace('note-', 'pop-', 1)}']")
    note.wait_for(state="visible")
    assert page.url == url


@pytest.mark.parametrize("fragment", ["#passage-%E0", "#note-%"])
def test_a_malformed_address_leaves_the_notes_working(pages, fragment: str) -> None:
    page = pages.open(BRIEF + fragment)
    note, _ = click_a_passage(page)
    assert note.evaluate("e => e.matches(':popover-open')") and pages.errors == []


def test_open_in_notes_closes_the_note_and_shows_it_among_the_notes(pages) -> None:
    page = pages.open(BRIEF)
    marker = page.locator(f"{BODY} button.pb-marker").first
    marker.click()
    note = open_note(page, marker)
    note.locator(".pb-popover__foot a").click()
    note.wait_for(state="hidden")
    listed = page.locator(f"[id='{note.get_attribute('id').replace('pop-', 'note-', 1)}']")
    assert listed.evaluate("e => e.matches(':target')")
    assert in_viewport_below_header(page, listed.locator(".pb-note__head"))
    page.wait_for_function("e => e === document.activeElement", arg=listed.element_handle())  # the keyboard goes on from there
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.pb-note')?.id") == listed.get_attribute("id")


def test_a_passage_reached_by_its_link_is_outlined_whole(pages) -> None:
    page = pages.open(BRIEF)
    split = page.evaluate("""() => [...document.querySelectorAll('mark.pb-passage[id^="passage-"]')]
        .map(m => m.id).find(id => document.querySelectorAll(`mark.pb-passage[data-note="${id.replace('passage-', 'note-')}"]`).length > 1)""")
    assert split, "some passage holds a link or a name, which splits it"
    pages.goto(page, f"{BRIEF}#{split}")
    pieces = page.locator(f"mark.pb-passage[data-note='{split.replace('passage-', 'note-', 1)}']")
    assert pieces.count() > 1
    # One box, not one per piece: every piece is lined above and below, only the first at its start and the last at its end.
    sides = pieces.evaluate_all("""marks => marks.map(m => { const s = getComputedStyle(m);
        return [s.outlineStyle, s.borderTopStyle, s.borderBottomStyle, s.borderLeftStyle, s.borderRightStyle]; })""")
    middle = [["none", "solid", "solid", "none", "none"]] * (len(sides) - 2)
    assert sides == [["none", "solid", "solid", "solid", "none"], *middle, ["none", "solid", "solid", "none", "solid"]], sides
    # Its edges are alike: the passage's own line under it does not thicken the bottom one.
    edges = pieces.evaluate_all("marks => marks.map(m => { const s = getComputedStyle(m); return [s.borderTopWidth, s.borderBottomWidth, s.boxShadow]; })")
    assert edges == [["2px", "2px", "none"]] * len(sides), edges
    # The box takes no room from the line: the passage's words stay where they were before it was reached.
    pages.goto(page, f"{BRIEF}#top")
    text_left = "marks => marks.map(m => Math.round(m.getClientRects()[0].left + parseFloat(getComputedStyle(m).borderLeftWidth)))"
    before = pieces.evaluate_all(text_left)
    pages.goto(page, f"{BRIEF}#{split}")
    assert pieces.evaluate_all(text_left) == before
    screenshot(page, "passage-outlined-whole")


def test_tabbing_out_of_a_note_closes_it(pages) -> None:
    page = pages.open(BRIEF)
    marker = page.locator(f"{BODY} button.pb-marker").first
    press_tab_to(page, marker)
    page.keyboard.press("Enter")
    note = open_note(page, marker)
    page.keyboard.press("Tab")
    assert note.evaluate("e => e.contains(document.activeElement)"), "Tab leads into the open note"
    for _ in range(note.locator("a[href], button").count()):
        page.keyboard.press("Tab")
    assert not note.evaluate("e => e.contains(document.activeElement)")
    note.wait_for(state="hidden")


def test_a_marker_is_a_target_a_finger_can_hit_on_a_phone(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    sizes = page.locator(f"{BODY} button.pb-marker").evaluate_all("all => all.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])")
    assert sizes and all(width >= 24 and height >= 24 for width, height in sizes), sizes


MARKER_LINES = """body => [...body.querySelectorAll('button.pb-marker')].map(button => {
    const marks = body.querySelectorAll(`mark[data-note="${button.getAttribute('popovertarget').replace('pop-', 'note-')}"]`);
    const rects = marks[marks.length - 1].getClientRects();
    return [button.getBoundingClientRect().top, rects[rects.length - 1].top];
})"""


def test_a_marker_stays_on_the_line_of_its_passages_last_word_at_every_width(pages) -> None:
    page = pages.open(BRIEF, viewport="phone")
    body = page.locator(BODY)
    apart = {}
    for width in range(300, 392, 2):  # the lines break at another word at each width
        body.evaluate("(e, width) => { e.style.width = width + 'px'; }", width)
        lines = body.evaluate(MARKER_LINES)
        assert lines
        apart.update({(width, index): line for index, line in enumerate(lines) if abs(line[0] - line[1]) > 12})
    assert not apart, f"markers on a line of their own, by (width, marker): {apart}"


# -- search --------------------------------------------------------------------------

SEARCHES = {
    "term-by-acronym": ("ADMM-Plus", "glossary/admm-plus/"),
    "term-by-expansion": ("Defence Ministers Meeting Plus", "glossary/admm-plus/"),
    "actor-by-alias": ("Kremlin", "actors/russia/"),
    "brief-by-phrase": ("ostentatiously shrugged off", BRIEF),
    "word-in-brackets": ("ANZUS", "glossary/hub-and-spokes/"),  # written (ANZUS) alone
    "word-in-quotes": ("pivot", "glossary/rebalance-to-asia/"),  # written “pivot”
}


@pytest.mark.parametrize(("query", "expected"), SEARCHES.values(), ids=SEARCHES.keys())
def test_search_finds(pages, query: str, expected: str) -> None:
    found = search_results(pages, query)
    assert expected in found[:5], f"{query!r} should find {expected} among the first results: {found}"


FOUND_FIRST = {
    "term-by-expansion": ("East Asia Summit", "glossary/eas/"),  # not the ASEAN–Russia Summit, titled with one of its words
    "term-by-its-full-name": ("ASEAN Regional Forum", "glossary/arf/"),
    "actor-by-alias": ("Kremlin", "actors/russia/"),
}


@pytest.mark.parametrize(("query", "expected"), FOUND_FIRST.values(), ids=FOUND_FIRST.keys())
def test_an_entry_or_actor_is_the_first_result_for_each_of_its_names(pages, query: str, expected: str) -> None:
    found = search_results(pages, query)
    assert found[0] == expected, f"{query!r} should find {expected} first: {found}"


def test_search_finds_a_word_joined_to_another_by_a_dash(pages) -> None:
    found = search_results(pages, "Roh")  # written only in a note: “a Gorbachev–Roh Tae-woo meeting”
    assert any(url.startswith("briefs/russia-vs-america-over-asia/") for url in found)


def test_a_search_found_in_a_note_leads_to_that_note(pages) -> None:
    page = pages.open("")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Shevardnadze")  # in one brief's seventh note alone
    result = page.locator('.md-search-result__item a[href*="#note-"]').first
    result.wait_for()
    assert "#note-seoul-relations-1990" not in result.get_attribute("href")  # the brief's notes are one section, led to by the first
    follow(page, result)
    page.wait_for_function("location.hash === '#note-seoul-relations-1990'")
    note = page.locator("[id='note-seoul-relations-1990']")
    assert note.evaluate("e => e.matches(':target')") and "Shevardnadze" in note.inner_text()
    assert in_viewport_below_header(page, note.locator(".pb-note__head"))
    screenshot(page, "search-found-in-a-note")


EDITORS_GUIDE = ("editors/", "content-model/", "reference/", "performance/")


@pytest.mark.parametrize("query", ["Sumsky", "Valdai", "nine-dash", "ASEAN Center"])  # words the editors' guide uses in its examples too
def test_a_readers_search_lists_what_the_briefs_tell_before_the_editors_guide(pages, query: str) -> None:
    found = [url.split("#")[0] for url in search_results(pages, query)]
    guide = [n for n, url in enumerate(found) if url.startswith(EDITORS_GUIDE)]
    told = [n for n, url in enumerate(found) if re.match(r"(briefs|glossary|actors)/[^/]+/$", url)]  # a brief, an entry, an actor (not a list of them)
    assert told and (not guide or max(told) < min(guide)), f"{query!r}: {found}"


@pytest.mark.parametrize("query", ["nine-dash line", "first informal meeting", "Law of the Sea"])  # phrases of the briefs, whose words the guide's messages hold
def test_a_readers_search_for_a_phrase_lists_briefs_entries_and_actors_first(pages, query: str) -> None:
    found = [url.split("#")[0] for url in search_results(pages, query)]
    assert found[:3] and not [url for url in found[:3] if url.startswith(EDITORS_GUIDE)], f"{query!r}: {found}"
    assert "editors/errors/" not in found, f"{query!r}: {found}"


def search_results(pages, query: str) -> list[str]:
    """The addresses search lists for a query typed on the home page, once the list stops changing."""
    page = pages.open("")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()
    return settled_results(page, pages.base_url)


def settled_results(page, base_url: str) -> list[str]:
    """The search results once they stop changing (the list first shows results for the query typed so far)."""
    def read() -> list[str]:
        links = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
        return [re.sub(r"\?[^#]*", "", href).removeprefix(base_url) for href in links]

    found, previous = read(), None
    for _ in range(20):
        if found == previous:
            break
        page.wait_for_timeout(250)
        previous, found = found, read()
    return found
