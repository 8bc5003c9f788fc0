"""Where links on the site's pages lead: files, and a brief's notes."""

from __future__ import annotations

import pytest

from policy_briefs.sitepaths import linked_file, linked_path, note_place

BRIEF = "briefs/forum-talks.md"


@pytest.mark.parametrize(("href", "expected"), [
    ("other.md", "briefs/other.md"),
    ("../docs/report.pdf", "docs/report.pdf"),
    ("o%27brien.pdf", "briefs/o'brien.pdf"),
    ("other.md#notes", "briefs/other.md"),
    ("report", None),  # no extension: MkDocs leaves it as written
    ("https://example.org/x.md", None),
    ("/index.md", None),
    ("#notes", None),
])
def test_a_relative_link_names_the_file_mkdocs_looks_up(href: str, expected: str | None):
    assert linked_file(href, BRIEF) == expected


def test_a_link_without_an_extension_still_names_a_path():
    assert linked_path("report", BRIEF) == "briefs/report"


@pytest.mark.parametrize(("href", "expected"), [
    ("#note-forum-met", ("forum-talks", "forum-met")),
    ("#passage-forum-met", ("forum-talks", "forum-met")),
    ("second.md#note-met-again", ("second", "met-again")),
    ("./second.md#passage-a-b", ("second", "a-b")),
    ("#notes", None),  # the section, not a note
    ("#note-", None),
    ("second.md#heading", None),
    ("../docs/page.md#note-x", None),  # not a brief
    ("https://example.org/briefs/x.md#note-y", None),
])
def test_a_link_to_a_note_names_its_brief_and_note(href: str, expected: tuple[str, str] | None):
    assert note_place(href, BRIEF) == expected
