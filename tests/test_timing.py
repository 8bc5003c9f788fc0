"""The benchmark's record of the plugin's own time: one line per build, with that build's figures only."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from conftest import Project
from policy_briefs import timing
from sitebuild import build_failing_in


@pytest.fixture
def record(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Timing on, its figures fresh, written to a file of the test's own."""
    path = tmp_path / "timing.jsonl"
    monkeypatch.setenv(timing.ENV, str(path))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(timing, "ENABLED", True)
    monkeypatch.setattr(timing, "_totals", collections.defaultdict(float))
    monkeypatch.setattr(timing, "_elsewhere", collections.defaultdict(float))
    monkeypatch.setattr(timing, "_outer", {"depth": 0, "total": 0.0})
    return path


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_record_holds_the_time_of_its_parts_and_starts_afresh(record: Path):
    with timing.section("outer"), timing.section("inner"):
        pass
    timing.flush(2)
    timing.flush(2)
    first, second = _records(record)
    assert set(first["sections"]) == {"outer", "inner"} and first["total"] == first["sections"]["outer"] > 0
    assert second["sections"] == {} and second["total"] == 0


def test_a_failed_build_leaves_nothing_in_the_next_builds_record(record: Path, mini: Project, tmp_path: Path):
    with pytest.raises(Exception, match="a plugin failed"):  # once the plugin has rendered every page
        build_failing_in(mini.root, tmp_path / "site", "on_post_page", "output, page, **kwargs")
    assert not record.exists()  # a failed build writes no record
    timing.flush(1)  # what the next build's record would start from
    (after,) = _records(record)
    assert after["sections"] == {} and after["total"] == 0
