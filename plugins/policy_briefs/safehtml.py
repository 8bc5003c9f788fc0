"""Safe HTML from editors' Markdown: rendered, then sanitised with nh3."""

from __future__ import annotations

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
# (search worker included) from the first element with id `__config`, and its components by
# `data-md-*`. An article's element that took one of them would run as the theme.
THEME_ID_PREFIX = "__"
THEME_ATTRIBUTE_PREFIX = "data-md-"
# How those appear in nh3's output, which writes every attribute as name="value" with its name in lower case.
_THEME_MARKS = (f'id="{THEME_ID_PREFIX}', THEME_ATTRIBUTE_PREFIX)


def _not_the_theme(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: drops what only the theme may use."""
    if attribute.startswith(THEME_ATTRIBUTE_PREFIX) or (attribute == "id" and value.startswith(THEME_ID_PREFIX)):
        return None
    return value


# Each rule set is built once (nh3.clean would build it again for every text: most of a short text's time).
_FRAGMENT_CLEANER = nh3.Cleaner(tags=TEXT_TAGS, attributes=TEXT_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None, clean_content_tags={"script", "style"})
_PAGE_RULES = {
    "tags": PAGE_TAGS, "attributes": PAGE_ATTRIBUTES, "url_schemes": URL_SCHEMES, "link_rel": None,
    "generic_attribute_prefixes": {"data-", "aria-"}, "clean_content_tags": {"script", "style"},
}
_PAGE_CLEANER = nh3.Cleaner(**_PAGE_RULES)
# The same, filtering every attribute through Python: about 40% slower, so used only on pages that need it.
_FILTERING_PAGE_CLEANER = nh3.Cleaner(**_PAGE_RULES, attribute_filter=_not_the_theme)


@timing.timed("sanitising")
def clean_fragment(html: str) -> str:
    """Sanitise HTML rendered from one Markdown field."""
    return _FRAGMENT_CLEANER.clean(html)


@timing.timed("sanitising")
def clean_page(html: str) -> str:
    """Sanitise a generated page's content, keeping the plugin's own markup and nothing the theme looks up."""
    cleaned = _PAGE_CLEANER.clean(html)
    if any(mark in cleaned for mark in _THEME_MARKS):  # seldom (and never from the plugin): clean it again, filtered
        cleaned = _FILTERING_PAGE_CLEANER.clean(html)
    return cleaned


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
