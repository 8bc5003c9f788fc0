"""Python-Markdown extension: explicit entity links, auto-links and annotation highlights.

Usable on its own (any engine that runs Markdown extensions): give it a linker,
an entity index and a callable returning the state of the page being rendered.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import markdown

from .anchoring import Selector, occurrences
from .entities import EntityIndex, Target
from .linker import Linker
from .mentions import EXPLICIT_SCHEMES, NO_LINK_CLASS, Hit, Mention, block_hits, number_mentions
from .model import Annotation
from .readertext import Block, iter_blocks, read_block

SUPPRESS_HREF = "nolink:"


@dataclass
class PageState:
    """What the extension needs to know about the page being rendered."""

    href: Callable[[Target], str]
    autolink: bool = False
    link_all: bool = False
    annotations: Sequence[Annotation] = ()
    mentions: list[Mention] = field(default_factory=list)  # filled in while rendering


def note_ids(annotation_id: str) -> dict[str, str]:
    """The element ids that belong to one annotation on a brief page."""
    return {"passage": f"passage-{annotation_id}", "note": f"note-{annotation_id}", "popover": f"pop-{annotation_id}"}


class BriefTreeprocessor(markdown.treeprocessors.Treeprocessor):
    def __init__(self, md: markdown.Markdown, extension: BriefsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        state = self.extension.state()
        if state is None:
            return
        self._explicit_links(root, state)
        if state.autolink:
            blocks = [read_block(element) for element in iter_blocks(root)]
            hits = [block_hits(block, self.extension.linker, self.extension.index) for block in blocks]
            numbered = number_mentions(blocks, hits)
            state.mentions = [mention for block in numbered for mention in block]
            for block, block_hits_, mentions in zip(blocks, hits, numbered):
                _link_block(block, block_hits_, mentions, state)
        if state.annotations:
            _highlight(root, state.annotations)

    def _explicit_links(self, root: etree.Element, state: PageState) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            scheme = href.partition(":")[0]
            if href == SUPPRESS_HREF:
                _make_span(link, NO_LINK_CLASS)
            elif scheme in EXPLICIT_SCHEMES:
                target = self.extension.index.by_ref.get(href)
                if target is None:
                    _make_span(link, "pb-unresolved")
                else:
                    _set_link(link, target, state.href(target))


class BriefsExtension(markdown.Extension):
    """Registers the brief treeprocessor after Python-Markdown's own (escapes resolved)."""

    def __init__(self, linker: Linker, index: EntityIndex, state: Callable[[], PageState | None]) -> None:
        super().__init__()
        self.linker = linker
        self.index = index
        self.state = state

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(BriefTreeprocessor(md, self), "policy-briefs", -10)


def _make_span(element: etree.Element, css_class: str) -> None:
    element.tag = "span"
    element.attrib.clear()
    element.set("class", css_class)


def _set_link(link: etree.Element, target: Target, href: str) -> None:
    link.set("href", href)
    link.set("title", target.preview or target.label)
    link.set("class", f"pb-link pb-link--{target.kind}")


def _link_block(block: Block, hits: list[Hit], mentions: list[Mention], state: PageState) -> None:
    """Turn hits into links (or anchored spans), last first so offsets stay valid."""
    parents = {child: parent for parent in block.element.iter() for child in parent}
    for hit, mention in reversed(list(zip(hits, mentions))):
        if hit.explicit is not None:
            hit.explicit.set("id", mention.anchor)
            continue
        if state.link_all or mention.number == 1:
            element = etree.Element("a")
            _set_link(element, hit.target, state.href(hit.target))
        else:
            element = etree.Element("span", {"class": "pb-mention"})
        element.set("id", mention.anchor)
        _wrap_slot(block.slots[hit.slot], hit.start, hit.end, element, parents)


def _wrap_slot(slot, start: int, end: int, element: etree.Element, parents: dict) -> None:
    """Move raw[start:end] of a text run into `element`, placed where the text was."""
    raw = slot.get()
    setattr(slot.element, slot.attr, raw[:start])
    element.text = raw[start:end]
    element.tail = raw[end:]
    if slot.attr == "text":
        slot.element.insert(0, element)
    else:
        parent = parents[slot.element]
        parent.insert(list(parent).index(slot.element) + 1, element)
        parents[element] = parent


def _highlight(root: etree.Element, annotations: Sequence[Annotation]) -> None:
    """Mark each anchored passage and put its note's marker button after it."""
    for number, annotation in enumerate(annotations, start=1):
        if annotation.anchor is None:
            continue
        fields = annotation.fields
        selector = Selector.of(fields.quote, fields.prefix, fields.suffix)
        blocks = [read_block(element) for element in iter_blocks(root)]
        found = occurrences(selector, [block.text for block in blocks])
        if not found:
            continue
        block = blocks[found[0].block]
        marks = _mark_range(block, found[0].start, found[0].start + len(selector.quote), annotation)
        _add_marker(block.element, marks[-1], annotation, number)


def _mark_range(block: Block, start: int, end: int, annotation: Annotation) -> list[etree.Element]:
    """Wrap reader text [start, end) in <mark> elements, one per text run it crosses."""
    spans: dict[int, list[int]] = {}
    for slot, offset in block.origins[start:end]:
        spans.setdefault(slot, []).append(offset)
    parents = {child: parent for parent in block.element.iter() for child in parent}
    ids = note_ids(annotation.id)
    marks = []
    for slot_index in sorted(spans):
        offsets = spans[slot_index]
        mark = etree.Element("mark", {"class": f"pb-passage pb-kind-{annotation.fields.kind}", "data-note": ids["note"]})
        _wrap_slot(block.slots[slot_index], offsets[0], offsets[-1] + 1, mark, parents)
        marks.append(mark)
    marks[0].set("id", ids["passage"])
    return marks


def _add_marker(block: etree.Element, after: etree.Element, annotation: Annotation, number: int) -> None:
    """Put the marker right after the passage, outside any link or mention that ends with it."""
    parents = {child: parent for parent in block.iter() for child in parent}
    parent = parents[after]
    while parent is not block and list(parent)[-1] is after and not (after.tail or "").strip():
        after, parent = parent, parents[parent]
    fields = annotation.fields
    label = f"Note {number}: {fields.kind.replace('-', ' ')}" + (f", {fields.verdict}" if fields.verdict else "")
    button = etree.Element("button", {
        "type": "button",
        "class": f"pb-marker pb-kind-{fields.kind}",
        "popovertarget": note_ids(annotation.id)["popover"],
        "aria-label": label,
        "title": label,
    })
    button.text = str(number)
    button.tail = after.tail
    after.tail = None
    parent.insert(list(parent).index(after) + 1, button)
