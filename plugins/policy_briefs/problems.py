"""Located content problems: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import total_ordering


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One problem in one content file, at a 1-based line; problems sort by file, line, message and hint."""

    path: str
    line: int
    message: str
    hint: str | None = None
    involves: tuple[str, ...] = ()  # other files the problem is as much about (a check of changed files shows it for them too)

    def __lt__(self, other: Problem) -> bool:
        return self._order < other._order

    @property
    def _order(self) -> tuple:
        return (self.path, self.line, self.message, self.hint or "", self.involves)

    def describe(self) -> str:
        """The message with its hint, as one sentence or two."""
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.describe()}"


class ContentError(Exception):
    """Raised inside the loader to abandon one file with a located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
