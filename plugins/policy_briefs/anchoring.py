"""Finding annotation quotes in reader text (W3C TextQuoteSelector semantics)."""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from markdown.util import BLOCK_LEVEL_ELEMENTS

from .entities import TYPOGRAPHIC
from .readertext import collapse, normalize
from .roughmarkdown import code_ranges, fenced_ranges, html_block_ranges, html_text, in_code

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Selector:
    """What an annotation targets: an exact passage, optionally with context."""

    quote: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def of(cls, quote: str, prefix: str | None = None, suffix: str | None = None) -> Selector:
        """A selector with the contract's white-space and quote-mark rules applied."""
        return cls(normalize(collapse(quote.strip())), normalize(collapse(prefix or "")), normalize(collapse(suffix or "")))

    def in_form(self, form: str) -> Selector:
        """The selector in a Unicode normal form (`NFC`: accents joined to their letters; `NFD`: apart), as text pasted from elsewhere may be written."""
        return Selector(*(unicodedata.normalize(form, text) for text in (self.quote, self.prefix, self.suffix)))

    def printed(self) -> Selector:
        """The selector as the page prints what Markdown source holds: references as characters, and marks as the
        smarty and smartsymbols extensions print them (`--` as –, `...` as …, `(c)` as ©)."""
        return Selector(*(normalize(collapse(_PRINTABLE.sub(_printed_mark, html.unescape(text)))) for text in (self.quote, self.prefix, self.suffix)))


# Typed marks, longest first, less the straight quote (reader text is matched with its quote marks
# made straight); and fractions and c/o as smartsymbols prints them, standing alone.
_FRACTIONS = {  # and care of
    "c/o": "℅", "1/4": "¼", "1/2": "½", "3/4": "¾", "1/3": "⅓", "2/3": "⅔", "1/5": "⅕", "2/5": "⅖", "3/5": "⅗", "4/5": "⅘",
    "1/6": "⅙", "5/6": "⅚", "1/8": "⅛", "3/8": "⅜", "5/8": "⅝", "7/8": "⅞",
}
_PRINTABLE = re.compile("|".join(
    [re.escape(typed) for typed in TYPOGRAPHIC if typed != '"'] + [rf"(?<![\w/]){re.escape(typed)}(?![\w/])" for typed in _FRACTIONS]
))


def _printed_mark(match: re.Match[str]) -> str:
    typed = match.group()
    return _FRACTIONS[typed] if typed in _FRACTIONS else TYPOGRAPHIC[typed][0]


@dataclass(frozen=True)
class Anchor:
    """A matched passage: code point offsets into the article's reader text."""

    block: int
    start: int  # in the whole text (blocks joined by a blank line)
    end: int
    block_start: int  # in the block's own text
    block_end: int


@dataclass(frozen=True)
class Occurrence:
    block: int
    start: int  # in the block's text
    end: int


@dataclass(frozen=True)
class Closest:
    """The passage most like a quote that matched nowhere."""

    text: str
    block: int
    similarity: float


def occurrences(selector: Selector, blocks: Sequence[str]) -> list[Occurrence]:
    """Every place the selector matches, prefix and suffix included."""
    found = []
    for index, text in enumerate(blocks):
        haystack = normalize(text)
        start = haystack.find(selector.quote)
        while start != -1:
            end = start + len(selector.quote)
            if haystack[:start].endswith(selector.prefix) and haystack.startswith(selector.suffix, end):
                found.append(Occurrence(index, start, end))
            start = haystack.find(selector.quote, start + 1)
    return found


def anchor_at(occurrence: Occurrence, blocks: Sequence[str]) -> Anchor:
    """Turn one occurrence into offsets in the joined reader text."""
    before = sum(len(text) + len(BLOCK_SEPARATOR) for text in blocks[: occurrence.block])
    return Anchor(occurrence.block, before + occurrence.start, before + occurrence.end, occurrence.start, occurrence.end)


def closest_passage(quote: str, blocks: Sequence[str], beat: float = -1.0) -> Closest | None:
    """The run of words most similar to `quote`, for a 'did you mean' hint (None if none is more similar than `beat`).

    Runs are compared by `SequenceMatcher.ratio`, which takes time as the product of their lengths: only
    the `COMPARED_RUNS` runs that share the most words with the quote are compared (in a long article most
    runs share most characters with any quote, and comparing each would take seconds), in the order of a
    bound on the ratio that is cheap to find for every run (its `quick_ratio`, from the characters two runs
    share): once the bound falls below the best ratio found, no run is left to try. Of the runs compared
    as similar as the most similar, the first.
    """
    target = normalize(collapse(quote.strip()))
    runs = [
        (-shared, -bound, index, first, last)
        for index, text in enumerate(blocks)
        for first, last, bound, shared in _window_bounds(normalize(text).split(" "), target)
    ]
    runs = sorted(sorted(runs)[:COMPARED_RUNS], key=lambda run: run[1:])
    best: tuple[float, tuple[int, int], int] | None = None  # its ratio, (block, first word), last word
    for _, negative, index, first, last in runs:
        floor = best[0] if best is not None else beat
        if -negative < floor:
            break
        if -negative == floor and (best is None or (index, first) > best[1]):
            continue  # as similar at most, and not before it
        ratio = SequenceMatcher(None, target, normalize(" ".join(blocks[index].split(" ")[first:last])), autojunk=False).ratio()
        if ratio > floor or best is not None and ratio == floor and (index, first) < best[1]:
            best = (ratio, (index, first), last)
    if best is None:
        return None
    ratio, (index, first), last = best
    return Closest(" ".join(blocks[index].split(" ")[first:last]), index, ratio)


COMPARED_RUNS = 64  # of an article's runs of words, the most that a quote is compared with character for character


def _window_bounds(words: list[str], target: str) -> list[tuple[int, int, float, int]]:
    """Each run of whole words about as long as `target` (`words[first:last]`, from each word to the end), its `quick_ratio` with it, and how many of its words `target` has.

    A run is the fewest words from its first that are at least as long as `target` (the last run, fewer).
    Its characters and words are counted as the run slides on, word by word.
    """
    characters, words_shared = _SharedCount(target), _SharedCount(target.split(" "))
    runs = []
    last, size = 0, -1  # the run is words[first:last], `size` characters long (-1: none)
    for first in range(len(words)):
        while last < len(words) and size < len(target):
            characters.count(words[last] if last == first else " " + words[last], 1)
            words_shared.count((words[last],), 1)
            size += len(words[last]) + 1
            last += 1
        total = size + len(target)
        runs.append((first, last, 2.0 * characters.shared / total if total else 1.0, words_shared.shared))
        if size < len(target):
            break
        characters.count(words[first] if last == first + 1 else words[first] + " ", -1)
        words_shared.count((words[first],), -1)
        size -= len(words[first]) + 1
    return runs


class _SharedCount:
    """How many of a sliding run's items (characters, or words) a target has, each as often as the target has it."""

    def __init__(self, target: Iterable[str]) -> None:
        self.need: dict[str, int] = {}
        for item in target:
            self.need[item] = self.need.get(item, 0) + 1
        self.have: dict[str, int] = {}
        self.shared = 0

    def count(self, items: Iterable[str], step: int) -> None:
        """Items come into the run (`step` 1) or leave it (-1)."""
        need, have = self.need, self.have
        for item in items:
            wanted = need.get(item, 0)
            if step > 0:
                self.shared += have.get(item, 0) < wanted
                have[item] = have.get(item, 0) + 1
            else:
                have[item] -= 1
                self.shared -= have[item] < wanted


# What Markdown may write between two words of reader text besides white space: emphasis and other
# marks, a link's brackets and address, a reference, an inline tag.
_MARKUP = r"(?:[*_~=^`!\[\]]|\]\([^)\n]*\)|\]\[[^\]\n]*\]|<[^>\n]*>)"
_BETWEEN_WORDS = rf"{_MARKUP}*\s+{_MARKUP}*"
_AS_TYPED = {"’": "['’]", "‘": "['‘]", "“": "[\"“]", "”": "[\"”]", "–": "(?:–|--)", "—": "(?:—|---)", "…": "(?:…|\\.\\.\\.)"}


# What may stand between two characters of reader text as Markdown writes them: white space, a mark of
# formatting, a quotation's `>`, a link's opening bracket, its end and address (`nolink:` too), a reference,
# a footnote, a tag. (No text is read as two of them, so that a search that fails does not try one text many ways.)
WRITTEN_GAP = r"(?:[\s*_~=^`!\[>]|\]\([^)\n]*\)|\]\[[^\]\n]*\]|\[\^[^\]\n]*\]|<[^<>\n]*>)*"


def written_characters(text: str) -> str:
    """A pattern for reader text as Markdown may write it: anything of `WRITTEN_GAP` between its characters, marks typed plainly."""
    return WRITTEN_GAP.join(_written_character(char) for char in text if char != " ")


def _written_character(char: str) -> str:
    """A pattern for a character of reader text as Markdown may write it: itself, typed plainly, or a character reference (`&shy;`, `&#173;`)."""
    typed = _AS_TYPED.get(char, "['’‘]" if char == "'" else re.escape(char))
    if char.isascii() and char.isalnum():
        return typed
    references = [*_REFERENCE_NAMES.get(char, ()), f"#0*{ord(char)}", f"#[xX]0*(?i:{ord(char):x})"]
    return f"(?:{typed}|&(?:{'|'.join(references)});)"


def _reference_names() -> dict[str, list[str]]:
    """The names HTML gives a character in a reference that Markdown reads (`&shy;`: with its semicolon)."""
    names: dict[str, list[str]] = {}
    for name, characters in html.entities.html5.items():
        if name.endswith(";") and len(characters) == 1:
            names.setdefault(characters, []).append(re.escape(name[:-1]))
    return names


_REFERENCE_NAMES = _reference_names()


def _written_pattern(passage: str) -> re.Pattern[str] | None:
    """Reader text as Markdown may write it: markup between its words, marks typed plainly (' for ’, -- for –)."""
    words = passage.split()
    if not words:
        return None
    return re.compile(_BETWEEN_WORDS.join("".join(_AS_TYPED.get(c, re.escape(c)) for c in word) for word in words))


def written_places(source: str, passage: str, code: list[tuple[int, int]] | None = None) -> tuple[list[int], list[int]]:
    """Where in `source` reader text `passage` is written: (outside code and comments, inside them).

    `code`: `code_ranges(source)`, where already found.
    """
    pattern = _written_pattern(passage)
    if pattern is None:
        return [], []
    code = code_ranges(source) if code is None else code
    found = [match.start() for match in pattern.finditer(source)]
    return [at for at in found if not in_code(code, at)], [at for at in found if in_code(code, at)]


def written_spans(source: str, passage: str) -> list[tuple[int, int]]:
    """Where in `source` reader text `passage` is written outside code and comments: (start, end) of each place."""
    pattern = _written_pattern(passage)
    if pattern is None:
        return []
    code = code_ranges(source)
    return [match.span() for match in pattern.finditer(source) if not in_code(code, match.start())]


def written_line(source: str, passage: str) -> int | None:
    """The line (0-based) of `source` on which reader text `passage` starts, if it is written there and nowhere else outside code.

    None where it is not written as looked for (markup within a word, a character reference) or is written more than once.
    """
    found, _ = written_places(source, passage)
    return source.count("\n", 0, found[0]) if len(found) == 1 else None


# Words of an article that its page shows to no reader's eye, which a note cannot mark: what they are, and where.
_UNMARKED_WORDS = (
    ("an image's description", re.compile(r"!\[([^\]\n]*)\]")),
    ("a link's title", re.compile(r"(?:\]\(|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*)<?[^()\s>]*>?\s+(?:\"([^\"\n]*)\"|'([^'\n]*)'|\(([^()\n]*)\))", re.MULTILINE)),
)


@dataclass(frozen=True)
class WrittenArticle:
    """An article's text as written, for telling an editor where in it a passage is."""

    body: str
    body_line: int  # the file's line the body starts on
    headings: frozenset[int] = frozenset()  # which of its blocks (reader text, by their place) are headings

    def line_of(self, passage: str) -> int | None:
        """The file's line a passage of reader text is written on, where its words tell it."""
        line = written_line(self.body, passage)
        return None if line is None else self.body_line + line

    def hidden_in(self, passage: str) -> str | None:
        """What the passage is written in where it is written only where a note cannot mark it: "code", "an HTML comment", "raw HTML",
        "an image's description", "a link's title"."""
        ranges = code_ranges(self.body)
        found, hidden = written_places(self.body, passage, ranges)
        if found:
            blocks = html_block_ranges(self.body, BLOCK_LEVEL_ELEMENTS)
            if all(in_code(blocks, at) for at in found):
                return "raw HTML"
            for kind, pattern in _UNMARKED_WORDS:
                spans = sorted(next(match.span(group) for group in range(1, len(match.groups()) + 1) if match.group(group) is not None) for match in pattern.finditer(self.body))
                if all(in_code(spans, at) for at in found):
                    return kind
            return None
        if not hidden:
            return None
        starts = [max(start for start, _ in ranges if start <= at) for at in hidden]
        return "an HTML comment" if all(self.body.startswith("<!--", start) for start in starts) else "code"

    def closest_hidden(self, quote: str, beat: float = -1.0) -> tuple[Closest, str, int] | None:
        """The run of words most like `quote` (and more than `beat`) among those written where a note cannot mark them: it, what they are written in, its line."""
        hidden = [self._words_in(start, end, kind) for start, end, kind in self._hidden_regions()]
        closest = closest_passage(quote, [words.text for words in hidden], beat)
        if closest is None:
            return None
        words = hidden[closest.block]
        return closest, words.kind, self.body_line + words.line_of(closest.text)

    def _hidden_regions(self) -> list[tuple[int, int, str]]:
        """Where words are written that a note cannot mark: (start, end, what they are written in), as `hidden_in` names it.

        Comments, fenced code and raw HTML blocks: an indented code block and a code span are the article's text to a note.
        """
        raw = html_block_ranges(self.body, BLOCK_LEVEL_ELEMENTS)
        fenced = set(fenced_ranges(self.body))
        hidden = []
        for start, end in code_ranges(self.body):
            kind = "an HTML comment" if self.body.startswith("<!--", start) else "code" if (start, end) in fenced else None
            if kind is not None and not in_code(raw, start):  # (a comment in raw HTML is part of it)
                hidden.append((start, end, kind))
        return hidden + [(start, end, "raw HTML") for start, end in raw]

    def _words_in(self, start: int, end: int, kind: str) -> _WordsByLine:
        """The words a reader of the source sees in one region a note cannot mark (no tags, fences or comment marks), by line."""
        first = self.body.count("\n", 0, start)
        written = self.body[start:end]
        if kind == "raw HTML":
            return _WordsByLine.of(kind, ((first + line, data) for line, data in html_text(written)))
        lines = enumerate(written.split("\n"), start=first)
        if kind == "code":
            return _WordsByLine.of(kind, ((line, text) for line, text in lines if not text.lstrip().startswith(("```", "~~~"))))
        return _WordsByLine.of(kind, ((line, text.replace("<!--", " ").replace("-->", " ")) for line, text in lines))

    def where(self, paragraph: str, passage: str, kind: str = "paragraph") -> str:
        """"line N" of the file where the passage's words tell it, else the words its paragraph (reader text; or a heading, of that `kind`) begins with."""
        line = self.line_of(passage)
        return f"line {line}" if line is not None else f"the {kind} beginning {_opening(paragraph)}"

    def kind_of(self, block: int) -> str:
        """"heading" or "paragraph": what a block (by its place) is, as an editor calls it."""
        return "heading" if block in self.headings else "paragraph"

    def at(self, paragraph: str, passage: str) -> str:
        """`where`, as "on line N" or "in the paragraph beginning “…”"."""
        where = self.where(paragraph, passage)
        return f"on {where}" if where.startswith("line") else f"in {where}"


@dataclass(frozen=True)
class _WordsByLine:
    """Words written where a note cannot mark them, one space apart, with the line of the body each piece of them is on."""

    kind: str  # what they are written in: "code", "an HTML comment", "raw HTML"
    text: str
    starts: tuple[int, ...]  # where in `text` each piece starts
    lines: tuple[int, ...]  # the body's line (0-based) each piece is on

    @classmethod
    def of(cls, kind: str, pieces: Iterable[tuple[int, str]]) -> _WordsByLine:
        """From (line, text) pieces, in order."""
        words, starts, lines, length = [], [], [], 0
        for line, piece in pieces:
            piece = " ".join(piece.split())
            if piece:
                length += 1 if words else 0
                words.append(piece)
                starts.append(length)
                lines.append(line)
                length += len(piece)
        return cls(kind, " ".join(words), tuple(starts), tuple(lines))

    def line_of(self, passage: str) -> int:
        """The line a run of these words starts on (taken whole: not within a longer word)."""
        found = re.search(rf"(?<!\S){re.escape(passage)}(?!\S)", self.text)
        piece = bisect_right(self.starts, found.start() if found else 0) - 1
        return self.lines[max(piece, 0)] if self.lines else 0


OPENING_WORDS = 5  # words of a paragraph that name it where its line is not known


def _opening(paragraph: str) -> str:
    words = paragraph.split()
    return f"“{' '.join(words[:OPENING_WORDS])}{'…' if len(words) > OPENING_WORDS else ''}”"
