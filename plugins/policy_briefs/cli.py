"""The `briefs` command: editors' tools for the content under `briefs/`."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from .loader import CONTENT_DIR, RawContent, split_front_matter
from .model import Content
from .problems import ContentError, Problem
from .sitefolder import PLUGIN_NAME, config_file, site_folder, uses_plugin
from .validate import LoadResult, load_project, pages_hidden_by_docs


def _site_folder(context: click.Context, parameter: click.Parameter, value: Path) -> Path:
    """Not given: the site around the current folder, so that a command run in briefs/articles works on the site.

    Outside any site the command stops, rather than read or write a `briefs/` folder where the editor happens to be;
    so does a `--project` folder that is not a site's (a mistyped one would be made, and written into).
    """
    name = "PATH" if parameter.param_type_name == "argument" else "--project PATH"
    run_there = f"Run the command in the site's folder, or give the folder: briefs {context.info_name} {name}"
    if context.get_parameter_source(parameter.name) is not click.core.ParameterSource.DEFAULT:
        if parameter.param_type_name == "argument":  # (`check` says itself what a folder lacks)
            return value
        if not value.is_dir() or config_file(value) is None:
            raise click.UsageError(f"{value} is not a Policy Briefs site's folder: {'it holds no mkdocs.yml' if value.is_dir() else 'there is no such folder'}. {run_there}", context)
        found = value
    else:
        found = site_folder(value)
        if found is None:
            raise click.UsageError(f"not in a Policy Briefs site: no mkdocs.yml in {value.resolve()} or a folder above it. {run_there}", context)
    config = config_file(found)
    if not (found / CONTENT_DIR).is_dir() and not uses_plugin(config):
        raise click.UsageError(f"not in a Policy Briefs site: {config} has no {CONTENT_DIR}/ folder beside it and does not use the {PLUGIN_NAME} plugin. {run_there}", context)
    return found


PROJECT_OPTION = click.option(
    "--project", "-C", "project", default=".", show_default="the site around the current folder",
    type=click.Path(file_okay=False, path_type=Path), callback=_site_folder, help="The site's folder (the one holding briefs/).",
)


@click.group()
def main() -> None:
    """Tools for writing and checking policy briefs."""


def fail(message: str, code: int = 1) -> None:
    """Print an error for the editor and stop."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


# -- check -------------------------------------------------------------------------


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_problem(problem: Problem, style: str) -> str:
    """One problem as a line of plain or GitHub Actions output."""
    if style == "github":
        location = f"file={_github_escape(problem.path, property_value=True)},line={problem.line}"
        return f"::error {location}::{_github_escape(problem.describe())}"
    return str(problem)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


@main.command()
@click.argument("project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path), callback=_site_folder)
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text", help="github: workflow commands that annotate a pull request's diff")
@click.option("--changed", "ref", metavar="REF", help="Only report problems in files changed since this git ref (e.g. origin/main); list the notes an article's edit broke and the names a changed entry or actor links otherwise.")
@click.option("--summary", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE", help="Also add the report, as plain text in Markdown, to the end of FILE (a GitHub Actions step summary).")
def check(project: Path, style: str, ref: str | None, summary: Path | None) -> None:
    """Validate every file under PROJECT/briefs without building the site."""
    from .sitesettings import read_settings  # (MkDocs' configuration: only this command needs it)

    if project.resolve().name == CONTENT_DIR and config_file(project.resolve().parent) is not None:
        fail(f"{project} is a site's {CONTENT_DIR}/ folder: give the site's folder, which holds it: briefs check {os.path.relpath(project.resolve().parent)}", code=2)
    if not (project / CONTENT_DIR).is_dir():
        fail(f"no {CONTENT_DIR}/ folder in {project}: give the folder of a Policy Briefs site (the one with mkdocs.yml and {CONTENT_DIR}/)", code=2)
    site = read_settings(project)
    if site.unread:
        click.echo(f"Note: {site.unread}", err=True)
    load = partial(load_project, project, site.markdown_extensions, site.extension_configs, site_files=site.docs_files, unrecognized_links=site.unrecognized_links, absolute_links=site.absolute_links)
    result = load()
    content = result.content
    if site.docs_files:  # (a build warns of these as it adds its pages: the content's check does not see them)
        result.problems[:0] = pages_hidden_by_docs(content, site.docs_pages, site.docs_dir, site.destination)
    notes = sum(len(article.annotations) for article in content.articles.values())
    counts = f"{_plural(len(content.articles), 'brief')}, {_plural(notes, 'annotation')}, {_plural(len(content.glossary), 'glossary entry', 'glossary entries')}, {_plural(len(content.actors), 'actor')}"
    told = _Told(style)
    if ref is None:
        failed = _check_all(told, result.problems, counts)
    else:
        failed = _check_changed(told, project, ref, result, lambda raw: load(raw=raw).content)
    if summary is not None:
        told.add_to(summary, f"Content check of the files changed since {ref}" if ref is not None else "Content check")
    sys.exit(1 if failed else 0)


class _Told:
    """What `check` tells, printed in its style and kept as plain text for a summary."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.plain: list[str] = []

    def line(self, text: str) -> None:
        click.echo(text)
        self.plain.append(text)

    def problem(self, problem: Problem) -> None:
        click.echo(format_problem(problem, self.style))
        self.plain.append(str(problem))

    def annotation(self, problem: Problem) -> None:
        """A problem told on the diff alone (in the github style), as another line tells it already."""
        if self.style == "github":
            click.echo(format_problem(problem, self.style))

    def listed(self, group: str, heading: str, lines: list[str]) -> None:
        _list(self.style, group, heading, lines)
        self.plain += [heading, *(f"  {line}" for line in lines)]

    def add_to(self, path: Path, title: str) -> None:
        """The plain text under a heading, in a fence no line of it closes, at the end of a Markdown file."""
        fence = "`" * max(3, 1 + max((len(run) for line in self.plain for run in _BACKTICKS.findall(line)), default=0))
        try:
            with path.open("a", encoding="utf-8") as summary:
                summary.write(f"### {title}\n\n{fence}\n" + "\n".join(self.plain) + f"\n{fence}\n")
        except OSError as error:
            fail(f"cannot write the summary to {path}: {error.strerror}", code=2)


_BACKTICKS = re.compile("`+")


def _check_all(told: _Told, problems: list[Problem], counts: str) -> bool:
    """Every problem; whether there are any."""
    for problem in problems:
        told.problem(problem)
    if problems:
        told.line(f"{_plural(len(problems), 'problem')} found ({counts} read)")
    else:
        told.line(f"No problems: {counts}.")
    return bool(problems)


def _check_changed(told: _Told, project: Path, ref: str, result: LoadResult, reload: Callable[[RawContent], Content]) -> bool:
    """The problems of what changed since `ref`, the notes its edits broke and the names it links otherwise; whether there are problems."""
    from .changes import GitError, broken_notes, changed_entity_files, changed_files, fork_point, related_paths, relinked_names, renamed_ids

    problems = result.problems

    try:
        base = fork_point(project, ref)
        changed = changed_files(project, base)
        renamed = renamed_ids(project, base, changed)  # (the contract's: an id never changes once published)
    except GitError as error:
        fail(f"cannot list the files changed since '{ref}': {error}", code=2)
    paths = related_paths(changed)
    shown = [problem for problem in problems if problem.path in paths or paths.intersection(problem.involves)]
    elsewhere = len(problems) - len(shown)
    shown += renamed
    for problem in shown:
        told.problem(problem)
    broken = broken_notes(project, base, changed)
    by_article: dict[str, list] = {}
    for note in broken:
        by_article.setdefault(note.article, []).append(note)
    for article, notes in by_article.items():
        no_longer = f"{_plural(len(notes), 'note')} no longer {'anchors' if len(notes) == 1 else 'anchor'}"
        told.listed(f"{article}: {no_longer} after the edit", f"{article} changed since {ref}; {no_longer}:", [f"{note.path}:{note.line}: {note.describe()}" for note in notes])
        for on_the_article in filter(None, (note.on_the_article() for note in notes)):
            told.annotation(on_the_article)  # (on the edited line: the annotations file's line may not be in the diff)
    relinked = relinked_names(project, base, changed, result.content, reload)
    if relinked:  # (told, not a problem)
        files, names = ", ".join(changed_entity_files(changed)), _plural(sum(place.times for place in relinked), "name")
        told.listed(f"{files}: the briefs link {names} otherwise", f"{files} changed since {ref}; the briefs link {names} otherwise:", [place.describe() for place in relinked])
    changed_content = sorted(path for path in changed if path.startswith("briefs/"))
    scope = f"{_plural(len(changed_content), 'content file')} changed since {ref}"
    note = f"; {elsewhere} more in unchanged files (run `briefs check` to see them)" if elsewhere else ""
    told.line(f"{_plural(len(shown), 'problem')} found ({scope}){note}" if shown else f"No problems ({scope}){note}.")
    return bool(shown)


def _list(style: str, group: str, heading: str, lines: list[str]) -> None:
    """Lines under a heading: in a GitHub Actions log, a group that opens on a click."""
    click.echo(f"::group::{_github_escape(group)}" if style == "github" else heading)
    for line in lines:
        click.echo(f"  {line}")
    if style == "github":
        click.echo("::endgroup::")


# -- new ---------------------------------------------------------------------------


@main.command()
@click.argument("slug")
@click.option("--title", help="The article's headline, if you have it.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@PROJECT_OPTION
def new(slug: str, title: str | None, force: bool, project: Path) -> None:
    """Start a brief: write briefs/articles/SLUG.md and SLUG.annotations.yml to fill in.

    SLUG is the brief's permanent address: lowercase letters, digits and single
    hyphens, e.g. asean-russia-defence-2016.
    """
    from .scaffold import ScaffoldError, new_brief

    try:
        paths = new_brief(project, slug, title=title, force=force)
    except ScaffoldError as error:
        fail(str(error))
    for path in paths:
        click.echo(f"Wrote {path.relative_to(project).as_posix()}")
    click.echo("Next: fill in each line marked FILL IN, paste the article's text, then run `briefs check`.")


# -- import ------------------------------------------------------------------------


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", help="The brief's slug (default: made from the title).")
@click.option("--force", is_flag=True, help="Overwrite an existing article.")
@click.option("--encoding", help="The file's encoding, if it is not UTF-8 (or not what a page declares): cp1251, latin-1, …")
@PROJECT_OPTION
def import_(file: Path, slug: str | None, force: bool, encoding: str | None, project: Path) -> None:
    """Turn a saved article (an HTML page, Markdown or copied text) into briefs/articles/SLUG.md.

    Keeps the title, paragraphs, subheadings and quotations; removes what the
    site put around the article and lists it, so you can check nothing of the
    article went with it. Fills in the front matter it can find on the page.
    """
    from .importer import import_file, match_authors, suggest_slug
    from .scaffold import ScaffoldError, annotations_path, annotations_scaffold, article_path, check_slug, front_matter, refuse_existing

    try:
        imported = import_file(file, encoding)
    except (OSError, ValueError) as error:
        fail(f"cannot read {file}: {error}")
    if not imported.blocks:
        fail(f"found no article text in {file}")
    slug = slug or suggest_slug(imported.front.title or "")
    if not slug:
        title = imported.front.title
        found = f"the title “{title}” has no Latin letters or digits to make a slug from" if title else "found no title to make a slug from"
        fail(f"{found}: give one with --slug")
    target = article_path(project, slug)
    try:
        check_slug(slug)
        refuse_existing([target], project, force)
    except ScaffoldError as error:
        fail(str(error))
    imported.front.authors = match_authors(project, imported.front.authors)
    kept = _front_matter_of(target) if force else None  # (the fields an editor filled in: only the text is imported again)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((kept or front_matter(imported.front)) + imported.body, encoding="utf-8")
    written = [target]
    notes = annotations_path(project, slug)
    if not notes.exists():
        notes.write_text(annotations_scaffold(slug), encoding="utf-8")
        written.append(notes)
    _report_import(imported, written, project, kept=kept is not None)


def _front_matter_of(article: Path) -> str | None:
    """The front matter an article file holds, `---` lines included, as written (None if it has none it can be read by)."""
    try:
        text = article.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        _, body, _ = split_front_matter(text, article.name)
    except (OSError, UnicodeError, ContentError):
        return None
    kept = text[: len(text) - len(body)]
    return kept if kept.endswith("\n") else kept + "\n"  # (a closing `---` the file ends with)


def _report_import(imported, written: list[Path], project: Path, kept: bool = False) -> None:
    headings = sum(1 for block in imported.blocks if block.startswith("## "))
    for path in written:
        click.echo(f"Wrote {path.relative_to(project).as_posix()}")
    source = {"html": "an HTML page", "markdown": "Markdown"}.get(imported.kind, "text")
    click.echo(f"Article: {_plural(len(imported.blocks) - headings, 'paragraph')}, {_plural(headings, 'subheading')} (from {source}).")
    if imported.assumed_encoding:
        click.echo(
            f"The file is not UTF-8: it was read as {imported.assumed_encoding}, the encoding that makes the most sense of it. "
            "If its letters look wrong, import it again with its encoding, --encoding NAME --force."
        )
    if imported.removed:
        click.echo(f"Removed {_plural(len(imported.removed), 'passage')}; check that none is part of the article:")
        for removed in imported.removed:
            click.echo(f"  - {removed.describe()}")
    else:
        click.echo("Removed nothing.")
    if kept:
        click.echo(f"Kept the front matter {written[0].relative_to(project).as_posix()} had, as written: only the text was replaced. To fill it from the page again, delete the file and import it again.")
        return
    filled = ", ".join(imported.inferred) or "nothing"
    click.echo(f"Front matter filled from the page: {filled}. Fill in the lines marked FILL IN, then run `briefs check`.")


# -- schema ------------------------------------------------------------------------


@main.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), help="Folder for the JSON Schemas (default: PROJECT/schemas).")
@click.option("--reference", type=click.Path(dir_okay=False, path_type=Path), help="The field reference page to write (default: PROJECT/docs/reference.md).")
@click.option("--no-reference", is_flag=True, help="Write only the schemas.")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; fail if a file is missing or out of date.")
@PROJECT_OPTION
def schema(out: Path | None, reference: Path | None, no_reference: bool, check_only: bool, project: Path) -> None:
    """Write the JSON Schemas of the content files and the field reference page.

    Both are generated from the content model's definitions: run this after
    changing them, and commit the result.
    """
    from .jsonschemas import reference_markdown, schema_files

    out = out if out is not None else project / "schemas"
    files = {out / name: text for name, text in schema_files().items()}
    if not no_reference:
        reference = reference if reference is not None else project / "docs" / "reference.md"
        files[reference] = reference_markdown()
    stale = [path for path, text in files.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if check_only:
        for path in stale:
            click.echo(f"{path.as_posix()} is out of date: run `briefs schema`")
        if stale:
            sys.exit(1)
        click.echo(f"Up to date: {_plural(len(files), 'file')}.")
        return
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path in stale:
            path.write_text(text, encoding="utf-8")
        click.echo(f"{'Wrote' if path in stale else 'Unchanged'} {path.as_posix()}")


if __name__ == "__main__":
    main()
