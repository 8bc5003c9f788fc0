"""Browser tests: the real site, built once, served on 127.0.0.1 and read in Debian's Chromium.

Chromium is the system's (Debian's `chromium` package) driven by Playwright;
Playwright's own browser download is never used. Without a browser the
browser tests are skipped with a message, except under CI=true, where that is
a failure.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .checks import AXE_SCRIPT, REPOSITORY, VNU_JAR, java_command

ARTIFACTS = REPOSITORY / "test-artifacts" / "browser"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}
LOCAL_HOST = "127.0.0.1"

# One page of each type the site has, by URL path under the site root.
BRIEF = "briefs/asean-russia-defence-2016/"
ENTRY = "glossary/admm-plus/"
PROFILE = "actors/russia/"
PAGE_TYPES = {
    "home": "",
    "briefs-index": "briefs/",
    "brief": BRIEF,
    "tags": "briefs/tags/",
    "glossary-index": "glossary/",
    "entry": ENTRY,
    "actors-index": "actors/",
    "profile": PROFILE,
}


def missing(what: str) -> None:
    """Skip with a clear message locally; fail under CI, where nothing may be silently skipped."""
    message = f"{what} — scripts/test (or scripts/setup --browser-tests) installs it"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI: {message}", pytrace=False)
    pytest.skip(message)


# -- the site ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built strictly into a temporary folder."""
    site = tmp_path_factory.mktemp("browser") / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPOSITORY / "mkdocs.yml"), "-d", str(site)]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stderr}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed while loading: not a fault
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1, on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as url:
        yield url


# -- tools --------------------------------------------------------------------------

def chromium_executable() -> str | None:
    """The system's Chromium: $CHROMIUM if set, else the one on PATH."""
    if os.environ.get("CHROMIUM"):
        return shutil.which(os.environ["CHROMIUM"])
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_executable()
    if executable is None:
        missing("Chromium is not installed (Debian packages chromium and chromium-driver); browser tests not run")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed (the project's test extra)")
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # this run's screenshots only
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_ready() -> None:
    if not AXE_SCRIPT.is_file():
        missing("axe-core is not installed (npm ci)")


@pytest.fixture(scope="session")
def vnu_ready() -> None:
    if java_command() is None:
        missing("Java is not installed (Debian package default-jre-headless)")
    if not VNU_JAR.is_file():
        missing("the Nu HTML Checker is not installed (npm ci: vnu-jar)")


# -- pages ----------------------------------------------------------------------------

class Pages:
    """Opens pages in fresh browser contexts, and fails the test on any request that leaves 127.0.0.1."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.outside: list[str] = []
        self.errors: list[str] = []

    def context(self, viewport: str = "desktop", scheme: str = "light"):
        context = self.browser.new_context(**VIEWPORTS[viewport], color_scheme=scheme, service_workers="block")
        context.route("**/*", self._guard)
        context.on("page", lambda page: page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}")))
        self.contexts.append(context)
        return context

    def open(self, path: str = "", viewport: str = "desktop", scheme: str = "light", context=None):
        """A new page in its own context (or the given one), loaded and settled."""
        page = (context or self.context(viewport, scheme)).new_page()
        self.goto(page, path)
        return page

    def goto(self, page, path: str) -> None:
        page.goto(self.url(path), wait_until="load")
        page.wait_for_function("() => document.documentElement.classList.contains('js')")  # Material's script has run

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path.lstrip("/")

    def _guard(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != LOCAL_HOST:
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser, base_url: str) -> Iterator[Pages]:
    pages = Pages(browser, base_url)
    yield pages
    pages.close()
    assert not pages.outside, "requests to another host than 127.0.0.1:\n" + "\n".join(pages.outside)
    assert not pages.errors, "script errors in the page:\n" + "\n".join(pages.errors)


def screenshot(page, name: str, full_page: bool = False) -> Path:
    """Keep a screenshot under test-artifacts/browser/ (left behind by the run, never committed)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def tooltip_of(page, element):
    """The Material tooltip that describes an element (content.tooltips), once it is showing."""
    page.wait_for_function("e => e.getAttribute('aria-describedby')", arg=element.element_handle())
    tooltip = page.locator(f"#{element.get_attribute('aria-describedby')}")
    page.wait_for_function(
        "t => t.classList.contains('md-tooltip2--active') && getComputedStyle(t).opacity === '1'", arg=tooltip.element_handle()
    )
    return tooltip
