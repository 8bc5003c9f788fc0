"""The Markdown fields of the YAML files converted by Python-Markdown, each text once per build.

The checks read a field's links from its conversion, and its pages show it sanitised: the
conversion made for one is kept for the other.

A single build of a large site has its texts converted in a second process while it renders
pages (`convert_ahead`): a page that needs a text before it comes back converts it here, so the
build never waits for that process, and a text comes out the same wherever it was converted.
"""

from __future__ import annotations

from collections.abc import Iterable

import markdown

from . import secondprocess, timing
from .secondprocess import SecondProcess

# Python-Markdown's inline patterns, by name, and the characters one of which a text must hold for
# the pattern to match anywhere in it (before inline patterns run, a carriage return may become a
# line end; they themselves only add placeholders, which hold none of these characters).
_PATTERN_TRIGGERS = {
    "backtick": "`", "escape": "\\", "reference": "[", "link": "[", "image_link": "[", "image_reference": "[",
    "short_reference": "[", "short_image_ref": "[", "autolink": "<", "automail": "<", "linebreak": "\n\r",
    "html": "<", "entity": "&", "em_strong": "*_", "em_strong2": "_", "not_strong": "*_",
}
_field_converters: dict[frozenset[str], markdown.Markdown] = {}  # by the patterns left out; reset for each text

AHEAD_MIN_TEXTS = 500  # fewer are converted here, one after another: a second process would gain less than it costs
AHEAD_BATCH = 250  # texts sent to the second process at a time, in the order pages show them


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


class _Ahead:
    """Texts being converted by a second process, in batches: `take_done` keeps in `_converted` those that are back."""

    def __init__(self, batches: list[list[str]]) -> None:
        self.worker = SecondProcess(__spec__.name, batches)
        self.batches = list(batches)  # not back yet, in order
        self.here: set[str] = set()  # texts converted here meanwhile (one that comes back shown already is not kept again)
        self.seconds = 0.0  # the process's processor time when it sent back the last batch taken

    def take_done(self) -> None:
        """Keep the conversions that are back."""
        for answer in self.worker.answers():
            if answer is None or not self.batches or len(answer[0]) != len(self.batches[0]):  # the process failed: the rest are converted here
                self.stop()
                return
            made, self.seconds = answer
            texts = self.batches.pop(0)
            _converted.update((text, html) for text, html in zip(texts, made) if text not in self.here)
            if not self.batches:
                self.stop()
                return

    def stop(self) -> None:
        global _ahead
        _ahead = None
        self.batches.clear()
        for answer in self.worker.answers():  # (what has come back and was not taken counts in its time)
            if answer is not None:
                self.seconds = answer[1]
        if self.seconds:
            timing.elsewhere("markdown fields", self.seconds)
            self.seconds = 0.0
        self.worker.stop()


_ahead: _Ahead | None = None


def serve() -> None:
    """(The second process) convert each batch of texts it is given."""
    secondprocess.serve(lambda texts: [_markdown_html(text) for text in texts])


def forget_converted() -> None:
    """Let go of the conversions made ahead and not yet shown (and of the second process)."""
    if _ahead is not None:
        _ahead.stop()
    _converted.clear()


def _made_here(text: str) -> str:
    if _ahead is not None:
        _ahead.here.add(text)
    return _markdown_html(text)


def _look_up(text: str, keep: bool) -> str | None:
    made = _converted.get(text) if keep else _converted.pop(text, None)
    if made is None and _ahead is not None:
        _ahead.take_done()
        made = _converted.get(text) if keep else _converted.pop(text, None)
    return made


def converted_once(text: str) -> str:
    """`_markdown_html`: the conversion made ahead (not kept after), or one now."""
    made = _look_up(text, keep=False)
    return made if made is not None else _made_here(text)


def converted(text: str) -> str:
    """`_markdown_html`, kept for the page that shows the text (`converted_once`)."""
    made = _look_up(text, keep=True)
    if made is None:
        made = _converted[text] = _made_here(text)
    return made


@timing.timed("markdown fields")
def convert_all(texts: Iterable[str]) -> None:
    """Convert these texts now, one after another: much faster than one at a time between pages' work.

    Each conversion is kept until a page shows the text (`render_markdown`, `render_inline`).
    """
    for text in texts:
        if text not in _converted:
            _converted[text] = _markdown_html(text)


@timing.timed("markdown fields")
def convert_ahead(texts: Iterable[str]) -> None:
    """Have these texts converted while the build goes on: in a second process if they are many and there is a core for it, else now (`convert_all`).

    Sent in the order given, which should be the order pages show them.
    """
    global _ahead
    if _ahead is not None:  # one left by a build that was stopped short
        _ahead.stop()
    new = [text for text in dict.fromkeys(texts) if text not in _converted]
    if len(new) < AHEAD_MIN_TEXTS or not secondprocess.has_room():
        convert_all(new)
        return
    try:
        _ahead = _Ahead(_batches(new))
    except OSError:  # no second process here: converted now
        convert_all(new)


def _batches(texts: list[str]) -> list[list[str]]:
    return [texts[start:start + AHEAD_BATCH] for start in range(0, len(texts), AHEAD_BATCH)]
