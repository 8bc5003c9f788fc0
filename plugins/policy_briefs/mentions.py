"""Where entities are mentioned in a rendered article: one walk shared by checking and building."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .droppedhtml import HEADINGS, Dropped
from .entities import EntityIndex, Target
from .fastreader import FastBlock, read_block
from .linker import Found, Linker
from .readertext import PLACEHOLDER, STASHED, Block, Slot, Where, permalink, searched_texts, stashed, stashed_text
from .safehtml import no_address

NO_LINK_TAGS = frozenset({"code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "samp", "script", "style", "button", "summary"})  # a summary opens its details: a link there would not
NO_LINK_CLASS = "pb-nolink"
EXPLICIT_SCHEMES = ("term", "actor")


@dataclass(frozen=True, slots=True)
class Hit:
    """A surface form (or explicit link) in one text run of a block."""

    slot: int
    start: int  # offsets in the slot's raw text
    end: int
    target: Target
    explicit: etree.Element | None = None
    last: int = -1  # where the last character is written (an entity's placeholder), if not at end - 1


@dataclass(frozen=True, slots=True)
class Mention:
    """A numbered mention of an entity, with where it sits in reader text."""

    target: Target
    number: int  # 1-based, per entity, in document order
    block: int
    start: int  # in the block's reader text
    end: int

    @property
    def anchor(self) -> str:
        """The id of the element that marks this mention on the brief page."""
        return mention_anchor(self.target, self.number)


def mention_anchor(target: Target, number: int) -> str:
    return f"pb-{target.kind}-{target.id}-{number}"


def _owner(slot: Slot, parents: dict[etree.Element, etree.Element]) -> etree.Element | None:
    return slot.element if slot.attr == "text" else parents.get(slot.element)


def _linkable(element: etree.Element | None, block: etree.Element, parents: dict[etree.Element, etree.Element]) -> bool:
    while element is not None:
        if element.tag in NO_LINK_TAGS or NO_LINK_CLASS in (element.get("class") or "").split():
            return False
        if element is block:
            return True
        element = parents.get(element)
    return False


@dataclass(frozen=True, slots=True)
class SplitName:
    """A name a block reads but no mention covers: formatting or a `nolink:` span cuts it in pieces."""

    target: Target
    text: str  # the name as it reads
    by_nolink: bool  # a `nolink:` span holds part of it (else formatting alone cuts it)
    by_comment: bool  # an HTML comment is written within it
    linked: tuple[str, ...]  # the shorter names linked within it instead
    block: int  # where it reads: the block, and the name's start and end in its reader text
    start: int
    end: int


def split_names(blocks: Sequence[FastBlock], numbered: Sequence[Sequence[Mention]], linker: Linker, stash: Sequence[str] = ()) -> list[SplitName]:
    """Names a block reads that no text run holds whole, cut by elements or by raw HTML tags (`numbered`: each block's mentions).

    One cut by formatting or a `nolink:` span alone is told: a name partly in code or in a link
    of the article's is not, nor one wholly in a `nolink:` span.
    """
    names = []
    for number, (block, mentions) in enumerate(zip(blocks, numbered)):
        if len(block.slots) < 2 and "\x02" not in block.slots[0].get():
            continue
        covered = {(mention.start, mention.end) for mention in mentions}
        parents = None
        for found in linker.find(block.text):
            if (found.start, found.end) in covered:
                continue
            spans = block.slot_spans(found.start, found.end)
            tags = [tag for (slot, _), (first, last) in spans.items() for tag in _stashed_tags(block.slots[slot].get()[first:last + 1], stash)]
            if len(spans) < 2 and not tags:
                continue
            parents = parents or {child: parent for parent in block.element.iter() for child in parent}
            kinds = {_slot_kind(block.slots[slot], block.element, parents) for slot, _ in spans}
            if not kinds <= {"linkable", "nolink"} or "linkable" not in kinds or not NO_LINK_TAGS.isdisjoint(tags):
                continue
            inside = tuple(block.text[m.start:m.end] for m in mentions if m.start < found.end and found.start < m.end)
            names.append(SplitName(found.target, block.text[found.start:found.end], "nolink" in kinds, COMMENT in tags, inside, number, found.start, found.end))
    return names


_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)|<(!--)")
COMMENT = "!--"  # a comment's name among a text's tags


def _stashed_tags(raw: str, stash: Sequence[str]) -> list[str]:
    """The names of the raw HTML tags a piece of a text run holds (kept aside in Python-Markdown's stash)."""
    tags = []
    for match in STASHED.finditer(raw):
        kept = stashed(match.group(), stash)
        tag = _TAG_NAME.match(kept) if isinstance(kept, str) else None
        if tag is not None:
            tags.append((tag.group(1) or tag.group(2)).lower())
    return tags


def _slot_kind(slot: Slot, block: etree.Element, parents: dict[etree.Element, etree.Element]) -> str:
    """"linkable", "nolink" (in a `nolink:` span) or "other" (in code, a link, a heading…)."""
    element = _owner(slot, parents)
    while element is not None:
        if element.tag == "a" and element.get("href") == "nolink:" or NO_LINK_CLASS in (element.get("class") or "").split():
            return "nolink"
        if element.tag in NO_LINK_TAGS:
            return "other"
        if element is block:
            return "linkable"
        element = parents.get(element)
    return "other"


def explicit_target(href: str, index: EntityIndex) -> Target | None:
    scheme, _, _ = href.partition(":")
    return index.by_ref.get(href) if scheme in EXPLICIT_SCHEMES else None


def block_hits(block: Block, linker: Linker, index: EntityIndex, stash: Sequence[str] = ()) -> list[Hit]:
    """Surface forms and explicit links in a block, in reading order (`stash`: Python-Markdown's, for reading entities)."""
    parents = {child: parent for parent in block.element.iter() for child in parent}
    hits: list[Hit] = []
    for number, slot in enumerate(block.slots):
        if slot.attr == "text" and slot.element.tag == "a":
            target = explicit_target(slot.element.get("href", ""), index)
            if target is not None and _linkable(parents.get(slot.element), block.element, parents):
                hits.append(Hit(number, 0, 0, target, slot.element))
        raw = slot.get()
        if not raw or not _linkable(_owner(slot, parents), block.element, parents):
            continue
        for text, where in searched_texts(raw, stash):
            for found in linker.find(text):
                hit = _hit(number, where, found)
                if not (hits and hits[-1].slot == number and hit.start < hits[-1].end):  # (two names in one stashed piece: it is linked once)
                    hits.append(hit)
    return hits


def _hit(slot: int, where: Where, found: Found) -> Hit:
    if isinstance(where, int):
        return Hit(slot, where + found.start, where + found.end, found.target)
    (start, _), (last, end) = where[found.start], where[found.end - 1]
    return Hit(slot, start, end, found.target, last=last)


def number_mentions(blocks: list[Block], per_block_hits: list[list[Hit]]) -> list[list[Mention]]:
    """Give each hit its per-entity number and its place in reader text."""
    counts: Counter[str] = Counter()
    result = []
    for block_index, (block, hits) in enumerate(zip(blocks, per_block_hits)):
        mentions = []
        if not hits:
            result.append(mentions)
            continue
        position_of = getattr(block, "position_of", None)  # a fastreader block finds positions without a table
        reverse = {origin: position for position, origin in enumerate(block.origins)} if position_of is None else {}
        for hit in hits:
            counts[hit.target.ref] += 1
            start = position_of(hit.slot, hit.start) if position_of is not None else _reader_position(reverse, hit.slot, hit.start, block)
            if hit.explicit is not None:
                end = start + len("".join(hit.explicit.itertext()))
            else:  # just after where the form's last character reads (a wrapped name reads shorter than it is written)
                last = hit.last if hit.last >= 0 else hit.end - 1
                end = 1 + (position_of(hit.slot, last) if position_of is not None else _reader_position(reverse, hit.slot, last, block))
            mentions.append(Mention(hit.target, counts[hit.target.ref], block_index, start, end))
        result.append(mentions)
    return result


def _reader_position(reverse: dict[tuple[int, int], int], slot: int, offset: int, block: Block) -> int:
    """Reader-text index of a raw position (the next visible character if it was white space)."""
    for probe in range(offset, offset + 64):
        if (slot, probe) in reverse:
            return reverse[(slot, probe)]
    following = [position for (s, o), position in reverse.items() if s > slot]
    return min(following) if following else len(block.text)


LINKING = {"a": "href", "img": "src"}  # elements whose address an article's check reads, by the attribute that holds it


def written_links(elements: Iterable[etree.Element], written: Mapping[int, str]) -> list[str]:
    """The addresses of the links and images in `elements`, in order; as written where `written` (by `id(element)`) has them."""
    return [written.get(id(node), node.get(LINKING[node.tag], "")) for element in elements for node in element.iter() if node.tag in LINKING and not permalink(node)]


def unaddressed_links(elements: Iterable[etree.Element], written: Mapping[int, str], stash: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The links and images in `elements` with no address (`safehtml.no_address`), in order: each address as written, and its words.

    An image's words are its alternative text; `stash`: Python-Markdown's, so that a character reference reads as its character.
    """
    found = []
    for element in elements:
        for node in element.iter():
            if node.tag in LINKING and no_address(href := written.get(id(node), node.get(LINKING[node.tag], ""))):
                words = "".join(node.itertext()) if node.tag == "a" else node.get("alt", "")
                found.append((href, PLACEHOLDER.sub(lambda match: stashed_text(match.group(), stash), words)))
    return found


@dataclass(frozen=True)
class ArticleView:
    """What checking needs of an article's rendered Markdown: reader text per block, link targets, mentions."""

    blocks: tuple[str, ...]
    links: tuple[str, ...]
    mentions: tuple[Mention, ...]
    too_deep: bool = False  # the Markdown could not be read (nested too deeply)
    dropped: tuple[Dropped, ...] = ()  # what the page's sanitiser would take out
    split: tuple[SplitName, ...] = ()  # names that are not linked because formatting or `nolink:` cuts them
    unaddressed: tuple[tuple[str, str], ...] = ()  # links and images with no address, and their words (`unaddressed_links`)
    headings: frozenset[int] = frozenset()  # the blocks that are headings, by their place in `blocks`
    titles: tuple[int, ...] = ()  # the headings of level 1 (`# …`), whose place the brief's title has
    code_blocks: tuple[int, ...] = ()  # the blocks of code written indented (fenced code is kept aside as HTML, in no block)
    block_ids: tuple[tuple[int, str], ...] = ()  # (place in `blocks`, id) of each block that has one: a heading's (of its words, or `{#…}`), or one written `{: #…}`


def renumbered(numbered: Sequence[list[Mention]]) -> tuple[Mention, ...]:
    """Mentions of some blocks of a page (per block, in order) numbered as if those blocks were all of it."""
    counts: Counter[str] = Counter()
    mentions = []
    for block_index, block in enumerate(numbered):
        for mention in block:
            counts[mention.target.ref] += 1
            mentions.append(Mention(mention.target, counts[mention.target.ref], block_index, mention.start, mention.end))
    return tuple(mentions)


def article_view(
    elements: Sequence[etree.Element], links: Sequence[str], linker: Linker, index: EntityIndex, stash: Sequence[str] = (),
    blocks: Sequence[FastBlock] | None = None, numbered: Sequence[list[Mention]] | None = None, dropped: Sequence[Dropped] = (), unaddressed: Sequence[tuple[str, str]] = (),
) -> ArticleView:
    """An article's view from its rendered blocks (in document order) and link targets.

    `blocks` if known, and `numbered`: their mentions as numbered in a page that holds more (renumbered here).
    """
    if blocks is None:
        blocks = [read_block(element, stash) for element in elements]
    if numbered is None:
        numbered = number_mentions(list(blocks), [block_hits(block, linker, index, stash) for block in blocks])
    split = tuple(split_names(blocks, numbered, linker, stash))
    headings = frozenset(number for number, block in enumerate(blocks) if block.element.tag in HEADINGS)
    block_ids = tuple((number, block.element.get("id")) for number, block in enumerate(blocks) if block.element.get("id"))
    return ArticleView(
        tuple(block.text for block in blocks), tuple(links), renumbered(numbered), dropped=tuple(dropped), split=split, unaddressed=tuple(unaddressed),
        headings=headings, block_ids=block_ids, titles=tuple(number for number in sorted(headings) if blocks[number].element.tag == "h1"),
        code_blocks=tuple(number for number, block in enumerate(blocks) if block.element.tag == "pre"),
    )
