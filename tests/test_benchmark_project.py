"""The benchmark's synthetic project is content the plugin takes without a problem, as an editor's would be."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPOSITORY

pytest.importorskip("psutil", reason="the benchmark's extra (scripts/setup installs it)")


def test_the_synthetic_project_passes_the_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.syspath_prepend(str(REPOSITORY / "scripts"))
    project = importlib.import_module("benchmark").generate(tmp_path, 100)["plugin"].parent
    check = subprocess.run([sys.executable, "-m", "policy_briefs.cli", "check", str(project)], capture_output=True, text=True, check=False)
    assert (check.returncode, check.stdout.splitlines()[-1:]) == (0, ["No problems: 100 briefs, 1000 annotations, 60 glossary entries, 100 actors."]), check.stdout
