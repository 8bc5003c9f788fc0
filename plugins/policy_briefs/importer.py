"""`briefs import`: a saved web article (HTML or copied text) as an article source.

HTML goes through trafilatura, a maintained main-content extractor, which
drops navigation, headers, footers, sidebars and banners and keeps headings,
paragraphs, quotations and lists. Copied or scraped text has no markup to go
by, so it is split into paragraphs and the lines sites add around an article
are recognised by their wording. In both cases those wording rules then remove
what an extractor keeps because it sits inside the article (ad-blocker
notices, "back to top", share and subscribe prompts, publisher disclaimers),
and everything removed is reported so the editor can check it.
"""

from __future__ import annotations

import codecs
import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import charset_normalizer

from .messages import slugify
from .readertext import normalize
from .scaffold import FrontMatter

# -- what gets removed ---------------------------------------------------------------

SHORT_BLOCK_WORDS = 60  # wording rules apply only to blocks this short: never to real paragraphs

_SOCIAL = r"(facebook|twitter|x|linkedin|whatsapp|telegram|reddit|vk|pinterest|e-?mail|print|copy link)"
CHROME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("ad-blocker notice", r"^ad[ -]?block(er)? detected\b"),
        ("ad-blocker notice", r"\bad[ -]?block(er|ing)?\b.{0,80}\b(detected|disable|disabling|turn off|whitelist|allow)\b"),
        ("ad-blocker notice", r"\b(detected|disable|disabling|turn off|whitelist)\b.{0,80}\bad[ -]?block"),
        ("advertisement", r"^(advertisement|advertising|sponsored( content)?|ad)\W*$"),
        ("back to top", r"^(back|return|scroll|go) to (the )?top( button)?\W*$"),
        ("related articles", r"^(related|recommended|popular|trending|latest|similar|more) (articles?|stories|posts|news|reads?|reading|content)\W*$"),
        ("related articles", r"^(you (may|might) also (like|enjoy|be interested in)|read (also|more|next)|see also|also read)\b.{0,80}$"),
        ("share prompt", rf"^(share|share this( article| story| page| post)?|tweet|pin( it)?|copy link|share (it )?on {_SOCIAL})\W*$"),
        ("share prompt", rf"^(share( this)?( on)?:?\s*)?({_SOCIAL}[\s,|·•/]*){{2,}}$"),
        ("subscribe prompt", r"\b(subscribe|sign up|signup)\b.{0,60}\b(newsletter|updates|inbox|mailing list|digest)\b"),
        ("subscribe prompt", r"^(subscribe|subscribe now|get our newsletter|newsletter)\W*$"),
        ("follow prompt", r"^follow us\b.{0,60}$"),
        ("cookie prompt", r"\b(we|this (web)?site|our site) uses? cookies\b|\bcookie (policy|settings|preferences|consent|notice)\b|\baccept (all )?cookies\b"),
        ("navigation", r"^(skip to (main )?content|(main )?menu|navigation|toggle navigation|open menu|close menu|search)\W*$"),
        ("navigation", r"^home\s*[>›»/|]"),
        ("footer", r"^(©|\(c\)\s|copyright\b)"),
        ("footer", r"\ball rights reserved\b"),
        ("footer", r"^(privacy( policy)?|terms (of use|and conditions|of service)|contact( us)?|about us|imprint|legal notice)\W*$"),
        ("comments prompt", r"^(leave a (comment|reply)|\d+ comments?|comments?|add a comment|post a comment)\W*$"),
        ("publisher disclaimer", r"\b(views|opinions)\b.{0,80}\bexpressed\b.{0,200}\b(rather than|not necessarily|are (those )?of|are solely|do not reflect)\b"),
        ("publisher disclaimer", r"^(the )?(views|opinions) expressed (in|here|on)\b"),
    )
)
RELATED_HEADING = re.compile(r"^(related|recommended|popular|trending|latest|similar|more) (articles?|stories|posts|news|reads?|reading|content)\W*$", re.IGNORECASE)
# Single-word section labels a copied page starts with, above the headline ("Articles", "News").
SECTION_LABEL = re.compile(r"^[A-Z][\w&’'-]*( [A-Z&][\w’'-]*)?$")
BYLINE = re.compile(r"^[Bb]y\s+(?P<names>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})*)$")
DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y-%m-%d", "%d.%m.%Y")
SMALL_WORDS = frozenset("a an and as at but by for from in into is nor of on or over per so than the to toward towards up via vs with without yet".split())
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
_INLINE_SPACE = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class Removed:
    """Text left out of the article, and why."""

    reason: str
    text: str

    def describe(self, width: int = 100) -> str:
        text = self.text if len(self.text) <= width else self.text[: width - 1].rstrip() + "…"
        return f"[{self.reason}] {text}"


@dataclass
class Imported:
    """An article read from a saved page."""

    front: FrontMatter
    blocks: list[str]  # Markdown blocks: paragraphs, `## ` headings, quotes, lists
    removed: list[Removed] = field(default_factory=list)
    kind: str = "text"  # "html", "markdown" or "text"
    inferred: list[str] = field(default_factory=list)  # front matter fields filled from the page
    assumed_encoding: str | None = None  # the encoding a file that is not UTF-8 was read in, when none was given

    @property
    def body(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


def chrome_reason(text: str) -> str | None:
    """Why a block is site chrome, or None if it may be article text."""
    plain = _collapse(text)
    if not plain or len(plain.split()) > SHORT_BLOCK_WORDS:
        return None
    for reason, pattern in CHROME_RULES:
        if pattern.search(plain):
            return reason
    return None


# -- Markdown ------------------------------------------------------------------------

# An underscore is escaped unless a letter or digit is on both sides of it (snake_case stays as written).
_INLINE_SPECIAL = re.compile(r"([\\`*])|(?<![^\W_])_|_(?![^\W_])|<(?=[A-Za-z/!?])")
_LINK_MAKING = re.compile(r"\][(\[:]")  # what can make a link of text in brackets
_LINE_START = re.compile(r"^(#|>|[-+*](?=\s)|=+\s*$|-+\s*$|(\d+)([.)])(?=\s))")


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders as the same text (typography untouched)."""
    text = escape_markdown_inline(text)
    return _LINE_START.sub(lambda m: f"{m.group(2)}\\{m.group(3)}" if m.group(2) else "\\" + m.group(0), text)


def _collapse(text: str) -> str:
    return " ".join(text.split())


# -- plain text ----------------------------------------------------------------------


def _normalized(text: str) -> str:
    """Text without a byte order mark, its lines ending in `\n`."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def import_text(text: str) -> Imported:
    """An article copied or scraped as text: title first, paragraphs between blank lines."""
    text = _normalized(text)
    paragraphs = _paragraphs(text)
    result = Imported(FrontMatter(), [], kind="text")
    kept = _drop_chrome(paragraphs, result.removed)
    kept = _take_title(kept, result)
    kept = _take_byline(kept, result)
    order = {text: index for index, text in reversed(list(enumerate(paragraphs)))}
    result.removed.sort(key=lambda removed: order.get(removed.text, len(paragraphs)))
    for index, paragraph in enumerate(kept):
        is_last = index == len(kept) - 1
        listed = _list_markdown(paragraph)
        if listed is not None:
            result.blocks.append(listed)
        elif not is_last and looks_like_heading(paragraph):
            result.blocks.append("## " + escape_markdown(paragraph))
        else:
            result.blocks.append(escape_markdown(paragraph))
    return result


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_HEADING_1 = re.compile(r"#[ \t]+(?P<title>[^\n]*?)[ \t#]*")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")


def import_markdown(text: str) -> Imported:
    """An article saved as Markdown: its blocks kept as written, the title from its first `# ` heading."""
    blocks = _markdown_blocks(_normalized(text))
    result = Imported(FrontMatter(), [], kind="markdown")
    kept = _drop_chrome(blocks, result.removed)
    heading = _HEADING_1.fullmatch(kept[0]) if kept else None
    if heading is not None:
        result.front.title = heading.group("title")
        result.inferred.append("title")
        kept = kept[1:]
    else:
        kept = _take_title(kept, result)
    result.blocks = [_below_title(block) for block in _take_byline(kept, result)]
    return result


_SETEXT_1 = re.compile(r"(?P<title>[^\n]+)\n[ ]{0,3}=+[ \t]*(?=\n|$)")


def _below_title(block: str) -> str:
    """A block, a heading of level 1 that starts it made one of level 2: the brief's title is its page's only one."""
    first, newline, rest = block.partition("\n")
    heading = _HEADING_1.fullmatch(first)
    if heading is not None:
        return f"## {heading.group('title').strip()}{newline}{rest}"
    underlined = _SETEXT_1.match(block)
    return f"## {underlined.group('title').strip()}{block[underlined.end():]}" if underlined is not None else block


def _markdown_blocks(text: str) -> list[str]:
    """Blocks between blank lines, as written; a fenced code block is one block, blank lines and all."""
    blocks, current, fence = [], [], None
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        if line.strip() or fence is not None:
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def refuse_front_matter(text: str) -> None:
    """A file that starts with front matter is a brief's article already, not a page to import."""
    if _FRONT_MATTER.match(_normalized(text)):
        raise ValueError(
            "it starts with front matter between '---' lines, as an article file of the site does: copy it into "
            "briefs/articles/ as it is and run briefs check, or remove the front matter to import its text"
        )


def _paragraphs(text: str) -> list[str]:
    """Blocks between blank lines, each on one line; one block per line if there are no blank lines.

    Within a block, list items stay one per line (a list's block), and a byline or a date line is a block of its own.
    """
    lines = text.split("\n")
    if not any(not line.strip() for line in lines[: len(lines) - 1]) and len([ln for ln in lines if ln.strip()]) > 1:
        chunks = [[line] for line in lines]
    else:
        chunks, current = [], []
        for line in lines:
            if line.strip():
                current.append(line)
            elif current:
                chunks.append(current)
                current = []
        if current:
            chunks.append(current)
    return [block for chunk in chunks for block in _blocks_of(chunk)]


def _blocks_of(chunk: list[str]) -> list[str]:
    """The lines between two blank lines as blocks: a paragraph's lines joined, list items kept apart, a byline or a date line alone."""
    blocks: list[str] = []
    words: list[str] = []
    items: list[str] = []
    listed = sum(1 for line in chunk if _ITEM.match(line.strip())) >= 2  # (one line that begins "2. " or "- " is a wrapped sentence's)

    def flush(lines: list[str], joiner: str) -> None:
        if lines:
            blocks.append(joiner.join(lines))
            lines.clear()

    for line in (_INLINE_SPACE.sub(" ", line).strip() for line in chunk):
        if listed and _ITEM.match(line):
            flush(words, " ")
            items.append(line)
            continue
        flush(items, "\n")
        if BYLINE.match(line) or parse_date(line):
            flush(words, " ")
            blocks.append(line)
        elif line:
            words.append(line)
    flush(words, " ")
    flush(items, "\n")
    return blocks


_ITEM = re.compile(r"(?:(?P<bullet>[-•*])|(?P<number>\d{1,3})[.)])\s+(?P<text>\S.*)")  # a list's item, as text copied from a page writes it


def _list_markdown(block: str) -> str | None:
    """A block of list items as a Markdown list (None if it is not one)."""
    items = [_ITEM.fullmatch(line) for line in block.split("\n")]
    if not all(items):
        return None
    ordered = all(item["number"] for item in items)
    return "\n".join(f"{item['number'] + '.' if ordered else '-'} {escape_markdown_inline(item['text'])}" for item in items)


def _drop_chrome(blocks: list[str], removed: list[Removed]) -> list[str]:
    """Blocks that are not chrome; after a "Related articles" heading, the headlines under it too."""
    kept = []
    in_related = False
    for block in blocks:
        plain = _collapse(block.lstrip("#> ").strip())
        if RELATED_HEADING.match(plain):
            in_related = True
            removed.append(Removed("related articles", plain))
            continue
        reason = chrome_reason(plain)
        if reason:
            removed.append(Removed(reason, plain))
            continue
        if in_related and _headline_like(plain):
            removed.append(Removed("related articles", plain))
            continue
        in_related = False
        kept.append(block)
    return kept


def _headline_like(text: str) -> bool:
    return len(text.split()) <= 20 and not text.rstrip("”’\"')").endswith((".", "!", ":", ";", ","))


def _take_title(blocks: list[str], result: Imported) -> list[str]:
    """The first block is the headline, once section labels above it are dropped."""
    while len(blocks) > 2 and _section_label(blocks[0]) and _headline_like(blocks[1]):
        result.removed.append(Removed("section label", blocks[0]))
        blocks = blocks[1:]
    if blocks and _headline_like(blocks[0]):
        result.front.title = blocks[0]
        result.inferred.append("title")
        return blocks[1:]
    return blocks


def _take_byline(blocks: list[str], result: Imported) -> list[str]:
    """A "By Jane Doe" line and a date line just under the headline become front matter."""
    taken = 0
    for block in blocks[:2]:
        byline = BYLINE.match(block)
        date = parse_date(block)
        if byline and not result.front.authors:
            result.front.authors = [{"name": name.strip()} for name in re.split(r"\s*(?:,|\band\b|&)\s*", byline.group("names")) if name.strip()]
            result.inferred.append("authors")
            result.removed.append(Removed("byline (now in the front matter)", block))
        elif date and not result.front.published:
            result.front.published = date
            result.inferred.append("published")
            result.removed.append(Removed("date line (now in the front matter)", block))
        else:
            break
        taken += 1
    return blocks[taken:]


def parse_date(text: str) -> str | None:
    """A line that is only a date, as YYYY-MM-DD."""
    candidate = text.strip().rstrip(".")
    if len(candidate) > 30:
        return None
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(candidate, form).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return None


def looks_like_heading(text: str) -> bool:
    """A short title-case line without final punctuation (a question mark is allowed)."""
    words = text.split()
    if not 2 <= len(words) <= HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS:
        return False
    if text.rstrip("”’\"')").endswith((".", ",", ";", ":", "!", "…")) or not text[0].isupper():
        return False
    significant = [w for w in words if w.strip("“‘\"'(").lower() not in SMALL_WORDS and any(c.isalpha() for c in w)]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w.strip("“‘\"'(")[:1].isupper())
    return capitalised / len(significant) >= 0.75


# -- HTML ----------------------------------------------------------------------------

BLOCK_TAGS = frozenset("address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split())
SKIPPED_TAGS = frozenset("script style noscript template svg head iframe object canvas select option".split())
# Words in an element's tag, id or class that say what a removed region was (for the report only).
REGION_HINTS = (
    ("cookie prompt", ("cookie", "consent", "gdpr")),
    ("navigation", ("nav", "menu", "breadcrumb", "skip")),
    ("footer", ("footer",)),
    ("header", ("header", "masthead", "topbar")),
    ("share prompt", ("share", "social")),
    ("subscribe prompt", ("subscribe", "newsletter", "signup")),
    ("related articles", ("related", "recommend", "more-articles", "read-more")),
    ("advertisement", ("advert", "ads", "sponsor", "promo", "banner")),
    ("comments", ("comment",)),
    ("sidebar", ("aside", "sidebar", "widget")),
)


def import_html(data: bytes | str, url: str | None = None) -> Imported:
    """An HTML page saved from a browser."""
    import trafilatura  # imported here: only `briefs import` needs it
    from trafilatura.settings import use_config
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise ValueError("the file could not be read as HTML")
    config = use_config()
    # Its own reading of a short article's structure (headings, paragraphs, quotes), not the fallback
    # it turns to below 250 characters, which runs the article's blocks into one paragraph.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree), url=url, with_metadata=True, include_formatting=True, include_links=False,
        include_images=False, include_tables=False, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True}, config=config,
    )
    result = Imported(FrontMatter(), [], kind="html")
    if document is None or document.body is None:
        result.removed.extend(_removed_regions(tree, ""))
        return result
    _front_from_metadata(document, declared_date(tree), result)
    blocks = _blocks_from_xml(document.body, result.front.title, result.removed)
    kept_text = " ".join([result.front.title or "", *(text for _, text in blocks)])
    result.removed.extend(_removed_regions(tree, kept_text))
    kept = _drop_chrome([markdown for markdown, _ in blocks], result.removed)
    result.blocks = kept
    return result


def _front_from_metadata(document, declared: tuple[bool, str | None], result: Imported) -> None:
    """The front matter the page's metadata gives; its publication date as precise as the page declares it (`declared_date`), else as found in its text."""
    front = result.front
    published = declared[1] if declared[0] else document.date
    for name, value in (("title", document.title), ("publisher", document.sitename), ("url", document.url), ("published", published)):
        if value and str(value).strip():
            value = _collapse(str(value))
            if name == "url" and not re.match(r"^https?://", value):
                continue
            setattr(front, name, value)
            result.inferred.append(name)
    if document.author:
        front.authors = [{"name": name.strip()} for name in re.split(r";|\band\b", document.author) if name.strip()]
        result.inferred.append("authors")


def declared_date(tree) -> tuple[bool, str | None]:
    """The publication date a page declares in its metadata (YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is written).

    (False, None) if it declares none; (True, None) if the first it declares is no real date (`2016-04-31`).
    The extractor's own date makes up what a declared date leaves out (`2016-05` would read as a day of
    that month), so the page's own word goes first.
    """
    for value in _declared_dates(tree):
        match = _DECLARED_DATE.match(value)
        if match is None:
            continue
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return True, None
        return True, "-".join(f"{part:02d}" for part in (year, month, day) if part is not None)
    return False, None


_DECLARED_DATE = re.compile(r"\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s])")
_DATE_NAMES = frozenset(  # the names a page's <meta> gives its publication date by, in name, property or itemprop
    "article:published_time og:published_time datepublished date dc.date dc.date.issued dcterms.created dcterms.issued "
    "citation_publication_date citation_date pubdate publishdate publish-date parsely-pub-date sailthru.date".split()
)


def _declared_dates(tree) -> Iterator[str]:
    """The publication dates a page's <meta> elements, its `<time itemprop="datePublished">` and its JSON-LD give, in that order."""
    for meta in tree.iter("meta"):
        names = {(meta.get(attribute) or "").strip().lower() for attribute in ("name", "property", "itemprop")}
        if names & _DATE_NAMES and meta.get("content"):
            yield meta.get("content")
    for time in tree.iter("time"):
        if (time.get("itemprop") or "").lower() == "datepublished" and time.get("datetime"):
            yield time.get("datetime")
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                yield from _json_ld_dates(json.loads(script.text))
            except (ValueError, RecursionError):
                continue


def _json_ld_dates(data: object) -> Iterator[str]:
    """Every `datePublished` in JSON-LD, depth first."""
    if isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            yield data["datePublished"]
        for value in data.values():
            yield from _json_ld_dates(value)
    elif isinstance(data, list):
        for item in data:
            yield from _json_ld_dates(item)


def _same_text(a: str, b: str) -> bool:
    return normalize(_collapse(a)).casefold() == normalize(_collapse(b)).casefold()


def _blocks_from_xml(body, title: str | None, removed: list[Removed]) -> list[tuple[str, str]]:
    """trafilatura's XML as (Markdown, plain text) blocks; the top heading level becomes `##`.

    The headline is the title, in the front matter: it and the section labels above it ("Security") are left out.
    """
    elements = list(body)
    headline = next((n for n, element in enumerate(elements[:4]) if element.tag == "head" and title and _same_text(_plain(element), title)), None)
    if headline is not None and all(_section_label(_plain(element)) for element in elements[:headline]):
        removed.extend(Removed("section label", _plain(element)) for element in elements[:headline])
        elements = elements[headline + 1 :]
    levels = [_heading_level(el) for el in elements if el.tag == "head"]
    top = min(levels or [2])
    blocks: list[tuple[str, str]] = []
    for element in elements:
        _element_blocks(element, blocks, top)
    return [(markdown, plain) for markdown, plain in blocks if plain.strip()]


def _heading_level(element) -> int:
    rend = element.get("rend", "")
    return int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2


def _element_blocks(element, blocks: list[tuple[str, str]], top: int) -> None:
    tag = element.tag
    if tag == "head":
        depth = min(max(2, _heading_level(element) - top + 2), 6)
        text = _inline(element)
        blocks.append(("#" * depth + " " + text, _plain(element)))
    elif tag == "p":
        blocks.append((_inline(element), _plain(element)))
    elif tag == "quote":
        inner: list[tuple[str, str]] = []
        if len(element) and all(child.tag in {"p", "list", "quote", "head"} for child in element):
            for child in element:
                _element_blocks(child, inner, top)
        else:
            inner.append((_inline(element), _plain(element)))
        markdown = "\n>\n".join("\n".join("> " + line for line in text.split("\n")) for text, _ in inner)
        blocks.append((markdown, " ".join(plain for _, plain in inner)))
    elif tag == "list":
        blocks.append(("\n".join(_list_lines(element)), _plain(element)))
    elif tag == "code":
        text = "".join(element.itertext()).strip("\n")
        blocks.append((f"```\n{text}\n```", text))
    elif tag in {"div", "section"}:
        for child in element:
            _element_blocks(child, blocks, top)
    elif tag not in {"graphic", "table", "lb"}:
        text = _plain(element)
        if text:
            blocks.append((escape_markdown(text), text))


def _list_lines(element, depth: int = 0) -> list[str]:
    """A list's items as Markdown lines, a list within an item indented under it."""
    ordered = element.get("rend", "").lower() in {"ol", "ordered"}
    lines = []
    for number, item in enumerate((child for child in element if child.tag == "item"), start=1):
        nested = [child for child in item if child.tag == "list"]
        own = copy.deepcopy(item)
        for child in [child for child in own if child.tag == "list"]:
            _remove_keeping_tail(child)
        lines.append(f"{'    ' * depth}{f'{number}.' if ordered else '-'} {_inline(own)}")
        for inner in nested:
            lines += _list_lines(inner, depth + 1)
    return lines


def _remove_keeping_tail(element) -> None:
    """An element taken out of its parent, the text after it kept in its place."""
    parent, previous = element.getparent(), element.getprevious()
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _section_label(text: str) -> bool:
    """A label a page sets above its headline ("Security", "Asia Pacific")."""
    return bool(SECTION_LABEL.match(text)) and len(text.split()) <= 2


_EMPHASIS = {"#i": "*", "#b": "**", "#t": "`"}
_OPENING_MARKS = ("“", "‘", '"', "'", "«", "„")


def _inline(element) -> str:
    """An element's text as inline Markdown: emphasis kept, links and line breaks as text."""
    text = _inline_text(element)
    if _LINK_MAKING.search(text):  # (brackets apart in different elements make a link too: `[see <i>this</i>](x)`)
        text = "".join(part if _CODE_SPAN.fullmatch(part) else part.replace("[", "\\[") for part in _CODE_SPAN.split(text))
    return _LINE_START.sub(lambda m: f"{m.group(2)}\\{m.group(3)}" if m.group(2) else "\\" + m.group(0), text)


_CODE_SPAN = re.compile(r"((?<!\\)`[^`]*`)")  # one the page wrote as code (every other backtick is escaped)


def _inline_text(element) -> str:
    """`_inline` before brackets and a line's start are escaped."""
    parts: list[str] = [escape_markdown_inline(element.text or "", brackets=False)]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        else:
            inner = _inline_text(child)
            mark = _EMPHASIS.get(child.get("rend", "")) if child.tag == "hi" else None
            if mark == "`":
                inner = "".join(child.itertext())
            stripped = inner.strip()
            quoted = child.tag == "quote" and not stripped.startswith(_OPENING_MARKS)  # (`<q>`: a browser shows its marks)
            marks = (mark, mark) if mark else ("“", "”") if quoted else None
            if marks and stripped:
                lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
                parts.append(f"{lead}{marks[0]}{stripped}{marks[1]}{trail}")
            else:
                parts.append(inner)
        parts.append(escape_markdown_inline(child.tail or "", brackets=False))
    return _collapse("".join(parts))


def escape_markdown_inline(text: str, brackets: bool = True) -> str:
    """Text as Markdown that renders as the same text within a line (brackets escaped only where they could make a link: an editorial [sic] stays).

    `brackets=False`: brackets left as they are, for the caller to escape.
    """
    text = _INLINE_SPECIAL.sub(lambda m: "&lt;" if m.group(0) == "<" else "\\" + m.group(0), text)
    return text.replace("[", "\\[") if brackets and _LINK_MAKING.search(text) else text


def _plain(element) -> str:
    return _collapse(" ".join(element.itertext()))


def _removed_regions(tree, kept_text: str) -> list[Removed]:
    """Text of the page the extractor left out, grouped by region, in page order."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    kept = _comparable(kept_text)
    removed: list[Removed] = []
    for element, text in _text_blocks(root):
        if _comparable(text) in kept:
            continue
        reason = _region_reason(element) or chrome_reason(text) or "not article text"
        if removed and removed[-1].reason == reason:
            removed[-1] = Removed(reason, f"{removed[-1].text} · {text}")
        else:
            removed.append(Removed(reason, text))
    return removed


def _comparable(text: str) -> str:
    """Text as the page's and the article's are compared: without white space, which the page's inline tags split apart ("a link ,")."""
    return "".join(normalize(text).casefold().split())


def _text_blocks(root) -> list[tuple[object, str]]:
    """(element, text) for each run of block text, in document order.

    A block holding no other block gives all its text; an element holding
    blocks gives each run of text between them on its own.
    """
    structural: set = set()  # elements that are blocks or hold one
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS and not _skipped(element):
            structural.add(element)
            structural.update(element.iterancestors())
    found: list[tuple[object, str]] = []

    def emit(element, parts: list[str]) -> None:
        text = _collapse(" ".join(parts))
        if text:
            found.append((element, text))

    def visit(element) -> None:
        if not any(child in structural for child in element):
            emit(element, [_own_text(element)])
            return
        run = [element.text or ""]
        for child in element:
            if child in structural:
                emit(element, run)
                run = []
                visit(child)
            elif isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
                run.append(_own_text(child))
            run.append(child.tail or "")
        emit(element, run)

    if root in structural:
        visit(root)
    return found


def _skipped(element) -> bool:
    return any(isinstance(node.tag, str) and node.tag in SKIPPED_TAGS for node in (element, *element.iterancestors()))


def _own_text(element) -> str:
    """An element's text, leaving out scripts and the like."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def _region_reason(element) -> str | None:
    for node in (element, *element.iterancestors()):
        if not isinstance(node.tag, str):
            continue
        words = " ".join((node.tag, node.get("id", ""), node.get("class", ""), node.get("role", ""), node.get("aria-label", ""))).lower()
        for reason, hints in REGION_HINTS:
            if any(re.search(rf"(^|[\s_-]){re.escape(hint)}", words) for hint in hints):
                return reason
    return None


# -- files ---------------------------------------------------------------------------


def is_html(data: bytes, name: str) -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml", ".shtml")):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


MARKDOWN_SUFFIXES = (".md", ".markdown")
# Files of programs that the importer does not read, and how to save what they hold so that it does.
SAVED_OTHERWISE = {
    **dict.fromkeys((".doc", ".docx", ".odt", ".rtf", ".pages", ".pdf"), "open it, and save or export the article as plain text (.txt) or a web page (.html)"),
    **dict.fromkeys((".mht", ".mhtml", ".webarchive"), "save the page again from the browser as “Web page, HTML only” (.html)"),
}


def import_file(path: Path, encoding: str | None = None) -> Imported:
    """Read a saved page, HTML, Markdown or text, by its name and content; in `encoding` if given."""
    saved_otherwise = SAVED_OTHERWISE.get(path.suffix.lower())
    if saved_otherwise is not None:
        raise ValueError(f"a {path.suffix.lower()} file is not read: {saved_otherwise}, and import that file")
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # text saved as "Unicode" on Windows
        data = data.decode("utf-16").encode("utf-8")
    if b"\x00" in data:
        raise ValueError("it is neither a web page nor text (it holds binary data): save the article as plain text (.txt) or a web page (.html), and import that file")
    html = is_html(data, path.name)
    if html and not encoding and _DECLARED_CHARSET.search(data[:4096]):
        return import_html(data)  # read in the encoding the page declares
    text, assumed = (_decoded(data, encoding), None) if encoding else _text_of(data)
    if html:
        result = import_html(text)
    else:
        refuse_front_matter(text)
        result = import_markdown(text) if path.name.lower().endswith(MARKDOWN_SUFFIXES) else import_text(text)
    result.assumed_encoding = assumed
    return result


def _text_of(data: bytes) -> tuple[str, str | None]:
    """The text: UTF-8 if it reads so, else guessed (`_guessed`); the encoding assumed (None for UTF-8)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return _guessed(data)


# What a text that is not UTF-8 is read as: Windows' code pages, the Cyrillic ones, the East Asian ones.
LIKELY_ENCODINGS = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "koi8_r", "koi8_u", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr"]


def _guessed(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8, read in the likely encoding that makes the most sense of it; the encoding's name.

    Windows-1252 (Western European) when it makes as much sense as any: French or Spanish text
    reads without a flaw in Windows-1250 too, with other letters.
    """
    results = charset_normalizer.from_bytes(data, cp_isolation=LIKELY_ENCODINGS)
    best = results.best()
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None or western is not None and any(
        match.chaos <= best.chaos and (match.encoding == "cp1252" or str(match) == western) for match in results
    ):
        return western if western is not None else data.decode("cp1252", errors="replace"), "Windows-1252"
    number = best.encoding.removeprefix("cp")
    return str(best), f"Windows-{number}" if number.isdigit() else best.encoding.upper().replace("_", "-")


_DECLARED_CHARSET = re.compile(rb"charset\s*=|<\?xml[^>]*encoding\s*=", re.IGNORECASE)  # a page's <meta charset=…> (or its XML declaration's)


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise ValueError(f"'{encoding}' is not an encoding Python knows (try utf-8, cp1251, latin-1)") from None
    except UnicodeDecodeError as error:
        raise ValueError(f"it is not {encoding} text (byte {error.start} cannot be read)") from None


def suggest_slug(title: str, max_length: int = 60) -> str:
    """A slug from a title: ASCII, lowercase, hyphens, cut at a word."""
    slug = slugify(title)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def match_authors(project: Path, authors: list[str | dict[str, str]]) -> list[str | dict[str, str]]:
    """Authors whose name or alias is an actor's, as that actor's id."""
    import yaml

    forms: dict[str, str] = {}
    for file in sorted((project / "briefs" / "actors").glob("*.yml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and data.get("type") == "person":
            names = [data.get("name"), *(data.get("aliases") or [])]
            for name in names:
                if isinstance(name, str):
                    forms.setdefault(_collapse(name).casefold(), file.stem)
    matched = []
    for author in authors:
        name = author.get("name") if isinstance(author, dict) else None
        matched.append(forms.get(_collapse(name).casefold(), author) if name else author)
    return matched
