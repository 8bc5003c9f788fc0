"""Safe HTML from editors' Markdown: rendered, then sanitised with nh3."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from urllib.parse import unquote

import markdown
import nh3
from markupsafe import Markup

from . import timing

URL_SCHEMES = {"http", "https", "mailto"}
TEXT_TAGS = {"p", "em", "strong", "b", "i", "a", "code", "ul", "ol", "li", "blockquote", "br", "abbr", "sub", "sup", "del", "s", "q", "cite", "pre", "span", "small", "hr"}
TEXT_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}

PAGE_TAGS = TEXT_TAGS | {
    "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "nav", "aside", "header", "footer", "article",
    "mark", "button", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "caption",
    "figure", "figcaption", "details", "summary", "time", "img", "kbd", "samp", "var", "ins", "u", "wbr",
}
PAGE_ATTRIBUTES = {
    "*": {"id", "class", "title", "role", "lang", "dir", "hidden", "tabindex", "popover"},
    "a": {"href", "title", "hreflang"},
    "button": {"type", "popovertarget", "popovertargetaction"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "details": {"open"},  # a collapsible block shown open (pymdownx.details' ???+)
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed"},
}


# Ids and attributes the theme's scripts look elements up by: Material reads its configuration
# (search worker included) from the first element with id `__config`, its components by `data-md-*`,
# what a copy button copies by `data-clipboard-*`, and its tabs and tooltips by a few more. An
# article's element that took one of them would run as the theme (or copy what it says).
THEME_ID_PREFIX = "__"
THEME_ATTRIBUTE_PREFIXES = ("data-md-", "data-clipboard")
THEME_ATTRIBUTES = frozenset({"data-tabs", "data-preview", "data-copy", "data-focus-visible-added", "data-js-focus-visible"})
# Classes its scripts act on: a `pre.mermaid` loads a diagram library from a CDN, `.annotate` makes
# tooltips. And the theme's own, `md-…`, which lay out its parts: a cut-short `.md-ellipsis` has its
# text shown as HTML in a tooltip, `.md-status` makes a tooltip, and some are fixed over the whole
# page (`.md-consent__overlay`). Content keeps only the buttons the theme draws for it.
THEME_CLASSES = frozenset({"mermaid", "annotate"})
THEME_CLASS_PREFIXES = ("md-",)
CONTENT_THEME_CLASSES = frozenset({"md-button", "md-button--primary"})
# How those appear in nh3's output, which writes every attribute as name="value" with its name in lower
# case; and how a `<` in an attribute's value does (seldom there: then every title is looked at).
_THEME_MARKS = (f'id="{THEME_ID_PREFIX}', *THEME_ATTRIBUTE_PREFIXES, *THEME_ATTRIBUTES, *THEME_CLASSES, *THEME_CLASS_PREFIXES, "&lt;")
# Material's tooltips show an element's title as HTML: a `<` that starts a tag there would make one.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
WORD_JOINER = "\u2060"
# What an id given in Markdown (`{: #… }`) may not hold: the theme writes a heading's id into its
# contents as it is, and its scripts look a heading up by `[id="…"]`.
_UNSAFE_IN_ID = frozenset("\"'<>&`\\ \t\n\r\f\v")


def theme_attribute(name: str, value: str) -> bool:
    """Whether an attribute belongs to the theme's scripts (an element of the content must not have it)."""
    return name.startswith(THEME_ATTRIBUTE_PREFIXES) or name in THEME_ATTRIBUTES or (name == "id" and value.startswith(THEME_ID_PREFIX))


def theme_classes(value: str) -> list[str]:
    """The classes in a class attribute's value that the theme's scripts act on."""
    return [name for name in value.split() if name in THEME_CLASSES or name.startswith(THEME_CLASS_PREFIXES) and name not in CONTENT_THEME_CLASSES]


def tooltip_text(text: str) -> str:
    """A title's text as the theme's tooltips show it (as HTML): a `<` that would start a tag written as `&lt;`."""
    return _TAG_START.sub("&lt;", text)


def cut_short_text(text: str) -> str:
    """A title the theme may cut short with "…" and then show whole in a tooltip (as HTML): a `<` that would start a tag there followed by an invisible word joiner."""
    return _TAG_START.sub("<" + WORD_JOINER, text)


def safe_id(value: str) -> bool:
    """Whether an id can be written and looked up by the theme as it is."""
    return bool(value) and not any(char in _UNSAFE_IN_ID for char in value)


def safe_contents(items: Iterable) -> None:
    """Make the titles in a page's table of contents safe for the theme, which may cut one short and show it whole as HTML.

    `items`: MkDocs' anchor links (`title` as escaped text, `children`).
    """
    for item in items:
        if "&" in item.title:
            text = html.unescape(item.title)
            cut = cut_short_text(text)
            if cut != text:
                item.title = html.escape(cut, quote=False)
        safe_contents(item.children)


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: drops what only the theme may use (attributes, classes); titles shown as text by its tooltips."""
    if theme_attribute(attribute, value):
        return None
    theirs = theme_classes(value) if attribute == "class" else []
    if theirs:
        return " ".join(name for name in value.split() if name not in theirs) or None
    return tooltip_text(value) if attribute == "title" else value


def _field_attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """`_attribute_filter`, and a field's link keeps its address only if it leads to the same place from every page (`field_keeps`)."""
    if element == "a" and attribute == "href" and not field_keeps(value):
        return None
    return _attribute_filter(element, attribute, value)


# Each rule set is built once (nh3.clean would build it again for every text: most of a short text's time).
# Fields keep the attributes TEXT_ATTRIBUTES lists and no other (nh3 would keep title and lang on any tag).
_FRAGMENT_RULES = {"tags": TEXT_TAGS, "attributes": {**TEXT_ATTRIBUTES, "*": set()}, "url_schemes": URL_SCHEMES, "link_rel": None, "clean_content_tags": {"script", "style"}}
_FRAGMENT_CLEANER = nh3.Cleaner(**_FRAGMENT_RULES)
_PAGE_RULES = {
    "tags": PAGE_TAGS, "attributes": PAGE_ATTRIBUTES, "url_schemes": URL_SCHEMES, "link_rel": None,
    "generic_attribute_prefixes": {"data-", "aria-"}, "clean_content_tags": {"script", "style"},
}
_PAGE_CLEANER = nh3.Cleaner(**_PAGE_RULES)
# The same, filtering every attribute through Python: about 40% slower, so used only on texts that need it.
_FILTERING_FRAGMENT_CLEANER = nh3.Cleaner(**_FRAGMENT_RULES, attribute_filter=_field_attribute_filter)
_FILTERING_PAGE_CLEANER = nh3.Cleaner(**_PAGE_RULES, attribute_filter=_attribute_filter)


@functools.lru_cache(maxsize=4096)
def keeps_address(href: str) -> bool:
    """Whether a link's address is kept by the sanitiser (a web address it cannot read is dropped, as https:// alone)."""
    return "href" in _FRAGMENT_CLEANER.clean(f'<a href="{html.escape(href, quote=True)}"></a>')


def field_keeps(href: str) -> bool:
    """Whether a YAML field's link keeps its address: a whole http or https address, a mail address, or an anchor.

    A field is shown on many pages (a note on its brief, a definition in every preview), so any
    other address (`other-brief.md`, `../x`, none at all) would lead somewhere else from some of them.
    """
    if href.startswith("#"):
        return True
    scheme, colon, rest = href.partition(":")
    scheme = scheme.lower()
    return bool(colon) and scheme in URL_SCHEMES and (not no_address(href) if scheme == "mailto" else rest.startswith("//")) and keeps_address(href)


def no_address(href: str) -> bool:
    """Whether a link's address is none: empty, or `mailto:` with no mail address (a page shows it leading nowhere)."""
    href = href.strip()
    return not href or href[:7].lower() == "mailto:" and not unquote(href[7:]).strip()


@timing.timed("sanitising")
def clean_fragment(html: str) -> str:
    """Sanitise HTML rendered from one Markdown field (a link whose address it does not keep, `field_keeps`, is left as text)."""
    cleaned = _FRAGMENT_CLEANER.clean(html)
    return _FILTERING_FRAGMENT_CLEANER.clean(html) if "&lt;" in cleaned or not _addresses_kept(cleaned) else cleaned


def _addresses_kept(cleaned: str) -> bool:
    """Whether every link nh3 kept in a field's HTML leads where it is meant from every page (most do: then it is not cleaned again).

    Looks at the `href="…"` nh3 writes (its own output, attributes always so quoted) only to tell.
    """
    at = cleaned.find(' href="')
    while at >= 0:
        end = cleaned.find('"', at + 7)
        if not field_keeps(html.unescape(cleaned[at + 7 : end])):
            return False
        at = cleaned.find(' href="', end)
    return True


@timing.timed("sanitising")
def clean_page(html: str) -> str:
    """Sanitise a generated page's content, keeping the plugin's own markup and nothing the theme looks up."""
    cleaned = _PAGE_CLEANER.clean(html)
    if any(mark in cleaned for mark in _THEME_MARKS):  # seldom: clean it again, filtered
        cleaned = _FILTERING_PAGE_CLEANER.clean(html)
    return cleaned


# What Material's search takes out of a page after reading it, with a pattern (`data-search-…="…"`),
# not a parser: where a text or an attribute's value holds `data-search-x=`, the pattern runs on from
# there to the next `"`, and can leave words of the page where its markup was.
SEARCH_MARK = "data-search-"
_TEXT_ONLY = nh3.Cleaner(tags=set(), clean_content_tags={"script", "style"})


def searched(given: str, left: str) -> tuple[str, bool]:
    """A page's content as search left it (`left`, from `given`), safe; and whether search took words of it too.

    Only where `given` holds search's mark can search have taken more than its own marks: then what
    is left is cleaned again.
    """
    if left == given or SEARCH_MARK not in given:
        return left, False
    return clean_page(left), _TEXT_ONLY.clean(left) != _TEXT_ONLY.clean(given)


def render_markdown(text: str) -> Markup:
    """Markdown from YAML as safe block HTML."""
    return Markup(clean_fragment(markdown.markdown(text)))


def render_inline(text: str) -> Markup:
    """One-paragraph Markdown as safe inline HTML (no wrapping <p>)."""
    return inline(markdown.markdown(text))


def inline(html: str) -> Markup:
    """Python-Markdown's HTML of one paragraph, sanitised, without the wrapping <p>."""
    html = html.strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(clean_fragment(html))
