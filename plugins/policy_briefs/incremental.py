"""What makes rebuilds cheap: results kept between builds of one process, and pages that know when they changed.

`mkdocs serve` builds the site again after every edit, in the same process. Kept here,
at module level (so they outlive the plugin object and the configuration, both made
afresh for each build):

- each content file's parse, reused while the file's bytes are the same;
- what each article's Markdown renders to (reader text, links, mentions), reused while
  its body, the entities' surface forms and the Markdown configuration are the same;
- a digest of each generated page as last written, so that with `--dirty` only the
  pages whose Markdown changed are rendered again (MkDocs takes any page whose content
  is in memory for modified).

Every key is the full input: a rebuild from these gives the same pages as a clean build.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import jinja2
from mkdocs.structure.files import File, InclusionLevel

from .entities import EntityIndex
from .linker import Linker
from .loader import CONTENT_DIR, RawContent, _dangling, _read_one, passed_over
from .mentions import ArticleView
from .roughmarkdown import FENCED, without_code_spans

GIT_TIMEOUT_SECONDS = 60

_files: dict[str, tuple[bytes, tuple | None, int, RawContent]] = {}  # path -> (digest of its bytes, size/time/inode, when read, what reading gave)
_views: dict[str, tuple[str, ArticleView]] = {}  # article slug -> (key, view)
_finished: dict[str, tuple[str, object]] = {}  # article slug -> (key, (article, problems)) as checking finished it
_built: dict[str, tuple[str | None, str]] = {}  # page's output path -> (key, site key) as written there
_titles: dict[str, tuple[str | None, dict]] = {}  # page's source path -> (title, meta) when last read


def digest(*parts: str | bytes) -> str:
    """One digest of several texts (each part delimited: ("ab", "c") and ("a", "bc") differ)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


# -- content files --------------------------------------------------------------


RACY_NANOSECONDS = 2_000_000_000  # a file changed this close to when it was read may change again unseen


def read_files(project: Path, keep: bool = True) -> tuple[RawContent, dict[str, str]]:
    """`loader.read_files`, each file's result reused while its bytes are unchanged; and each file's digest.

    `keep=False`: nothing kept for a next build (a single build has none), nothing reused.

    A file is read again when its size, time or inode changed, or when it was changed within
    two seconds of being read (a later change could keep the same time: git's "racy" check).
    Digests are keyed by the path relative to the project (as problems and the model name files).
    """
    root = project / CONTENT_DIR
    if not root.is_dir():
        from .loader import read_files as read_all

        return read_all(project), {}
    raw = RawContent()
    digests: dict[str, str] = {}
    seen = set()
    base = len(str(project)) + 1
    for key in _walk(str(root)):
        seen.add(key)
        try:
            status = os.stat(key)
        except OSError:
            status = None
        signature = (status.st_size, status.st_mtime_ns, status.st_ino) if status else None
        cached = _files.get(key) if keep else None
        if cached is not None and signature is not None and cached[1] == signature and status.st_mtime_ns < cached[2] - RACY_NANOSECONDS:
            data = cached[0]
        else:
            read_at = time.time_ns()
            try:
                with open(key, "rb") as file:
                    data = hashlib.blake2b(file.read(), digest_size=20).digest()
            except OSError:
                data = b""  # unreadable: read it again, and let the loader report it
            if cached is None or cached[0] != data or not data:
                part = RawContent()
                _read_one(Path(key), project, part)
            else:
                part = cached[3]
            cached = (data, signature, read_at, part)
            if keep:
                _files[key] = cached
        digests[key[base:].replace(os.sep, "/")] = data.hex()
        part = cached[3]
        raw.articles.update(part.articles)
        raw.annotations.update(part.annotations)
        raw.glossary.update(part.glossary)
        raw.actors.update(part.actors)
        raw.problems.extend(part.problems)
    for key in [key for key in _files if key.startswith(str(root)) and key not in seen]:
        del _files[key]
    return raw, digests


def _walk(root: str) -> list[str]:
    """The files `sorted(Path(root).rglob("*"))` gives, less those passed over (`loader.passed_over`), in its order (by path parts)."""
    found = []
    for folder, _, names in os.walk(root):
        found += [os.path.join(folder, name) for name in names if not passed_over(name)]
    listed = (path for path in found if os.path.isfile(path) or _dangling(path))
    return sorted(listed, key=lambda path: path.split(os.sep))


# -- articles' Markdown ---------------------------------------------------------


def markdown_key(extensions: Sequence, configs: Mapping) -> str:
    """What decides how Markdown renders: the extensions (by name and settings) and their configuration."""
    names = []
    for extension in extensions:
        if isinstance(extension, str):
            names.append(extension)
        else:
            settings = extension.getConfigs() if hasattr(extension, "getConfigs") else {}
            names.append(f"{type(extension).__module__}.{type(extension).__qualname__}{sorted((k, repr(v)) for k, v in settings.items())}")
    return digest(repr(names), repr(sorted((str(k), repr(v)) for k, v in configs.items())))


def forms_key(index: EntityIndex) -> str:
    """What decides an article's mentions: every surface form and what it links to, every explicit reference."""
    return digest(repr(sorted((form, target.ref) for form, target in index.by_form.items())), repr(sorted(index.by_ref)))


def entities_key(index: EntityIndex) -> str:
    """Everything links show of entities: forms, references, labels and previews."""
    return digest(repr(sorted((form, repr(target)) for form, target in index.by_form.items())), repr(sorted((ref, repr(target)) for ref, target in index.by_ref.items())))


_last_site: dict[str, str] = {}


def site_changed(site_dir: str, key: str) -> bool:
    """Whether what every page shows (configuration, navigation, entities) changed since the last build to `site_dir`."""
    changed = _last_site.get(site_dir) != key
    _last_site[site_dir] = key
    return changed


def article_key(source: str, entities: str, markdown: str) -> str:
    """The key of what an article's Markdown renders to: its file (or body), the forms, the Markdown settings."""
    return digest(source, entities, markdown)


def cached_view(slug: str, key: str) -> ArticleView | None:
    entry = _views.get(slug)
    return entry[1] if entry is not None and entry[0] == key else None


def keep_view(slug: str, key: str, view: ArticleView) -> None:
    _views[slug] = (key, view)


def forget_views(keep: set[str]) -> None:
    for cache in (_views, _finished):
        for slug in [slug for slug in cache if slug not in keep]:
            del cache[slug]


def cached_finish(slug: str, key: str) -> object | None:
    """An article as checking finished it last time, if everything it was made from is the same (`key`)."""
    entry = _finished.get(slug)
    return entry[1] if entry is not None and entry[0] == key else None


def keep_finish(slug: str, key: str, result: object) -> None:
    _finished[slug] = (key, result)


# Rough Markdown, for guessing what an article mentions before it is read (each pattern starts
# with a literal, which the regex engine finds fast).
_HEADING = re.compile(r"\n[ \t]{0,3}#[^\n]*")
_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_TAG = re.compile(r"<[^>\n]*>")


def guess_mentions(body: str, linker: Linker, index: EntityIndex) -> list[str]:
    """The entities an article's text seems to mention (refs), from its Markdown source.

    A guess: the page is built with it, then checked once the article has been read
    while its page rendered, and rendered again in the rare case the guess was wrong.
    """
    text = "\n" + body
    if "```" in text or "~~~" in text:
        text = FENCED.sub("\n", text)
    if "`" in text:
        text = without_code_spans(text)
    if "#" in text:
        text = _HEADING.sub("\n", text)
    refs = []
    if "](" in text:

        def link(match: re.Match) -> str:
            target = index.by_ref.get(match.group(2))
            if target is not None:
                refs.append(target.ref)
            return " "

        text = _LINK.sub(link, text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:  # `O&#39;Neill` reads as O'Neill
        text = html.unescape(text)
    return [found.target.ref for found in linker.find(text)] + refs


# -- generated pages --------------------------------------------------------------


class GeneratedPage(File):
    """A generated Markdown page whose source is made when first read.

    Modified (for `--dirty` builds) when what it is made from differs from when it was
    last written to the same place in this process: its `key` (a digest of everything its
    source and tail are made from; None if unknown: always modified), or what every page
    shows besides (`site_key`: configuration, navigation, entities). An unmodified page's
    source is not even made.
    """

    _render: Callable[[], str]
    _key: Callable[[], str | None]
    site_key: str = ""

    @classmethod
    def make(cls, config, src_uri: str, render: Callable[[], str], key: Callable[[], str | None], inclusion: InclusionLevel) -> GeneratedPage:  # noqa: ANN001 (MkDocsConfig)
        page = cls.generated(config, src_uri, content="", inclusion=inclusion)
        page._content = None
        page._render = render
        page._key = key
        page._known_key = None
        return page

    @property
    def content_string(self) -> str:
        if self._content is None:
            self._content = self._render()
        return self._content if isinstance(self._content, str) else self._content.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._content = value
        self.abs_src_path = None

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._content = value
        self.abs_src_path = None

    def forget(self) -> None:
        """Make the source again when next read (what it is made from changed)."""
        self._content = None
        self._known_key = None

    def release(self) -> None:
        """MkDocs has read the source: do not keep the text (made again if read again)."""
        self._content = None

    def key(self) -> str | None:
        if self._known_key is None:
            self._known_key = (self._key(),)
        return self._known_key[0]

    def is_modified(self) -> bool:
        built = _built.get(self.abs_dest_path)
        if built is None or not os.path.isfile(self.abs_dest_path):
            return True
        key = self.key()
        if key is None:  # what the page shows besides its source (its tail) is not known
            return True
        return built != (key, self.site_key)

    def written(self) -> None:
        """Record that the page was just written as it is now."""
        key = self.key()
        _built[self.abs_dest_path] = (key, self.site_key)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; each checked against its source's checksum, as Jinja does."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_BYTECODE = _MemoryBytecodeCache()


def keep_titles(pages) -> None:  # noqa: ANN001 (MkDocs pages)
    """After pages are read: a `--dirty` build does not read unmodified pages, and shows no title for them.

    Their titles (and metadata, which themes show in the navigation) are those they had when last
    read in this process: unmodified, they would read the same.
    """
    for page in pages:
        if page.markdown is not None:
            _titles[page.file.src_uri] = (page.title, page.meta)
        elif page.file.src_uri in _titles:
            page.title, page.meta = _titles[page.file.src_uri]


# -- git ------------------------------------------------------------------------------


class GitDates:
    """Last commit dates of content files from one `git log` (started at once, read when first needed).

    The same answers as `history.last_updated` (one `git log -1` per page) when the history
    of briefs/ has no merge commits; with merges, path-limited history is simplified per
    path, so each question goes to `history.last_updated` as before.
    """

    def __init__(self, project: Path) -> None:
        self.project = project
        self._dates: dict[str, tuple[int, str]] | None = None
        self._newest = ""
        self._merges = False
        try:
            self._process: subprocess.Popen | None = subprocess.Popen(
                ["git", "-c", "core.quotepath=off", "log", "--format=%x1e%H%x1f%P%x1f%cs", "--name-only", "--no-renames", "--relative", "-z", "--", CONTENT_DIR],
                cwd=project, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", errors="surrogateescape",
            )
        except (OSError, subprocess.SubprocessError):
            self._process = None

    def _load(self) -> dict[str, tuple[int, str]]:
        if self._dates is not None:
            return self._dates
        self._dates = {}
        if self._process is None:
            return self._dates
        try:
            output, _ = self._process.communicate(timeout=GIT_TIMEOUT_SECONDS)
        except subprocess.SubprocessError:
            self._process.kill()
            self._process.communicate()
            return self._dates
        if self._process.returncode != 0:
            return self._dates
        # One record per commit, newest first: "\x1e<commit>\x1f<parents>\x1f<date>\0\n<path>\0<path>\0…"
        for commit, record in enumerate(output.split("\x1e")[1:]):
            header, _, names = record.partition("\0")
            commit_id, parents, date = header.split("\x1f")
            self._newest = self._newest or commit_id
            if len(parents.split()) > 1:
                self._merges = True
            for name in names.lstrip("\n").split("\0"):
                if name:
                    self._dates.setdefault(name, (commit, date))
        return self._dates

    def __call__(self, paths: Sequence[str]) -> str | None:
        paths = [path for path in paths if path]
        if not paths:
            return None
        dates = self._load()
        if self._merges:
            from .history import last_updated

            return last_updated(self.project, paths)
        found = [dates[path] for path in paths if path in dates]
        return min(found)[1] if found else None

    @property
    def newest(self) -> str:
        """The newest commit of the content: any page's date changes only with it ("" outside a repository)."""
        self._load()
        return self._newest

    def close(self) -> None:
        """Stop git if it still runs, and let go of its output if it was never read."""
        process = self._process
        if process is None or process.stdout is None or process.stdout.closed:
            return
        if process.poll() is None:
            process.kill()
        process.communicate()

