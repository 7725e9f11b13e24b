"""What the importer is asked (ImportOptions) and what it answers (ImportResult, or
ImportRefused when nothing was written)."""

import datetime
from dataclasses import asdict, dataclass, field

from legal.official.types import Problem

ATTACHED = "attached"  # the text was attached to a version that had none in that language
NEW_EDITION = "new_edition"  # the text differs from the version's: a new edition was made
UNCHANGED = "unchanged"  # the same text was imported before: nothing written


@dataclass
class ImportOptions:
    language: str | None = None  # checked against the document's detected language
    version: str | None = None  # target version code
    status: str | None = None  # for a version this import creates
    date: datetime.date | None = None  # the text's date (source_date; consolidated_as_of)
    in_force_from: datetime.date | None = None  # a new edition's in-force date
    source_url: str = ""  # default: the act's official URL in that language; none → refused
    filename: str = ""
    dry_run: bool = False
    force: bool = False  # skip the header check (number, date, kind)


@dataclass
class ImportResult:
    outcome: str  # ATTACHED, NEW_EDITION or UNCHANGED
    version_code: str
    language: str
    counts: dict[str, int] = field(default_factory=dict)  # units by type in the text
    created: list[str] = field(default_factory=list)
    attached: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # in kzai's version, not in the text (kept)
    outdated: list[str] = field(default_factory=list)  # summaries marked summary_outdated
    links: int = 0  # refers_to links stored
    problems: list[Problem] = field(default_factory=list)  # warnings
    dry_run: bool = False

    def as_report(self) -> dict:
        """The JSON kept on the OfficialDocument."""
        return asdict(self)


class ImportRefused(Exception):
    """The text was not imported (errors, with line numbers): nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(_line(p) for p in problems))
        self.problems = problems


def _line(problem: Problem) -> str:
    return f"строка {problem.line}: {problem.message}" if problem.line else problem.message
