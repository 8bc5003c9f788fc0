"""The entity index: glossary entries and actors by id and by surface form."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from . import sentences
from .fieldmarkdown import converted
from .lenienthtml import LenientHTMLParser
from .safehtml import clean_fragment
from .schema import ActorFields, GlossaryFields

EntityKind = Literal["term", "actor"]
_BLOCKS = frozenset({"p", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})


@dataclass(frozen=True)
class Target:
    """What a surface form links to."""

    kind: EntityKind
    id: str
    label: str
    preview: str

    @cached_property
    def ref(self) -> str:
        """The explicit link form editors write, e.g. `term:admm-plus` (one string, however many mentions hold it)."""
        return f"{self.kind}:{self.id}"


def first_sentence(markdown_text: str) -> str:
    """The first sentence of a Markdown text's first paragraph or item, as a reader reads it (the hover preview)."""
    return sentences.first_sentence(first_block_text(clean_fragment(converted(markdown_text))))


def first_block_text(clean_html: str) -> str:
    """The text of the first paragraph or item of sanitised HTML, as a reader reads it."""
    reader = _FirstBlock()
    reader.feed(clean_html)
    reader.close()
    return " ".join("".join(reader.text).split())


class _FirstBlock(LenientHTMLParser):
    """The text of the first block of sanitised HTML that has any."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.done = False

    def handle_data(self, data: str) -> None:
        if not self.done:
            self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._block_edge(tag)

    def handle_endtag(self, tag: str) -> None:
        self._block_edge(tag)

    def _block_edge(self, tag: str) -> None:
        if tag in _BLOCKS and "".join(self.text).strip():
            self.done = True


def glossary_forms(fields: GlossaryFields) -> list[str]:
    """Surface forms of a glossary entry, in the order written."""
    return _unique([fields.term, *([fields.expansion] if fields.expansion else []), *fields.aliases])


def actor_forms(fields: ActorFields) -> list[str]:
    return _unique([fields.name, *fields.aliases])


def glossary_target(entry_id: str, fields: GlossaryFields) -> Target:
    return Target("term", entry_id, fields.term, first_sentence(fields.definition))


def actor_target(actor_id: str, fields: ActorFields) -> Target:
    return Target("actor", actor_id, fields.name, first_sentence(fields.summary))


def _unique(forms: list[str]) -> list[str]:
    """The forms as the linker finds them (`form_key`), each once."""
    return list(dict.fromkeys(key for key in map(form_key, forms) if key))


APOSTROPHES = "'’ʼ‘"  # typewriter, typographic and letter apostrophes, and the opening mark smarty writes for one: one and the same in a name
# What a name typed with these may read as on the page: the smarty extension writes -- --- ... and
# " as typographic marks, pymdownx.smartsymbols the others as symbols. The same name either way.
TYPOGRAPHIC = {"(tm)": "™", "---": "—", "...": "…", "(c)": "©", "(r)": "®", "+/-": "±", "=/=": "≠", "--": "–", '"': "“”"}  # longest first
# Characters a page does not show, which text pasted from a word processor or a PDF may hold. A name
# is found as if they were not there (a soft hyphen stays in the page: a line may break at it).
INVISIBLE = {
    "\u00ad": "a soft hyphen", "\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner", "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner", "\ufeff": "a zero-width no-break space",
    # Marks of the direction of writing, often copied with a name from a page that mixes scripts.
    "\u200e": "a left-to-right mark", "\u200f": "a right-to-left mark", "\u061c": "an Arabic letter mark",
    "\u202a": "a left-to-right embedding", "\u202b": "a right-to-left embedding", "\u202c": "a pop directional formatting",
    "\u202d": "a left-to-right override", "\u202e": "a right-to-left override",
    "\u2066": "a left-to-right isolate", "\u2067": "a right-to-left isolate", "\u2068": "a first strong isolate", "\u2069": "a pop directional isolate",
}
_AS_TYPED = str.maketrans({**{mark: "'" for mark in APOSTROPHES[1:]}, **{mark: typed for typed, marks in TYPOGRAPHIC.items() for mark in marks}, **dict.fromkeys(INVISIBLE)})


def form_key(form: str) -> str:
    """A form as entities are looked up by it: its words separated by single spaces, each apostrophe a plain ', each mark as typed, nothing a page does not show.

    So "O’Neill" in an article finds the alias "O'Neill", "Fire–Rescue" the alias "Fire--Rescue",
    and two entities cannot both claim the two.
    """
    return " ".join(form.translate(_AS_TYPED).split())


def without_invisible(text: str) -> str:
    """A text less the characters of `INVISIBLE`."""
    return text.translate(_WITHOUT_INVISIBLE)


_WITHOUT_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def holds_invisible(text: str) -> bool:
    """Whether a text holds a character of `INVISIBLE` (one search in C: no loop over the text in Python)."""
    return not text.isascii() and AN_INVISIBLE.search(text) is not None


AN_INVISIBLE = re.compile(f"[{''.join(INVISIBLE)}]")  # one character of `INVISIBLE`


def spans_as_written(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of `text` less its `INVISIBLE` characters, placed in `text`: from a span's first character to its last, with those between."""
    # Where each invisible character was, in the text without them (one for each of several in a row).
    gaps = [match.start() - before for before, match in enumerate(AN_INVISIBLE.finditer(text))]
    return [(start + bisect_right(gaps, start), end - 1 + bisect_right(gaps, end - 1) + 1) for start, end in spans]


def form_tokens(form: str) -> list[str]:
    """A form (as `form_key` makes it) in tokens: each mark of `TYPOGRAPHIC` typed, or one character."""
    tokens, position = [], 0
    while position < len(form):
        token = next((typed for typed in TYPOGRAPHIC if form.startswith(typed, position)), form[position])
        tokens.append(token)
        position += len(token)
    return tokens


@dataclass(frozen=True)
class FormClash:
    """Two entities claiming one surface form."""

    form: str  # as the second gives it
    first: Target
    second: Target
    first_form: str  # as the first gives it (the same, or written with its accents the other way)


class EntityIndex:
    """Targets by explicit reference (`term:id`) and by surface form; lookups are dict hits."""

    def __init__(self) -> None:
        self.by_ref: dict[str, Target] = {}
        self.by_form: dict[str, Target] = {}
        self.clashes: list[FormClash] = []
        self._owners: dict[str, tuple[Target, str]] = {}  # by form with its accents joined to their letters: one form, however written

    def add(self, target: Target, forms: list[str]) -> None:
        self.by_ref[target.ref] = target
        for form in forms:
            self.by_form.setdefault(form, target)
            owner, owners_form = self._owners.setdefault(unicodedata.normalize("NFC", form), (target, form))
            if owner != target:
                self.clashes.append(FormClash(form, owner, target, owners_form))

    def add_variants(self, target: Target, forms: list[str]) -> None:
        """Forms written otherwise than an entity's own, which find it where no entity claims them (no clash: not written)."""
        for form in forms:
            self.by_form.setdefault(form, target)

    @classmethod
    def build(cls, glossary: dict[str, GlossaryFields], actors: dict[str, ActorFields]) -> EntityIndex:
        """Index entries then actors, each in id order, so clashes are reported the same way every time."""
        index = cls()
        entities = [(glossary_target(entry_id, glossary[entry_id]), glossary_forms(glossary[entry_id])) for entry_id in sorted(glossary)]
        entities += [(actor_target(actor_id, actors[actor_id]), actor_forms(actors[actor_id])) for actor_id in sorted(actors)]
        for target, forms in entities:
            index.add(target, forms)
        for target, forms in entities:  # (after all forms as written: a variant takes no entity's own form)
            index.add_variants(target, unicode_variants(forms))
        return index


def unicode_variants(forms: list[str]) -> list[str]:
    """The forms with their accents written the other way (joined to their letters, or apart), as text pasted from a PDF may write them."""
    variants = (unicodedata.normalize(normal, form) for form in forms for normal in ("NFC", "NFD"))
    return [variant for variant in dict.fromkeys(variants) if variant not in forms]
