"""Temporary git repositories for tests, with fixed identities and dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str, date: str = "2024-03-05T12:00:00+00:00") -> str:
    """Run git in `root` with a fixed identity; commits get `date`."""
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    result = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def init_repository(root: Path, date: str = "2024-03-05T12:00:00+00:00") -> None:
    """Make `root` a repository with everything in it committed once."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Initial content", date=date)
