"""Property test: linking and highlighting a brief's article never change what a reader reads.

Random article Markdown (words, names and aliases of a few entities, possessives, character
entities, raw inline HTML, emphasis, code, links, explicit `term:`/`actor:`/`nolink:` links,
line breaks, paragraphs, lists, quotes, admonitions, tables, headings) with random notes on
passages of its reader text (at word edges; some overlapping, some across mentions or
emphasis) is rendered as a brief page is: the site's Markdown extensions (mkdocs.yml) and the
plugin's, the article between its body markers after a raw HTML header. The page, sanitised
as the plugin sanitises it, is checked against the same Markdown rendered without the extension:

1. no stash placeholder text in the page; tags nest properly (if they did without the extension);
2. each block reads the same (marker buttons' numbers left out), and as checking read it;
3. each placed note's <mark> elements hold exactly its passage; its marker button exists, shows
   its number, is not in a link, and follows the passage (nothing but the rest of a link it was
   moved out of, white space and other markers between);
4. ids are unique, no link in a link; mentions of each entity are numbered 1, 2, … in reading
   order, every one a link, later ones marked as again (with `link: first`, later ones spans); an auto-link holds
   exactly a form of its entity; the ids on the page are those of the article's mentions as
   checking reads them (entity pages' "Mentioned in" links to them), each where its text is.

Both ways an article reaches its page are covered: read while its page renders (a single
build) and read before (its notes placed already); they must give the same page. Every check
runs on every case; the failure lists each kind of problem with the shortest article showing it.
Seeded: the same cases on every run (PAGE_PROPERTY_CASES=5000 for a longer search).
"""

from __future__ import annotations

import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from mkdocs.config import load_config

from policy_briefs.anchoring import Selector, anchor_at
from policy_briefs.entities import EntityIndex, form_key
from policy_briefs.fastreader import occurrences_in
from policy_briefs.linker import Linker
from policy_briefs.mdext import BODY_END, BODY_START, BriefsExtension, PageState
from policy_briefs.model import Annotation
from policy_briefs.readertext import BLOCK_TAGS, CONTAINER_TAGS, collapse, normalize
from policy_briefs.safehtml import clean_page
from policy_briefs.schema import ActorFields, AnnotationFields, GlossaryFields
from policy_briefs.validate import ArticleReader

REPOSITORY = Path(__file__).parent.parent
CASES = int(os.environ.get("PAGE_PROPERTY_CASES", "400"))

# -- the entities -----------------------------------------------------------------------

GLOSSARY = {
    "arf": GlossaryFields(term="ARF", expansion="ASEAN Regional Forum", definition="The ASEAN Regional Forum is a security dialogue."),
    "eas": GlossaryFields(term="EAS", expansion="East Asia Summit", aliases=["the Summit"], definition="The East Asia Summit is a forum."),
}
ACTORS = {
    "asean": ActorFields(name="ASEAN", type="organization", aliases=["Association of Southeast Asian Nations"], summary="ASEAN is a regional organisation."),
    "russia": ActorFields(name="Russia", type="state", aliases=["Moscow", "Kremlin"], summary="Russia is a state."),
    "jane-roe": ActorFields(name="Jane Roe", type="person", summary="Jane Roe is an analyst."),
    "att": ActorFields(name="AT&T", type="organization", summary="AT&T is a company."),
    "oneil": ActorFields(name="O’Neil", type="person", summary="O’Neil is a person."),
}
INDEX = EntityIndex.build(GLOSSARY, ACTORS)
LINKER = Linker(INDEX.by_form)
FORMS = sorted(INDEX.by_form)
WRITTEN_FORMS = [*FORMS, "O’Neil", "OʼNeil"]  # as articles write them: O’Neil's form is kept as O'Neil

# -- the Markdown ------------------------------------------------------------------------

WORDS = ["the", "met", "while", "watched", "delegates", "came", "from", "talks", "said", "and", "so", "will", "agreed", "again",
         "new", "x", "Jane", "Roe", "Asia", "Forum", "Regional", "Summit", "East", "“We", "agreed,”", "it.", "(see", "note)", "ARFs", "Russian"]
POSSESSIVES = ["Russia’s", "Jane Roe’s", "ASEAN's", "Moscow’s", "East Asia Summit’s"]
ENTITIES = ["&amp;", "&#8217;", "&nbsp;", "&lt;b&gt;", "&#x2019;", "Jane&nbsp;Roe", "&#8217;s", "Russia&#8217;s", "AT&amp;T", "AT&T", "Tom &amp; Russia", "O&#8217;Neil", "&amp;Russia", "x&nbsp;Moscow"]
RAW_HTML = ["<b>x</b>", "<span>y</span>", "<b>Russia</b>", "<span>Jane Roe</span>", "<b>ARF</b> met", "a<span>b</span>c", "<b>Moscow</b>’s"]
CODE = ["`code Russia`", "`x`", "`&amp;`"]
LINKS = ["[Russia elsewhere](https://example.org/)", "[site](https://example.org/)", "[the *ARF* site](https://example.org/arf)"]
EXPLICIT = [  # explicit links: to entries and actors, suppressions, and links to no known entity
    "[the forum](term:arf)", "[Russia](actor:russia)", "[*Russia*](actor:russia)", "[that *summit*](term:eas)", "[Tom &amp; Jerry](actor:jane-roe)",
    "[Moscow](nolink:)", "[ASEAN Regional Forum](nolink:)", "[them](actor:nobody)", "[Moscow](actor:nobody)",
]
EXPLICIT_TEXTS = {"term:arf": {"the forum"}, "actor:russia": {"Russia"}, "term:eas": {"that summit"}, "actor:jane-roe": {"Tom & Jerry"}}  # what they read as
ESCAPES = ["\\*", "\\_x\\_"]


def _simple(rng: random.Random) -> str:
    """An atom that may sit inside emphasis."""
    pool = rng.choice([WORDS, WORDS, WRITTEN_FORMS, WRITTEN_FORMS, POSSESSIVES, ENTITIES, RAW_HTML])
    return rng.choice(pool)


# What an atom is, by where a roll in [0, 1) falls: below each bound, an atom from its pool (None: emphasis).
_ATOMS = ((0.25, WORDS), (0.45, WRITTEN_FORMS), (0.5, POSSESSIVES), (0.6, ENTITIES), (0.67, RAW_HTML), (0.77, None),
          (0.81, CODE), (0.85, LINKS), (0.95, EXPLICIT), (1.0, ESCAPES))


def _atom(rng: random.Random) -> str:
    roll = rng.random()
    pool = next(pool for bound, pool in _ATOMS if roll < bound)
    if pool is None:
        inner = " ".join(_simple(rng) for _ in range(rng.randint(1, 3)))
        mark = rng.choice(["*", "**", "_", "***"])
        return f"{mark}{inner}{mark}"
    return rng.choice(pool)


def _inline(rng: random.Random, breaks: bool = True) -> str:
    parts = [_atom(rng)]
    for _ in range(rng.randint(0, 11)):
        roll = rng.random()
        joiner = " " if roll < 0.7 else "" if roll < 0.85 or not breaks else "\n" if roll < 0.95 else "  \n"
        parts.append(joiner + _atom(rng))
    return "".join(parts)


def _block(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return _inline(rng)
    if roll < 0.7:
        return f"{'#' * rng.randint(2, 3)} {_inline(rng, breaks=False)}"
    if roll < 0.85:
        items = [f"{rng.choice(['-', '1.'])} {_inline(rng)}" for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.3:
            items.insert(1, f"    - {_inline(rng, breaks=False)}")
        return "\n".join(items)
    if roll < 0.9:
        return "> " + _inline(rng).replace("\n", "\n> ")
    if roll < 0.95:
        return f"!!! note \"{rng.choice(WORDS)}\"\n    {_inline(rng, breaks=False)}\n\n    {_inline(rng, breaks=False)}"
    rows = [f"| {_inline(rng, breaks=False).replace('|', '')} | {rng.choice(FORMS)} |" for _ in range(rng.randint(1, 2))]
    return "\n".join(["| a | b |", "|---|---|", *rows])


def _article(rng: random.Random) -> str:
    return "\n\n".join(_block(rng) for _ in range(rng.randint(1, 4)))


# -- notes -------------------------------------------------------------------------------

KINDS = {
    "context": {"body": "Note."},
    "claim": {"body": "A claim."},
    "question": {"body": "Why?"},
    "fact-check": {"body": "Checked.", "verdict": "accurate"},
    "quotation": {"speaker": "jane-roe"},
}
_TOKEN = re.compile(r"\w+|[^\w\s]")


def _notes(rng: random.Random, blocks: tuple[str, ...]) -> list[AnnotationFields]:
    """A few notes on passages of the reader text, at word (or mark) edges; some overlap, some need a prefix."""
    candidates = [index for index, text in enumerate(blocks) if _TOKEN.search(text.split(TOC_PERMALINK)[0])]
    notes: list[AnnotationFields] = []
    previous: tuple[int, int, int] | None = None
    for number in range(rng.randint(0, 4) if candidates else 0):
        block = previous[0] if previous and rng.random() < 0.4 else rng.choice(candidates)
        text = blocks[block]
        # Not into a heading's permalink: checking reads it as toc's "\x02amp\x03para;" (see `_check_page`), no one quotes that.
        tokens = list(_TOKEN.finditer(text.split(TOC_PERMALINK)[0]))
        first = rng.randrange(len(tokens))
        if previous and previous[0] == block and rng.random() < 0.7:  # overlap (or touch) the previous passage
            inside = [n for n, token in enumerate(tokens) if previous[1] <= token.start() < previous[2]]
            first = rng.choice(inside) if inside else first
        last = min(len(tokens) - 1, first + rng.choice([0, 0, 1, 2, 3, 5, 8]))
        start, end = tokens[first].start(), tokens[last].end()
        quote = text[start:end]
        if rng.random() < 0.2:
            quote = quote.replace("’", "'").replace("“", '"')  # editors type straight quotes
        kind = rng.choice(list(KINDS))
        prefix = text[max(0, start - rng.randint(3, 25)) : start] if rng.random() < 0.5 or normalize(text).count(normalize(quote)) > 1 else None
        notes.append(AnnotationFields(id=f"n{number}", kind=kind, quote=quote, prefix=prefix, **KINDS[kind]))
        previous = (block, start, end)
    return notes


def _placed(notes: list[AnnotationFields], blocks: tuple[str, ...]) -> tuple[Annotation, ...]:
    """The notes with their anchors, as checking places them (`validate._Checker._anchor`): one match, or none."""
    normalized = [normalize(text) for text in blocks]
    result = []
    for line, fields in enumerate(notes, start=1):
        selector = Selector.of(fields.quote, fields.prefix, fields.suffix)
        found = occurrences_in(selector, blocks, normalized)
        result.append(Annotation(fields, line, anchor_at(found[0], blocks) if len(found) == 1 else None))
    return tuple(result)


# -- rendering ---------------------------------------------------------------------------

_CONFIG = load_config(str(REPOSITORY / "mkdocs.yml"))
EXTENSIONS = list(_CONFIG.markdown_extensions)
EXTENSION_CONFIGS = dict(_CONFIG.mdx_configs)
TOC_PERMALINK = "\x02amp\x03para;"
HEADER = '<div class="pb-brief-header">\n<p>Header</p>\n</div>\n\n'


def _href(target) -> str:  # noqa: ANN001
    return f"../../{'glossary' if target.kind == 'term' else 'actors'}/{target.id}/"


class _Page:
    """A brief page's Markdown instance, as MkDocs makes one with the plugin's extension."""

    def __init__(self) -> None:
        self.state: PageState | None = None
        self.md = markdown.Markdown(extensions=[*EXTENSIONS, BriefsExtension(LINKER, INDEX, lambda: self.state)], extension_configs=EXTENSION_CONFIGS)

    def render(self, body: str, state: PageState | None) -> str:
        self.state = state
        self.md.reset()
        return self.md.convert(f"{HEADER}{BODY_START}\n\n{body}\n\n{BODY_END}\n")


# -- reading the page as a reader does ---------------------------------------------------

NOT_THE_ARTICLES = {("span", "pb-marker-glue"), ("button", "pb-marker"), ("a", "headerlink")}  # a note's marker (its number, held to the passage), a heading's permalink (¶)


def _is_marker(node) -> bool:  # noqa: ANN001
    return isinstance(node, Tag) and any((node.name, name) in NOT_THE_ARTICLES for name in node.get("class") or [])


def _blocks(element: Tag):  # noqa: ANN202
    """Paragraph-like elements in document order (as the plugin's reader text counts them)."""
    for child in element.children:
        if isinstance(child, Tag):
            if child.name in BLOCK_TAGS:
                yield child
                yield from _blocks(child)
            elif child.name in CONTAINER_TAGS or child.name == "section":
                yield from _blocks(child)


def _text(node) -> str:  # noqa: ANN001
    """What a reader reads of a node, white space collapsed (nested blocks and marker numbers left out)."""
    parts = []

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif child.name in BLOCK_TAGS or child.name in CONTAINER_TAGS or _is_marker(child):
                continue
            else:
                walk(child)

    if isinstance(node, NavigableString):
        return " ".join(str(node).split())
    walk(node)
    return " ".join("".join(parts).split())


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(clean_page(html), "html.parser")  # what a reader gets: the plugin sanitises each page


_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "embed", "source", "track"}


class _Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:  # noqa: ANN001
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag) -> None:  # noqa: ANN001
        if tag in _VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            if tag in self.stack:
                del self.stack[self.stack.index(tag) - len(self.stack) :]
        else:
            self.stack.pop()


def _nesting_errors(html: str) -> list[str]:
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    return parser.errors + [f"<{tag}> never closed" for tag in parser.stack]


# -- the checks ----------------------------------------------------------------------------

class Problems:
    """What a page gets wrong: (kind, detail) pairs, every check run (one failure does not hide the next)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []
        self.placed = 0  # notes placed (for the test to know its cases place some)

    def expect(self, condition: object, kind: str, detail: str = "") -> bool:
        if not condition:
            self.found.append((kind, detail))
        return bool(condition)


def _check_page(problems: Problems, html: str, plain: str, annotations: tuple[Annotation, ...], blocks: tuple[str, ...], mentions, link_all: bool) -> None:  # noqa: ANN001
    """Check a brief page's HTML against the same Markdown rendered without the extension (`plain`)."""
    expect = problems.expect
    # 1. no placeholder text; tags nest as they do without the extension
    for leak in ("wzxhzdk", "\x02", "\x03"):
        # (Python-Markdown itself leaks some, e.g. "klzzwxh:0000\x03" for `*2**a*[]()`: only new ones count.)
        expect(leak not in html or leak in plain, "placeholder text in the page", repr(leak))
    if not _nesting_errors(plain):
        expect(not _nesting_errors(html), "tags misnested", str(_nesting_errors(html)))
    page, reference = _soup(html), _soup(plain)
    page_blocks, reference_blocks = list(_blocks(page)), list(_blocks(reference))
    # 2. the words a reader sees
    read, unlinked = [_text(b) for b in page_blocks], [_text(b) for b in reference_blocks]
    expect(read == unlinked, "reader text changed by linking or highlighting", str([(a, b) for a, b in zip(read, unlinked) if a != b] or (read, unlinked)))
    # Checking reads a heading's permalink (toc's "&para;", its & kept aside by Python-Markdown as
    # "\x02amp\x03") as that text, not as "¶": no difference on the page, no one quotes it.
    as_checked = [text.replace(TOC_PERMALINK, "¶") for text in blocks]
    expect(unlinked[1:] == as_checked, "checking reads the article other than the page shows it",  # [1:]: after the header's paragraph
           str([(a, b) for a, b in zip(unlinked[1:], as_checked) if a != b] or (unlinked[1:], as_checked)))
    # 3. highlights
    for number, annotation in enumerate(annotations, start=1):
        note = f"note-{annotation.id}"
        marks = page.select(f'mark[data-note="{note}"]')
        button = page.select_one(f'button.pb-marker[popovertarget="pop-{annotation.id}"]')
        if annotation.anchor is None:
            expect(not marks and button is None, "a note not placed is marked", annotation.id)
            continue
        if not expect(marks, "a placed note is not marked", f"{annotation.id}: {annotation.fields.quote!r}"):
            continue
        expect(not any(m.find_parent("mark", attrs={"data-note": note}) for m in marks), "a mark inside a mark of its own note", annotation.id)
        marked = normalize(collapse("".join(_text_of_mark(m) for m in marks)))
        quote = Selector.of(annotation.fields.quote).quote
        expect(marked == quote, "the marks hold other than the passage", f"{annotation.id}: marked {marked!r}, passage {quote!r}")
        expect(marks[0].get("id") == f"passage-{annotation.id}", "the first mark lacks the passage id", annotation.id)
        if not expect(button is not None, "no marker", annotation.id):
            continue
        expect(button.get_text() == str(number), "a marker shows another number", f"{annotation.id}: {button.get_text()!r}, not {number}")
        expect(button.find_parent("a") is None, "a marker inside a link", annotation.id)
        _check_follows(problems, marks[-1], button, annotation.id)
    # 4. mentions
    ids = [element["id"] for element in page.find_all(id=True)]
    expect(len(ids) == len(set(ids)), "an id used twice", str(sorted(i for i in set(ids) if ids.count(i) > 1)))
    expect(not any(link.find_parent("a") for link in page.find_all("a")), "a link inside a link")
    numbered: dict[tuple[str, str], list[tuple[int, Tag]]] = {}
    for element in page.find_all(id=re.compile(r"^pb-(term|actor)-")):
        kind, rest = element["id"][3:].split("-", 1)
        entity, number = rest.rsplit("-", 1)
        numbered.setdefault((kind, entity), []).append((int(number), element))
    for (kind, entity), elements in numbered.items():
        expect([n for n, _ in elements] == list(range(1, len(elements) + 1)), "mentions not numbered 1, 2, … in reading order", f"{kind}:{entity}: {[n for n, _ in elements]}")
        for number, element in elements:
            text = _text(element)
            explicit = text in EXPLICIT_TEXTS.get(f"{kind}:{entity}", ())
            form = INDEX.by_form.get(form_key(text))
            expect(explicit or (form is not None and form.ref == f"{kind}:{entity}"), "a mention holds other than a form of its entity", f"{element['id']}: {text!r}")
            if explicit and element.name == "a":
                continue
            if number == 1 or link_all:
                expect(element.name == "a" and "pb-link" in element.get("class", []), "a mention that should be a link is not", element["id"])
                expect(("pb-link--again" in element.get("class", [])) == (number > 1), "only a later mention's link is marked as again", element["id"])
            else:
                expect(element.name == "span" and element.get("class") == ["pb-mention"], "a later mention is not a plain mention span", element["id"])
    # The article's mentions as checking reads them: entity pages' "Mentioned in" shows their sentences
    # and links to their ids on this page.
    found = {element["id"]: element for elements in numbered.values() for _, element in elements}
    expect(sorted(found) == sorted(m.anchor for m in mentions), "mention ids on the page differ from the article's mentions",
           f"page {sorted(found)}, article {sorted(m.anchor for m in mentions)}")
    for mention in mentions:
        if mention.anchor in found:
            text = _text(found[mention.anchor])
            expect(blocks[mention.block][mention.start : mention.start + len(text)] == text, "a mention's place in reader text is not where its text is",
                   f"{mention.anchor} ({text!r}) at {mention.start} of {blocks[mention.block]!r}")


def _text_of_mark(mark: Tag) -> str:
    """A mark's text without other notes' marker numbers (overlapping passages: one may hold another's marker)."""
    return "".join(str(s) for s in mark.find_all(string=True) if not isinstance(s, Comment) and not any(_is_marker(p) for p in s.parents))


def _check_follows(problems: Problems, last: Tag, button: Tag, note_id: str) -> None:
    """Between the passage's end and its marker: only the rest of a link it was moved out of, white space, other markers."""
    links = [parent for parent in last.parents if parent.name == "a"]
    for node in last.next_elements:
        if node is button:
            return
        if not isinstance(node, NavigableString) or isinstance(node, Comment) or not node.strip():
            continue
        if any(parent is last or _is_marker(parent) for parent in node.parents):
            continue
        if not problems.expect(any(parent in links for parent in node.parents), "text between a passage and its marker", f"{note_id}: {str(node)!r}"):
            return
    problems.expect(False, "a marker before its passage", note_id)


# -- the test ------------------------------------------------------------------------------

def _places(mentions) -> list[tuple[str, int, int]]:  # noqa: ANN001
    return [(mention.anchor, mention.block, mention.start) for mention in mentions]


def check_article(body: str, notes: list[AnnotationFields], link_all: bool, reader: ArticleReader, page: _Page) -> Problems:
    """Render an article's brief page both ways an article reaches it and check both."""
    problems = Problems()
    try:
        view = reader.read(body, LINKER, INDEX)  # as `briefs check` reads it
        blocks = view.blocks
        plain = page.render(body, None)
        # read before its page renders (a rebuild, or few articles changed): notes placed already
        annotations = _placed(notes, blocks)
        problems.placed = sum(a.anchor is not None for a in annotations)
        state = PageState(href=_href, autolink=True, link_all=link_all, annotations=annotations)
        html = page.render(body, state)
        _check_page(problems, html, plain, annotations, blocks, view.mentions, link_all)
        # read while its page renders (a single build)
        seen = []

        def read_article(in_page):  # noqa: ANN001, ANN202
            seen.append(in_page)
            return _placed(notes, in_page.blocks)

        state = PageState(href=_href, autolink=True, link_all=link_all, read_article=read_article)
        again = page.render(body, state)
        if problems.expect(seen and seen[0] is not None, "the article is not read in its page"):
            problems.expect(seen[0].blocks == blocks, "the article reads otherwise in its page than alone")
            # Mentions compared without their `end`: an explicit link's counts its text's raw placeholders
            # ("\x02wzxhzdk:12\x03" for "&amp;", numbered differently in the page), and nothing reads it.
            problems.expect(_places(seen[0].mentions) == _places(view.mentions), "the article's mentions differ read in its page and alone")
        problems.expect(again == html, "the page differs with the article read while it renders")
    except Exception as crash:  # noqa: BLE001 (a crash is a problem too)
        problems.expect(False, "crash", f"{type(crash).__name__}: {crash}")
    return problems


def _cases(seed: int, count: int):  # noqa: ANN202
    rng = random.Random(seed)
    reader = ArticleReader(EXTENSIONS, EXTENSION_CONFIGS)
    for _ in range(count):
        body = _article(rng)
        notes = _notes(rng, reader.read(body, LINKER, INDEX).blocks)
        yield body, notes, rng.random() < 0.2


def test_linking_and_highlighting_keep_the_article_as_it_reads():
    reader, page = ArticleReader(EXTENSIONS, EXTENSION_CONFIGS), _Page()
    placed = 0
    shortest: dict[str, tuple[str, list[AnnotationFields], bool, str]] = {}  # per kind of problem: the shortest article showing it
    for body, notes, link_all in _cases(2024, CASES):
        problems = check_article(body, notes, link_all, reader, page)
        placed += problems.placed
        for kind, detail in problems.found:
            if kind not in shortest or len(body) < len(shortest[kind][0]):
                shortest[kind] = (body, notes, link_all, detail)
    report = "\n\n".join(
        f"=== {kind}: {detail}\n--- article:\n{body}\n--- notes: {[(n.quote, n.prefix) for n in notes]}{' (link: all)' if link_all else ''}"
        for kind, (body, notes, link_all, detail) in sorted(shortest.items())
    )
    assert not shortest, f"{len(shortest)} kinds of problem in {CASES} random articles; the shortest article showing each:\n\n{report}"
    assert placed > CASES  # the cases do place notes (about two per article)
