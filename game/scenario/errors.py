"""Problems found in a scenario file, each with a file:line:column a modder can jump to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding. `line` and `column` are 1-based, like editors and compilers print them.

    `code` is a stable, dotted name (e.g. "yaml.duplicate_key", "ref.unknown_region") that tests
    and tools can match on without parsing the message.
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = "error"
    code: str = ""

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Top-to-bottom order, so a modder can fix a file in one pass; stable for equal positions."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))


class ScenarioError(Exception):
    """A scenario could not be loaded; `problems` holds every error (and warning) found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
