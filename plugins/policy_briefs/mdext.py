"""Python-Markdown extension: explicit entity links, auto-links and annotation highlights.

Usable on its own (any engine that runs Markdown extensions): give it a linker,
an entity index and a callable returning the state of the page being rendered.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import markdown
from markdown.util import ETX, STX

from . import timing
from .anchoring import Selector
from .droppedhtml import in_article
from .entities import EntityIndex, Target
from .fastreader import FastBlock, quote_occurrences, read_block
from .linker import Linker
from .mentions import EXPLICIT_SCHEMES, LINKING, NO_LINK_CLASS, ArticleView, Hit, Mention, article_view, block_hits, number_mentions, unaddressed_links, written_links
from .model import Annotation
from .readertext import MARKER_CLASS, MARKER_GLUE_CLASS, Block, Slot, Unwrapped, abbreviations, iter_blocks, normalize, permalink, raw_end, stashed, unwrap_abbreviations, without_markup
from .safehtml import WORD_JOINER, safe_id, tooltip_text
from .sitepaths import note_ids

SUPPRESS_HREF = "nolink:"
# Around an article's body in its brief page's Markdown, so the body can be read while the page renders.
# Raw HTML comments on lines of their own: taken out of the tree again, they leave no trace in the page.
BODY_START = "<!-- policy-briefs: article body -->"
BODY_END = "<!-- policy-briefs: end of article body -->"
# Around the HTML of a brief's header, in the package's template: kept as it is, as raw HTML
# (Python-Markdown would otherwise parse it, tag by tag, twice over).
HEADER_START = "<!-- policy-briefs: brief header (HTML only: kept as it is, not read as Markdown) -->"
HEADER_END = "<!-- policy-briefs: end of brief header -->"
# Around the header's details (publisher, dates, the original's address, tags), which a brief's copy for
# search leaves out: its result then begins with the brief's summary. (Search reads the page of an
# article that marks its own parts: the template marks the details to leave out then.)
DETAILS_START = "<!-- policy-briefs: brief details (not given to search) -->"
DETAILS_END = "<!-- policy-briefs: end of brief details -->"


@dataclass
class PageState:
    """What the extension needs to know about the page being rendered."""

    href: Callable[[Target], str]
    autolink: bool = False
    link_all: bool = False
    annotations: Sequence[Annotation] = ()
    mentions: list[Mention] = field(default_factory=list)  # filled in while rendering
    # For a brief whose article is not read yet: called with what its body renders to (None if the
    # body could not be told apart), returns the article's annotations, placed.
    read_article: Callable[[ArticleView | None], Sequence[Annotation]] | None = None
    # Whether to render a copy of the page for search to index: the page as Markdown alone makes it,
    # without the extension's inline markup (the same text, two fifths of the tags to parse).
    search_copy: bool = False
    search_html: str | None = None  # filled in while rendering, when asked for and possible
    search_header: tuple[int, str] | None = None  # the header's place in the raw HTML stash, and its HTML for search (less its details)
    unresolved: list[str] = field(default_factory=list)  # `term:`/`actor:` links to no known entity, filled in while rendering
    passage_ids: set[str] = field(default_factory=set)  # a brief's passages' ids, filled in while rendering


class BriefTreeprocessor(markdown.treeprocessors.Treeprocessor):
    def __init__(self, md: markdown.Markdown, extension: BriefsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    @timing.timed("treeprocessor")
    def run(self, root: etree.Element) -> None:
        state = self.extension.state()
        if state is None:
            return
        stash = self.md.htmlStash.rawHtmlBlocks
        body = _take_body(root, stash)
        if state.search_copy and self._last():
            state.search_html = self._search_copy(root, state)
        read = state.autolink or state.read_article is not None
        unwrapped = unwrap_abbreviations(root, abbreviations(self.md)) if read else []  # wrapped again below, once names are linked
        annotations = state.annotations
        linker, index = self.extension.linker, self.extension.index
        blocks = [read_block(element, stash) for element in iter_blocks(root)] if read else None
        abbreviated = _abbreviated(blocks, unwrapped) if unwrapped else {}
        # Mentions as `briefs check` finds them: before explicit links are resolved (a `term:` or
        # `actor:` link is a mention; the text of a link to no known entity is not searched).
        hits = [block_hits(block, linker, index, stash) for block in blocks] if blocks is not None else None
        numbered = number_mentions(blocks, hits) if blocks is not None else None  # links do not change them
        if state.read_article is not None:
            view = None
            if body is not None:
                in_body = {id(element) for element in iter_blocks(_holder(body))}
                chosen = [number for number, block in enumerate(blocks) if id(block.element) in in_body]
                links = written_links(body, self.extension.written_links)
                dropped = in_article(body, stash, self.extension.removed_ids)
                view = article_view(
                    (), links, linker, index, stash, blocks=[blocks[n] for n in chosen], numbered=[numbered[n] for n in chosen], dropped=dropped, unaddressed=unaddressed_links(body, self.extension.written_links, stash),
                )
            with timing.section("treeprocessor: read article"):
                annotations = state.read_article(view)
        self._explicit_links(root, state)
        splits: list[Splits] = [{} for _ in blocks or ()]
        if state.autolink:
            state.mentions = [mention for block in numbered for mention in block]
            splits = [_link_block(block, block_hits_, mentions, state) for block, block_hits_, mentions in zip(blocks, hits, numbered)]
        if annotations:
            with timing.section("treeprocessor: highlight"):
                _highlight(root, annotations, stash, list(zip(blocks, splits)) if blocks is not None else None)
        for block, ranges in abbreviated.items():
            _abbreviate(blocks[block].element, ranges, stash)
        if annotations:  # the passages marked here, for MkDocs' check of links to them (made after it took the page's ids)
            state.passage_ids = {note_ids(note.id)["passage"] for note in annotations if note.anchor is not None}

    def _search_copy(self, root: etree.Element, state: PageState) -> str:
        """The page for search to index: as rendered now, its header less the details (`DETAILS_START`)."""
        if state.search_header is None:
            return rendered(self.md, root)
        stash, (index, header) = self.md.htmlStash.rawHtmlBlocks, state.search_header
        shown, stash[index] = stash[index], header
        try:
            return rendered(self.md, root)
        finally:
            stash[index] = shown

    def _last(self) -> bool:
        """Whether no other treeprocessor runs after this one (then the tree it gets is the page less its markup)."""
        return list(self.md.treeprocessors)[-1] is self

    def _explicit_links(self, root: etree.Element, state: PageState) -> None:
        """Resolve `term:`/`actor:` links and `nolink:` spans."""
        for link in root.iter("a"):
            href = link.get("href", "")
            scheme = href.partition(":")[0]
            if href == SUPPRESS_HREF:
                _make_span(link, NO_LINK_CLASS)
            elif href.startswith(SUPPRESS_HREF):  # `nolink:` with something after the colon: told, shown as text
                _make_span(link, "pb-unresolved")
                state.unresolved.append(href)
            elif scheme in EXPLICIT_SCHEMES:
                target = self.extension.index.by_ref.get(href)
                if target is None:
                    _make_span(link, "pb-unresolved")
                    state.unresolved.append(href)
                else:
                    _set_link(link, target, state.href(target))


class SafeIdsTreeprocessor(markdown.treeprocessors.Treeprocessor):
    """Take out the ids the theme cannot write or look up as they are (`safehtml.safe_id`), before the contents are made.

    On every page: the theme writes each heading's id into the contents as it is, and its scripts
    look headings up by `[id="…"]` (a quote there stops them). The table of contents then makes
    the heading an id of its own. What was taken out is kept for the brief's checks.
    """

    def __init__(self, md: markdown.Markdown, extension: BriefsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        removed = self.extension.removed_ids = {}
        for element in root.iter():
            value = element.get("id")
            if value is not None and not safe_id(value):
                del element.attrib["id"]
                removed[id(element)] = value


class WrittenLinksTreeprocessor(markdown.treeprocessors.Treeprocessor):
    """Keep each link's and image's address as the article writes it, before MkDocs makes a file's address its page's."""

    def __init__(self, md: markdown.Markdown, extension: BriefsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        state = self.extension.state()
        written = self.extension.written_links = {}
        if state is not None and state.read_article is not None:
            for element in root.iter():
                if element.tag in LINKING and not permalink(element):
                    written[id(element)] = _ESCAPED.sub(_unescaped, element.get(LINKING[element.tag], ""))


_ESCAPED = re.compile(f"{STX}(\\d+){ETX}")  # a character written with a backslash (`\\-`), as Python-Markdown keeps it until it unescapes the page


def _unescaped(match: re.Match[str]) -> str:
    return chr(int(match.group(1)))


class HeaderPreprocessor(markdown.preprocessors.Preprocessor):
    """Stash a brief page's header as raw HTML, as the HTML block parser would have, without parsing it."""

    def __init__(self, md: markdown.Markdown, extension: BriefsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        state = self.extension.state()
        if state is None or not state.autolink:
            return lines
        try:
            start = lines.index(HEADER_START)
            end = lines.index(HEADER_END, start)
        except ValueError:  # not the package's template: its header is read like any other source
            return lines
        header = lines[start + 1 : end]
        details = (header.index(DETAILS_START), header.index(DETAILS_END)) if DETAILS_START in header and DETAILS_END in header else None
        shown = [line for line in header if line not in (DETAILS_START, DETAILS_END)]
        placeholder = self.md.htmlStash.store("\n".join(shown) + "\n")  # as the block parser keeps a block
        if details is not None:
            searched = header[: details[0]] + header[details[1] + 1 :]
            state.search_header = (self.md.htmlStash.html_counter - 1, "\n".join(searched) + "\n")
        return [*lines[:start], "", placeholder, "", *lines[end + 1 :]]


class BriefsExtension(markdown.Extension):
    """Registers the brief treeprocessor after Python-Markdown's own (escapes resolved), and the header's preprocessor."""

    def __init__(self, linker: Linker, index: EntityIndex, state: Callable[[], PageState | None]) -> None:
        super().__init__()
        self.linker = linker
        self.index = index
        self.state = state
        self.removed_ids: dict[int, str] = {}  # by id(element), for the page being rendered
        self.written_links: dict[int, str] = {}  # by id(element): a brief's link and image addresses as written

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(BriefTreeprocessor(md, self), "policy-briefs", -10)
        # After attributes are set from `{: … }` (8), before the table of contents is made (5).
        md.treeprocessors.register(SafeIdsTreeprocessor(md, self), "policy-briefs-ids", 6)
        # Before MkDocs makes links to files the pages' addresses (0).
        md.treeprocessors.register(WrittenLinksTreeprocessor(md, self), "policy-briefs-links", 1)
        # After white space is normalised (30), before raw HTML is looked for (MkDocs at 21, Python-Markdown at 20).
        md.preprocessors.register(HeaderPreprocessor(md, self), "policy-briefs-header", 25)


def rendered(md: markdown.Markdown, root: etree.Element) -> str:
    """The HTML `md` makes of its tree as it is now: serialised, then through its postprocessors (as `convert` does)."""
    output = md.serializer(root)
    if md.stripTopLevelTags:
        start = output.index(f"<{md.doc_tag}>") + len(md.doc_tag) + 2
        output = output[start : output.rindex(f"</{md.doc_tag}>")].strip()
    for postprocessor in md.postprocessors:
        output = postprocessor.run(output)
    return output.strip()


def _take_body(root: etree.Element, stash: Sequence[str]) -> list[etree.Element] | None:
    """Remove the body markers from the tree; the top-level elements between them (None if not both found)."""
    children = list(root)
    marks = {}
    for position, child in enumerate(children):
        if child.tag == "p" and not len(child) and child.text and child.text.startswith("\x02"):
            kept = stashed(child.text.strip(), stash)
            if isinstance(kept, str) and kept.strip() in (BODY_START, BODY_END):
                marks.setdefault(kept.strip(), position)
    for position in sorted(marks.values(), reverse=True):
        root.remove(children[position])
    if BODY_START not in marks or BODY_END not in marks or marks[BODY_END] < marks[BODY_START]:
        return None
    # The footnotes extension puts the article's footnotes at the end of the page.
    footnotes = [child for child in children[marks[BODY_END] + 1 :] if child.tag == "div" and child.get("class") == "footnote"]
    return children[marks[BODY_START] + 1 : marks[BODY_END]] + footnotes


def _holder(children: list[etree.Element]) -> etree.Element:
    """An element holding `children` (they keep their place in the tree), for iterating over them."""
    holder = etree.Element("div")
    holder.extend(children)
    return holder


def _make_span(element: etree.Element, css_class: str) -> None:
    element.tag = "span"
    element.attrib.clear()
    element.set("class", css_class)


def _set_link(link: etree.Element, target: Target, href: str) -> None:
    link.set("href", href)
    # Python-Markdown writes a reference in an attribute (`&lt;`) as it is: each `&` given as `&amp;`.
    link.set("title", tooltip_text(target.preview or target.label).replace("&", "&amp;"))
    link.set("class", f"pb-link pb-link--{target.kind}")


# How linking split a block's text runs: per slot index, where each new run starts in the slot's
# text and the run that holds it now (None if a split may change how the block reads: read it again).
Splits = dict[int, list[tuple[int, Slot]]] | None


def _link_block(block: Block, hits: list[Hit], mentions: list[Mention], state: PageState) -> Splits:
    """Turn hits into links (or anchored spans), last first so offsets stay valid; how the text runs were split."""
    parents = {child: parent for parent in block.element.iter() for child in parent}
    splits: Splits = {}
    for hit, mention in reversed(list(zip(hits, mentions))):
        if hit.explicit is not None:  # (the editor's link: a link, again or not)
            hit.explicit.set("id", mention.anchor)
            if mention.number > 1:
                _linked_again(hit.explicit)
            continue
        if state.link_all or mention.number == 1:
            element = etree.Element("a")
            _set_link(element, hit.target, state.href(hit.target))
            if mention.number > 1:
                _linked_again(element)
        else:
            element = etree.Element("span", {"class": "pb-mention"})
        element.set("id", mention.anchor)
        slot = block.slots[hit.slot]
        raw = slot.get()
        visible_ends = not (raw[hit.start].isspace() or raw[hit.end - 1].isspace())  # else its white space may read differently once split
        _wrap_slot(slot, hit.start, hit.end, element, parents)
        if splits is not None and visible_ends:
            splits.setdefault(hit.slot, [])[:0] = [(hit.start, Slot(element, "text")), (hit.end, Slot(element, "tail"))]
        else:
            splits = None
    return splits


def _linked_again(link: etree.Element) -> None:
    """A link to what the text linked before: drawn in the text's colour (see the stylesheet), and no stop of the keyboard's (the first mention is one)."""
    link.set("class", f"{link.get('class')} pb-link--again")
    link.set("tabindex", "-1")


def _wrap_slot(slot, start: int, end: int, element: etree.Element, parents: dict) -> None:
    """Move raw[start:end] of a text run into `element`, placed where the text was."""
    raw = slot.get()
    setattr(slot.element, slot.attr, raw[:start])
    element.text = raw[start:end]
    element.tail = raw[end:]
    if slot.attr == "text":
        slot.element.insert(0, element)
        parents[element] = slot.element
    else:
        parent = parents[slot.element]
        parent.insert(list(parent).index(slot.element) + 1, element)
        parents[element] = parent


def _highlight(root: etree.Element, annotations: Sequence[Annotation], stash: Sequence[str], read: list[tuple[FastBlock, Splits]] | None = None) -> None:
    """Mark each anchored passage and put its note's marker button after it.

    `read`: each block as read before links were made, and how linking split its text runs, if
    known (links do not change reader text). Passages are found in the text as the article reads
    (no marker numbers in it), then marked block by block, the last first, so that the positions
    of those before stay valid.
    """
    elements = list(iter_blocks(root))
    if read is None:
        read = [(read_block(element, stash), {}) for element in elements]
    texts = [block.text for block, _ in read]
    normalized = [normalize(text) for text in texts]
    passages: dict[int, list[tuple[int, int, int, Annotation]]] = {}
    for number, annotation in enumerate(annotations, start=1):
        if annotation.anchor is None:
            continue
        fields = annotation.fields
        _, found = quote_occurrences(Selector.of(fields.quote, fields.prefix, fields.suffix), texts, normalized)
        if found:
            passages.setdefault(found[0].block, []).append((found[0].start, found[0].end, number, annotation))
    for index, placed in passages.items():
        placed.sort(reverse=True)  # the last first: what comes before a marked passage keeps its position
        block, splits = read[index]
        if splits is None:  # read again: links moved its text runs
            block, splits = read_block(elements[index], stash), {}
        marked_from = None  # where the passage marked last starts
        for start, end, number, annotation in placed:
            if marked_from is not None and end > marked_from:  # it overlaps one marked already: read the block again (markers read as nothing)
                block, splits = read_block(elements[index], stash), {}
            _mark_passage(block, splits, start, end, annotation, number, stash)
            marked_from = start


def _mark_passage(block: FastBlock, splits: dict[int, list[tuple[int, Slot]]], start: int, end: int, annotation: Annotation, number: int, stash: Sequence[str]) -> None:
    parents = {child: parent for parent in block.element.iter() for child in parent}
    marks = _mark_range(block, splits, start, end, annotation, parents, stash)
    for mark in marks:  # a name linked again reads as the passage's text, and a click on it opens the note: no preview of the name's
        link = parents.get(mark)
        if link is not None and link.tag == "a" and "pb-link--again" in (link.get("class") or "").split():
            link.attrib.pop("title", None)
    _add_marker(block.element, marks[-1], annotation, number, parents)


def _mark_range(
    block: FastBlock, splits: dict[int, list[tuple[int, Slot]]], start: int, end: int, annotation: Annotation, parents: dict, stash: Sequence[str],
) -> list[etree.Element]:
    """Wrap reader text [start, end) in <mark> elements (see `_wrap_range`)."""
    ids = note_ids(annotation.id)
    attributes = {"class": f"pb-passage pb-kind-{annotation.fields.kind}", "data-note": ids["note"]}
    marks = _wrap_range(block, splits, start, end, lambda: etree.Element("mark", attributes), parents, stash)
    marks[0].set("id", ids["passage"])
    return marks


def _wrap_range(
    block: FastBlock, splits: dict[int, list[tuple[int, Slot]]], start: int, end: int, make: Callable[[], etree.Element], parents: dict, stash: Sequence[str],
) -> list[etree.Element]:
    """Wrap reader text [start, end) in elements `make` makes, one per stretch of a text run it crosses (`block`'s runs split as `splits` says).

    Raw HTML in a run (an opening or closing tag) stays outside them, so that they nest.
    """
    spans = block.slot_spans(start, end, {slot: [offset for offset, _ in runs] for slot, runs in splits.items()})
    wrappers = []
    for slot_index, piece in sorted(spans):
        first, last = spans[(slot_index, piece)]
        slot = splits[slot_index][piece - 1][1] if piece else block.slots[slot_index]
        raw = slot.get()
        in_run = []
        for low, high in reversed(without_markup(raw, first, raw_end(raw, last, slot.code), stash)):  # the last first: offsets before stay valid
            wrapper = make()
            _wrap_slot(slot, low, high, wrapper, parents)
            in_run.append(wrapper)
        wrappers += reversed(in_run)
    return wrappers


def _abbreviated(blocks: list[FastBlock], unwrapped: list[Unwrapped]) -> dict[int, list[tuple[int, int, str]]]:
    """Per block, the reader text each abbreviation taken out covers (start, end, title)."""
    runs = {(id(slot.element), slot.attr): (number, index) for number, block in enumerate(blocks) for index, slot in enumerate(block.slots)}
    ranges: dict[int, list[tuple[int, int, str]]] = {}
    for abbreviation in unwrapped:
        number, index = runs[(id(abbreviation.element), abbreviation.attr)]  # taken out of blocks only: in one's text runs
        block = blocks[number]
        start, end = block.position_of(index, abbreviation.start), block.position_of(index, abbreviation.end - 1) + 1
        ranges.setdefault(number, []).append((start, end, abbreviation.title))
    return ranges


def _abbreviate(element: etree.Element, ranges: list[tuple[int, int, str]], stash: Sequence[str]) -> None:
    """Wrap each abbreviation again where it was, in pieces where the page's links and marks now cut it."""
    block = read_block(element, stash)  # reads as before: links and marks add no text, note markers are not read
    parents = {child: parent for parent in element.iter() for child in parent}
    for start, end, title in sorted(ranges, reverse=True):  # the last first: what comes before keeps its position
        _wrap_range(block, {}, start, end, lambda title=title: etree.Element("abbr", {"title": title}), parents, stash)


def _inside_link(element: etree.Element, block: etree.Element, parents: dict) -> bool:
    """True when the element is a link or sits in one (a button may not)."""
    while element is not block:
        if element.tag == "a":
            return True
        element = parents[element]
    return False


def _past_lower_markers(parent: etree.Element, after: etree.Element, number: int) -> etree.Element:
    """After the markers of lower numbers placed right after `after` already (two passages that end in one link), so the markers read in order."""
    children = list(parent)
    following = children.index(after) + 1
    while not (after.tail or "").strip() and following < len(children) and children[following].get("class") == MARKER_GLUE_CLASS:
        if int(children[following][0].text or 0) > number:
            break
        after, following = children[following], following + 1
    return after


def _add_marker(block: etree.Element, after: etree.Element, annotation: Annotation, number: int, parents: dict) -> None:
    """Put the marker right after the passage, outside any mention that ends with it and outside any link."""
    parent = parents[after]
    while parent is not block and (_inside_link(parent, block, parents) or list(parent)[-1] is after and not (after.tail or "").strip()):
        after, parent = parent, parents[parent]
    after = _past_lower_markers(parent, after, number)
    fields = annotation.fields
    label = f"Note {number}: {fields.kind.replace('-', ' ')}" + (f", {fields.verdict}" if fields.verdict else "")
    button = etree.Element("button", {
        "type": "button",
        "class": f"{MARKER_CLASS} pb-kind-{fields.kind}",
        "popovertarget": note_ids(annotation.id)["popover"],
        "aria-label": label,  # (no title: the theme would show it as a tooltip over the text whenever the marker has the focus, as after its note is closed)
    })
    button.text = str(number)
    # A word joiner holds the button to the passage's last word (with no line break between them),
    # and neither is text of the article: Material's search leaves them out (and drops this from a page it reads).
    glue = etree.Element("span", {"class": MARKER_GLUE_CLASS, "data-search-exclude": "marker"})
    glue.text = WORD_JOINER
    glue.append(button)
    glue.tail = after.tail
    after.tail = None
    parent.insert(list(parent).index(after) + 1, glue)
