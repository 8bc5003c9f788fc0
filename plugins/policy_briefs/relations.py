"""What links to what: backlinks, quotations, related briefs, co-mentions, memberships."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .mentions import Mention
from .model import Annotation, Article, Content
from .sentences import sentence_at

RELATED_LIMIT = 5


@dataclass(frozen=True)
class Use:
    """One use of an entity in a brief: a mention in the text with its sentence, or a note about it."""

    article: Article
    sentence: str = ""
    anchor: str = ""  # element id on the brief page
    annotation: Annotation | None = None


@dataclass
class Relations:
    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))  # by target ref
    quotations: dict[str, list[tuple[Article, Annotation]]] = field(default_factory=lambda: defaultdict(list))  # by actor id
    entities_of: dict[str, list[str]] = field(default_factory=dict)  # article slug -> target refs, in first-use order
    member_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # actor id -> bloc ids
    tags: dict[str, list[Article]] = field(default_factory=lambda: defaultdict(list))

    def related_briefs(self, slug: str, articles: dict[str, Article]) -> list[tuple[Article, int]]:
        """Other briefs ranked by how many entities they share with this one."""
        mine = set(self.entities_of.get(slug, ()))
        scored = [(other, len(mine & set(self.entities_of.get(other.slug, ())))) for other in articles.values() if other.slug != slug]
        scored = [(other, score) for other, score in scored if score]
        scored.sort(key=lambda pair: (-pair[1], _date_key(pair[0]), pair[0].slug))
        return scored[:RELATED_LIMIT]

    def co_mentioned(self, actor_id: str) -> list[tuple[str, int]]:
        """Actors mentioned in the same briefs as this one, most often first."""
        ref = f"actor:{actor_id}"
        counts: Counter[str] = Counter()
        for refs in self.entities_of.values():
            if ref in refs:
                counts.update(other for other in refs if other.startswith("actor:") and other != ref)
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:RELATED_LIMIT]


def _date_key(article: Article) -> str:
    """Newest first when used as an ascending sort key."""
    return "".join(chr(0x10FFFF - ord(char)) for char in article.fields.source.published)


def newest_first(articles: dict[str, Article]) -> list[Article]:
    return sorted(articles.values(), key=lambda a: (_date_key(a), a.slug))


def build_relations(content: Content) -> Relations:
    """Relations among valid entities only: a dangling reference is reported elsewhere and left out here."""
    relations = Relations()
    for article in newest_first(content.articles):
        refs: dict[str, None] = {}
        for mention in article.mentions:
            relations.uses[mention.target.ref].append(_use(article, mention))
            refs[mention.target.ref] = None
        for annotation in article.annotations:
            fields = annotation.fields
            known = [f"term:{t}" for t in fields.terms if t in content.glossary] + [f"actor:{a}" for a in fields.actors if a in content.actors]
            for ref in known:
                relations.uses[ref].append(Use(article, annotation=annotation))
                refs[ref] = None
            if fields.kind == "quotation" and fields.speaker in content.actors:
                relations.quotations[fields.speaker].append((article, annotation))
                refs[f"actor:{fields.speaker}"] = None
        relations.entities_of[article.slug] = list(refs)
        for tag in article.fields.tags:
            relations.tags[tag].append(article)
    for actor in content.actors.values():
        for member in actor.fields.members:
            if member in content.actors:
                relations.member_of[member].append(actor.id)
    return relations


def _use(article: Article, mention: Mention) -> Use:
    text = article.reader_blocks[mention.block]
    start, end = sentence_at(text, mention.start)
    return Use(article, text[start:end], mention.anchor)
