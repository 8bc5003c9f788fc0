"""Field definitions of the four content file kinds (the contract), as pydantic models.

The same models validate the files and generate their JSON Schemas.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .safehtml import keeps_address

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"  # BCP 47 (in any case: tags are case-insensitive), as far as a title's language needs
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN), Field(description="lowercase letters, digits and single hyphens")]
SHOWN = r"[^\s\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"  # a character a page shows: not white space, nor one of `entities.INVISIBLE`
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=SHOWN)]
Markdown = Annotated[str, StringConstraints(min_length=1, pattern=r"\S"), Field(description="Markdown text")]


def _check_address(value: str) -> str:
    if not keeps_address(value):  # (a page would show the link with no address)
        raise ValueError("not a web address a browser can open (a host after //, a port up to 65535)")
    return value


WebUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/]+\S*$"), AfterValidator(_check_address), Field(description="an http(s) address")]


def _check_date(value: str) -> str:
    match = DATE_PATTERN.match(value)
    if not match:
        raise ValueError("date must be YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month:02d} does not exist")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"day {day:02d} does not exist in {year}-{month:02d}")
    if year > datetime.date.today().year + 1:  # (a typo: 3016, 2106; a year's margin for any time zone and a date announced)
        raise ValueError(f"year {year} is yet to come")
    return value


def _year_as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PublishedDate = Annotated[
    str,
    BeforeValidator(_year_as_text),
    AfterValidator(_check_date),
    Field(description="YYYY, YYYY-MM or YYYY-MM-DD", json_schema_extra={"pattern": DATE_PATTERN.pattern}),
]


# Each distinct set of the fields a file gives, shared by the models that give it (see `_Strict.model_post_init`).
_GIVEN_FIELDS: dict[frozenset[str], set[str]] = {}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of given fields among models that give the same ones: a note's own set was a third of its memory.

        Pydantic adds to the set only when a field is set, which a frozen model refuses.
        """
        given = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__", _GIVEN_FIELDS.setdefault(frozenset(given), given))


LanguageTag = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_TAG_PATTERN),
    Field(description="a language tag: ru, zh-Hant, pt-BR"),
]


class SourceLink(_Strict):
    """A reference backing a statement."""

    title: Text
    url: WebUrl
    lang: LanguageTag | None = None
    publisher: Text | None = None


class NamedAuthor(_Strict):
    """A writer with no actor profile."""

    name: Text


class SourceInfo(_Strict):
    """Where and when an article was first published."""

    publisher: Text
    url: WebUrl | None = None
    published: PublishedDate
    date_note: Text | None = Field(None, description="when the source gives no exact date: why the date is approximate")
    authors: list[Id | NamedAuthor] = []


class ArticleFields(_Strict):
    """Front matter of `articles/<slug>.md`."""

    title: Text
    source: SourceInfo
    summary: Markdown
    takeaways: list[Markdown] = []
    tags: list[Id] = []


Kind = Literal["context", "claim", "quotation", "fact-check", "question"]
Verdict = Literal["accurate", "imprecise", "inaccurate", "unverifiable"]


class AnnotationFields(_Strict):
    """One entry of `articles/<slug>.annotations.yml`."""

    id: Id
    kind: Kind
    quote: Text
    prefix: str | None = None
    suffix: str | None = None
    body: Markdown | None = None
    speaker: Id | None = None
    verdict: Verdict | None = None
    actors: list[Id] = []
    terms: list[Id] = []
    sources: list[SourceLink] = []


class AnnotationFileFields(_Strict):
    """The whole `articles/<slug>.annotations.yml` file."""

    annotations: list[AnnotationFields]


class GlossaryFields(_Strict):
    """`glossary/<id>.yml`."""

    term: Text
    expansion: Text | None = None
    aliases: list[Text] = []
    definition: Markdown
    related: list[Id] = []
    actors: list[Id] = []
    sources: list[SourceLink] = []


ActorType = Literal["person", "state", "organization"]


class ActorFields(_Strict):
    """`actors/<id>.yml`."""

    name: Text
    type: ActorType
    aliases: list[Text] = []
    role: Text | None = None
    affiliations: list[Id] = []
    members: list[Id] = []
    summary: Markdown
    sources: list[SourceLink] = []
