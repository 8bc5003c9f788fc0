"""The three site-wide checkers: internal links and anchors, HTML validity (Nu), accessibility (axe-core).

Each returns plain problem records, so a test can assert there are none on the
real site and that a page with a known fault produces one.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPOSITORY = Path(__file__).resolve().parents[2]
NODE_MODULES = REPOSITORY / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


# -- internal links and anchors ------------------------------------------------

LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        url = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if url is not None:
            self.links.append((self.getpos()[0], url))


@dataclass(frozen=True)
class BrokenLink:
    page: str
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url}: {self.reason}"


def _target_file(site: Path, page: str, path: str) -> tuple[str, Path]:
    """The site path a link resolves to from `page`, and the file that serves it."""
    base = posixpath.dirname(page)
    resolved = posixpath.normpath(posixpath.join("/" + base, unquote(path))) if not path.startswith("/") else posixpath.normpath(unquote(path))
    if path.endswith("/") or path in ("", ".", ".."):
        resolved = resolved.rstrip("/") + "/"
    rel = resolved.lstrip("/")
    file = site / rel
    if rel == "" or rel.endswith("/") or file.is_dir():
        file = file / "index.html"
        rel = posixpath.join(rel, "index.html")
    return rel, file


def check_links(site: Path) -> list[BrokenLink]:
    """Every internal link of every built page reaches a file, and its fragment an element id in it."""
    parsed: dict[str, _PageParser] = {}

    def parse(rel: str) -> _PageParser:
        if rel not in parsed:
            parser = _PageParser()
            parser.feed((site / rel).read_text(encoding="utf-8"))
            parser.close()
            parsed[rel] = parser
        return parsed[rel]

    problems = []
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix()
        for line, url in parse(page).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("//"):
                continue  # another site, mailto:, data: … not ours to check offline
            if parts.path == "" and not parts.fragment:
                continue  # href="" or "#": the page itself
            rel, target = (page, file) if parts.path == "" else _target_file(site, page, parts.path)
            if not target.is_file():
                problems.append(BrokenLink(page, line, url, f"no such file {rel}"))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(rel).ids:
                problems.append(BrokenLink(page, line, url, f"no element with id {unquote(parts.fragment)!r} in {rel}"))
    return problems


# -- HTML validity: the Nu HTML Checker -----------------------------------------

# Material's own checkbox toggles carry autocomplete="off" (so a browser does not
# restore a drawer or search left open); the checker only allows it on text-like
# inputs. This matches that message on exactly those inputs and nothing else.
VNU_ALLOWED = [
    (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        re.compile(r'^<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">$'),
        "Material's drawer and search toggles",
    ),
]


@dataclass(frozen=True)
class VnuMessage:
    file: str
    line: int | None
    type: str
    message: str
    extract: str
    markup: str  # the part of the extract the message is about (an element's start tag, say)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.type}: {self.message}\n    {self.markup or self.extract.strip()}"


def java_command() -> str | None:
    return shutil.which("java")


def run_vnu(paths: list[Path], root: Path) -> list[VnuMessage]:
    """Errors (and fatal errors) the Nu HTML Checker reports on these files or folders, less the allowed ones."""
    java = java_command()
    if java is None or not VNU_JAR.is_file():
        raise RuntimeError("the Nu HTML Checker needs java and node_modules/vnu-jar (scripts/setup installs both)")
    command = [java, "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "--skip-non-html", *map(str, paths)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=300)
    report = json.loads(done.stderr or done.stdout)
    found = []
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error") and message.get("subType") != "fatal":
            continue
        url = message.get("url", "")
        file = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
        try:
            name = file.relative_to(root).as_posix()
        except ValueError:
            name = str(file)
        extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
        markup = extract[start:start + message.get("hiliteLength", 0)]
        found.append(VnuMessage(name, message.get("lastLine"), message.get("subType") or message["type"], message["message"], extract, markup))
    return [m for m in found if not any(text.search(m.message) and markup.search(m.markup) for text, markup, _ in VNU_ALLOWED)]


# -- accessibility: axe-core -------------------------------------------------------

@dataclass(frozen=True)
class ChromeException:
    """An axe finding in Material's own chrome that the project cannot change, with why."""

    rule: str
    selector: re.Pattern
    reason: str


# Findings that come from Material for MkDocs' own chrome (header, drawer, search,
# palette toggle), not from anything the project renders. Each is listed by axe
# rule and by the selector axe reports. Anything not listed fails the test.
MATERIAL_CHROME: list[ChromeException] = [
    ChromeException(
        "region", re.compile(r"^#__tooltip2_\d+$"),
        "Material's script appends each tooltip to <body>, after the landmarks; it is the hovered or focused element's description (aria-describedby), not page content",
    ),
]


@dataclass(frozen=True)
class AxeFinding:
    rule: str
    impact: str | None
    target: str
    html: str
    summary: str

    def __str__(self) -> str:
        return f"[{self.rule}, {self.impact}] {self.target}\n    {self.html[:300]}\n    {self.summary.splitlines()[0] if self.summary else ''}"


def axe_findings(page, exceptions: list[ChromeException] | None = None) -> list[AxeFinding]:
    """Run axe-core in a loaded page: every violation node that no listed exception covers."""
    exceptions = MATERIAL_CHROME if exceptions is None else exceptions
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => ({
            target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" "), html: n.html, summary: n.failureSummary || ""}))}));
    }""")
    findings = [AxeFinding(v["id"], v["impact"], n["target"], n["html"], n["summary"]) for v in results for n in v["nodes"]]
    return [f for f in findings if not any(e.rule == f.rule and e.selector.search(f.target) for e in exceptions)]
