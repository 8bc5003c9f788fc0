"""Plain-language messages for validation errors, with suggestions."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .schema import ID_PATTERN, LANGUAGE_TAG_PATTERN, SHOWN
from .yamlsource import LocatedData


def suggest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice closest to a mistyped value, if one is close enough (`difflib`'s ratio at least `cutoff`).

    Failing that, the only choice that holds each of the value's hyphenated words: an id
    lengthened by renaming its file (`mgimo` for `mgimo-university`).
    """
    options = sorted(set(choices))
    matches = difflib.get_close_matches(value, options, n=1, cutoff=cutoff)
    if matches:
        return matches[0]
    words = set(value.split("-")) - {""}
    holding = [option for option in options if words and words <= set(option.split("-"))]
    return holding[0] if len(holding) == 1 else None


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    close = suggest(value, choices)
    return f"did you mean '{close}'?" if close else None


def slugify(text: str) -> str:
    """An id made of any text: letters without their accents, apostrophes left out, anything else between words a hyphen."""
    text = unicodedata.normalize("NFKD", text.replace("’", "").replace("'", ""))
    return re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode("ascii").lower()).strip("-")


def meant_id(text: str) -> str:
    """The id a mistyped one was meant to be (`slugify`): a letter of another script that looks like a Latin one, among Latin letters,
    read as that one (`russiа`, its last letter Cyrillic, is `russia`), and a dash of another kind as a hyphen."""
    text = text.translate(_DASHES)
    return slugify(text.translate(_LOOKALIKES) if re.search("[A-Za-z]", text) else text)


def as_seen(text: str) -> str:
    """`text` with each character that looks like a plain one read as that one (a non-breaking hyphen as '-', a
    non-breaking space as ' ', a curly quote as a straight one, a Cyrillic 'а' as 'a'): character for character."""
    return text.translate(_SEEN_ALIKE)


def named_character(char: str) -> str:
    """A character as a message names it: "'‑' (U+2011 NON-BREAKING HYPHEN)"."""
    mark = '"' if char == "'" else "'"
    return f"{mark}{char}{mark} (U+{ord(char):04X} {unicodedata.name(char, 'an unnamed character')})"


def misleads(text: str) -> bool:
    """Whether an id holds a character that reads as another (a Cyrillic letter, a dash of another kind) or
    shows as nothing (a zero-width space): a message names it, or the id meant would look the same."""
    return meant_id(text) != slugify(text) or _unseen(text)


def _unseen(text: str) -> bool:
    """Whether a name holds a character that shows as nothing, as a space or as a hyphen, other than those."""
    return any(not char.isascii() and unicodedata.category(char) in ("Cf", "Zs", "Pd") for char in text)


def odd_characters(text: str) -> str:
    """The characters of an id that are not ASCII, each named (for a message): "'а' (U+0430 CYRILLIC SMALL LETTER A)"."""
    odd = [char for char in dict.fromkeys(text) if not char.isascii()]
    return ", ".join(named_character(char) for char in odd[:3])


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
# Cyrillic and Greek letters that look like Latin ones.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁӏАВЕКМНОРСТХУІЈЅοαινρκτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdlABEKMHOPCTXYIJSoaivpktuxABEZHIKMNOPTYX",
)
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'") | dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"')
_SEEN_ALIKE = _LOOKALIKES | _DASHES | _SPACES | _QUOTES


def field_names(model: type[BaseModel]) -> set[str]:
    """Every field name in a model and the models nested in it."""
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for nested in _nested_models(info.annotation):
            names |= field_names(nested)
    return names


def fields_at(model: type[BaseModel], loc: tuple) -> set[str]:
    """The field names a model allows where a pydantic error's location points (all of the model's, if that is not known)."""
    models = [model]
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        tagged = [nested for nested in models if nested.__name__ == part]  # (the branch of a union it took)
        models = tagged or [nested for owner in models if part in owner.model_fields for nested in _nested_models(owner.model_fields[part].annotation)]
        if not models:
            return field_names(model)
    return {name for owner in models for name in owner.model_fields}


def _nested_models(annotation: Any) -> Iterable[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _nested_models(argument)


def validation_problems(error: ValidationError, located: LocatedData, path: str, model: type[BaseModel], base: tuple = ()) -> list[Problem]:
    """One located problem per pydantic error."""
    vocabulary = field_names(model)
    located_details = [(detail, _data_path(located.data, base, detail["loc"])) for detail in error.errors()]
    located_details = [(detail, _bad_key_path(located.data, where, detail) or where) for detail, where in located_details]
    problems = []
    for detail, where in located_details:
        if _other_branch(detail, where, located_details) or _misspelt(detail, where, located_details):
            continue
        text_branch = {other["type"] for other, at in located_details if at == where and other is not detail}
        if detail["type"] in _FIELDS_TYPES and "string_pattern_mismatch" in text_branch:
            continue  # text that is not an id: said once, by the id's message
        message, hint = _describe(detail, where, fields_at(model, detail["loc"]) if detail["type"] == "extra_forbidden" else vocabulary)
        if detail["type"] == "string_pattern_mismatch" and text_branch & _FIELDS_TYPES and hint is not None:
            hint = f"{hint} for an actor's id, or write {{name: {detail.get('input')}}} for a name with no profile"
        if detail["type"] in _FIELDS_TYPES and any(other["type"] == "string_type" and at == where for other, at in located_details):
            message = f"{field_label(where)} must be text or a set of fields (key: value), not {kind_of(detail.get('input'))}"  # neither branch of a union
        elif detail["type"] == "string_type" and any(other["type"] in _FIELDS_TYPES and at == where for other, at in located_details):
            continue  # said once, with the other branch's error
        problems.append(Problem(path, located.line_of(where), message, hint))
    return problems


_FIELDS_TYPES = {"model_type", "dict_type", "model_attributes_type"}  # pydantic's errors for a value that is not a set of fields


def _misspelt(detail: dict, where: tuple, located_details: list[tuple[dict, tuple]]) -> bool:
    """A missing field given under a misspelt name beside it: the unknown name's message says which it is."""
    if detail["type"] != "missing":
        return False
    name = detail["loc"][-1]
    return any(
        other["type"] == "extra_forbidden" and at[:-1] == where[:-1] and suggest(str(at[-1]), [name]) == name
        for other, at in located_details
    )


def _other_branch(detail: dict, where: tuple, located_details: list[tuple[dict, tuple]]) -> bool:
    """A union's text branch refusing fields that its other branch reports a mistake inside (an author given by name)."""
    if detail["type"] != "string_type" or not isinstance(detail.get("input"), (dict, list)):
        return False
    return any(len(other) > len(where) and other[: len(where)] == where for _, other in located_details)


def _data_path(data: Any, base: tuple, loc: tuple) -> tuple:
    """The error's location as keys into the data, without pydantic's union tags."""
    where = list(base)
    node = data
    for key in base:
        node = node[key] if isinstance(node, (dict, list)) else None
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _is_tag(part):
            where.append(part)  # a missing field: report on its parent
            break
        else:
            continue
        where.append(part)
    return tuple(where)


def _bad_key_path(data: Any, where: tuple, detail: dict) -> tuple | None:
    """Where a key pydantic could not read is (it locates the fields that hold it): the first key equal to its input below `where`."""
    if detail["type"] != "string_unicode":
        return None
    node = data
    for part in where:
        node = node[part]
    return None if isinstance(node, str) else _find_key(node, detail.get("input"), where)


def _find_key(node: Any, key: Any, where: tuple) -> tuple | None:
    if isinstance(node, dict):
        if key in node:
            return (*where, key)
        children = node.items()
    elif isinstance(node, list):
        children = enumerate(node)
    else:
        return None
    for part, child in children:
        found = _find_key(child, key, (*where, part))
        if found is not None:
            return found
    return None


def _is_tag(part: str) -> bool:
    return "[" in part or part[:1].isupper() or part in {"constrained-str", "str", "int"}


def kind_of(value: Any) -> str:
    """What a YAML value is, in an editor's words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "empty" if value is None else "text"


def field_label(where: tuple) -> str:
    """The name of the field at a location (its last key; "file" for the whole file)."""
    named = [str(part) for part in where if isinstance(part, str)]
    return named[-1] if named else "file"


def _describe(detail: dict, where: tuple, vocabulary: set[str]) -> tuple[str, str | None]:
    kind = detail["type"]
    field = field_label(where)
    value = detail.get("input")
    if kind == "extra_forbidden":
        text = " " in field.strip()  # (words, not a field's name: a line of the value above, indented too little)
        near = did_you_mean(field, vocabulary - {field})  # (a field of another level's, as a source's title, is no field here)
        odd = f": it holds {odd_characters(field)}" if as_seen(field) in vocabulary or _unseen(field) else ""  # (`tеrm`, its е Cyrillic, reads as `term`)
        return f"unknown field '{field}'{odd}", near or ("if it is text of the field above, indent it as far as that text" if text else "remove it")
    if kind == "missing":
        return f"missing required field '{field}'", None
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", detail["ctx"]["expected"])
        if value is None or isinstance(value, str) and not value.strip():
            return f"{field} must not be empty", f"write one of {', '.join(allowed)}"
        if not isinstance(value, str):  # (`verdict: no` is false to YAML)
            return f"{field} must be one of {', '.join(allowed)}, not {kind_of(value)}", "YAML reads yes, no, on, off, true and false as true or false" if isinstance(value, bool) else None
        return f"{field} must be one of {', '.join(allowed)}, not {value!r}", did_you_mean(str(value), allowed)
    if kind in {"string_too_short", "string_type", "string_pattern_mismatch"} and (value is None or isinstance(value, str) and not value.strip()):
        if where and isinstance(where[-1], int):  # (an item of a list: `- ""`, or a `-` alone)
            return f"item {where[-1] + 1} of {field} must not be empty", "write its text, or take its line out"
        return f"{field} must not be empty", None
    if kind == "string_pattern_mismatch":
        return _pattern_message(field, value, detail["ctx"]["pattern"])
    if kind == "string_unicode":
        field = "a key" if where and where[-1] == value else field  # the key itself cannot be shown
        return f"{field} holds a \\u escape for half a character (a lone surrogate, \\ud800 to \\udfff)", "write the character itself, or its whole \\U0001xxxx escape"
    subject = f"each item of {field}" if where and isinstance(where[-1], int) else field
    if kind == "string_type":
        if field in _ONE_ID and isinstance(value, list):  # (`speaker: [viktor-sumsky]`)
            one = len(value) == 1 and isinstance(value[0], str) and re.fullmatch(ID_PATTERN, value[0])
            return f"{subject} must be text, not {kind_of(value)}", f"{_ONE_ID[field]}: write it without the brackets" + (f", {field}: {value[0]}" if one else "")
        return f"{subject} must be text, not {kind_of(value)}", _as_text_hint(value)
    if kind == "list_type":
        if value is None or isinstance(value, str) and not value.strip():  # (`annotations:` with nothing after it, or "")
            return f"{subject} must be a list", "write [] for none, or one '- item' per line"
        return f"{subject} must be a list", f"write [{value}]" if isinstance(value, str) else "write [a, b], or one '- item' per line"
    if kind in _FIELDS_TYPES:
        return f"{subject} must be a set of fields (key: value)", None
    if kind == "value_error":
        return f"{field}: {detail['ctx']['error']}", None
    return f"{field}: {detail['msg'].lower()}", None


_ONE_ID = {"id": "a note has one id", "speaker": "a speaker is one actor's id"}  # the fields that hold one id, not a list (`schema.AnnotationFields`)


def _as_text_hint(value: Any) -> str | None:
    """How to make YAML read a value as the text it was meant to be."""
    if isinstance(value, (int, float, bool)):
        return "put it in quotes"
    if isinstance(value, dict) and len(value) == 1:  # (`- Russia wanted: the balance`)
        return 'YAML reads text that holds ": " as a field: put the whole text in double quotes'
    return None


def _pattern_message(field: str, value: Any, pattern: str) -> tuple[str, str | None]:
    if pattern == r"\S":
        return f"{field} must not be empty", None
    if pattern == SHOWN:
        return f"{field} must not be empty", "it holds only characters a page does not show, such as a soft hyphen or a zero-width space: write the text"
    if pattern.startswith("^https?"):
        if isinstance(value, str) and re.match(r"https?://", value.strip()):  # (written as one, but with a space or no host)
            hint = "an address holds no space: copy it from the browser's address bar" if any(c.isspace() for c in value.strip()) else None
            return f"{field}: not a web address a browser can open (a host after //, a port up to 65535)", hint
        return f"{field} must be an http:// or https:// address, not {value!r}", None
    if pattern == LANGUAGE_TAG_PATTERN:
        hyphenated = "-".join(str(value).strip().replace("_", " ").split())  # (ru_RU, as a computer's locale writes it; ru RU)
        if hyphenated != value and re.fullmatch(LANGUAGE_TAG_PATTERN, hyphenated):
            return f"{field}: {value!r} is not a language tag", f"did you mean '{hyphenated}'? A tag's parts are joined by hyphens"
        return f"{field}: {value!r} is not a language tag", "write the language's tag: ru for Russian, zh-Hans or zh-Hant for Chinese in simplified or traditional characters, ar for Arabic"
    slug = meant_id(str(value))
    holds = f": it holds {odd_characters(str(value))}" if misleads(str(value)) else ""
    return f"{value!r} is not a valid id (lowercase letters, digits and single hyphens){holds}", f"use '{slug}'" if slug else None
