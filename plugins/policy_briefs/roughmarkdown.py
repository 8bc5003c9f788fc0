"""Markdown source read roughly, where a full parse is not needed: where code is, where HTML blocks are, and one left open."""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property

from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.htmlparser import htmlparser as markdown_htmlparser
from markdown.util import BLOCK_LEVEL_ELEMENTS

from .lenienthtml import LenientHTMLParser
from .safehtml import WORD_JOINER

FENCED = re.compile(r"\n[ \t]*(`{3,}|~{3,}).*?\n[ \t]*\1", re.DOTALL)  # from the line break before the fence
_BACKTICKS = re.compile("`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INDENTED = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")  # after a blank line: an indented code block
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # (one never closed is text to Python-Markdown)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where code spans are in `text`, as Python-Markdown (3.11) finds them, in order.

    From a backtick, its run of backticks opens one, which the next run of as many closes
    (within the paragraph: before a blank line). With none, the longest run after it closes it
    if shorter, the span then holding the backticks the opening has over it (`` ``x` `` holds
    `` `x ``). Else the run is text, and so are as many characters of the paragraph after it as it
    has backticks.
    Runs are looked up by length: no run is scanned twice.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for start, end in runs:
        by_length.setdefault(end - start, []).append(start)
    longest_first = sorted(by_length, reverse=True)
    run_starts = [start for start, _ in runs]
    blanks = _block_ends(text)
    spans, position = [], text.find("`")
    while position >= 0:
        if _escaped(text, position):  # (a backslash escapes it; two are a backslash, and it opens one)
            position = text.find("`", position + 1)
            continue
        run_end = runs[bisect_right(run_starts, position) - 1][1]
        blank = bisect_left(blanks, position)
        limit = blanks[blank] if blank < len(blanks) else len(text)
        close = _closing(run_end - position, run_end, limit, by_length, longest_first)
        if close is not None:
            spans.append((position, close))
        position = text.find("`", close if close is not None else min(2 * run_end - position, limit))
    return spans


def _escaped(text: str, position: int) -> bool:
    """Whether the character at `position` follows an odd number of backslashes."""
    before = position
    while before and text[before - 1] == "\\":
        before -= 1
    return (position - before) % 2 == 1


# Where a paragraph's text ends besides a blank line, as Python-Markdown reads one: at a line that is
# a block of its own, and after it: a heading (`#` first on the line) or a rule (three or more of one
# of `-`, `*`, `_`, each up to two spaces from the next). (Each written so a line is read one way.)
_RULE = r" {0,3}(?:-(?: {0,2}-){2,}|\*(?: {0,2}\*){2,}|_(?: {0,2}_){2,}) *"
_LINE_OF_ITS_OWN = re.compile(rf"^(?:#{{1,6}}[^\n]*|{_RULE})$", re.MULTILINE)


def _block_ends(text: str) -> list[int]:
    """Where the text of one block of Markdown ends and another's begins (a span never crosses one), in order.

    Besides blank lines and lines of their own, a setext heading's underline (`===`, `---`) under a
    block's first line ends its heading there.
    """
    ends = [match.start() for match in _BLANK_LINE.finditer(text)]
    starts = {0} | {match.end() for match in _BLANK_LINE.finditer(text)}
    for match in _LINE_OF_ITS_OWN.finditer(text):
        ends += [max(0, match.start() - 1), match.end()]
        starts.add(match.end() + 1)
    for match in _UNDERLINE.finditer(text):
        first = text.rfind("\n", 0, max(0, match.start() - 1)) + 1  # the line above it
        if match.start() > 0 and first in starts:
            ends += [match.start() - 1, match.end()]
    return sorted(ends)


_UNDERLINE = re.compile(r"^[=-]+ *$", re.MULTILINE)


def _closing(length: int, after: int, limit: int, by_length: dict[int, list[int]], longest_first: list[int]) -> int | None:
    """Where the run closing an opening of `length` backticks ends: the first run of as many after `after` (and before `limit`), else the longest if shorter."""
    for found in (length, *longest_first):
        starts = by_length.get(found, ())
        at = bisect_left(starts, after)
        if at < len(starts) and starts[at] < limit:
            return starts[at] + found if found <= length else None
    return None


def without_code_spans(text: str) -> str:
    """`text` with each code span (`code_spans`) a single space."""
    pieces, at = [], 0
    for start, end in code_spans(text):
        pieces += [text[at:start], " "]
        at = end
    return "".join(pieces) + text[at:]


def fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Where fenced code blocks are in `text`, in order: from the line break before the opening fence (if any) to the closing one's end."""
    if "```" not in text and "~~~" not in text:
        return []
    return [(max(0, match.start() - 1), match.end() - 1) for match in FENCED.finditer("\n" + text)]


def _code_in_raw_html(text: str) -> list[tuple[int, int]]:
    """Where a tag within a raw HTML block opens or closes nothing, in order: fenced blocks (read before raw HTML), and comments."""
    comments = [match.span() for match in _COMMENT.finditer(text)] if "<!--" in text else []
    fenced = [(start, end) for start, end in fenced_ranges(text) if not in_code(comments, start)]
    return sorted(fenced + [span for span in comments if not in_code(fenced, span[0])])


def _comment_left_open(text: str) -> int | None:
    """Where a `<!--` with no `-->` after it starts (None if there is none): within raw HTML, it runs to the end."""
    last_close = text.rfind("-->")
    opened = text.find("<!--", last_close + 3 if last_close >= 0 else 0)
    return opened if opened >= 0 else None


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Where code blocks, code spans and HTML comments are in `text` (what is written there is not the page's markup), in order."""
    ranges = fenced_ranges(text)
    for pattern, present in ((_INDENTED, "    " in text or "\t" in text), (_COMMENT, "<!--" in text)):
        if present:  # outside what is code already
            found = sorted(ranges)
            ranges += [match.span() for match in pattern.finditer(text) if not in_code(found, match.start())]
    if "`" in text:
        for start, end in ranges:  # a fence's backticks, or a comment's, are not a code span's
            text = text[:start] + " " * (end - start) + text[end:]
        ranges.extend(code_spans(text))
    return sorted(ranges)


def in_code(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is inside one of `ranges` (sorted and apart, as `code_ranges` and `html_block_ranges` give them)."""
    at = bisect_right(ranges, (position, float("inf"))) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]


_TAG_AT_LINE_START = re.compile(r"^ {0,3}<[A-Za-z]", re.MULTILINE)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


COMMENT_TAG = "!--"  # what `unclosed_html_block` names a comment left open


def only_comments(text: str) -> bool:
    """Whether `text` holds comments and nothing else (but the marks of a list or a quotation): what it makes shows nothing."""
    return "<!--" in text and not _BLOCK_MARKS.sub("", _COMMENT.sub("", text)).strip()


_BLOCK_MARKS = re.compile(r"^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)*", re.MULTILINE)  # a line's quotation and list item marks


def unclosed_html_block(text: str, block_tags: Iterable[str]) -> tuple[int, str] | None:
    """The first HTML block in `text` that is never closed, as (0-based line, tag); None if there is none.

    Python-Markdown reads a block-level tag at the start of a line as raw HTML up to the end of
    that element: one that is never closed takes the rest of the text with it. A comment left open
    is told as `COMMENT_TAG` on its `<!--` line, the page it is written into hiding everything after
    it: one in a block whose closing tag it hides, or one that is a block itself
    (`_comment_block_left_open`).
    """
    blocks = _html_blocks(text, block_tags)
    if blocks is None or blocks.unclosed is None:
        left_open = _comment_block_left_open(text, blocks.ranges if blocks is not None else [], frozenset(block_tags))
        return (text.count("\n", 0, left_open), COMMENT_TAG) if left_open is not None else None
    line, tag = blocks.unclosed
    left_open = blocks.comment_left_open
    if left_open is not None and left_open >= blocks.starts[line] and f"</{tag}" in text[left_open:].lower():
        return text.count("\n", 0, left_open), COMMENT_TAG
    return line, tag


def declaration_left_open(text: str, code: list[tuple[int, int]] | None = None) -> tuple[int, int | None, str] | None:
    """A document type or CDATA declaration opened at a line's start and not closed on its line: (where it opens, where a later line closes it, how it opens).

    Python-Markdown reads all between as raw HTML, which the page hides. One never closed (None where it
    closes) is text to Python-Markdown, but an article is read with the page's markup after it, which closes it.
    (`code`: `code_ranges(text)`, where already found.)
    """
    code = code_ranges(text) if code is None else code
    for match in _DECLARATION_OPENING.finditer(text):
        if in_code(code, match.start(1)):
            continue
        closer = "]]>" if match.group(1).startswith("<![") else ">"
        line_end = text.find("\n", match.end())
        if line_end < 0 or text.find(closer, match.end(), line_end) >= 0:
            continue
        closing = text.find(closer, line_end)
        return match.start(1), closing if closing >= 0 else None, match.group(1)
    return None


_DECLARATION_OPENING = re.compile(r"^ {0,3}(<!doctype|<!\[CDATA\[)", re.IGNORECASE | re.MULTILINE)


def reference_definitions(text: str, code: list[tuple[int, int]] | None = None) -> list[tuple[int, str, str]]:
    """Each link reference a text defines on a line of its own (`[label]: address "title"`): (where, the line as written, its address).

    Markdown shows none of these lines; a link written `[words][label]` takes its address. (Footnotes,
    `[^1]:`, are not among them; `code`: `code_ranges(text)`, where already found.)
    """
    apart = sorted((code_ranges(text) if code is None else code) + html_block_ranges(text, BLOCK_LEVEL_ELEMENTS))  # (text there is no reference)
    return [
        (match.start(), " ".join(match.group().split()), match.group("address").removeprefix("<").removesuffix(">"))
        for match in _REFERENCE_DEFINITION.finditer(text)
        if not in_code(apart, match.start()) and (not _LIST_MARK.search(match.group("marks")) or _may_start_a_list(text, match.start()))
    ]


_LIST_MARK = re.compile(r"(?:[-*+]|\d{1,9}\.)[ ]")
LIST_ITEM_LINE = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]")  # a line that begins a list's item (in a quotation too)


def _may_start_a_list(text: str, start: int) -> bool:
    """Whether a list's item may begin on the line at `start`: after a blank line or another item (in a paragraph, it is the paragraph's text)."""
    line_start = text.rfind("\n", 0, start)
    before = text[text.rfind("\n", 0, line_start) + 1 : line_start] if line_start > 0 else ""
    return not before.strip(" \t>") or bool(LIST_ITEM_LINE.match(before))


# As Python-Markdown reads one: the address alone on its line, or with a title in quotes or brackets
# after it (on the next line too); any other words after it make the line text. At a line's start, or
# a quotation's or a list item's (whose block it empties; `1.` numbers an item, `1)` does not).
_REFERENCE_DEFINITION = re.compile(
    r"""^(?P<marks>(?:[ ]{0,3}(?:>[ ]?|(?:[-*+]|\d{1,9}\.)[ ]+))*)[ ]{0,3}\[(?!\^)[^\[\]\n]+\]:[ ]*\n?[ ]*(?P<address>\S+)[ ]*(?:\n[ ]*)?(?:(["'])(?:.*)\2[ ]*|\((?:.*)\)[ ]*)?$""", re.MULTILINE,
)


_COMMENT_OPENING = re.compile(r"<!--")
_COMMENT_CLOSING = re.compile(r"--!?>")  # as Python-Markdown's reader of raw HTML closes a comment
# What makes the rest of its line raw HTML, at a line's start: a comment, a document type
# declaration, a CDATA declaration or processing instruction closed on that line (one left open
# there is text), or a tag with no content (a block-level one: void, as <hr>, or written as <div/>).
# Another `<!…>` is a bogus comment, read inline.
_RAW_LINE_START = re.compile(r" {0,3}(?:<!--|<!doctype|<!\[CDATA\[.*?\]\]>|<\?[^>]*>|<([a-z][a-z0-9]*)(?=[\s/>])[^<>]*?(/?)>)", re.IGNORECASE)
# A declaration, CDATA or processing instruction at a line's start, to its end (which may be on a later line).
_RAW_CONSTRUCT = re.compile(r"^ {0,3}(?:<!doctype[^>]*>|<!\[CDATA\[.*?\]\]>|<\?[^>]*>)", re.IGNORECASE | re.MULTILINE | re.DOTALL)


def _comment_block_left_open(text: str, raw_blocks: list[tuple[int, int]], block_tags: frozenset[str]) -> int | None:
    """Where a comment that Python-Markdown reads as a raw block is opened and never closed (None if none is).

    Python-Markdown sets fenced code aside (its fenced_code extension, which MkDocs always uses), then
    reads raw HTML: the first `<!--` it meets with no close after it takes the rest of the text. If
    that one opens a block (at the start of a line, after up to three spaces, or on a line that
    raw HTML starts (`_RAW_LINE_START`) or a raw HTML block closes on; a code span around it does
    not count), the rest is a comment: the page's own comments after the article close it, and the
    page hides what follows. Elsewhere, the rest is text as written.
    """
    if "<!--" not in text:
        return None
    fenced = _fenced_code(text)
    openings = [match.start() for match in _COMMENT_OPENING.finditer(text) if not in_code(fenced, match.start())]
    opened = set(openings)
    closes = [
        match.start() for match in _COMMENT_CLOSING.finditer(text)
        if not in_code(fenced, match.start()) and match.start() - 2 not in opened and match.start() - 3 not in opened  # (not `<!-->` or `<!--->`)
    ]
    after = closes[-1] if closes else -1
    position = next((opening for opening in openings if opening > after), None)
    if position is None:
        return None
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    at_start = not before.strip(" ") and len(before) <= 3  # (a tab indents code)
    constructs = [match.end() for match in _RAW_CONSTRUCT.finditer(text, 0, position) if not in_code(fenced, match.start())]
    return position if at_start or _raw_line(before, block_tags) or any(line_start <= end <= position for end in [*(end for _, end in raw_blocks), *constructs]) else None


def _raw_line(before: str, block_tags: frozenset[str]) -> bool:
    """Whether a line that starts with `before` is raw HTML from its start on, to Python-Markdown."""
    start = _RAW_LINE_START.match(before)
    if start is None or start.group(1) is None:
        return start is not None
    tag = start.group(1).lower()
    return tag in block_tags and (tag in _VOID or start.group(2) == "/")


def html_block_ranges(text: str, block_tags: Iterable[str]) -> list[tuple[int, int]]:
    """Where Python-Markdown reads `text` as raw HTML blocks: from the line a block-level tag opens on to its closing tag, in order.

    Blank lines within the element do not end it; one never closed runs to the end.
    """
    blocks = _html_blocks(text, block_tags)
    if blocks is None:
        return []
    return blocks.ranges + ([(blocks.starts[blocks.stack[0][1]], len(text))] if blocks.stack else [])


def _html_blocks(text: str, block_tags: Iterable[str]) -> _HtmlBlocks | None:
    if not _TAG_AT_LINE_START.search(text):
        return None
    blocks = _HtmlBlocks(text, frozenset(block_tags) - _VOID)
    blocks.feed(text)
    blocks.close()
    return blocks


class _HtmlBlocks(LenientHTMLParser):
    def __init__(self, text: str, block_tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.block_tags = block_tags
        self.text = text
        self.lines = [line + "\n" for line in text.split("\n")]  # (as `getpos` counts lines: not at U+2028 or a form feed)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.code = code_ranges(text)
        self.stack: list[tuple[str, int]] = []  # the open elements of the raw block being read, outermost first
        self.ranges: list[tuple[int, int]] = []  # the raw blocks read and closed: from their first line's start to their closing tag's end

    @property
    def unclosed(self) -> tuple[int, str] | None:
        return (self.stack[0][1], self.stack[0][0]) if self.stack else None

    @cached_property
    def in_raw(self) -> list[tuple[int, int]]:
        """`_code_in_raw_html`, found once a raw block is open (most articles open none)."""
        return _code_in_raw_html(self.text)

    @cached_property
    def comment_left_open(self) -> int | None:
        return _comment_left_open(self.text)

    def _in_code(self, line: int, column: int) -> bool:
        """Whether a tag is written in code or a comment: within a raw block, only in a fenced block or a comment (one left open in it runs to the end)."""
        position = self.starts[line - 1] + column
        if not self.stack:
            return in_code(self.code, position)
        left_open = self.comment_left_open
        return in_code(self.in_raw, position) or left_open is not None and self.starts[self.stack[0][1]] <= left_open <= position

    def handle_starttag(self, tag: str, attrs: list) -> None:
        line, column = self.getpos()
        if tag in _VOID or self._in_code(line, column):
            return
        if self.stack or (tag in self.block_tags and column <= 3 and not self.lines[line - 1][:column].strip()):
            self.stack.append((tag, line - 1))

    def handle_endtag(self, tag: str) -> None:
        line, column = self.getpos()
        if self._in_code(line, column):
            return
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                if depth == 0:  # (what follows the closing tag on its line is Markdown again)
                    closed = self.text.find(">", self.starts[line - 1] + column) + 1 or len(self.text)
                    self.ranges.append((self.starts[self.stack[0][1]], closed))
                del self.stack[depth:]
                break


class _Text(LenientHTMLParser):
    """Raw HTML's text by line: a reference read in place (a `&#10;` is no line break of the source), a tag as a space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.lines: dict[int, list[str]] = {}

    def _add(self, text: str) -> None:
        self.lines.setdefault(self.getpos()[0] - 1, []).append(text)

    def handle_data(self, data: str) -> None:
        line = self.getpos()[0] - 1
        for number, text in enumerate(data.split("\n")):
            self.lines.setdefault(line + number, []).append(text)

    def handle_entityref(self, name: str) -> None:
        self._add(html.unescape(f"&{name};").replace("\n", " "))

    def handle_charref(self, name: str) -> None:
        self._add(html.unescape(f"&#{name};").replace("\n", " "))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        self._add(" ")


def html_text(text: str) -> list[tuple[int, str]]:
    """The text of raw HTML, its tags left out and its character references read, as (0-based line, text on it) in order."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    return [(line, "".join(pieces)) for line, pieces in sorted(parser.lines.items())]


def unreadable_marked_sections(text: str) -> list[int]:
    """Where each `<![` starts that would stop MkDocs' build, in order.

    MkDocs reads a page's Markdown, all but its fenced code, with Python's HTML parser to find the
    ids of raw HTML (as Python-Markdown's copy of it, this class). Before Python 3.13 that parser
    raises an error at a `<![` not followed by CDATA[ or a keyword of a marked section, as
    `<![x]>`, in code spans and text alike.
    """
    found: list[int] = []
    while (at := _first_unreadable(marked_sections_readable(text, found))) is not None:
        found.append(at - len(found))  # (each one before it was made readable by one character)
    return found


def _first_unreadable(text: str) -> int | None:
    if "<![" not in text:
        return None
    for start, end in _fenced_code(text):
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    parser = markdown_htmlparser.HTMLParser()
    try:
        # (Python-Markdown expands tabs first: no `<![` is in them. The page goes on after the article.)
        parser.feed(text.replace("\t", " ") + "\n\n.")
        parser.close()
    except AssertionError:  # (raised at the `<![`, or at the name after it)
        line, column = parser.getpos()
        reached = sum(len(before) + 1 for before in text.split("\n")[: line - 1]) + column
        at = text.rfind("<![", 0, reached + 3)
        return at if at >= 0 else None
    return None


_MARKED_SECTION = re.compile(r"<!\[[^\s<>]{0,20}>?")
MARKED_SECTION_HINT = "write &lt;![ in text; in code, only a fenced code block can show it"


def unreadable_message(text: str, position: int) -> str:
    """What a problem says of the `<![` at `position` that MkDocs cannot read."""
    written = _MARKED_SECTION.match(text, position).group()
    return f"MkDocs cannot read '{written}' (after <![ it knows only CDATA[ and a few keywords): it would stop the build"


def _fenced_code(text: str) -> list[tuple[int, int]]:
    """Where fenced code is, as Python-Markdown's fenced_code finds it (set aside before raw HTML is read)."""
    return [match.span() for match in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(text)] if "```" in text or "~~~" in text else []


def marked_sections_readable(text: str, positions: list[int] | None = None) -> str:
    """`text` with a word joiner (shown as nothing) after the `<` of each `<![` that would stop MkDocs' build (at `positions`, if known)."""
    for at in reversed(unreadable_marked_sections(text) if positions is None else positions):
        text = f"{text[: at + 1]}{WORD_JOINER}{text[at + 1 :]}"
    return text


_ITEM_LINE = re.compile(r"(?P<indent>[ ]*)(?:[-*+]|\d{1,9}\.)[ \t]+\S")


# Markdown or HTML in a text the pages show as plain text: emphasis in pairs of asterisks, a link, a
# tag, a character reference. (Underscores and backquotes are left alone: a handle such as @_asean_,
# or a transliteration's `Ali, is written with them.)
_MARKUP_IN_PLAIN = re.compile(
    r"(?<![\w*])(\*\*?)(?=\S)[^*\n]*?(?<=\S)\1(?![\w*])"
    r"|\[[^\[\]\n]+\]\([^()\s]*\)|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
)


def markup_in_plain(text: str) -> str | None:
    """The first Markdown or HTML in a plain text, as written (a page shows it so): `*Moscow*`, `<b>`, `&amp;`."""
    found = _MARKUP_IN_PLAIN.search(text) if any(mark in text for mark in "*[<&") else None
    return found.group() if found is not None else None


_RULE_LINE = re.compile(_RULE + "$")  # a line across the page
QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")  # a quotation's marks at a line's start


def lists_in_paragraphs(text: str, code: list[tuple[int, int]] | None = None) -> list[int]:
    """Where a list starts on the line right after a paragraph's, which Python-Markdown reads as the paragraph's text, marks and all.

    A list is taken to be meant where two items follow the paragraph, or one follows a line that ends
    with a colon ("three points:"): a line of a paragraph may start with a number and a full stop.
    Not in a list's own paragraphs, nor in code (found only if a list may be meant).
    """
    found = _unmarked_lists(text) if _ANY_ITEM.search(text) else []  # (most articles: no line that starts an item)
    if not found:
        return []
    code = code_ranges(text) if code is None else code
    return [start for start in found if not in_code(code, start)]


def _unmarked_lists(text: str) -> list[int]:
    found, paragraph, at = [], [], 0  # paragraph: its lines so far (none after a blank line)
    written = text.split("\n")
    lines = [QUOTE_MARKS.sub("", line) for line in written] if ">" in text else written  # (in a quotation, its lines less its marks)
    for number, line in enumerate(lines):
        item = _MEANT_ITEM.match(line) is not None and not _RULE_LINE.match(line)
        if item and paragraph and not any(_ITEM_LINE.match(before) for before in paragraph) and _text_line(paragraph[-1]):
            following = number + 1 < len(lines) and _MEANT_ITEM.match(lines[number + 1]) is not None
            if following or paragraph[-1].rstrip().endswith(":"):
                found.append(at)
        paragraph = [*paragraph, line] if line.strip() else []
        at += len(written[number]) + 1
    return found


def lists_of_another_kind(text: str, code: list[tuple[int, int]] | None = None) -> list[int]:
    """Where a list of the other kind (numbered, or not) starts right under a list's item, with no blank line between.

    Markdown reads it as the list above goes on: one list of the first kind, or (with the sane_lists
    extension) more of its last item's text, marks and all. Not in code (found only if a list may be one).
    """
    found, last, at = [], None, 0  # last: the kind and indentation of the paragraph's last item (None after a blank line)
    if not (_ANY_ITEM.search(text) and _ANY_NUMBERED_ITEM.search(text)):  # (both kinds, or none to tell)
        return []
    for line in text.split("\n"):
        item = _MEANT_ITEM.match(line) if not _RULE_LINE.match(line) else None
        if item is not None:
            kind, indent = line.lstrip(" ")[:1].isdigit(), len(line) - len(line.lstrip(" "))
            if last is not None and last != (kind, indent) and last[1] == indent:
                found.append(at)
            last = (kind, indent)
        elif not line.strip():
            last = None
        at += len(line) + 1
    if not found:
        return []
    code = code_ranges(text) if code is None else code
    return [start for start in found if not in_code(code, start)]


# An item of a list meant: a number of a list's item has no more than 3 digits (a line of a paragraph
# may start with a year and a full stop).
_MEANT_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S")
_ANY_ITEM = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,3}\.)[ \t]+\S", re.MULTILINE)  # one anywhere, found in one search
_ANY_NUMBERED_ITEM = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*\d{1,3}\.[ \t]+\S", re.MULTILINE)
_REFERENCE_START = re.compile(r" {0,3}\[[^\[\]\n]+\]:")  # a link reference's definition, which Markdown reads at any indentation under 4


def _text_line(line: str) -> bool:
    """Whether a line is a paragraph's text: not a heading's (or its underline), a table's, a quotation's, a reference's, raw HTML or indented code."""
    stripped = line.lstrip(" ")
    return (
        len(line) - len(stripped) < 4 and not stripped.startswith(("#", "|", ">", "<", "\t"))
        and not _UNDERLINE.match(line) and not _REFERENCE_START.match(line)
    )


def shallow_in_lists(text: str, code: list[tuple[int, int]] | None = None) -> list[int]:
    """Where a line is indented 1 to 3 spaces to belong to the list item above it, which Python-Markdown reads
    at 4: an item nested under another, or a paragraph after a blank line (the list ends before it). Its start, once per run.

    Code is found only if a line may be one: read as text, code finds every line it would, and more.
    """
    if not _shallow_lines(text, None):
        return []
    return _shallow_lines(text, code_ranges(text) if code is None else code)


def _shallow_lines(text: str, code: list[tuple[int, int]] | None) -> list[int]:
    """`shallow_in_lists`, code (`code_ranges`) left out of the lists where known."""
    found, item, blank, at, told = [], None, False, 0, False
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        listed = _ITEM_LINE.match(line)
        if not line.strip():
            blank = True
        elif code is not None and in_code(code, at):
            item, blank, told = None, False, False
        else:
            nested = item is not None and 0 < indent < 4 and indent > item and (listed is not None or blank) and not _REFERENCE_START.match(line)
            if nested and not told:
                found.append(at)
            told = nested
            if listed is not None and not nested:
                item = indent
            elif not listed and indent == 0 and blank:
                item = None  # (a paragraph of its own: the list is over)
            blank = False
        at += len(line) + 1
    return found
