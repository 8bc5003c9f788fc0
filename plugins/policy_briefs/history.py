"""When content files last changed, from the git history of the working tree."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

GIT_TIMEOUT_SECONDS = 30


def last_updated(project: Path, paths: Iterable[str]) -> str | None:
    """Date (YYYY-MM-DD) of the last commit touching any of `paths`, relative to `project`.

    The committer date, so it is the same on every machine for a given checkout.
    None outside a git repository, for files never committed, when git is not
    installed or fails: a missing date is never an error.
    """
    paths = [path for path in paths if path]
    if not paths:
        return None
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *paths],
            cwd=project, capture_output=True, text=True, timeout=GIT_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    date = result.stdout.strip()
    return date if result.returncode == 0 and date else None


def branch_logs(project: Path) -> Path | None:
    """The folder in which git logs each move of the repository's branches and HEAD (a commit, a checkout, a reset).

    None outside a repository, without git, or where git keeps no such logs.
    """
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--absolute-git-dir"], cwd=project, capture_output=True, text=True, timeout=GIT_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    logs = Path(result.stdout.strip()) / "logs"
    return logs if result.returncode == 0 and result.stdout.strip() and logs.is_dir() else None
