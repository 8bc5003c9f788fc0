"""What makes builds fast must not change what they build.

- the fast reader gives the reader text and origins of `readertext.read_block` (and the
  same span of each text run for a stretch of text);
- the linker's faster pattern finds what the plain one finds;
- related briefs from bit sets rank as the plain comparison of every pair;
- sentence ends found looking only just before each full stop are those found looking at all before it;
- the Markdown fields converted in one run before pages are drawn are every field the contract types as Markdown;
- an article read while its page renders reads as `briefs check` reads it;
- a page made from a guess of what articles mention ends up as a page made knowing it;
- a `--dirty` rebuild after an edit gives the pages of a clean build, re-rendering only
  the pages whose source changed, and an entity's new alias invalidates what was read;
- one `git log` gives the dates of one `git log -1` per brief.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import typing
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import Project
from policy_briefs import fastreader, incremental, mdext, readertext, safehtml, schema, sentences
from policy_briefs.entities import EntityIndex, Target
from policy_briefs.schema import ActorFields
from policy_briefs.linker import Linker, _pattern, _trie, compile_forms
from policy_briefs.pages import markdown_texts, render_inline, render_markdown
from policy_briefs.relations import Relations, _date_key
from policy_briefs.validate import ArticleReader, Loading, load_project
from sitebuild import build

BRIEF = "briefs/forum-talks/index.html"

# -- the fast reader ----------------------------------------------------------------------

ATOMS = ["a", "bb", " ", "  ", "\n", "\t", "*x*", "**y z**", "`c d`", "[l m](http://x)", "&amp;", "&nbsp;", "&#8217;",
         "<span>h</span>", "\\*", "’", "\u00a0", "_u_", "<b> </b>", "- ", "\n\n", "\n- li", "  \n", "Russia", "> q\n"]


class _Root(markdown.treeprocessors.Treeprocessor):
    def run(self, root):  # noqa: ANN001, ANN201
        self.md.root = root


def _tree(source: str):
    md = markdown.Markdown(extensions=["admonition", "attr_list", "toc"])
    md.treeprocessors.register(_Root(md), "root", -30)
    md.convert(source)
    return getattr(md, "root", None), md.htmlStash.rawHtmlBlocks


def _probed_position(block, slot: int, offset: int) -> int:
    """How mentions found a raw position in reader text before: a table of every character's origin."""
    reverse = {origin: position for position, origin in enumerate(block.origins)}
    for probe in range(offset, offset + fastreader.REVERSE_PROBE):
        if (slot, probe) in reverse:
            return reverse[(slot, probe)]
    following = [position for (s, _), position in reverse.items() if s > slot]
    return min(following) if following else len(block.text)


def _random_blocks(rng: random.Random, articles: int):
    """Blocks of random Markdown, each with its stash."""
    for _ in range(articles):
        root, stash = _tree("".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 25))))
        for element in list(readertext.iter_blocks(root)) if root is not None else []:
            yield element, stash


def test_fast_reader_reads_as_the_reader_text_module():
    rng = random.Random(5)
    for element, stash in _random_blocks(rng, 1500):
        slow, fast = readertext.read_block(element, stash), fastreader.read_block(element, stash)
        assert fast.text == slow.text
        assert fast.origins == slow.origins
        for slot_index, slot in enumerate(slow.slots):
            for offset in range(len(slot.get()) + 2):
                assert fast.position_of(slot_index, offset) == _probed_position(slow, slot_index, offset)
        for start in range(len(slow.text)):
            end = rng.randint(start + 1, len(slow.text))
            assert fast.slot_spans(start, end) == {(slot, 0): span for slot, span in _spans(slow.origins[start:end]).items()}


def test_fast_reader_spans_with_cuts_are_what_reading_again_after_linking_gives():
    rng = random.Random(11)
    for element, stash in _random_blocks(rng, 1500):
        before = fastreader.read_block(element, stash)
        splits = _link_at_random(before, stash, rng)
        again = fastreader.read_block(element, stash)
        assert again.text == before.text
        for start in range(len(before.text)):
            end = rng.randint(start + 1, len(before.text))
            cut = before.slot_spans(start, end, {slot: [offset for offset, _ in runs] for slot, runs in splits.items()})
            holders = {(slot, piece): splits[slot][piece - 1][1] if piece else before.slots[slot] for slot, piece in cut}
            read = again.slot_spans(start, end)
            assert [(_where(holders[key]), span) for key, span in sorted(cut.items())] == [(_where(again.slots[slot]), span) for (slot, _), span in sorted(read.items())]


def _link_at_random(block, stash, rng: random.Random) -> dict:
    """Wrap random words of a block's text runs in links as mentions are (the last first); how the runs were split."""
    splits: dict = {}
    parents = {child: parent for parent in block.element.iter() for child in parent}
    words = [
        (number, *_raw_span(where, match.start(), match.end()))
        for number, slot in enumerate(block.slots)
        if not slot.code  # as mentions are found: never in code, across entities but not tags
        for text, where in readertext.searched_texts(slot.get(), stash)
        for match in re.finditer(r"\w+(?: \w+)?|[^\w\s]+", text)  # words and marks, some touching
    ]
    for number, start, end in reversed(sorted(rng.sample(words, rng.randint(0, len(words))))):
        link = etree.Element("a")
        mdext._wrap_slot(block.slots[number], start, end, link, parents)
        splits.setdefault(number, [])[:0] = [(start, readertext.Slot(link, "text")), (end, readertext.Slot(link, "tail"))]
    return splits


def _raw_span(where, start: int, end: int) -> tuple[int, int]:
    if isinstance(where, int):
        return where + start, where + end
    return where[start][0], where[end - 1][1]


def _where(slot) -> tuple[int, str]:  # noqa: ANN001
    return id(slot.element), slot.attr


def _spans(origins: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Per slot, the first and last raw offset among these origins (in reading order)."""
    found: dict[int, list[int]] = {}
    for slot, offset in origins:
        found.setdefault(slot, []).append(offset)
    return {slot: (offsets[0], offsets[-1]) for slot, offsets in found.items()}


def test_normalize_straightens_every_quote_mark_code_point_for_code_point():
    rng = random.Random(17)
    alphabet = "ab ‘’‚‛′“”„‟″'\"é\n"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert readertext.normalize(text) == text.translate(readertext.QUOTE_MARKS)


# -- the linker --------------------------------------------------------------------------


def test_linker_pattern_finds_what_a_plain_lookbehind_finds():
    rng = random.Random(7)
    alphabet = "aAbB ’'.#-(é1_\n"
    for _ in range(3000):
        forms = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))).strip() for _ in range(rng.randint(1, 6))} - {""})
        if not forms:
            continue
        plain = re.compile(rf"(?<!\w){_pattern(_trie(forms))}(?!\w)")
        fast = compile_forms(forms)
        for _ in range(5):
            text = "".join(rng.choice(alphabet) for _ in range(40))
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (forms, text)


def test_a_form_written_with_other_white_space_is_found_as_written_plainly():
    index = EntityIndex.build({}, {"ho-chi-minh": ActorFields(name="Ho Chi\u00a0Minh", type="person", aliases=["Uncle  Ho"], summary="A person.")})
    linker = Linker(index.by_form)
    assert [f.target.id for f in linker.find("Ho Chi Minh, or Uncle Ho, or Uncle\nHo.")] == ["ho-chi-minh"] * 3


def test_linker_finds_a_name_whatever_white_space_separates_its_words():
    forum, asean = Target("term", "arf", "ARF", ""), Target("actor", "asean", "ASEAN", "")
    linker = Linker({"ASEAN Regional Forum": forum, "ASEAN": asean})
    text = "The ASEAN Regional\nForum, the ASEAN  Regional\tForum, the ASEAN\u00a0Regional Forum and ASEAN Regional talks."
    assert [(text[f.start : f.end], f.target) for f in linker.find(text)] == [
        ("ASEAN Regional\nForum", forum), ("ASEAN  Regional\tForum", forum), ("ASEAN\u00a0Regional Forum", forum), ("ASEAN", asean),
    ]


def test_linker_pattern_takes_forms_longer_and_deeper_than_the_recursion_limit():
    long_form = "ASEAN " + "very " * 400 + "long name"  # an editor's runaway expansion
    nested = ["x" * length for length in range(1, 1500)]  # each form a prefix of the next
    for forms, text in ([["ASEAN", long_form], f"The {long_form} and ASEAN."], [nested, "a " + "x" * 700 + " b x"]):
        longest_first = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
        plain = re.compile(rf"(?<!\w)(?:{longest_first})(?!\w)")
        assert [m.span() for m in compile_forms(forms).finditer(text)] == [m.span() for m in plain.finditer(text)]


# -- relations ---------------------------------------------------------------------------


class _Article:
    def __init__(self, slug: str, published: str) -> None:
        self.slug = slug
        self.fields = type("Fields", (), {"source": type("Source", (), {"published": published})()})()


def _related_by_comparing_all(slug, articles, entities_of):
    mine = set(entities_of.get(slug, ()))
    scored = [(other, len(mine & set(entities_of.get(other.slug, ())))) for other in articles.values() if other.slug != slug]
    scored = [(other, score) for other, score in scored if score]
    scored.sort(key=lambda pair: (-pair[1], _date_key(pair[0]), pair[0].slug))
    return [(other.slug, score) for other, score in scored[:5]]


def _co_mentioned_by_comparing_all(actor, entities_of, uses):
    counts = {}
    for refs in entities_of.values():
        if f"actor:{actor}" in refs:
            for other in refs:
                if other.startswith("actor:") and other != f"actor:{actor}":
                    counts[other] = counts.get(other, 0) + 1
    return sorted([pair for pair in counts.items() if pair[1] >= 2], key=lambda pair: (-pair[1], -len(uses.get(pair[0], [])), pair[0]))[:5]


def test_related_briefs_and_co_mentions_rank_as_comparing_every_pair():
    rng = random.Random(11)
    for _ in range(300):
        refs = [f"term:t{i}" for i in range(rng.randint(1, 8))] + [f"actor:a{i}" for i in range(rng.randint(1, 8))]
        articles = {}
        for _ in range(rng.randint(1, 50)):
            slug = f"b{rng.randint(0, 999):03d}"
            articles[slug] = _Article(slug, rng.choice(["2016", "2016-05", "2016-05-04", "2017", "2015-12"]))
        entities_of = {slug: rng.sample(refs, rng.randint(0, len(refs))) for slug in articles if rng.random() < 0.9}
        entities_of["gone"] = rng.sample(refs, 1)  # a brief not among the articles
        uses = {ref: [None] * rng.randint(0, 3) for ref in refs if rng.random() < 0.7}  # (how often each is used: ties among actors in as many briefs)
        relations = Relations(entities_of=entities_of, uses=uses)
        for slug in [*articles, "gone", "never"]:
            assert [(a.slug, n) for a, n in relations.related_briefs(slug, articles)] == _related_by_comparing_all(slug, articles, entities_of)
        for ref in refs:
            if ref.startswith("actor:"):
                assert relations.co_mentioned(ref[6:]) == _co_mentioned_by_comparing_all(ref[6:], entities_of, uses)


def _sentence_ends_searching_all_before(text: str) -> list[int]:
    """Sentence ends as first written: the whole text before each full stop searched for an abbreviation."""
    ends = []
    for match in sentences._SENTENCE_END.finditer(text):
        if not sentences._ABBREVIATION.search(text[: match.start()].rstrip("”’\"')]")):
            ends.append(match.start() + len(text[match.start() : match.end()].rstrip()))
    return ends


def test_sentence_ends_as_searching_all_the_text_before_each_full_stop():
    rng = random.Random(19)
    atoms = ["Mr", "Dr", ".", " ", "  ", "\n", "A", "b", "e.g", "i.e", "U.S", "”", "’", '"', "'", ")", "]", "?", "!",
             "approx", "xapprox", "Xvs", "vs", "etc", "Inc", "No", "St", "1", "(", "“", "word"]
    for _ in range(20000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 30)))
        assert sentences.sentence_ends(text) == _sentence_ends_searching_all_before(text), text
    assert sentences.sentence_at("Mr. Lavrov spoke. Then Dr. Ng left.", 20) == (18, 35)


@pytest.mark.parametrize(("text", "name", "sentence", "quoted"), [
    ("He spoke. “We are partners. This builds trust,” Sumsky said. Then Russia left.", "partners", "“We are partners.", (False, True)),
    ("He spoke. “We are partners. This builds trust,” Sumsky said. Then Russia left.", "Sumsky", "This builds trust,” Sumsky said.", (True, False)),
    ("“One. Two, says Russia. Three.” Four.", "Russia", "Two, says Russia.", (True, True)),  # within a quotation: goes on both ways
    ("Sumsky said: “Russia is neutral.” Others disagree.", "Sumsky", "Sumsky said: “Russia is neutral.”", (False, False)),
    ("He spoke. “We are partners. This builds trust,” Sumsky said. Then Russia left.", "Russia", "Then Russia left.", (False, False)),
    ("A stray ” mark. Then Russia spoke.", "Russia", "Then Russia spoke.", (False, False)),  # a closing mark with none open
    ("He said “one, “two.” Then Russia spoke.", "Russia", "Then Russia spoke.", (False, False)),  # a “ left unclosed is no quotation within one
    ("“One ‘two. Three’ four. Five,” says Russia.", "Russia", "Five,” says Russia.", (True, False)),  # single marks within: not counted
])
def test_a_mentions_sentence_is_its_own_and_says_whether_a_quotation_goes_on_around_it(text: str, name: str, sentence: str, quoted: tuple[bool, bool]):
    start, end = sentences.sentence_at(text, text.index(name))
    assert (text[start:end], sentences.in_quotation(text, start, end)) == (sentence, quoted)
    assert sentences.sentence_at(text, text.index(name), sentences.sentence_ends(text)) == (start, end)


@pytest.mark.parametrize("first", [
    "The SCO (est. 2001) is a regional bloc.",
    "Narendra Modi, born c. 1950, is a politician.",
    "He met Prof. Sumsky in Sept. 2014 and again in Feb. 2015.",
    "Adm. Kuznetsov sailed with ca. 300 troops past Mt. Fuji.",
    "Smith et al. describe it in vol. 2, pp. 10–12.",
])
def test_a_first_sentence_runs_past_common_abbreviations(first: str):
    """The hover text of an entry or actor, and the sentences listed on their pages, are not cut at `est.` or `c.`."""
    assert sentences.first_sentence(f"{first} It is a second sentence.") == first


@pytest.mark.parametrize("text", ["The report is by Amartya Sen. It argues for aid.", "He met Vice Admiral Yuan Jun. He met Shoigu.", "The talks were in Dec. Then they stopped."])
def test_a_sentence_ends_after_a_name_or_word_that_could_be_read_as_an_abbreviation(text: str):
    assert sentences.first_sentence(text) == text.split(". ")[0] + "."


@pytest.mark.parametrize(("passage", "cited"), [
    ("which has been dubbed “rebalance to Asia”", "“which has been dubbed ‘rebalance to Asia’”"),
    ("“integral security” in which countries", "“‘integral security’ in which countries”"),
    ("“We agreed,”", "“We agreed,”"),  # one whole quotation: its own marks
    ("“a” and “b”", "“‘a’ and ‘b’”"),
    ('"We agreed"', "“We agreed”"),
    ("[held on April 27-28]", "“[held on April 27-28]”"),
])
def test_a_passage_is_cited_in_double_marks_with_its_own_made_single(passage: str, cited: str):
    assert sentences.quoted(passage) == cited


def test_relative_urls_as_mkdocs_makes_them():
    from mkdocs.utils import get_relative_url

    from policy_briefs.pages import relative_url

    rng = random.Random(13)
    parts = ["a", "b", "c.html", "..", ".", "", "index.html", "x y"]
    for _ in range(5000):
        url, other = ("/".join(rng.choice(parts) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"]) for _ in range(2))
        assert relative_url(url, other) == get_relative_url(url, other), (url, other)


def _markdown_fields_by_the_contract(fields) -> list[str]:  # noqa: ANN001 (any content model)
    """The texts of the fields the schema types as Markdown (alone, optional or in a list)."""

    def is_markdown(info) -> bool:  # noqa: ANN001
        return info.description == "Markdown text" or schema.Markdown in typing.get_args(info.annotation) or any(
            schema.Markdown in typing.get_args(arg) for arg in typing.get_args(info.annotation)
        )

    texts = []
    for name, info in type(fields).model_fields.items():
        value = getattr(fields, name)
        if is_markdown(info) and value:
            texts += value if isinstance(value, list) else [value]
    return texts


def test_every_markdown_field_of_the_contract_is_converted_in_the_run_before_pages(mini: Project):
    content = load_project(mini.root).content
    expected = []
    for article in content.articles.values():
        expected += _markdown_fields_by_the_contract(article.fields)
        for note in article.annotations:
            expected += _markdown_fields_by_the_contract(note.fields)
    for entity in [*content.glossary.values(), *content.actors.values()]:
        expected += _markdown_fields_by_the_contract(entity.fields)
    assert len(set(expected)) > len(content.glossary) + len(content.actors) + 2 * len(content.articles)  # takeaways and note bodies too
    assert sorted(markdown_texts(content)) == sorted(expected)


def test_field_markdown_converts_as_python_markdown_does():
    from policy_briefs.fieldmarkdown import _markdown_html

    rng = random.Random(5)
    atoms = ["word", " ", "  ", "\n", "\n\n", "\r", "\t", "*", "**", "_", "__", "`", "\\", "[", "]", "(", ")", "!", "<", ">",
             "&", "&amp;", ";", "#", "- ", "1. ", "> ", "    ", ":", "https://example.org", "@", "<b>", "</b>", "[a]: /x"]
    for _ in range(4000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 14)))
        assert _markdown_html(text) == markdown.markdown(text), repr(text)


def test_field_markdown_renders_as_safehtml():
    texts = ["Plain.", "*em* and **strong** [x](https://example.org/)", "- a\n- b", "Two\n\nparagraphs", "<script>x</script>", "a & b < c", "`code`", ""]
    for text in texts:
        assert render_markdown(text) == safehtml.render_markdown(text)
        assert render_inline(text) == safehtml.render_inline(text)


# -- building ----------------------------------------------------------------------------


def build_here(root: Path, site: Path, dirty: bool = False) -> None:
    """Build in this process, as `mkdocs serve` rebuilds: what the plugin keeps between builds stays."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)
    mkdocs_build(config, dirty=dirty)


PREVIEW_SCRIPT = re.compile(rb'\s*<script src="/?(?:\.\./)*assets/policy-briefs/preview\.js"></script>')  # a preview's pages' own


def pages(site: Path) -> dict[str, bytes]:
    """Every built page but the sitemap and the search index (a dirty build indexes only what it rebuilt), less the preview's script."""
    return {
        path.relative_to(site).as_posix(): PREVIEW_SCRIPT.sub(b"", path.read_bytes())
        for path in sorted(site.rglob("*.html"))
    }


def clean_build(root: Path, site: Path, strict: bool = True) -> dict[str, bytes]:
    result = build(root, site, strict=strict)
    assert result.returncode == 0, result.stderr
    return pages(site)


def written_times(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*.html")}


def test_articles_read_while_their_pages_render_read_as_briefs_check_reads_them(mini: Project, tmp_path: Path):
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\n"
               "Moscow &amp; the *Kremlin* met [ASEAN](actor:asean) in `Russia` code.\n\n## Russia heading\n\n- Russia\n- EAS &ndash; ARF\n")
    build_here(mini.root, tmp_path / "site")
    loading = Loading(mini.root)
    config = load_config(str(mini.root / "mkdocs.yml"))
    reader = ArticleReader([e for e in config.markdown_extensions if isinstance(e, str)], config.mdx_configs)
    for slug in ("forum-talks", "second"):
        read_alone = loading.read(slug, reader)
        read_in_page = incremental._views[slug][1]
        assert read_in_page == read_alone


def test_a_page_made_from_a_guess_ends_up_as_one_made_knowing(mini: Project, tmp_path: Path):
    # The guess (the linker on the Markdown source) sees "EAS" in raw HTML, where no mention is made.
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\n"
               "<div>The EAS met.</div>\n\nRussia and ASEAN met again.\n")
    build_here(mini.root, tmp_path / "guessed")  # articles read while pages render: briefs made from the guess
    build_here(mini.root, tmp_path / "known")  # what was read is kept: every page made knowing it
    guessed, known = pages(tmp_path / "guessed"), pages(tmp_path / "known")
    assert guessed == known
    second = guessed["briefs/second/index.html"].decode()
    involved = second[second.index('class="pb-involved"') :]
    assert "glossary/eas/" not in involved and "actors/russia/" in involved


def test_dirty_rebuild_after_an_edit_gives_the_pages_of_a_clean_build(mini: Project, tmp_path: Path):
    site = tmp_path / "site"
    build_here(mini.root, site, dirty=True)
    before = written_times(site)
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed. Moscow noted it.")
    build_here(mini.root, site, dirty=True)
    after = written_times(site)
    rewritten = {page for page, time in after.items() if before.get(page) != time and page != "404.html"}
    # The edited brief, and the entity whose "Mentioned in" gains the new sentence; nothing else.
    assert rewritten == {BRIEF, "actors/russia/index.html"}
    assert "Moscow noted it." in (site / "actors" / "russia" / "index.html").read_text(encoding="utf-8")
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def rebuild_after(mini: Project, site: Path, *edits: tuple[str, str, str]) -> None:
    """Build with `--dirty`, make the edits (file, old, new), build again as `mkdocs serve` would."""
    build_here(mini.root, site, dirty=True)
    for edit in edits:
        mini.replace(*edit)
    build_here(mini.root, site, dirty=True)


def test_dirty_rebuild_after_a_brief_goes_and_comes_back_renders_the_hand_written_page_that_links_it(mini: Project, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    site, home = tmp_path / "site", mini.root / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nRead [the talks](briefs/forum-talks.md).\n", encoding="utf-8")
    build_here(mini.root, site, dirty=True)
    kept = {name: mini.path(f"articles/{name}").read_bytes() for name in ("forum-talks.md", "forum-talks.annotations.yml")}
    for name in kept:
        mini.path(f"articles/{name}").unlink()
    caplog.clear()
    build_here(mini.root, site, dirty=True)
    assert "link 'briefs/forum-talks.md', but the target is not found" in caplog.text
    assert pages(site)["index.html"] == clean_build(mini.root, tmp_path / "clean", strict=False)["index.html"]
    for name, data in kept.items():
        mini.path(f"articles/{name}").write_bytes(data)
    caplog.clear()
    build_here(mini.root, site, dirty=True)
    assert "forum-talks.md" not in caplog.text
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_dirty_rebuild_after_a_hand_written_page_loses_a_heading_tells_of_the_briefs_link_to_it_until_it_is_back(mini: Project, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    site, home, settings = tmp_path / "site", mini.root / "docs" / "index.md", mini.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nvalidation:\n  anchors: warn\n", encoding="utf-8")  # (as the site's own)
    home.write_text(home.read_text(encoding="utf-8") + "\n## Visiting\n\nCome by.\n", encoding="utf-8")
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed ([visit](../index.md#visiting)).")
    build_here(mini.root, site, dirty=True)
    missing = "does not contain an anchor '#visiting'"
    for heading, told in (("## Visits", True), ("## Unrelated", True), ("## Visiting", False)):
        home.write_text(re.sub(r"## \w+", heading, home.read_text(encoding="utf-8")), encoding="utf-8")
        os.utime(home, (home.stat().st_atime, home.stat().st_mtime + 2))  # (saved after the last build wrote its page)
        caplog.clear()
        build_here(mini.root, site, dirty=True)
        assert (missing in caplog.text) is told, caplog.text


def test_dirty_rebuild_after_a_brief_loses_a_heading_tells_of_the_links_other_pages_have_to_it_until_it_is_back(mini: Project, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    site, home, settings = tmp_path / "site", mini.root / "docs" / "index.md", mini.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nvalidation:\n  anchors: warn\n", encoding="utf-8")  # (as the site's own)
    home.write_text(home.read_text(encoding="utf-8") + "\nSee [Russia](briefs/forum-talks.md#russia-in-asean-regional-forum).\n", encoding="utf-8")
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\nAs [before](forum-talks.md#russia-in-asean-regional-forum).\n")
    build_here(mini.root, site, dirty=True)
    missing = "does not contain an anchor '#russia-in-asean-regional-forum'"
    for heading, told in (("## Russia at the Forum", 2), ("## Russia in ASEAN Regional Forum", 0)):
        mini.replace("articles/forum-talks.md", "## Russia in ASEAN Regional Forum" if told else "## Russia at the Forum", heading)
        caplog.clear()
        build_here(mini.root, site, dirty=True)
        assert caplog.text.count(missing) == told, caplog.text  # of the hand-written page's link and the other brief's
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_dirty_rebuild_after_a_hand_written_page_goes_and_comes_back_renders_the_page_that_links_its_heading(mini: Project, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    site, home, settings, other = tmp_path / "site", mini.root / "docs" / "index.md", mini.root / "mkdocs.yml", mini.root / "docs" / "other.md"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nnav:\n  - index.md\nvalidation:\n  anchors: warn\n", encoding="utf-8")  # (the navigation does not change)
    other.write_text("# Other\n\n## Visiting\n\nCome by.\n", encoding="utf-8")
    home.write_text(home.read_text(encoding="utf-8") + "\nSee [visiting](other.md#visiting).\n", encoding="utf-8")
    build_here(mini.root, site, dirty=True)
    kept = other.read_bytes()
    other.unlink()
    caplog.clear()
    build_here(mini.root, site, dirty=True)
    assert "'other.md#visiting', but the target 'other.md' is not found" in caplog.text
    other.write_bytes(kept)
    caplog.clear()
    build_here(mini.root, site, dirty=True)
    assert "other.md" not in caplog.text
    assert pages(site)["index.html"] == clean_build(mini.root, tmp_path / "clean")["index.html"]


@pytest.mark.parametrize("linked", ["index.md", "draft.md"], ids=["a page", "an excluded page"])
def test_dirty_rebuild_leaves_a_brief_that_links_to_a_heading_of_an_unchanged_hand_written_page_alone(mini: Project, tmp_path: Path, linked: str):
    site, settings = tmp_path / "site", mini.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nexclude_docs: draft.md\n", encoding="utf-8")
    (mini.root / "docs" / linked).write_text("# Page\n\n## Visiting\n\nCome by.\n", encoding="utf-8")
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", f"Later, Russia and ASEAN agreed ([visit](../{linked}#visiting)).")

    def preview_build() -> None:  # (a preview builds excluded pages too)
        config = load_config(str(mini.root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        mkdocs_build(config, dirty=True, serve_url="http://127.0.0.1:8000/")

    preview_build()
    before = written_times(site)
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\nThe forum met again.\n")  # a change to every page's site
    preview_build()
    after = written_times(site)
    assert after[BRIEF] == before[BRIEF]  # neither the page it links to nor the brief changed


def test_dirty_rebuild_after_an_alias_is_added_reads_the_articles_again(mini: Project, tmp_path: Path):
    site = tmp_path / "site"
    rebuild_after(mini, site, ("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin, delegates]"))
    assert 'id="pb-actor-russia-4"' in (site / BRIEF).read_text(encoding="utf-8")  # Russia, delegates, Moscow, Russia
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_dirty_rebuild_after_a_definition_changes_updates_every_link_to_it(mini: Project, tmp_path: Path):
    site = tmp_path / "site"
    rebuild_after(mini, site, ("glossary/arf.yml", "The ASEAN Regional Forum is a security dialogue", "The ASEAN Regional Forum is a dialogue on security"))
    assert 'title="The ASEAN Regional Forum is a dialogue on security' in (site / "index.html").read_text(encoding="utf-8")  # a hand-written page
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_dirty_rebuild_after_notes_change(mini: Project, tmp_path: Path):
    site = tmp_path / "site"
    notes = "articles/forum-talks.annotations.yml"
    rebuild_after(mini, site, (notes, "quote: ASEAN Regional Forum met", "quote: ASEAN watched"), (notes, "terms: [arf]", "terms: [eas]"))
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_dirty_rebuild_after_an_author_is_dropped_updates_their_profile(mini: Project, tmp_path: Path):
    site = tmp_path / "site"
    profile = site / "actors" / "jane-roe" / "index.html"
    build_here(mini.root, site, dirty=True)
    assert 'class="pb-authored"' in profile.read_text(encoding="utf-8")
    mini.replace("articles/forum-talks.md", "authors: [jane-roe, {name: Sam Writer}]", "authors: [{name: Sam Writer}]")
    build_here(mini.root, site, dirty=True)
    assert 'class="pb-authored"' not in profile.read_text(encoding="utf-8")
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


@pytest.mark.parametrize(("tag", "edit", "shown"), [
    ("jane-roe", ("actors/jane-roe.yml", "name: Jane Roe", "name: Jane Q. Roe"), "Jane Q. Roe"),  # a tag that is an actor's id
    # A word spelled by a name: the entry is not in the brief, only the tag ties the brief's pages to it.
    ("eastasia-notes", ("glossary/eas.yml", "related: [arf]", "related: [arf]\naliases: [EastAsia]"), "EastAsia Notes"),
])
def test_dirty_rebuild_after_a_name_a_tag_reads_by_changes_updates_the_tag_where_it_shows(mini: Project, tmp_path: Path, tag: str, edit: tuple, shown: str):
    mini.replace("articles/forum-talks.md", "tags: [southeast-asia, defence]", f"tags: [southeast-asia, {tag}]")
    site = tmp_path / "site"
    rebuild_after(mini, site, edit)
    for page in (BRIEF, "briefs/index.html", "briefs/tags/index.html"):
        assert f">{shown}</" in (site / page).read_text(encoding="utf-8"), page
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_dirty_rebuild_after_a_linked_file_is_added_links_it(mini: Project, tmp_path: Path):
    # A link to a file that is not there yet is written as it is; once the file is there, as MkDocs writes links to it.
    site = tmp_path / "site"
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [the map](../files/map.pdf). Ask [the forum]")
    build_here(mini.root, site, dirty=True)
    (mini.root / "docs" / "files").mkdir()
    (mini.root / "docs" / "files" / "map.pdf").write_bytes(b"%PDF-1.4\n")
    build_here(mini.root, site, dirty=True)
    assert 'href="../../files/map.pdf"' in (site / BRIEF).read_text(encoding="utf-8")
    assert pages(site) == clean_build(mini.root, tmp_path / "clean")


def test_cached_reading_is_keyed_by_everything_it_depends_on():
    view = incremental.ArticleView(("text",), (), ())
    key = incremental.article_key("body", "entities", "markdown")
    incremental.keep_view("a-slug", key, view)
    assert incremental.cached_view("a-slug", key) is view
    for changed in (("body!", "entities", "markdown"), ("body", "entities!", "markdown"), ("body", "entities", "markdown!")):
        assert incremental.cached_view("a-slug", incremental.article_key(*changed)) is None
    assert incremental.markdown_key(["toc"], {"toc": {"permalink": True}}) != incremental.markdown_key(["toc"], {"toc": {"permalink": False}})


# -- git dates -----------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_git_dates_from_one_log_match_one_log_per_brief(mini: Project):
    from gitutil import git, init_repository
    from policy_briefs.history import last_updated

    init_repository(mini.root, date="2024-03-05T12:00:00+00:00")
    notes = mini.path("articles/forum-talks.annotations.yml")
    notes.write_text(notes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(mini.root, "commit", "-q", "-am", "Notes", date="2025-01-31T23:30:00+00:00")
    mini.write("articles/new.md", "---\n---\n")  # never committed
    dates = incremental.GitDates(mini.root)
    questions = [["briefs/articles/forum-talks.md"], ["briefs/articles/forum-talks.md", "briefs/articles/forum-talks.annotations.yml"],
                 ["briefs/articles/new.md"], ["briefs/glossary/arf.yml", "briefs/articles/new.md"], []]
    for paths in questions:
        assert dates(paths) == last_updated(mini.root, paths)
    assert dates(["briefs/articles/forum-talks.annotations.yml"]) == "2025-01-31"


@needs_git
def test_git_dates_with_merges_ask_git_per_brief(mini: Project):
    from gitutil import git, init_repository
    from policy_briefs.history import last_updated

    init_repository(mini.root)
    git(mini.root, "checkout", "-q", "-b", "side")
    mini.replace("articles/forum-talks.md", "Later,", "Much later,")
    git(mini.root, "commit", "-q", "-am", "Side", date="2024-04-01T00:00:00+00:00")
    git(mini.root, "checkout", "-q", "main")
    mini.replace("glossary/arf.yml", "1994", "1994 (in Bangkok)")
    git(mini.root, "commit", "-q", "-am", "Main", date="2024-05-01T00:00:00+00:00")
    git(mini.root, "merge", "-q", "--no-ff", "-m", "Merge", "side", date="2024-06-01T00:00:00+00:00")
    dates = incremental.GitDates(mini.root)
    for paths in (["briefs/articles/forum-talks.md"], ["briefs/glossary/arf.yml"], ["briefs/actors/russia.yml"]):
        assert dates(paths) == last_updated(mini.root, paths)


@needs_git
@pytest.mark.parametrize("read", [False, True])
def test_git_dates_closed_let_go_of_git_and_its_output(mini: Project, read: bool):
    from gitutil import init_repository

    init_repository(mini.root)
    dates = incremental.GitDates(mini.root)
    if read:
        dates(["briefs/articles/forum-talks.md"])
    else:
        dates._process.wait()  # done, its output never read (a build that failed before any page)
    dates.close()
    dates.close()  # (twice: the failed build's, then nothing more)
    assert dates._process.poll() is not None
    assert dates._process.stdout.closed


@pytest.fixture(autouse=True)
def _quiet_mkdocs_2_warning(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    yield
    os.environ.pop("POLICY_BRIEFS_TIMING", None)
