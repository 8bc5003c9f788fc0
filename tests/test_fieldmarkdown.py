"""The fields' Markdown converted in a second process: the same HTML as converted here, and nothing lost when that process fails."""

from __future__ import annotations

import collections
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import Project
from policy_briefs import cores, fieldmarkdown, plugin, secondprocess
from policy_briefs.fieldmarkdown import convert_ahead, converted, converted_once, forget_converted
from sitebuild import build, build_failing_in
from test_incremental import pages

# Texts that take each of Python-Markdown's steps: block syntax, every inline pattern, raw HTML,
# entities, escapes, hard line breaks, references defined in the text.
TEXTS = [
    "Plain words only.",
    "*Emphasis*, __strong__ and `code` with a [link](https://example.org \"title\").",
    "A <abbr title=\"x\">raw</abbr> tag, an &amp; entity, a \\*escape\\* and a hard  \nline break.",
    "- a list\n- of two\n\nand a paragraph after it.",
    "# A heading\n\n> a quote\n\n    indented code",
    "A [reference][r] and an ![image](i.png).\n\n[r]: https://example.org/r",
    "A [use][r] of a reference\ndefined only in the text before.",  # (converted alone: no link)
    "<div>a raw block</div>\n\nthen text with <https://example.org> and <me@example.org>.",
    "Not ASCII: \u201cquotes\u201d, \u00e9, \u4e2d\u6587, \U0001f642, a lone \ud800 surrogate and two halves \ud83d\ude00 of a pair.",
    "1. one\n2. two\n\n---\n\nAfter a rule: _under_scores_ and **bold *nested* text**.",
]


@pytest.fixture
def ahead(monkeypatch: pytest.MonkeyPatch):
    """Every text converted ahead in a second process, a few to a batch; forgotten after."""
    monkeypatch.setattr(fieldmarkdown, "AHEAD_MIN_TEXTS", 1)
    monkeypatch.setattr(fieldmarkdown, "AHEAD_BATCH", 3)
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)
    forget_converted()
    yield
    forget_converted()


def _alone(text: str) -> str:
    """What Python-Markdown makes of the text on its own."""
    return markdown.markdown(text)


def _texts() -> list[str]:
    return [f"{text} ({number})" for number in range(4) for text in TEXTS]


def _until_let_go() -> None:
    """Keep what the second process sends back until it is let go: all sent back, or its output ended."""
    assert fieldmarkdown._ahead is not None, "no second process was started"
    deadline = time.monotonic() + 120
    while fieldmarkdown._ahead is not None and time.monotonic() < deadline:
        fieldmarkdown._ahead.take_done()
        time.sleep(0.01)
    assert fieldmarkdown._ahead is None, "the second process was not let go"


def _all_back(texts: list[str]) -> None:
    """Wait until the second process has sent back every batch, and keep what it made."""
    _until_let_go()
    assert all(text in fieldmarkdown._converted for text in texts), "not every text came back"


def test_texts_converted_in_a_second_process_are_what_this_one_makes(ahead: None):
    texts = _texts()
    convert_ahead(texts)
    _all_back(texts)
    assert {text: fieldmarkdown._converted.get(text) for text in texts} == {text: _alone(text) for text in texts}
    assert [converted_once(text) for text in texts] == [_alone(text) for text in texts]
    assert not fieldmarkdown._converted  # each shown once, then let go


def test_a_text_needed_before_it_comes_back_is_converted_here_and_kept_only_once(ahead: None):
    texts = _texts()
    convert_ahead(texts)
    early = texts[-1]  # in the last batch
    assert converted_once(early) == _alone(early)
    assert converted(texts[-2]) == _alone(texts[-2])
    _all_back(texts[:-1])
    assert early not in fieldmarkdown._converted  # shown already: not kept again when its batch came back
    assert fieldmarkdown._converted[texts[-2]] == _alone(texts[-2])


def test_a_second_process_that_dies_loses_no_text(ahead: None):
    texts = _texts()
    convert_ahead(texts)
    fieldmarkdown._ahead.worker.process.kill()  # as the system would end it (out of memory)
    _until_let_go()
    assert [converted_once(text) for text in texts] == [_alone(text) for text in texts]


def test_a_second_process_that_is_not_python_loses_no_text(ahead: None, monkeypatch: pytest.MonkeyPatch):
    other = shutil.which("false")
    if other is None:
        pytest.skip("no `false` program here")
    monkeypatch.setattr(sys, "executable", other)
    texts = _texts()
    convert_ahead(texts)
    _until_let_go()
    assert len(fieldmarkdown._converted) < len(texts)  # none came back
    assert [converted_once(text) for text in texts] == [_alone(text) for text in texts]


def test_no_second_process_to_be_had_converts_every_text_here(ahead: None, monkeypatch: pytest.MonkeyPatch):
    def unavailable(module: str) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(secondprocess, "_start", unavailable)
    texts = _texts()
    convert_ahead(texts)
    assert fieldmarkdown._ahead is None
    assert [converted_once(text) for text in texts] == [_alone(text) for text in texts]


@pytest.mark.parametrize("answer", [
    "[1, 2]",  # not a batch
    '[["<p>x</p>", 1, null], 0.5]',  # not all HTML
    '[["<p>x</p>"], 0.5]',  # fewer than were sent
    '[["<p>x</p>", "<p>y</p>", "<p>z</p>"], 1]',  # no processor time
    "[" * 100_000 + "]" * 100_000,  # nested past what can be read
])
def test_a_second_process_that_answers_wrongly_loses_no_text(ahead: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answer: str):
    (tmp_path / "answer").write_text(answer + "\n", encoding="utf-8")
    impostor = tmp_path / "impostor"
    impostor.write_text(f"#!/bin/sh\ncat > /dev/null &\ncat '{tmp_path / 'answer'}'\n", encoding="utf-8")
    impostor.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(impostor))
    texts = _texts()
    convert_ahead(texts)
    _until_let_go()
    assert not fieldmarkdown._converted  # nothing it said was kept
    assert [converted_once(text) for text in texts] == [_alone(text) for text in texts]


def test_the_second_process_imports_from_where_the_build_did_when_it_loaded_and_not_from_its_folder(ahead: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    # A hook that puts the project's folder on the import path, where a file has a standard module's name.
    folder = tmp_path / "project"
    folder.mkdir()
    imported = tmp_path / "imported"
    for name in ("queue", "token", "json"):
        (folder / f"{name}.py").write_text(f"open({str(imported)!r}, 'a').write({name!r})\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(sys, "path", [*sys.path, folder])  # and an entry that is not text, which imports skip
    monkeypatch.chdir(folder)  # the build run from there (as `mkdocs`, which does not import from it)
    texts = _texts()
    convert_ahead(texts)
    _all_back(texts)
    assert not imported.exists()


def test_a_second_process_left_by_a_build_stopped_short_is_let_go_by_the_next(ahead: None):
    convert_ahead(_texts())
    left = fieldmarkdown._ahead
    texts = [f"{text} again" for text in _texts()]
    convert_ahead(texts)
    assert left.worker.process.poll() is not None
    _all_back(texts)


@pytest.mark.parametrize("texts, count", [(499, 2), (500, 1)])
def test_few_texts_or_one_core_are_converted_here(monkeypatch: pytest.MonkeyPatch, texts: int, count: int):
    monkeypatch.setattr(cores, "usable_cores", lambda: count)
    forget_converted()
    try:
        many = [f"Text *number* {number}." for number in range(texts)]
        convert_ahead(many)
        assert fieldmarkdown._ahead is None
        assert len(fieldmarkdown._converted) == texts  # all converted, here and now
    finally:
        forget_converted()


def test_five_hundred_texts_on_two_cores_go_to_a_second_process_let_go_with_them(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)
    forget_converted()
    convert_ahead([f"Text *number* {number}." for number in range(500)])
    ahead = fieldmarkdown._ahead
    assert ahead is not None
    forget_converted()  # at the end of a build
    assert fieldmarkdown._ahead is None
    assert ahead.worker.process.poll() is not None  # ended, and waited for


def test_a_container_held_to_one_cpu_converts_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    (tmp_path / "cpu.max").write_text("100000 100000\n", encoding="utf-8")
    monkeypatch.setattr(cores, "CGROUP", tmp_path)
    monkeypatch.setattr(cores, "SELF_CGROUP", tmp_path / "none")
    monkeypatch.setattr(cores.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    forget_converted()
    try:
        convert_ahead([f"Text *number* {number}." for number in range(1000)])
        assert fieldmarkdown._ahead is None
        assert len(fieldmarkdown._converted) == 1000
    finally:
        forget_converted()


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="no SIGPIPE here")
@pytest.mark.parametrize("handler, room", [(signal.SIG_IGN, True), (lambda number, frame: None, True), (signal.SIG_DFL, False)])
def test_a_second_process_is_used_unless_its_end_would_end_the_build(monkeypatch: pytest.MonkeyPatch, handler, room: bool):
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)
    previous = signal.signal(signal.SIGPIPE, handler)
    try:
        assert secondprocess.has_room() is room
    finally:
        signal.signal(signal.SIGPIPE, previous)


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="no SIGPIPE here")
def test_a_program_that_restored_sigpipe_survives_a_second_process_that_dies():
    # Were a second process started, its end while batches are still being written to it would end
    # this program (SIGPIPE's default action) with no message.
    program = """
import signal, sys, time
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
import markdown
from policy_briefs import cores, fieldmarkdown, secondprocess
cores.usable_cores = lambda: 2
texts = [f"Text {number}: " + "*many* words " * 300 for number in range(2000)]
fieldmarkdown.convert_ahead(texts)
if fieldmarkdown._ahead is not None:
    fieldmarkdown._ahead.worker.process.kill()
    time.sleep(1)
print(all(fieldmarkdown.converted_once(text) == markdown.markdown(text) for text in texts))
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stdout.strip()) == (0, "True"), done.stderr


def _recording(monkeypatch: pytest.MonkeyPatch, wait: bool = False) -> list:
    """Each build's second process (None if it started none); with `wait`, every text then shown as that process made it."""
    started = []

    def recording(texts: Iterable[str]) -> None:
        texts = list(texts)
        convert_ahead(texts)
        started.append(fieldmarkdown._ahead)
        if wait and fieldmarkdown._ahead is not None:
            _all_back(texts)

    monkeypatch.setattr(plugin, "convert_ahead", recording)
    return started


def test_a_site_built_with_its_fields_converted_in_a_second_process_is_the_same(
    ahead: None, mini: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    build(mini.root, tmp_path / "here")  # its few texts converted in the build's own process
    started = _recording(monkeypatch, wait=True)
    config = load_config(str(mini.root / "mkdocs.yml"), site_dir=str(tmp_path / "ahead"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    assert len(started) == 1 and started[0] is not None
    assert pages(tmp_path / "ahead") == pages(tmp_path / "here")


def test_a_preview_converts_its_fields_when_shown(ahead: None, mini: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    started = _recording(monkeypatch)
    config = load_config(str(mini.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build(config, dirty=True)
    assert started == []  # a rebuild shows few texts anew: no second process for them


def test_a_failed_build_lets_its_second_process_go(ahead: None, mini: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    started = _recording(monkeypatch)
    with pytest.raises(Exception, match="a plugin failed"):
        build_failing_in(mini.root, tmp_path / "site", "on_page_markdown", "markdown, **kwargs")
    assert len(started) == 1 and started[0] is not None
    assert fieldmarkdown._ahead is None
    assert started[0].worker.process.poll() is not None  # ended, and waited for: no process left behind


@pytest.mark.parametrize("taken", [True, False])
def test_the_second_process_time_is_recorded_for_what_came_back(ahead: None, monkeypatch: pytest.MonkeyPatch, taken: bool):
    from policy_briefs import timing

    monkeypatch.setattr(timing, "ENABLED", True)
    monkeypatch.setattr(timing, "_elsewhere", collections.defaultdict(float))
    texts = _texts()
    convert_ahead(texts)
    if taken:
        _all_back(texts)
    else:  # all sent back, none taken yet when the build ends
        worker, batches = fieldmarkdown._ahead.worker, len(fieldmarkdown._ahead.batches)
        worker.process.wait(timeout=120)
        deadline = time.monotonic() + 120
        while worker._back.qsize() <= batches and time.monotonic() < deadline:
            time.sleep(0.01)
        forget_converted()
    assert timing._elsewhere["markdown fields"] > 0
