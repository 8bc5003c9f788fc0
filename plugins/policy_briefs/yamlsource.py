"""Safe YAML loading that remembers the line of every key and item."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import ContentError, Problem
from .roughmarkdown import LIST_ITEM_LINE

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 50  # content files nest a few levels; deeper data is refused, not recursed into

_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str"))
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"

Path = tuple[str | int, ...]


class _ContentLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: the model validates them itself."""


_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_CContentLoader = None
if getattr(yaml, "__with_libyaml__", False):  # libyaml: the same nodes, ten times faster

    class _CContentLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """CSafeLoader that keeps dates as text."""

    _CContentLoader.yaml_implicit_resolvers = _ContentLoader.yaml_implicit_resolvers

_FAST_NESTING = 200  # libyaml recurses in C: only texts that cannot nest deeper go to it


def _compose(text: str) -> yaml.Node | None:
    """`yaml.compose` with libyaml when it can take the text; PyYAML's own otherwise, and for every error.

    A text libyaml refuses is composed again by PyYAML, so problems read the same either way.
    """
    if _CContentLoader is not None and _shallow(text) and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return yaml.compose(text, Loader=_CContentLoader)
        except Exception:  # noqa: BLE001 - PyYAML reports it below
            pass
    return yaml.compose(text, Loader=_ContentLoader)


def _shallow(text: str) -> bool:
    """True when the text cannot nest more than _FAST_NESTING levels (brackets, indentation, list dashes)."""
    if text.count("[") + text.count("{") > _FAST_NESTING // 2:
        return False
    return all(len(line) - len(line.lstrip(" -?:\t")) < _FAST_NESTING // 2 for line in text.splitlines())


@dataclass
class LocatedData:
    """Parsed YAML data plus the 1-based line of each key path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1
    problems: list[Problem] = field(default_factory=list)  # what loaded, but not as written
    folded: frozenset[Path] = frozenset()  # the texts written with `>`, whose lines YAML joins

    def line_of(self, path: Path) -> int:
        """Line of the deepest known prefix of `path`."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return self.first_line


def load_yaml(text: str, path: str, line_offset: int = 0) -> LocatedData:
    """Parse one YAML document; raise ContentError with a location on any failure."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ContentError(Problem(path, 1, f"file is larger than {MAX_FILE_BYTES // 1024} KiB", "split it up"))
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or list: where it opens; a line that is neither a field nor a value: that line.
        mark = (exc.context_mark if _opened(exc) or exc.problem == _NOT_A_FIELD else None) or exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        if exc.problem == "but found another document":  # `---` lines, as around an article's front matter
            raise ContentError(Problem(path, line, "more than one YAML document: the file holds its fields once", "remove the --- lines")) from None
        runaway = _runaway_quote(text, exc.problem_mark) if exc.problem_mark is not None else None
        if runaway is not None:
            raise ContentError(Problem(
                path, runaway.line + 1 + line_offset, f"malformed YAML: the quotes this value opens are closed only on line {line}, by another value's",
                "close the quotes on this line",
            )) from None
        raise ContentError(Problem(path, line, f"malformed YAML: {exc.problem or exc.context}", _malformed_hint(exc, text, mark))) from None
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (a control character): no mark, but its position in the text.
        line = len((text[: exc.position] + "x").splitlines()) + line_offset
        character = f": character U+{exc.character:04X}" if isinstance(exc.character, int) else ""
        raise ContentError(Problem(path, line, f"malformed YAML: {exc.reason}{character}", "remove the character")) from None
    except yaml.YAMLError as exc:
        raise ContentError(Problem(path, 1 + line_offset, f"malformed YAML: {exc}")) from None
    except RecursionError:
        raise ContentError(_too_deep(path, _deep_line(text) + line_offset)) from None
    if node is None:
        return LocatedData(None, {}, 1 + line_offset)
    located = LocatedData(None, {}, node.start_mark.line + 1 + line_offset)
    located.data = _build(node, (), located.lines, path, line_offset, set())
    anchor = _anchor(text) if _ANCHOR_LIKE.search(text) else None
    if anchor is not None:  # (an anchor no alias uses: its name is left out of the value without a word)
        raise ContentError(Problem(path, anchor.line + 1 + line_offset, "YAML anchors and aliases (&, *) are not allowed", 'text that begins with & goes in double quotes, as "&…"'))
    if _COMMENT_IN_TEXT.search(text):
        lines = text.splitlines()
        located.problems = [_cut_short(path, value, lines, line_offset) for value in _values(node) if _cut_by_comment(value, lines)]
    if _FOLDED.search(text):
        lines = text.splitlines()
        located.problems += [_folded_list(path, line, line_offset) for value in _values(node) if (line := _folded_list_line(value, lines)) is not None]
        located.folded = frozenset(_folded_paths(node))
    return located


def _folded_paths(node: yaml.Node, where: Path = ()) -> Iterator[Path]:
    """The key paths of the texts written with `>`."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _folded_paths(value, (*where, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _folded_paths(item, (*where, index))
    elif node.style == ">":
        yield where


_FOLDED = re.compile(r"[:-][ \t]*>[-+0-9]*[ \t]*(?:#.*)?$", re.MULTILINE)  # a text written with `>` (a field's, a list item's), which joins its lines


def _folded_list_line(value: yaml.ScalarNode, lines: list[str]) -> int | None:
    """The line (0-based) of a list's first item in a text written with `>`, after its first line (None if it has none).

    Only a line indented as the text is joined: YAML keeps a line indented further as it is.
    """
    if value.style != ">":
        return None
    written = [number for number in range(value.start_mark.line + 1, min(value.end_mark.line + 1, len(lines))) if lines[number].strip()]
    if not written:
        return None
    indent = _indent(lines[written[0]])
    return next((number for number in written[1:] if _indent(lines[number]) == indent and LIST_ITEM_LINE.match(lines[number])), None)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _folded_list(path: str, line: int, offset: int) -> Problem:
    return Problem(
        path, line + 1 + offset, "this list is in a text written with '>', which joins its lines: the page shows it as one paragraph, its marks in it",
        "write '|' in place of the '>' after the field's name, which keeps the lines",
    )


# ` #` ends a plain value: what follows is a comment. A comment that starts `#1` or `#tag`, on a
# value's own line, was most likely meant as part of the value (comments read `# …`).
_COMMENT_IN_TEXT = re.compile(r"[ \t]#[^\s#]")
_COMMENT_AFTER = re.compile(r"[ \t]+(#[^\s#].*)")


def _values(node: yaml.Node) -> list[yaml.ScalarNode]:
    """The scalar values of a node, keys left out, in order."""
    if isinstance(node, yaml.MappingNode):
        return [scalar for _, value in node.value for scalar in _values(value)]
    if isinstance(node, yaml.SequenceNode):
        return [scalar for item in node.value for scalar in _values(item)]
    return [node]


def _cut_by_comment(value: yaml.ScalarNode, lines: list[str]) -> bool:
    """Whether a plain value of words is followed on its line by a comment that looks like more of it (a date, an id or an address, one word, is not)."""
    end = value.end_mark
    words = " " in value.value.strip()
    return not value.style and words and end.line < len(lines) and _COMMENT_AFTER.match(lines[end.line], end.column) is not None


def yaml_quoted(text: str) -> str:
    """Text as a YAML value in double quotes, any \\ or " in it escaped."""
    return json.dumps(text, ensure_ascii=False)


def _cut_short(path: str, value: yaml.ScalarNode, lines: list[str], offset: int) -> Problem:
    end = value.end_mark
    comment = _COMMENT_AFTER.match(lines[end.line], end.column).group(1)
    shown = value.value if len(value.value) <= 30 else f"…{value.value[-20:].lstrip()}"
    return Problem(
        path, end.line + 1 + offset, f"the value ends before '{comment[:30]}': after a space, # starts a YAML comment",
        f"if it belongs to the value, put the whole value in double quotes, as {yaml_quoted(f'{shown} {comment[:30]}')}",
    )


_ANCHOR_LIKE = re.compile(r"(?:^|[\s\[{,])&[^\s&]")  # (a URL's ?a=1&b=2 is not)


def _anchor(text: str) -> yaml.Mark | None:
    """Where the first anchor (`&name`) is, if the text has one."""
    for token in yaml.scan(text, Loader=_CContentLoader or _ContentLoader):
        if isinstance(token, yaml.AnchorToken):
            return token.start_mark
    return None


def _runaway_quote(text: str, problem: yaml.Mark) -> yaml.Mark | None:
    """Where a quoted value opens that runs on over lines to the mistake's line (its quote left open, and closed by a later value's)."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_ContentLoader):
            if token.start_mark.index >= problem.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") and last.start_mark.line < last.end_mark.line == problem.line:
        return last.start_mark
    return None


def _opened(exc: yaml.MarkedYAMLError) -> bool:
    """Whether the mistake is a quote, list or braces left open (told on the line it opens on)."""
    context, problem = exc.context or "", exc.problem or ""
    return any(what in context for what in ("quoted scalar", "flow sequence", "flow mapping")) or "end of stream" in problem


def _malformed_hint(exc: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str | None:
    """How to mend the YAML mistakes editors make most, from PyYAML's account of them."""
    problem, context = exc.problem or "", exc.context or ""
    lines = text.splitlines()
    written = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "'\\t'" in problem:  # (PyYAML writes the tab as \t)
        return "indent with spaces, not tabs"
    if problem.endswith("that cannot start any token"):  # `@`, `%` or a backquote where a value starts
        character = problem.split("'")[1] if problem.count("'") >= 2 else "it"
        return f"a value that begins with {character} goes in double quotes, as \"{character}…\""
    if problem == _NOT_A_FIELD:
        return "if the line is text of the field above, indent it as far as that text; a field is written name: value"
    if problem == "mapping values are not allowed here":
        if mark is not None and ":" not in written[: mark.column]:  # the line's own key: it is indented as if it were a value
            return "indent the line with spaces, as far as the other fields at its level"
        return 'a value that holds ": " goes in double quotes, as title: "Forum: what next?"'
    if "quoted scalar" in context:
        return "close the quotes the value opens on this line"
    if "flow sequence" in context:
        return "close the list with ]"
    if "flow mapping" in context:
        return "close the braces with }"
    if "but found '<scalar>'" in problem and _QUOTED_VALUE.match(written):
        return "a value that begins with a quote mark ends with it: quote the whole value, and write the quote marks within it as “ ” or ’"
    if "but found '<block sequence start>'" in problem and mark is not None and _EMPTY_LIST.search(_line_above(lines, mark.line)):
        return "the line above gives the field an empty list, []: remove the [] to list the items below it"
    if any(f"but found '{token}'" in problem for token in ("<block mapping start>", "<block sequence start>", "?")):
        return "indent the line with spaces, as far as the other fields at its level"
    if problem.startswith("expected a comment or a line break") and _BLOCK_TEXT_ON_ITS_LINE.search(written):
        return "after > or | the text starts on the next line, indented"
    start = _VALUE_START.match(written)
    if start is not None and mark is not None and mark.column >= start.start(1):  # (the reader failed at the mark or after it: it read it as YAML's)
        at_mark, opening = written[mark.column : mark.column + 1], start.group(1)
        closing = written.find(_CLOSING.get(opening, "\n"), start.end(1))
        within = opening in _CLOSING and (closing < 0 or mark.column < closing)  # (an item of a list: `[a, *b*]`)
        character = at_mark if at_mark in _READ_AS and within else opening
        return f"text that begins with {character} goes in double quotes, as \"{character}…\" (YAML reads {character} as the start of {_READ_AS[character]})"
    return None


_READ_AS = {"[": "a list", "{": "a set of fields", "*": "a reference to an anchor", "&": "an anchor"}
_CLOSING = {"[": "]", "{": "}"}


_NOT_A_FIELD = "could not find expected ':'"
_VALUE_START = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[^\s#\[{*&-][^:#]*:[ \t]+)?([\[{*&])(?!\s*\]?\s*(?:#.*)?$)")  # `title: [Interview] …`
_QUOTED_VALUE = re.compile(r"""[ \t]*(?:-[ \t]+)*(?:[^\s"'#-][^:#]*:[ \t]+)?["']""")  # `quote: "x" y`, `- "x" y`
_EMPTY_LIST = re.compile(r"(?:^|:|-)\s*\[\s*\]\s*(?:#.*)?$")
_BLOCK_TEXT_ON_ITS_LINE = re.compile(r"(?:^|:|-)\s*[>|][-+0-9]*[ \t]+[^\s#]")  # `summary: > Text`


def _line_above(lines: list[str], line: int) -> str:
    """The nearest line above `line` (0-based) with something on it."""
    return next((lines[above] for above in range(min(line, len(lines)) - 1, -1, -1) if lines[above].strip()), "")


def _tag_name(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _too_deep(path: str, line: int) -> Problem:
    return Problem(path, line, f"YAML is nested more than {MAX_DEPTH} levels deep", "flatten it: content fields nest only a few levels")


def _deep_line(text: str) -> int:
    """Line where nesting first goes too deep, found without recursing (1 if unknown)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_ContentLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return 1


def _build(node: yaml.Node, where: Path, lines: dict[Path, int], path: str, offset: int, seen: set[int]) -> Any:
    """Turn a node into plain data, recording lines; refuse anchors, aliases, tags and deep nesting."""
    if id(node) in seen:  # an alias: report where it is used, not where its anchor is
        line = lines.get(where, node.start_mark.line + 1 + offset)
        raise ContentError(Problem(path, line, "YAML anchors and aliases (&, *) are not allowed", "write the value out in full"))
    seen.add(id(node))
    if len(where) >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
        raise ContentError(_too_deep(path, node.start_mark.line + 1 + offset))
    if not isinstance(node, yaml.ScalarNode) and node.tag not in (_MAP_TAG, _SEQ_TAG):
        raise ContentError(Problem(path, node.start_mark.line + 1 + offset, f"unsupported YAML tag {_tag_name(node.tag)}", "remove the tag"))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise ContentError(Problem(path, key_node.start_mark.line + 1 + offset, "keys must be plain names", None))
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in result:
                raise ContentError(Problem(path, line, f"field '{key}' is given twice", "keep one of them"))
            lines[(*where, key)] = line
            result[key] = _build(value_node, (*where, key), lines, path, offset, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*where, index)] = item.start_mark.line + 1 + offset
            items.append(_build(item, (*where, index), lines, path, offset, seen))
        return items
    return _scalar(node, path, offset)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node, path: str, offset: int) -> Any:
    """Construct a plain scalar (text, number, boolean, null) and nothing else."""
    line = node.start_mark.line + 1 + offset
    if node.tag not in _SCALAR_TAGS:
        raise ContentError(Problem(path, line, f"unsupported YAML tag {_tag_name(node.tag)}", "remove the tag"))
    try:
        return _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
    except (yaml.YAMLError, ValueError, LookupError):  # e.g. `!!bool maybe`, `!!int ""`
        kind = node.tag.rsplit(":", 1)[-1]
        raise ContentError(Problem(path, line, f"malformed YAML value: {node.value!r} is not a valid {kind}", "remove the tag")) from None


def value_lines(text: str, where: Path, line_offset: int = 0) -> range | None:
    """The lines (1-based) a value of a YAML text is written on, by its key path; None if the text has no such value.

    For placing a problem within a value written on many lines. The text is composed again:
    problems are few, and a build keeps no more than each key's line.
    """
    try:
        node = yaml.compose(text, Loader=_CContentLoader or _ContentLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    for key in where:
        node = _child(node, key)
        if node is None:
            return None
    first = node.start_mark.line + 1
    last = node.end_mark.line + (1 if node.end_mark.column else 0)  # a block ends at the start of the line after it
    return range(first + line_offset, max(last, first) + 1 + line_offset)


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        return next((value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None
