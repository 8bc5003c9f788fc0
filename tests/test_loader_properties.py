"""Property tests: whatever an editor saves under `briefs/`, checking reports it and never crashes.

Each example writes random content into a fresh copy of the tiny valid project and runs
`load_project`; it must return, and every problem must name a file under briefs/ and a
line that exists in it (or the line just after its end, for "missing at the end").
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from policy_briefs.loader import _FENCE
from policy_briefs.messages import field_names
from policy_briefs.schema import ActorFields, AnnotationFileFields, ArticleFields, GlossaryFields
from policy_briefs.validate import LoadResult, load_project

# PROPERTY_EXAMPLES=1000 for a longer search; the default keeps the suite fast.
SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

YAML_FILES = [
    "glossary/eas.yml",  # replaces a valid entry other files refer to
    "glossary/new-term.yml",
    "actors/russia.yml",
    "actors/new-actor.yml",
    "articles/forum-talks.annotations.yml",  # annotations of an existing article
    "articles/orphan.annotations.yml",
]
ARTICLE_FILES = ["articles/forum-talks.md", "articles/new-brief.md"]

FIELDS = sorted(field_names(ArticleFields) | field_names(AnnotationFileFields) | field_names(GlossaryFields) | field_names(ActorFields))
WORDS = ["ASEAN", "Regional", "Forum", "met", "Russia’s", "Russia's", "“We", "agreed,”", "ARF", "Moscow", "jane-roe", "russia", "arf", "eas", "2016-05", "https://example.org/x", "quotation", "fact-check", "context", "accurate", "person", "state"]

# -- strategies ---------------------------------------------------------------------

YAML_TOKENS = [
    "a", "title", "name", "annotations", "id", "kind", "quote", ":", ": ", " ", "  ", "\t", "\n", "\r\n", "\r", "-", "- ", "---", "...", "[", "]", "{", "}",
    ",", "#", "&x ", "*x", "!!str ", "!!int ", "!!bool ", "!!binary ", "!!set ", "!!map ", "!foo ", "|", ">", "|-", "'", '"', "\\", "?", "? ", "%YAML 1.1", "%TAG",
    "@", "`", "<<: ", "null", "~", "true", "0x1F", "1e9", "2016-05-04", "é", "’", "🌏", "\x00", "\x07", "\ufeff", "\u2028", "\x85",
]

any_text = st.text(max_size=200)
yaml_ish_text = st.lists(st.sampled_from(YAML_TOKENS) | st.sampled_from(FIELDS) | st.sampled_from(WORDS), max_size=60).map("".join)

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | st.sampled_from(WORDS)
keys = st.sampled_from(FIELDS) | st.text(max_size=10)
nested = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=25)
near_miss_annotation = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "Bad_Id", "a"]) | st.text(max_size=5), "kind": st.sampled_from(["context", "claim", "quotation", "fact-check", "question", "note"]), "quote": st.sampled_from(WORDS) | nested},
    optional={"prefix": st.sampled_from(["the ", "so will the ", ""]) | nested, "suffix": st.sampled_from([" met", " will", ""]), "body": scalars, "speaker": st.sampled_from(["jane-roe", "jane-ro", "arf"]) | nested,
              "verdict": st.sampled_from(["accurate", "false"]) | nested, "actors": st.lists(st.sampled_from(["russia", "rusia", "arf"])) | nested, "terms": nested, "sources": nested, "extra": nested},
)
nested_documents = (
    st.dictionaries(keys, nested, max_size=8)
    | nested
    | st.fixed_dictionaries({"annotations": st.lists(near_miss_annotation, max_size=4) | nested})
)


@st.composite
def dumped_yaml(draw) -> str:
    """Random nested data as YAML, in block or flow style."""
    data = draw(nested_documents)
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False, default_flow_style=draw(st.sampled_from([False, True, None])), width=draw(st.sampled_from([20, 80, 1000])))


yaml_documents = any_text | yaml_ish_text | dumped_yaml()

MARKDOWN_TOKENS = [
    "ASEAN", " Regional Forum", " met", " Russia’s", " ", "\n", "\n\n", "    ", "# ", "## ", "> ", "- ", "1. ", "*", "**", "_", "`", "```", "[x](term:arf)", "[y](term:nope)",
    "[z](actor:rusia)", "[h](nolink:)", "[h](nolink:x)", "(term:", "](actor:", "<b>", "</b>", "<div>", "&amp;", "&mdash;", "\\*", "---", "***", "| a | b |", "![i](p.png)",
    "[r]: term:eas", "[r]", "“", "”", "’", "🌏", "\x02", "\x03", "\t",
]
markdown_bodies = (st.lists(st.sampled_from(MARKDOWN_TOKENS) | st.sampled_from(WORDS), max_size=40).map("".join) | any_text).map(lambda body: body + "\nSome text.\n")


# -- helpers ------------------------------------------------------------------------


class Scratch:
    """A fresh copy of the tiny valid project, for one Hypothesis example."""

    def __enter__(self) -> Path:
        self._dir = tempfile.TemporaryDirectory()
        self.root = Path(self._dir.name) / "mini"
        shutil.copytree(FIXTURES / "mini", self.root)
        return self.root

    def __exit__(self, *exc_info) -> None:
        self._dir.cleanup()


def write(root: Path, rel: str, content: str | bytes) -> None:
    file = root / "briefs" / rel
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def check(root: Path) -> LoadResult:
    """Load, and hold every problem to the contract: a real file under briefs/, a real line."""
    result = load_project(root)
    assert result.problems == sorted(set(result.problems))
    for problem in result.problems:
        assert problem.path.startswith("briefs/"), problem
        file = root / problem.path
        assert file.is_file(), problem
        lines = len(file.read_bytes().decode("utf-8", errors="replace").splitlines())
        assert 1 <= problem.line <= lines + 1, f"{problem} (the file has {lines} lines)"
        assert problem.message.strip(), problem
        assert str(problem).startswith(f"{problem.path}:{problem.line}: ")
    return result


def has_fence_line(text: str) -> bool:
    return any(_FENCE.match(line.rstrip("\r\n")) for line in text.splitlines(keepends=True))


# -- properties ---------------------------------------------------------------------


@SETTINGS
@given(rel=st.sampled_from(YAML_FILES), text=any_text)
@example(rel="glossary/eas.yml", text="")
@example(rel="actors/russia.yml", text="name: [")
def test_random_text_in_a_yaml_file(rel: str, text: str):
    with Scratch() as root:
        write(root, rel, text)
        check(root)


@SETTINGS
@given(rel=st.sampled_from(YAML_FILES), text=yaml_ish_text)
@example(rel="actors/russia.yml", text="a: !!bool maybe\n")
@example(rel="actors/russia.yml", text="a: !!int ''\n")
@example(rel="actors/russia.yml", text="a: !!map x\n")
@example(rel="actors/russia.yml", text="a: " + "[" * 2000)
@example(rel="articles/forum-talks.annotations.yml", text="a: 1\nb: \x07\n")
def test_malformed_yaml(rel: str, text: str):
    with Scratch() as root:
        write(root, rel, text)
        check(root)


@SETTINGS
@given(rel=st.sampled_from(YAML_FILES), text=dumped_yaml())
@example(rel="articles/forum-talks.annotations.yml", text="annotations: [{id: a, kind: claim, quote: ARF, body: b, actors: x}, {id: b, kind: claim, quote: ARF, body: b, actors: 5}]\n")
def test_random_nested_data(rel: str, text: str):
    with Scratch() as root:
        write(root, rel, text)
        check(root)


@SETTINGS
@given(files=st.dictionaries(st.sampled_from(YAML_FILES), yaml_documents, min_size=2, max_size=4))
def test_several_broken_files_at_once(files: dict[str, str]):
    with Scratch() as root:
        for rel, text in files.items():
            write(root, rel, text)
        result = check(root)
        # Problems from every broken file come in one run.
        assert {p.path for p in result.problems} <= {f"briefs/{rel}" for rel in files} | {
            "briefs/articles/forum-talks.annotations.yml", "briefs/articles/forum-talks.md", "briefs/actors/jane-roe.yml", "briefs/actors/russia.yml",
            "briefs/actors/asean.yml", "briefs/glossary/arf.yml", "briefs/glossary/eas.yml",
        }


@SETTINGS
@given(rel=st.sampled_from(YAML_FILES), data=st.binary(max_size=200))
@example(rel="glossary/eas.yml", data=b"term: EAS\ndefinition: caf\xe9\n")
def test_random_bytes(rel: str, data: bytes):
    with Scratch() as root:
        write(root, rel, data)
        check(root)


@SETTINGS
@given(rel=st.sampled_from(ARTICLE_FILES), front=yaml_documents, body=markdown_bodies)
@example(rel="articles/new-brief.md", front="title: [", body="Text.\n")
@example(rel="articles/new-brief.md", front="", body="Text.\n")
@example(rel="articles/new-brief.md", front="title: " + "[" * 3000, body="Text.\n")
@example(rel="articles/forum-talks.md", front="title: T\nsummary: \x07", body="[x](term:nope)\n")
def test_random_front_matter(rel: str, front: str, body: str):
    assume(not has_fence_line(front))
    with Scratch() as root:
        write(root, rel, f"---\n{front}\n---\n{body}")
        check(root)


VALID_FRONT = "---\ntitle: T\nsource:\n  publisher: P\n  published: 2016-05\nsummary: S.\n---\n"


@SETTINGS
@given(body=markdown_bodies, quotes=st.lists(st.sampled_from(WORDS) | st.text(max_size=20), max_size=3), prefix=st.sampled_from(["", "the ", "\n"]))
@example(body="[x](term:nope)\n\n[y](actor:nope)\n", quotes=["x"], prefix="")
def test_random_article_body_and_quotes(body: str, quotes: list[str], prefix: str):
    annotations = {"annotations": [{"id": f"n{i}", "kind": "context", "quote": quote, "prefix": prefix, "body": "A note."} for i, quote in enumerate(quotes)]}
    with Scratch() as root:
        write(root, "articles/new-brief.md", VALID_FRONT + body)
        write(root, "articles/new-brief.annotations.yml", yaml.safe_dump(annotations, allow_unicode=True))
        result = check(root)
        article = result.content.articles["new-brief"]
        for note in article.annotations:
            if note.anchor is not None:  # an anchor always points at the quote
                passage = article.reader_text[note.anchor.start : note.anchor.end]
                assert passage.translate(str.maketrans("’“”", "'\"\"")) == " ".join(note.fields.quote.split()).translate(str.maketrans("’“”", "'\"\""))


@SETTINGS
@given(rel=st.sampled_from(ARTICLE_FILES), text=any_text | yaml_ish_text)
@example(rel="articles/new-brief.md", text="no front matter\n")
def test_random_text_as_an_article(rel: str, text: str):
    with Scratch() as root:
        write(root, rel, text)
        check(root)
