"""The loaded, validated content: immutable objects the site is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .anchoring import Anchor
from .mentions import Mention
from .schema import ActorFields, AnnotationFields, ArticleFields, GlossaryFields

_AROUND_A_WORD = "()[]{}\"'“”‘’,.;:!?"  # marks that may close or open a word of a name
_NOT_A_WORD = re.compile(r"[\s\-–—/]+")  # between the words of a name, as a tag's hyphens are


@dataclass(frozen=True)
class Annotation:
    """A note on one passage of an article."""

    fields: AnnotationFields
    line: int
    anchor: Anchor | None  # None only when the quote could not be placed

    @property
    def id(self) -> str:
        return self.fields.id


@dataclass(frozen=True)
class FieldAnchor:
    """A link in a brief's YAML field to a place of its page (`#heading`), which only its build can check."""

    href: str
    path: str  # the file the field is in
    where: tuple  # the field's key path
    line: int  # the field's line


@dataclass(frozen=True)
class Article:
    """One brief: its front matter, Markdown body and annotations."""

    slug: str
    path: str
    fields: ArticleFields
    body: str
    body_line: int  # line of the file on which the body starts
    annotations: tuple[Annotation, ...] = ()
    annotations_path: str | None = None
    reader_blocks: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()  # every entity occurrence in the body, in order
    note_links: tuple[tuple[str, int], ...] = ()  # links to a brief's note or passage (#note-ID, #passage-ID): address, line
    field_anchors: tuple[FieldAnchor, ...] = ()  # its summary's, takeaways' and notes' links to places of its page other than notes
    linked_files: tuple[str, ...] = ()  # the site's pages and files its links name: whether each is there decides how its page writes the link

    @property
    def reader_text(self) -> str:
        """The article as a reader sees it; anchors index into this."""
        return "\n\n".join(self.reader_blocks)


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    path: str
    fields: GlossaryFields
    field_anchors: tuple[FieldAnchor, ...] = ()  # its definition's links to places of its page


@dataclass(frozen=True)
class Actor:
    id: str
    path: str
    fields: ActorFields
    field_anchors: tuple[FieldAnchor, ...] = ()  # its summary's links to places of its page


@dataclass(frozen=True)
class Content:
    """Everything under `briefs/`, keyed by id; iteration order is sorted by id."""

    articles: dict[str, Article] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    @cached_property
    def spelled_names(self) -> dict[tuple[str, ...], str]:
        """Each term, name and alias written with capitals inside (ASEAN, ADMM-Plus, iPhone), by its words in lower case.

        What a tag's words are spelled as (`pages.tag_label`). Terms come first, then actors'
        names, then aliases, then the hyphenated words of all of these and of the expansions
        (Asia-Pacific, of Asia-Pacific Economic Cooperation); among equals, the first by id.
        """
        names = [entry.fields.term for entry in self.glossary.values()] + [actor.fields.name for actor in self.actors.values()]
        names += [alias for entity in (*self.glossary.values(), *self.actors.values()) for alias in entity.fields.aliases]
        expansions = [entry.fields.expansion for entry in self.glossary.values() if entry.fields.expansion]
        names += [word.strip(_AROUND_A_WORD) for name in (*names, *expansions) for word in name.split() if "-" in word.strip(_AROUND_A_WORD)]
        spelled: dict[tuple[str, ...], str] = {}
        for name in names:
            words = tuple(_NOT_A_WORD.split(name.lower().strip()))
            if name[1:] != name[1:].lower() and all(word.isascii() and word.isalnum() for word in words):
                spelled.setdefault(words, name)
        return spelled
