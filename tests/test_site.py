"""Integration: build small sites with the real plugin and read the HTML a reader gets."""

from __future__ import annotations

import filecmp
import json
import hashlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment
from policy_briefs.plugin import PACKAGE_DIR
from policy_briefs.safehtml import WORD_JOINER

from conftest import FIXTURES, REPOSITORY, Project
from sitebuild import add_theme_payloads, article, build, page

BRIEF = "briefs/forum-talks"
TAG_START = re.compile(r"<[A-Za-z/!?]")  # what HTML would read as a tag


def set_config(project: Project, old: str, new: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def site_of_lenient(project: Project, tmp_path: Path) -> Path:
    """The project built without --strict (content problems are warnings) into a folder of `tmp_path`."""
    site = tmp_path / "lenient"
    result = build(project.root, site, strict=False)
    assert result.returncode == 0, result.stderr
    return site


def site_of(project: Project, tmp_path: Path) -> Path:
    """The project built strictly (no warning) into a folder of `tmp_path`."""
    site = tmp_path / "site"
    result = build(project.root, site)
    assert result.returncode == 0, result.stderr
    return site


def with_extensions(project: Project, *names: str) -> None:
    set_config(project, "markdown_extensions:\n", "markdown_extensions:\n" + "".join(f"  - {name}\n" for name in names))


def add_note(project: Project, note_id: str, kind: str, quote: str, body: str) -> None:
    """A note on the mini brief, before its others."""
    project.replace("articles/forum-talks.annotations.yml", "annotations:\n", f"annotations:\n  - id: {note_id}\n    kind: {kind}\n    quote: {quote}\n    body: {body}\n")


def listed_uses(site: Path, entity: str) -> list[str]:
    """The sentences an entity's page lists where it is mentioned, white space read as one space."""
    return [" ".join(a.get_text().split()) for a in article(page(site, entity)).select(".pb-appears-in li.pb-use a")]


def assert_check_passes(project: Project) -> None:
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(project.root)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout


@pytest.fixture(params=[True, False], ids=["directory-urls", "file-urls"])
def built(request, mini: Project, tmp_path: Path):
    """The mini project built strictly, with use_directory_urls on and off."""
    if not request.param:
        set_config(mini, "site_name: Test briefs", "site_name: Test briefs\nuse_directory_urls: false")
    site = site_of(mini, tmp_path)
    return site, request.param


def links_to(soup, suffix: str) -> list:
    return [a for a in soup.select("a[href]") if a["href"].split("#")[0].rstrip("/").endswith(suffix)]


def test_full_name_links_to_its_own_entry_not_to_a_shorter_form(built):
    site, urls = built
    body = article(page(site, BRIEF, urls))
    first = body.select_one("#pb-term-arf-1")
    assert first.name == "a" and first.get_text() == "ASEAN Regional Forum"
    assert first["href"].split("#")[0].rstrip("/").endswith("glossary/arf" if urls else "glossary/arf.html")
    assert first["title"] == "The ASEAN Regional Forum is a security dialogue in the Asia-Pacific."
    asean = body.select_one("#pb-actor-asean-1")
    assert asean.get_text() == "ASEAN" and "actors/asean" in asean["href"]


def test_links_resolve_to_built_pages(built):
    site, urls = built
    brief = site / (f"{BRIEF}/index.html" if urls else f"{BRIEF}.html")
    for link in article(page(site, BRIEF, urls)).select("a.pb-link"):
        target = (brief.parent / link["href"].split("#")[0]).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), link["href"]


def test_every_link_from_an_entity_page_to_a_mention_finds_it_on_the_brief(built):
    site, urls = built
    brief = page(site, BRIEF, urls)
    ids = {element["id"] for element in brief.select("[id]")}
    links = {
        entity: [a["href"] for a in article(page(site, entity, urls)).select(".pb-appears-in a[href*='#pb-']")]
        for entity in ("glossary/arf", "glossary/eas", "actors/russia", "actors/asean", "actors/jane-roe")
    }
    # The ARF's mentions, but the second in a sentence that names it twice; the explicit link among them.
    assert [href.split("#")[1] for href in links["glossary/arf"]] == ["pb-term-arf-1", "pb-term-arf-2", "pb-term-arf-4"] and links["actors/russia"]
    assert {entity: [href for href in hrefs if href.split("#")[1] not in ids] for entity, hrefs in links.items()} == dict.fromkeys(links, [])


def test_an_entity_page_lists_a_sentence_that_names_it_twice_once(built):
    site, urls = built
    uses = [item.get_text(" ", strip=True) for item in article(page(site, "glossary/arf", urls)).select(".pb-appears-in li.pb-use")]
    assert uses.count("The ARF will meet again, and so will the ARF.") == 1
    assert len(uses) == len(set(uses)) == 4  # three sentences and a note


def test_nothing_linked_in_code_pre_headings_or_existing_links(built):
    site, urls = built
    body = article(page(site, BRIEF, urls))
    for selector in ["code", "pre", "h1", "h2"]:
        for element in body.select(selector):
            assert not element.select("a.pb-link, .pb-mention"), f"linked inside {selector}: {element}"
    existing = body.select_one('a[href="https://example.org/"]')
    assert existing.get_text() == "Russia elsewhere" and not existing.select("a, .pb-mention")


def test_possessive_links_the_name(built):
    site, urls = built
    russia = article(page(site, BRIEF, urls)).select_one("#pb-actor-russia-1")
    assert russia.get_text() == "Russia"
    following = "".join(russia.find_all_next(string=True, limit=3))
    assert following.startswith("Russia’s delegates")


def test_every_occurrence_is_linked_by_default_the_later_ones_marked_as_again(built):
    site, urls = built
    body = article(page(site, BRIEF, urls))
    russia = body.select('a.pb-link[id^="pb-actor-russia-"]')
    assert [a.get_text() for a in russia] == ["Russia", "Moscow", "Russia"]
    assert ["pb-link--again" in a["class"] for a in russia] == [False, True, True]
    assert [a.get("tabindex") for a in russia] == [None, "-1", "-1"]  # (one stop of the keyboard's for each name)
    assert all(a["href"] == russia[0]["href"] for a in russia)
    in_a_passage_again = [a.find("mark", class_="pb-passage") is not None and "pb-link--again" in a["class"] for a in russia]
    assert [a.get("title") for a in russia] == [None if again else russia[0]["title"] for again in in_a_passage_again]  # (there a click opens the note)
    assert not body.select(".pb-mention")


def test_a_name_the_editor_links_again_is_drawn_and_passed_over_by_the_keyboard_as_a_name_linked_again(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "The [capital](actor:russia) and [the capital](actor:russia) again. Ask [the forum]")
    body = article(page(site_of(mini, tmp_path), BRIEF))
    russia = body.select('a.pb-link[id^="pb-actor-russia-"]')
    assert [a.get_text() for a in russia][-2:] == ["capital", "the capital"]
    assert all("pb-link--again" in a["class"] and a.get("tabindex") == "-1" for a in russia[1:])  # (Russia was linked before both)


def test_first_occurrence_only_when_configured(mini: Project, tmp_path: Path):
    set_config(mini, "  - policy-briefs", "  - policy-briefs:\n      link: first")
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    body = article(page(tmp_path / "site", BRIEF))
    assert body.select_one("#pb-actor-russia-1").name == "a"
    later = body.select_one("#pb-actor-russia-2")
    assert later.name == "span" and later.get_text() == "Moscow"
    assert len(body.select('a.pb-link[id^="pb-actor-russia-"]')) == 1


def test_explicit_link_and_suppression(built):
    site, urls = built
    body = article(page(site, BRIEF, urls))
    explicit = body.find("a", string="the forum")
    assert "glossary/arf" in explicit["href"] and explicit["title"].startswith("The ASEAN Regional Forum")
    suppressed = body.select_one("span.pb-nolink")
    assert suppressed.get_text() == "Russia" and not suppressed.find("a")
    assert not body.select('a[href^="nolink:"], a[href^="term:"], a[href^="actor:"]')
    home = article(page(site, "", urls)) if urls else article(page(site, "index", urls))
    assert "glossary/arf" in home.find("a", string="the forum")["href"]


def test_notes_are_numbered_as_the_article_reads_whatever_the_files_order(built):
    site, urls = built
    whole = page(site, BRIEF, urls)
    body = article(whole)
    markers = body.select("button.pb-marker")
    assert [marker.get_text() for marker in markers] == [str(number) for number in range(1, len(markers) + 1)]
    listed = [note["id"].removeprefix("note-") for note in body.select("ol.pb-notes > li.pb-note")]
    assert [marker["popovertarget"].removeprefix("pop-") for marker in markers] == listed
    for marker in markers:  # (a note, as a screen reader names it, is the marker's: its number and kind)
        assert whole.select_one(f"[id='{marker['popovertarget']}']")["aria-label"] == marker["aria-label"].split(",")[0]


@pytest.mark.parametrize("inner_first", [True, False])
@pytest.mark.parametrize(("outer", "inner"), [
    ("Regional Forum met while ASEAN", "Forum met"),
    ("in code and read Russia elsewhere", "Russia\n    prefix: \"read \""),  # (the inner one ends in a link: both markers after it)
], ids=["apart", "ending in one link"])
def test_nested_notes_markers_read_in_order(mini: Project, tmp_path: Path, inner_first: bool, outer: str, inner: str):
    notes = [f"  - id: outer\n    kind: context\n    quote: {outer}\n    body: Outer.\n",
             f"  - id: inner\n    kind: context\n    quote: {inner}\n    body: Inner.\n"]
    path = mini.root / "briefs" / "articles" / "forum-talks.annotations.yml"
    path.write_text("annotations:\n" + "".join(notes[::-1] if inner_first else notes), encoding="utf-8")
    site = site_of(mini, tmp_path)
    markers = article(page(site, BRIEF)).select("button.pb-marker")
    assert [(m.get_text(), m["popovertarget"]) for m in markers] == [("1", "pop-inner"), ("2", "pop-outer")]


def test_annotated_passages_are_highlighted_with_markers(built):
    site, urls = built
    body = article(page(site, BRIEF, urls))
    passage = body.select_one("#passage-forum-met")
    assert passage.name == "mark" and "pb-kind-context" in passage["class"]
    assert "".join(m.get_text() for m in body.select('mark[data-note="note-forum-met"]')) == "ASEAN Regional Forum met"
    marker = body.select_one('button.pb-marker[popovertarget="pop-arf-again"]')
    assert "accurate" in marker["aria-label"]
    popover = body.select_one("#pop-arf-again")
    assert popover.has_attr("popover") and "Verdict: accurate" in popover.get_text()
    note = body.select_one("#note-arf-again")
    assert note.select_one('a[href="#passage-arf-again"]')
    second_arf = body.select_one("#passage-arf-again")
    assert second_arf.get_text() == "ARF" and second_arf.find_all_previous(string=True, limit=1)[0].endswith("so will the ")
    again = second_arf.find_parent("a")  # the name linked again, in the passage: a click opens the note, and no preview says otherwise
    assert "pb-link--again" in again["class"] and not again.has_attr("title")
    assert body.select_one('a.pb-link[href*="glossary/arf"]:not(.pb-link--again)').has_attr("title")


def test_a_mention_after_a_character_entity_is_linked_where_it_stands(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Tom &amp; Russia and ASEAN agreed.")
    site = site_of(mini, tmp_path)
    html = (site / BRIEF / "index.html").read_text(encoding="utf-8")
    assert "wzxhzdk" not in html
    paragraph = next(p for p in article(BeautifulSoup(html, "html.parser")).select("p") if p.get_text().startswith("Later, Tom"))
    for marker in paragraph.select("span.pb-marker-glue"):  # a note's marker, held to its passage
        marker.decompose()
    assert paragraph.get_text().startswith("Later, Tom & Russia and ASEAN agreed.")
    assert [m.get_text() for m in paragraph.select("[id^=pb-actor-russia-]")] == ["Russia"]
    assert "".join(m.get_text() for m in paragraph.select('mark[data-note="note-agreed"]')) == "Russia and ASEAN agreed"


@pytest.mark.parametrize(("written", "anchor", "shown"), [
    ("Tip O’Neill", "pb-actor-oneill-1", "Tip O’Neill"),
    ("Tip O&#39;Neill", "pb-actor-oneill-1", "Tip O'Neill"),
    ("R&amp;D", "pb-term-rnd-1", "R&D"),
], ids=["other apostrophe", "apostrophe reference", "ampersand reference"])
def test_a_name_written_another_way_is_linked_and_listed_as_written(mini: Project, tmp_path: Path, written: str, anchor: str, shown: str):
    mini.write("actors/oneill.yml", "name: Tip O'Neill\ntype: person\nsummary: A speaker of the House.\n")
    mini.write("glossary/rnd.yml", "term: R&D\nexpansion: research and development\ndefinition: Research and development.\n")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{written} spoke; &amp;lt; stays as written. Ask [the forum]")
    site = site_of(mini, tmp_path)
    body = article(page(site, BRIEF))
    assert body.select_one(f"a#{anchor}").get_text() == shown
    assert f"{shown} spoke; &lt; stays as written." in body.get_text()
    entity = "actors/oneill" if "actor" in anchor else "glossary/rnd"
    uses = listed_uses(site, entity)
    assert any(f"{shown} spoke;" in use for use in uses), uses


@pytest.mark.parametrize("article_form", ["NFD", "NFC"])
def test_a_name_and_a_quote_are_found_with_their_accents_written_either_way(mini: Project, tmp_path: Path, article_form: str):
    other = "NFC" if article_form == "NFD" else "NFD"
    mini.write("actors/vietnam.yml", unicodedata.normalize(other, "name: Việt Nam\ntype: state\nsummary: A state in Southeast Asia.\n"))
    sentence = unicodedata.normalize(article_form, "Talks in Hà Nội and Việt Nam ended.")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{sentence} Ask [the forum]")
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", unicodedata.normalize(other, "quote: Talks in Hà Nội and Việt Nam ended"))
    site = site_of(mini, tmp_path)
    body = article(page(site, BRIEF))
    assert unicodedata.normalize("NFC", body.select_one("a#pb-actor-vietnam-1").get_text()) == "Việt Nam"
    marked = "".join(m.get_text() for m in body.select('mark[data-note="note-forum-met"]'))
    assert unicodedata.normalize("NFC", marked) == "Talks in Hà Nội and Việt Nam ended"
    assert any("Talks in H" in use for use in listed_uses(site, "actors/vietnam"))


def test_with_smarty_quotes_a_name_with_an_apostrophe_is_linked_and_a_written_reference_is_kept(mini: Project, tmp_path: Path):
    with_extensions(mini, "smarty")
    mini.write("actors/oneill.yml", "name: Tip O'Neill\ntype: person\nsummary: A speaker of the House.\n")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "Tip O'Neill built 5&#39; walls. Ask [the forum]")
    site = site_of(mini, tmp_path)
    body = article(page(site, BRIEF))
    assert body.select_one("a#pb-actor-oneill-1").get_text() == "Tip O’Neill"  # curled by smarty, linked all the same
    assert "Tip O’Neill built 5' walls." in body.get_text()  # the reference is the straight mark it was written as
    uses = listed_uses(site, "actors/oneill")
    assert uses == ["Tip O’Neill built 5' walls."]


def test_text_an_extension_keeps_aside_reads_as_the_page_shows_it(mini: Project, tmp_path: Path):
    """Inline code (inlinehilite) and an ordinal's letters (smartsymbols) are stashed HTML, but words on the page."""
    with_extensions(mini, "pymdownx.inlinehilite", "pymdownx.smartsymbols")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "Russia uses `x = 1 & y` in the 21st round. Ask [the forum]")
    add_note(mini, "round", "context", "uses x = 1 & y in the 21st round", "Which round?")
    site = site_of(mini, tmp_path)
    marks = article(page(site, BRIEF)).select('mark[data-note="note-round"]')  # the passage, in pieces around the code
    assert "".join(mark.get_text() for mark in marks) == "uses x = 1 & y in the 21st round"
    assert any(mark.select_one("sup") for mark in marks) and any(mark.find_parent("code") for mark in marks)
    uses = listed_uses(site, "actors/russia")
    assert "Russia uses x = 1 & y in the 21st round." in uses, uses
    assert_check_passes(mini)


def test_each_sentence_of_a_quotation_is_listed_alone_marked_as_part_of_it(mini: Project, tmp_path: Path):
    quotation = "He said: “Russia is neutral. Yet Russia may help. Moscow will decide,” Roe added. Ask [the forum]"
    mini.replace("articles/forum-talks.md", "Ask [the forum]", quotation)
    uses = [use for use in listed_uses(site_of(mini, tmp_path), "actors/russia") if "neutral" in use or "help" in use or "decide" in use]
    assert uses == ["He said: “Russia is neutral. …”", "“… Yet Russia may help. …”", "“… Moscow will decide,” Roe added."], uses


def test_a_name_in_text_marked_with_the_mark_extension_is_linked(mini: Project, tmp_path: Path):
    with_extensions(mini, "pymdownx.mark")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "They said ==Russia and ASEAN met== today. Ask [the forum]")
    site = site_of(mini, tmp_path)
    marked = next(mark for mark in article(page(site, BRIEF)).select("mark") if "pb-passage" not in mark.get("class", []))
    assert [m.get_text() for m in marked.select('[id^="pb-actor-"]')] == ["Russia", "ASEAN"]
    uses = listed_uses(site, "actors/russia")
    assert "They said Russia and ASEAN met today." in uses, uses


def test_an_articles_footnotes_are_part_of_it(mini: Project, tmp_path: Path):
    """The footnotes extension puts them at the end of the page: still the article's text, its number and ↩ not its words."""
    with_extensions(mini, "footnotes")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "Moscow spoke.[^1] Then Russia replied.\n\n[^1]: Russia said so in a footnote.\n\nAsk [the forum]")
    add_note(mini, "footnote", "context", "said so in a footnote", "Where?")
    site = site_of(mini, tmp_path)
    assert article(page(site, BRIEF)).select_one(".footnote #passage-footnote").get_text() == "said so in a footnote"
    uses = listed_uses(site, "actors/russia")
    assert {"Moscow spoke.", "Then Russia replied.", "Russia said so in a footnote."} <= set(uses), uses
    assert_check_passes(mini)


def test_names_and_quotes_typed_as_in_the_source_are_found_where_extensions_print_marks(mini: Project, tmp_path: Path):
    with_extensions(mini, "smarty", "pymdownx.smartsymbols")
    mini.write("actors/fire.yml", "name: Fire--Rescue Unit\ntype: organization\nsummary: A unit.\n")
    mini.write("actors/group.yml", "name: The 21st Group\ntype: organization\nsummary: A group.\n")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "The Fire--Rescue Unit paid 1/2 of the (c) fee... then left. The 21st Group sent it c/o R&amp;D. Ask [the forum]")
    add_note(mini, "via", "context", "c/o R&amp;D", "Why?")
    add_note(mini, "fee", "context", "paid 1/2 of the (c) fee...", "Which fee?")
    site = site_of(mini, tmp_path)
    body = article(page(site, BRIEF))
    assert body.select_one("a#pb-actor-fire-1").get_text() == "Fire–Rescue Unit"
    assert body.select_one("a#pb-actor-group-1").get_text() == "The 21st Group" and body.select_one("a#pb-actor-group-1 sup")
    assert body.select_one("#passage-fee").get_text() == "paid ½ of the © fee…"
    assert body.select_one("#passage-via").get_text() == "℅ R&D"
    uses = listed_uses(site, "actors/fire")
    assert uses == ["The Fire–Rescue Unit paid ½ of the © fee… then left."]


def test_a_quote_in_a_details_summary_is_found_and_the_summary_is_not_linked(mini: Project, tmp_path: Path):
    with_extensions(mini, "pymdownx.details")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", '???+ note "Why Russia waited"\n    Russia waited for the summit.\n\nAsk [the forum]')
    add_note(mini, "waited", "question", "Why Russia waited", "Did it?")
    site = site_of(mini, tmp_path)
    details = article(page(site, BRIEF)).select_one("details")
    assert details.has_attr("open")  # ???+ : shown open
    assert details.select_one("summary #passage-waited").get_text() == "Why Russia waited"
    assert not details.select_one("summary a") and details.select_one("p [id^=pb-actor-russia-]").get_text() == "Russia"


def test_a_name_runs_across_an_abbreviation_and_the_abbreviation_stays(mini: Project, tmp_path: Path):
    with_extensions(mini, "abbr")
    abbreviations = "*[ASEAN]: Association of Southeast Asian Nations\n*[Forum met]: x\n*[NATO]: North Atlantic\n*[NATO HQ]: headquarters"
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"Talks at NATO HQ went on.\n\n{abbreviations}\n\nAsk [the forum]")
    add_note(mini, "nato", "question", "at NATO", "Where?")
    site = site_of(mini, tmp_path)
    body = article(page(site, BRIEF))
    forum = body.select_one("a#pb-term-arf-1")
    assert " ".join(forum.get_text().split()) == "ASEAN Regional Forum" and forum.select_one("abbr").get_text() == "ASEAN"
    asean = [element for element in body.select('[id^="pb-actor-asean-"]')]
    assert asean and all(element.select_one("abbr[title='Association of Southeast Asian Nations']") for element in asean)
    # Where the page's links and highlights cut an abbreviation, it is kept in pieces, with its own title.
    assert [abbr.get_text() for abbr in body.select("abbr[title=x]")] == ["Forum", " met"]
    assert [abbr.get_text() for abbr in body.select("abbr[title=headquarters]")] == ["NATO", " HQ"]
    assert body.select_one("#passage-nato abbr[title=headquarters]")
    uses = listed_uses(site, "glossary/arf")
    assert "The ASEAN Regional Forum met while ASEAN watched." in uses, uses
    assert_check_passes(mini)


@pytest.mark.parametrize("space", ["\n", "  ", "&nbsp;", "&#160;"], ids=["line break", "two spaces", "no-break space entity", "numeric no-break space"])
def test_a_name_wrapped_across_lines_is_linked_whole(mini: Project, tmp_path: Path, space: str):
    mini.replace("articles/forum-talks.md", "The ASEAN Regional Forum met", f"The ASEAN Regional{space}Forum met")
    site = site_of(mini, tmp_path)
    first = next(p for p in article(page(site, BRIEF)).select("p") if p.get_text().startswith("The ASEAN"))
    link = first.select_one("a#pb-term-arf-1")
    assert " ".join(link.get_text().split()) == "ASEAN Regional Forum"
    assert [a.get_text() for a in first.select('[id^="pb-actor-asean-"]')] == ["ASEAN"]  # the one in "while ASEAN watched", not the forum's
    uses = listed_uses(site, "glossary/arf")
    assert "The ASEAN Regional Forum met while ASEAN watched." in uses


def test_an_organisations_members_are_shown_as_those_with_a_profile(mini: Project, tmp_path: Path):
    mini.replace("actors/asean.yml", "members: []", "members: [russia]")
    mini.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin]\naffiliations: [asean]")  # (written on both sides)
    site = tmp_path / "site"
    assert build(mini.root, site).returncode == 0
    header = article(page(site, "actors/asean")).select_one(".pb-entity-header")
    assert " ".join(header.get_text(" ").split()) == "Organisation Also referred to as: Association of Southeast Asian Nations Members with a profile here: Russia"
    member = article(page(site, "actors/russia")).select_one(".pb-entity-header")
    shown = " ".join(member.get_text(" ").split())
    assert "Member of: ASEAN" in shown and "Affiliations" not in shown  # once, not as an affiliation too


def test_a_no_break_space_entity_in_code_is_shown_as_written(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "The ASEAN Regional Forum met", "The `ASEAN&nbsp;Regional` Forum met")
    site = tmp_path / "site"
    assert build(mini.root, site, strict=False).returncode == 0
    assert article(page(site, BRIEF)).select("p code")[0].get_text() == "ASEAN&nbsp;Regional"


def test_a_marked_section_mkdocs_cannot_read_is_told_and_shown_as_written_not_a_stopped_build(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "The ASEAN Regional Forum met", "Word wrote <![x]> and `<![y]>`. The ASEAN Regional Forum met")
    site = tmp_path / "site"
    result = build(mini.root, site, strict=False)
    assert result.returncode == 0, result.stderr
    assert "forum-talks.md:15: MkDocs cannot read '<![x]>'" in result.stderr
    paragraph = next(p for p in article(page(site, BRIEF)).select("p") if "Word wrote" in p.get_text())
    assert paragraph.get_text().replace(WORD_JOINER, "").startswith("Word wrote <![x]> and <![y]>.")  # (with a joiner a page does not show)
    assert build(mini.root, tmp_path / "strict").returncode == 1


def test_skip_to_content_leads_to_the_start_of_a_generated_page(built):
    site, urls = built
    for path in (BRIEF, "glossary/arf", "actors/russia"):
        soup = page(site, path, urls)
        target = soup.select_one("a.md-skip")["href"]
        assert target.startswith("#"), path
        start = soup.find(id=target[1:])
        assert start is not None, path
        body = article(soup)
        first_text = next(e for e in body.find_all(["p", "dl", "ul", "ol", "h2"]) if e.get_text(strip=True))
        assert start in first_text.find_all_previous(), path  # before the page's text, not at a later section


@pytest.mark.parametrize("soft_hyphen", ["\u00ad", "&shy;"], ids=["typed", "as a reference"])
def test_a_name_holding_a_soft_hyphen_is_linked_and_listed_on_its_entrys_page(mini: Project, tmp_path: Path, soft_hyphen: str):
    """It reads as the name (the character is not shown), so it links as the name does, the soft hyphen kept where a line may break."""
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"The East Asia Sum{soft_hyphen}mit met too.\n\nAsk [the forum]")
    site = site_of(mini, tmp_path)
    link = article(page(site, BRIEF)).select_one("#pb-term-eas-1")
    assert (link.name, link.get_text(), link["href"]) == ("a", "East Asia Sum\u00admit", "../../glossary/eas/")
    uses = article(page(site, "glossary/eas")).select(".pb-appears-in li.pb-use a")
    assert [(a.get_text(), a["href"].rsplit("/", 2)[-2:]) for a in uses] == [("The East Asia Sum\u00admit met too.", ["forum-talks", "#pb-term-eas-1"])]
    searched = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = " ".join(entry["text"] for entry in searched if entry["location"].startswith(("briefs/forum-talks/", "glossary/eas/")))
    assert "The East Asia Summit met too." in texts and "\u00ad" not in texts, "search finds the name as it reads"


@pytest.mark.parametrize("soft_hyphen", ["\u00ad", "&shy;"], ids=["typed", "as a reference"])
def test_a_quote_of_words_holding_a_soft_hyphen_marks_its_passage(mini: Project, tmp_path: Path, soft_hyphen: str):
    """A quote copied from the page (where the character is not shown) marks the passage the article writes with it."""
    mini.replace("articles/forum-talks.md", "The ASEAN Regional Forum met", f"The ASEAN Regional Fo{soft_hyphen}rum met")
    site = site_of(mini, tmp_path)
    marks = article(page(site, BRIEF)).select('mark[data-note="note-forum-met"]')
    assert "".join(mark.get_text() for mark in marks) == "ASEAN Regional Fo\u00adrum met"
    assert_check_passes(mini)


def test_entry_page_has_contextual_backlinks(built):
    site, urls = built
    entry = article(page(site, "glossary/arf", urls))
    assert entry.select_one(".pb-expansion").get_text() == "ASEAN Regional Forum"
    uses = entry.select(".pb-appears-in li.pb-use a")
    texts = [a.get_text() for a in uses]
    assert "The ASEAN Regional Forum met while ASEAN watched." in texts
    first = uses[texts.index("The ASEAN Regional Forum met while ASEAN watched.")]
    assert first["href"].endswith("#pb-term-arf-1")
    notes = entry.select(".pb-use--note a")
    assert any(a["href"].endswith("#note-forum-met") for a in notes)
    assert entry.select_one('a.pb-link--term[href*="eas"]'), "related entry linked"


def test_quotations_on_the_speakers_profile(built):
    site, urls = built
    profile = article(page(site, "actors/jane-roe", urls))
    quote = profile.select_one(".pb-quotations blockquote a")
    assert quote.get_text() == "“We agreed,”"
    assert quote["href"].endswith("#passage-roe-agreed")
    affiliation = profile.find("strong", string="Affiliations:").parent.a
    assert affiliation.get_text() == "ASEAN" and affiliation["href"] in {"../asean/", "asean.html"}


def test_an_authors_profile_lists_the_briefs_they_wrote_newest_first(mini: Project, tmp_path: Path):
    mini.write("articles/older-brief.md", "---\ntitle: An older brief\nsource:\n  publisher: Example\n  published: 2015-03\n  authors: [jane-roe]\nsummary: Older.\n---\nRussia agreed.\n")
    site = site_of(mini, tmp_path)
    written = article(page(site, "actors/jane-roe")).select(".pb-authored li")
    assert [li.a.get_text() for li in written] == ["Forum talks in the region", "An older brief"]
    assert written[1].a["href"] == "../../briefs/older-brief/"
    assert "March 2015" in written[1].get_text()
    brief = article(page(site, "briefs/older-brief"))
    assert brief.find("dt", string="Author").find_next("dd").a["href"] == "../../actors/jane-roe/"
    assert not article(page(site, "actors/russia")).select(".pb-authored"), "an actor who wrote nothing lists nothing"


def test_an_actor_is_often_mentioned_with_those_two_briefs_or_more_mention_alongside(mini: Project, tmp_path: Path):
    def often(site: Path) -> list[str]:
        return [li.get_text(" ", strip=True) for li in article(page(site, "actors/russia")).select(".pb-co-mentioned li")]

    assert often(site_of(mini, tmp_path / "one")) == []  # one brief in common is not "often"
    mini.write("articles/second-talks.md", "---\ntitle: Second talks\nsource:\n  publisher: Example\n  published: 2020\nsummary: More.\n---\nRussia and ASEAN met again.\n")
    assert often(site_of(mini, tmp_path / "two")) == ["ASEAN (2 briefs)"]  # Jane Roe shares only the first


def test_related_briefs_and_new_content_without_code_change(mini: Project, tmp_path: Path):
    mini.write("glossary/eas.yml", mini.read("glossary/eas.yml"))
    mini.write("actors/vietnam.yml", "name: Vietnam\ntype: state\naliases: [Hanoi]\nsummary: Vietnam is a state in Southeast Asia. It joined ASEAN in 1995.\n")
    mini.write("glossary/sea.yml", "term: South China Sea\ndefinition: A sea in Southeast Asia. Several states claim parts of it.\nactors: [vietnam]\n")
    mini.write("articles/new-brief.md", "---\ntitle: A new brief\nsource:\n  publisher: Example\n  published: 2020\nsummary: New.\ntags: [defence]\n---\nHanoi watched the South China Sea and the ARF; Russia agreed.\n")
    mini.write("articles/new-brief.annotations.yml", "annotations:\n  - id: watch\n    kind: question\n    quote: Hanoi watched\n    body: Why?\n    actors: [vietnam]\n")
    site = site_of(mini, tmp_path)
    new = article(page(site, "briefs/new-brief"))
    assert new.select_one("#pb-actor-vietnam-1")["href"].rstrip("/").endswith("actors/vietnam")
    assert new.select_one("#pb-term-sea-1").get_text() == "South China Sea"
    related = new.select(".pb-related a")
    assert [a.get_text() for a in related] == ["Forum talks in the region"]
    old = article(page(site, BRIEF))
    assert [a.get_text() for a in old.select(".pb-related a")] == ["A new brief"]
    index = article(page(site, "briefs"))
    assert [a.get_text() for a in index.select(".pb-card__title a")] == ["A new brief", "Forum talks in the region"]
    assert "Vietnam" in article(page(site, "actors")).get_text()


def test_bad_reference_fails_strict_with_file_and_line(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.annotations.yml", "actors: [russia]", "actors: [rusia]")
    strict = build(mini.root, tmp_path / "strict")
    assert strict.returncode != 0
    assert "briefs/articles/forum-talks.annotations.yml:25: unknown actor 'rusia' (did you mean 'russia'?)" in strict.stderr
    assert "Traceback" not in strict.stderr
    lenient = build(mini.root, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0
    assert (tmp_path / "lenient" / BRIEF / "index.html").is_file()


def test_a_hand_written_pages_marked_section_mkdocs_cannot_read_is_a_located_warning_not_a_stopped_build(mini: Project, tmp_path: Path):
    home = mini.root / "docs" / "index.md"
    home.write_text("---\ntitle: Home\n---\n" + home.read_text(encoding="utf-8") + "\nWord wrote `<![x]>` here.\n", encoding="utf-8")
    line = home.read_text(encoding="utf-8").splitlines().index("Word wrote `<![x]>` here.") + 1
    lenient = build(mini.root, tmp_path / "site", strict=False)
    assert lenient.returncode == 0, lenient.stderr
    assert f"WARNING -  policy_briefs: docs/index.md:{line}: MkDocs cannot read '<![x]>' (after <![ it knows only CDATA[ and a few keywords): it would stop the build (write &lt;![" in lenient.stderr
    assert "Word wrote <![x]> here." in page(tmp_path / "site", "").get_text().replace(WORD_JOINER, "")
    assert build(mini.root, tmp_path / "strict").returncode == 1


def test_a_link_to_a_brief_that_is_not_published_is_told_once_by_the_build_as_by_the_check(mini: Project, tmp_path: Path):
    second = mini.read("articles/forum-talks.md").replace("title:", "titl:", 1)
    mini.write("articles/second.md", second)
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [the second](second.md). Ask [the forum]")
    result = build(mini.root, tmp_path / "site")
    about_the_link = [line for line in result.stderr.splitlines() if line.startswith("WARNING") and "second.md'" in line and "forum-talks.md" in line]
    assert result.returncode == 1 and len(about_the_link) == 1 and "names a brief that is not published" in about_the_link[0], result.stderr


def test_a_fields_link_it_does_not_keep_is_shown_as_text_as_its_warning_says(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.annotations.yml", "every year since 1994.", "every year since 1994: see [the other brief](other.md), [nothing]() or [mail](mailto:).")
    mini.replace("articles/forum-talks.md", "A short test brief", "A short [test](other.md) brief")
    result = build(mini.root, tmp_path / "site", strict=False)
    told = [line for line in result.stderr.splitlines() if "is not kept" in line]
    assert len(told) == 4, result.stderr
    brief = page(tmp_path / "site", "briefs/forum-talks/")
    note = brief.select_one("#note-forum-met")
    assert "see the other brief, nothing or mail." in note.get_text(" ", strip=True).replace(" ,", ",").replace(" .", ".")
    assert [a.get("href") for a in note.select("a") if a.get_text() in {"the other brief", "nothing", "mail"}] == [None, None, None]
    assert "A short test brief" in brief.get_text() and not brief.select('a[href="other.md"], a[href=""], a[href="mailto:"]')  # the summary's link too


def test_a_name_nolink_cuts_is_a_located_warning_of_the_build(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "They met at the [ASEAN](nolink:) Regional Forum. Ask [the forum]")
    line = mini.read("articles/forum-talks.md").splitlines().index(next(text for text in mini.read("articles/forum-talks.md").splitlines() if "(nolink:)" in text)) + 1
    strict = build(mini.root, tmp_path / "strict")
    warnings = [text for text in strict.stderr.splitlines() if text.startswith("WARNING")]
    assert strict.returncode == 1 and warnings == [
        f"WARNING -  policy_briefs: briefs/articles/forum-talks.md:{line}: 'ASEAN Regional Forum' is not linked to term:arf:"
        " a nolink: span holds part of it (put the nolink: span around the whole name, or take it away)",
    ], strict.stderr


def test_a_hand_written_pages_link_to_no_known_entity_is_a_located_warning(mini: Project, tmp_path: Path):
    home = mini.root / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nAlso [a typo](term:arff), [Moscow](actor:rusia) and [this](nolink:x).\n", encoding="utf-8")
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert strict.returncode != 0 and warnings == [
        "WARNING -  policy_briefs: docs/index.md:5: link to unknown glossary entry 'term:arff' (did you mean 'arf'?)",
        "WARNING -  policy_briefs: docs/index.md:5: link to unknown actor 'actor:rusia' (did you mean 'russia'?)",
        "WARNING -  policy_briefs: docs/index.md:5: 'nolink:x' takes nothing after the colon (write (nolink:))",
    ], strict.stderr
    assert not page(site_of_lenient(mini, tmp_path), "").select('a[href^="nolink:"]')  # shown as text
    (mini.root / "briefs" / "glossary" / "arf.yml").unlink()  # the page's good link loses its entry
    strict = build(mini.root, tmp_path / "again")
    assert "docs/index.md:3: link to unknown glossary entry 'term:arf' (create briefs/glossary/arf.yml)" in strict.stderr


def test_links_to_a_briefs_notes_and_sections_build_and_wrong_links_and_images_are_told_on_the_articles_line(mini: Project, tmp_path: Path):
    set_config(mini, "markdown_extensions:", "validation:\n  unrecognized_links: warn\n  anchors: warn\nmarkdown_extensions:")
    (mini.root / "docs" / "LICENSE").write_text("A licence.\n", encoding="utf-8")
    valid = (
        "See [the note](#note-forum-met), [the notes](#notes), [again](forum-talks.md#note-agreed), [its passage](#passage-forum-met),"
        " [a tag](tags.md#tag-defence), [the licence](../LICENSE) or write to <someone@example.org>. Ask [the forum]"
    )
    mini.replace("articles/forum-talks.md", "Ask [the forum]", valid)
    site_of(mini, tmp_path)  # places on the brief's and the tags page, a file with no extension, an email address: no warning
    assert_check_passes(mini)
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [nowhere](#nope), [a report](report) and ![a map](mapp.png) [O'Brien](o'brien.pdf). Ask [the forum]")
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line.split(" -  ", 1)[1] for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    report = "briefs/articles/forum-talks.md:25: link 'report' is neither a web address nor a file of the site"
    image = "briefs/articles/forum-talks.md:25: link 'mapp.png' names 'briefs/mapp.png', which is not a page or file of the site"
    quoted = "briefs/articles/forum-talks.md:25: link 'o'brien.pdf' names 'briefs/o'brien.pdf', which is not a page or file of the site"
    assert strict.returncode != 0 and [warning.split(" (")[0] for warning in warnings] == [
        f"policy_briefs: {image}", f"policy_briefs: {quoted}", f"policy_briefs: {report}",
        "briefs/articles/forum-talks.md:25: the article contains a link '#nope', but there is no such anchor on the brief page.",  # ('#notes' is too far to offer)
    ], strict.stderr
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert [line.split(" (")[0] for line in check.stdout.splitlines()[:3]] == [image, quoted, report]  # the check says the same


@pytest.fixture
def anchors_warned_of(mini: Project) -> None:
    """The mini site's builds warn of a link to a place a page lacks, as the repository's site's do."""
    set_config(mini, "markdown_extensions:", "validation:\n  anchors: warn\nmarkdown_extensions:")


def strict_warnings(mini: Project, tmp_path: Path) -> list[str]:
    """The warnings of a strict build of the site, which they fail, sorted."""
    strict = build(mini.root, tmp_path / "strict")
    assert strict.returncode != 0, strict.stderr
    return sorted(line.split(" -  ", 1)[1] for line in strict.stderr.splitlines() if line.startswith("WARNING"))


@pytest.mark.usefixtures("anchors_warned_of")
def test_a_briefs_fields_links_to_its_headings_are_checked_by_its_build_on_their_lines(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "  - Forums matter.", "  - Forums matter (see [Russia](#russia-in-asean-regional-forum)).")
    mini.replace("articles/forum-talks.annotations.yml", "      The forum has met every year since 1994.\n", "      The forum has met every year\n      since 1994 ([more](#notes)).\n")
    linked = page(site_of(mini, tmp_path), "briefs/forum-talks/")  # a heading of the article, a heading of the tail: no warning
    assert linked.select_one('.policy-briefs-takeaways a[href="#russia-in-asean-regional-forum"], a[href="#russia-in-asean-regional-forum"]')
    mini.replace("articles/forum-talks.md", "(#russia-in-asean-regional-forum)", "(#russia-in-asean)")
    mini.replace("articles/forum-talks.annotations.yml", "(#notes)", "(#the-notes)")
    assert strict_warnings(mini, tmp_path) == [
        "briefs/articles/forum-talks.annotations.yml:7: the annotations file contains a link '#the-notes', but there is no such anchor on the brief page (did you mean '#notes'?).",
        "briefs/articles/forum-talks.md:11: the article's front matter contains a link '#russia-in-asean', but there is no such anchor on the brief page (did you mean '#russia-in-asean-regional-forum'?).",
    ]


@pytest.mark.usefixtures("anchors_warned_of")
def test_an_entry_s_or_actor_s_links_to_places_of_its_page_are_checked_by_the_build_on_their_lines(mini: Project, tmp_path: Path):
    mini.replace("glossary/eas.yml", "It first met in 2005.\n", "It first met in 2005.\n  See [its uses](#appears-in) and [below](#no-such-place).\n")
    mini.replace("actors/russia.yml", "member of many forums.", "member of many forums ([more](#nowhere)).")
    assert strict_warnings(mini, tmp_path) == [
        "briefs/actors/russia.yml:5: the actor's summary contains a link '#nowhere', but there is no such anchor on its page.",
        "briefs/glossary/eas.yml:5: the entry's definition contains a link '#no-such-place', but there is no such anchor on its page.",
    ]


def test_a_link_whose_address_is_written_with_escapes_is_read_as_markdown_reads_it_by_the_check_and_the_build(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [her](actor:jane\\-roe).\n\nAnd [the file](missing\\_file.md). Ask [the forum]")
    message = "briefs/articles/forum-talks.md:27: link 'missing_file.md' names 'briefs/missing_file.md', which is not a page or file of the site"
    assert [line.split(" (")[0] for line in strict_warnings(mini, tmp_path)] == [f"policy_briefs: {message}"]  # (the actor's link is no problem)
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert [line.split(" (")[0] for line in check.stdout.splitlines()[:-1]] == [message]
    mini.replace("articles/forum-talks.md", "And [the file](missing\\_file.md). ", "")
    linked = page(site_of(mini, tmp_path), "briefs/forum-talks/").select('a.pb-link[href$="actors/jane-roe/"]')
    assert "her" in [link.get_text() for link in linked]


@pytest.mark.usefixtures("anchors_warned_of")
def test_a_link_to_a_heading_a_page_lacks_is_told_the_near_one(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [Russia](#the-russia-in-asean-forum), [elsewhere](#nowhere-at-all) and [no](#nope). Ask [the forum]")
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\nAs [before](forum-talks.md#russia-in-the-asean-regional-forum).\n")
    assert strict_warnings(mini, tmp_path) == [
        "briefs/articles/forum-talks.md:25: the article contains a link '#nope', but there is no such anchor on the brief page.",  # (not '#notes': too far)
        "briefs/articles/forum-talks.md:25: the article contains a link '#nowhere-at-all', but there is no such anchor on the brief page.",
        "briefs/articles/forum-talks.md:25: the article contains a link '#the-russia-in-asean-forum', but there is no such anchor on the brief page (did you mean '#russia-in-asean-regional-forum'?).",
        "briefs/articles/second.md:8: the article contains a link 'forum-talks.md#russia-in-the-asean-regional-forum', but the page of briefs/articles/forum-talks.md"
        " does not contain an anchor '#russia-in-the-asean-regional-forum' (did you mean 'forum-talks.md#russia-in-asean-regional-forum'?).",
    ]


@pytest.mark.usefixtures("anchors_warned_of")
def test_a_link_to_a_place_a_page_lacks_is_told_on_every_line_that_writes_it(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [it](#typo-heading).\n\nAgain [it](#typo-heading). Ask [the forum]")
    mini.replace("articles/forum-talks.annotations.yml", "      The forum has met every year since 1994.\n", "      The forum has met every year since 1994 ([it](#typo-heading)).\n")
    mini.write("../docs/more.md", "# More\n\n[One](#nowhere-else) [One](#nowhere).\n\n[Two](#nowhere) and [a page](gone.md) [again](gone.md).\n\n[Three](gone.md).\n")
    assert [warning.split(" contains ")[0] for warning in strict_warnings(mini, tmp_path)] == [
        "briefs/articles/forum-talks.annotations.yml:6: the annotations file",
        "briefs/articles/forum-talks.md:25: the article",
        "briefs/articles/forum-talks.md:27: the article",
        # (two links to gone.md on line 5: told once, as one warning says it of the line)
        "docs/more.md:3: the page", "docs/more.md:3: the page", "docs/more.md:5: the page", "docs/more.md:5: the page", "docs/more.md:7: the page",
    ]


@pytest.mark.usefixtures("anchors_warned_of")
def test_links_through_one_reference_are_told_once_on_its_line(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [one][Ref One] and [ref one].\n\n[REF ONE]: missing-ref.md\n\nAsk [the forum]")
    message = "briefs/articles/forum-talks.md:27: link 'missing-ref.md' names 'briefs/missing-ref.md', which is not a page or file of the site"
    assert [warning.split(" (")[0] for warning in strict_warnings(mini, tmp_path)] == [f"policy_briefs: {message}"]
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert [line.split(" (")[0] for line in check.stdout.splitlines()[:-1]] == [message]


def test_a_link_to_a_missing_file_is_told_by_the_check_on_every_line_that_writes_it(mini: Project):
    # (a link to an address that begins with another's is not that one: `gone.md#part`, before `gone.md`)
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [a](gone.md#part) [a](gone.md#part).\n\nAnd [b](gone.md), [c](javascript:x).\n\nAsk [the forum]")
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert [line.split(" link ")[0] + line.split("'")[1] for line in check.stdout.splitlines()[:-1]] == [
        "briefs/articles/forum-talks.md:25:gone.md#part", "briefs/articles/forum-talks.md:27:gone.md", "briefs/articles/forum-talks.md:27:javascript:x",
    ], check.stdout


def test_a_link_to_a_missing_file_is_one_located_warning_in_build_and_check(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "(term:arf)", "(term:arf) or [an entry](../glossary/ar.md), [home](../index.md)")
    expected = "briefs/articles/forum-talks.md:25: link '../glossary/ar.md' names 'glossary/ar.md', which is not a page or file of the site (did you mean '../glossary/arf.md'?)"
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert strict.returncode != 0 and len(warnings) == 1 and warnings[0].endswith(expected), strict.stderr
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert check.stdout.splitlines()[:-1] == [expected], check.stdout


def test_html_the_page_would_drop_is_a_located_warning_in_build_and_check(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", 'A clip:\n\n<iframe src="https://example.org/v"></iframe>\n\nAsk <a href="term:arf">the forum</a> and [the forum]')
    expected = [
        "briefs/articles/forum-talks.md:27: HTML element <iframe> is removed from the page (only text markup is kept) (link to it instead: [its title](https://…))",
        "briefs/articles/forum-talks.md:29: href=\"term:arf\" in HTML is not resolved and loses its address: term: links work in Markdown only (write [its text](term:arf))",
    ]
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line.removeprefix("WARNING -  policy_briefs: ") for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert strict.returncode != 0 and warnings == expected, strict.stderr
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert check.stdout.splitlines()[:-1] == expected, check.stdout


def test_dropped_html_is_reported_where_each_is_written_once_in_build_and_check(mini: Project, tmp_path: Path):
    settings = mini.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - attr_list\n  - tables\n", 1), encoding="utf-8")
    lines = [
        'A clip <iframe src="https://example.org/v"></iframe> here.',  # 25
        "",
        '<span style="color: red">Red</span> and <span style=\'color: red\'>red</span> again.',  # 27: one problem
        "",
        'The same clip <iframe src="https://example.org/v"></iframe> again.',  # 29
        "",
        "A smile :-) first.",
        "",
        'A styled paragraph, not `{: style="color: red" }` in code but',  # 33: code, not where it is dropped
        '{: style="color: red" }',  # 34
        "",
        'Another.\n{: STYLE="x" }',  # 37
        "",
        "a | b\n:- | -:\n1 | 2",  # 40
        "",
        "Ask [the forum]",
    ]
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "\n".join(lines))
    path = "briefs/articles/forum-talks.md"
    iframe = "HTML element <iframe> is removed from the page (only text markup is kept) (link to it instead: [its title](https://…))"
    expected = [
        f"{path}:25: {iframe}",
        f"{path}:27: attribute 'style' of <span> is removed from the page (pages take no styles from content)",
        f"{path}:29: {iframe}",
        f"{path}:34: attribute 'style' of <p> is removed from the page (pages take no styles from content)",
        f"{path}:37: attribute 'style' of <p> is removed from the page (pages take no styles from content)",
        f"{path}:40: a table's column alignment is removed from the page (the tables extension writes it as a style) (give the tables extension use_align_attribute: true in mkdocs.yml, or leave the colons out)",
    ]
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert check.stdout.splitlines()[:-1] == expected, check.stdout
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line.removeprefix("WARNING -  policy_briefs: ") for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == expected, strict.stderr


def test_an_article_nested_hundreds_deep_builds_without_a_traceback(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "".join("    " * level + "1. x\n" for level in range(300)) + "\nAsk [the forum]")
    strict = build(mini.root, tmp_path / "strict")
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    assert [line for line in strict.stderr.splitlines() if line.startswith("WARNING")] == [  # the list from line 25: level 51 on 76
        "WARNING -  policy_briefs: briefs/articles/forum-talks.md:76: the article's Markdown is nested too deeply to read (flatten its nested lists or quotes)"
    ]
    lenient = build(mini.root, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0 and "Traceback" not in lenient.stderr
    assert (tmp_path / "lenient" / BRIEF / "index.html").is_file()


PAYLOADS = {
    "script": "<script>alert('x')</script>",
    "handler": '<img src="x" onerror="alert(1)">',
    "js-url": "[click](javascript:alert(1))",
}


def test_script_payloads_in_yaml_never_reach_a_page(mini: Project, tmp_path: Path):
    payload = " ".join(PAYLOADS.values())
    mini.write("actors/evil.yml", f"name: \"Evil <script>alert(1)</script>\"\ntype: person\nrole: '<b onmouseover=\"x()\">r</b>'\nsummary: |\n  Evil is a test. {payload}\nsources:\n  - title: \"<script>s()</script>\"\n    publisher: \"<script>p()</script>\"\n    url: https://example.org/\n")
    mini.replace("articles/forum-talks.annotations.yml", "body: Which delegates?", f"body: |\n      Which delegates? {payload}")
    mini.replace("articles/forum-talks.md", "A short test brief about **regional forums**.", f"A short test brief. {payload}")
    site = tmp_path / "site"
    result = build(mini.root, site, strict=False)
    assert result.returncode == 0, result.stderr
    reported = {line.split(": ")[1].split(":")[0] for line in result.stderr.splitlines() if "link 'javascript:alert(1)'" in line}
    assert reported == {"briefs/actors/evil.yml", "briefs/articles/forum-talks.md", "briefs/articles/forum-talks.annotations.yml"}  # the editor is told
    for path in ["actors/evil", BRIEF, "actors", "briefs"]:
        body = article(page(site, path))
        assert not body.select("script"), path
        assert not [e for e in body.find_all(True) if any(name.startswith("on") for name in e.attrs)], path
        assert not [a for a in body.select("a[href]") if a["href"].strip().lower().startswith("javascript:")], path
    evil = page(site, "actors/evil")
    # Shown as text (a tag's `<` followed by an invisible word joiner: the theme may show a title cut short as HTML).
    assert "Evil <script>alert(1)</script>" in evil.select_one("h1").get_text().replace(WORD_JOINER, "")


def test_text_that_reads_to_search_as_its_mark_lets_no_handler_onto_a_page_and_is_told(mini: Project, tmp_path: Path):
    """Material's search takes `data-search-…="…"` out of a page with a pattern, after reading it: from a text
    or a link's title that holds `data-search-x=`, the pattern ran on into the page's markup, and left words as attributes."""
    handler = 'a"b" autofocus tabindex="0" onfocus="window.pwned=1" y'
    mini.write("glossary/zz.yml", f"term: Zz\ndefinition: |\n  {handler} data-search-x=\n")  # (the glossary's list shows it as a title)
    mini.write("glossary/yy.yml", f'term: Yy\ndefinition: |\n  A test [x](https://example.org/ "data-search-x=") {handler}\n')
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f'<img src="x" alt="data-search-x="> {handler.replace("onfocus", "onerror")}\n\nAsk [the forum]')
    site = tmp_path / "site"
    result = build(mini.root, site, strict=False)
    assert result.returncode == 0, result.stderr
    told = [line.split(": search took words out of the page")[0].split("policy_briefs: ")[1] for line in result.stderr.splitlines() if "search took words" in line]
    assert sorted(told) == ["briefs/articles/forum-talks.md", "briefs/glossary/yy.yml", "the page glossary/index.md"]
    fields = [line.split("policy_briefs: ")[1].split(":")[0] for line in result.stderr.splitlines() if "definition holds 'data-search-'" in line]
    assert sorted(fields) == ["briefs/glossary/yy.yml", "briefs/glossary/zz.yml"]  # (told on their lines by the content's check too)
    for path in ["glossary", "glossary/yy", BRIEF]:
        body = article(page(site, path))
        assert not [e for e in body.find_all(True) if any(name.startswith("on") or name == "autofocus" for name in e.attrs)], path
    assert build(mini.root, tmp_path / "strict").returncode != 0


def test_search_s_mark_in_a_note_is_told_on_its_file_and_its_page_written_safe(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.annotations.yml", "body: Which delegates?", 'body: Which [x](https://example.org/ "data-search-x=") a"b" onmouseover="window.pwned=1" y?')
    site = tmp_path / "site"
    result = build(mini.root, site, strict=False)
    assert result.returncode == 0 and "a plugin changed the page's content" not in result.stderr, result.stderr
    assert "briefs/articles/forum-talks.annotations.yml: search took words out of the page" in result.stderr
    assert not [e for e in article(page(site, BRIEF)).find_all(True) if any(name.startswith("on") for name in e.attrs)]


def test_with_the_sites_markdown_a_numbered_list_starts_at_the_number_written(mini: Project, tmp_path: Path):
    """A brief that quotes a source's points 7 and 8 numbers them so, and a list cut by a paragraph goes on with its numbers."""
    site_extensions = (REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8").split("markdown_extensions:\n")[1].split("\n\n")[0]
    set_config(mini, "markdown_extensions:\n  - toc:\n      permalink: true\n", f"markdown_extensions:\n{site_extensions}\n")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "7. Talks.\n8. Trade.\n\nThen:\n\n9. Visits.\n\nAsk [the forum]")
    site = tmp_path / "site"
    assert build(mini.root, site).returncode == 0
    lists = article(page(site, BRIEF)).select("ol")
    assert [(ol.get("start"), [li.get_text() for li in ol.select("li")]) for ol in lists if "Talks." in ol.get_text() or "Visits." in ol.get_text()] == [
        ("7", ["Talks.", "Trade."]), ("9", ["Visits."]),
    ]


def test_a_source_title_in_another_language_is_marked_as_such_and_its_publisher_follows_it(mini: Project, tmp_path: Path):
    """A screen reader reads the title in its language (WCAG 3.1.2), and the English after it in English."""
    title = "Россия и АСЕАН рассмотрели направления оборонного сотрудничества"
    russian = f"      - title: {title}\n        lang: ru\n        publisher: VOV World\n        url: https://example.org/ru\n"
    mini.replace("articles/forum-talks.annotations.yml", "      - title: ARF site\n", f"{russian}      - title: ARF site\n")
    site = tmp_path / "site"
    result = build(mini.root, site)
    assert result.returncode == 0, result.stderr
    item = next(li for li in article(page(site, BRIEF)).select(".pb-sources li") if title in li.get_text())
    assert item.a["hreflang"] == "ru" and item.a.select_one("span[lang='ru']").get_text() == title
    assert " ".join(item.get_text().split()) == f"{title} (VOV World)"
    assert "VOV World" not in item.a.get_text()  # (outside the span in Russian, and the link)
    english = next(li for li in article(page(site, BRIEF)).select(".pb-sources li") if "ARF site" in li.get_text())
    assert not english.select("[lang]") and not english.a.has_attr("hreflang")  # (a title given no language is the page's)


def test_a_note_cites_its_passage_in_quotation_marks_with_the_passages_own_made_single(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.annotations.yml", "quote: “We agreed,”", "quote: “We agreed,” Jane Roe said")
    site = tmp_path / "site"
    result = build(mini.root, site)
    assert result.returncode == 0, result.stderr
    cited = "“‘We agreed,’ Jane Roe said”"
    brief = article(page(site, BRIEF))
    assert [" ".join(p.get_text().split()) for p in brief.select(".pb-popover__quote") if "Jane Roe said" in p.get_text()] == [cited]
    assert cited in " ".join(article(page(site, "actors/jane-roe")).get_text().split())  # (the speaker's quotations)


def test_a_note_whose_quote_is_not_found_leads_to_no_passage_in_a_lenient_build(mini: Project, tmp_path: Path):
    """The preview shows the note (its problem listed above the page), with no link to a place the page does not have."""
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: ASEAN Regional Forum meets")
    mini.replace("articles/forum-talks.annotations.yml", "quote: “We agreed,”", "quote: “We agree,”")  # (a quotation: listed on its speaker's page too)
    site = tmp_path / "site"
    result = build(mini.root, site, strict=False)
    quotations = [a["href"] for a in article(page(site, "actors/jane-roe")).select("blockquote a[href]")]
    assert quotations and all("#passage-" not in href for href in quotations), quotations
    assert result.returncode == 0 and "quote not found in the article" in result.stderr
    soup = page(site, BRIEF)
    notes = yaml.safe_load(mini.read("articles/forum-talks.annotations.yml"))["annotations"]
    assert soup.select_one(f"li#note-{notes[0]['id']} .pb-note__quote").get_text() == "“ASEAN Regional Forum meets”"
    ids = {element["id"] for element in soup.select("[id]")}
    assert [a["href"] for a in soup.select("a[href^='#']") if a["href"][1:] and a["href"][1:] not in ids] == []


def test_a_note_id_given_twice_is_shown_once_in_a_lenient_build(mini: Project, tmp_path: Path):
    notes = yaml.safe_load(mini.read("articles/forum-talks.annotations.yml"))["annotations"]
    mini.replace("articles/forum-talks.annotations.yml", f"id: {notes[1]['id']}", f"id: {notes[0]['id']}")
    site = tmp_path / "site"
    result = build(mini.root, site, strict=False)
    assert result.returncode == 0 and "is used twice in this brief" in result.stderr
    ids = [element["id"] for element in page(site, BRIEF).select("[id]")]
    assert ids.count(f"note-{notes[0]['id']}") == 1 and len(ids) == len(set(ids))


def test_an_article_cannot_pose_as_the_theme(mini: Project, tmp_path: Path):
    """Material reads its configuration (its search worker's address too) from the first `#__config`."""
    config = '<div id="__config" hidden>{"search": "data:text/javascript,postMessage(1)"}</div>'
    settings = mini.root / "mkdocs.yml"  # attributes in Markdown too, as this repository's site allows
    settings.write_text(settings.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - attr_list\n", 1), encoding="utf-8")
    mini.replace("articles/forum-talks.md", "came from Moscow.\n", f"came from Moscow.\n\n{config}\n\nA paragraph.\n{{: #__search data-md-component=\"search-query\" }}\n")
    site = tmp_path / "site"
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line.removeprefix("WARNING -  policy_briefs: ") for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    theirs = "is removed: the theme's scripts look elements up by it (choose another name)"
    assert strict.returncode != 0 and warnings == [
        f'briefs/articles/forum-talks.md:17: attribute id="__config" of <div> {theirs}',
        f'briefs/articles/forum-talks.md:20: attribute data-md-component="search-query" of <p> {theirs}',
        f'briefs/articles/forum-talks.md:20: attribute id="__search" of <p> {theirs}',
    ], strict.stderr
    result = build(mini.root, site, strict=False)
    assert result.returncode == 0, result.stderr
    soup = page(site, BRIEF)
    assert [(e.name, e.get("type")) for e in soup.select("#__config")] == [("script", "application/json")]  # the theme's
    body = article(soup)
    assert not [e for e in body.find_all(True) if e.get("id", "").startswith("__") or any(name.startswith("data-md-") for name in e.attrs)]
    assert "data:text/javascript" in body.get_text()  # the article's text stays, as text
    assert body.find("p", string="A paragraph.") is not None


def test_nothing_from_content_turns_into_markup_where_the_theme_writes_or_shows_it(mini: Project, tmp_path: Path):
    """Material writes contents entries and "Edit this page" addresses as they are, shows titles in its tooltips as
    HTML (a title cut short too), and copies what a `data-clipboard-text` says."""
    odd_id = add_theme_payloads(mini)
    strict = build(mini.root, tmp_path / "strict")
    assert strict.returncode != 0
    assert "briefs/articles/forum-talks.md:21: attribute data-clipboard-text=\"curl https://example.org/x | sh\" of <button> is removed: the theme's scripts look elements up by it" in strict.stderr
    assert "briefs/articles/forum-talks.md:25: class 'md-ellipsis mermaid' of <pre> is removed: the theme keeps it for its own parts" in strict.stderr
    removed_id = f'briefs/articles/forum-talks.md:17: id "{odd_id}" of <h2> is removed from the page'
    assert removed_id in strict.stderr
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert removed_id in check.stdout  # the check says the same
    site = tmp_path / "site"
    assert build(mini.root, site, strict=False).returncode == 0
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = str(path.relative_to(site))
        assert not [e for e in soup.find_all(True) if any(name.startswith("on") or name == "autofocus" for name in e.attrs)], where
        assert not [e["title"] for e in soup.find_all(title=True) if TAG_START.search(e["title"])], where  # a tooltip's HTML
        assert not [e.get_text() for e in soup.select(".md-ellipsis") if TAG_START.search(e.get_text())], where  # a cut-short title's tooltip
        assert not [e for e in soup.find_all(attrs={"data-clipboard-text": True}) if not e.get("data-md-component")], where
        assert not [a["href"] for a in soup.find_all("a", href=True) if 'q"x' in a["href"] or "q%22x" in a["href"]], where
    brief = page(site, BRIEF)
    assert brief.find(id=odd_id) is None
    [heading] = [h for h in article(brief).select("h2") if "onerror=alert(3)" in h.get_text()]
    assert "&lt;img src=x onerror=alert(3)&gt;" in heading.decode()  # shown as text, as written
    assert [a["href"] for a in brief.select("a.md-nav__link") if a["href"] == f"#{heading['id']}"]  # the contents lead to it by its own id
    assert not (site / "glossary" / 'q"x').exists()  # a file so named is not published: no page, no address from its name


def _tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_builds_are_deterministic_and_leave_sources_alone(mini: Project, tmp_path: Path):
    before = _tree_digest(mini.root)
    assert build(mini.root, tmp_path / "one").returncode == 0
    assert build(mini.root, tmp_path / "two").returncode == 0
    pages = [p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.html")]
    assert len(pages) >= 10
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "one", tmp_path / "two", pages, shallow=False)
    assert not mismatch and not errors
    assert _tree_digest(mini.root) == before


def test_edit_this_page_opens_the_source_file(built):
    site, urls = built
    edit = page(site, BRIEF, urls).select_one('a[rel="edit"]')
    assert edit["href"] == "https://example.org/repo/edit/main/briefs/articles/forum-talks.md"
    entry_edit = page(site, "glossary/arf", urls).select_one('a[rel="edit"]')
    assert entry_edit["href"] == "https://example.org/repo/edit/main/briefs/glossary/arf.yml"


def test_navigation_stays_small(mini: Project, tmp_path: Path):
    for number in range(30):
        mini.write(f"articles/other-{number}.md", f"---\ntitle: Other brief {number}\nsource:\n  publisher: Example\n  published: 2020\nsummary: Other.\n---\nRussia spoke.\n")
    nav = page(site_of(mini, tmp_path), BRIEF).select_one("nav.md-nav--primary")
    assert "Other brief" not in nav.get_text()  # the briefs are listed on their page, not in the navigation
    assert len(nav.select("a.md-nav__link")) < 20


def test_marker_never_sits_inside_a_link(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "read [Russia elsewhere](https://example.org/) too", "read [Russia elsewhere today](https://example.org/) too")
    mini.write("articles/forum-talks.annotations.yml", mini.read("articles/forum-talks.annotations.yml") + "  - id: partway\n    kind: claim\n    quote: read Russia elsewhere\n    body: Ends inside a link.\n")
    site = site_of(mini, tmp_path)
    body = article(page(site, BRIEF))
    marker = body.select_one('button.pb-marker[popovertarget="pop-partway"]')
    assert marker is not None and marker.find_parent("a") is None
    assert "".join(m.get_text() for m in body.select('mark[data-note="note-partway"]')) == "read Russia elsewhere"


def test_sections_after_the_article_are_in_the_contents_with_their_own_ids(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "## Russia in ASEAN Regional Forum", "## Notes\n\nThe author's notes.\n\n## Russia in ASEAN Regional Forum")
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = page(tmp_path / "site", BRIEF)
    ids = {h.get_text(strip=True).rstrip("¶"): [] for h in article(soup).select("h2[id]")}
    for heading in article(soup).select("h2[id]"):
        ids[heading.get_text(strip=True).rstrip("¶")].append(heading["id"])
    assert ids["In this brief"] == ["in-this-brief"]
    assert ids["Notes"] == ["notes", "notes_1"]  # the article's own heading keeps its id; the list of notes gets another
    assert article(soup).select_one("#notes_1").find_next_sibling("ol")["class"] == ["pb-notes"]
    contents = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    for anchor in ("#notes", "#russia-in-asean-regional-forum", "#notes_1", "#in-this-brief"):
        assert anchor in contents
    assert contents.index("#russia-in-asean-regional-forum") < contents.index("#notes_1")


SECOND_BRIEF = (
    "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\nThe second brief says the forum met again.\n",
    "annotations:\n  - id: met-again\n    kind: context\n    quote: the forum met again\n    body: It did.\n",
)


@pytest.mark.usefixtures("anchors_warned_of")
def test_a_link_to_a_briefs_note_must_name_one_of_its_notes_in_the_check_and_the_build(mini: Project, tmp_path: Path):
    mini.write("articles/second.md", SECOND_BRIEF[0])
    mini.write("articles/second.annotations.yml", SECOND_BRIEF[1])
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [there](second.md#note-met-again) and [here](#passage-agreed).\n\nAsk [the forum]")
    site_of(mini, tmp_path)
    assert_check_passes(mini)

    mini.replace("articles/second.annotations.yml", "id: met-again", "id: met-once-more")  # the linking article does not change
    mini.replace("articles/forum-talks.md", "(#passage-agreed)", "(#passage-agred)")
    line = mini.read("articles/forum-talks.md").splitlines().index("See [there](second.md#note-met-again) and [here](#passage-agred).") + 1
    expected = [
        f"briefs/articles/forum-talks.md:{line}: link '#passage-agred' names no note of this brief (did you mean 'agreed'?)",
        f"briefs/articles/forum-talks.md:{line}: link 'second.md#note-met-again' names no note of the brief 'second' (its notes are met-once-more)",
    ]
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert check.returncode != 0 and [line for line in check.stdout.splitlines() if "names no note" in line] == expected
    strict = build(mini.root, tmp_path / "strict")
    warnings = [line.split(" -  ", 1)[1] for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert strict.returncode != 0 and warnings == [f"policy_briefs: {problem}" for problem in expected]  # and not MkDocs' anchor warnings too

    # A mistake in the other brief's notes holds them all back: it is told, and links to them wait till it is mended.
    mini.write("articles/second.annotations.yml", SECOND_BRIEF[1].replace("quote:", "qoute:"))
    mini.replace("articles/forum-talks.md", "(#passage-agred)", "(#passage-agreed)")
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(mini.root)], capture_output=True, text=True, check=False)
    assert check.returncode != 0 and "unknown field 'qoute'" in check.stdout and "names no note" not in check.stdout, check.stdout
    strict = build(mini.root, tmp_path / "held-back")
    warnings = [line.split(" -  ", 1)[1] for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "unknown field 'qoute'" in warnings[0], strict.stderr


def test_a_brief_shows_its_tags_each_leading_to_the_briefs_tagged_so(built):
    site, urls = built
    brief_file = site / BRIEF / "index.html" if urls else site / f"{BRIEF}.html"
    links = page(site, BRIEF, urls).select(".pb-brief-header .pb-tags a.pb-tag")
    assert [a.get_text() for a in links] == ["Southeast Asia", "Defence"]
    for link in links:
        address, _, anchor = link["href"].partition("#")
        target = (brief_file.parent / address).resolve()
        target = target / "index.html" if target.is_dir() else target
        group = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor)
        assert group is not None and group.h2.get_text() == link.get_text()
        assert [a.get_text() for a in group.select("li a")] == ["Forum talks in the region"]


def test_a_tag_that_is_an_entrys_or_actors_id_reads_as_its_name_and_the_tags_page_sorts_by_what_it_reads(mini: Project, tmp_path: Path):
    mini.replace("articles/forum-talks.md", "tags: [southeast-asia, defence]", "tags: [southeast-asia, defence, arf, jane-roe, law-of-the-sea]")
    site = site_of(mini, tmp_path)
    tags = article(page(site, BRIEF)).select(".pb-brief-header .pb-tags a.pb-tag")
    assert [a.get_text() for a in tags] == ["Southeast Asia", "Defence", "ARF", "Jane Roe", "Law of the Sea"]
    assert [a["href"].partition("#")[2] for a in tags] == ["tag-southeast-asia", "tag-defence", "tag-arf", "tag-jane-roe", "tag-law-of-the-sea"]
    groups = page(site, "briefs/tags").select(".pb-tag-group")
    assert [(group["id"], group.h2.get_text()) for group in groups] == [
        ("tag-arf", "ARF"), ("tag-defence", "Defence"), ("tag-jane-roe", "Jane Roe"), ("tag-law-of-the-sea", "Law of the Sea"), ("tag-southeast-asia", "Southeast Asia")]
    assert [a.get_text() for a in article(page(site, "briefs")).select(".pb-card .pb-tags a")] == ["Southeast Asia", "Defence", "ARF", "Jane Roe", "Law of the Sea"]


def test_a_tags_word_that_the_content_writes_as_a_one_word_name_is_spelled_so(mini: Project, tmp_path: Path):
    """"asean-and-eas" reads as the names are written, not "Asean and Eas"; other words read as a title."""
    mini.replace("articles/forum-talks.md", "tags: [southeast-asia, defence]", "tags: [asean-and-eas, kremlin-watch, jane-roe-papers]")
    site = site_of(mini, tmp_path)
    labels = [a.get_text() for a in article(page(site, BRIEF)).select(".pb-brief-header .pb-tags a.pb-tag")]
    assert labels == ["ASEAN and EAS", "Kremlin Watch", "Jane Roe Papers"]
    assert [group.h2.get_text() for group in page(site, "briefs/tags").select(".pb-tag-group")] == ["ASEAN and EAS", "Jane Roe Papers", "Kremlin Watch"]


def test_a_tags_words_are_spelled_as_names_only_where_those_have_capitals_inside(mini: Project, tmp_path: Path):
    """A name of several words spells a run of a tag's words; a lower-case alias or a small word does not change a tag."""
    mini.replace("glossary/eas.yml", "related: [arf]", "related: [arf]\naliases: [pivot, \"ON\", East-Asia Summit]")
    mini.replace("articles/forum-talks.md", "tags: [southeast-asia, defence]", "tags: [pivot-talks, talks-on-eas, east-asia-summit-2005]")
    site = site_of(mini, tmp_path)
    labels = [a.get_text() for a in article(page(site, BRIEF)).select(".pb-brief-header .pb-tags a.pb-tag")]
    assert labels == ["Pivot Talks", "Talks on EAS", "East-Asia Summit 2005"]


def test_a_tag_spells_a_hyphenated_word_as_a_name_or_expansion_writes_it(mini: Project, tmp_path: Path):
    mini.replace("glossary/eas.yml", "expansion: East Asia Summit", "expansion: East Asia-Pacific Summit (“Asia-Pacific”)")
    mini.replace("articles/forum-talks.md", "tags: [southeast-asia, defence]", "tags: [asia-pacific-talks, pacific-asia]")
    labels = [a.get_text() for a in article(page(site_of(mini, tmp_path), BRIEF)).select(".pb-brief-header .pb-tags a.pb-tag")]
    assert labels == ["Asia-Pacific Talks", "Pacific Asia"]


def test_the_glossary_lists_each_entry_with_its_definition_s_first_sentence_whole(mini: Project, tmp_path: Path):
    long_list = ", ".join(f"member {n}" for n in range(40))
    mini.replace("glossary/eas.yml", "The East Asia Summit is a leaders’ forum.", f"The East Asia Summit is a *leaders’* forum of {long_list}.")
    glossary = page(site_of(mini, tmp_path), "glossary/")
    told = {dd.find_previous_sibling("dt").a.get_text(): dd.get_text() for dd in glossary.select(".pb-letter dd")}
    assert told["EAS"] == f"The East Asia Summit is a leaders’ forum of {long_list}."  # (not cut short within it; no second sentence)
    assert told["ARF"].endswith(".") and "..." not in "".join(told.values())


def test_a_brief_s_search_result_begins_with_its_summary_not_its_header_s_details(built):
    site, urls = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    brief = next(entry for entry in index["docs"] if entry["location"] == ("briefs/forum-talks/" if urls else "briefs/forum-talks.html"))
    assert brief["text"].startswith("<p>A short test brief about regional forums.</p>")
    assert "Publisher" not in brief["text"] and "Example Review" not in brief["text"]


def test_search_finds_a_sentence_on_its_brief_not_on_the_pages_that_list_it(built):
    site, urls = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sentence = "Later, Russia and ASEAN agreed."
    texts = [(entry["location"], " ".join(BeautifulSoup(entry["text"], "html.parser").get_text().split())) for entry in index["docs"]]
    found = {location.split("#")[0] for location, text in texts if sentence in text}
    assert found == {"briefs/forum-talks/" if urls else "briefs/forum-talks.html"}
    definition = "security dialogue in the Asia-Pacific"
    assert any(definition in text and "glossary/arf" in location for location, text in texts)


def test_each_brief_entry_and_actor_page_describes_itself_and_search_knows_an_entity_by_its_names(mini: Project, tmp_path: Path):
    mini.replace("glossary/eas.yml", "related: [arf]", "related: [arf]\naliases: [\"<b>Leaders\"]")
    mini.replace("glossary/eas.yml", "The East Asia Summit is a leaders’ forum.", 'The "East Asia Summit" is a leaders’ &lt;forum>.')
    site = site_of(mini, tmp_path)
    described = {path: page(site, path).select_one('meta[name="description"]') for path in ("", BRIEF, "glossary/eas/", "actors/russia/")}
    assert {path: meta and meta["content"] for path, meta in described.items()} == {
        "": None,  # (a page the plugin does not make: the site's description, which the mini site has none of)
        BRIEF: "A short test brief about regional forums.",  # its summary, as it reads
        "glossary/eas/": 'The "East Asia Summit" is a leaders’ <forum>.',  # its definition's first sentence, whole in its attribute
        "actors/russia/": "Russia is a state in Eastern Europe and North Asia.",
    }
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    names = {doc["location"]: doc.get("tags") for doc in docs}
    assert names["glossary/eas/"] == ["EAS", "East Asia Summit", "&lt;b&gt;Leaders"]  # (search shows them as HTML)
    assert names["actors/russia/"] == ["Russia", "Moscow", "Kremlin"] and names[f"{BRIEF}/"] is None


def test_search_finds_a_brief_by_its_notes(built):
    site, urls = built
    brief = "briefs/forum-talks/" if urls else "briefs/forum-talks.html"
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {doc["location"]: doc for doc in docs if doc["location"].startswith(brief)}
    notes = yaml.safe_load((FIXTURES / "mini" / "briefs" / "articles" / "forum-talks.annotations.yml").read_text(encoding="utf-8"))["annotations"]
    section = entries.get(f"{brief}#note-{notes[0]['id']}")  # one section for all: it leads to the first note, under "Notes"
    assert section is not None and section["title"] == "Notes"
    assert page(site, "briefs/forum-talks", urls).select_one(f"li#note-{notes[0]['id']}") is not None
    text = " ".join(BeautifulSoup(section["text"], "html.parser").get_text(" ").split())
    for note in notes:
        assert note["quote"].strip("“”") in text and note["kind"].replace("-", " ") in text.lower()
        assert " ".join(note.get("body", "").split()) in text
        assert all(source["title"] in text for source in note.get("sources", []))  # a brief is found by what its notes cite
    assert any(note.get("sources") for note in notes)
    assert "Jane Roe" in text and "verdict: accurate" in text
    on_page = [item["id"].removeprefix("note-") for item in page(site, "briefs/forum-talks", urls).select("li[id^='note-']")]
    quoted = {note["id"]: f"“{note['quote'].strip('“”')}”" for note in notes}
    assert on_page != [note["id"] for note in notes]  # (the file lists them in another order than the page)
    assert sorted(on_page, key=lambda note: text.index(quoted[note])) == on_page  # search lists them as the page does
    assert all("&lt;" not in entry["text"] for entry in entries.values())  # markup kept as markup, not written out as text


def test_a_comment_that_names_entities_is_built_and_links_nothing(mini: Project, tmp_path: Path):
    """Python's HTML parser ends a comment at `-- >`, which a browser does not: the words after it are still the comment's."""
    mini.replace("articles/forum-talks.md", "## Russia in ASEAN Regional Forum", "<!-- to do -- > Russia and ASEAN, twice -->\n\n## Russia in ASEAN Regional Forum")
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "twice" not in page(tmp_path / "site", BRIEF).get_text()


def test_passages_in_one_paragraph_are_all_marked_even_when_they_overlap(mini: Project, tmp_path: Path):
    notes = mini.read("articles/forum-talks.annotations.yml")
    mini.write("articles/forum-talks.annotations.yml", notes + "  - id: overlap\n    kind: context\n    quote: ASEAN agreed. “We\n    body: Overlaps two others.\n")
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    body = article(page(tmp_path / "site", BRIEF))
    paragraph = body.select_one("#passage-agreed").find_parent("p")
    markers = [button["popovertarget"] for button in paragraph.select("button.pb-marker")]
    assert markers == ["pop-agreed", "pop-overlap", "pop-roe-agreed", "pop-arf-again"]  # in the text's order
    for note, quote in (("agreed", "Russia and ASEAN agreed"), ("overlap", "ASEAN agreed. “We"), ("roe-agreed", "“We agreed,”"), ("arf-again", "ARF")):
        marks = paragraph.select(f'mark[data-note="note-{note}"]')
        assert "".join(s for m in marks for s in m.find_all(string=True) if not s.find_parent(class_="pb-marker-glue")) == quote
    text = "".join(s for s in paragraph.find_all(string=True) if not s.find_parent(class_="pb-marker-glue"))
    assert text == "Later, Russia and ASEAN agreed. “We agreed,” Jane Roe said. The ARF will meet again, and so will the ARF."


def test_a_site_template_in_place_of_the_plugins_is_used_and_the_brief_keeps_its_article(mini: Project, tmp_path: Path):
    ours = PACKAGE_DIR / "templates" / "policy-briefs" / "brief.md"
    override = mini.root / "overrides" / "policy-briefs" / "brief.md"
    override.parent.mkdir(parents=True)
    override.write_text(ours.read_text(encoding="utf-8") + "\nRead with the site's own template.\n", encoding="utf-8")
    set_config(mini, "  name: material", "  name: material\n  custom_dir: overrides")
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    body = article(page(tmp_path / "site", BRIEF))
    text = " ".join(body.get_text().split())
    assert "Read with the site's own template." in text
    assert "Delegates used Russia in code and read Russia elsewhere too." in text  # the article is there
    assert body.select_one("mark#passage-agreed") is not None and body.select_one("#pb-term-arf-1") is not None


SEARCH_HOOK = '''
import json
from pathlib import Path

from bs4 import BeautifulSoup
from material.plugins.search.plugin import SearchIndex
from mkdocs.plugins import event_priority

EXPECTED = {}


@event_priority(-200)
def on_page_context(context, page, config, nav):
    """What search makes of the page as it is written, its note markers left out (they are not article text)."""
    soup = BeautifulSoup(page.content, "html.parser")
    for marker in soup.select("span.pb-marker-glue"):  # a note's marker, held to its passage
        marker["data-search-exclude"] = ""
    for details in soup.select("dl.pb-source") if not CHANGE_AFTER_THE_PLUGIN else ():  # a brief's header's details (unless search reads the page as changed)
        details["data-search-exclude"] = ""
    page_copy = type("Page", (), {"content": str(soup), "meta": page.meta, "toc": page.toc, "url": page.url, "title": page.title})
    index = SearchIndex()
    index.add_entry_from_context(page_copy)
    EXPECTED[page.url] = index.entries
    return context


@event_priority(-50)
def on_page_content(html, page, config, files):
    """Between the plugin's two looks at the page (when the test asks for it)."""
    if CHANGE_AFTER_THE_PLUGIN and page.file.src_uri == "briefs/forum-talks.md":
        return html + "<p>Added after the plugin.</p>"
    return html


def on_post_build(config):
    (Path(config.config_file_path).parent / "expected-index.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
'''


@pytest.mark.parametrize("case", ["article", "article-marking-its-own-parts", "page-changed-after-the-plugin"])
def test_search_indexes_what_each_page_says_without_its_markers(mini: Project, tmp_path: Path, case: str):
    own_marks, changed = case == "article-marking-its-own-parts", case == "page-changed-after-the-plugin"
    (mini.root / "search_hook.py").write_text(f"CHANGE_AFTER_THE_PLUGIN = {changed}\n" + SEARCH_HOOK, encoding="utf-8")
    set_config(mini, "plugins:", "hooks:\n  - search_hook.py\nplugins:")
    set_config(mini, "markdown_extensions:", "markdown_extensions:\n  - attr_list")
    extra = "Some <em>raw</em> words about ASEAN &amp; Russia.\n"
    if own_marks:
        extra += "\nA paragraph about the ARF kept out of search.\n{: data-search-exclude }\n"
    mini.replace("articles/forum-talks.md", "Ask [the forum]", extra + "\nAsk [the forum]")
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    expected = json.loads((mini.root / "expected-index.json").read_text(encoding="utf-8"))
    docs = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for url, entries in expected.items():
        indexed = [doc for doc in docs if doc["location"].split("#")[0] == url]
        notes = [doc for doc in indexed if "#note-" in doc["location"]]  # a brief's, after the page's own (see the next test)
        assert indexed[: len(indexed) - len(notes)] == entries and indexed[len(entries) :] == notes, url
    texts = " ".join(doc["text"] for doc in docs if doc["location"].startswith(BRIEF))
    assert "<p>Some raw words about ASEAN &amp; Russia.</p>" in texts
    brief = (tmp_path / "site" / BRIEF / "index.html").read_text(encoding="utf-8")
    if own_marks:
        assert "kept out of search" in brief and "kept out of search" not in texts
    assert ("Added after the plugin." in brief, "Added after the plugin." in texts) == (changed, changed)
    notes = yaml.safe_load(mini.read("articles/forum-talks.annotations.yml"))["annotations"]
    markers = article(BeautifulSoup(brief, "html.parser")).select("button.pb-marker")
    assert len(markers) == len(notes)  # all on the page, none in the index (the entries above)


def test_the_brief_header_kept_as_html_reads_as_markdown_would_read_it(mini: Project, tmp_path: Path):
    """The package's template marks its header as HTML, so Markdown need not parse it: the same page either way."""
    mini.replace("articles/forum-talks.md", "summary: >\n  A short test brief", "summary: >\n  A short test `<div>` brief")
    result = build(mini.root, tmp_path / "kept")
    assert result.returncode == 0, result.stderr
    ours = (PACKAGE_DIR / "templates" / "policy-briefs" / "brief.md").read_text(encoding="utf-8")
    unmarked = "\n".join(line for line in ours.splitlines() if not line.startswith("<!-- policy-briefs: ")) + "\n"
    assert unmarked.count("\n") == ours.count("\n") - 4  # (the marks around the header, and around its details)
    override = mini.root / "overrides" / "policy-briefs" / "brief.md"
    override.parent.mkdir(parents=True)
    override.write_text(unmarked, encoding="utf-8")
    set_config(mini, "  name: material", "  name: material\n  custom_dir: overrides")
    result = build(mini.root, tmp_path / "parsed")
    assert result.returncode == 0, result.stderr
    kept, parsed = (article(page(tmp_path / site, BRIEF)) for site in ("kept", "parsed"))
    assert kept.select_one(".pb-brief-header code").get_text() == "<div>"
    assert str(kept) == str(parsed)


@pytest.mark.parametrize("layout", ["directory-urls", "file-urls", "brief-in-nav"])
def test_generated_pages_show_the_navigation_the_theme_draws_for_each(mini: Project, tmp_path: Path, layout: str):
    """The navigation drawn once for pages that show it alike is, on every page, the theme's own."""
    import material

    forum = mini.read("articles/forum-talks.md")
    mini.write("articles/second-talks.md", forum.replace("title: Forum talks in the region", "title: Second talks"))
    if layout == "file-urls":
        set_config(mini, "site_name: Test briefs", "site_name: Test briefs\nuse_directory_urls: false")
    if layout == "brief-in-nav":
        set_config(mini, "plugins:", "nav:\n  - index.md\n  - Briefs:\n      - briefs/index.md\n      - briefs/forum-talks.md\n  - glossary/index.md\nplugins:")
    result = build(mini.root, tmp_path / "shared")
    assert result.returncode == 0, result.stderr
    theirs = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
    override = mini.root / "overrides" / "partials" / "nav.html"
    override.parent.mkdir(parents=True)
    override.write_text(theirs.read_text(encoding="utf-8"), encoding="utf-8")
    set_config(mini, "  name: material", "  name: material\n  custom_dir: overrides")
    result = build(mini.root, tmp_path / "theirs")
    assert result.returncode == 0, result.stderr
    pages = sorted(path.relative_to(tmp_path / "shared") for path in (tmp_path / "shared").rglob("*.html"))
    assert len([p for p in pages if p.parts[0] in ("briefs", "glossary", "actors")]) >= 10
    own_items = 0
    for path in pages:
        ours, theirs = (BeautifulSoup((tmp_path / build / path).read_text(encoding="utf-8"), "html.parser") for build in ("shared", "theirs"))
        if theirs.select_one("input#__toc") is None and ours.select_one("input#__toc") is not None:
            ours.select_one("input#__toc").parent.decompose()  # the page's own item, drawn for it into the shared drawing
            own_items += 1
        for soup in (ours, theirs):
            for slot in soup.find_all(string=lambda text: isinstance(text, Comment) and "policy-briefs: the page shown" in text):
                slot.extract()
            for label in soup.select('label[for="__toc"]'):
                del label["for"]  # (the contents' title points at the own item's toggle)
        assert " ".join(str(ours).split()) == " ".join(str(theirs).split()), path
    assert own_items == (3 if layout == "brief-in-nav" else 7)  # each brief, entry and profile out of the navigation, its list page in it
    if layout == "brief-in-nav":
        active = [[a.get_text(strip=True) for a in page(tmp_path / "shared", f"briefs/{slug}").select("nav.md-nav--primary a.md-nav__link--active")] for slug in ("forum-talks", "second-talks")]
        assert active == [["Forum talks in the region"], ["Second talks"]]  # each marks itself: one in the navigation, one drawn into it


def test_a_generated_page_is_shown_after_the_page_that_lists_it_in_the_navigation_with_its_contents(mini: Project, tmp_path: Path):
    set_config(mini, "plugins:", "nav:\n  - index.md\n  - Briefs:\n      - briefs/index.md\n      - briefs/tags.md\n  - glossary/index.md\n  - actors/index.md\nplugins:")
    mini.write("articles/second-talks.md", mini.read("articles/forum-talks.md").replace("title: Forum talks in the region", "title: Second talks"))
    site = site_of(mini, tmp_path)

    def listed(uri: str) -> list[str]:
        """The items of the navigation's list that holds the page shown, the page shown in brackets."""
        shown = page(site, uri).select_one("nav.md-nav--primary a.md-nav__link--active")
        items = shown.find_parent("li").find_parent("ul").find_all("li", recursive=False)
        names = [(item.find("a") or item.find("label"), " ".join((item.find("a") or item.find("label")).get_text().split())) for item in items]
        return [f"[{name}]" if link is shown else name for link, name in names]

    assert listed(BRIEF) == ["Briefs", "[Forum talks in the region]", "Tags"]
    assert listed("briefs/second-talks") == ["Briefs", "[Second talks]", "Tags"]
    assert listed("glossary/arf") == ["Test site", "Briefs", "Glossary", "[ARF]", "Actors"]
    assert listed("actors/jane-roe") == ["Test site", "Briefs", "Glossary", "Actors", "[Jane Roe]"]
    assert listed("") == ["[Test site]", "Briefs", "Glossary", "Actors"]
    brief = page(site, BRIEF).select_one("nav.md-nav--primary")
    assert "Second talks" not in brief.get_text()  # no other brief
    item = brief.select_one("a.md-nav__link--active").parent
    assert item.select_one('input#__toc') and item.select_one('label[for="__toc"]')  # a phone's menu opens the contents
    assert [a.get_text(strip=True) for a in item.select("nav.md-nav--secondary > ul > li > a")][-3:] == ["Notes", "In this brief", "Related briefs"]


def test_a_plugin_changing_the_content_search_reads_is_told_and_the_page_keeps_its_own(mini: Project, tmp_path: Path):
    (mini.root / "change_hook.py").write_text("def on_page_context(context, page, config, nav):\n    page.content += '<p>Added by a hook.</p>'\n    return context\n", encoding="utf-8")
    set_config(mini, "plugins:", "hooks:\n  - change_hook.py\nplugins:")
    result = build(mini.root, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "briefs/forum-talks.md: a plugin changed the page's content while it was given to search" in result.stderr
    body = article(page(tmp_path / "site", BRIEF))
    assert body.select_one("#pb-term-arf-1") is not None and body.select_one("mark#passage-agreed") is not None
    assert build(mini.root, tmp_path / "strict").returncode != 0
