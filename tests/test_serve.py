"""`mkdocs serve` previews every change under briefs/ and survives content errors."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import Project
from gitutil import git, init_repository

BRIEF = "briefs/forum-talks/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 40.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture(params=[[], ["--dirty"]], ids=["serve", "serve --dirty"])
def server(mini: Project, tmp_path: Path, request):
    yield from serving(mini, tmp_path, request.param)


def serving(mini: Project, tmp_path: Path, flags: list[str]):
    """A preview of `mini` (`mkdocs serve` with `flags`) once it shows the brief: its address, its log and its process."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}", "-f", str(mini.root / "mkdocs.yml")],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Forum talks" in fetch(base + BRIEF)), "server did not start"
        yield base, log, process
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("flags", [[], ["--dirty"]], ids=["serve", "serve --dirty"])
def test_a_commit_of_a_brief_s_edit_shows_its_date_in_the_preview(mini: Project, tmp_path: Path, flags: list[str]):
    init_repository(mini.root, date="2024-03-05T12:00:00+00:00")
    for base, log, _ in serving(mini, tmp_path, flags):
        assert "5 March 2024" in fetch(base + BRIEF)
        mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN finally agreed.")
        assert wait_for(lambda: "finally agreed" in fetch(base + BRIEF)), read_log(log)
        git(mini.root, "commit", "-q", "-am", "Edit", date="2025-01-31T12:00:00+00:00")
        assert wait_for(lambda: "31 January 2025" in fetch(base + BRIEF)), read_log(log)


def read_log(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()


def test_edits_under_briefs_are_previewed_and_errors_do_not_stop_the_server(mini: Project, server):
    base, log, process = server
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN finally agreed.")
    assert wait_for(lambda: "finally agreed" in fetch(base + BRIEF)), read_log(log)
    assert wait_for(lambda: "finally agreed" in fetch(base + "actors/asean/")), "entity page is stale"

    mini.replace("articles/forum-talks.annotations.yml", "actors: [russia]", "actors: [rusia]")
    assert wait_for(lambda: "unknown actor 'rusia'" in read_log(log)), read_log(log)
    assert process.poll() is None
    assert "finally agreed" in fetch(base + BRIEF)

    mini.replace("articles/forum-talks.annotations.yml", "actors: [rusia]", "actors: [russia]")
    mini.replace("articles/forum-talks.md", "finally agreed", "at last agreed")
    assert wait_for(lambda: "at last agreed" in fetch(base + BRIEF)), read_log(log)
    assert process.poll() is None


def test_the_page_of_a_deleted_entry_is_gone_from_the_preview(mini: Project, server):
    base, log, process = server
    assert "East Asia Summit" in fetch(base + "glossary/eas/")
    mini.path("glossary/eas.yml").unlink()
    mini.replace("glossary/arf.yml", "related: [eas]\n", "")
    assert wait_for(lambda: "East Asia Summit" not in fetch(base + "glossary/")), read_log(log)

    def gone() -> bool:
        try:
            fetch(base + "glossary/eas/")
        except urllib.error.HTTPError as error:
            return error.code == 404
        return False

    assert wait_for(gone), read_log(log)
    assert wait_for(lambda: not any(entry["location"].startswith("glossary/eas/") for entry in index_entries(base))), "search still lists it"
    assert {"", BRIEF, "glossary/arf/"} <= set(indexed_pages(base))
    assert process.poll() is None


def test_a_deleted_page_or_file_of_docs_is_gone_from_the_preview(mini: Project, server):
    base, log, process = server
    page, file = mini.root / "docs" / "more.md", mini.root / "docs" / "notes.txt"
    page.write_text("# More\n\nA page of its own.\n", encoding="utf-8")
    file.write_text("Notes.\n", encoding="utf-8")
    assert wait_for(lambda: "A page of its own." in fetch(base + "more/") and fetch(base + "notes.txt") == "Notes.\n"), read_log(log)
    page.unlink()
    file.unlink()

    def gone(url: str) -> bool:
        try:
            fetch(url)
        except urllib.error.HTTPError as error:
            return error.code == 404
        return False

    assert wait_for(lambda: gone(base + "more/") and gone(base + "notes.txt")), read_log(log)
    assert "Forum talks" in fetch(base + BRIEF) and process.poll() is None


def test_renaming_a_note_warns_of_the_link_another_brief_has_to_it(mini: Project, server):
    base, log, process = server
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\nThe forum met again.\n")
    mini.write("articles/second.annotations.yml", "annotations:\n  - id: met-again\n    kind: context\n    quote: met again\n    body: It did.\n")
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [there](second.md#note-met-again).\n\nAsk [the forum]")
    assert wait_for(lambda: "second/#note-met-again" in fetch(base + BRIEF)), read_log(log)
    mini.replace("articles/second.annotations.yml", "id: met-again", "id: met-once-more")
    assert wait_for(lambda: "id=\"note-met-once-more\"" in fetch(base + "briefs/second/")), read_log(log)
    message = "forum-talks.md:25: link 'second.md#note-met-again' names no note of the brief 'second'"
    assert wait_for(lambda: message in read_log(log)), read_log(log)
    assert process.poll() is None


def index_entries(base: str) -> list[dict]:
    return json.loads(fetch(base + "search/search_index.json"))["docs"]


def indexed_pages(base: str) -> list[str]:
    """The pages search's index has entries of, each once per entry for its top (a page listed twice is there twice)."""
    return sorted(entry["location"] for entry in index_entries(base) if "#" not in entry["location"])


def test_search_in_the_preview_keeps_every_page_once_after_edits(mini: Project, server):
    base, log, process = server
    before = indexed_pages(base)
    assert {"", BRIEF, "glossary/arf/", "actors/asean/"} <= set(before) and len(before) == len(set(before))
    mini.replace("glossary/arf.yml", "is a security dialogue", "is a security forum")  # renders the entry, the brief, the lists
    assert wait_for(lambda: "security forum" in fetch(base + "glossary/arf/")), read_log(log)
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN finally agreed.")
    assert wait_for(lambda: "finally agreed" in fetch(base + "search/search_index.json")), read_log(log)
    assert indexed_pages(base) == before


def test_the_previews_pages_show_what_its_last_build_warned_of_and_builds_do_not(mini: Project, server, tmp_path: Path):
    base, log, process = server
    problems = base + "assets/policy-briefs/preview-problems.json"
    assert "assets/policy-briefs/preview.js" in fetch(base + BRIEF) and json.loads(fetch(problems)) == {"problems": []}
    mini.replace("articles/forum-talks.annotations.yml", "actors: [russia]", "actors: [rusia]")
    shown = lambda: json.loads(fetch(problems))["problems"]  # noqa: E731
    assert wait_for(lambda: any("forum-talks.annotations.yml:25: unknown actor 'rusia'" in message for message in shown())), read_log(log)
    mini.replace("articles/forum-talks.annotations.yml", "actors: [rusia]", "actors: [russia]")
    assert wait_for(lambda: shown() == []), shown()
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(mini.root / "mkdocs.yml"), "-d", str(tmp_path / "built")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )
    assert built.returncode == 0, built.stderr
    assert not (tmp_path / "built" / "assets" / "policy-briefs" / "preview.js").exists()
    assert "preview.js" not in (tmp_path / "built" / BRIEF / "index.html").read_text(encoding="utf-8")


def test_what_mkdocs_says_of_mkdocs_yml_as_a_rebuild_reads_it_is_shown_on_the_previews_pages(mini: Project, server):
    """A warning, an error, a YAML mistake that keeps the file from being read (told in a line, not a traceback): each shown, then gone."""
    base, log, process = server
    problems = base + "assets/policy-briefs/preview-problems.json"
    shown = lambda: json.loads(fetch(problems))["problems"]  # noqa: E731
    config = mini.root / "mkdocs.yml"
    written = config.read_text(encoding="utf-8")
    config.write_text(written + "\nbogus_setting: 1\n", encoding="utf-8")
    assert wait_for(lambda: any("bogus_setting" in message for message in shown())), read_log(log)
    config.write_text(written, encoding="utf-8")
    assert wait_for(lambda: shown() == []), shown()
    config.write_text(written + "\nuse_directory_urls: sometimes\n", encoding="utf-8")  # (an error: MkDocs reads no further, and nothing is built)
    assert wait_for(lambda: any("use_directory_urls" in message for message in shown())), read_log(log)
    config.write_text(written.replace("site_name: ", "site_name: [", 1), encoding="utf-8")
    assert wait_for(lambda: any("error parsing the configuration file" in message for message in shown())), read_log(log)
    assert "Traceback" not in read_log(log) and "Forum talks" in fetch(base + BRIEF)  # (the last pages, meanwhile)
    config.write_text(written, encoding="utf-8")
    mini.replace("articles/forum-talks.md", "Delegates used `Russia` in code", "Delegates often used `Russia` in code")
    assert wait_for(lambda: "Delegates often used" in fetch(base + BRIEF)), read_log(log)
    assert shown() == [], "the error of a rebuild that failed is shown by the next one"
    assert process.poll() is None


def test_a_link_to_a_missing_heading_of_another_brief_is_told_by_the_rebuild_that_makes_it(mini: Project, server):
    base, log, process = server
    mini.write("articles/second.md", "---\ntitle: Second\nsource:\n  publisher: X\n  published: 2017\nsummary: S.\n---\n## Where it met\n\nThe forum met again.\n")
    assert wait_for(lambda: "Where it met" in fetch(base + "briefs/second/")), read_log(log)
    mini.replace("articles/forum-talks.md", "Ask [the forum]", "See [where](second.md#where-it-met) and [nowhere](second.md#no-heading). Ask [the forum]")
    missing = "the page of briefs/articles/second.md does not contain an anchor '#no-heading'"  # (the file it is made from: no briefs/second.md)
    assert wait_for(lambda: missing in read_log(log)), read_log(log)
    assert "'#where-it-met'" not in read_log(log)


def test_what_the_preview_said_of_a_page_it_does_not_render_again_stays_on_its_list(mini: Project, server):
    base, log, process = server
    problems = base + "assets/policy-briefs/preview-problems.json"
    shown = lambda: json.loads(fetch(problems))["problems"]  # noqa: E731
    index = mini.root / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nSee [nothing](nothing.md) and [the unknown](term:unknown).\n", encoding="utf-8")
    said = lambda: [message for message in shown() if "nothing.md" in message or "term:unknown" in message]  # noqa: E731
    assert wait_for(lambda: len(said()) == 2), shown()
    mini.replace("articles/forum-talks.md", "Later, Russia and ASEAN agreed.", "Later, Russia and ASEAN finally agreed.")  # another page
    assert wait_for(lambda: "finally agreed" in fetch(base + BRIEF)), read_log(log)
    time.sleep(1)
    assert len(said()) == 2, shown()  # docs/index.md is not rendered again, and its links are as broken as before


def test_a_preview_stops_with_a_word_to_restart_it_once_the_plugins_code_changes(monkeypatch, caplog, tmp_path: Path):
    """A preview runs the code it started with: after a pull that changes it, a rebuild would fail on what the new templates ask of it."""
    import logging

    from mkdocs.exceptions import PluginError

    from policy_briefs import plugin as module

    code = tmp_path / "policy_briefs"
    code.mkdir()
    (code / "pages.py").write_text("QUOTED = False\n", encoding="utf-8")
    monkeypatch.setattr(module, "PACKAGE_DIR", code)
    briefs = module.PolicyBriefsPlugin()
    briefs.on_startup(command="serve", dirty=True)
    briefs.builds = 1  # (the first build is done)
    try:
        briefs.on_pre_build(None)  # the same code: the rebuild goes on (its configuration is not read)
        os.utime(code / "pages.py", ns=(1, 1))  # (written again as it was, as a checkout back to it does)
        briefs.on_pre_build(None)
        (code / "pages.py").write_text("QUOTED = True\n", encoding="utf-8")
        for _ in range(2):  # told at each rebuild, not once
            with caplog.at_level(logging.ERROR), pytest.raises(PluginError, match=r"code has changed since the preview started: stop it \(Ctrl\+C\) and start it again"):
                briefs.on_pre_build(None)
        assert sum("stop it (Ctrl+C) and start it again" in record.getMessage() for record in caplog.records) == 2
    finally:
        logging.getLogger(module.MKDOCS_LOGGER).removeHandler(briefs.build_warnings)
