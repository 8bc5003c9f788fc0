"""Python's HTML parser, reading a `<![` it does not know as text."""

from __future__ import annotations

from html.parser import HTMLParser


class LenientHTMLParser(HTMLParser):
    """An HTML parser that reads `<![x]>` as text, where Python's (before 3.13) raises an error.

    Editors' text may hold one (MkDocs cannot read it: that is told as a problem of its own).
    """

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        position = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # (an unknown keyword, or none, after the `<![`)
            self.lineno, self.offset = position
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3
