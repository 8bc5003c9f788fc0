"""What links to what: backlinks, quotations, related briefs, co-mentions, memberships, authorship."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .incremental import digest
from .mentions import Mention
from .model import Annotation, Article, Content
from .sentences import in_quotation, sentence_at, sentence_ends as _sentence_ends

RELATED_LIMIT = 5
CO_MENTION_MIN = 2  # briefs two actors share before either profile lists the other as "often mentioned with"


@dataclass(frozen=True, slots=True)
class Use:
    """One use of an entity in a brief: a mention in the text with its sentence, or a note about it.

    Tens of thousands are kept for the entity pages: the anchor and the sentence are made when shown.
    """

    article: Article
    ref: str  # the entity's ref
    mention: Mention | None = None
    annotation: Annotation | None = None
    start: int = 0  # the mention's sentence, in its block of the article's reader text
    end: int = 0
    quoted: tuple[bool, bool] = (False, False)  # whether the sentence goes on a quotation begun before it, and one that goes on after it

    @property
    def anchor(self) -> str:
        """The element id on the brief page ("" for a note's use)."""
        return self.mention.anchor if self.mention is not None else ""

    @property
    def sentence(self) -> str:
        if self.mention is None:
            return ""
        return self.article.reader_blocks[self.mention.block][self.start : self.end]


@dataclass
class Relations:
    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))  # by target ref
    quotations: dict[str, list[tuple[Article, Annotation]]] = field(default_factory=lambda: defaultdict(list))  # by actor id
    entities_of: dict[str, list[str]] = field(default_factory=dict)  # article slug -> target refs, in first-use order
    member_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # actor id -> bloc ids
    tags: dict[str, list[Article]] = field(default_factory=lambda: defaultdict(list))
    authored: dict[str, list[Article]] = field(default_factory=lambda: defaultdict(list))  # actor id -> briefs, newest first
    contributions: dict[str, Contribution] = field(default_factory=dict)  # article slug -> what it gave (read articles)
    shown_uses: list[Contribution] = field(default_factory=list)  # in the order of `uses`
    _use_keys: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def uses_key(self, ref: str) -> str:
        """What an entity's page shows of its uses, as one text (briefs' slugs and titles, each brief's uses' digest)."""
        if self._use_keys is None:
            self._use_keys = defaultdict(list)
            for part in self.shown_uses:
                for use_ref, shown in part.use_keys().items():
                    self._use_keys[use_ref].append(shown)
        return repr(self._use_keys.get(ref, []))

    _related: _RelatedIndex | None = field(default=None, repr=False, compare=False)
    _co_mentions: dict | None = field(default=None, repr=False, compare=False)
    _sets_signature: str | None = field(default=None, repr=False, compare=False)

    def related_briefs(self, slug: str, articles: dict[str, Article]) -> list[tuple[Article, int]]:
        """Other briefs ranked by how many entities they share with this one (then newest, then by slug)."""
        if self._related is None or self._related.articles is not articles:
            self._related = _RelatedIndex(articles, self.entities_of, self.sets_signature())
        return self._related.related(slug, RELATED_LIMIT)

    def sets_signature(self) -> str:
        """A digest of which entities each brief involves (what related briefs and co-mentions depend on)."""
        if self._sets_signature is None:
            known = _set_texts
            texts = {}
            for slug, refs in self.entities_of.items():
                kept = known.get(id(refs))
                if kept is None or kept[0] is not refs:
                    kept = (refs, repr(sorted(set(refs))))
                texts[id(refs)] = kept
            _set_texts.clear()
            _set_texts.update(texts)
            self._sets_signature = digest(repr(sorted((slug, texts[id(refs)][1]) for slug, refs in self.entities_of.items())))
        return self._sets_signature

    def co_mentioned(self, actor_id: str) -> list[tuple[str, int]]:
        """Actors mentioned in at least `CO_MENTION_MIN` of the same briefs as this one: in the most first, then the most used
        in all briefs (with few briefs, many share them all: the United States before an actor only a note names), then by ref."""
        if self._co_mentions is None:
            signature = self.sets_signature()
            if _co_mentions.get("signature") != signature:  # kept between builds while every brief's entities are the same
                counts: dict[str, Counter[str]] = defaultdict(Counter)
                for refs in self.entities_of.values():
                    actors = [ref for ref in refs if ref.startswith("actor:")]
                    for ref in actors:
                        counts[ref].update(other for other in actors if other != ref)
                _co_mentions.clear()
                _co_mentions.update(signature=signature, counts=counts)
            self._co_mentions = {"counts": _co_mentions["counts"], "ranked": {}}  # (ranked by uses too: this build's)
        ranked = self._co_mentions["ranked"]
        if actor_id not in ranked:
            counts = self._co_mentions["counts"].get(f"actor:{actor_id}", Counter())
            often = [pair for pair in counts.items() if pair[1] >= CO_MENTION_MIN]
            ranked[actor_id] = sorted(often, key=lambda pair: (-pair[1], -len(self.uses.get(pair[0], ())), pair[0]))[:RELATED_LIMIT]
        return list(ranked[actor_id])


_rankings: dict = {}
_co_mentions: dict = {}
_set_texts: dict[int, tuple[Sequence[str], str]] = {}  # id of an entities_of list -> (the list, its sorted set as text)


class _RelatedIndex:
    """Shared-entity counts of one brief with all others at once, on bit sets.

    Briefs get bit positions in the ranking's tie order (newest first, then slug);
    each entity is the set of briefs that involve it. Adding a brief's entity sets
    as binary counters (one bit set per binary digit of the count) gives every other
    brief's count together; the set of briefs with a given count is then a few
    operations away, and its lowest bits are the ones that rank first. This keeps
    "related briefs" from comparing every brief with every other one.
    """

    def __init__(self, articles: dict[str, Article], entities_of: Mapping[str, Sequence[str]], sets_signature: str) -> None:
        self.articles = articles
        self.entities_of = entities_of
        self.order = sorted(articles.values(), key=lambda a: (_date_key(a), a.slug))
        self.briefs_of: dict[str, int] | None = None  # made when a ranking is not known yet
        # Rankings are kept between builds while every brief's date and entities are the same.
        signature = digest(repr([(article.slug, article.fields.source.published) for article in self.order]), sets_signature)
        if _rankings.get("signature") != signature:
            _rankings.clear()
            _rankings["signature"] = signature
        self.rankings: dict = _rankings

    def _index(self) -> None:
        self.position = {article.slug: position for position, article in enumerate(self.order)}
        self.everyone = (1 << len(self.order)) - 1
        self.briefs_of = defaultdict(int)
        for article in self.order:
            bit = 1 << self.position[article.slug]
            for ref in set(self.entities_of.get(article.slug, ())):
                self.briefs_of[ref] |= bit

    def related(self, slug: str, limit: int) -> list[tuple[Article, int]]:
        ranked = self.rankings.get(slug)
        if ranked is None:
            if self.briefs_of is None:
                self._index()
            ranked = self.rankings[slug] = [(other.slug, shared) for other, shared in self.top(slug, set(self.entities_of.get(slug, ())), limit)]
        return [(self.articles[other], shared) for other, shared in ranked]

    def top(self, slug: str, mine: set[str], limit: int) -> list[tuple[Article, int]]:
        planes: list[int] = []  # planes[i]: the briefs whose count has binary digit i set
        for ref in mine:
            carry = self.briefs_of.get(ref, 0)
            for digit, plane in enumerate(planes):
                if not carry:
                    break
                planes[digit], carry = plane ^ carry, plane & carry
            if carry:
                planes.append(carry)
        if slug in self.position:
            others = self.everyone ^ (1 << self.position[slug])
            planes = [plane & others for plane in planes]
        found: list[tuple[Article, int]] = []
        for count in range(min(len(mine), (1 << len(planes)) - 1), 0, -1):
            exactly = self.everyone
            for digit, plane in enumerate(planes):
                exactly &= plane if count >> digit & 1 else self.everyone ^ plane
                if not exactly:
                    break
            while exactly:
                lowest = exactly & -exactly
                found.append((self.order[lowest.bit_length() - 1], count))
                if len(found) == limit:
                    return found
                exactly ^= lowest
        return found


def _date_key(article: Article) -> str:
    """Newest first when used as an ascending sort key; a date given as a year or a month after the dates within it."""
    published = article.fields.source.published
    whole = published + "-00" * (2 - published.count("-"))  # YYYY, YYYY-MM, YYYY-MM-DD: the same length
    return "".join(chr(0x10FFFF - ord(char)) for char in whole)


def newest_first(articles: dict[str, Article]) -> list[Article]:
    return sorted(articles.values(), key=lambda a: (_date_key(a), a.slug))


def article_refs(article: Article, content: Content, mention_refs: Sequence[str]) -> list[str]:
    """The entities a brief involves, in first-use order: its mentions, then what its notes are about."""
    refs: dict[str, None] = dict.fromkeys(mention_refs)
    for annotation in article.annotations:
        fields = annotation.fields
        for ref in [f"term:{t}" for t in fields.terms if t in content.glossary] + [f"actor:{a}" for a in fields.actors if a in content.actors]:
            refs[ref] = None
        if fields.kind == "quotation" and fields.speaker in content.actors:
            refs[f"actor:{fields.speaker}"] = None
    return list(refs)


def build_relations(content: Content, guessed: Mapping[str, Sequence[str]] | None = None, uses: bool = True) -> Relations:
    """Relations among valid entities only: a dangling reference is reported elsewhere and left out here.

    `guessed`: for briefs not read yet, the entities their text seems to mention; such a brief
    counts in `entities_of` (related briefs, "In this brief") but gives no uses. `uses=False`:
    no uses at all (for pages that do not show them). What each article gives is kept between
    builds while the article (the same object) and the known entities are the same.
    """
    relations = Relations()
    guessed = guessed or {}
    known = digest(repr(sorted(content.glossary)), repr(sorted(content.actors)))
    for article in newest_first(content.articles):
        if article.slug in guessed:
            part = Contribution(article_refs(article, content, guessed[article.slug]), [], _quotations(article, content))
        else:
            part = _contribution(article, content, known)
            if uses:
                for use in part.uses:
                    relations.uses[use.ref].append(use)
                relations.contributions[article.slug] = part
                relations.shown_uses.append(part)
        relations.entities_of[article.slug] = part.refs
        for speaker, quotation in part.quotations:
            relations.quotations[speaker].append(quotation)
        for tag in article.fields.tags:
            relations.tags[tag].append(article)
        for author in dict.fromkeys(a for a in article.fields.source.authors if isinstance(a, str) and a in content.actors):
            relations.authored[author].append(article)
    for actor in content.actors.values():
        for member in actor.fields.members:
            if member in content.actors:
                relations.member_of[member].append(actor.id)
    return relations


@dataclass
class Contribution:
    """What one article gives the relations: the entities it involves, its uses of them, its quotations."""

    refs: list[str]
    uses: list[Use]
    quotations: list[tuple[str, tuple[Article, Annotation]]]
    _use_keys: dict[str, str] | None = None

    def use_keys(self) -> dict[str, str]:
        """Per entity: what this article's uses of it show, as one text (for knowing when an entity's page changes)."""
        if self._use_keys is None:
            shown: dict[str, list] = defaultdict(list)
            for use in self.uses:
                note = use.annotation
                shown[use.ref].append((use.sentence, use.quoted, use.anchor, (note.id, note.fields.kind, note.fields.quote) if note else None))
            article = self.uses[0].article if self.uses else None
            self._use_keys = {use_ref: f"{article.slug}:{article.fields.title}:{digest(repr(parts))}" for use_ref, parts in shown.items()}
        return self._use_keys


_contributions: dict[str, tuple[Article, str, Contribution]] = {}


def _contribution(article: Article, content: Content, known: str) -> Contribution:
    kept = _contributions.get(article.slug)
    if kept is not None and kept[0] is article and kept[1] == known:
        return kept[2]
    sentences = _Sentences(article)
    uses = _once_per_sentence(sentences.use(mention) for mention in article.mentions)
    for annotation in article.annotations:
        fields = annotation.fields
        for ref in [f"term:{t}" for t in fields.terms if t in content.glossary] + [f"actor:{a}" for a in fields.actors if a in content.actors]:
            uses.append(Use(article, ref, annotation=annotation))
    part = Contribution(article_refs(article, content, [mention.target.ref for mention in article.mentions]), uses, _quotations(article, content))
    _contributions[article.slug] = (article, known, part)
    return part


def _once_per_sentence(uses: Iterable[Use]) -> list[Use]:
    """An entity's mentions, one per sentence (the first): a sentence naming it twice is listed once."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for use in uses:
        place = (use.ref, use.mention.block, use.start)
        if place not in seen:
            seen.add(place)
            kept.append(use)
    return kept


def _quotations(article: Article, content: Content) -> list[tuple[str, tuple[Article, Annotation]]]:
    return [(note.fields.speaker, (article, note)) for note in article.annotations if note.fields.kind == "quotation" and note.fields.speaker in content.actors]


def forget_articles(keep: set[str]) -> None:
    for slug in [slug for slug in _contributions if slug not in keep]:
        del _contributions[slug]


@lru_cache(maxsize=None)
def sentence_ends(text: str) -> list[int]:
    """`sentences.sentence_ends`, once per paragraph text (kept between builds: articles seldom change)."""
    return _sentence_ends(text)


class _Sentences:
    """The sentence around each mention of one article (sentence ends found once per paragraph)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.ends: dict[int, list[int]] = {}

    def use(self, mention: Mention) -> Use:
        text = self.article.reader_blocks[mention.block]
        ends = self.ends.get(mention.block)
        if ends is None:
            ends = self.ends[mention.block] = sentence_ends(text)
        start, end = sentence_at(text, mention.start, ends)
        return Use(self.article, mention.target.ref, mention, start=start, end=end, quoted=in_quotation(text, start, end))

