"""What a page's sanitiser would take out of an article or a YAML Markdown field, found before it does so.

Pages keep text markup and the plugin's own (`safehtml`); anything else an editor writes
(an `<iframe>`, a `style` or `onclick` attribute, a `javascript:` or `term:` address in
raw HTML; an image or a heading in a field) would vanish from the page without a word.
Each is reported instead, with the tag as written so that its line can be found.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown.util import BLOCK_LEVEL_ELEMENTS

from .fieldmarkdown import converted
from .lenienthtml import LenientHTMLParser
from .readertext import STASHED, stashed
from .roughmarkdown import code_ranges, in_code
from .safehtml import PAGE_ATTRIBUTES, PAGE_TAGS, TEXT_ATTRIBUTES, TEXT_TAGS, URL_SCHEMES, safe_id, theme_attribute, theme_classes
from .sitepaths import linked_file

REMOVED_WITH_CONTENT = ("script", "style")
EMBEDDED = ("iframe", "video", "audio", "embed", "object", "source", "picture", "svg", "canvas")
_KEPT_PREFIXES = ("data-", "aria-")
_RESOLVED_SCHEMES = ("term", "actor", "nolink")  # resolved in Markdown links only
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TABLE_TAGS = ("table", "thead", "tbody", "tfoot", "tr", "th", "td")
# What a field's Markdown needs to hold for its conversion to have more than text markup: HTML, an
# image, a heading (with # or underlined, in a quotation or a list too). Other texts are not read again.
_MAY_DROP_IN_FIELD = re.compile(r"<|!\[|#|^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Dropped:
    """One thing the page would not show: what, how to keep it, and how to find where it is written.

    `written`: texts of the source, the most telling first; `pattern`, a regular expression
    instead, for what Markdown writes from a construct (a table's alignment row).
    """

    message: str
    hint: str
    written: tuple[str, ...]
    pattern: str | None = None


_TABLE_ALIGNMENT = Dropped(
    "a table's column alignment is removed from the page (the tables extension writes it as a style)",
    "give the tables extension use_align_attribute: true in mkdocs.yml, or leave the colons out",
    (),
    r"^[ \t]*\|?[ \t]*(?:[:\-]+[ \t]*\|[ \t]*)*:?-+:?[ \t]*\|?[ \t]*$",  # a delimiter row: `|:--|--:|`, `:- | -:`
)


def in_article(elements: Iterable[etree.Element], stash: Sequence[object], removed_ids: Mapping[int, str] | None = None) -> list[Dropped]:
    """What the page would drop from an article's rendered Markdown (`elements`) and the raw HTML it holds, in order.

    `removed_ids`: ids already taken out of elements (by `id(element)`), reported where each was.
    """
    found = []
    for element in elements:
        for node in element.iter():
            if not isinstance(node.tag, str):  # a comment
                continue
            if removed_ids and id(node) in removed_ids:
                found.append(unsafe_id(node.tag, removed_ids[id(node)]))
            if node.tag not in PAGE_TAGS:  # parsed by an extension (md_in_html), or made by one
                found.append(_element(node.tag, (f"<{node.tag}",)))
            elif node.tag == "table" and any(cell.get("style") for cell in node.iter() if cell.tag in ("th", "td")):
                found.append(_TABLE_ALIGNMENT)
            elif node.attrib:
                found += _attributes(node.tag, node.attrib.items(), ())
            for text in (node.text, node.tail):
                if text and "\x02" in text:
                    found += (dropped for html in _stashed(text, stash) for dropped in in_raw_html(html))
    return found


def in_raw_html(html: str | etree.Element) -> list[Dropped]:
    """What the page would drop from one piece of raw HTML (an element if an extension parsed it)."""
    if not isinstance(html, str):
        return in_article([html], ())
    if "<" not in html:
        return []
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def _stashed(text: str, stash: Sequence[object]) -> Iterator[str | etree.Element]:
    for match in STASHED.finditer(text):
        kept = stashed(match.group(), stash)
        if kept is not None:
            yield kept


class _Tags(LenientHTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Dropped] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = (self.get_starttag_text() or f"<{tag}",)
        if tag not in PAGE_TAGS:
            self.found.append(_element(tag, written))
        else:
            self.found += _attributes(tag, attrs, written)

    handle_startendtag = handle_starttag


def _element(tag: str, written: tuple[str, ...], where: str = "the page", in_field: bool = False) -> Dropped:
    """An element removed from `where` (the page, or a field on every page that shows it: `in_field`)."""
    if tag in REMOVED_WITH_CONTENT:
        return Dropped(f"<{tag}> is removed with what it holds from {where}: pages run no script and take no styles from content", "remove it", written)
    if tag in EMBEDDED:
        hint = "link to it instead: [its title](https://…)"
    elif tag in _TABLE_TAGS and in_field:
        hint = "fields hold paragraphs and lists: write its rows as a list, or put the table in the article"
    elif tag in BLOCK_LEVEL_ELEMENTS:
        hint = f"write what it holds in Markdown alone: Markdown within a <{tag}> is shown as written"
    else:
        hint = "write it in Markdown"
    return Dropped(f"HTML element <{tag}> is removed from {where} (only text markup is kept)", hint, written)


def _attributes(tag: str, attrs: Iterable[tuple[str, str | None]], tag_written: tuple[str, ...]) -> list[Dropped]:
    """What the page drops of a tag's attributes; an element Markdown made (no `tag_written`) is found by the attribute."""
    found = []
    for name, value in attrs:
        name = name.lower()
        written = tag_written or (f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}", *([f"#{value}"] if name == "id" else []))
        if not tag_written and name == "style" and tag in ("th", "td"):  # an aligned column: reported once, for its table
            continue
        if not tag_written and name == "id" and not safe_id(value or ""):  # given in Markdown: `{: #… }`
            found.append(unsafe_id(tag, value or ""))
        elif not tag_written and value is None and not _allowed(tag, name):  # `{sic}`: a word alone in braces, an attribute with no value
            found.append(_word_in_braces(name))
        elif not _allowed(tag, name):
            found.append(Dropped(f"attribute '{name}' of <{tag}> is removed from the page", _attribute_hint(tag, name), written))
        elif theme_attribute(name, value or ""):
            found.append(Dropped(f"attribute {name}=\"{value}\" of <{tag}> is removed: the theme's scripts look elements up by it", "choose another name", written))
        elif name == "class" and (theirs := theme_classes(value or "")):
            shorthand = () if tag_written else tuple(f".{name}" for name in theirs)  # `{: .mermaid }`
            found.append(Dropped(f"class '{' '.join(theirs)}' of <{tag}> is removed: the theme keeps it for its own parts", "choose another class", (*written, *shorthand)))
        elif name in ("href", "src") and tag_written:  # a Markdown link's address is checked with the article's links
            found += _address(tag, name, value or "", written)
    return found


def _word_in_braces(word: str) -> Dropped:
    """A word in braces that the attr_list extension reads as an attribute of the element before (`*here*{sic}`, `## In {2016}`)."""
    braces = rf"(?i)\{{[^{{}}\n]*(?<![\w-]){re.escape(word)}(?![\w-])[^{{}}\n]*\}}"
    message = f"the word '{word}' in braces is read as an attribute (Markdown's attribute lists): the page shows neither"
    return Dropped(message, "write \\{ for a brace the page shows, or leave the braces out", (), braces)


def unsafe_id(tag: str, value: str) -> Dropped:
    """An id given in Markdown that the page does not keep (see `safehtml.safe_id`)."""
    written = (f'id="{value}"', f"id='{value}'", f"#{value}", f"id={value}")
    return Dropped(f"id \"{value}\" of <{tag}> is removed from the page: an id holds no quotes, spaces, backslashes or <>&`", "write letters, digits, - and _", written)


def _allowed(tag: str, name: str) -> bool:
    return name in PAGE_ATTRIBUTES["*"] or name in PAGE_ATTRIBUTES.get(tag, ()) or name.startswith(_KEPT_PREFIXES)


def _attribute_hint(tag: str, name: str) -> str:
    if name.startswith("on"):
        return "pages run no script from content"
    if name == "style":
        return "pages take no styles from content"
    own = sorted(set(PAGE_ATTRIBUTES.get(tag, ())) - PAGE_ATTRIBUTES["*"])
    common = "id, class, title, lang, dir, data-… and aria-…"
    return f"<{tag}> keeps {', '.join(own)}, {common}" if own else f"elements keep {common}"


def _address(tag: str, name: str, value: str, written: tuple[str, ...]) -> list[Dropped]:
    """An address in raw HTML: kept only if the page keeps its scheme, and only Markdown links are resolved."""
    scheme = urlsplit(value.strip()).scheme.lower() if ":" in value else ""
    if scheme in _RESOLVED_SCHEMES:
        return [Dropped(f"{name}=\"{value}\" in HTML is not resolved and loses its address: {scheme}: links work in Markdown only", f"write [its text]({value})", written)]
    if scheme and scheme not in URL_SCHEMES:
        return [Dropped(f"{name}=\"{value}\" in HTML loses its address: pages keep http, https and mailto addresses", "write the whole https:// address", written)]
    if not scheme and linked_file(value, "briefs/page.md") is not None:
        return [Dropped(f"{name}=\"{value}\" in HTML names a file, which only a Markdown link turns into its page's address", f"write [its text]({value})" if tag == "a" else f"write ![its description]({value})", written)]
    return []


# What the article's Markdown extensions read and a field's Markdown shows as written: a table (its
# delimiter row under a row with a pipe), an admonition, an attribute list.
_UNREAD_IN_FIELD = (
    (re.compile(r"^[^\n]*\|[^\n]*\n[ \t]*(?:>[ \t]?)*[ \t]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.MULTILINE), "a table",
     "fields hold paragraphs and lists: write its rows as a list, or put the table in the article"),
    (re.compile(r"^[ \t]{0,3}(?:!!!|\?\?\?\+?)[ \t]+\S", re.MULTILINE), "an admonition (!!! or ??? …)", "fields hold paragraphs and lists: write its text as a paragraph"),
    (re.compile(r"\{:[^{}\n]*\}|\{[ \t]*[#.][A-Za-z][^{}\n]*\}"), "an attribute list ({: …})", "fields take no attributes: take it out"),
)


def unread_in_field(text: str, field: str) -> list[Dropped]:
    """What the pages that show a YAML Markdown field (named `field`) would show as written: Markdown of the article's extensions."""
    if not any(mark in text for mark in ("|", "!!!", "???", "{")):
        return []
    code = code_ranges(text)
    found = []
    for pattern, what, hint in _UNREAD_IN_FIELD:
        match = next((match for match in pattern.finditer(text) if not in_code(code, match.start())), None)
        if match is not None:
            found.append(Dropped(f"{what} is shown as written in the {field}, not as the article would show it", hint, (match.group().split("\n")[0],)))
    return found


def in_field(text: str, field: str) -> list[Dropped]:
    """What the pages that show a YAML Markdown field (named `field`) would drop of it: they keep text markup only."""
    if not _MAY_DROP_IN_FIELD.search(text):
        return []
    parser = _FieldTags(f"the {field}")
    parser.feed(converted(text))
    parser.close()
    return list(dict.fromkeys(parser.found))


class _FieldTags(LenientHTMLParser):
    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.found: list[Dropped] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = (self.get_starttag_text() or f"<{tag}",)
        if tag == "img":
            written += tuple(value for name, value in attrs if name == "src" and value)  # a Markdown image's address
            self.found.append(Dropped(f"an image is not shown in {self.where}", "fields hold text: link to the image instead, [its description](https://…)", written))
        elif tag in HEADINGS:
            # (Found in the field's source as Markdown writes a heading, `## …`, or as HTML.)
            where = r"^[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}|<h[1-6]\b"  # (`#1 priority` too: Python-Markdown needs no space after #)
            hint = "fields hold paragraphs and lists: write the heading's words in **bold**; for a # the reader sees (#1, a hashtag), write \\#"
            self.found.append(Dropped(f"a heading is shown as plain text in {self.where}", hint, written, where))
        elif tag not in TEXT_TAGS:
            self.found.append(_element(tag, written, self.where, in_field=True))
        else:
            kept = TEXT_ATTRIBUTES.get(tag, set())
            for name, _ in attrs:
                if name not in kept:
                    hint = f"<{tag}> keeps {', '.join(sorted(kept))}" if kept else f"<{tag}> keeps no attributes in a field"
                    self.found.append(Dropped(f"attribute '{name}' of <{tag}> is removed from {self.where}", hint, written))

    handle_startendtag = handle_starttag
