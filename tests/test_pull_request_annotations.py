"""A pull request's problems on the lines of its diff: the check's, then the strict build's own.

The workflow annotates what `briefs check --format github` prints, and what the build prints that
the site-build problem matcher finds. Each problem should land on its file and line once.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPOSITORY, Project
from sitebuild import build

MATCHER = REPOSITORY / ".github" / "problem-matchers" / "site-build.json"
WORKFLOW = REPOSITORY / ".github" / "workflows" / "pull-request.yml"
GITHUB_COMMAND = re.compile(r"^::error file=(?P<file>[^,]*),line=(?P<line>\d+)::(?P<message>.*)$")


def matched(output: str) -> list[tuple[str, int, str]]:
    """What GitHub's runner makes of a build's output with the matcher: file, line and message of each match."""
    (matcher,) = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]
    (pattern,) = matcher["pattern"]
    regexp = re.compile(pattern["regexp"])
    found = []
    for line in output.splitlines():
        match = regexp.match(line)
        if match:
            found.append((match.group(pattern["file"]), int(match.group(pattern["line"])), match.group(pattern["message"])))
    return found


def checked(project: Project) -> list[tuple[str, int, str]]:
    command = [sys.executable, "-m", "policy_briefs.cli", "check", "--format", "github", str(project.root)]
    output = subprocess.run(command, capture_output=True, text=True, check=False, cwd=project.root).stdout
    return [(m["file"], int(m["line"]), m["message"]) for m in map(GITHUB_COMMAND.match, output.splitlines()) if m]


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_every_problem_of_a_strict_build_is_annotated_on_its_line_once(mini: Project, tmp_path: Path):
    settings = mini.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n  absolute_links: warn\n", encoding="utf-8")
    article = mini.path("articles/forum-talks.md")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [nowhere](#nope) and [home](/index.md). Ask [the forum]")
    mini.replace("articles/forum-talks.annotations.yml", "terms: [arf]", "terms: [arff]")  # a content problem: the check's
    home = mini.root / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nSee [the missing page](missing.md) and [a body](term:nobody).\n", encoding="utf-8")

    result = build(mini.root, tmp_path / "site")
    build_annotations = matched(result.stderr)
    check_annotations = checked(mini)

    assert result.returncode != 0
    link_line, home_line = line_of(article, "(#nope)"), line_of(home, "(missing.md)")
    assert sorted((file, line) for file, line, _ in build_annotations) == [
        ("briefs/articles/forum-talks.md", link_line), ("docs/index.md", home_line), ("docs/index.md", home_line),
    ], result.stderr
    messages = " | ".join(message for *_, message in build_annotations)
    assert "'#nope'" in messages and "'missing.md'" in messages and "'term:nobody'" in messages
    assert sorted((file, line) for file, line, _ in check_annotations) == [
        ("briefs/articles/forum-talks.annotations.yml", line_of(mini.path("articles/forum-talks.annotations.yml"), "arff")),
        ("briefs/articles/forum-talks.md", link_line),  # the absolute link
    ]
    assert "arff" in result.stderr and "'/index.md' is absolute" in result.stderr  # the build reports them too: annotated by the check alone


def test_a_clean_build_is_not_annotated(mini: Project, tmp_path: Path):
    result = build(mini.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not matched(result.stderr)


def test_the_pull_request_workflow_applies_the_matcher_to_the_build_alone():
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    owner = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"][0]["owner"]
    (build_step,) = [step for step in steps if "mkdocs build --strict" in step.get("run", "")]
    script = build_step["run"]
    lines = script.splitlines()
    added = lines.index(f'echo "::add-matcher::{MATCHER.relative_to(REPOSITORY).as_posix()}"')
    removed = lines.index(f"""trap 'echo "::remove-matcher owner={owner}::"' EXIT""")
    built = lines.index(".venv/bin/mkdocs build --strict")
    # Removed when the step ends, failed or not: the tests' output after it is not read as the site's problems.
    assert added < removed < built == len(lines) - 1
