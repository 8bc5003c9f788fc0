"""What only a browser shows of the preview (`mkdocs serve`): the last build's problems on its pages."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from .conftest import LOCAL_HOST, Pages, screenshot

SERVE_LIMIT_SECONDS = 120  # the whole test takes seconds


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve --dirty` (the preview command) of a project on a free port; yields its base URL once it answers."""
    with socket.socket() as sock:
        sock.bind((LOCAL_HOST, 0))
        port = sock.getsockname()[1]
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"{LOCAL_HOST}:{port}", "-f", str(project / "mkdocs.yml")],
            stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        base = f"http://{LOCAL_HOST}:{port}/"
        watchdog = threading.Timer(SERVE_LIMIT_SECONDS, process.kill)  # whatever waits on the server fails then, rather than hangs
        watchdog.start()
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(base + "assets/policy-briefs/preview-problems.json", timeout=2).close()
                    break
                time.sleep(0.3)
            yield base
        finally:
            watchdog.cancel()
            process.terminate()
            process.wait(timeout=10)


def test_a_mistake_that_takes_a_brief_away_is_shown_on_the_preview_page_where_it_was(browser, mini, tmp_path) -> None:
    mini.replace("articles/forum-talks.md", "title: Forum talks in the region", "titel: Forum talks in the region")
    with mkdocs_serve(mini.root, tmp_path / "serve.log") as base:
        pages = Pages(browser, base)
        try:
            for path in ("briefs/forum-talks/", "glossary/arf/"):  # the brief is gone (the 404 page); an entry it linked
                page = pages.context().new_page()
                page.goto(pages.url(path), wait_until="load")
                banner = page.locator(".pb-preview-problems")
                banner.wait_for()
                assert "briefs/articles/forum-talks.md:2: unknown field 'titel' (did you mean 'title'?)" in banner.inner_text(), path
                assert banner.is_visible() and banner.bounding_box()["y"] < 200, path  # at the top of the page
                screenshot(page, "preview-problems")
                page.close()  # (its live reload would race the next navigation once the preview rebuilds)
            mini.replace("articles/forum-talks.md", "titel: Forum talks", "title: Forum talks")
            deadline = time.monotonic() + 30  # the rebuild
            while b'"problems": []' not in urllib.request.urlopen(base + "assets/policy-briefs/preview-problems.json", timeout=5).read():
                assert time.monotonic() < deadline, "the preview did not rebuild"
                time.sleep(0.2)
            page = pages.context().new_page()
            page.goto(pages.url("briefs/forum-talks/"), wait_until="load")
            page.wait_for_function("() => document.documentElement.classList.contains('js')")
            page.wait_for_timeout(500)
            assert page.locator(".pb-preview-problems").count() == 0 and pages.errors == []
        finally:
            pages.close()
