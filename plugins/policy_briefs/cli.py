"""The `briefs` command: editors' tools for the content under `briefs/`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .problems import Problem
from .validate import load_project


@click.group()
def main() -> None:
    """Tools for writing and checking policy briefs."""


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_problem(problem: Problem, style: str) -> str:
    """One problem as a line of plain or GitHub Actions output."""
    if style == "github":
        location = f"file={_github_escape(problem.path, property_value=True)},line={problem.line}"
        return f"::error {location}::{_github_escape(problem.describe())}"
    return str(problem)


@main.command()
@click.argument("project", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text", help="github: workflow commands that annotate a pull request's diff")
def check(project: Path, style: str) -> None:
    """Validate every file under PROJECT/briefs without building the site."""
    result = load_project(project)
    for problem in result.problems:
        click.echo(format_problem(problem, style))
    content = result.content
    counts = f"{len(content.articles)} briefs, {sum(len(a.annotations) for a in content.articles.values())} annotations, {len(content.glossary)} glossary entries, {len(content.actors)} actors"
    if result.problems:
        click.echo(f"{len(result.problems)} problem{'s' if len(result.problems) != 1 else ''} found ({counts} read)", err=False)
        sys.exit(1)
    click.echo(f"No problems: {counts}.")


if __name__ == "__main__":
    main()
