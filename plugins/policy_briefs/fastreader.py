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
from bisect import bisect_right
from collections.abc import Sequence
from itertools import repeat

from .anchoring import Occurrence, Selector, occurrences
from .readertext import PLACEHOLDER, Slot, _slots, _stashed_text

_LONG_SPACE = re.compile(r"\s\s+")
REVERSE_PROBE = 64  # how far past a raw offset to look for the next visible character (as mentions did)


class FastBlock:
    """A block's reader text; `origins` (per character: slot index, offset in slot) on demand.

    Runs are (reader start, slot index, raw start, length, step): `length` characters
    whose origins are raw start, raw start + step, … in that slot.
    """

    __slots__ = ("element", "text", "slots", "runs", "_origins", "_starts")

    def __init__(self, element: etree.Element, text: str, slots: list[Slot], runs: list[tuple[int, int, int, int, int]]) -> None:
        self.element = element
        self.text = text
        self.slots = slots
        self.runs = runs
        self._origins: list[tuple[int, int]] | None = None
        self._starts: list[int] | None = None

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

    def position_of(self, slot: int, offset: int) -> int:
        """Reader-text index of a raw position, or of the next visible character after it.

        The same answer as a dict from origin to (last) reader index, probed at
        offset, offset + 1, … offset + 63, then the first character of a later slot.
        """
        best: int | None = None  # smallest visible raw offset >= offset in this slot
        position = 0
        for start, run_slot, raw, length, step in self.runs:
            if run_slot != slot:
                if run_slot > slot:
                    break
                continue
            if step:
                last = raw + length - 1
                if last >= offset:
                    candidate = max(raw, offset)
                    if best is None or candidate < best or candidate == best:
                        best, position = candidate, start + (candidate - raw)
            elif raw >= offset and (best is None or raw <= best):
                best, position = raw, start + length - 1
        if best is not None and best < offset + REVERSE_PROBE:
            return position
        for start, run_slot, _, _, _ in self.runs:
            if run_slot > slot:
                return start
        return len(self.text)


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
        for base, text, stashed in _pieces(raw, stash):
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


def _pieces(raw: str, stash: Sequence[str]) -> list[tuple[int, str | None, str]]:
    """(offset, text, "") for plain text; (offset, None, characters) for a stashed placeholder."""
    if "\x02" not in raw:
        return [(0, raw, "")]
    pieces: list[tuple[int, str | None, str]] = []
    position = 0
    for match in PLACEHOLDER.finditer(raw):
        if match.start() > position:
            pieces.append((position, raw[position : match.start()], ""))
        pieces.append((match.start(), None, _stashed_text(match.group(), stash)))
        position = match.end()
    if position < len(raw):
        pieces.append((position, raw[position:], ""))
    return pieces


def _plain(text: str) -> bool:
    """True when the text's white space is single ordinary spaces (reads as itself)."""
    return "  " not in text and text.isprintable()


def reader_starts(block: FastBlock) -> list[int]:
    """Reader start of each run (for bisecting)."""
    if block._starts is None:
        block._starts = [run[0] for run in block.runs]
    return block._starts


def run_at(block: FastBlock, position: int) -> tuple[int, int, int, int, int]:
    return block.runs[bisect_right(reader_starts(block), position) - 1]


def occurrences_in(selector: Selector, texts: Sequence[str], normalized: Sequence[str]) -> list[Occurrence]:
    """`anchoring.occurrences`, looking only in the blocks whose normalized text holds the quote."""
    candidates = [index for index, text in enumerate(normalized) if selector.quote in text]
    return [Occurrence(candidates[found.block], found.start) for found in occurrences(selector, [texts[index] for index in candidates])]
