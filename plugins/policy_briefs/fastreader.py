"""Reader text of a block, fast: the same results as `readertext.read_block`.

`readertext.read_block` walks a block character by character and records the
origin of each one. Building pages needs that for a few blocks only (where a
highlight goes), so here a block's text is made with string operations, its
origins are kept as runs and expanded only when asked for, and a raw position
is found in reader text by looking through the runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import repeat

from .anchoring import Occurrence, Selector, occurrences
from .entities import holds_invisible, spans_as_written, without_invisible
from .readertext import Slot, _slots, normalize, pieces

_LONG_SPACE = re.compile(r"\s\s+")
REVERSE_PROBE = 64  # how far past a raw offset to look for the next visible character (as mentions did)


class FastBlock:
    """A block's reader text; `origins` (per character: slot index, offset in slot) on demand.

    Runs are (reader start, slot index, raw start, length, step): `length` characters
    whose origins are raw start, raw start + step, … in that slot.
    """

    __slots__ = ("element", "text", "slots", "runs", "_origins", "_by_slot")

    def __init__(self, element: etree.Element, text: str, slots: list[Slot], runs: list[tuple[int, int, int, int, int]]) -> None:
        self.element = element
        self.text = text
        self.slots = slots
        self.runs = runs
        self._origins: list[tuple[int, int]] | None = None
        self._by_slot: dict | None = None

    @property
    def origins(self) -> list[tuple[int, int]]:
        if self._origins is None:
            origins: list[tuple[int, int]] = []
            for _, slot, raw, length, step in self.runs:
                if step:
                    origins.extend(zip(repeat(slot, length), range(raw, raw + length)))
                else:
                    origins.extend(repeat((slot, raw), length))
            self._origins = origins
        return self._origins

    def slot_spans(self, start: int, end: int, cuts: Mapping[int, Sequence[int]] | None = None) -> dict[tuple[int, int], tuple[int, int]]:
        """For reader text [start, end): per text run, the raw offsets of its first and last character there.

        A run is (slot index, piece): slot `s` cut at the raw offsets `cuts[s]` (ascending) into
        pieces 0, 1, …, each piece's offsets counted from its start (no cuts: one piece per slot).
        What `origins[start:end]` gives, grouped by run, without expanding the runs; with cuts,
        what reading the block again gives once its slots are split there (each cut outside any
        placeholder and run of white space, as where a mention starts or ends).
        """
        cuts = cuts or {}
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        for run_start, slot, raw, length, step in self.runs:
            if run_start >= end:
                break
            low, high = max(start, run_start), min(end, run_start + length)
            if low >= high:
                continue
            first, last = raw + (low - run_start) * step, raw + (high - 1 - run_start) * step
            bounds = cuts.get(slot, ())
            while first <= last:  # a run of consecutive offsets (step 1) may cross cuts; one offset (step 0) may not
                piece = bisect_right(bounds, first)
                base = bounds[piece - 1] if piece else 0
                piece_last = min(last, bounds[piece] - 1) if piece < len(bounds) else last
                key = (slot, piece)
                spans[key] = (spans[key][0] if key in spans else first - base, piece_last - base)
                first = piece_last + 1
        return spans

    def position_of(self, slot: int, offset: int) -> int:
        """Reader-text index of a raw position, or of the next visible character after it.

        The same answer as a dict from origin to (last) reader index, probed at
        offset, offset + 1, … offset + 63, then the first character of a later slot.
        (Within a slot, origins never decrease along the text: runs are bisected.)
        """
        if self._by_slot is None:
            self._index_runs()
        runs, lasts, later = self._by_slot.get(slot, ((), (), None))
        at = bisect_left(lasts, offset)
        if at < len(runs):
            start, _, raw, length, step = runs[at]
            if step:
                candidate = max(raw, offset)
                position = start + (candidate - raw)
            else:
                candidate, position = raw, start + length - 1
                while at + 1 < len(runs) and runs[at + 1][2] == raw and not runs[at + 1][4]:  # an entity's characters
                    at += 1
                    position = runs[at][0] + runs[at][3] - 1
            if candidate < offset + REVERSE_PROBE:
                return position
        if later is None:
            later = next((run[0] for run in self.runs if run[1] > slot), len(self.text))
        return later

    def _index_runs(self) -> None:
        by_slot: dict[int, list] = {}
        for run in self.runs:
            by_slot.setdefault(run[1], []).append(run)
        indexed = {}
        slots = sorted(by_slot)
        for number, slot in enumerate(slots):
            runs = by_slot[slot]
            lasts = [raw + (length - 1) * step for _, _, raw, length, step in runs]
            following = by_slot[slots[number + 1]][0][0] if number + 1 < len(slots) else len(self.text)
            indexed[slot] = (runs, lasts, following)
        self._by_slot = indexed


def read_block(element: etree.Element, stash: Sequence[str] = ()) -> FastBlock:
    """Reader text of a block, as `readertext.read_block` makes it."""
    slots = _slots(element)
    parts: list[str] = []
    runs: list[tuple[int, int, int, int, int]] = []
    size = 0
    pending: tuple[int, int] | None = None

    for index, slot in enumerate(slots):
        raw = slot.get()
        if not raw:
            continue
        for base, text, stashed in pieces(raw, stash, slot.code):
            if text is None:  # stashed: an entity's character(s), all from the placeholder's offset
                for char in stashed:
                    if char.isspace():
                        if size and pending is None:
                            pending = (index, base)
                        continue
                    if pending is not None:
                        parts.append(" ")
                        runs.append((size, pending[0], pending[1], 1, 0))
                        size += 1
                        pending = None
                    parts.append(char)
                    runs.append((size, index, base, 1, 0))
                    size += 1
                continue
            core = text.strip()
            if not core:
                if size and pending is None:
                    pending = (index, base)
                continue
            lead = len(text) - len(text.lstrip())
            if lead and size and pending is None:
                pending = (index, base)
            if pending is not None:
                parts.append(" ")
                runs.append((size, pending[0], pending[1], 1, 0))
                size += 1
                pending = None
            # The core: white space runs read as one space (the run's first character).
            start = base + lead
            chunk_start = 0
            for match in _LONG_SPACE.finditer(core):
                length = match.start() + 1 - chunk_start
                runs.append((size, index, start + chunk_start, length, 1))
                size += length
                chunk_start = match.end()
            length = len(core) - chunk_start
            runs.append((size, index, start + chunk_start, length, 1))
            size += length
            parts.append(" ".join(core.split()) if not _plain(core) else core)
            if len(text) - lead > len(core):  # trailing white space: a space if something follows
                pending = (index, base + lead + len(core))
    return FastBlock(element, "".join(parts), slots, runs)


def _plain(text: str) -> bool:
    """True when the text's white space is single ordinary spaces (reads as itself)."""
    return "  " not in text and text.isprintable()


def occurrences_in(selector: Selector, texts: Sequence[str], normalized: Sequence[str]) -> list[Occurrence]:
    """`anchoring.occurrences`, looking only in the blocks whose normalized text holds the quote."""
    candidates = [index for index, text in enumerate(normalized) if selector.quote in text]
    return [Occurrence(candidates[found.block], found.start, found.end) for found in occurrences(selector, [texts[index] for index in candidates])]


def quote_occurrences(selector: Selector, texts: Sequence[str], normalized: Sequence[str]) -> tuple[Selector, list[Occurrence]]:
    """`occurrences_in`, and if the quote is not found as typed, as the smarty and smartsymbols extensions print its marks, or in the other Unicode normal form; with the selector that found them.

    Where the article's words hold characters a page does not show (a soft hyphen, a zero-width
    space), the quote is found as the words read, and its passage holds those between its first
    character and its last.
    """
    selector, found = _quote_occurrences(selector, texts, normalized)
    if found or not any(holds_invisible(text) for text in normalized):
        return selector, found
    shown = [without_invisible(text) for text in texts]
    selector, found = _quote_occurrences(selector, shown, [normalize(text) for text in shown])
    placed = (spans_as_written(texts[each.block], [(each.start, each.end)])[0] for each in found)
    return selector, [Occurrence(each.block, start, end) for each, (start, end) in zip(found, placed)]


def _quote_occurrences(selector: Selector, texts: Sequence[str], normalized: Sequence[str]) -> tuple[Selector, list[Occurrence]]:
    found = occurrences_in(selector, texts, normalized)
    if found:
        return selector, found
    # Copied from the article's source, where an extension prints marks; or with its accents written
    # otherwise than the article writes them (joined to their letters, or apart).
    for other in (selector.printed(), selector.in_form("NFC"), selector.in_form("NFD")):
        found_other = occurrences_in(other, texts, normalized) if other != selector else []
        if found_other:
            return other, found_other
    return selector, found
