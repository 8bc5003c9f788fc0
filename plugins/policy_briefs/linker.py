"""The text linker: finds every surface form in a text with one compiled pattern."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .entities import AN_INVISIBLE, APOSTROPHES, INVISIBLE, TYPOGRAPHIC, Target, form_key, form_tokens, holds_invisible, spans_as_written


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    target: Target


def _trie(forms: list[str]) -> dict:
    root: dict = {}
    for form in forms:
        node = root
        for token in form_tokens(form):
            node = node.setdefault(token, {})
        node[""] = True
    return root


def _pattern(node: dict) -> str:
    """A regex for a trie node; optional tails are greedy, so the longest form wins."""
    branches = [_branch(token, child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) <= 2 else f"(?:{'|'.join(branches)})"
    if "" in node:
        return f"(?:{body})?" if not body.startswith("(?:") else f"{body}?"
    return body


def _branch(token: str, child: dict) -> str:
    """The branch for `token`: the tokens up to the next fork or form end as one literal, then its pattern.

    (One level of recursion per fork, not per token: a form may be longer than Python's recursion limit.)
    """
    run = [token]
    while len(child) == 1 and "" not in child:
        ((token, child),) = child.items()
        run.append(token)
    return _literal(run) + _pattern(child)


def _literal(tokens: list[str]) -> str:
    """Tokens as a regex: each run of white space matches any (a name may be wrapped across lines), each apostrophe any, each mark typed or typographic."""
    parts: list[str] = []
    for token in tokens:
        if token.isspace():  # one space: forms are keyed with single spaces
            parts.append(r"\s+")
        elif token == "'":
            parts.append(_ANY_APOSTROPHE)
        elif token in TYPOGRAPHIC:
            parts.append(f"(?:{re.escape(token)}|[{TYPOGRAPHIC[token]}])")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


_ANY_APOSTROPHE = f"[{APOSTROPHES}]"


def compile_forms(forms: list[str]) -> re.Pattern[str] | None:
    """One pattern matching any form as a whole word (a possessive ’s may follow)."""
    if not forms:
        return None
    trie = _trie(forms)
    try:
        return re.compile(f"{_start(trie)}{_pattern(trie)}(?!\\w)")
    except RecursionError:  # forms nested in one another hundreds deep: the same matches, one alternative each
        longest_first = sorted(forms, key=lambda form: (-len(form), form))
        return re.compile(f"(?<!\\w)(?:{'|'.join(_literal(form_tokens(form)) for form in longest_first)})(?!\\w)")


def _start(trie: dict) -> str:
    """Where a match may start: not after a word character, and on a form's first character.

    Same as a plain `(?<!\\w)`, but the word boundary and the class of first characters let
    the regex engine skip most positions without entering the trie (about twice as fast).
    """
    firsts = [char for token in trie if token for char in _first_characters(token)]
    word = "".join(re.escape(char) for char in sorted(firsts) if _WORD.match(char))
    other = "".join(re.escape(char) for char in sorted(firsts) if not _WORD.match(char))
    starts = ([rf"\b(?=[{word}])"] if word else []) + ([rf"(?<!\w)(?=[{other}])"] if other else [])
    return starts[0] if len(starts) == 1 else f"(?:{'|'.join(starts)})"


def _first_characters(token: str) -> str:
    """The characters a token may start with on the page."""
    if token == "'":
        return APOSTROPHES
    return token[0] + TYPOGRAPHIC.get(token, "")


_WORD = re.compile(r"\w")


class Linker:
    """Finds surface forms in text; each match is one dict lookup to its target."""

    def __init__(self, forms: Mapping[str, Target]) -> None:
        """`forms`: each as `entities.form_key` makes it."""
        self.forms = dict(forms)
        self.pattern = compile_forms(sorted(self.forms))

    def find(self, text: str) -> list[Found]:
        """The forms in a text, found as if it held no character a page does not show (a match may hold some)."""
        if self.pattern is None:
            return []
        if not holds_invisible(text):
            return self._find(text)
        return _placed_back(self._find(AN_INVISIBLE.sub("", text)), text)

    def _find(self, text: str) -> list[Found]:
        """The forms in a text, character for character."""
        found = []
        for match in self.pattern.finditer(text):
            form = match.group()
            target = self.forms.get(form) or self.forms.get(form_key(form))  # a name wrapped across lines, or with ’
            if target is not None:
                found.append(Found(match.start(), match.end(), target))
        return found




def _placed_back(found: list[Found], text: str) -> list[Found]:
    """Matches in `text` less its invisible characters, placed in `text` (`entities.spans_as_written`)."""
    placed = spans_as_written(text, [(each.start, each.end) for each in found])
    return [Found(start, end, each.target) for (start, end), each in zip(placed, found)]
