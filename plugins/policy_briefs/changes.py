"""`briefs check --changed REF`: what a change touched, and which notes it broke.

Files changed since a git ref are those `git diff --name-only BASE` lists
(committed, staged or not) plus untracked files, BASE being where the work
left REF (their merge base): a branch behind REF is not told of what REF
changed after it. For an article whose text
changed, each annotation that anchored in the old text and no longer anchors
in the new one is listed with the closest new passage, so a reviewer sees
which notes an edit broke.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .anchoring import Closest, Selector, WrittenArticle, closest_passage, occurrences
from .loader import ANNOTATIONS_SUFFIX, CONTENT_DIR, split_front_matter, validate_fields
from .problems import ContentError, Problem
from .readertext import read_markdown
from .schema import AnnotationFileFields
from .yamlsource import load_yaml

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
            old_selector = Selector.of(before.quote, before.prefix, before.suffix)
            if len(occurrences(old_selector, old_blocks)) != 1:
                continue  # it did not anchor before the edit either: an ordinary problem
            selector = Selector.of(fields.quote, fields.prefix, fields.suffix)
            matches = len(occurrences(selector, new_blocks))
            if matches == 1:
                continue
            closest = None if matches else closest_passage(fields.quote, new_blocks)
            at = new.at(new_blocks[closest.block], closest.text) if closest is not None else ""
            found.append(BrokenNote(path, notes_path, line, fields.id, fields.quote.strip(), matches, closest, at))
    return found


def _read(file: Path) -> str | None:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _body(text: str | None, path: str) -> WrittenArticle | None:
    if text is None:
        return None
    try:
        _, body, body_line = split_front_matter(text.removeprefix("\ufeff"), path)
    except ContentError:
        return None
    return WrittenArticle(body, body_line)


def _notes(text: str | None, path: str) -> list[tuple]:
    """(fields, line) of each annotation in a file; nothing if the file is unreadable."""
    if text is None:
        return []
    try:
        located = load_yaml(text, path)
    except ContentError:
        return []
    fields, _ = validate_fields(located, path, AnnotationFileFields)
    if fields is None:
        return []
    return [(note, located.line_of(("annotations", index, "quote"))) for index, note in enumerate(fields.annotations)]
