"""`briefs check --changed REF`: what a change touched, and which notes it broke.

Files changed since a git ref are those `git diff --name-only BASE` lists
(committed, staged or not) plus untracked files, BASE being where the work
left REF (their merge base): a branch behind REF is not told of what REF
changed after it. For an article whose text
changed, each annotation that anchored in the old text and no longer anchors
in the new one is listed with the closest new passage, so a reviewer sees
which notes an edit broke. For a glossary entry or actor whose file changed
(an alias taken away, added or moved, a file removed), each name in the briefs
that now links otherwise, or no longer links, is listed where it is written.
"""

from __future__ import annotations

import difflib
import posixpath
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .anchoring import Closest, Occurrence, Selector, WrittenArticle, closest_passage
from .entities import without_invisible
from .fastreader import quote_occurrences
from .loader import ANNOTATIONS_SUFFIX, CONTENT_DIR, Parsed, RawContent, as_read, parse_yaml_text, read_files, split_front_matter
from .mentions import Mention
from .model import Article, Content
from .problems import ContentError, Problem
from .readertext import normalize, read_markdown
from .roughmarkdown import code_ranges
from .schema import ActorFields, AnnotationFileFields, GlossaryFields
from .validate import written_at

GIT_TIMEOUT_SECONDS = 60


class GitError(Exception):
    """git could not answer; the message says why."""


def _git(project: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, encoding="utf-8", timeout=GIT_TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(str(error)) from None
    if result.returncode != 0:
        raise GitError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"git {args[0]} failed")
    return result.stdout


def fork_point(project: Path, ref: str) -> str:
    """The commit the work in `project` left `ref` at (their merge base), or `ref` itself if they share no history."""
    try:
        _git(project, "rev-parse", "--is-inside-work-tree")
    except GitError:
        raise GitError(f"{project} is not in a git repository") from None
    try:
        _git(project, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"'{ref}' is not a commit, branch or tag here (in a shallow clone, fetch it first)") from None
    try:
        return _git(project, "merge-base", ref, "HEAD").strip() or ref
    except GitError:  # no common history, or no commit yet
        return ref


def changed_files(project: Path, base: str) -> set[str]:
    """Paths relative to `project` changed since the commit `base` (see `fork_point`), untracked files included."""
    diff = _git(project, "-c", "core.quotePath=false", "diff", "--name-only", "--relative", "--no-renames", base, "--")
    untracked = _git(project, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard")
    return {line for line in (diff + untracked).splitlines() if line}


def old_text(project: Path, ref: str, path: str) -> str | None:
    """A file's text at `ref`, or None if it did not exist there."""
    try:
        return _git(project, "show", f"{ref}:./{path}")
    except GitError:
        return None


def related_paths(changed: set[str]) -> set[str]:
    """The changed files and, for a changed article, its annotations file (whose quotes it may break)."""
    paths = set(changed)
    for path in changed:
        if path.startswith(f"{CONTENT_DIR}/articles/") and path.endswith(".md"):
            paths.add(path.removesuffix(".md") + ANNOTATIONS_SUFFIX)
    return paths


@dataclass(frozen=True)
class BrokenNote:
    """An annotation that anchored before an article's edit and does not after it."""

    article: str
    path: str  # the annotations file
    line: int
    id: str
    quote: str
    matches: int  # places the quote matches now: 0, or 2 or more
    closest: Closest | None
    closest_at: str = ""  # where the closest passage is in the new text: "on line N", "in the paragraph beginning “…”"
    edited_line: int | None = None  # the article's line, in the new text, where the passage it quoted was written

    def on_the_article(self) -> Problem | None:
        """The note told on the article's line whose edit broke it (the line a reviewer sees in the diff), if that is known."""
        if self.edited_line is None:
            return None
        message = f"this edit breaks note '{self.id}' ({self.path}:{self.line}), which quotes “{self.quote}”"
        close = self.closest is not None and self.closest.similarity >= 0.5
        return Problem(self.article, self.edited_line, message, f"closest new passage, {self.closest.similarity:.0%} similar, {self.closest_at}: “{self.closest.text}”" if close else None)

    def describe(self) -> str:
        if self.matches:
            return f"note '{self.id}' “{self.quote}” now matches {self.matches} passages (add a 'prefix' or 'suffix')"
        if self.closest is None or self.closest.similarity < 0.5:
            return f"note '{self.id}' “{self.quote}” no longer anchors; nothing close in the new text"
        return f"note '{self.id}' “{self.quote}” no longer anchors; closest new passage, {self.closest.similarity:.0%} similar, {self.closest_at}: “{self.closest.text}”"

    def as_problem(self) -> Problem:
        return Problem(self.path, self.line, self.describe())


def broken_notes(project: Path, ref: str, changed: set[str], extensions: list | None = None, extension_configs: dict | None = None) -> list[BrokenNote]:
    """Notes that anchored at `ref` and no longer do, for every article whose text changed."""
    found: list[BrokenNote] = []
    for path in sorted(changed):
        if not (path.startswith(f"{CONTENT_DIR}/articles/") and path.endswith(".md")):
            continue
        new, old = _body(_read(project / path), path), _body(old_text(project, ref, path), path)
        if new is None or old is None or new.body == old.body:
            continue
        notes_path = path.removesuffix(".md") + ANNOTATIONS_SUFFIX
        notes = _notes(_read(project / notes_path), notes_path)
        if not notes:
            continue
        old_notes = {fields.id: fields for fields, _ in _notes(old_text(project, ref, notes_path), notes_path)}
        old_blocks = read_markdown(old.body, extensions, extension_configs).blocks
        new_blocks = read_markdown(new.body, extensions, extension_configs).blocks
        for fields, line in notes:
            before = old_notes.get(fields.id, fields)
            anchored = _found(Selector.of(before.quote, before.prefix, before.suffix), old_blocks)
            if len(anchored) != 1:
                continue  # it did not anchor before the edit either: an ordinary problem
            matches = len(_found(Selector.of(fields.quote, fields.prefix, fields.suffix), new_blocks))
            if matches == 1:
                continue
            closest = None if matches else closest_passage(fields.quote, new_blocks)
            at = new.at(new_blocks[closest.block], closest.text) if closest is not None else ""
            was = anchored[0]
            old_line = old.line_of(old_blocks[was.block][was.start : was.end])
            edited = None if old_line is None else new.body_line + line_after_edit(old.body, new.body, old_line - old.body_line)
            found.append(BrokenNote(path, notes_path, line, fields.id, fields.quote.strip(), matches, closest, at, edited))
    return found


def _found(selector: Selector, blocks: tuple[str, ...]) -> list[Occurrence]:
    """Where a note's quote is in an article's blocks, found as a build finds it."""
    return quote_occurrences(selector, blocks, [normalize(block) for block in blocks])[1]


def line_after_edit(old: str, new: str, line: int) -> int:
    """Where a line (0-based) of `old` is in `new`: the same line, or, if the edit changed or removed it, the first line written in its place."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if i1 <= line < i2:
            at = j1 + (line - i1) if tag == "equal" else j1 + min(line - i1, max(j2 - j1 - 1, 0))
            return min(at, len(new_lines) - 1)  # (lines taken away at the end: the last line)
    return len(new_lines) - 1


def _read(file: Path) -> str | None:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _body(text: str | None, path: str) -> WrittenArticle | None:
    if text is None:
        return None
    try:
        _, body, body_line = split_front_matter(as_read(text), path)
    except ContentError:
        return None
    return WrittenArticle(body, body_line)


def _notes(text: str | None, path: str, field: str = "quote") -> list[tuple]:
    """(fields, line of `field`) of each annotation in a file; nothing if the file is unreadable."""
    if text is None:
        return []
    parsed = parse_yaml_text(as_read(text), path, path, AnnotationFileFields, problems=[])
    if parsed.fields is None:
        return []
    return [(note, parsed.located.line_of(("annotations", index, field))) for index, note in enumerate(parsed.fields.annotations)]


# What a file of the content publishes, by its folder: (what it is, its section of the site).
_PUBLISHED = {"articles": ("the brief's slug", "briefs"), "glossary": ("the entry's id", "glossary"), "actors": ("the actor's id", "actors")}


def renamed_ids(project: Path, base: str, changed: set[str]) -> list[Problem]:
    """Published ids that the work since `base` renames: their pages' addresses, and links to them, would lead nowhere.

    A brief's slug, an entry's or an actor's id, renamed with its file (as git finds renamed files,
    committed or staged); a note's id, given to the passage another id marked.
    """
    found = [_renamed_file(old, new) for old, new in _renamed_files(project, base)]
    for path in sorted(changed):
        if path.startswith(f"{CONTENT_DIR}/articles/") and path.endswith(ANNOTATIONS_SUFFIX):
            found += _renamed_notes(path, _notes(old_text(project, base, path), path), _notes(_read(project / path), path, "id"))
    return [problem for problem in found if problem is not None]


def _renamed_files(project: Path, base: str) -> list[tuple[str, str]]:
    """(old path, new path) of each content file renamed since `base`: as git finds them, and a file taken away whose
    text a new file not yet added to git holds much of (git's measure: half), in the same folder."""
    listed = _git(project, "-c", "core.quotePath=false", "diff", "--name-status", "-M", "--relative", base, "--", CONTENT_DIR)
    rows = [line.split("\t") for line in listed.splitlines()]
    renamed = [(row[1], row[2]) for row in rows if row[0].startswith("R") and len(row) == 3]
    gone = [row[1] for row in rows if row[0] == "D" and len(row) == 2]
    if gone:
        untracked = _git(project, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "--", CONTENT_DIR).splitlines()
        for old in gone:
            before = old_text(project, base, old) or ""
            alike = [new for new in untracked if posixpath.dirname(new) == posixpath.dirname(old) and _alike(before, _read(project / new) or "")]
            renamed += [(old, alike[0])] if len(alike) == 1 else []
    return renamed


def _alike(before: str, now: str) -> bool:
    """Whether a file's new text keeps at least half of its old one, as git finds a file renamed."""
    return difflib.SequenceMatcher(None, before.splitlines(), now.splitlines(), autojunk=False).ratio() >= 0.5


def _renamed_file(old: str, new: str) -> Problem | None:
    """A content file renamed: a problem if its name is what it publishes (an annotations file's is its article's)."""
    old_parts, new_parts = old.split("/"), new.split("/")
    suffix = ".md" if old_parts[1:2] == ["articles"] else ".yml"
    if len(old_parts) != 3 or len(new_parts) != 3 or old_parts[:2] != new_parts[:2] or old_parts[1] not in _PUBLISHED or not old.endswith(suffix) or old.endswith(ANNOTATIONS_SUFFIX):
        return None
    what, section = _PUBLISHED[old_parts[1]]
    was, now = old_parts[2].removesuffix(suffix), new_parts[2].removesuffix(suffix)
    message = f"{what} changes from '{was}' to '{now}' (its file is renamed): its published page, {section}/{was}/, and the links to it would lead nowhere"
    return Problem(new, 1, message, f"keep the file's name, {was}{suffix}: an id never changes once published")


def _renamed_notes(path: str, before: list[tuple], now: list[tuple]) -> list[Problem]:
    """Notes whose passage (quote, prefix, suffix) a published note marked under another id, which is gone."""
    old_ids, new_ids = {fields.id for fields, _ in before}, {fields.id for fields, _ in now}
    gone: dict[tuple, list[str]] = {}  # published notes no longer there, by the passage they marked
    for fields, _ in before:
        if fields.id not in new_ids:
            gone.setdefault((fields.quote.strip(), fields.prefix, fields.suffix), []).append(fields.id)
    found = []
    for fields, line in now:
        ids = gone.get((fields.quote.strip(), fields.prefix, fields.suffix))
        was = ids.pop(0) if ids and fields.id not in old_ids else None
        if was is not None:
            message = f"note '{fields.id}' was published as note '{was}': links to #note-{was} would lead nowhere"
            found.append(Problem(path, line, message, f"keep its id, {was}: a note's id never changes once published"))
    return found


ENTITY_FOLDERS = {"glossary": GlossaryFields, "actors": ActorFields}


@dataclass(frozen=True)
class Relinked:
    """A name in a brief that links otherwise than before an entry's or actor's file changed."""

    path: str  # the article
    line: int
    change: str  # what changed, the same words for every place it changed alike
    times: int = 1  # how often on that line

    def describe(self) -> str:
        return f"{self.path}:{self.line}: {self.change}" + (f" ({_TIMES.get(self.times, f'{self.times} times')})" if self.times > 1 else "")


def changed_entity_files(changed: set[str]) -> list[str]:
    """The glossary entries' and actors' files among the changed paths."""
    return sorted(path for path in changed if _entity_file(path) is not None)


def relinked_names(project: Path, base: str, changed: set[str], now: Content, load: Callable[[RawContent], Content]) -> list[Relinked]:
    """Names in the briefs as they are now that link otherwise than with the entity files of `base`.

    Only the glossary's and actors' files are taken as they were (`load` checks the content read
    from them): what an article's own edit changes is not told here, nor what a file's mistakes
    change (its problems tell it).
    """
    paths = changed_entity_files(changed)
    if not paths:
        return []
    raw = read_files(project)
    for path in paths:
        folder, stem = _entity_file(path)
        entities = raw.glossary if folder == "glossary" else raw.actors
        if stem in entities and entities[stem].fields is None:
            continue
        before = _entity_at(project, base, path, stem, ENTITY_FOLDERS[folder])
        if before is None:
            entities.pop(stem, None)
        else:
            entities[stem] = before
    then = load(raw)
    found: list[Relinked] = []
    for slug, article in now.articles.items():
        if slug in then.articles:
            found += _relinked_in(article, then.articles[slug].mentions)
    return found


def _entity_file(path: str) -> tuple[str, str] | None:
    """(folder, id) of a glossary entry's or actor's file."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == CONTENT_DIR and parts[1] in ENTITY_FOLDERS and parts[2].endswith(".yml"):
        return parts[1], parts[2].removesuffix(".yml")
    return None


def _entity_at(project: Path, ref: str, path: str, stem: str, model: type) -> Parsed | None:
    """An entity's file as it was at `ref`, read as the loader reads it (None if there was none)."""
    text = old_text(project, ref, path)
    return None if text is None else parse_yaml_text(as_read(text), path, stem, model, problems=[])


def _relinked_in(article: Article, before: tuple[Mention, ...]) -> list[Relinked]:
    """The article's names that link otherwise now than in `before` (the same text's mentions then), in order."""
    now = article.mentions
    same = {(m.block, m.start, m.end, m.target.ref) for m in now}
    was = {(m.block, m.start, m.end, m.target.ref) for m in before}
    changes: list[tuple[Mention, str]] = []
    for old in before:
        if (old.block, old.start, old.end, old.target.ref) not in same:
            changes.append((old, _lost(article, old, [m for m in now if _overlap(m, old)])))
    for new in now:
        if (new.block, new.start, new.end, new.target.ref) not in was and not any(_overlap(new, old) for old in before):
            changes.append((new, f"'{_name(article, new)}' now links to {new.target.ref}"))
    changes.sort(key=lambda change: (change[0].block, change[0].start))
    return _placed(article, changes)


def _lost(article: Article, old: Mention, instead: list[Mention]) -> str:
    name = _name(article, old)
    if not instead:
        return f"'{name}' no longer links to {old.target.ref}"
    if len(instead) == 1 and (instead[0].start, instead[0].end) == (old.start, old.end):
        return f"'{name}' now links to {instead[0].target.ref}, not {old.target.ref}"
    now = ", ".join(f"'{_name(article, m)}' to {m.target.ref}" for m in instead)
    return f"'{name}' no longer links to {old.target.ref}: now {now}"


def _overlap(a: Mention, b: Mention) -> bool:
    return a.block == b.block and a.start < b.end and b.start < a.end


def _name(article: Article, mention: Mention) -> str:
    """A mention's name as it reads (without characters a page does not show: an editor searches the file for it)."""
    return " ".join(without_invisible(article.reader_blocks[mention.block][mention.start : mention.end]).split())



def _placed(article: Article, changes: list[tuple[Mention, str]]) -> list[Relinked]:
    """Each change on the article's line that writes its name (the copies of a name found in order)."""
    code, after, placed = code_ranges(article.body), 0, Counter()
    for mention, change in changes:
        written = written_at(article.body, code, article.reader_blocks[mention.block], mention.start, mention.end, after)
        if written is not None:
            after = written[0] + 1
        line = article.body_line + (article.body.count("\n", 0, written[0]) if written is not None else 0)
        placed[Relinked(article.path, line, change)] += 1
    return [replace(place, times=count) for place, count in placed.items()]


_TIMES = {2: "twice"}  # (a name on one line more than once: told once, with how often)
