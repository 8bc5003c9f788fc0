"""Reading `briefs/` into the model, collecting every problem on the way."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, AnyStr, TypeVar

from pydantic import BaseModel, ValidationError

from .messages import meant_id, misleads, odd_characters, slugify, validation_problems
from .problems import ContentError, Problem
from .schema import ID_PATTERN, ActorFields, AnnotationFields, AnnotationFileFields, ArticleFields, GlossaryFields
from .sitepaths import INDEX_PAGES, uri_for
from .yamlsource import MAX_FILE_BYTES, LocatedData, load_yaml

CONTENT_DIR = "briefs"
MAX_MARKDOWN_NESTING = 100  # levels of lists and quotes in an article (Python-Markdown fails at a few hundred)
TOO_DEEP = "the article's Markdown is nested too deeply to read"
ANNOTATIONS_SUFFIX = ".annotations.yml"
_ID = re.compile(ID_PATTERN)
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# The start of a line that may be nested too deep: quote marks and white space, at least half as many as levels
# (a tab is two levels), found in one scan of the article; most articles have none.
_DEEP_CANDIDATE = re.compile(rf"^[ \t>]{{{MAX_MARKDOWN_NESTING // 2 + 1},}}", re.MULTILINE)

M = TypeVar("M", bound=BaseModel)


@dataclass
class Parsed:
    """One file's validated fields, or nothing if it could not be read."""

    path: str
    stem: str
    located: LocatedData | None = None
    fields: Any = None
    unreadable: bool = False  # an article whose text could not be told from its front matter (its body unknown)
    # An annotations file with a mistake in some notes: each note's fields, None where they are wrong (checked, not published).
    salvaged: list | None = None
    misplaced: bool = False  # a file of another kind than its folder's: told as that one problem, its fields not checked


@dataclass
class RawContent:
    """Per-file results before cross-file checks."""

    articles: dict[str, tuple[Parsed, str, int]] = field(default_factory=dict)  # slug -> (front matter, body, body line)
    annotations: dict[str, Parsed] = field(default_factory=dict)
    glossary: dict[str, Parsed] = field(default_factory=dict)
    actors: dict[str, Parsed] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_text(file: Path, rel: str) -> str:
    """A content file's text; refuse huge or non-UTF-8 files with a located problem."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(Problem(rel, 1, f"file is {size // 1024} KiB, over the {MAX_FILE_BYTES // 1024} KiB limit", "split it up"))
        data = file.read_bytes()
    except OSError as error:
        raise ContentError(Problem(rel, 1, f"file cannot be read: {error.strerror or error}", "check that it exists and that you may read it")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _unix_lines(data[: exc.start]).count(b"\n") + 1
        raise ContentError(Problem(rel, line, "file is not UTF-8 text", "save it as UTF-8")) from None
    return as_read(text)


def as_read(text: str) -> str:
    """A file's text as the loader reads it: without a byte-order mark, its lines ended by \\n alone."""
    return _unix_lines(text.removeprefix("\ufeff"))


def _unix_lines(text: AnyStr) -> AnyStr:
    """Lines ended by \\n alone, as Python-Markdown and YAML read them: a file saved with \\r\\n or \\r ends gets the same lines."""
    cr, lf = ("\r", "\n") if isinstance(text, str) else (b"\r", b"\n")
    return text.replace(cr + lf, lf).replace(cr, lf) if cr in text else text


def split_front_matter(text: str, rel: str) -> tuple[str, str, int]:
    """(front matter YAML, body, line on which the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(Problem(rel, 1, "an article must start with front matter between '---' lines", "add a '---' line, the fields, and another '---'"))
    for number, line in enumerate(lines[1:], start=2):
        if _FENCE.match(line.rstrip("\r\n")):
            return "".join(lines[1 : number - 1]), "".join(lines[number:]), number + 1
    near = next((number for number, line in enumerate(lines[1:], start=2) if _NEAR_FENCE.fullmatch(line.strip())), None)
    if near is not None:  # (`----`, `- - -`, `–––`: a line meant to close it)
        raise ContentError(Problem(rel, near, f"front matter is not closed: line {near} is written '{lines[near - 1].strip()}'", "write it as three hyphens alone, '---'"))
    raise ContentError(Problem(rel, 1, "front matter is not closed", "add a '---' line after the last field"))


_NEAR_FENCE = re.compile(r"(?:[-–—] ?){2,}[-–—]|\.\.\.\.+")  # a line of dashes (or dots) that is not `---` (or `...`)


def check_stem(stem: str, rel: str, folder: Path | None = None) -> list[Problem]:
    """A file name that is not an id, with a name to give it (one not taken by a file in `folder`)."""
    if _ID.match(stem):
        return []
    path = PurePosixPath(rel)
    renamed = meant_id(stem) + path.name[len(stem) :]  # (what follows the stem: .md, .annotations.yml, .yml)
    usable = meant_id(stem) and _index_page_of(path.parts[1] if len(path.parts) == 3 else None, renamed) is None
    if usable and folder is not None and renamed in _names_in(folder):
        hint = f"rename the file ('{renamed}' is another file's name)"
    else:
        hint = f"rename it to '{renamed}'" if usable else "rename the file"
    holds = f": it holds {odd_characters(stem)}" if misleads(stem) else ""
    return [Problem(rel, 1, f"file name '{stem}' is not a valid id (lowercase letters, digits and single hyphens){holds}", hint)]


def _names_in(folder: Path) -> set[str]:
    """The names of the files in a folder, as written (on a file system that ignores case, too)."""
    try:
        return {entry.name for entry in folder.iterdir()}
    except OSError:
        return set()


def validate_fields(located: LocatedData, rel: str, model: type[M], text: str | None = None, line_offset: int = 0) -> tuple[M | None, list[Problem]]:
    """Validate parsed YAML against a model, returning located problems (`text`: the YAML, its first line `line_offset` + 1, for hints)."""
    if not isinstance(located.data, dict):
        notes = model is AnnotationFileFields and isinstance(located.data, list)  # the notes, without the line above them
        hint = "write 'annotations:' on the first line, the notes below it, indented" if notes else None
        if located.data is None and model is ArticleFields:
            return None, [Problem(rel, located.first_line, "the front matter has no fields", "write the brief's fields between the --- lines: briefs new writes a file with each of them")]
        return None, [Problem(rel, located.first_line, "expected fields (key: value lines)" if located.data is not None else "file is empty", hint)]
    try:
        return model.model_validate(located.data), []
    except ValidationError as error:
        problems = validation_problems(error, located, rel, model)
        return None, _as_written(problems, text, line_offset) if text is not None else problems


# What YAML read otherwise than an editor wrote it: `key: #…` or `- #…` (a comment), `key: […]` (a list),
# the `[` on the key's line or on the next line written (the problem is told on the key's line).
_AS_WRITTEN = (
    ("must not be empty", re.compile(r"^[^\S\n]*(?:-[^\S\n]+)?(?:[^\s#][^:#\n]*:[^\S\n]+)?#"),
     'the text after # is a YAML comment, not the value: a value that begins with # goes in double quotes, as "#1 priority"'),
    ("must be text, not a list", re.compile(r"^[^\S\n]*(?:-[^\S\n]+)?[^\s#][^:#\n]*:(?:[^\S\n]+|[^\S\n]*(?:#[^\n]*)?\n\s*)\["),
     'text that begins with [ goes in double quotes, as "[Moscow] agreed"'),
)


def _as_written(problems: list[Problem], text: str, line_offset: int) -> list[Problem]:
    """Problems with a value YAML read otherwise than it looks as written, with a hint that says so."""
    lines = text.splitlines()
    mended = []
    for problem in problems:
        at = problem.line - 1 - line_offset
        for ending, written, hint in _AS_WRITTEN:
            if problem.message.endswith(ending) and problem.hint is None and 0 <= at < len(lines) and written.match(_with_next_written(lines, at)):
                problem = replace(problem, hint=hint)
        mended.append(problem)
    return mended


def _with_next_written(lines: list[str], at: int) -> str:
    """Line `at` and, after a newline, the next line that is not blank (if any)."""
    following = next((line for line in lines[at + 1 :] if line.strip()), "")
    return f"{lines[at]}\n{following}"


def _parse_yaml_file(file: Path, rel: str, stem: str, model: type[BaseModel], raw: RawContent) -> Parsed:
    bad_name = check_stem(stem, rel, file.parent)
    raw.problems.extend(bad_name)
    try:
        text = read_text(file, rel)
    except ContentError as error:
        raw.problems.append(error.problem)
        return Parsed(rel, stem)
    parsed = parse_yaml_text(text, rel, stem, model, raw.problems)
    if bad_name:  # checked, but not published under a name its page cannot have
        parsed.fields = None
    return parsed


def parse_yaml_text(text: str, rel: str, stem: str, model: type[BaseModel], problems: list[Problem]) -> Parsed:
    """A YAML content file's text (`as_read`) parsed and validated as `model`, its problems added to `problems`."""
    parsed = Parsed(rel, stem)
    try:
        parsed.located = load_yaml(text, rel)
    except ContentError as error:
        problems.append(error.problem)
        return parsed
    problems.extend(parsed.located.problems)
    parsed.fields, found = validate_fields(parsed.located, rel, model, text)
    kind = _fields_kind(parsed.located.data) if found else None
    if kind is not None and _KINDS[kind][0] is not model:  # one problem, not one per field of the other kind's
        found = [Problem(rel, 1, f"this is {_KINDS[kind][1]}, not {_kind_name(model)}", f"move it to {_place_of(kind, stem)}")]
        parsed.misplaced = True
    problems.extend(found)
    if parsed.fields is None and model is AnnotationFileFields:
        parsed.salvaged = _notes_one_by_one(parsed.located.data)
    return parsed


def _notes_one_by_one(data: Any) -> list[AnnotationFields | None] | None:
    """Each note of an annotations file that failed as a whole, validated on its own (its problems are the file's)."""
    if not isinstance(data, dict) or set(data) != {"annotations"} or not isinstance(data["annotations"], list):
        return None
    notes: list[AnnotationFields | None] = []
    for item in data["annotations"]:
        try:
            notes.append(AnnotationFields.model_validate(item))
        except ValidationError:
            notes.append(None)
    return notes


def _parse_article(file: Path, rel: str, stem: str, raw: RawContent) -> None:
    parsed = Parsed(rel, stem)
    bad_name = check_stem(stem, rel, file.parent)
    raw.problems.extend(bad_name)
    try:
        front, body, body_line = split_front_matter(read_text(file, rel), rel)
    except ContentError as error:
        raw.problems.append(error.problem)
        parsed.unreadable = True
        raw.articles[stem] = (parsed, "", 1)
        return
    deep = too_deep_line(body)
    if deep is not None:  # Python-Markdown would recurse past Python's limit (and the build stop with a traceback)
        raw.problems.append(Problem(rel, body_line + deep, TOO_DEEP, "flatten its nested lists or quotes"))
        parsed.unreadable = True
        body = ""
    # Bad front matter does not hide the body: its links and annotation quotes are still checked.
    raw.articles[stem] = (parsed, body, body_line)
    try:
        parsed.located = load_yaml(front, rel, line_offset=1)
        raw.problems.extend(parsed.located.problems)
    except ContentError as error:
        raw.problems.append(error.problem)
        return
    parsed.fields, problems = validate_fields(parsed.located, rel, ArticleFields, front, line_offset=1)
    raw.problems.extend(problems)
    if bad_name:  # checked, but not published under a slug its page cannot have
        parsed.fields = None


def too_deep_line(body: str) -> int | None:
    """The first line (0-based) of Markdown nested deeper than `MAX_MARKDOWN_NESTING` (None if none is).

    A line's depth: its quote marks (`>`) and its indentation, two columns a level (the least a list nests by).
    """
    for match in _DEEP_CANDIDATE.finditer(body):
        depth, columns, after_mark = 0, 0, False
        for character in match.group().expandtabs(4):
            if character == ">":
                depth, after_mark = depth + 1, True
            else:  # a space: the one after a quote mark belongs to it
                columns += not after_mark
                after_mark = False
        if depth + columns // 2 > MAX_MARKDOWN_NESTING:
            return body.count("\n", 0, match.start())
    return None


def read_files(project: Path) -> RawContent:
    """Read and validate every file under `briefs/` on its own."""
    raw = RawContent()
    root = project / CONTENT_DIR
    if not root.is_dir():
        raw.problems.append(Problem(CONTENT_DIR, 1, f"no '{CONTENT_DIR}' folder in {project.name or project}", "create briefs/articles, briefs/glossary and briefs/actors"))
        return raw
    for file in sorted(root.rglob("*")):
        if (os.path.isfile(file) or _dangling(file)) and not passed_over(file.name):
            _read_one(file, project, raw)
    return raw


BACKUP_SUFFIXES = ("~", ".bak", ".orig", ".swp")  # left by text editors, and by git's merge tools (.orig)


def passed_over(name: str) -> bool:
    """A file that is not content: hidden, or a backup or temporary file (`x.yml~`, `x.yml.orig`, `#x.yml#`, Vim's `4913`)."""
    return name.startswith(".") or name.endswith(BACKUP_SUFFIXES) or name.startswith("#") and name.endswith("#") or name == "4913"


def _dangling(file: Path | str) -> bool:
    """A symbolic link to nothing that can be opened (missing, a loop of links, out of reach): reported, not passed over.

    (`os.path` answers False where `Path` methods raise, for a target in a folder that cannot be entered.)
    """
    return os.path.islink(file) and not os.path.exists(file)


def _read_one(file: Path, project: Path, raw: RawContent) -> None:
    rel = file.relative_to(project).as_posix()
    if _dangling(file):
        raw.problems.append(Problem(rel, 1, "symbolic link to a file that does not exist or cannot be opened", "point it at a content file, or remove it"))
        return
    parts = file.relative_to(project / CONTENT_DIR).parts
    folder, name = (parts[0], parts[-1]) if len(parts) == 2 else (None, file.name)
    taken = _index_page_of(folder, name)
    if taken is not None:
        raw.problems.append(Problem(rel, 1, f"the file's name is taken: its page would replace the site's page {taken}", "rename the file"))
        return
    if folder == "articles" and name.endswith(ANNOTATIONS_SUFFIX):
        stem = name.removesuffix(ANNOTATIONS_SUFFIX)
        raw.annotations[stem] = _parse_yaml_file(file, rel, stem, AnnotationFileFields, raw)
    elif folder == "articles" and name.endswith(".md"):
        _parse_article(file, rel, name.removesuffix(".md"), raw)
    elif folder == "glossary" and name.endswith(".yml"):
        raw.glossary[name[:-4]] = _parse_yaml_file(file, rel, name[:-4], GlossaryFields, raw)
    elif folder == "actors" and name.endswith(".yml"):
        raw.actors[name[:-4]] = _parse_yaml_file(file, rel, name[:-4], ActorFields, raw)
    else:
        raw.problems.append(Problem(rel, 1, "file is not part of the content model", _placement_hint(folder, name, file, project)))


def _index_page_of(folder: str | None, name: str) -> str | None:
    """The site's index page a content file's page would take the place of (None if none)."""
    suffixes = {"articles": (ANNOTATIONS_SUFFIX, ".md"), "glossary": (".yml",), "actors": (".yml",)}
    suffix = next((end for end in suffixes.get(folder or "", ()) if name.endswith(end)), None)
    if suffix is None:  # not a content file's name: said so elsewhere
        return None
    page = uri_for({"articles": "brief", "glossary": "term", "actors": "actor"}[folder], name.removesuffix(suffix))
    return page if page in INDEX_PAGES else None


def _placement_hint(folder: str | None, name: str, file: Path | None = None, project: Path | None = None) -> str:
    if name.endswith(".yaml"):
        return "content YAML files end in .yml"
    stem, dot, extension = name.strip().rpartition(".")
    spaced = name != name.strip()  # (an extension the editor cannot see is not the one it looks like)
    capitals = bool(dot) and extension.lower() in ("yml", "yaml", "md") and extension != extension.lower()
    if spaced or capitals:
        renamed = f"{stem}.{'yml' if extension.lower() == 'yaml' else extension.lower()}" if capitals else name.strip()
        why = f"its name {'ends' if name != name.rstrip() else 'begins'} with a space" if spaced else "the extension is written in capitals"
        taken = file is not None and (file.parent / renamed).exists() and (file.parent / renamed).resolve() != file.resolve()
        return f"{why}: {'keep one of it and ' + repr(renamed) + ', which is there too' if taken else 'rename it ' + repr(renamed)}"
    kind = _kind_of_file(file) if file is not None and name.endswith((".yml", ".md")) else None
    if kind is not None:
        place = _place_of(kind, name.split('.')[0])
        if project is not None and (project / place).exists():  # (a copy, say, in a folder of drafts)
            return f"it is {_KINDS[kind][1]}, and {place} is there already: keep one of the two"
        return f"it is {_KINDS[kind][1]}: move it to {place}"
    if folder == "articles" and name.endswith((".yml", ".yaml")):
        return f"an annotations file is named <slug>{ANNOTATIONS_SUFFIX}"
    return "articles go in briefs/articles/<slug>.md, glossary entries in briefs/glossary/<id>.yml, actors in briefs/actors/<id>.yml"


# The kinds of YAML content file: the model of each, what it is called, where it goes.
_KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "glossary": (GlossaryFields, "a glossary entry", "briefs/glossary/{}.yml"),
    "actors": (ActorFields, "an actor", "briefs/actors/{}.yml"),
    "annotations": (AnnotationFileFields, "an annotations file", "briefs/articles/{}" + ANNOTATIONS_SUFFIX),
    "articles": (ArticleFields, "an article", "briefs/articles/{}.md"),
}


def _kind_name(model: type[BaseModel]) -> str:
    return next(name for kind_model, name, _ in _KINDS.values() if kind_model is model)


def _place_of(kind: str, stem: str) -> str:
    """Where a file of this kind and name goes: under its name as an id, if its page may have that name (an annotations file's less a word 'annotations')."""
    place = _KINDS[kind][2]
    if kind == "annotations":
        stem = _ANNOTATIONS_WORD.sub("", stem)  # (`slug-annotations.yml`, `slug_annotations.yml`: the article's slug)
    name = stem if _ID.match(stem) else slugify(stem)
    if not name or _index_page_of(place.split("/")[1], place.format(name).rsplit("/", 1)[1]) is not None:
        name = "<slug>" if kind in ("articles", "annotations") else "<id>"
    return place.format(name)


_ANNOTATIONS_WORD = re.compile(r"[-_ .]*annotations?$", re.IGNORECASE)


def _fields_kind(data: Any) -> str | None:
    """The one kind of content file that has every field these data give, if one has (a file put in the wrong folder)."""
    if not isinstance(data, dict) or not data:
        return None
    kinds = [kind for kind, (model, _, _) in _KINDS.items() if set(data) <= _top_fields(model)]
    return kinds[0] if len(kinds) == 1 else None


def _top_fields(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _kind_of_file(file: Path) -> str | None:
    """The kind of content file a file that is not in its place holds (None if it is none, or cannot be read)."""
    try:
        text = read_text(file, file.name)
        if file.name.endswith(".md"):
            text = split_front_matter(text, file.name)[0]
        return _fields_kind(load_yaml(text, file.name).data)
    except ContentError:
        return None
