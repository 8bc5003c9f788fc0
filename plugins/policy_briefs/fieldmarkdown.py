"""The Markdown fields of the YAML files converted by Python-Markdown, each text once per build.

The checks read a field's links from its conversion, and its pages show it sanitised: the
conversion made for one is kept for the other.
"""

from __future__ import annotations

from collections.abc import Iterable

import markdown

from . import timing

# Python-Markdown's inline patterns, by name, and the characters one of which a text must hold for
# the pattern to match anywhere in it (before inline patterns run, a carriage return may become a
# line end; they themselves only add placeholders, which hold none of these characters).
_PATTERN_TRIGGERS = {
    "backtick": "`", "escape": "\\", "reference": "[", "link": "[", "image_link": "[", "image_reference": "[",
    "short_reference": "[", "short_image_ref": "[", "autolink": "<", "automail": "<", "linebreak": "\n\r",
    "html": "<", "entity": "&", "em_strong": "*_", "em_strong2": "_", "not_strong": "*_",
}
_field_converters: dict[frozenset[str], markdown.Markdown] = {}  # by the patterns left out; reset for each text


def _markdown_html(text: str) -> str:
    """What Python-Markdown makes of one text (as `markdown.markdown(text)`), before sanitising.

    Converted without the inline patterns that cannot match in it: the same HTML, without
    trying each of them at every place in the text.
    """
    unused = frozenset(name for name, triggers in _PATTERN_TRIGGERS.items() if not any(char in text for char in triggers))
    converter = _field_converters.get(unused)
    if converter is None:
        converter = _field_converters[unused] = markdown.Markdown()
        for name in unused:
            converter.inlinePatterns.deregister(name, strict=False)
    return converter.reset().convert(text)


_converted: dict[str, str] = {}  # text -> what Python-Markdown made of it ahead (see `convert_all`, `converted`), until shown


def forget_converted() -> None:
    """Let go of the conversions made ahead and not yet shown."""
    _converted.clear()


def converted_once(text: str) -> str:
    """`_markdown_html`: the conversion made ahead (not kept after), or one now."""
    made = _converted.pop(text, None)
    return made if made is not None else _markdown_html(text)


def converted(text: str) -> str:
    """`_markdown_html`, kept for the page that shows the text (`converted_once`)."""
    made = _converted.get(text)
    if made is None:
        made = _converted[text] = _markdown_html(text)
    return made


@timing.timed("markdown fields")
def convert_all(texts: Iterable[str]) -> None:
    """Convert these texts now, one after another: much faster than one at a time between pages' work.

    Each conversion is kept until a page shows the text (`render_markdown`, `render_inline`).
    """
    for text in texts:
        if text not in _converted:
            _converted[text] = _markdown_html(text)
