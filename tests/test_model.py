"""The pure core, called directly: loading `briefs/` into the model and every contract rule.

No MkDocs here: `load_project` and the small functions it is built from.
"""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
from markdown.util import BLOCK_LEVEL_ELEMENTS
from pydantic import ValidationError

from conftest import FIXTURES, Project
from policy_briefs import anchoring, incremental
from policy_briefs.anchoring import COMPARED_RUNS, Selector, WrittenArticle, anchor_at, closest_passage, occurrences, written_line
from policy_briefs.entities import INVISIBLE, EntityIndex, Target, first_sentence, form_key, holds_invisible, without_invisible
from policy_briefs.fastreader import read_block
from policy_briefs.linker import Linker
from policy_briefs.loader import check_stem, read_text, split_front_matter
from policy_briefs.messages import meant_id
from policy_briefs.mentions import article_view, block_hits, number_mentions, renumbered
from policy_briefs.problems import ContentError, Problem
from policy_briefs.readertext import iter_blocks, normalize, read_markdown
from policy_briefs.relations import newest_first
from policy_briefs.roughmarkdown import code_ranges, code_spans, declaration_left_open, in_code, lists_in_paragraphs, marked_sections_readable, unclosed_html_block, unreadable_marked_sections
from policy_briefs.safehtml import WORD_JOINER
from policy_briefs.schema import SHOWN, ActorFields, AnnotationFields, GlossaryFields, NamedAuthor
from policy_briefs.validate import LoadResult, link_lines, load_project
from policy_briefs.yamlsource import MAX_FILE_BYTES, load_yaml

ARTICLE = "briefs/articles/forum-talks.md"
ANNOTATIONS = "briefs/articles/forum-talks.annotations.yml"
FRONT_MATTER = "---\ntitle: A test brief\nsource:\n  publisher: Example Review\n  published: 2016\nsummary: A summary.\n---\n"


def load(project: Project) -> LoadResult:
    return load_project(project.root)


def only_problem(project: Project) -> Problem:
    """The one problem a single mistake must cause (no more, no fewer)."""
    problems = load(project).problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def write_brief(project: Project, slug: str, body: str, annotations: str | None = None) -> None:
    project.write(f"articles/{slug}.md", FRONT_MATTER + body)
    if annotations is not None:
        project.write(f"articles/{slug}.annotations.yml", annotations)


def annotation(quote: str) -> str:
    """An annotations file with one context note on `quote` (a YAML double-quoted string)."""
    return f'annotations:\n  - id: note\n    kind: context\n    quote: "{quote}"\n    body: A note.\n'


def anchored_text(result: LoadResult, slug: str, annotation_id: str) -> str:
    article = result.content.articles[slug]
    note = next(a for a in article.annotations if a.id == annotation_id)
    assert note.anchor is not None, f"{annotation_id} was not anchored"
    return article.reader_text[note.anchor.start : note.anchor.end]


# -- the valid fixture, as a model ------------------------------------------------


def test_mini_loads_without_problems(mini: Project):
    result = load(mini)
    assert result.ok, result.problems
    assert list(result.content.articles) == ["forum-talks"]
    assert list(result.content.glossary) == ["arf", "eas"]
    assert list(result.content.actors) == ["asean", "jane-roe", "russia"]


def test_comments_after_values_are_no_problem(mini: Project):
    mini.replace("actors/russia.yml", "type: state", "type: state #todo\n# a line of comment #1")
    mini.replace(ART, "published: 2016-05-04", "published: 2016-05-04 #approx")
    mini.replace(ART, "title: Forum talks in the region", "title: Forum talks in the region # on its own, #2 ## 3")
    result = load(mini)
    assert result.ok, result.problems
    assert (result.content.actors["russia"].fields.type, result.content.articles["forum-talks"].fields.title) == ("state", "Forum talks in the region")


def test_article_fields(mini: Project):
    article = load(mini).content.articles["forum-talks"]
    assert article.slug == "forum-talks"
    assert article.path == ARTICLE
    assert article.annotations_path == ANNOTATIONS
    fields = article.fields
    assert fields.title == "Forum talks in the region"
    assert fields.source.publisher == "Example Review"
    assert fields.source.url == "https://example.org/forum-talks"
    assert fields.source.published == "2016-05-04"  # kept as written, not a date object
    assert fields.source.authors == ["jane-roe", NamedAuthor(name="Sam Writer")]
    assert fields.summary.strip() == "A short test brief about **regional forums**."
    assert fields.takeaways == ["Forums matter.", "Russia’s role grows."]
    assert fields.tags == ["southeast-asia", "defence"]
    assert article.body_line == 15
    assert article.body.startswith("The ASEAN Regional Forum met while ASEAN watched.")


def test_year_only_date_is_text(mini: Project):
    mini.replace("articles/forum-talks.md", "published: 2016-05-04", "published: 2016")
    result = load(mini)
    assert result.ok, result.problems
    assert result.content.articles["forum-talks"].fields.source.published == "2016"


def test_reader_blocks_are_what_a_reader_sees(mini: Project):
    article = load(mini).content.articles["forum-talks"]
    assert article.reader_blocks == (
        "The ASEAN Regional Forum met while ASEAN watched. Russia’s delegates came from Moscow.",
        "Russia in ASEAN Regional Forum",
        "Delegates used Russia in code and read Russia elsewhere too.",
        "Later, Russia and ASEAN agreed. “We agreed,” Jane Roe said. The ARF will meet again, and so will the ARF.",
        "Russia in a code block",
        "Ask the forum or hide Russia here.",
    )
    assert article.reader_text == "\n\n".join(article.reader_blocks)


def note_of(article, note_id: str):  # noqa: ANN001, ANN201
    return next(note for note in article.annotations if note.id == note_id)


def test_annotations_in_reading_order_with_lines(mini: Project):
    article = load(mini).content.articles["forum-talks"]
    assert sorted((a.id, a.fields.kind, a.line) for a in article.annotations) == sorted([
        ("forum-met", "context", 2),
        ("roe-agreed", "quotation", 8),
        ("arf-again", "fact-check", 12),
        ("delegates", "question", 21),
        ("agreed", "claim", 26),
    ])
    ends = [a.anchor.end for a in article.annotations]
    assert ends == sorted(ends)  # numbered as their markers read (each after its passage), whatever the file's order
    roe = note_of(article, "roe-agreed").fields
    assert roe.speaker == "jane-roe" and roe.body is None
    check = note_of(article, "arf-again").fields
    assert check.verdict == "accurate"
    assert check.sources[0].url == "https://example.org/arf"


def test_anchors_index_the_reader_text(mini: Project):
    article = load(mini).content.articles["forum-talks"]
    text = article.reader_text
    for note in article.annotations:
        anchor = note.anchor
        assert anchor is not None, note.id
        passage = text[anchor.start : anchor.end]
        assert normalize(passage) == normalize(note.fields.quote.strip()), note.id
        assert article.reader_blocks[anchor.block][anchor.block_start : anchor.block_end] == passage
    starts = {note.id: (note.anchor.block, note.anchor.block_start) for note in article.annotations}
    # The prefix "so will the " picks the second "ARF" of paragraph 4, not the first.
    block = article.reader_blocks[3]
    assert starts["arf-again"] == (3, block.rindex("ARF"))
    assert block.index("ARF") != block.rindex("ARF")
    assert starts["roe-agreed"] == (3, block.index("“We agreed,”"))


def test_a_quote_is_found_as_the_articles_words_read_its_passage_holding_the_characters_a_page_does_not_show_inside_it(mini: Project):
    # A soft hyphen and a zero-width space in the passage, a zero-width space and a word joiner just outside it.
    mini.replace("articles/forum-talks.md", "The ASEAN Regional Forum met while", "The \u200bASEAN Regional Fo\u00adrum\u200b met\u2060 while")
    result = load(mini)
    assert result.ok, result.problems
    article = result.content.articles["forum-talks"]
    anchor = note_of(article, "forum-met").anchor
    assert article.reader_text[anchor.start : anchor.end] == "ASEAN Regional Fo\u00adrum\u200b met"
    assert article.reader_blocks[anchor.block][anchor.block_start : anchor.block_end] == "ASEAN Regional Fo\u00adrum\u200b met"


def test_anchor_offsets_are_code_points_after_non_ascii_text(mini: Project):
    # ’ is one code point (three UTF-8 bytes); 🌏 is one code point (two UTF-16 units, four bytes).
    lead = "Café ’tis 🌏 – and then "
    write_brief(mini, "unicode-text", f"First paragraph — “quoted” 🌏.\n\n{lead}the ASEAN Regional Forum met.\n", annotation("ASEAN Regional Forum met"))
    result = load(mini)
    assert result.ok, result.problems
    article = result.content.articles["unicode-text"]
    anchor = article.annotations[0].anchor
    first = "First paragraph — “quoted” 🌏."
    assert article.reader_blocks[0] == first
    assert anchor.block == 1
    assert anchor.block_start == len(lead) + len("the ") == 27
    assert anchor.start == len(first) + 2 + anchor.block_start == 58
    assert article.reader_text[anchor.start : anchor.end] == "ASEAN Regional Forum met"


def test_quote_with_emoji_and_typographic_apostrophe(mini: Project):
    write_brief(mini, "unicode-quote", "They said ’tis 🌏 Earth’s day, then left.\n", annotation("'tis 🌏 Earth's day"))
    result = load(mini)
    assert result.ok, result.problems
    anchor = result.content.articles["unicode-quote"].annotations[0].anchor
    assert (anchor.start, anchor.end) == (10, 28)
    assert anchored_text(result, "unicode-quote", "note") == "’tis 🌏 Earth’s day"


def test_entity_index_lookups(mini: Project):
    index = load(mini).index
    assert sorted(index.by_ref) == ["actor:asean", "actor:jane-roe", "actor:russia", "term:arf", "term:eas"]
    arf = index.by_ref["term:arf"]
    assert (arf.kind, arf.id, arf.label) == ("term", "arf", "ARF")
    assert arf.ref == "term:arf"
    # Every surface form (term, expansion, aliases; name, aliases) leads to its entity.
    expected = {
        "ARF": "term:arf", "ASEAN Regional Forum": "term:arf", "EAS": "term:eas", "East Asia Summit": "term:eas",
        "ASEAN": "actor:asean", "Association of Southeast Asian Nations": "actor:asean",
        "Jane Roe": "actor:jane-roe", "Russia": "actor:russia", "Moscow": "actor:russia", "Kremlin": "actor:russia",
    }
    assert {form: target.ref for form, target in index.by_form.items()} == expected
    assert "russia" not in index.by_form  # case-sensitive
    assert index.clashes == []


def test_previews_are_first_sentences(mini: Project):
    index = load(mini).index
    assert index.by_ref["term:arf"].preview == "The ASEAN Regional Forum is a security dialogue in the Asia-Pacific."
    assert index.by_ref["term:eas"].preview == "The East Asia Summit is a leaders’ forum."
    assert index.by_ref["actor:asean"].preview == "ASEAN is a regional organisation of Southeast Asian states."
    assert index.by_ref["actor:jane-roe"].preview == "Jane Roe is a fictional analyst used in tests."


# -- small pure functions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown_text", "expected"),
    [
        ("Dr. Smith founded it. Later it grew.", "Dr. Smith founded it."),
        ("The U.S. Navy sails. It is large.", "The U.S. Navy sails."),
        ("[ASEAN](actor:asean) is **big**. More here.", "ASEAN is big."),
        ("Line one\ncontinues here. Next.\n\nSecond paragraph.", "Line one continues here."),
        ("Is it? Yes.", "Is it?"),
        ("“It ended.” Then more.", "“It ended.”"),
        ("No full stop at all", "No full stop at all"),
        ("  Only one sentence.  ", "Only one sentence."),
        ("1. First, a list item. It goes on.\n2. Second item.", "First, a list item."),
        ("- One\n- Two", "One"),
        ("<script>alert(1)</script>The forum met. Again.", "The forum met."),
        ("## A heading\n\nThe text.", "A heading"),
        ("Tom &amp; Jerry met. Then.", "Tom & Jerry met."),
        ("A hard  \nline break. Then.", "A hard line break."),
        ("Moscow left… Then Russia came.", "Moscow left…"),  # as smarty writes "..."
        ("Moscow left... Then Russia came.", "Moscow left..."),
        ("It heard *Philippines v. China* in 2016. Then more.", "It heard Philippines v. China in 2016."),
    ],
)
def test_first_sentence(markdown_text: str, expected: str):
    assert first_sentence(markdown_text) == expected


def test_entity_index_reports_a_shared_form_once_with_both_owners():
    glossary = {"arf": GlossaryFields(term="ARF", expansion="ASEAN Regional Forum", definition="A forum. More.")}
    actors = {
        "asean": ActorFields(name="ASEAN", type="organization", summary="A group."),
        "zed": ActorFields(name="Zed", type="person", aliases=["ARF", " Zed "], summary="Someone."),
    }
    index = EntityIndex.build(glossary, actors)
    assert index.by_form["ARF"].ref == "term:arf"  # the first owner keeps the form
    assert index.by_form["Zed"].ref == "actor:zed"
    assert [(c.form, c.first.ref, c.second.ref) for c in index.clashes] == [("ARF", "term:arf", "actor:zed")]


def test_a_name_is_found_whichever_apostrophe_it_is_written_with():
    actors = {
        "oneill": ActorFields(name="Tip O'Neill", type="person", summary="A speaker."),
        "cote": ActorFields(name="Côte d’Ivoire", type="state", summary="A state."),
    }
    linker = Linker(EntityIndex.build({}, actors).by_form)
    text = "Tip O’Neill and Tip O'Neill met Côte d'Ivoire, Côte d’Ivoire and Côte dʼIvoire."
    assert [(text[f.start : f.end], f.target.ref) for f in linker.find(text)] == [
        ("Tip O’Neill", "actor:oneill"), ("Tip O'Neill", "actor:oneill"),
        ("Côte d'Ivoire", "actor:cote"), ("Côte d’Ivoire", "actor:cote"), ("Côte dʼIvoire", "actor:cote"),
    ]


def test_a_name_typed_with_marks_is_found_as_smarty_and_smartsymbols_print_it():
    aliases = ["Fire--Rescue Unit", "Wait... Group", "Acme (c) Ltd", 'Dwayne "The Rock" Johnson', "'Ndrangheta", "Brand(tm) Co", "Left –> Right"]
    actors = {"x": ActorFields(name="Rock 'n' Roll Hall of Fame", type="organization", summary="A hall.", aliases=aliases)}
    linker = Linker(EntityIndex.build({}, actors).by_form)
    printed = "Fire–Rescue Unit, Wait… Group, Acme © Ltd, Dwayne “The Rock” Johnson, ‘Ndrangheta, Brand™ Co, Left –> Right, Rock ‘n’ Roll Hall of Fame."
    typed = "Fire--Rescue Unit, Wait... Group, Acme (c) Ltd, Dwayne \"The Rock\" Johnson, 'Ndrangheta, Brand(tm) Co, Left --> Right, Rock 'n' Roll Hall of Fame."
    for text in (printed, typed):
        assert [text[f.start : f.end] for f in linker.find(text)] == [part.strip(" .") for part in text.split(",")]
    assert not linker.find("Fire-Rescue Unit, Wait.. Group, Acme c Ltd")


@pytest.mark.parametrize("hidden", list(INVISIBLE), ids=list(INVISIBLE.values()))
def test_a_name_holding_a_character_a_page_does_not_show_is_found_as_it_reads(hidden: str):
    """As if the character were not there: the match holds those within the name, none at either end."""
    glossary = {"arf": GlossaryFields(term="ARF", expansion="ASEAN Regional Forum", definition="A forum.")}
    actors = {"russia": ActorFields(name="Russia", type="state", summary="A state."), "asean": ActorFields(name="ASEAN", type="organization", summary="A group.")}
    linker = Linker(EntityIndex.build(glossary, actors).by_form)
    h = hidden
    text = f"The ASEAN Regional Fo{h}rum, {h}Rus{h}{h}sia{h}’s envoy, the ASEAN{h} Regional{h}\nForum, Rus{h}sian and AS{h}EANs."
    assert [(text[f.start : f.end], f.target.ref) for f in linker.find(text)] == [
        (f"ASEAN Regional Fo{h}rum", "term:arf"), (f"Rus{h}{h}sia", "actor:russia"), (f"ASEAN{h} Regional{h}\nForum", "term:arf"),
    ]


def test_text_holding_characters_a_page_does_not_show_is_linked_as_the_text_without_them():
    rng = random.Random(11)
    forms = ["AB", "A B", "B’s", "Ab", "a.B"]
    linker = Linker({form_key(form): Target("term", str(number), form, "") for number, form in enumerate(forms)})
    alphabet = "AaBb ’'.\n" + "".join(INVISIBLE)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(30))
        shown = "".join(char for char in text if char not in INVISIBLE)
        found = linker.find(text)
        assert [(f.target, text[f.start : f.end].translate(dict.fromkeys(map(ord, INVISIBLE)))) for f in found] == [(f.target, shown[f.start : f.end]) for f in linker.find(shown)], text
        assert all(text[f.start] not in INVISIBLE and text[f.end - 1] not in INVISIBLE for f in found), text


def test_a_name_copied_with_marks_of_the_direction_of_writing_links_the_name_as_it_reads():
    actors = {"japan": ActorFields(name="Japan\u200e", type="state", aliases=["\u2066Nippon\u2069"], summary="A state.")}
    linker = Linker(EntityIndex.build({}, actors).by_form)
    text = "Japan went, and Nippon, and \u200fJapan\u200f too."
    assert [text[f.start : f.end] for f in linker.find(text)] == ["Japan", "Nippon", "Japan"]


def test_a_form_written_with_a_character_a_page_does_not_show_is_the_form_without_it():
    actors = {"sumsky": ActorFields(name="Viktor Sum\u00adsky", type="person", summary="A historian.")}
    linker = Linker(EntityIndex.build({}, actors).by_form)
    text = "Viktor Sumsky, Viktor Sum\u00adsky and Viktor Sums\u200bky."
    assert [text[f.start : f.end] for f in linker.find(text)] == ["Viktor Sumsky", "Viktor Sum\u00adsky", "Viktor Sums\u200bky"]
    actors["other"] = ActorFields(name="Someone", type="person", aliases=["Viktor Sumsky"], summary="Another.")
    assert [(c.first.ref, c.second.ref) for c in EntityIndex.build({}, actors).clashes] == [("actor:other", "actor:sumsky")]


def test_a_name_holding_a_soft_hyphen_is_a_mention_where_the_page_links_names(mini: Project):
    """Literal or written as a reference; not in code, a `nolink:` span or a link of the article's; cut by formatting, told."""
    write_brief(mini, "hidden", (
        "The East Asia Sum\u00admit met, then the East Asia Sum&shy;mit.\n\n"
        "Not `East Asia Sum\u00admit`, [East Asia Sum\u00admit](nolink:) nor [East Asia Sum\u00admit](https://example.org/).\n\n"
        "The *East Asia* Sum\u00admit.\n"
    ))
    result = load(mini)
    article = result.content.articles["hidden"]
    assert [(article.reader_blocks[m.block][m.start : m.end], m.target.ref, m.number) for m in article.mentions] == [
        ("East Asia Sum\u00admit", "term:eas", 1), ("East Asia Sum\u00admit", "term:eas", 2),
    ]
    assert [(p.line, p.message) for p in result.problems] == [(12, "'East Asia Sum\u00admit' is not linked to term:eas: formatting cuts it")]
    linker = Linker(result.index.by_form)
    assert incremental.guess_mentions(article.body, linker, result.index) == ["term:eas", "term:eas"]


@pytest.mark.parametrize("reference", ["&shy;", "&#173;", "&#xAD;"])
def test_a_cut_name_written_with_a_character_reference_is_told_on_its_line_as_written(mini: Project, reference: str):
    write_brief(mini, "hidden", f"The East Asia Sum{reference}mit, whole.\n\nThen the *East Asia* Sum{reference}mit met.\n")
    assert [(p.line, p.message, p.hint) for p in load(mini).problems] == [
        (10, "'East Asia Sum\u00admit' is not linked to term:eas: formatting cuts it", f"format the whole name, or link it with its formatting: [*East Asia* Sum{reference}mit](term:eas)"),
    ]


@pytest.mark.parametrize(("name", "other"), [("O'Neill", "O’Neill"), ("Fire--Rescue Unit", "Fire–Rescue Unit")], ids=["two apostrophes", "typed and printed"])
def test_two_entities_cannot_claim_one_name_written_two_ways(name: str, other: str):
    actors = {
        "a": ActorFields(name=name, type="person", summary="One."),
        "b": ActorFields(name="Someone", type="person", aliases=[other], summary="Two."),
    }
    index = EntityIndex.build({}, actors)
    assert [(c.form, c.first.ref, c.second.ref) for c in index.clashes] == [(name, "actor:a", "actor:b")]


@pytest.mark.parametrize("extensions", [[], ["smarty"]], ids=["plain", "smarty"])
def test_a_name_is_found_across_a_character_reference_but_not_across_a_tag(extensions: list[str]):
    actors = {
        "oneill": ActorFields(name="Tip O'Neill", type="person", summary="A speaker."),
        "rnd": ActorFields(name="R&D Corp", type="organization", summary="A firm."),
    }
    index = EntityIndex.build({}, actors)
    md = markdown.Markdown(extensions=extensions)
    lines = ["Tip O&#39;Neill, Tip O'Neill, R&amp;D&nbsp;Corp and R<b>&amp;</b>D Corp."]
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    for treeprocessor in md.treeprocessors:  # as the page's tree is when the plugin reads it: references and tags stashed
        root = treeprocessor.run(root) or root
    stash = md.htmlStash.rawHtmlBlocks
    (block,) = [read_block(element, stash) for element in iter_blocks(root)]
    (mentions,) = number_mentions([block], [block_hits(block, Linker(index.by_form), index, stash)])
    assert [(block.text[m.start : m.end], m.target.ref) for m in mentions] == [
        ("Tip O'Neill", "actor:oneill"), ("Tip O’Neill" if extensions else "Tip O'Neill", "actor:oneill"), ("R&D Corp", "actor:rnd"),  # the no-break space reads as a space
    ]


def test_names_in_one_stashed_piece_are_one_mention_and_a_comment_holds_none():
    actors = {"russia": ActorFields(name="Russia", type="state", summary="A state."), "asean": ActorFields(name="ASEAN", type="organization", summary="A group.")}
    index = EntityIndex.build({}, actors)
    stash = ["<em>Russia and ASEAN</em>", "<!-- a -- > Russia and ASEAN -->"]  # an extension's inline text; a comment Python's parser ends at `-- >`
    element = etree.Element("p")
    element.text = "Before \x02wzxhzdk:0\x03 then \x02wzxhzdk:1\x03 after."
    block = read_block(element, stash)
    hits = block_hits(block, Linker(index.by_form), index, stash)
    assert [(hit.target.ref, element.text[hit.start : hit.end]) for hit in hits] == [("actor:russia", "\x02wzxhzdk:0\x03")]


@pytest.mark.parametrize("line_break", ["<br>", "<br/>", "<BR />"])
def test_a_quote_is_found_across_a_line_break_written_in_html_as_the_page_shows_its_words_apart(mini: Project, line_break: str):
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", f"Later, Russia{line_break}and ASEAN agreed.")  # quoted: “Russia and ASEAN agreed”
    assert load(mini).problems == []


@pytest.mark.parametrize(("written", "message"), [
    ("at the [ASEAN](nolink:) Regional\nForum,", "'ASEAN Regional Forum' is not linked to term:arf: a nolink: span holds part of it"),
    ("at the ASEAN **Regional Forum**,", "'ASEAN Regional Forum' is not linked to term:arf: formatting cuts it (only 'ASEAN' is linked)"),
    ("at the <em>ASEAN</em> Regional Forum,", "'ASEAN Regional Forum' is not linked to term:arf: formatting cuts it (only 'ASEAN' is linked)"),
    ("at the ASEAN Regional<br>Forum,", "'ASEAN Regional Forum' is not linked to term:arf: formatting cuts it (only 'ASEAN' is linked)"),
    ("at the ASEAN Regional <!-- sic --> Forum,", "'ASEAN Regional Forum' is not linked to term:arf: a comment is written within it (only 'ASEAN' is linked)"),
], ids=["nolink, across lines", "strong", "raw tag", "raw line break", "comment"])
def test_a_name_that_formatting_or_nolink_cuts_is_told_where_it_is_cut(mini: Project, written: str, message: str):
    """On the line where the name starts, not where it is written whole before."""
    write_brief(mini, "cut-name", f"The ASEAN Regional Forum, whole.\n\nThey met {written} as planned.\n")
    problem = only_problem(mini)
    assert (problem.path, problem.line, problem.message) == ("briefs/articles/cut-name.md", 10, message)


@pytest.mark.parametrize(("body", "lines"), [
    ("The *ASEAN* Regional Forum met.\n\nLater the *ASEAN* Regional Forum met again.\n", [8, 10]),  # each where it is
    ("## The *ASEAN* Regional Forum\n\nText.\n\nThe *ASEAN* Regional Forum met.\n", [12]),  # (a heading's is not linked: no problem)
    ("See [*ASEAN* Regional Forum](term:arf).\n\nText.\n\nThe *ASEAN* Regional Forum met.\n", [12]),  # (linked as the hint says)
    ("x\n\nThe [ASEAN][a] Regional Forum met.\n\n[a]: nolink:\n", [10]),
    ("x\n\nThe ASEAN  \nRegional Forum met.\n", [10]),  # (a hard line break)
    ("x\n\n> The delegates said that the *ASEAN* Regional\n> Forum would meet.\n", [10]),
], ids=["twice", "after a heading", "after a link", "by a reference", "by a line break", "in a quotation"])
def test_a_name_that_formatting_or_nolink_cuts_is_told_on_each_line_it_is_cut_on(mini: Project, body: str, lines: list[int]):
    write_brief(mini, "cut-name", body)
    assert [problem.line for problem in load(mini).problems] == lines


def test_a_cdata_section_left_open_is_told_with_the_line_it_closes_on(mini: Project):
    mini.replace("articles/forum-talks.md", "Ask [the forum](term:arf) or hide [Russia](nolink:) here.", "<![CDATA[ pasted\nAsk [the forum](term:arf) here.\n\nThen ]]> more.")
    assert [(p.line, p.message) for p in load(mini).problems] == [(25, "<![CDATA[ is not closed on its line: the page hides the article from it to the ']]>' on line 28")]


def test_a_comment_a_field_leaves_open_is_told_on_its_own_line_after_one_it_closes(mini: Project):
    mini.replace("glossary/eas.yml", "definition: |\n", "definition: |\n  A <!-- fine --> start.\n\n  More.\n\n  <!-- never closed\n")
    assert [(p.line, p.message.split(":")[0]) for p in load(mini).problems] == [(8, "<!-- is never closed")]


def test_an_html_block_a_field_leaves_open_is_told_with_the_element_its_pages_drop(mini: Project):
    mini.replace("glossary/eas.yml", "definition: |\n", "definition: |\n  <details>\n")
    assert [(p.path, p.line, p.message) for p in load(mini).problems] == [
        ("briefs/glossary/eas.yml", 4, "<details> is never closed: the definition is shown from it as written, not as Markdown"),
        ("briefs/glossary/eas.yml", 4, "HTML element <details> is removed from the definition (only text markup is kept)"),
    ]


@pytest.mark.parametrize("permalink", [False, True])
def test_a_heading_whose_id_is_a_note_s_is_told_on_its_line(mini: Project, permalink: bool):
    """And only it: a second heading so named gets another id, and its permanent link (`#note-forum-met_1`) is no link the article writes."""
    mini.replace("articles/forum-talks.md", "## Russia in ASEAN Regional Forum", "## Note forum-met")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "## Note forum-met\n\nAsk [the forum]")
    problems = load_project(mini.root, ["toc"], {"toc": {"permalink": permalink}}).problems  # (MkDocs gives headings ids with the toc extension, always on)
    assert [(p.path, p.line, p.message, p.hint) for p in problems] == [(
        ARTICLE, 17, "the heading “Note forum-met” has the id 'note-forum-met', which the brief page gives note 'forum-met': a link to the note would lead to this heading", "reword the heading",
    )]


@pytest.mark.parametrize(("written", "kind"), [("## Our view {#note-forum-met}", "heading"), ("A view of ours.\n{: #passage-forum-met }", "paragraph")])
def test_a_block_given_a_note_s_id_is_told_to_take_another(mini: Project, written: str, kind: str):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{written}\n\nAsk [the forum]")
    problems = load_project(mini.root, ["toc", "attr_list"], {}).problems
    words = written.split("\n")[0].removeprefix("## ").split(" {")[0]
    given = written.rpartition("#")[2].strip(" }")
    assert [(p.line, p.message, p.hint) for p in problems] == [(
        25, f"the {kind} “{words}” has the id '{given}', which the brief page gives note 'forum-met': a link to the note would lead to this {kind}", f"give it another id than #{given}",
    )]


def test_a_quote_with_a_non_breaking_hyphen_where_the_article_has_a_hyphen_is_told_which(mini: Project):
    mini.replace("articles/forum-talks.md", "The ASEAN Regional Forum met", "The ASEAN-led Regional Forum met")
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: ASEAN\u2011led Regional Forum met")
    assert [(p.line, p.hint) for p in load(mini).problems] == [
        (4, "the quote writes '\u2011' (U+2011 NON-BREAKING HYPHEN) where the article writes '-' (U+002D HYPHEN-MINUS), on line 15: copy the passage from the article"),
    ]


def test_a_link_to_a_brief_by_the_path_of_its_file_is_told_the_briefs_own_link(mini: Project):
    write_brief(mini, "second-talks", "Second talks.\n", annotation("Second talks"))
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [the second](articles/second-talks.md).\n\nAsk [the forum]")
    problems = load_project(mini.root, site_files=["index.md", "briefs/forum-talks.md", "briefs/second-talks.md"]).problems
    assert [(p.line, p.hint) for p in problems] == [(25, "did you mean 'second-talks.md'?")]


def test_each_unread_reference_is_told_where_it_is_written_and_none_in_code_or_escaped(mini: Project):
    written = "A [Russia][] x.\n\nB [China][] y, `a[i][j] and [^2]`, \\[x\\]\\[y\\].\n\nC.[^1]\n\nD.[^1]\n\n"
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{written}Ask [the forum]")
    told = [(p.line, p.message.split(" is shown")[0]) for p in load(mini).problems]
    assert told == [(25, "“[Russia][]”"), (27, "“[China][]”"), (29, "“[^1]”"), (31, "“[^1]”")]


def test_a_link_whose_address_holds_a_tab_is_told_on_its_line(mini: Project):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [the report](report\tdraft.md) here.\n\nAsk [the forum]")
    assert [(p.line, p.message.split(",")[0]) for p in load_project(mini.root, site_files=["index.md"]).problems] == [(25, "link 'report draft.md' names 'briefs/report draft.md'")]


def test_a_link_reference_a_link_uses_is_no_problem_however_its_address_is_written(mini: Project):
    references = (
        "See [one][a], [two][B], ![three][c] and [four][d].\n\n"
        "[a]: https://example.org/a\\_b \"A title\"\n[b]: <https://example.org/b>\n  [c]: https://example.org/c.png\n[d]: https://example.org/?x=1&amp;y=2\n\n"
        "```\n[e]: https://example.org/in-code\n```\n"
    )
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{references}\nAsk [the forum]")
    assert load(mini).problems == []
    text = "[Fix]: see below, a line of text.\n\n<div>\n[Update]: Corrected\n</div>\n\n[Note]: Corrected\n"  # (only the last is a reference)
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{text}\nAsk [the forum]")
    assert [problem.message.split(" defines")[0] for problem in load(mini).problems] == ["“[Note]: Corrected”"]


def test_the_same_html_the_page_drops_is_told_on_each_line_it_is_written_on(mini: Project):
    write_brief(mini, "dropped", "Para <font>x</font> one.\n\nPara <font>y</font> two.\n")
    assert [problem.line for problem in load(mini).problems] == [8, 10]


def test_links_and_images_with_no_address_are_each_told_on_their_line(mini: Project):
    body = "Escaped \\[not a link]() here.\n\nSee [one]() and\n[two](<> \"A title\").\n\n![a map]( )\n\nMail [me](mailto:) or [me](mailto:%20).\n"
    write_brief(mini, "empty", body)
    assert [(problem.line, problem.message.split(" has")[0]) for problem in load(mini).problems] == [
        (10, "link or image '[one]()'"), (11, "link or image '[two](<> \"A title\")'"), (13, "link or image '[a map]( )'"),
        (15, "link or image '[me](mailto:%20)'"), (15, "link or image '[me](mailto:)'"),
    ]
    told = {  # each told by its words, wherever text that looks like one is written
        "x\n\n[One]() and [two][r], [three]() too.\n\n[r]: <>\n": [(8, "[two]()"), (10, "[One]()"), (10, "[three]()")],  # (through a reference: not found as written)
        "x\n\n<div>\nSee [x]() here.\n</div>\n\nA real [link]() there.\n": [(14, "[link]()")],  # (raw HTML: text, not a link)
        "x\n\nA [link that\nwraps]() here.\n\nAnd a [second]() one.\n": [(10, "[link that wraps]()"), (13, "[second]()")],
        "x\n\nEscaped [a\\*b]() and [a &amp; b]() here.\n\nEmpty [![pic](https://example.org/p.png)]() and []() too.\n": [
            (10, "[a &amp; b]()"), (10, "[a\\*b]()"), (12, "[![pic](https://example.org/p.png)]()"), (12, "[]()"),
        ],
    }
    for written, expected in told.items():
        write_brief(mini, "empty", written)
        assert [(problem.line, problem.message.split("'")[1]) for problem in load(mini).problems] == expected, written


@pytest.mark.parametrize(("written", "link"), [
    ("We saw *the ASEAN* Regional Forum meet.", "[ASEAN Regional Forum](term:arf)"),  # its marks would not pair up in a link's text
    ("The ASEAN Regional *Forum met* today.", "[ASEAN Regional Forum](term:arf)"),
    ("> The *ASEAN* Regional\n> Forum met.", "[*ASEAN* Regional Forum](term:arf)"),
    ("The **ASEAN** Regional Forum**’s** role.", "[ASEAN Regional Forum](term:arf)"),  # (its marks pair with the next ones)
])
def test_the_link_a_cut_names_hint_offers_is_one_that_works(mini: Project, written: str, link: str):
    write_brief(mini, "cut-name", f"x\n\n{written}\n")
    assert only_problem(mini).hint.endswith(link)


def test_after_a_file_is_renamed_each_reference_to_its_old_id_is_pointed_to_the_new_one(mini: Project):
    mini.path("glossary/arf.yml").rename(mini.path("glossary/asean-regional-forum.yml"))  # its term is still ARF
    problems = load(mini).problems
    assert len(problems) == 3 and {problem.hint for problem in problems} == {"did you mean 'asean-regional-forum' (the glossary entry 'ARF')?"}, problems


def test_a_renamed_file_is_pointed_to_before_an_id_spelled_like_its_old_one(mini: Project):
    mini.write("actors/prussia.yml", "name: Prussia\ntype: state\nsummary: A former German state.\n")
    mini.path("actors/russia.yml").rename(mini.path("actors/russian-federation.yml"))  # its name is still Russia
    hints = {problem.hint for problem in load(mini).problems if "unknown actor 'russia'" in problem.message}
    assert hints == {"did you mean 'russian-federation' (the actor 'Russia')?"}


def test_a_name_cut_within_a_word_is_given_as_written_in_the_link_the_hint_offers(mini: Project):
    mini.write("glossary/co2.yml", "term: CO2\ndefinition: Carbon dioxide.\n")
    write_brief(mini, "cut-name", "x\n\nEmissions of CO<sub>2</sub> rose.\n")
    problem = only_problem(mini)
    assert (problem.line, problem.hint) == (10, "format the whole name, or link it with its formatting: [CO<sub>2</sub>](term:co2)")


@pytest.mark.parametrize("written", [
    "*ASEAN Regional Forum*", "[ASEAN Regional Forum](nolink:)", "[*ASEAN* Regional Forum](nolink:)", "[*ASEAN* Regional Forum](term:arf)",
    "[ASEAN](https://asean.org) Regional Forum", "`ASEAN` Regional Forum", "<code>ASEAN</code> Regional Forum", "<a href='https://asean.org'>ASEAN</a> Regional Forum",
], ids=["formatted whole", "nolink whole", "nolink around formatting", "linked explicitly", "partly a link", "partly code", "partly raw code", "partly a raw link"])
def test_a_name_formatted_whole_or_partly_code_or_a_link_is_no_problem(mini: Project, written: str):
    write_brief(mini, "cut-name", f"They met at the {written} as planned.\n")
    assert load(mini).problems == []


def test_an_articles_mentions_read_in_its_page_are_numbered_as_the_article_alone():
    """Its page's header mentions entities too: the article's own mentions still count from its first block."""
    glossary = {"arf": GlossaryFields(term="ARF", definition="A forum.")}
    actors = {"asean": ActorFields(name="ASEAN", type="organization", summary="A group.")}
    index = EntityIndex.build(glossary, actors)
    linker = Linker(index.by_form)

    def blocks_of(text: str) -> list:
        return [read_block(element, ()) for element in iter_blocks(etree.fromstring(f"<div>{markdown.markdown(text)}</div>"))]

    body = "ASEAN met at the ARF.\n\nThe ARF again, and ASEAN."
    page = blocks_of(f"The ARF and ASEAN, in the header.\n\n{body}")
    numbered = number_mentions(page, [block_hits(block, linker, index) for block in page])
    in_page = renumbered(numbered[1:])
    alone = article_view([block.element for block in blocks_of(body)], [], linker, index).mentions
    assert [(m.target.ref, m.number, m.block) for m in in_page] == [("actor:asean", 1, 0), ("term:arf", 1, 0), ("term:arf", 2, 1), ("actor:asean", 2, 1)]
    assert in_page == alone
    assert [m.number for m in numbered[1][0:1]] == [2]  # in the whole page it is ASEAN's second mention


def test_code_is_found_in_markdown_source_fenced_blocks_first():
    text = "```\n<b>\n```\na `x` b\n~~~\n`y` <i>\n~~~\nc ``z`` d"
    ranges = code_ranges(text)
    assert [text[start:end] for start, end in ranges] == ["```\n<b>\n```", "`x`", "\n~~~\n`y` <i>\n~~~", "``z``"]
    assert [in_code(ranges, text.index(part)) for part in ("<b>", "a ", "x", "<i>", "c ", "z", " d")] == [True, False, True, True, False, True, False]


def test_code_spans_are_found_as_python_markdown_renders_them():
    """Its scan: a run of backticks, closed by the next run of as many, else by the longest shorter one (`` ``x` `` holds `` `x ``)."""
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(["`", "``", "```", "a", " ", "\n", "x y", "\\", "\n# h\n", "\n#h\n", "\n  # h\n", "\n***\n", "\n-*-\n", "\n===\n"]) for _ in range(rng.randint(0, 14))).lstrip()
        ticks = [len(text[start:end]) - len(text[start:end].rstrip("`")) for start, end in code_spans(text)]  # its closing run
        found = [text[start + count : end - count].strip() for (start, end), count in zip(code_spans(text), ticks)]
        assert found == re.findall("<code>(.*?)</code>", markdown.markdown(text), re.DOTALL), repr(text)
    assert code_spans("A `span\n\nacross a blank line, and ``x` here.") == [(34, 38)]  # (one paragraph each)


@pytest.mark.parametrize(("text", "code", "not_code"), [
    ("Text.\n\n    <iframe> in code\n\nThen <iframe> real.", "<iframe> in", "<iframe> real"),
    ("A \\` tick, then `<span>` in code and <span> real.", "<span>` in", "<span> real"),
    ("````\n```\n<span> in code\n```\n````\n<span> real", "<span> in", "<span> real"),
    ("<!-- <span> old -->\n<span> real", "<span> old", "<span> real"),
    ("<!-- <span> old -->\n\nA <!-- never closed\n\n<span> real", "<span> old", "<span> real"),  # (Python-Markdown prints it as text)
    ("Write `` `[x](term:a)` `` for a link.\nThen [x](term:a) real.", "[x](term:a)` ``", "[x](term:a) real"),
    ("A ``span that\nwraps`` [x](term:a)` and [y]` then\n\n``[x](term:b)`` real.", "wraps", "[x](term:a)`"),  # (no span across a blank line)
], ids=["indented block", "escaped backtick", "longer fence", "comment", "comment never closed", "double backticks around one", "spans and runs that close none"])
def test_code_and_comments_are_found_in_markdown_source(text: str, code: str, not_code: str):
    ranges = code_ranges(text)
    assert in_code(ranges, text.index(code)) and not in_code(ranges, text.index(not_code))


@pytest.mark.parametrize(("text", "left_open"), [
    ("Text.\n\n<!DOCTYPE html\nHidden.\n\nMore <b>x</b>.\n", (7, 38, "<!DOCTYPE")),  # raw HTML to the next '>'
    ("Text.\n<!doctype html\nHidden.\n", (6, None, "<!doctype")),  # (right after a paragraph's line too; never closed: to the page's markup after it)
    ("Text.\n\n   <![CDATA[ x\nHidden ]]> text.\n", (10, 29, "<![CDATA[")),
    ("Text.\n\n<!DOCTYPE html>\n\nMore <b>x</b>.\n", None),  # (closed on its line: nothing hidden)
    ("Text <!DOCTYPE html\nmore.\n\n`x`\n\n```\n<!DOCTYPE html\n```\n\n    <!DOCTYPE html\n", None),  # not at a line's start; in code
    ("Text.\n\n<?php x\nHidden? No.\n\nMore <b>x</b>.\n", None),  # (a processing instruction left open is text)
])
def test_a_declaration_left_open_at_a_line_s_start_is_found_with_what_it_hides(text: str, left_open: tuple | None):
    assert declaration_left_open(text) == left_open


@pytest.mark.parametrize(("text", "left_open"), [
    ('Text.\n\n<div class="aside">\n<p>Text</p>\n<!-- <div class="inner">\n</div>\n\nMore.\n', (4, "!--")),  # a comment left open in it hides its end
    ("Text.\n\n<div>\n<!-- shut -->\n</div>\n\nAfter <!-- never closed, and text\n", None),
    ("A <!-- never closed, and text\n\n<div>\nX\n</div>\n\nAfter.\n", None),
    ("T.\n\n<div>\nDelegates\u2028used\n\n```\n<div>\n```\n</div>\n\nAfter.\n", None),  # (U+2028 is no line break of Markdown's)
    ("Text.\n\n<!-- to check\n\n## Later\n\nMore.\n", (2, "!--")),  # a comment that starts a line is a raw block
    ("Text.\n   <!-- to check\n\nMore.\n", (1, "!--")),  # (right after a paragraph's line too)
    ("<!-- shut --> <!-- to check\n\nMore.\n", (0, "!--")),
    ("Text.\n\n<p>x</p> then <!-- to check\n\nMore.\n", (2, "!--")),  # after a raw block closed on its line
    ("Text.\n\n<span>x</span> <!-- to check\n\n> <!-- quoted\n\n    <!-- code\n\nMore.\n", None),  # text, not a block
    ("<!-- to check\n\nMore `-->` in code.\n", None),  # (closed where the raw block's reader finds -->)
    ("Type `<!--` to open one.\n\n<!-- to check\n\nMore.\n", None),  # the first one left open is text: all after it is
    ("Text.\n\n    <!-- code\n\n<!-- to check\n\nMore.\n", None),
    ("Text.\n\n\t<!-- to check\n\nMore.\n", None),  # (a tab indents code)
    ("Text.\n\n```\n<!-- in a fence\n```\n\n<!-- to check\n\nMore.\n", (6, "!--")),  # fenced code is set aside first
    ("Text.\n\n<!-- to check\n\n```\n-->\n```\n\nMore.\n", (2, "!--")),
    ("Text `in a\n<!-- span` to check\n\nMore.\n", (1, "!--")),  # a code span does not keep it from opening a block
    ("<!-- to check\n\n!!! note\n    ```\n    -->\n    ```\n\nMore.\n", None),  # an indented fence is no fence to fenced_code
    ("- item\n\n  ```html\n  <!-- to check\n  ```\n\nMore.\n", (3, "!--")),
    ("<!-- to check\n\n```\n````x\n-->\n```\n\nMore.\n", (0, "!--")),  # (the fence closes only at its own marks)
    ("```python title\n<!-- to check\n```\n\nMore.\n", (1, "!--")),  # (no fence: fenced_code takes no title)
    ("<!-->\n\nMore.\n", (0, "!--")),  # (its --> is part of the <!--)
    ("<!-- to check --!>\n\nMore.\n", None),
    ("Text.\n\n<hr><!-- to check\n\nMore.\n", (2, "!--")),  # the rest of a line raw HTML starts is raw HTML too
    ("Text.\n\n  <hr class=rule> then <br> <!-- to check\n\nMore.\n", (2, "!--")),
    ("<div/> <!-- to check\n\nMore.\n", (0, "!--")),
    ("<!DOCTYPE html> <!-- to check\n\nMore.\n", (0, "!--")),
    ("<?php x ?><!-- to check\n\nMore.\n", (0, "!--")),
    ("<![CDATA[x]]><!-- to check\n\nMore.\n", (0, "!--")),
    ("Text.\n\n<br> <!-- to check\n\n<span/> <!-- more\n\nMore.\n", None),  # (not block-level: text)
    ("Text <hr> <!-- to check\n\nMore.\n", None),  # (not at the line's start)
    ("<!x> <!-- to check\n\nMore.\n", None),  # (a bogus comment is read inline)
    ("    <hr> <!-- to check\n\nMore.\n", None),
    ("<?x <!-- to check\n\nMore.\n", None),  # (an instruction left open on its line is text)
    ("<![CDATA[x <!-- to check\n\nMore.\n", None),
    ("<!doctype x <!-- to check\n\nMore.\n", (0, "!--")),  # (a declaration is not)
    ("<?x\ny?> <!-- to check\n\nMore.\n", (1, "!--")),  # on the line an instruction or a declaration closes on
    ("<![CDATA[x\ny]]> then <!-- to check\n\nMore.\n", (1, "!--")),
], ids=[
    "comment left open inside", "comment left open after", "comment left open before", "line separator",
    "comment starting a line", "after a paragraph line", "after a comment closed", "after a closed block", "comments in text", "closed in code",
    "text first in code", "text first indented", "tab", "fenced first", "closed in a fence", "in a code span",
    "indented fence", "fence in a list", "longer run in a fence", "fence with a title", "abrupt", "closed with --!>",
    "after <hr>", "after <hr> and more", "after a block tag with no content", "after a declaration", "after a processing instruction",
    "after CDATA", "after inline tags", "after <hr> in text", "after a bogus comment", "after <hr> in code",
    "in an open instruction", "in open CDATA", "in an open declaration", "after an instruction's last line", "after CDATA's last line",
])
def test_an_html_block_is_left_open_where_python_markdown_leaves_it(text: str, left_open: tuple[int, str] | None):
    assert unclosed_html_block(text, BLOCK_LEVEL_ELEMENTS) == left_open


@pytest.mark.parametrize(("text", "stopping"), [
    ("Text <![x]> and `<![y]>`, then\n\n    <![z]> in code.", ["<![x]>", "<![y]>", "<![z]>"]),
    ("Text.\n\n\tSee <![ y", ["<![ y"]),
    ("Word's <![if a]> and <![endif]>, <![CDATA[data]]>, then `<![1]`", ["<![1]"]),  # (the keywords it knows: not stopping)
    ("```\n<![x]>\n```\n\nText <![CDATA[ never closed", []),  # (fenced code is set aside before)
    ("Text <![x", ["<![x"]),  # (the page goes on after the article)
], ids=["three", "after a tab", "known keywords first", "fenced", "at the end"])
def test_each_marked_section_mkdocs_cannot_read_is_found_and_made_readable(text: str, stopping: list[str]):
    positions = unreadable_marked_sections(text)
    assert [text[position : position + len(written)] for position, written in zip(positions, stopping)] == stopping
    readable = marked_sections_readable(text)
    assert unreadable_marked_sections(readable) == []
    assert readable.replace(WORD_JOINER, "") == text and readable.count(WORD_JOINER) == len(stopping)


def test_a_link_to_a_brief_that_is_not_published_says_so(mini: Project):
    mini.write("articles/second.md", FRONT_MATTER.replace("title:", "titl:") + "Text.\n")
    mini.replace(ART, "(term:arf)", "(term:arf) and [the second](second.md)")
    problems = [(p.path, p.message) for p in load(mini).problems]
    assert (ARTICLE, "link 'second.md' names a brief that is not published: briefs/articles/second.md has problems of its own") in problems
    assert not [message for path, message in problems if path == ARTICLE and "not a page or file" in message]


def test_a_marked_section_in_raw_html_is_a_problem_not_a_traceback(mini: Project):
    mini.replace(ART, "The ASEAN Regional Forum met", "<div><![x]></div>\n\nThe ASEAN Regional Forum met")
    mini.replace("glossary/eas.yml", "first met in 2005.", "first met in 2005. <span><![y]></span>")
    line = mini.read(ART).splitlines().index("<div><![x]></div>") + 1
    assert [(p.path, p.line, p.message.split(" (")[0]) for p in load(mini).problems] == [(ARTICLE, line, "MkDocs cannot read '<![x]>'")]


def test_selector_applies_the_matching_rules():
    selector = Selector.of("  “We\n   agreed,”  ", " the\t", None)
    assert selector == Selector('"We agreed,"', " the ", "")


def test_occurrences_and_anchor_at():
    blocks = ("Alpha beta gamma. Alpha beta delta.", "Omega alpha beta.")
    (only,) = occurrences(Selector.of("alpha beta"), blocks)  # case-sensitive: not "Alpha beta"
    assert (only.block, only.start) == (1, 6)
    assert len(occurrences(Selector.of("Alpha beta"), blocks)) == 2
    selector = Selector.of("Alpha beta", suffix=" delta")
    (found,) = occurrences(selector, blocks)
    anchor = anchor_at(found, blocks)
    assert (anchor.block, anchor.start, anchor.end) == (0, 18, 28)
    selector = Selector.of("beta", prefix="Omega alpha ")
    (found,) = occurrences(selector, blocks)
    anchor = anchor_at(found, blocks)
    # Offsets in the joined text count the blank line between blocks.
    assert (anchor.block, anchor.block_start, anchor.start) == (1, 12, len(blocks[0]) + 2 + 12)
    assert "\n\n".join(blocks)[anchor.start : anchor.end] == "beta"


def test_occurrences_never_cross_blocks():
    assert occurrences(Selector.of("gamma. Omega"), ("Alpha gamma.", "Omega beta.")) == []


def test_a_file_named_with_a_letter_of_another_script_is_told_so_where_it_is_named_and_where_it_is_referred_to(mini: Project):
    mini.path("actors/russia.yml").rename(mini.path("actors/russi\u0430.yml"))
    told = {(problem.path, problem.message, problem.hint) for problem in load(mini).problems if "russi" in problem.message}
    odd = "'\u0430' (U+0430 CYRILLIC SMALL LETTER A)"
    assert ("briefs/actors/russi\u0430.yml", f"file name 'russi\u0430' is not a valid id (lowercase letters, digits and single hyphens): it holds {odd}", "rename it to 'russia.yml'") in told
    assert ("briefs/articles/forum-talks.annotations.yml", "unknown actor 'russia'", f"the actor's file is named 'russi\u0430', which holds {odd}: rename the file to 'russia.yml'") in told


def test_the_id_meant_reads_a_lookalike_letter_among_latin_ones_as_the_latin_one_and_leaves_other_words_alone():
    assert [meant_id(text) for text in ("russi\u0430", "admm\u2011plus", "\u0420\u043e\u0441\u0441\u0438\u044f", "Jane Doe")] == ["russia", "admm-plus", "", "jane-doe"]


@pytest.mark.parametrize(("path", "hint"), [
    ("briefs/articles/Forum_Copy.annotations.yml", "rename it to 'forum-copy.annotations.yml'"),  # (the whole ending kept)
    ("briefs/articles/Index.md", "rename the file"),  # ('index' is the site's page's)
    ("briefs/glossary/Index.yml", "rename the file"),
    ("briefs/actors/Jane_Roe.yml", "rename it to 'jane-roe.yml'"),
])
def test_a_file_name_that_is_not_an_id_is_given_a_name_it_may_have(path: str, hint: str):
    stem = path.rsplit("/", 1)[1].split(".", 1)[0]
    assert [problem.hint for problem in check_stem(stem, path)] == [hint]


def test_closest_passage():
    closest = closest_passage("Alpha beta gama", ("Alpha beta gamma. Alpha beta delta.", "Omega alpha beta."))
    assert closest is not None
    assert (closest.text, closest.block) == ("Alpha beta gamma.", 0)
    assert 0.9 < closest.similarity < 1
    assert closest_passage("anything", ()) is None


def _closest_by_trying_every_run(quote: str, blocks: tuple[str, ...], beat: float = -1.0) -> tuple[str, int, float] | None:
    """The closest passage found the plain way: every run of words tried, the first of the most similar kept."""
    target = normalize(" ".join(quote.split()))
    best = None
    for index, text in enumerate(blocks):
        words = text.split(" ")
        for first in range(len(words)):
            last, size = first, -1
            while last < len(words) and size < len(target):
                size += len(words[last]) + 1
                last += 1
            run = " ".join(words[first:last])
            ratio = difflib.SequenceMatcher(None, target, normalize(run), autojunk=False).ratio()
            if ratio > (best[2] if best is not None else beat):
                best = (run, index, ratio)
            if size < len(target):
                break
    return best


@pytest.mark.parametrize("seed", range(40))
def test_the_closest_passage_is_the_one_trying_every_run_finds(seed: int):
    """In an article of about as many runs of words as are compared character for character."""
    rng = random.Random(seed)
    text = " ".join(FIXTURES.joinpath("mini", "briefs", "articles", "forum-talks.md").read_text(encoding="utf-8").split()[40:])
    words = text.split(" ")
    blocks = tuple(" ".join(words[start : start + rng.randint(1, 40)]) for start in range(0, len(words), 25))
    blocks += blocks[: rng.randint(0, 3)] + ("", "“Quoted” words’ marks")  # the same passages again: the first is kept
    if seed % 2:  # words of the article in another order: many passages about as like it
        quote = rng.sample(words, rng.randint(2, 10))
    else:
        quote = rng.choice([b for b in blocks if b]).split(" ")
        cut = rng.randint(0, max(0, len(quote) - 3))
        quote = quote[cut : cut + rng.randint(1, 12)]
    for _ in range(rng.randint(0, 3)):  # typing mistakes
        at = rng.randrange(len(quote))
        quote[at] = rng.choice([quote[at][::-1], quote[at] + "s", quote[at].upper(), "and"])
    beat = rng.choice([-1.0, 0.5, 0.9])
    found = closest_passage(" ".join(quote), blocks, beat)
    assert (None if found is None else (found.text, found.block, found.similarity)) == _closest_by_trying_every_run(" ".join(quote), blocks, beat)


@pytest.mark.parametrize("seed", range(5))
def test_in_a_long_article_the_closest_passage_to_a_mistyped_quote_is_its_passage(seed: int, monkeypatch: pytest.MonkeyPatch):
    """Of thousands of runs of words, most sharing most characters with the quote, the one it was copied from; few compared character for character."""
    compared = []

    def counted(*args, **kwargs):
        compared.append(args)
        return difflib.SequenceMatcher(*args, **kwargs)

    monkeypatch.setattr(anchoring, "SequenceMatcher", counted)
    rng = random.Random(seed)
    words = FIXTURES.joinpath("mini", "briefs", "articles", "forum-talks.md").read_text(encoding="utf-8").split()
    blocks = [" ".join(rng.choice(words) for _ in range(120)) for _ in range(50)]
    at = rng.randrange(len(blocks))
    passage = blocks[at].split(" ")[30:60]
    quote = list(passage)
    for place in rng.sample(range(len(quote)), 4):  # typing mistakes
        quote[place] = quote[place][::-1] + "x"
    closest = closest_passage(" ".join(quote), tuple(blocks))
    assert closest is not None and closest.block == at and " ".join(passage[1:-1]) in closest.text  # (give or take a word at either end)
    assert 0 < len(compared) <= COMPARED_RUNS < len(blocks) * 100  # (of some 6,000 runs)


def test_a_passage_of_reader_text_is_placed_on_the_line_it_is_written_on_markup_and_all():
    source = (
        "Intro.\n\n<!-- the talks on the fishing quota resumed in May -->\n\n"
        "Officials said the [talks](https://example.org/) on the *fishing*\nquota resumed in May.\n\n"
        "Critics noted that the talks on the fishing quota were suspended.\n\n"
        "```\nthe talks on the fishing quota resumed in May\n```\n\nIt's Russia's view -- and \"more\"...\n"
    )
    # Not the comment, the code block or the plain words of another sentence: where markup writes it.
    assert written_line(source, "the talks on the fishing quota resumed in May.") == 4
    assert written_line(source, "It’s Russia’s view – and “more”…") == 13  # typed plainly, printed typographically
    assert written_line(source, "the talks on the fishing quota") is None  # written twice
    assert written_line(source, "nowhere at all") is None
    assert written_line(source, "") is None
    article = WrittenArticle(source, 10)
    officials = "Officials said the talks on the fishing quota resumed in May."
    assert (article.where("Critics noted that…", "Critics noted"), article.at("Critics noted that…", "Critics noted")) == ("line 17", "on line 17")
    assert article.at(officials, "the talks") == "in the paragraph beginning “Officials said the talks on…”"  # written twice: no line
    assert article.hidden_in("fishing quota resumed in May -->") == "an HTML comment"
    assert article.hidden_in("Critics noted") is None
    raw = WrittenArticle("Text.\n\n<div class=\"box\">\nBoxed words here.\n</div>\n\n<abbr title=\"x\">Inline</abbr> words here.\n", 1)
    assert (raw.hidden_in("Boxed words here."), raw.hidden_in("Inline words here.")) == ("raw HTML", None)  # a block tag, not an inline one
    # Blank lines within the element do not end it: its second paragraph is raw HTML too; what follows it is not.
    spaced = WrittenArticle("Text.\n\n<div class=\"box\">\nFirst.\n\nSecond words.\n</div>\n\nAfter words.\n\n<section>\n\nLeft open.\n", 1)
    assert [spaced.hidden_in(words) for words in ("Second words.", "After words.", "Left open.")] == ["raw HTML", None, "raw HTML"]
    tail = WrittenArticle("Text.\n\n<div>Boxed words.</div> Tail words after it.\n", 1)  # (Markdown again after the closing tag)
    assert [tail.hidden_in(words) for words in ("Boxed words.", "Tail words after it.")] == ["raw HTML", None]
    # In raw HTML, backticks are not code: a closing tag between them closes the element, as Python-Markdown reads it.
    ticked = WrittenArticle("Text.\n\n<div>\nWrite `</div>` here.\n\nOutside words.\n</div>\n\n<div>\nA `<div>` in it.\n</div>\n\nStill inside.\n</div>\n", 1)
    assert [ticked.hidden_in(words) for words in ("Write", "Outside words.", "A", "Still inside.")] == ["raw HTML", None, "raw HTML", "raw HTML"]
    # A fenced block is code, inside raw HTML too (MkDocs reads fences first): a tag in it opens or closes nothing.
    fenced = WrittenArticle("Text.\n\n<div>\nBox:\n\n```html\n<div class=\"box\">\n```\n\nThen close.\n</div>\n\nAfter words.\n\n<div>\n```\n</div>\n```\n\nStill in.\n</div>\n", 1)
    assert [fenced.hidden_in(words) for words in ("Then close.", "After words.", "Still in.")] == ["raw HTML", None, "raw HTML"]


def test_the_closest_words_a_note_cannot_mark_are_placed_on_their_own_line():
    body = (
        "Text.\n\n<div>\n<p>R&amp;D spending in Moscow grew</p>\n<table>\n<tr><td>Oil</td><td>exports fell</td></tr>\n</table>\n"
        "<a\n href=\"https://example.org/\">forum report</a> out\n</div>\n\n```python\nWithin a code block here\nin a code block here\n```\n"
    )
    article = WrittenArticle(body, 10)  # the body's first line is the file's line 10
    quotes = ("R&D spendng in Moscow grew", "Oil exprts fell", "forum reprt out", "in a code blck here", "python Within a")
    found = [article.closest_hidden(quote) for quote in quotes]
    assert [(closest.text, kind, line) for closest, kind, line in found] == [
        ("R&D spending in Moscow grew", "raw HTML", 13),  # a character reference read as the reader sees it
        ("Oil exports fell", "raw HTML", 15),  # cells with no space between them
        ("forum report out", "raw HTML", 18),  # after a tag written over two lines
        ("in a code block here", "code", 23),  # the whole words, not the end of a line above
        ("Within a code block", "code", 22),  # a fence's language is not a word of the code
    ]
    references = WrittenArticle("T.\n\n<div>&#10;&#10;forum words here</div>\n", 10)
    assert references.closest_hidden("forum wrds here")[2] == 12  # a `&#10;` is no line break of the source


def test_read_markdown_reader_text_and_links():
    view = read_markdown("The **ASEAN** [Regional\nForum](https://example.org/) met  here.\n\n# Heading\n\n- item [x](term:arf)\n")
    assert view.blocks == ("The ASEAN Regional Forum met here.", "Heading", "item x")
    assert view.links == ("https://example.org/", "term:arf")


def test_split_front_matter():
    front, body, body_line = split_front_matter("---\ntitle: T\nx: 1\n---\nBody\n", "a.md")
    assert (front, body, body_line) == ("title: T\nx: 1\n", "Body\n", 5)
    front, body, body_line = split_front_matter("---\r\ntitle: T\r\n...\r\nBody", "a.md")
    assert (front, body, body_line) == ("title: T\r\n", "Body", 4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: T\n---\nBody\n", "an article must start with front matter between '---' lines"),
        ("", "an article must start with front matter"),
        ("---\ntitle: T\nBody\n", "front matter is not closed"),
    ],
)
def test_split_front_matter_refuses(text: str, message: str):
    with pytest.raises(ContentError) as caught:
        split_front_matter(text, "briefs/articles/a.md")
    assert caught.value.problem.path == "briefs/articles/a.md"
    assert caught.value.problem.line == 1
    assert caught.value.problem.message.startswith(message)


def test_load_yaml_records_lines():
    located = load_yaml("a: 1\nb:\n  - x\n  - {c: 2016-05-04}\n", "f.yml", line_offset=10)
    assert located.data == {"a": 1, "b": ["x", {"c": "2016-05-04"}]}  # dates stay text
    assert located.line_of(("a",)) == 11
    assert located.line_of(("b", 1, "c")) == 14
    assert located.line_of(("b", 1, "missing")) == 14  # deepest known prefix
    assert located.line_of(("nowhere",)) == located.first_line == 11


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: [x, y\nc: 3\n", 2, "malformed YAML: expected ',' or ']'"),  # where the list opens
        ("a: 1\n  b: 2\n", 2, "malformed YAML: mapping values are not allowed here"),
        ("a: &r [x]\nb: *r\n", 2, "YAML anchors and aliases (&, *) are not allowed"),
        ("a: 1\na: 2\n", 2, "field 'a' is given twice"),
        ("a: !!binary aGk=\n", 1, "unsupported YAML tag !!binary"),
        ("a: 1\nb: !!python/object:os.system x\n", 2, "unsupported YAML tag"),
        ("a: 1\nb: !!bool maybe\n", 2, "malformed YAML value: 'maybe' is not a valid bool"),
        ("a: 1\nb: !!int ''\n", 2, "malformed YAML value: '' is not a valid int"),
        ("a: 1\nb: !!set {x, y}\n", 2, "unsupported YAML tag !!set"),
        ("a: 1\nb: !!map x\n", 2, "unsupported YAML tag !!map"),
        ("a: 1\n? [x]\n: 2\n", 2, "keys must be plain names"),
        ("a: 1\nb: \x07\n", 2, "malformed YAML: special characters are not allowed"),
        ("a: 1\nb:\n" + "  " * 3 + "[" * 60 + "]" * 60 + "\n", 3, "YAML is nested more than"),
        ("x: " + "[" * 5000, 1, "YAML is nested more than"),
    ],
)
def test_load_yaml_refuses_with_a_line(text: str, line: int, message: str):
    with pytest.raises(ContentError) as caught:
        load_yaml(text, "briefs/glossary/x.yml")
    problem = caught.value.problem
    assert (problem.path, problem.line) == ("briefs/glossary/x.yml", line), problem
    assert problem.message.startswith(message), problem


def test_load_yaml_line_offset_applies_to_errors():
    with pytest.raises(ContentError) as caught:
        load_yaml("title: T\ntags: [a, b\nsummary: s\n", "a.md", line_offset=1)
    assert caught.value.problem.line == 3  # the article's line of the open list, the opening '---' being line 1


def test_load_yaml_size_limit():
    with pytest.raises(ContentError) as caught:
        load_yaml("a: " + "x" * MAX_FILE_BYTES, "f.yml")
    assert "larger than 512 KiB" in caught.value.problem.message


# -- each contract rule, broken once in the fixture --------------------------------

G_EAS = "glossary/eas.yml"
A_RUSSIA = "actors/russia.yml"
ANN = "articles/forum-talks.annotations.yml"
ART = "articles/forum-talks.md"

# (file, old, new) -> (path, line, message start, text the hint must contain or None for no hint)
ONE_MISTAKE = {
    "unknown field with suggestion": ((G_EAS, "related: [arf]", "relatd: [arf]"), ("briefs/glossary/eas.yml", 5, "unknown field 'relatd'", "did you mean 'related'?")),
    "unknown field without a near name": ((A_RUSSIA, "type: state", "type: state\ncolour: red"), ("briefs/actors/russia.yml", 3, "unknown field 'colour'", "remove it")),
    "unknown annotation field": ((ANN, "    terms: [arf]", "    trems: [arf]"), (ANNOTATIONS, 7, "unknown field 'trems'", "did you mean 'terms'?")),
    "nothing where a list belongs": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases:"), ("briefs/actors/russia.yml", 3, "aliases must be a list", "write [] for none, or one '- item' per line")),
    "empty text where a list belongs": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", 'aliases: ""'), ("briefs/actors/russia.yml", 3, "aliases must be a list", "write [] for none, or one '- item' per line")),
    "text where a list belongs": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: Moscow"), ("briefs/actors/russia.yml", 3, "aliases must be a list", "write [Moscow]")),
    "number where text belongs": ((A_RUSSIA, "name: Russia", "name: 42"), ("briefs/actors/russia.yml", 1, "name must be text, not a number", "put it in quotes")),
    "value outside a choice": ((A_RUSSIA, "type: state", "type: stat"), ("briefs/actors/russia.yml", 2, "type must be one of person, state, organization, not 'stat'", "did you mean 'state'?")),
    "unknown annotation kind": ((ANN, "kind: claim", "kind: claims"), (ANNOTATIONS, 27, "kind must be one of context, claim, quotation, fact-check, question", "did you mean 'claim'?")),
    "verdict read as true or false": ((ANN, "verdict: accurate", "verdict: no"), (ANNOTATIONS, 16, "verdict must be one of accurate, imprecise, inaccurate, unverifiable, not true or false", "YAML reads yes, no, on, off, true and false as true or false")),
    "kind left empty": ((ANN, "kind: claim", "kind:"), (ANNOTATIONS, 27, "kind must not be empty", "write one of context, claim, quotation, fact-check, question")),
    "bad annotation id": ((ANN, "id: forum-met", "id: Forum_Met"), (ANNOTATIONS, 2, "'Forum_Met' is not a valid id", "use 'forum-met'")),
    "bad tag": ((ART, "tags: [southeast-asia, defence]", "tags: [southeast-asia, South East--Asia]"), (ARTICLE, 13, "'South East--Asia' is not a valid id", "use 'south-east-asia'")),
    "tag with accents": ((ART, "tags: [southeast-asia, defence]", "tags: [southeast-asia, Côte d’Ivoire]"), (ARTICLE, 13, "'Côte d’Ivoire' is not a valid id", "use 'cote-divoire'")),
    "bad date": ((ART, "published: 2016-05-04", "published: 2016-13"), (ARTICLE, 6, "published: month 13 does not exist", None)),
    "name cut by nolink": ((ART, "The ASEAN Regional", "The [ASEAN](nolink:) Regional"), (ARTICLE, 15, "'ASEAN Regional Forum' is not linked to term:arf: a nolink: span holds part of it", "around the whole name")),
    "name cut by formatting": (
        (ART, "The ASEAN Regional", "The *ASEAN* Regional"),
        (ARTICLE, 15, "'ASEAN Regional Forum' is not linked to term:arf: formatting cuts it (only 'ASEAN' is linked)", "link it with its formatting: [*ASEAN* Regional Forum](term:arf)"),
    ),
    "bad url": ((ART, "url: https://example.org/forum-talks", "url: example.org/forum-talks"), (ARTICLE, 5, "url must be an http:// or https:// address", None)),
    "missing required field": ((A_RUSSIA, "type: state\n", ""), ("briefs/actors/russia.yml", 1, "missing required field 'type'", None)),
    "empty id": ((ANN, "id: forum-met", 'id: ""'), (ANNOTATIONS, 2, "id must not be empty", None)),
    "empty required text": ((G_EAS, "term: EAS", 'term: ""'), ("briefs/glossary/eas.yml", 1, "term must not be empty", None)),
    "text a page does not show": (
        (G_EAS, "term: EAS", 'term: "\\u200b\\u00ad"'),
        ("briefs/glossary/eas.yml", 1, "term must not be empty", "it holds only characters a page does not show, such as a soft hyphen or a zero-width space: write the text"),
    ),
    "blank required text": ((A_RUSSIA, "name: Russia", 'name: "   "'), ("briefs/actors/russia.yml", 1, "name must not be empty", None)),
    "lone surrogate escape": ((G_EAS, "definition: |\n  The East Asia Summit is a leaders’ forum. It first met in 2005.\n", 'definition: "A \\ud800 summit."\n'), ("briefs/glossary/eas.yml", 3, "definition holds a \\u escape for half a character", "write the character itself")),
    "lone surrogate escape in a key": ((G_EAS, "term: EAS\n", 'term: EAS\n"\\ud800": x\n'), ("briefs/glossary/eas.yml", 2, "a key holds a \\u escape for half a character", "write the character itself")),
    "lone surrogate escape in a note's key": ((ANN, "    terms: [arf]", '    terms: [arf]\n    "\\ud800": x'), (ANNOTATIONS, 8, "a key holds a \\u escape for half a character", "write the character itself")),
    "null required Markdown": ((G_EAS, "definition: |\n  The East Asia Summit is a leaders’ forum. It first met in 2005.\n", "definition:\n"), ("briefs/glossary/eas.yml", 3, "definition must not be empty", None)),
    "empty takeaway": ((ART, "  - Russia’s role grows.", "  - \"\""), (ARTICLE, 12, "item 2 of takeaways must not be empty", "write its text, or take its line out")),
    "empty annotation body": ((ANN, "body: Which delegates?", 'body: " "'), (ANNOTATIONS, 24, "body must not be empty", None)),
    "duplicate annotation id": ((ANN, "id: agreed", "id: forum-met"), (ANNOTATIONS, 26, "annotation id 'forum-met' is used twice in this brief (first on line 2)", "give each annotation its own id")),
    "dangling speaker": ((ANN, "speaker: jane-roe", "speaker: jane-ro"), (ANNOTATIONS, 11, "unknown actor 'jane-ro'", "did you mean 'jane-roe'?")),
    "dangling annotation actor": ((ANN, "actors: [russia]", "actors: [rusia]"), (ANNOTATIONS, 25, "unknown actor 'rusia'", "did you mean 'russia'?")),
    "dangling annotation term": ((ANN, "terms: [arf]", "terms: [arff]"), (ANNOTATIONS, 7, "unknown glossary entry 'arff'", "did you mean 'arf'?")),
    "glossary entry listed as an actor": ((ANN, "actors: [russia]", "actors: [arf]"), (ANNOTATIONS, 25, "unknown actor 'arf'", "'arf' is a glossary entry, not an actor")),
    "actor linked as an entry": ((ART, "(term:arf)", "(term:russia)"), (ARTICLE, 25, "link to unknown glossary entry 'term:russia'", "'russia' is an actor: write actor:russia")),
    "actor linked as an entry, in capitals": ((ART, "(term:arf)", "(term:RUSSIA)"), (ARTICLE, 25, "link to unknown glossary entry 'term:RUSSIA'", "'russia' is an actor: write actor:russia")),
    "entry linked as an actor, in capitals": ((ART, "(term:arf)", "(actor:ARF)"), (ARTICLE, 25, "link to unknown actor 'actor:ARF'", "'arf' is a glossary entry: write term:arf")),
    "dangling related": ((G_EAS, "related: [arf]", "related: [arg]"), ("briefs/glossary/eas.yml", 5, "unknown glossary entry 'arg'", "did you mean 'arf'?")),
    "dangling glossary actor": (("glossary/arf.yml", "actors: [asean]", "actors:\n  - russia\n  - asian"), ("briefs/glossary/arf.yml", 8, "unknown actor 'asian'", "did you mean 'asean'?")),
    "dangling affiliation": (("actors/jane-roe.yml", "affiliations: [asean]", "affiliations: [asaen]"), ("briefs/actors/jane-roe.yml", 4, "unknown actor 'asaen'", "did you mean 'asean'?")),
    "an id lengthened by a rename": ((ANN, "speaker: jane-roe", "speaker: roe"), (ANNOTATIONS, 11, "unknown actor 'roe'", "did you mean 'jane-roe'?")),
    "dangling member without a near id": (("actors/asean.yml", "members: []", "members: [russia, vietnam]"), ("briefs/actors/asean.yml", 4, "unknown actor 'vietnam'", "create briefs/actors/vietnam.yml")),
    "dangling author": ((ART, "authors: [jane-roe", "authors: [jane-rod"), (ARTICLE, 7, "unknown actor 'jane-rod'", "did you mean 'jane-roe'?")),
    "entry related to itself": (("glossary/arf.yml", "related: [eas]", "related: [eas, arf]"), ("briefs/glossary/arf.yml", 5, "'arf' in related is this glossary entry itself", "remove it")),
    "actor that is its own member": (("actors/asean.yml", "members: []", "members: [asean]"), ("briefs/actors/asean.yml", 4, "'asean' in members is this actor itself", "remove it")),
    "id listed twice": ((G_EAS, "related: [arf]", "related:\n  - arf\n  - arf"), ("briefs/glossary/eas.yml", 7, "'arf' is listed twice in related (first on line 6)", "keep one of them")),
    "named author with a number for a name": ((ART, "{name: Sam Writer}", "{name: 1999}"), (ARTICLE, 7, "name must be text, not a number", "put it in quotes")),
    "required field misspelt": ((G_EAS, "term: EAS", "Term: EAS"), ("briefs/glossary/eas.yml", 1, "unknown field 'Term'", "did you mean 'term'?")),
    "named author's name misspelt": ((ART, "{name: Sam Writer}", "{nme: Sam Writer}"), (ARTICLE, 7, "unknown field 'nme'", "did you mean 'name'?")),
    "author given as a list": ((ART, "authors: [jane-roe", "authors: [[Sam], jane-roe"), (ARTICLE, 7, "authors must be text or a set of fields (key: value), not a list", None)),
    "yes where text belongs": ((A_RUSSIA, "name: Russia", "name: yes"), ("briefs/actors/russia.yml", 1, "name must be text, not true or false", "put it in quotes")),
    "a # where text starts": ((ANN, "quote: ASEAN Regional Forum met", "quote: #1 ASEAN Regional Forum met"), (ANNOTATIONS, 4, "quote must not be empty", "the text after # is a YAML comment, not the value: a value that begins with # goes in double quotes")),
    "a # where a title starts": ((ART, "title: Forum talks in the region", "title: #1 forum"), (ARTICLE, 2, "title must not be empty", "the text after # is a YAML comment, not the value")),
    "a # within a title": ((ART, "title: Forum talks in the region", "title: Forum talks #1 in the region"), (ARTICLE, 2, "the value ends before '#1 in the region': after a space, # starts a YAML comment", 'if it belongs to the value, put the whole value in double quotes, as "Forum talks #1 in the region"')),
    "a # within a note's text": ((ANN, "body: Which delegates?", "body: Which of the delegates from the region, by #2 rank?"), (ANNOTATIONS, 24, "the value ends before '#2 rank?': after a space, # starts a YAML comment", 'as "…from the region, by #2 rank?"')),
    "brackets where text starts": ((ANN, "quote: ASEAN Regional Forum met", "quote: [ASEAN Regional Forum met]"), (ANNOTATIONS, 4, "quote must be text, not a list", "text that begins with [ goes in double quotes")),
    "brackets where text starts, on the line below": ((ANN, "quote: ASEAN Regional Forum met", "quote:\n      [ASEAN Regional Forum met]"), (ANNOTATIONS, 4, "quote must be text, not a list", "text that begins with [ goes in double quotes")),
    "a list written below a text field": ((ANN, "quote: ASEAN Regional Forum met", "quote:\n      - ASEAN Regional Forum met"), (ANNOTATIONS, 4, "quote must be text, not a list", None)),
    "brackets where text starts, text after them": ((ANN, "quote: ASEAN Regional Forum met", "quote: [held in April], the ASEAN Regional Forum met"), (ANNOTATIONS, 4, "malformed YAML: expected <block end>, but found ','", 'text that begins with [ goes in double quotes, as "[…" (YAML reads [ as the start of a list)')),
    "an * where text starts": ((ART, "title: Forum talks in the region", "title: *Exclusive:* Forum talks"), (ARTICLE, 2, "malformed YAML: found undefined alias 'Exclusive'", 'text that begins with * goes in double quotes, as "*…" (YAML reads * as the start of a reference to an anchor)')),
    "an & where text starts": ((ANN, "quote: ASEAN Regional Forum met", "quote: & partners"), (ANNOTATIONS, 4, "malformed YAML: expected alphabetic or numeric character, but found ' '", 'text that begins with & goes in double quotes, as "&…" (YAML reads & as the start of an anchor)')),
    "a note's text indented as a field": ((ANN, "      The forum has met every year since 1994.\n", "      The forum has met\n    every year since 1994, with partners: ten in all.\n"), (ANNOTATIONS, 7, "unknown field 'every year since 1994, with partners'", "if it is text of the field above, indent it as far as that text")),
    "a note's text indented as a field, no colon": ((ANN, "      The forum has met every year since 1994.\n", "      The forum has met\n    every year since 1994.\n"), (ANNOTATIONS, 7, "malformed YAML: could not find expected ':'", "if the line is text of the field above, indent it as far as that text")),
    "brackets where text starts, a * after them": ((ART, "title: Forum talks in the region", "title: [Interview] *Kremlin* says"), (ARTICLE, 2, "malformed YAML", 'text that begins with [ goes in double quotes, as "[…" (YAML reads [ as the start of a list)')),
    "an * where a list's item starts": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: [Moscow, *Kremlin*]"), ("briefs/actors/russia.yml", 3, "malformed YAML: expected alphabetic or numeric character, but found '*'", 'text that begins with * goes in double quotes, as "*…"')),
    "an @ where text starts": ((ANN, "quote: ASEAN Regional Forum met", "quote: @ASEAN"), (ANNOTATIONS, 4, "malformed YAML: found character '@' that cannot start any token", "a value that begins with @ goes in double quotes")),
    "text on the summary's > line": ((ART, "summary: >\n  A short test brief about **regional forums**.", "summary: > A short test brief."), (ARTICLE, 8, "malformed YAML: expected a comment or a line break", "after > or | the text starts on the next line, indented")),
    "items under an empty list": ((ART, "takeaways:\n  - Forums matter.", "takeaways: []\n  - Forums matter."), (ARTICLE, 11, "malformed YAML: expected <block end>, but found '<block sequence start>'", "the line above gives the field an empty list, []: remove the [] to list the items below it")),
    "author written by the name of an actor": ((ART, "authors: [jane-roe, {name: Sam Writer}]", "authors: [{name: Jane Roe}, {name: Sam Writer}]"), (ARTICLE, 7, "author 'Jane Roe' is written as a name, and actor 'jane-roe' is Jane Roe: the page would not link the profile", "write the actor's id, jane-roe, in its place")),
    "a date years to come": ((ART, "published: 2016-05-04", "published: 3016-05-04"), (ARTICLE, 6, "published: year 3016 is yet to come", None)),
    "author given by a name, not an id": ((ART, "authors: [jane-roe", "authors: [Jane Doe, jane-roe"), (ARTICLE, 7, "'Jane Doe' is not a valid id", "use 'jane-doe' for an actor's id, or write {name: Jane Doe} for a name with no profile")),
    "a speaker's id in brackets": ((ANN, "    speaker: jane-roe\n", "    speaker: [jane-roe]\n"), (ANNOTATIONS, 11, "speaker must be text, not a list", "a speaker is one actor's id: write it without the brackets, speaker: jane-roe")),
    "a speaker's ids in brackets": ((ANN, "    speaker: jane-roe\n", "    speaker: [jane-roe, russia]\n"), (ANNOTATIONS, 11, "speaker must be text, not a list", "a speaker is one actor's id: write it without the brackets")),
    "field name with a zero-width space": ((G_EAS, "expansion: East Asia Summit", "expansion\u200b: East Asia Summit"), ("briefs/glossary/eas.yml", 2, "unknown field 'expansion\u200b': it holds '\u200b' (U+200B ZERO WIDTH SPACE)", "did you mean 'expansion'?")),
    "a list in a list of ids": ((ANN, "actors: [russia]", "actors: [[russia]]"), (ANNOTATIONS, 25, "each item of actors must be text, not a list", None)),
    "alias that is a common word": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin, The]"), ("briefs/actors/russia.yml", 3, "'The' in aliases is a common word: every “The” of every article would link here", "write the words it stands for in full, or remove it")),
    "tag listed twice": ((ART, "tags: [", "tags: [defence, "), (ARTICLE, 13, "'defence' is listed twice in tags (first on line 13)", "keep one of them")),
    "author listed twice": ((ART, "authors: [jane-roe", "authors: [jane-roe, jane-roe"), (ARTICLE, 7, "'jane-roe' is listed twice in authors (first on line 7)", "keep one of them")),
    "annotation term listed twice": ((ANN, "    terms: [arf]", "    terms: [arf, arf]"), (ANNOTATIONS, 7, "'arf' is listed twice in terms (first on line 7)", None)),
    "glossary id used as actor": ((ANN, "actors: [russia]", "actors: [russia, arf]"), (ANNOTATIONS, 25, "unknown actor 'arf'", None)),
    "quotation without speaker": ((ANN, "    speaker: jane-roe\n", ""), (ANNOTATIONS, 9, "a quotation annotation needs 'speaker'", None)),
    "fact-check without verdict": ((ANN, "    verdict: accurate\n", ""), (ANNOTATIONS, 13, "a fact-check annotation needs 'verdict'", "write one of accurate, imprecise, inaccurate, unverifiable")),
    "fact-check with its verdict left empty": ((ANN, "    verdict: accurate\n", "    verdict:\n"), (ANNOTATIONS, 16, "verdict must not be empty", "write one of accurate, imprecise, inaccurate, unverifiable")),
    "fact-check without body": ((ANN, "    body: It does meet again.\n", ""), (ANNOTATIONS, 13, "a fact-check annotation needs 'body'", None)),
    "claim without body": ((ANN, "    body: A claim about agreement.\n", ""), (ANNOTATIONS, 27, "a claim annotation needs 'body'", None)),
    "context without body": ((ANN, "    body: |\n      The forum has met every year since 1994.\n", ""), (ANNOTATIONS, 3, "a context annotation needs 'body'", None)),
    "speaker on a question": ((ANN, "    body: Which delegates?\n", "    body: Which delegates?\n    speaker: jane-roe\n"), (ANNOTATIONS, 25, "'speaker' belongs only to quotation annotations, not question", "remove it or set kind: quotation")),
    "verdict on a claim": ((ANN, "    body: A claim about agreement.\n", "    body: A claim about agreement.\n    verdict: accurate\n"), (ANNOTATIONS, 30, "'verdict' belongs only to fact-check annotations, not claim", "set kind: fact-check")),
    "quote not in the article": ((ANN, "quote: ASEAN Regional Forum met", "quote: ASEAN Regional Forum meets"), (ANNOTATIONS, 4, "quote not found in the article: “ASEAN Regional Forum meets”", "closest passage, ")),
    "quote in the wrong case": ((ANN, "quote: ASEAN Regional Forum met", "quote: asean regional forum met"), (ANNOTATIONS, 4, "quote not found in the article", "the article writes it with other capitals, on line 15: “ASEAN Regional Forum met” (a quote matches capitals exactly)")),
    "quote with one letter in the wrong case": ((ANN, "quote: ASEAN Regional Forum met", "quote: russia’s delegates came from Moscow"), (ANNOTATIONS, 4, "quote not found in the article", "the article writes it with other capitals, on line 15: “Russia’s delegates came from Moscow” (a quote matches capitals exactly)")),
    "quote in capitals": ((ANN, "quote: ASEAN Regional Forum met", "quote: RUSSIA’S DELEGATES CAME FROM MOSCOW"), (ANNOTATIONS, 4, "quote not found in the article", "the article writes it with other capitals, on line 15: “Russia’s delegates came from Moscow”")),
    "quote holding a letter of another script": ((ANN, "quote: ASEAN Regional Forum met", "quote: ASEAN Regional Forum m\u0435t"), (ANNOTATIONS, 4, "quote not found in the article", "the quote writes '\u0435' (U+0435 CYRILLIC SMALL LETTER IE) where the article writes 'e' (U+0065 LATIN SMALL LETTER E), on line 15: copy the passage from the article")),
    "quote holding a soft hyphen": ((ANN, "quote: ASEAN Regional Forum met", "quote: ASEAN Regional Fo\u00adrum met"), (ANNOTATIONS, 4, "quote not found in the article", "the quote holds a character that is not shown (a soft hyphen): remove it from the quote")),
    "quote holding a zero-width space and a word joiner": ((ANN, "quote: ASEAN Regional Forum met", "quote: \"ASEAN\u200b Regional Forum\u2060 met\""), (ANNOTATIONS, 4, "quote not found in the article", "the quote holds a character that is not shown (a zero-width space, a word joiner): remove it from the quote")),
    "document type left open": ((ART, "Later, Russia and ASEAN agreed.", "<!DOCTYPE html\nLater, Russia and ASEAN agreed."), (ARTICLE, 21, "<!DOCTYPE is not closed on its line: the page hides the article from it to its end", "close it on its own line, or take it out")),
    "comment left open in a summary": ((ART, "summary: >\n  A short", "summary: >\n  <!-- to check\n  A short"), (ARTICLE, 9, "<!-- is never closed: the summary is shown from it as written, <!-- and all", "end the comment with -->")),
    "a note's field indented into its body": ((ANN, "      The forum has met every year since 1994.\n    terms: [arf]\n", "      The forum has met every year since 1994.\n      terms: [arf]\n"), (ANNOTATIONS, 7, "the line “terms: [arf]” reads as the field 'terms', but is indented as the text of the body, which shows it", "for the field, take it left, as far as 'body:' above")),
    "a field indented into a definition written with '>'": ((G_EAS, "definition: |\n  The East Asia Summit is a leaders’ forum. It first met in 2005.\nrelated: [arf]", "definition: >\n  The East Asia Summit is a leaders’ forum. It first met in 2005.\n  related: [arf]"), ("briefs/glossary/eas.yml", 5, "the line “related: [arf]” reads as the field 'related', but is indented as the text of the definition, which shows it", "for the field, take it left, as far as 'definition:' above")),
    "a note's field indented into its body written with '>'": ((ANN, "    body: |\n      The forum has met every year since 1994.\n", "    body: >\n      The forum has met every year since 1994.\n      actors: [russia]\n"), (ANNOTATIONS, 7, "the line “actors: [russia]” reads as the field 'actors', but is indented as the text of the body, which shows it", "for the field, take it left, as far as 'body:' above")),
    "a note's list of sources indented into its body": ((ANN, "      The forum has met every year since 1994.\n    terms: [arf]\n", "      The forum has met every year since 1994.\n      sources:\n        - title: ARF\n          url: https://example.org/\n    terms: [arf]\n"), (ANNOTATIONS, 7, "the line “sources:” reads as the field 'sources'", "for the field, take it left, as far as 'body:' above")),
    "a list in a takeaway written with '>'": ((ART, "  - Forums matter.", "  - >\n    Forums matter:\n\n    - the ARF;\n    - the EAS."), (ARTICLE, 14, "this list is in a text written with '>', which joins its lines", "write '|' in place of the '>'")),
    "an entry's field indented into its definition": ((G_EAS, "related: [arf]", "  related: [arf]"), ("briefs/glossary/eas.yml", 5, "the line “related: [arf]” reads as the field 'related', but is indented as the text of the definition, which shows it", "for the field, take it left, as far as 'definition:' above")),
    "a paragraph indented with a tab": ((ART, "    Russia in a code block", "\tThe delegates of the forum met again in the spring of 2017, and agreed on more talks."), (ARTICLE, 23, "the paragraph “The delegates of the forum met again in the spring of…” is indented 4 spaces or a tab: Markdown shows it as a block of code, its names not linked", "take the spaces or the tab at its lines' start out")),
    "a link to a reference no line defines": ((ART, "[Russia elsewhere](https://example.org/)", "[Russia elsewhere][1]"), (ARTICLE, 19, "“[Russia elsewhere][1]” is shown as written: no line of the article defines the reference '1'", "add a line “[1]: https://…” after the paragraph, or write it [words](https://…)")),
    "an image of a reference no line defines": ((ART, "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed. ![A map][map]"), (ARTICLE, 21, "“![A map][map]” is shown as written: no line of the article defines the reference 'map'", "add a line “[map]: https://…” after the paragraph, or write it ![description](https://…)")),
    "a footnote the site does not read": ((ART, "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed.[^1]\n\n[^1]: In 2016."), (ARTICLE, 21, "“[^1]” is shown as written: no footnote '1' is read", "write the note in the text; a footnote needs a line “[^1]: …” and the footnotes extension in the markdown_extensions of mkdocs.yml")),
    "a title in Markdown": ((ART, "publisher: Example Review", "publisher: The *Example* Review"), (ARTICLE, 4, "publisher is plain text: the page shows “*Example*” as written", "write it without Markdown or HTML marks (the page sets how a title or a name looks)")),
    "a name with a character reference": ((A_RUSSIA, "name: Russia", "name: Russia &amp; Co"), ("briefs/actors/russia.yml", 1, "name is plain text: the page shows “&amp;” as written", "type the character itself")),
    "a source's title in HTML": ((ANN, "      - title: ARF site\n", "      - title: The <i>ARF</i> site\n"), (ANNOTATIONS, 19, "title is plain text: the page shows “<i>” as written", "write it without Markdown or HTML marks (the page sets how a title or a name looks)")),
    "a list in a summary written with '>'": ((ART, "summary: >\n  A short test brief about **regional forums**.\n", "summary: >\n  A short test brief about two forums:\n\n  - the ARF;\n  - the EAS.\n"), (ARTICLE, 11, "this list is in a text written with '>', which joins its lines: the page shows it as one paragraph, its marks in it", "write '|' in place of the '>' after the field's name, which keeps the lines")),
    "a paragraph of two lines indented 4 spaces": ((ART, "    Russia in a code block", "    The minister said that the talks would continue into\n    the next year, as planned by both sides."), (ARTICLE, 23, "the paragraph “The minister said that the talks would continue into the…” is indented 4 spaces or a tab: Markdown shows it as a block of code, its names not linked", "take the spaces or the tab at its lines' start out")),
    "a list right under a paragraph": ((ART, "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed on two points:\n- talks;\n- trade."), (ARTICLE, 22, "this list follows the line above with no blank line between: Markdown reads it as that paragraph's text, and the page shows its marks as written", "leave a blank line above the list")),
    "a list right under a list of the other kind": ((ART, "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed.\n\n1. Talks.\n2. Trade.\n- a note\n- another"), (ARTICLE, 25, "this list follows a list of the other kind (numbered, or not) with no blank line between: Markdown reads it as more of the list above", "leave a blank line above it")),
    "a list right under a paragraph in a note": ((ANN, "    body: Which delegates?\n", "    body: |\n      Which delegates? Two:\n      1. Moscow's;\n      2. Hanoi's.\n"), (ANNOTATIONS, 26, "this list follows the line above with no blank line between: Markdown reads it as that paragraph's text, and the page shows its marks as written", "leave a blank line above the list")),
    "a field holding search's mark": ((ANN, "    body: Which delegates?\n", "    body: |\n      Which delegates?\n      Ask data-search-x= here.\n"), (ANNOTATIONS, 26, "body holds 'data-search-', which Material's search reads as its own mark: it takes words of the pages that show it out", "write it otherwise, such as 'data search'")),
    "a takeaway that is only a comment": ((ART, "  - Russia’s role grows.", "  - <!-- Russia’s role grows. -->"), (ARTICLE, 12, "item 2 of the takeaways shows nothing: it holds only a comment", "write its text, or take its line out")),
    "a note's body that is only comments": ((ANN, "    body: It does meet again.\n", "    body: |\n      <!-- It does meet again. -->\n\n      <!-- to check -->\n"), (ANNOTATIONS, 17, "the body shows nothing: it holds only a comment", "write its text, or take the comment out")),
    "comment left open in a note's body": ((ANN, "    body: It does meet again.\n", "    body: |\n      It does meet again.\n\n      <!-- to check\n"), (ANNOTATIONS, 20, "<!-- is never closed: the body is shown from it as written", "end the comment with -->")),
    "id with a letter of another script": ((ANN, "actors: [russia]", "actors: [russi\u0430]"), (ANNOTATIONS, 25, "'russi\u0430' is not a valid id (lowercase letters, digits and single hyphens): it holds '\u0430' (U+0430 CYRILLIC SMALL LETTER A)", "use 'russia'")),
    "id with a zero-width space": ((ANN, "actors: [russia]", "actors: [russia, \"\u200bjane-roe\"]"), (ANNOTATIONS, 25, "'\\u200bjane-roe' is not a valid id (lowercase letters, digits and single hyphens): it holds '\u200b' (U+200B ZERO WIDTH SPACE)", "use 'jane-roe'")),
    "field name with a letter of another script": ((G_EAS, "expansion: East Asia Summit", "exp\u0430nsion: East Asia Summit"), ("briefs/glossary/eas.yml", 2, "unknown field 'exp\u0430nsion': it holds '\u0430' (U+0430 CYRILLIC SMALL LETTER A)", "did you mean 'expansion'?")),
    "id with a non-breaking hyphen": ((ANN, "actors: [russia]", "actors: [russia, jane\u2011roe]"), (ANNOTATIONS, 25, "'jane\u2011roe' is not a valid id (lowercase letters, digits and single hyphens): it holds '\u2011' (U+2011 NON-BREAKING HYPHEN)", "use 'jane-roe'")),
    "a line of a takeaway read as a link's reference": ((ART, "  - Forums matter.", '  - "[Update]: Corrected"'), (ARTICLE, 11, "“[Update]: Corrected” defines a link's address that no link uses: the page does not show the line", "if it is text, write its first bracket \\[ (in a value in double quotes, \\\\[)")),
    "a line of a summary read as a link's reference": ((ART, "summary: >\n  A short test brief about **regional forums**.", "summary: |\n  A short test brief about [forums][f].\n\n  [f]: https://example.org/f\n  [Update]: Corrected"), (ARTICLE, 12, "“[Update]: Corrected” defines a link's address that no link uses", "if it is text")),
    "a heading of level 1 in the article": ((ART, "Ask [the forum]", "# Looking ahead\n\nAsk [the forum]"), (ARTICLE, 25, "the heading “Looking ahead” is of level 1: the page would show it as its title, and the brief's title nowhere", "write it with ##")),
    "a heading of level 1 underlined": ((ART, "Ask [the forum]", "Looking ahead\n===\n\nAsk [the forum]"), (ARTICLE, 25, "the heading “Looking ahead” is of level 1", "write it with ##")),
    "a paragraph a line of --- makes a heading": ((ART, "Later, Russia and ASEAN agreed.", "The delegates met again in the spring.\n---\n\nLater, Russia and ASEAN agreed."), (ARTICLE, 22, "the paragraph “The delegates met again in the spring.” is shown as a heading: the line of --- right under it makes it one", "for a line across the page, leave a blank line above it; for a heading, write it with ##")),
    "a paragraph a line of === makes a heading": ((ART, "Later, Russia and ASEAN agreed.", "The delegates met again in the spring.\n===\n\nLater, Russia and ASEAN agreed."), (ARTICLE, 22, "the paragraph “The delegates met again in the spring.” is shown as a heading: the line of === right under it", "take the line of === out; for a heading, write it with ##")),
    "a quoted paragraph a line of --- makes a heading": ((ART, "Later, Russia and ASEAN agreed.", "> He gave three reasons for this, and more:\n> ---\n\nLater, Russia and ASEAN agreed."), (ARTICLE, 22, "the paragraph “He gave three reasons for this, and more:” is shown as a heading", "leave a blank line above it")),
    "a heading of level 1 whose words are a line of an earlier paragraph": ((ART, "Ask [the forum]", "They came from\nSochi\nand left.\n\n# Sochi\n\nAsk [the forum]"), (ARTICLE, 29, "the heading “Sochi” is of level 1", "write it with ##")),
    "a paragraph a line of -- makes a heading, text right after": ((ART, "Later, Russia and ASEAN agreed.", "The delegates met again in the spring.\n--\nLater, Russia and ASEAN agreed."), (ARTICLE, 22, "the paragraph “The delegates met again in the spring.” is shown as a heading: the line of -- right under it", "for a line across the page, leave a blank line above it")),
    "a heading of level 1 whose words an earlier paragraph holds": ((ART, "Ask [the forum]", "# Moscow\n\nAsk [the forum]"), (ARTICLE, 25, "the heading “Moscow” is of level 1", "write it with ##")),
    "a table in a definition": ((G_EAS, "  The East Asia Summit is a leaders’ forum.", "  The East Asia Summit is a leaders’ forum.\n\n  | Year | Host |\n  | --- | --- |\n  | 2005 | Kuala Lumpur |\n\n "), ("briefs/glossary/eas.yml", 6, "a table is shown as written in the definition", "write its rows as a list, or put the table in the article")),
    "a table of one column in a definition": ((G_EAS, "  The East Asia Summit is a leaders’ forum.", "  The East Asia Summit is a leaders’ forum.\n\n  | Year |\n  | --- |\n  | 2005 |\n\n "), ("briefs/glossary/eas.yml", 6, "a table is shown as written in the definition", "write its rows as a list")),
    "an admonition in a note's body": ((ANN, "    body: It does meet again.\n", "    body: |\n      It does meet again.\n\n      !!! note\n          Yearly.\n"), (ANNOTATIONS, 20, "an admonition (!!! or ??? …) is shown as written in the body", "write its text as a paragraph")),
    "an attribute list in a takeaway": ((ART, "  - Forums matter.", '  - "Forums matter. {: .lead }"'), (ARTICLE, 11, "an attribute list ({: …}) is shown as written in the takeaways", "take it out")),
    "a link to an entry's file": ((ART, "Ask [the forum]", "See [the summit](../../briefs/glossary/eas.yml). Ask [the forum]"), (ARTICLE, 25, "link '../../briefs/glossary/eas.yml' leads out of the site's docs folder, to a file the site does not publish", "link the entry by its id, [words](term:eas)")),
    "a heading of level 1 right under a paragraph": ((ART, "Ask [the forum]", "They met.\n# Looking ahead\n\nAsk [the forum]"), (ARTICLE, 26, "the heading “Looking ahead” is of level 1", "write it with ##")),
    "a line of # alone": ((ART, "Ask [the forum]", "#\n\nAsk [the forum]"), (ARTICLE, 25, "a line holding # alone is an empty heading of level 1", "take it out, or write \\# for the character")),
    "a hashtag starting a paragraph": ((ART, "Ask [the forum]", "#ASEAN50 was the hashtag of the year.\n\nAsk [the forum]"), (ARTICLE, 25, "the heading “ASEAN50 was the hashtag of the year.” is of level 1", "write \\# for the character, or ## for a heading")),
    "a heading of level 1 in HTML": ((ART, "Ask [the forum]", "<h1>Our title</h1>\n\nAsk [the forum]"), (ARTICLE, 25, "an <h1> element is a heading of level 1: the page would show it as its title, and the brief's title nowhere", "write it as a heading with ##")),
    "a link to an entry's file one folder up": ((ART, "Ask [the forum]", "See [the summit](../briefs/glossary/eas.yml). Ask [the forum]"), (ARTICLE, 25, "link '../briefs/glossary/eas.yml' names 'briefs/glossary/eas.yml', which is not a page or file of the site", "link the entry by its id, [words](term:eas)")),
    "a list item read as a link's reference": ((ART, "Ask [the forum]", "- [Update]: Corrected\n- More.\n\nAsk [the forum]"), (ARTICLE, 25, "“- [Update]: Corrected” defines a link's address that no link uses", "if it is text")),
    "a table in a quotation in a note's body": ((ANN, "    body: It does meet again.\n", "    body: |\n      It does meet again.\n\n      > | Year | Host |\n      > | --- | --- |\n"), (ANNOTATIONS, 20, "a table is shown as written in the body", "write its rows as a list")),
    "a note's body that is only a commented item": ((ANN, "    body: It does meet again.\n", "    body: |\n      - <!-- to do -->\n"), (ANNOTATIONS, 17, "the body shows nothing: it holds only a comment", "write its text")),
    "a nested item indented 2 spaces": ((ART, "Ask [the forum]", "- Energy\n  - oil\n  - gas\n- Finance\n\nAsk [the forum]"), (ARTICLE, 26, "this line is indented 2 spaces, too few to belong to the list's item above it: Markdown here takes 4", "indent it 4 spaces")),
    "an item's paragraph indented 3 spaces": ((ART, "Ask [the forum]", "1. Cite the award.\n\n   This matters.\n\n2. Fund it.\n\nAsk [the forum]"), (ARTICLE, 27, "this line is indented 3 spaces, too few to belong to the list's item above it", "indent it 4 spaces")),
    "a nested item indented 2 spaces in a note's body": ((ANN, "    body: It does meet again.\n", "    body: |\n      - Energy\n        - oil\n"), (ANNOTATIONS, 19, "this line is indented 2 spaces, too few to belong to the list's item above it", "indent it 4 spaces")),
    "a takeaway that starts with #": ((ART, "  - Russia’s role grows.", '  - "#1 priority: Russia’s role grows."'), (ARTICLE, 12, "a heading is shown as plain text in the takeaways", "for a # the reader sees (#1, a hashtag), write \\#")),
    "a hashtag starting a line of a summary": ((ART, "summary: >\n  A short test brief about **regional forums**.", "summary: >\n  A short test brief about **regional forums**.\n\n  #ASEAN trended."), (ARTICLE, 11, "a heading is shown as plain text in the summary", "write \\#")),
    "a line read as a link's reference": ((ART, "Ask [the forum]", "[Update]: Corrected\n\nAsk [the forum]"), (ARTICLE, 25, "“[Update]: Corrected” defines a link's address that no link uses: the page does not show the line", "if it is text, write its first bracket \\[")),
    "web address with a space in its path": ((ART, "Ask [the forum]", "See [the report](https://example.org/annual report.pdf). Ask [the forum]"), (ARTICLE, 25, "web address 'https://example.org/annual report.pdf' holds white space, which a browser reads as %20: it leads elsewhere than meant", "copy the address from the browser's address bar")),
    "quote copied with its emphasis": (
        (ANN, "quote: ASEAN Regional Forum met", 'quote: "ASEAN **Regional** Forum met"'),
        (ANNOTATIONS, 4, "quote not found in the article: “ASEAN **Regional** Forum met”", "the quote holds Markdown that the page does not show: quote the words as they read, “ASEAN Regional Forum met”"),
    ),
    "quote copied with a link": (
        (ANN, "quote: ASEAN Regional Forum met", 'quote: "Ask [the forum](term:arf) or hide"'),
        (ANNOTATIONS, 4, "quote not found in the article", "quote the words as they read, “Ask the forum or hide”"),
    ),
    "quote copied with half its emphasis": (
        (ANN, "quote: ASEAN Regional Forum met", 'quote: "ASEAN **Regional Forum met"'),
        (ANNOTATIONS, 4, "quote not found in the article", "quote the words as they read, “ASEAN Regional Forum met”"),
    ),
    "quote of nested Markdown too deep to read": ((ANN, "quote: ASEAN Regional Forum met", 'quote: "' + "- " * 1000 + '*x*"'), (ANNOTATIONS, 4, "quote not found in the article", None)),
    "quote across two paragraphs": ((ANN, "quote: ASEAN Regional Forum met", "quote: read Russia elsewhere too. Later, Russia"), (ANNOTATIONS, 4, "quote not found in the article: “read Russia elsewhere too. Later, Russia”", "a quote stays within one paragraph: this one runs from the paragraph on line 19 into the next; quote the part in one of them")),
    "quote across a paragraph and the heading after it": (
        (ANN, "quote: ASEAN Regional Forum met", "quote: came from Moscow. Russia in ASEAN"),
        (ANNOTATIONS, 4, "quote not found in the article: “came from Moscow. Russia in ASEAN”", "a quote stays within one paragraph: this one runs from the paragraph on line 15 into the next heading, “Russia in ASEAN Regional Forum”; quote the part in one of them"),
    ),
    "quote across a heading and the paragraph after it": (
        (ANN, "quote: ASEAN Regional Forum met", "quote: Regional Forum Delegates used"),
        (ANNOTATIONS, 4, "quote not found in the article: “Regional Forum Delegates used”", "this one runs from the heading beginning “Russia in ASEAN Regional Forum” into the next paragraph"),
    ),
    "prefix that matches nowhere": ((ANN, 'prefix: "so will the "', 'prefix: "so shall the "'), (ANNOTATIONS, 14, "quote not found in the article: “ARF”", "the quote is in the article 2 times (line 21, “…Jane Roe said. The [ARF] will meet again, and so…”; line 21, “…again, and so will the [ARF].…”), but not with this prefix: copy the words just around it there exactly, or leave the prefix out")),
    "prefix that matches nowhere, quote with an apostrophe": ((ANN, "quote: ASEAN Regional Forum met", 'quote: Russia’s delegates\n    prefix: "Nowhere "'), (ANNOTATIONS, 4, "quote not found in the article: “Russia’s delegates”", "the quote is in the article (line 15, “…met while ASEAN watched. [Russia’s delegates] came from Moscow.…”), but not with this prefix")),
    "prefix whose space YAML dropped": ((ANN, 'prefix: "so will the "', 'prefix: so will the '), (ANNOTATIONS, 14, "quote not found in the article: “ARF”", 'a space comes between the quote and its prefix in the article (YAML drops a space at either end of a value not in quotes): write prefix: "so will the "')),
    "suffix whose space YAML dropped, beside a prefix that has none": ((ANN, "quote: “We agreed,”", 'quote: We agreed,”\n    prefix: "“"\n    suffix: Jane'), (ANNOTATIONS, 10, "quote not found in the article: “We agreed,””", 'write suffix: " Jane"')),
    "suffix whose space YAML dropped, written with a quote mark": ((ANN, "quote: “We agreed,”", 'quote: Jane Roe\n    prefix: We agreed,”'), (ANNOTATIONS, 10, "quote not found in the article: “Jane Roe”", 'write prefix: "We agreed,” "')),
    "ambiguous quote": ((ANN, '    prefix: "so will the "\n', ""), (ANNOTATIONS, 14, "quote matches 2 passages: line 21, “…", "add a 'prefix' or 'suffix'")),
    "a marked section MkDocs cannot read": ((ART, "(term:arf)", "(term:arf) and `<![x]>`"), (ARTICLE, 25, "MkDocs cannot read '<![x]>' (after <![ it knows only CDATA[ and a few keywords): it would stop the build", "write &lt;![ in text; in code, only a fenced code block can show it")),
    "link to an unknown term": ((ART, "(term:arf)", "(term:arff)"), (ARTICLE, 25, "link to unknown glossary entry 'term:arff'", "did you mean 'arf'?")),
    "link to an unknown actor": ((ART, "read [Russia elsewhere](https://example.org/)", "read [Russia elsewhere](actor:rusia)"), (ARTICLE, 19, "link to unknown actor 'actor:rusia'", "did you mean 'russia'?")),
    "link to an unknown actor, no near id": ((ART, "(term:arf)", "(actor:nato)"), (ARTICLE, 25, "link to unknown actor 'actor:nato'", "create briefs/actors/nato.yml")),
    "link with a scheme pages drop": ((ART, "(term:arf)", "(glossary:arf)"), (ARTICLE, 25, "link 'glossary:arf' would lose its address", "write term:arf")),
    "link with a capitalised scheme": ((ART, "(term:arf)", "(Term:arf)"), (ARTICLE, 25, "link 'Term:arf' would lose its address", "write term:arf")),
    "script link": ((ART, "read [Russia elsewhere](https://example.org/)", "read [Russia elsewhere](javascript:alert(1))"), (ARTICLE, 19, "link 'javascript:alert(1)' would lose its address", "whole https:// address")),
    "source address the pages cannot keep": ((ART, "url: https://example.org/forum-talks", "url: https://example.org:99999/forum-talks"), (ARTICLE, 5, "url: not a web address a browser can open (a host after //, a port up to 65535)", None)),
    "a source's language written as a name": ((ANN, "        url: https://example.org/arf", "        lang: Russian\n        url: https://example.org/arf"), (ANNOTATIONS, 20, "lang: 'Russian' is not a language tag", "ru for Russian")),
    "a heading quoted with its mark": ((ANN, "quote: ASEAN Regional Forum met", 'quote: "## Russia in ASEAN Regional Forum"'), (ANNOTATIONS, 4, "quote not found", "quote the words as they read, “Russia in ASEAN Regional Forum”")),
    "a quote across a heading's mark": (
        (ANN, "quote: ASEAN Regional Forum met", 'quote: "came from Moscow. ## Russia in ASEAN Regional Forum"'),
        (ANNOTATIONS, 4, "quote not found", "runs from the paragraph on line 15 into the next heading, “Russia in ASEAN Regional Forum”"),
    ),
    "a source's language written as a locale": ((ANN, "        url: https://example.org/arf", "        lang: ru_RU\n        url: https://example.org/arf"), (ANNOTATIONS, 20, "lang: 'ru_RU' is not a language tag", "did you mean 'ru-RU'?")),
    "source address with its scheme in capitals": ((ANN, "        url: https://example.org/arf", "        url: HTTPS://example.org/arf"), (ANNOTATIONS, 20, "url must be an http:// or https:// address, not 'HTTPS://example.org/arf'", None)),
    "source address with a space": ((ANN, "        url: https://example.org/arf", "        url: https://example.org/a b"), (ANNOTATIONS, 20, "url: not a web address a browser can open", "an address holds no space")),
    "a takeaway that holds a colon": ((ART, "  - Forums matter.", "  - Forums matter: the balance shifts."), (ARTICLE, 11, "each item of takeaways must be text, not a set of fields", 'YAML reads text that holds ": " as a field: put the whole text in double quotes')),
    "a takeaway that begins with a quotation": ((ART, "  - Forums matter.", '  - "Shanghai Spirit" meets rivalry.'), (ARTICLE, 11, "malformed YAML", "a value that begins with a quote mark ends with it")),
    "web address with no host": ((ART, "read [Russia elsewhere](https://example.org/)", "read [Russia elsewhere](https://)"), (ARTICLE, 19, "link 'https://' would lose its address: it is not a web address a browser can open", "write the whole address")),
    "web address with a space": ((ART, "read [Russia elsewhere](https://example.org/)", "read [Russia elsewhere](<https://exa mple.org/>)"), (ARTICLE, 19, "link 'https://exa mple.org/' would lose its address", None)),
    "web address with a port out of range in a note": ((ANN, "body: Which delegates?", "body: Which [delegates](https://example.org:99999/x)?"), (ANNOTATIONS, 24, "link 'https://example.org:99999/x' in body is not kept: links in YAML fields keep only whole http, https and mailto addresses, and #anchors", "write the whole https:// address")),
    "link with a space before its address": ((ART, "read [Russia elsewhere](https://example.org/)", "read [Russia elsewhere]( ftp://example.org/x)"), (ARTICLE, 19, "link 'ftp://example.org/x' would lose its address", None)),
    "link to an entry's page that does not exist": ((ART, "(term:arf)", "(../glossary/ar.md)"), (ARTICLE, 25, "link '../glossary/ar.md' names 'glossary/ar.md', which is not a page or file of the site", "did you mean '../glossary/arf.md'?")),
    "link to a brief that does not exist, close to the brief's own name": ((ART, "(term:arf)", "(forum-talk.md)"), (ARTICLE, 25, "link 'forum-talk.md' names 'briefs/forum-talk.md', which is not a page or file of the site", "a brief's links start from")),
    "link to a page of the site that does not exist": ((ART, "(term:arf)", "(../editors/index.md#top)"), (ARTICLE, 25, "link '../editors/index.md#top' names 'editors/index.md'", "link another brief as SLUG.md")),
    "entry link in a note": ((ANN, "body: Which delegates?", "body: Which [delegates](actor:russia)?"), (ANNOTATIONS, 24, "link 'actor:russia' in body is not kept: links in YAML fields keep only whole http, https and mailto addresses, and #anchors", "link entries and actors from the article's text")),
    "entry link on a later line of a note": ((ANN, "      The forum has met every year since 1994.\n", "      The forum has met\n      every year since\n      [1994](actor:russia).\n"), (ANNOTATIONS, 8, "link 'actor:russia' in body is not kept", None)),
    "script link on a later line of a definition": ((G_EAS, "It first met in 2005.", "It first met in 2005.\n  See [the site](javascript:alert(1))."), ("briefs/glossary/eas.yml", 5, "link 'javascript:alert(1)' in definition is not kept", None)),
    "image on a later line of a summary": ((ART, "  A short test brief about **regional forums**.", "  A short test brief\n  about **regional forums**.\n  <img src=x.png>"), (ARTICLE, 11, "an image is not shown in the summary", None)),
    "note link on a later line of a note": ((ANN, "      The forum has met every year since 1994.\n", "      The forum has met every year since 1994,\n      as [said](#note-roe-agred).\n"), (ANNOTATIONS, 7, "link '#note-roe-agred' in the note's body names no note of this brief", "did you mean 'roe-agreed'?")),
    "link with no address": ((ART, "Ask [the forum]", "Ask [the report]() or [the forum]"), (ARTICLE, 25, "link or image '[the report]()' has no address: the page would show it leading nowhere", "write the address it leads to")),
    "mail link with no address": ((ART, "\nAsk [the forum]", "\nWrite to [the author](mailto:).\n\nAsk [the forum]"), (ARTICLE, 25, "link or image '[the author](mailto:)' has no address", None)),
    "alias listed twice": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin, Moscow]"), ("briefs/actors/russia.yml", 3, "'Moscow' is listed twice in aliases (first on line 3)", "keep one of them")),
    "alias listed twice, apostrophes apart": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Russia’s Kremlin, Russia's Kremlin]"), ("briefs/actors/russia.yml", 3, "'Russia's Kremlin' is listed twice in aliases (first on line 3)", "keep one of them")),
    "alias that is the name": ((A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: [Russia, Moscow, Kremlin]"), ("briefs/actors/russia.yml", 3, "'Russia' in aliases is the name already", "remove it")),
    "alias that is the expansion": ((G_EAS, "term: EAS", "term: EAS\naliases: [East Asia Summit]"), ("briefs/glossary/eas.yml", 2, "'East Asia Summit' in aliases is the expansion already", "remove it")),
    "relative link in a definition": ((G_EAS, "It first met in 2005.", "It first met in [2005](../briefs/forum-talks.md)."), ("briefs/glossary/eas.yml", 4, "link '../briefs/forum-talks.md' in definition is not kept", "link it from the article's text, or write its whole https:// address")),
    "script link in a takeaway": ((ART, "  - Forums matter.", "  - '[Forums](javascript:alert(1)) matter.'"), (ARTICLE, 11, "link 'javascript:alert(1)' in takeaways is not kept", None)),
    "link naming no id": ((ART, "(term:arf)", "(term:)"), (ARTICLE, 25, "link to unknown glossary entry 'term:'", "write the glossary entry's id")),
    "link with a capitalised id": ((ART, "(term:arf)", "(term:ARF)"), (ARTICLE, 25, "link to unknown glossary entry 'term:ARF'", "did you mean 'arf'?")),
    "link with a name for an id": ((ART, "(term:arf)", "(<actor:New York>)"), (ARTICLE, 25, "link to unknown actor 'actor:New York'", "like 'new-york'")),
    "annotations without an article": (("articles/forum-talk.annotations.yml", None, "annotations: []\n"), ("briefs/articles/forum-talk.annotations.yml", 1, "no article 'forum-talk.md' for these annotations", "did you mean 'forum-talks'?")),
    "unknown file in briefs": (("notes.txt", None, "notes\n"), ("briefs/notes.txt", 1, "file is not part of the content model", "articles go in briefs/articles/<slug>.md")),
    "extension in capitals": (("glossary/ads.YML", None, "term: ADS\ndefinition: A thing.\n"), ("briefs/glossary/ads.YML", 1, "file is not part of the content model", "the extension is written in capitals: rename it 'ads.yml'")),
    "name ending with a space": (("glossary/ads.yml ", None, "term: ADS\ndefinition: A thing.\n"), ("briefs/glossary/ads.yml ", 1, "file is not part of the content model", "its name ends with a space: rename it 'ads.yml'")),
    "front matter closed with four hyphens": ((ART, "tags: [southeast-asia, defence]\n---", "tags: [southeast-asia, defence]\n----"), (ARTICLE, 14, "front matter is not closed: line 14 is written '----'", "write it as three hyphens alone, '---'")),
    "extension in capitals beside a file so named": (("glossary/eas.YML", None, "term: EAS2\ndefinition: A thing.\n"), ("briefs/glossary/eas.YML", 1, "file is not part of the content model", "the extension is written in capitals: keep one of it and 'eas.yml', which is there too")),
    "name ending with a space, extension in capitals": (("glossary/ads.YML ", None, "term: ADS\ndefinition: A thing.\n"), ("briefs/glossary/ads.YML ", 1, "file is not part of the content model", "its name ends with a space: rename it 'ads.yml'")),
    "comment left open in a takeaway": ((ART, "  - Forums matter.", "  - <!-- to check, Forums matter."), (ARTICLE, 11, "<!-- is never closed: item 1 of the takeaways is shown from it as written", "end the comment with -->")),
    "yaml file with the wrong extension": (("glossary/ads.yaml", None, "term: ADS\n"), ("briefs/glossary/ads.yaml", 1, "file is not part of the content model", "content YAML files end in .yml")),
    "annotations file named with a hyphen": (("articles/other-talks-annotations.yml", None, "annotations: []\n"), ("briefs/articles/other-talks-annotations.yml", 1, "file is not part of the content model", "it is an annotations file: move it to briefs/articles/other-talks.annotations.yml")),
    "annotations file named with an underscore": (("articles/other-talks_Annotations.yml", None, "annotations: []\n"), ("briefs/articles/other-talks_Annotations.yml", 1, "file is not part of the content model", "it is an annotations file: move it to briefs/articles/other-talks.annotations.yml")),
    "annotations file with the wrong name": (("articles/other-talks.yml", None, "annotations: []\n"), ("briefs/articles/other-talks.yml", 1, "file is not part of the content model", "it is an annotations file: move it to briefs/articles/other-talks.annotations.yml")),
    "YAML file of no kind in articles": (("articles/forum-notes.yml", None, "notes: []\n"), ("briefs/articles/forum-notes.yml", 1, "file is not part of the content model", "<slug>.annotations.yml")),
    "a misspelt field suggested from its own level only": ((A_RUSSIA, "type: state", "type: state\ntitel: Russia"), ("briefs/actors/russia.yml", 3, "unknown field 'titel'", "remove it")),
    "a field of a list's items written at the top": ((A_RUSSIA, "type: state", "type: state\ntitle: Russia"), ("briefs/actors/russia.yml", 3, "unknown field 'title'", "remove it")),
    "glossary entry in the actors folder": (("actors/eas2.yml", None, "term: EAS2\ndefinition: A forum.\n"), ("briefs/actors/eas2.yml", 1, "this is a glossary entry, not an actor", "move it to briefs/glossary/eas2.yml")),
    "an article's fields in the actors folder, not checked as an actor's": (("actors/x.yml", None, "title: T\nsummary: A [link](javascript:alert(1)).\n"), ("briefs/actors/x.yml", 1, "this is an article, not an actor", None)),
    "actor in the glossary folder": (("glossary/roe.yml", None, "name: Roe\ntype: person\n"), ("briefs/glossary/roe.yml", 1, "this is an actor, not a glossary entry", "move it to briefs/actors/roe.yml")),
    "glossary entry at the top of briefs": (("eas2.yml", None, "term: EAS2\ndefinition: A forum.\n"), ("briefs/eas2.yml", 1, "file is not part of the content model", "it is a glossary entry: move it to briefs/glossary/eas2.yml")),
    "article in the actors folder, named as the actors' index": (("actors/index.md", None, FRONT_MATTER + "Text.\n"), ("briefs/actors/index.md", 1, "file is not part of the content model", "it is an article: move it to briefs/articles/<slug>.md")),
    "glossary entry in the actors folder, named as the list of tags": (("actors/tags.yml", None, "term: Tags\ndefinition: A list.\n"), ("briefs/actors/tags.yml", 1, "this is a glossary entry, not an actor", "move it to briefs/glossary/tags.yml")),
    "a copy of an article in a folder of its own": (("articles/drafts/forum-talks.md", None, FRONT_MATTER + "Text.\n"), ("briefs/articles/drafts/forum-talks.md", 1, "file is not part of the content model", "it is an article, and briefs/articles/forum-talks.md is there already: keep one of the two")),
    "article in the glossary folder": (("glossary/second.md", None, FRONT_MATTER + "Text.\n"), ("briefs/glossary/second.md", 1, "file is not part of the content model", "it is an article: move it to briefs/articles/second.md")),
    "brief named like the list of tags": (("articles/tags.md", None, FRONT_MATTER + "Text.\n"), ("briefs/articles/tags.md", 1, "the file's name is taken: its page would replace the site's page briefs/tags.md", "rename the file")),
    "glossary entry named like the glossary's index": (("glossary/index.yml", None, "term: Index\ndefinition: A list.\n"), ("briefs/glossary/index.yml", 1, "the file's name is taken: its page would replace the site's page glossary/index.md", None)),
    "file not of the model, named index": (("glossary/index.txt", None, "notes\n"), ("briefs/glossary/index.txt", 1, "file is not part of the content model", None)),
    "file in a sub-folder": (("glossary/more/eas.yml", None, "term: EASY\ndefinition: d\n"), ("briefs/glossary/more/eas.yml", 1, "file is not part of the content model", None)),
    "file stem that is not an id": (("glossary/East_Asia.yml", None, "term: East Asia\ndefinition: A region.\n"), ("briefs/glossary/East_Asia.yml", 1, "file name 'East_Asia' is not a valid id", "rename it to 'east-asia.yml'")),
    "file stem whose id is another file's name": (("glossary/EAS.yml", None, "term: EAS2\ndefinition: A forum.\n"), ("briefs/glossary/EAS.yml", 1, "file name 'EAS' is not a valid id", "rename the file ('eas.yml' is another file's name)")),
    "file stem whose id is the site's page's": (("articles/Tags.md", None, FRONT_MATTER + "Text.\n"), ("briefs/articles/Tags.md", 1, "file name 'Tags' is not a valid id", "rename the file")),
    "malformed YAML": ((G_EAS, "related: [arf]", "related: [arf"), ("briefs/glossary/eas.yml", 5, "malformed YAML", "close the list with ]")),
    "YAML value with a colon": ((A_RUSSIA, "type: state", "type: state\nrole: Russia: a state"), ("briefs/actors/russia.yml", 3, "malformed YAML: mapping values are not allowed here", "goes in double quotes")),
    "YAML value quoted in part": ((G_EAS, "expansion: East Asia Summit", 'expansion: "East Asia" Summit'), ("briefs/glossary/eas.yml", 2, "malformed YAML", "quote the whole value")),
    "YAML quote not closed": ((G_EAS, "expansion: East Asia Summit", 'expansion: "East Asia Summit'), ("briefs/glossary/eas.yml", 2, "malformed YAML", "close the quotes")),
    "YAML quote left open until a later value's": (
        (ART, "  - Forums matter.\n  - Russia’s role grows.", '  - "Forums matter.\n  - "Russia’s role grows."'),
        (ARTICLE, 11, "malformed YAML: the quotes this value opens are closed only on line 12, by another value's", "close the quotes on this line"),
    ),
    "YAML list left open before another field": ((G_EAS, "related: [arf]", "related: [arf\nactors: [asean]"), ("briefs/glossary/eas.yml", 5, "malformed YAML", "close the list with ]")),
    "YAML field indented as a value": ((G_EAS, "expansion: East Asia Summit", " expansion: East Asia Summit"), ("briefs/glossary/eas.yml", 2, "malformed YAML: mapping values are not allowed here", "indent the line with spaces")),
    "YAML field holding a list, indented less": ((ANN, "    terms: [arf]", "   terms: [arf]"), (ANNOTATIONS, 7, "malformed YAML", "indent the line with spaces")),
    "YAML list item's field indented less": ((A_RUSSIA, "type: state", "type: state\nsources:\n  - title: a\n  url: https://example.org/"), ("briefs/actors/russia.yml", 5, "malformed YAML", "indent the line with spaces")),
    "YAML indented with a tab": ((A_RUSSIA, "type: state", "type: state\nsources:\n\t- title: x"), ("briefs/actors/russia.yml", 4, "malformed YAML", "indent with spaces, not tabs")),
    "malformed YAML, bad indentation": ((A_RUSSIA, "type: state", "type: state\n  extra: 1"), ("briefs/actors/russia.yml", 3, "malformed YAML: mapping values are not allowed here", None)),
    "YAML alias": ((G_EAS, "related: [arf]", "related: &r [arf]\nactors: *r"), ("briefs/glossary/eas.yml", 6, "YAML anchors and aliases (&, *) are not allowed", "write the value out in full")),
    "YAML anchor no alias uses": ((ART, "publisher: Example Review", "publisher: &Co Review"), (ARTICLE, 4, "YAML anchors and aliases (&, *) are not allowed", 'text that begins with & goes in double quotes, as "&…"')),
    "YAML merge key": ((A_RUSSIA, "type: state", "<<: {type: state}"), ("briefs/actors/russia.yml", 2, "keys must be plain names", None)),
    "field given twice": ((A_RUSSIA, "type: state", "type: state\ntype: person"), ("briefs/actors/russia.yml", 3, "field 'type' is given twice", "keep one of them")),
    "article with empty front matter": (("articles/second.md", None, "---\n---\n\nThe text.\n"), ("briefs/articles/second.md", 2, "the front matter has no fields", "write the brief's fields between the --- lines")),
    "empty YAML file": ((G_EAS, None, "# to do\n"), ("briefs/glossary/eas.yml", 1, "file is empty", None)),
    "notes without 'annotations:'": ((ANN, None, "- id: a\n  kind: context\n  quote: ARF\n  body: B.\n"), (ANNOTATIONS, 1, "expected fields (key: value lines)", "write 'annotations:' on the first line")),
    "YAML file that is a list": ((A_RUSSIA, None, "- name: Russia\n"), ("briefs/actors/russia.yml", 1, "expected fields (key: value lines)", None)),
    "non-UTF-8 file": ((G_EAS, None, "term: EAS\ndefinition: |\n  Caf\xe9 summit.\n".encode("latin-1")), ("briefs/glossary/eas.yml", 3, "file is not UTF-8 text", "save it as UTF-8")),
    "file over the size limit": (("glossary/big.yml", None, "term: Big\ndefinition: |\n" + ("  A long line of text.\n" * 30000)), ("briefs/glossary/big.yml", 1, "file is 673 KiB, over the 512 KiB limit", "split it up")),
}


@pytest.mark.parametrize("case", list(ONE_MISTAKE))
def test_one_mistake_one_located_problem(mini: Project, case: str):
    (rel, old, new), (path, line, message, hint) = ONE_MISTAKE[case]
    if old is None:
        mini.path(rel).parent.mkdir(parents=True, exist_ok=True)
        mini.path(rel).write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    else:
        mini.replace(rel, old, new)
    problem = only_problem(mini)
    assert (problem.path, problem.line) == (path, line), str(problem)
    assert problem.message.startswith(message), str(problem)
    if hint is not None:
        assert problem.hint and hint in problem.hint, str(problem)


@pytest.mark.parametrize(("rel", "old", "new"), [
    (ANN, "    body: It does meet again.\n", "    body: |\n      It does meet again. The authors' own\n      verdict: the sample is small.\n"),  # (a field the note gives)
    (A_RUSSIA, "  Russia is a state in Eastern Europe and North Asia.", "  Russia is a state with five\n  members: all of them states. Its\n  role: a large one."),
    (G_EAS, "  The East Asia Summit is a leaders’ forum.", "  The East Asia Summit is a leaders’ forum of one\n  kind: the leaders’."),  # (no field of an entry)
    (ANN, "    body: It does meet again.\n", "    body: >\n      It does meet again.\n\n"),  # (a note's last field written with `>`, the next note after it)
    (ART, "Russia’s delegates came from Moscow.", "Russia’s delegates came from Moscow [2][3], [sic][emphasis added], \\[^2]."),  # (brackets side by side, as meant)
    (A_RUSSIA, "name: Russia", "name: Russia (@_russia_ on X, `Rossiya`)"),
    (ART, "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN agreed:\n\n- on [talks][];\n\n  [talks]: https://example.org/talks\n- on trade."),  # (a reference's line in an item)
])
def test_content_written_as_meant_is_not_told_by_the_checks_of_what_markdown_or_yaml_would_read_otherwise(mini: Project, rel: str, old: str, new: str):
    """A line of prose that starts with a field's name, brackets side by side, a handle, a reference's line in a list's item."""
    mini.replace(rel, old, new)
    assert load(mini).problems == []


def test_a_links_problem_is_on_the_line_of_the_link_not_of_code_that_shows_it(mini: Project):
    mini.replace(ART, "Delegates used `Russia` in code", "Delegates used `[Russia](term:arff)` in code")
    mini.replace(ART, "(term:arf)", "(term:arff)")
    problem = only_problem(mini)
    assert (problem.line, problem.message) == (25, "link to unknown glossary entry 'term:arff'"), str(problem)


def test_briefs_newest_first_list_a_year_or_month_after_the_dates_within_it(mini: Project):
    for slug, published in (("year", "2016"), ("month", "2016-05"), ("day", "2016-05-04"), ("later", "2017"), ("earlier", "2015-12-31")):
        mini.write(f"articles/{slug}.md", f"---\ntitle: {slug}\nsource:\n  publisher: X\n  published: {published}\nsummary: S.\n---\nText.\n")
    articles = load_project(mini.root).content.articles
    assert [a.slug for a in newest_first(articles) if a.slug != "forum-talks"] == ["later", "day", "month", "year", "earlier"]


def test_links_to_the_sites_pages_and_files_are_known(mini: Project):
    links = "[a](forum-talks.md#x) [b](../glossary/arf.md) [c](index.md) [d](../actors/jane-roe.md) [e](../index.md) [f](../files/a%20map.pdf)"
    mini.replace(ART, "(term:arf)", f"(term:arf) {links}")
    assert load_project(mini.root, site_files=["index.md", "files/a map.pdf"]).problems == []
    assert [p.message for p in load(mini).problems] == [
        "link '../files/a%20map.pdf' names 'files/a map.pdf', which is not a page or file of the site",
        "link '../index.md' names 'index.md', which is not a page or file of the site",
    ]


def test_a_fields_links_kept_are_whole_addresses_and_anchors():
    from policy_briefs.fieldlinks import links_in, links_to_check
    from policy_briefs.safehtml import field_keeps

    text = "[a](https://example.org/x) <mailto:a@example.org> [b](#note-x) [c](term:arf) [d](other.md) [e](/abs) [f](https:host) [g][r] [h]() [i](mailto:) [j](mailto:%20)\n\n[r]: HTTP://example.org\n"
    assert [(href, field_keeps(href)) for href in links_in(text)] == [
        ("https://example.org/x", True), ("mailto:a@example.org", True), ("#note-x", True), ("term:arf", False),
        ("other.md", False), ("/abs", False), ("https:host", False), ("HTTP://example.org", True), ("", False), ("mailto:", False), ("mailto:%20", False),
    ]
    assert links_in("No link, only *emphasis* and [brackets].") == []
    assert links_to_check("[a](https://example.org/) and [b](#x) and [c](mailto:a@example.org)") == []  # plainly kept: not read
    assert links_to_check("[a](https://example.org/) and [b]( term:arf)") == ["https://example.org/", "term:arf"]
    assert links_to_check("[a][r]\n\n[r]: https://example.org/") == ["https://example.org/"]


def test_links_mkdocs_does_not_look_up_are_not_checked(mini: Project):
    mini.replace(ART, "(term:arf)", "(term:arf) [a](/elsewhere.md) [b](other/) [c](#top) [d](https://example.org/x.md) [e](mailto:a@example.org)")
    assert load(mini).problems == []


def test_a_link_to_no_file_and_no_address_is_a_problem_where_builds_warn_of_it(mini: Project):
    mini.replace(ART, "(term:arf)", "(term:arf) [a](report) [b](www.valdaiclub.com/a/x) [c](other/) [d](#top)")
    problems = load_project(mini.root, unrecognized_links=True).problems
    assert sorted((p.line, p.message, p.hint.split(":")[0]) for p in problems) == [
        (25, "link 'other/' is neither a web address nor a file of the site", "a brief's links start from the site's briefs/ folder"),
        (25, "link 'report' is neither a web address nor a file of the site", "a brief's links start from the site's briefs/ folder"),
        (25, "link 'www.valdaiclub.com/a/x' is neither a web address nor a file of the site", "write the whole address, https"),
    ]


def test_an_absolute_link_is_a_problem_where_builds_warn_of_it(mini: Project):
    mini.replace(ART, "(term:arf)", "(term:arf) [a](/index.md) [b](/briefs/) [c](//example.org/x)")
    assert load_project(mini.root, site_files=["index.md"]).problems == []  # (builds do not warn of it by default)
    problems = load_project(mini.root, site_files=["index.md"], absolute_links=True).problems
    assert [(p.line, p.message.split(":")[0], p.hint) for p in problems] == [
        (25, "link '/briefs/' is absolute", "a brief's links start from the site's briefs/ folder: link another brief as SLUG.md, a page of docs/ as ../PATH.md, an entry with term:ID, an actor with actor:ID"),
        (25, "link '/index.md' is absolute", "write '../index.md'"),
    ]


def test_an_image_of_no_file_is_a_problem_like_a_link(mini: Project):
    mini.replace(ART, "(term:arf)", "(term:arf) ![A map](mapp.png)")
    problems = load_project(mini.root, site_files=["index.md"]).problems
    assert [(p.line, p.message) for p in problems] == [(25, "link 'mapp.png' names 'briefs/mapp.png', which is not a page or file of the site")]


def test_a_missing_file_whose_name_looks_like_a_host_is_not_taken_for_a_web_address(mini: Project):
    mini.replace(ART, "(term:arf)", "(term:arf) [a](no-such-brief.md) ![b](map.PNG) [c](old-brief.md#note-x) [d](example.org.md)")
    problems = load_project(mini.root, site_files=["index.md"]).problems
    briefs = "a brief's links start from the site's briefs/ folder"
    image = "put the file in the site's docs folder as docs/briefs/map.PNG, or link one that is there"  # not a page: the file is wanted
    assert [p.hint.split(":")[0] if p.hint.startswith("a brief") else p.hint for p in problems] == [briefs, image, briefs, briefs]


@pytest.mark.parametrize("opening", ["<details>\n<summary>More</summary>", '<div class="aside">'])
def test_an_html_block_left_open_is_one_problem_on_its_line_not_a_missing_article(mini: Project, opening: str):
    text = mini.read(ART).replace("The ASEAN Regional Forum met", f"{opening}\n\nThe ASEAN Regional Forum met", 1)
    mini.write(ART, text)
    tag = opening[1:].split(">")[0].split(" ")[0]
    line = text.splitlines().index(opening.splitlines()[0]) + 1
    assert [(p.path, p.line, p.message) for p in load(mini).problems] == [(ARTICLE, line, f"<{tag}> is never closed: the article after it is read as raw HTML, not Markdown")]


@pytest.mark.parametrize("written", [
    '<div class="aside">\n<p>An aside.</p>\n<!-- to check\n</div>\n\n',  # in an HTML block: not the block, closed in it, is the problem
    "<!-- to check the figures below\n\n",  # between paragraphs: a raw block of its own
], ids=["in an html block", "between paragraphs"])
def test_a_comment_left_open_is_one_problem_on_its_line(mini: Project, written: str):
    text = mini.read(ART).replace("The ASEAN Regional Forum met", f"{written}The ASEAN Regional Forum met", 1)
    mini.write(ART, text)
    line = next(number for number, written_line in enumerate(text.splitlines(), start=1) if written_line.startswith("<!-- to check"))
    assert [(p.path, p.line, p.message, p.hint) for p in load(mini).problems] == [
        (ARTICLE, line, "<!-- is never closed: the page hides the article after it", "end the comment with -->"),
    ]


def test_a_block_never_closed_is_told_so_even_with_a_comment_left_open_in_it(mini: Project):
    text = mini.read(ART).replace("The ASEAN Regional Forum met", '<div class="aside">\n<!-- to check\n\nThe ASEAN Regional Forum met', 1)
    mini.write(ART, text)
    line = text.splitlines().index('<div class="aside">') + 1
    assert [(p.line, p.message) for p in load(mini).problems] == [(line, "<div> is never closed: the article after it is read as raw HTML, not Markdown")]


def test_html_blocks_that_close_and_tags_in_code_are_not_taken_for_open_ones(mini: Project):
    closed = '<div class="aside">\n<p>An aside.</p>\n</div>\n\n<ul>\n<li>one\n<li>two\n</ul>\n\nWrite `<details>` like this:\n\n    <details>\n\n'
    mini.write(ART, mini.read(ART).replace("The ASEAN Regional Forum met", closed + "The ASEAN Regional Forum met", 1))
    assert load(mini).problems == []


def test_a_fence_in_an_html_block_is_code_as_mkdocs_reads_it_a_tag_in_it_opens_nothing(mini: Project):
    block = '<div class="aside">\nTo box a passage:\n\n```html\n<div class="box">\n```\n\nthen close it.\n</div>\n\n'
    mini.write(ART, mini.read(ART).replace("The ASEAN Regional Forum met", block + "The ASEAN Regional Forum met", 1))
    assert load_project(mini.root, markdown_extensions=["fenced_code"]).problems == []  # (MkDocs always reads fences)


def test_a_notes_link_to_a_note_of_its_brief_must_name_one(mini: Project):
    notes = "articles/forum-talks.annotations.yml"
    mini.replace(notes, "body: Which delegates?", "body: Which delegates? See [that](#note-agred), [this](#passage-agreed) and [top](#top).")
    line = mini.read(notes).splitlines().index("    body: Which delegates? See [that](#note-agred), [this](#passage-agreed) and [top](#top).") + 1
    assert [(p.path, p.line, p.message, p.hint) for p in load(mini).problems] == [
        (f"briefs/{notes}", line, "link '#note-agred' in the note's body names no note of this brief", "did you mean 'agreed'?"),
    ]


NESTED = {"ordered list": lambda level: "    " * level + "1. x", "list": lambda level: "    " * level + "- x", "quotes": lambda level: "> " * level + "x"}


@pytest.mark.parametrize(("nesting", "too_deep"), [("ordered list", 51), ("list", 51), ("quotes", 101)])
def test_an_article_nested_hundreds_deep_is_one_problem_at_its_first_too_deep_line(mini: Project, nesting: str, too_deep: int):
    line = NESTED[nesting]
    text = mini.read(ART).replace("Ask [the forum](term:arf)", "".join(line(level) + "\n" for level in range(300)) + "\nAsk [the forum](term:arf)")
    mini.write(ART, text)
    first_too_deep = text.splitlines().index(line(too_deep)) + 1  # lists: 51 levels of four spaces are 102 of two
    assert [(p.path, p.line, p.message) for p in load(mini).problems] == [(ARTICLE, first_too_deep, "the article's Markdown is nested too deeply to read")]


@pytest.mark.parametrize("target", ["nowhere.yml", "ghost.yml"], ids=["missing target", "link to itself"])
def test_a_symbolic_link_to_nothing_is_a_located_problem(mini: Project, target: str):
    from policy_briefs import incremental

    mini.path("actors/ghost.yml").symlink_to(target)
    expected = [("briefs/actors/ghost.yml", 1, "symbolic link to a file that does not exist or cannot be opened")]
    assert [(p.path, p.line, p.message) for p in load(mini).problems] == expected
    raw, _ = incremental.read_files(mini.root, keep=False)  # what `mkdocs serve` reads
    assert [(p.path, p.line, p.message) for p in raw.problems] == expected


def test_a_file_that_cannot_be_opened_is_a_located_problem(tmp_path: Path):
    with pytest.raises(ContentError) as raised:
        read_text(tmp_path / ("x" * 300 + ".yml"), "briefs/glossary/x.yml")  # the system refuses the name
    assert (raised.value.problem.line, raised.value.problem.message) == (1, "file cannot be read: File name too long")


def test_a_misspelt_nested_field_is_one_problem_on_its_line(mini: Project):
    mini.replace("articles/forum-talks.md", "publisher: Example Review", "publsher: Example Review")
    problems = load(mini).problems
    assert [(p.line, p.message, p.hint) for p in problems] == [(4, "unknown field 'publsher'", "did you mean 'publisher'?")]


def test_a_missing_field_beside_an_unknown_unlike_it_is_two_problems(mini: Project):
    mini.replace("articles/forum-talks.md", "publisher: Example Review", "printer: Example Review")
    problems = load(mini).problems
    assert [(p.line, p.message) for p in problems] == [(3, "missing required field 'publisher'"), (4, "unknown field 'printer'")]


def test_all_problems_are_reported_in_one_run(mini: Project):
    mini.replace("glossary/eas.yml", "related: [arf]", "relatd: [arf]")
    mini.replace("actors/russia.yml", "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin")
    mini.replace("articles/forum-talks.annotations.yml", "speaker: jane-roe", "speaker: jane-doe")
    mini.replace("articles/forum-talks.annotations.yml", "quote: Russia and ASEAN agreed", "quote: Russia and NATO agreed")
    mini.write("notes.md", "stray\n")
    problems = load(mini).problems
    assert [(p.path, p.line) for p in problems] == [
        ("briefs/actors/russia.yml", 3),
        (ANNOTATIONS, 11),
        (ANNOTATIONS, 28),
        ("briefs/glossary/eas.yml", 5),
        ("briefs/notes.md", 1),
    ]
    assert problems[0].message.startswith("malformed YAML")
    assert problems[1].message == "unknown actor 'jane-doe'"
    assert problems[2].message.startswith("quote not found in the article: “Russia and NATO agreed”")


def test_a_mistake_in_a_files_fields_does_not_hide_its_others(mini: Project):
    mini.replace("glossary/eas.yml", "related: [arf]", "related: [arf, asean]\nactors: Russia")  # (not a list of ids)
    mini.replace("glossary/eas.yml", "first met in 2005.", "first met in [2005](javascript:void(0)).")
    mini.replace("actors/russia.yml", "type: state", "type: country\naffiliations: [nato]")
    mini.replace("actors/russia.yml", "many forums.", "many [forums](ftp://example.org/).")
    mini.replace(ART, "url: https://example.org/forum-talks", "url: ftp://example.org/forum-talks")
    mini.replace(ART, "authors: [jane-roe,", "authors: [jane-rod,")
    mini.replace(ART, "  - Forums matter.", "  - '[Forums](javascript:alert(1)) matter.'")
    found = [(p.path, p.line, p.message.split(":")[0]) for p in load(mini).problems]
    assert found == [
        ("briefs/actors/russia.yml", 2, "type must be one of person, state, organization, not 'country'"),
        ("briefs/actors/russia.yml", 3, "unknown actor 'nato'"),
        ("briefs/actors/russia.yml", 6, "link 'ftp"),
        (ARTICLE, 5, "url must be an http"),
        (ARTICLE, 7, "unknown actor 'jane-rod'"),
        (ARTICLE, 11, "link 'javascript"),
        ("briefs/glossary/eas.yml", 4, "link 'javascript"),
        ("briefs/glossary/eas.yml", 5, "unknown glossary entry 'asean'"),
        ("briefs/glossary/eas.yml", 6, "actors must be a list"),
    ], found


def test_a_mistake_in_one_note_does_not_hide_the_others_problems(mini: Project):
    def found() -> list[tuple[int, str]]:
        return [(p.line, p.message.split(":")[0].split(",")[0]) for p in load(mini).problems]

    mini.replace(ANN, "kind: claim", "kind: Claim")
    mini.replace(ANN, "speaker: jane-roe", "speaker: jane-ro")
    mini.replace(ANN, "quote: Russia and ASEAN agreed", "quote: Russia and ASEAN disagreed")
    assert found() == [(11, "unknown actor 'jane-ro'"), (27, "kind must be one of context")]
    assert not load(mini).content.articles["forum-talks"].annotations  # a file with a mistake publishes none of its notes
    mini.replace(ANN, "kind: Claim", "kind: claim")  # the note with the mistake is checked once it is fixed
    assert found() == [(11, "unknown actor 'jane-ro'"), (28, "quote not found in the article")]


def test_problems_that_differ_only_in_hint_can_be_sorted(mini: Project):
    # Both on line 1 with the same message; one hint used to be None, which made sorting raise.
    mini.write("articles/forum-talks.annotations.yml", "annotations: [{id: a, kind: claim, quote: ARF, body: b, actors: russia}, {id: b, kind: claim, quote: ARF, body: b, actors: 5}]\n")
    problems = load(mini).problems
    assert [(p.line, p.message) for p in problems] == [(1, "actors must be a list")] * 2
    assert {p.hint for p in problems} == {"write [russia]", "write [a, b], or one '- item' per line"}


def test_problem_text_format():
    problem = Problem("briefs/glossary/eas.yml", 5, "unknown field 'relatd'", "did you mean 'related'?")
    assert str(problem) == "briefs/glossary/eas.yml:5: unknown field 'relatd' (did you mean 'related'?)"
    assert str(Problem("briefs/x.yml", 1, "file is empty")) == "briefs/x.yml:1: file is empty"


def test_no_briefs_folder(tmp_path):
    result = load_project(tmp_path)
    assert [(p.path, p.line) for p in result.problems] == [("briefs", 1)]
    assert "no 'briefs' folder" in result.problems[0].message


def test_hidden_files_and_text_editors_backups_are_ignored(mini: Project):
    mini.write("glossary/.eas.yml.swp", "\x00junk")
    mini.write(".DS_Store", "junk")
    # Emacs' backup and autosave, Vim's probe, git's merge tools' and others' backups
    for backup in ("glossary/eas.yml~", "glossary/#eas.yml#", "articles/4913", "glossary/eas.yml.orig", "actors/russia.yml.bak"):
        mini.write(backup, "term: EAS\n")
    assert load(mini).ok
    assert incremental.read_files(mini.root)[0].problems == []  # as a build reads them


def test_invalid_file_is_left_out_of_the_model(mini: Project):
    mini.replace("glossary/eas.yml", "related: [arf]", "relatd: [arf]")
    result = load(mini)
    assert "eas" not in result.content.glossary
    assert "term:eas" not in result.index.by_ref
    assert "arf" in result.content.glossary


# -- quote matching rules, end to end ------------------------------------------------


QUOTE_MATCHES = {
    "across emphasis and links": (
        "The **ASEAN** [Regional *Forum*](https://example.org/) met in *Vientiane*.\n",
        "ASEAN Regional Forum met in Vientiane", "ASEAN Regional Forum met in Vientiane",
    ),
    "across a line break and collapsed white space": (
        "The ASEAN   Regional\nForum met\tagain.\n", "ASEAN Regional  Forum\\nmet again", "ASEAN Regional Forum met again",
    ),
    "straight quote marks on typographic text": (
        "He said “we won’t go” and left.\n", 'said \\"we won\'t go\\"', "said “we won’t go”",
    ),
    "typographic quote marks on straight text": (
        "He said \"we won't go\" and left.\n", "“we won’t go”", "\"we won't go\"",
    ),
}


@pytest.mark.parametrize("case", sorted(QUOTE_MATCHES))
def test_quote_matching_rules(mini: Project, case: str):
    body, quote, anchored = QUOTE_MATCHES[case]
    write_brief(mini, "matching", body, annotation(quote))
    result = load(mini)
    assert result.ok, result.problems
    assert anchored_text(result, "matching", "note") == anchored


def test_suffix_disambiguates(mini: Project):
    mini.replace("articles/forum-talks.annotations.yml", 'prefix: "so will the "', 'suffix: " will meet"')
    result = load(mini)
    assert result.ok, result.problems
    note = note_of(result.content.articles["forum-talks"], "arf-again")
    block = result.content.articles["forum-talks"].reader_blocks[3]
    assert note.anchor.block_start == block.index("ARF") != block.rindex("ARF")


def test_quote_in_a_heading_and_in_code_is_found(mini: Project):
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: Russia in ASEAN Regional Forum")
    mini.replace("articles/forum-talks.annotations.yml", "quote: ARF\n", "quote: Russia in a code block\n")
    mini.replace("articles/forum-talks.annotations.yml", '    prefix: "so will the "\n', "")
    result = load(mini)
    assert result.ok, result.problems
    article = result.content.articles["forum-talks"]
    assert note_of(article, "forum-met").anchor.block == 1
    assert note_of(article, "arf-again").anchor.block == 4


def test_a_quote_that_matches_nowhere_still_keeps_the_annotation(mini: Project):
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: nothing like it at all")
    result = load(mini)
    assert [p.hint for p in result.problems] == ["copy the passage from the article exactly"]
    notes = result.content.articles["forum-talks"].annotations
    assert notes[-1].id == "forum-met" and notes[-1].anchor is None  # (listed after the notes placed)


# -- known bugs in modules this suite may not change ---------------------------------

@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: T\n", 1, "an article must start with front matter between '---' lines"),
        ("---\ntitle: T\nsummary: s\n", 1, "front matter is not closed"),
    ],
)
def test_article_front_matter_mistakes(mini: Project, text: str, line: int, message: str):
    mini.write("articles/broken.md", text)
    problem = only_problem(mini)
    assert (problem.path, problem.line) == ("briefs/articles/broken.md", line)
    assert problem.message.startswith(message)


def test_non_utf8_article(mini: Project):
    mini.path("articles/latin.md").write_bytes(FRONT_MATTER.encode() + "Caf\xe9 talks.\n".encode("latin-1"))
    problem = only_problem(mini)
    assert (problem.path, problem.line, problem.message) == ("briefs/articles/latin.md", 8, "file is not UTF-8 text")


def test_malformed_front_matter_is_located_and_the_body_still_checked(mini: Project):
    mini.replace("articles/forum-talks.md", "title: Forum talks in the region", "title: Forum talks: in the region")
    mini.replace("articles/forum-talks.md", "(term:arf)", "(term:arff)")
    problems = load(mini).problems
    # No "quote not found" for the five annotations: the body is still read.
    assert [(p.path, p.line, p.message) for p in problems] == [
        (ARTICLE, 2, "malformed YAML: mapping values are not allowed here"),
        (ARTICLE, 25, "link to unknown glossary entry 'term:arff'"),
    ]


UNREADABLE_ARTICLES = {
    "front matter not closed": (lambda text: text.replace("defence]\n---\n", "defence]\n", 1).encode(), 1, "front matter is not closed"),
    "no front matter": (lambda text: text.split("---\n", 2)[2].encode(), 1, "an article must start with front matter"),
    "empty file": (lambda text: b"", 1, "an article must start with front matter"),
    "not UTF-8": (lambda text: text.encode() + "Caf\xe9\n".encode("latin-1"), 26, "file is not UTF-8 text"),
}


@pytest.mark.parametrize("case", list(UNREADABLE_ARTICLES))
def test_an_unreadable_article_is_one_problem_and_its_notes_are_still_checked(mini: Project, case: str):
    change, line, message = UNREADABLE_ARTICLES[case]
    mini.path(ART).write_bytes(change(mini.read(ART)))
    assert [(p.path, p.line, p.message[: len(message)]) for p in load(mini).problems] == [(ARTICLE, line, message)]  # no "quote not found" for its notes
    mini.replace(ANN, "speaker: jane-roe", "speaker: jane-ro")
    assert [(p.path, p.message) for p in load(mini).problems][0] == (ANNOTATIONS, "unknown actor 'jane-ro'")


def test_unclosed_list_in_front_matter_is_reported_on_the_line_it_opens(mini: Project):
    mini.replace("articles/forum-talks.md", "tags: [southeast-asia, defence]", "tags: [southeast-asia, defence")
    problem = only_problem(mini)
    assert (problem.path, problem.line, problem.hint) == (ARTICLE, 13, "close the list with ]")  # not 14, the closing ---
    assert problem.message.startswith("malformed YAML: expected ',' or ']'")


def test_article_without_text(mini: Project):
    mini.write("articles/empty.md", FRONT_MATTER)
    problem = only_problem(mini)
    assert (problem.path, problem.line, problem.message) == ("briefs/articles/empty.md", 8, "the article has no text after its front matter")


def test_article_front_matter_fields_are_checked_with_file_lines(mini: Project):
    # Front matter lines count from the top of the file, the opening '---' being line 1.
    mini.write("articles/late.md", "---\ntitle: T\nsource:\n  publisher: P\n  published: 2016\nsummary: s\ntag: [x]\n---\nText.\n")
    problem = only_problem(mini)
    assert (problem.path, problem.line, problem.message, problem.hint) == ("briefs/articles/late.md", 7, "unknown field 'tag'", "did you mean 'tags'?")


def test_deeply_nested_list_in_an_article(mini: Project):
    write_brief(mini, "nested", "".join("    " * depth + "- item\n" for depth in range(400)))
    load(mini)


def test_quote_over_an_html_entity(mini: Project):
    write_brief(mini, "entities", "Deals with AT&amp;T grew &mdash; fast.\n", annotation("AT&T grew — fast"))
    result = load(mini)
    assert result.ok, result.problems


SHARED_FORMS = {
    "by a term's alias and an actor's": (
        (G_EAS, "expansion: East Asia Summit", "expansion: East Asia Summit\naliases: [Kremlin]"),
        ("briefs/actors/russia.yml", 3, "“Kremlin” is also a surface form of briefs/glossary/eas.yml"),
        ("briefs/glossary/eas.yml", 3, "“Kremlin” is also a surface form of briefs/actors/russia.yml"),
    ),
    "by two terms": (
        (G_EAS, "expansion: East Asia Summit", "expansion: East Asia Summit\naliases:\n  - Summit\n  - ASEAN Regional Forum"),
        ("briefs/glossary/eas.yml", 5, "“ASEAN Regional Forum” is also a surface form of briefs/glossary/arf.yml"),
        ("briefs/glossary/arf.yml", 2, "“ASEAN Regional Forum” is also a surface form of briefs/glossary/eas.yml"),
    ),
    "but for its spaces": (
        (A_RUSSIA, "aliases: [Moscow, Kremlin]", 'aliases: [Moscow, Kremlin, "East  Asia\u00a0Summit"]'),
        ("briefs/actors/russia.yml", 3, "“East Asia Summit” is also a surface form of briefs/glossary/eas.yml"),
        ("briefs/glossary/eas.yml", 2, "“East Asia Summit” is also a surface form of briefs/actors/russia.yml"),
    ),
    "but for how its accents are written": (
        (A_RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: [Moscow, Kremlin, " + unicodedata.normalize("NFD", "Việt Nam") + "]\n"),
        ("briefs/actors/russia.yml", 3, "“" + unicodedata.normalize("NFD", "Việt Nam") + "” is also a surface form of briefs/glossary/eas.yml"),
        ("briefs/glossary/eas.yml", 3, "“Việt Nam” is also a surface form of briefs/actors/russia.yml"),
    ),
    "by an actor's name and a term": (
        ("actors/asean.yml", "name: ASEAN", "name: ARF"),
        ("briefs/actors/asean.yml", 1, "“ARF” is also a surface form of briefs/glossary/arf.yml"),
        ("briefs/glossary/arf.yml", 1, "“ARF” is also a surface form of briefs/actors/asean.yml"),
    ),
}


@pytest.mark.parametrize("case", list(SHARED_FORMS))
def test_a_surface_form_two_entities_give_is_told_in_both_files(mini: Project, case: str):
    (rel, old, new), *expected = SHARED_FORMS[case]
    if "accents" in case:
        mini.replace(G_EAS, "expansion: East Asia Summit", "expansion: East Asia Summit\naliases: [Việt Nam]")
    mini.replace(rel, old, new)
    problems = load(mini).problems
    assert sorted((p.path, p.line, p.message) for p in problems) == sorted(expected), [str(p) for p in problems]
    assert all(p.hint == "two entities may not share a surface form: remove or change one" for p in problems)


def test_a_glossary_entry_moved_among_the_actors_is_told_where_it_belongs_and_its_uses_are_not_told_otherwise(mini: Project):
    mini.path("actors/eas.yml").write_text(mini.read("glossary/eas.yml"), encoding="utf-8")
    mini.path("glossary/eas.yml").unlink()
    mini.replace(ART, "(term:arf)", "(term:arf) and [the summit](term:eas)")
    problems = {(p.path, p.message): p.hint for p in load(mini).problems}
    assert problems[("briefs/actors/eas.yml", "this is a glossary entry, not an actor")] == "move it to briefs/glossary/eas.yml"
    assert problems[(ARTICLE, "link to unknown glossary entry 'term:eas'")] == "create briefs/glossary/eas.yml"
    assert problems[("briefs/glossary/arf.yml", "unknown glossary entry 'eas'")] == "create briefs/glossary/eas.yml"  # arf's related entries


def test_clash_line_when_expansion_repeats_the_term(mini: Project):
    mini.write("glossary/eas.yml", "term: EAS\nexpansion: EAS\naliases: [ARF]\ndefinition: A summit.\n")
    problems = [p for p in load(mini).problems if p.path == "briefs/glossary/eas.yml"]
    assert [(p.line, p.message) for p in problems] == [(3, "“ARF” is also a surface form of briefs/glossary/arf.yml")]


def test_a_file_whose_name_is_not_an_id_is_checked_but_not_published(mini: Project):
    mini.write("glossary/ARF-Copy.yml", mini.read("glossary/arf.yml"))  # same term: it would claim the entry's names
    mini.write("articles/Forum_Copy.md", mini.read(ART))
    result = load(mini)
    assert sorted((p.path, p.message) for p in result.problems) == [
        ("briefs/articles/Forum_Copy.md", "file name 'Forum_Copy' is not a valid id (lowercase letters, digits and single hyphens)"),
        ("briefs/glossary/ARF-Copy.yml", "file name 'ARF-Copy' is not a valid id (lowercase letters, digits and single hyphens)"),
    ]
    assert sorted(result.content.glossary) == ["arf", "eas"] and sorted(result.content.articles) == ["forum-talks"]
    assert {target.id for target in result.index.by_form.values()} == {"arf", "eas", "asean", "jane-roe", "russia"}  # the entry keeps its names


def test_notes_share_the_set_of_fields_they_give_and_keep_their_own():
    """Notes that give the same fields share one set of them (memory); each still tells exactly which it gives."""
    plain = [AnnotationFields.model_validate({"id": f"n-{i}", "kind": "context", "quote": "a passage", "body": "Why."}) for i in range(2)]
    speaker = AnnotationFields.model_validate({"id": "q", "kind": "quotation", "quote": "a passage", "speaker": "lee"})
    assert plain[0].model_fields_set is plain[1].model_fields_set
    assert plain[0].model_fields_set == {"id", "kind", "quote", "body"}
    assert speaker.model_fields_set == {"id", "kind", "quote", "speaker"}
    assert plain[0].model_dump(exclude_unset=True) == {"id": "n-0", "kind": "context", "quote": "a passage", "body": "Why."}
    with pytest.raises(ValidationError):  # frozen: the shared set is never added to
        plain[0].body = "Changed."


def test_problems_with_and_without_a_hint_sort_by_their_place():
    told = [Problem("b.md", 2, "m", "a hint"), Problem("b.md", 2, "m"), Problem("a.md", 9, "m", "h")]
    assert sorted(told) == [Problem("a.md", 9, "m", "h"), Problem("b.md", 2, "m"), Problem("b.md", 2, "m", "a hint")]


def test_every_character_a_page_does_not_show_is_one_to_the_linker_and_the_schemas():
    """The characters are listed once (`INVISIBLE`) and written out where speed or a schema needs them: the lists agree."""
    for character in INVISIBLE:
        assert holds_invisible(f"é{character}x") and without_invisible(f"a{character}b") == "ab"
        assert re.search(SHOWN, f" {character} ") is None, repr(character)
    assert re.search(SHOWN, " x ") and not holds_invisible("é\u00a0x")


def test_a_link_to_a_note_that_is_not_there_is_told_on_each_line_that_writes_it(mini: Project):
    mini.replace(ART, "Ask [the forum]", "See [it](#note-agred).\n\nAgain [it](#note-agred). Ask [the forum]")
    told = [(problem.line, problem.message.split(" names ")[0]) for problem in load_project(mini.root).problems]
    assert told == [(25, "link '#note-agred'"), (27, "link '#note-agred'")], told


@pytest.mark.parametrize(("address", "lines"), [("term:admm-plux", [0]), ("term:admm\\-plux", [2]), ("term:a\\b", [4])])
def test_a_link_is_placed_on_the_line_that_writes_its_address_as_markdown_reads_it(address: str, lines: list[int]):
    """A backslash escapes a mark: `admm\\-plux` reads as admm-plux; `admm\\\\-plux` keeps one backslash, as `a\\b` does."""
    body = "See [a](term:admm\\-plux).\n\nSee [b](term:admm\\\\-plux).\n\nAnd [c](term:a\\b).\n"
    assert link_lines(body, address) == lines


@pytest.mark.parametrize("heading", [
    "Looking ahead\n---", "Looking ahead\n-------------", "Why now?\n---", "## A heading that ends with a full stop.", "Ties with the U.S.\n---",
    "The delegates met again in the spring.\n--------------------------------------",  # (underlined whole: a heading meant)
])
def test_a_heading_underlined_or_marked_as_one_is_no_problem(mini: Project, heading: str):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{heading}\n\nAsk [the forum]")
    assert load(mini).problems == []


def test_a_table_written_in_html_in_a_field_is_told_to_be_a_list_not_markdown(mini: Project):
    mini.replace("glossary/eas.yml", "  The East Asia Summit", "  <table><tr><td>2005</td></tr></table>\n\n  The East Asia Summit")
    problems = load(mini).problems
    assert problems and {p.hint for p in problems} == {"fields hold paragraphs and lists: write its rows as a list, or put the table in the article"}


@pytest.mark.parametrize(("written", "kind"), [
    ('Ask [the forum](https://example.org/arf "Talks of the region") or', "a link's title"),
    ("![Talks of the region](https://example.org/map.png)\n\nAsk", "an image's description"),
    ("Ask [the forum][r] or\n\n[r]: https://example.org/arf \"Talks of the region, Russia's\"\n\nAsk", "a link's title"),
])
def test_a_quote_of_words_no_reader_sees_is_told_where_they_are_written(mini: Project, written: str, kind: str):
    mini.replace("articles/forum-talks.md", "Ask", written)
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", "quote: Talks of the region")
    assert [(p.line, p.hint) for p in load(mini).problems] == [
        (4, f"the words are written only in {kind}, which a note cannot mark: quote words of the article's text"),
    ]


@pytest.mark.parametrize(("context", "told"), [("prefix: \"Russia in ASEAN Regional Forum \"", "prefix"), ("suffix: \" Later, Russia\"", "suffix")])
def test_a_prefix_or_suffix_from_the_next_paragraph_is_told_to_be_left_out(mini: Project, context: str, told: str):
    quote = "Delegates used" if told == "prefix" else "too."
    mini.replace("articles/forum-talks.annotations.yml", "quote: ASEAN Regional Forum met", f"quote: {quote}\n    {context}")
    place = "ends the paragraph before" if told == "prefix" else "starts the paragraph after"
    assert [(p.line, p.hint) for p in load(mini).problems] == [
        (4, f"the {told} {place} the quote's, and a note's prefix and suffix are read in the quote's own paragraph: leave the {told} out"),
    ]


@pytest.mark.parametrize("written", ["They said\n- [Update]: Corrected", "1) [Update]: Corrected"])
def test_a_line_markdown_reads_as_text_is_no_link_reference(mini: Project, written: str):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{written}\n\nAsk [the forum]")
    assert load(mini).problems == []


@pytest.mark.parametrize(("written", "word"), [("They *agreed*{sic} then.", "sic"), ("## Talks in {2016}", "2016"), ("A line.\n{Withheld}", "withheld")])
def test_a_word_in_braces_an_attribute_list_takes_is_told_on_its_line(mini: Project, written: str, word: str):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{written}\n\nAsk [the forum]")
    problems = load_project(mini.root, ["attr_list"], {}).problems
    line = 25 + written.count("\n")
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (line, f"the word '{word}' in braces is read as an attribute (Markdown's attribute lists): the page shows neither", "write \\{ for a brace the page shows, or leave the braces out"),
    ]


@pytest.mark.parametrize("written", ["- An item whose text\n  wraps on to a line.\n- Another.", "- Energy\n    - oil\n- Finance", "Para.\n\n  An indented paragraph of its own."])
def test_lines_indented_as_markdown_reads_them_are_no_problem(mini: Project, written: str):
    mini.replace("articles/forum-talks.md", "Ask [the forum]", f"{written}\n\nAsk [the forum]")
    assert load(mini).problems == []


@pytest.mark.parametrize(("text", "told"), [
    ("Sumsky made three points:\n- Russia is neutral;\n- Russia sells arms.\n", ["- Russia is neutral;"]),
    ("Two points:\n1. one\n2. two\n", ["1. one"]),
    ("One point:\n* one\n", ["* one"]),
    ("A line\n- one\n- two\n", ["- one"]),
    ("A line\n- one\n", []),  # (one item, after no colon: a line of the paragraph may start so)
    ("> The ambassador said:\n> - we sell;\n> - we do not station.\n", ["> - we sell;"]),  # in a quotation
    ("> The ambassador said:\n>\n> - we sell;\n> - we do not station.\n", []),
    ("In\n2016. The year began.\n", []),
    ("The Summit in\n2011. Moscow sent its minister in\n2012. Putin went.\n", []),  # (years: no list's numbers)
    ("Background\n----------\n- Russia joined.\n- Putin attended.\n", []),  # under a heading: a list
    ("[t]: https://example.org/t\n- Russia signed.\n- China signed.\n", []),  # under a reference's line: a list
    ("Points:\n\n- one\n- two\n", []),  # a blank line: a list
    ("- item one\n  wrapped:\n- item two\n", []),  # the list's own item
    ("# Points:\n- one\n- two\n", []),  # after a heading: a list
    ("Text\n* * *\n", []),  # a line across the page
    ("```\nPoints:\n- one\n- two\n```\n", []),  # code
    ("    Points:\n    - one\n    - two\n", []),  # indented code
])
def test_a_list_written_right_under_a_paragraph_is_found_where_one_is_meant(text: str, told: list[str]):
    assert [text[start:].split("\n")[0] for start in lists_in_paragraphs(text)] == told
