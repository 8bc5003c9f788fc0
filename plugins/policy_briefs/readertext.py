"""The text of a rendered Markdown document as a reader sees it, block by block.

Works on Python-Markdown's element tree, so the same code finds quotes when
content is checked and places highlights when the site is built.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import markdown

from .lenienthtml import LenientHTMLParser

BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "pre", "summary"})
CONTAINER_TAGS = frozenset({"ul", "ol", "dl", "table", "thead", "tbody", "tr", "blockquote", "div", "details", "figure"})
# Text Python-Markdown and its extensions keep aside until after tree processing, each between STX and
# ETX: raw HTML (stashed: `wzxhzdk:<n>`), escapes, and others such as the footnotes' no-break space.
PLACEHOLDER = re.compile("\x02[^\x02\x03]*\x03")
STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")  # a placeholder of Python-Markdown's stash (`stashed`)
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
_WHITESPACE = re.compile(r"\s+")
MARKER_CLASS = "pb-marker"  # the button after a highlighted passage
# What holds the marker to the passage's last word: a word joiner and the button, kept on one line.
MARKER_GLUE_CLASS = "pb-marker-glue"
# Elements by tag and class that are not the article's words: a note's marker, the toc's permalink
# (¶), the footnotes extension's number of a footnote and its link back (↩).
_NOT_READ = {"span": frozenset({MARKER_GLUE_CLASS}), "button": frozenset({MARKER_CLASS}), "a": frozenset({"headerlink", "footnote-ref", "footnote-backref"})}
CODE_ESCAPE = re.compile("&(?:amp|lt|gt);")  # how Python-Markdown keeps &, < and > in the text of code
CHARACTER_REFERENCE = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);"  # as Python-Markdown's entity pattern finds them
_ENTITY = re.compile(CHARACTER_REFERENCE)
_CODE_PIECE = re.compile(f"{CODE_ESCAPE.pattern}|{PLACEHOLDER.pattern}")  # in code: an escape, or what an extension stashed


_QUOTE_PAIRS = tuple((chr(source), target) for source, target in QUOTE_MARKS.items())


def normalize(text: str) -> str:
    """Typographic quotes as straight ones; code point for code point.

    Replaces only the marks the text holds: much faster than `str.translate` on typographic text.
    """
    for source, target in _QUOTE_PAIRS:
        if source in text:
            text = text.replace(source, target)
    return text


def collapse(text: str) -> str:
    """White space runs as one space (the contract's matching rule)."""
    return _WHITESPACE.sub(" ", text)


@dataclass
class Slot:
    """Where a text run lives: `element.text` or `element.tail`."""

    element: etree.Element
    attr: str  # "text" or "tail"
    code: bool = False  # text of code (kept with &, < and > escaped)

    def get(self) -> str:
        return getattr(self.element, self.attr) or ""


@dataclass
class Block:
    """One paragraph-like element, its reader text and where each character came from."""

    element: etree.Element
    text: str
    origins: list[tuple[int, int]]  # per character of `text`: (slot index, offset in slot)
    slots: list[Slot]


def iter_blocks(root: etree.Element) -> Iterator[etree.Element]:
    """Paragraph-like elements in document order (never nested in one another)."""
    for child in root:
        if child.tag in BLOCK_TAGS:
            yield child
            yield from iter_blocks(child)  # a list item may hold nested lists
        elif child.tag in CONTAINER_TAGS or child.tag == "section":
            yield from iter_blocks(child)


def _slots(block: etree.Element, code: bool = False) -> list[Slot]:
    """Text runs of a block in reading order, skipping nested blocks, note markers and headings' permalinks (not the article's words)."""
    code = code or block.tag == "code"
    slots = [Slot(block, "text", code)]
    for child in block:
        if child.tag in BLOCK_TAGS or child.tag in CONTAINER_TAGS or child.tag in _NOT_READ and not _NOT_READ[child.tag].isdisjoint(child.get("class", "").split()):
            slots.append(Slot(child, "tail", code))
            continue
        slots.extend(_slots(child, code))
        slots.append(Slot(child, "tail", code))
    return slots


def read_block(element: etree.Element, stash: Sequence[str] = ()) -> Block:
    """Collapse a block's text runs into reader text, remembering each character's origin.

    `stash` is Python-Markdown's stash of raw HTML, so that character entities read as characters.
    """
    slots = _slots(element)
    chars: list[str] = []
    origins: list[tuple[int, int]] = []
    pending_space: tuple[int, int] | None = None
    for index, slot in enumerate(slots):
        raw = slot.get()
        for offset, char in _visible_chars(raw, stash, slot.code):
            if char.isspace():
                if chars and pending_space is None:
                    pending_space = (index, offset)
                continue
            if pending_space is not None:
                chars.append(" ")
                origins.append(pending_space)
                pending_space = None
            chars.append(char)
            origins.append((index, offset))
    return Block(element, "".join(chars), origins, slots)


def _visible_chars(raw: str, stash: Sequence[str], code: bool = False) -> Iterator[tuple[int, str]]:
    """Characters of a text run, each with its offset (see `pieces`)."""
    for base, text, stashed in pieces(raw, stash, code):
        if text is None:
            yield from ((base, char) for char in stashed)
        else:
            yield from ((base + offset, char) for offset, char in enumerate(text))


def pieces(raw: str, stash: Sequence[str], code: bool = False) -> list[tuple[int, str | None, str]]:
    """A text run in pieces: (offset, text, "") for plain text; (offset, None, characters) for a placeholder.

    A placeholder reads as `stashed_text`. In code (`code`), an escaped &, < or > is such a piece
    too, read as that character.
    """
    pattern = _CODE_PIECE if code else PLACEHOLDER
    if "\x02" not in raw and not (code and "&" in raw):
        return [(0, raw, "")]
    found: list[tuple[int, str | None, str]] = []
    position = 0
    for match in pattern.finditer(raw):
        if match.start() > position:
            found.append((position, raw[position : match.start()], ""))
        token = match.group()
        found.append((match.start(), None, html.unescape(token) if token[0] == "&" else stashed_text(token, stash)))
        position = match.end()
    if position < len(raw):
        found.append((position, raw[position:], ""))
    return found


def stashed(placeholder: str, stash: Sequence[object]) -> object | None:
    """What Python-Markdown's stash keeps for a placeholder (HTML, or an element an extension parsed); None if it keeps none."""
    match = STASHED.fullmatch(placeholder)
    return stash[int(match.group(1))] if match is not None and int(match.group(1)) < len(stash) else None


def stashed_text(placeholder: str, stash: Sequence[object]) -> str:
    """What a placeholder reads as: an entity's character(s); a new line for a line break (`<br>`); the text of inline markup an extension stashed; else nothing."""
    kept = stashed(placeholder, stash)
    if not isinstance(kept, str) or not kept:
        return ""
    if _ENTITY.fullmatch(kept):
        return html.unescape(kept)
    return LINE_BREAK if _LINE_BREAK_TAG.fullmatch(kept) else _inline_text(kept)


LINE_BREAK = "\n"  # what a `<br>` written in the source reads as: it parts words, as a page shows it
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


class _InlineText(LenientHTMLParser):
    """The text of some HTML, and whether all its elements are inline ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.inline = True

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.inline = self.inline and tag in _INLINE_TAGS

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.inline = False  # an image or a line break: not text

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_INLINE_TAGS = frozenset({"code", "sup", "sub", "span", "em", "strong", "b", "i", "abbr", "kbd", "mark", "small", "s", "del", "ins", "u", "q", "cite", "var", "samp"})


@functools.lru_cache(maxsize=1024)
def _inline_text(markup: str) -> str:
    """The text of stashed inline markup that holds text (`21<sup>st</sup>` from smartsymbols, inline code
    from inlinehilite); nothing for a tag alone (raw HTML is stashed a tag at a time), a comment or block HTML."""
    if markup.lstrip().startswith("<!"):  # a comment (or declaration), which Python's parser may end sooner than a browser does (`-- >`)
        return ""
    parser = _InlineText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    return text if parser.inline and text.strip() else ""


# Where each character of a searched text is in its run: an offset (the text is raw text as it
# is, from there), or per character its raw start and end (a stashed text's characters: its placeholder).
Where = int | list[tuple[int, int]]


def searched_texts(raw: str, stash: Sequence[str]) -> list[tuple[str, Where]]:
    """A text run as names are looked for in it: what it reads as (`pieces`), split where stashed HTML reads as nothing.

    So a name is found across an entity (`R&amp;D`, `O&rsquo;Neill` from the smarty extension) or an
    extension's inline text (smartsymbols' `21<sup>st</sup>`), never across a tag (a `<br>` either).
    """
    if "\x02" not in raw:
        return [(raw, 0)]
    found: list[tuple[str, Where]] = []
    texts: list[tuple[int, str | None, str]] = []
    for piece in pieces(raw, stash):
        if piece[1] is None and piece[2] in ("", LINE_BREAK):  # stashed HTML read as nothing or a line break (a tag): ends the text before it
            found.extend(_joined(raw, texts))
            texts = []
        else:
            texts.append(piece)
    found.extend(_joined(raw, texts))
    return found


def _joined(raw: str, texts: list[tuple[int, str | None, str]]) -> list[tuple[str, Where]]:
    if not texts:
        return []
    if len(texts) == 1 and texts[0][1] is not None:
        return [(texts[0][1], texts[0][0])]
    where: list[tuple[int, int]] = []
    for offset, text, stashed in texts:
        if text is not None:
            where.extend((offset + at, offset + at + 1) for at in range(len(text)))
        else:
            end = raw.index("\x03", offset) + 1
            where.extend((offset, end) for _ in stashed)
    return [("".join(text if text is not None else stashed for _, text, stashed in texts), where)]


def without_markup(raw: str, start: int, end: int, stash: Sequence[str]) -> list[tuple[int, int]]:
    """raw[start:end] as ranges that leave out its placeholders of raw HTML (a tag read as nothing)."""
    ranges, position = [], start
    for match in PLACEHOLDER.finditer(raw, start, end):
        if not stashed_text(match.group(), stash):
            if match.start() > position:
                ranges.append((position, match.start()))
            position = match.end()
    if end > position:
        ranges.append((position, end))
    return ranges


def raw_end(raw: str, offset: int, code: bool = False) -> int:
    """End of the raw text behind the character at `offset` (a whole placeholder, or escape in code, if one starts there)."""
    if raw.startswith("\x02", offset):
        return raw.index("\x03", offset) + 1
    escape = CODE_ESCAPE.match(raw, offset) if code else None
    return escape.end() if escape else offset + 1


def abbreviations(md: markdown.Markdown) -> Mapping[str, str]:
    """The abbr extension's abbreviations (word: title) in this conversion, if it is on."""
    return getattr(md.treeprocessors["abbr"], "abbrs", {}) if "abbr" in md.treeprocessors else {}


@dataclass(frozen=True)
class Unwrapped:
    """An abbreviation taken out of the tree: the text run its word is in now, where, and its title."""

    element: etree.Element
    attr: str
    start: int
    end: int
    title: str


def unwrap_abbreviations(root: etree.Element, known: Mapping[str, str]) -> list[Unwrapped]:
    """Take out the abbr extension's `<abbr>` elements (of `known`) in paragraph-like blocks, their text left in place.

    So a name may run across one: `ASEAN Regional Forum` is one name, whether or not ASEAN is an
    abbreviation. What was taken out, in order, to be wrapped again once the page's links are made.
    """
    if not known:
        return []
    found: dict[int, tuple[etree.Element, etree.Element]] = {}
    for block in iter_blocks(root):
        for parent in block.iter():
            for child in parent:
                if child.tag == "abbr" and not len(child) and known.get(child.text or "") == child.get("title"):
                    found.setdefault(id(child), (parent, child))
    return [_unwrap(parent, child) for parent, child in found.values()]  # in order: each text joins the run before it


def _unwrap(parent: etree.Element, child: etree.Element) -> Unwrapped:
    position = list(parent).index(child)
    holder, attr = (parent[position - 1], "tail") if position else (parent, "text")
    before, text = getattr(holder, attr) or "", child.text or ""
    setattr(holder, attr, before + text + (child.tail or ""))
    parent.remove(child)
    return Unwrapped(holder, attr, len(before), len(before) + len(text), child.get("title", ""))


class _Capture(markdown.treeprocessors.Treeprocessor):
    def run(self, root: etree.Element) -> None:
        unwrap_abbreviations(root, abbreviations(self.md))
        self.md.reader_blocks = [read_block(element, self.md.htmlStash.rawHtmlBlocks) for element in iter_blocks(root)]  # type: ignore[attr-defined]
        self.md.link_targets = [a.get("href", "") for a in root.iter("a") if not permalink(a)]  # type: ignore[attr-defined]


def permalink(element: etree.Element) -> bool:
    """Whether an element is a heading's permanent link, which the toc extension adds: no link the article writes."""
    return element.tag == "a" and "headerlink" in (element.get("class") or "").split()


class _CaptureExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_Capture(md), "policy-briefs-capture", -20)


@dataclass(frozen=True)
class ReaderView:
    """What checking needs of a rendered article: block texts and link targets."""

    blocks: tuple[str, ...]
    links: tuple[str, ...]
    elements: tuple[Block, ...] = ()  # the blocks with their tree, for finding mentions


def read_markdown(source: str, extensions: list | None = None, extension_configs: dict | None = None) -> ReaderView:
    """Render Markdown and return the reader text of each block, and every link target."""
    md = markdown.Markdown(extensions=[*(extensions or []), _CaptureExtension()], extension_configs=extension_configs or {})
    md.convert(source)  # runs no tree processor for an empty text
    blocks = tuple(getattr(md, "reader_blocks", ()))
    return ReaderView(tuple(block.text for block in blocks), tuple(getattr(md, "link_targets", ())), blocks)
