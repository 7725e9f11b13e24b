"""What the reader of an official text gives back: the document as a tree of units, with
notes, amendment history and the problems found, each with its line number."""

import datetime
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"

# Unit types are those of legal.models.ProvisionType, plus "note": a note that is law
# («Примечание.» inside an article of a code), kept as official text.
UNIT_TYPES = ("part", "section", "chapter", "paragraph", "article", "para", "subpara", "def", "note")

# What a footnote says was done to the unit (Adilet: «внесены изменения», «дополнена»,
# «исключена», «изложена в новой редакции»; Kazakh: «өзгеріс енгізілді», «толықтырылды»,
# «алып тасталды», «жаңа редакцияда»).
AMENDED = "amended"
ADDED = "added"
EXCLUDED = "excluded"
NEW_WORDING = "new_wording"
AMENDMENT_ACTIONS = (AMENDED, ADDED, EXCLUDED, NEW_WORDING)

# Notes that are not law.
NOTE_IZPI = "izpi"  # «Примечание ИЗПИ!», «ЗҚАИ-ның ескертпесі!»
NOTE_CONSTITUTIONAL_COURT = "constitutional_court"  # on decisions of the Constitutional Court
NOTE_EDITORIAL = "editorial"  # any other editorial remark of the publisher
NOTE_KINDS = (NOTE_IZPI, NOTE_CONSTITUTIONAL_COURT, NOTE_EDITORIAL)


@dataclass
class Problem:
    """An error (nothing is imported) or a warning (imported, the user should look)."""

    severity: str  # ERROR or WARNING
    code: str  # stable, for tests and the API: "empty", "binary", "encoding", ...
    message: str  # Russian, for the report
    line: int = 0  # 1-based line of the read text; 0: the document as a whole


@dataclass
class Amendment:
    """One change a footnote records: what was done, by which law, from when."""

    action: str  # one of AMENDMENT_ACTIONS
    law_kind: str  # "law", "code", "constitutional_law", "decree", "" when not said
    law_number: str  # «230-VIII», «14-VIII», "" when not said
    law_date: datetime.date | None
    effective_from: datetime.date | None  # the date given, when the footnote gives one
    effective_note: str  # the footnote's words on entry into force, as written
    text: str  # the footnote's whole text, its wrapped lines joined
    line: int = 0


@dataclass
class Note:
    """A note that is not law: the publisher's, or on a Constitutional Court decision."""

    kind: str  # one of NOTE_KINDS
    text: str
    line: int = 0


@dataclass
class Unit:
    """One structural unit. `text` is its own words before its children (for a leaf, all
    of them), `wrap_up` its words after its children; paragraphs are joined by "\\n"."""

    type: str  # one of UNIT_TYPES
    eid: str  # Akoma Ntoso style, as kzai's: art_73-3, art_5__para_2__subpara_3, chp_1
    num: str = ""  # as numbered in the text («73-3», «1»); "" for an unnumbered unit
    heading: str = ""  # «Цель настоящего Закона» of «Статья 2. Цель настоящего Закона»
    text: str = ""
    wrap_up: str = ""
    repealed: bool = False  # «Статья 5. Исключена Законом РК от …»
    amendments: list[Amendment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    children: list["Unit"] = field(default_factory=list)
    line: int = 0

    def walk(self):
        """This unit and its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Header:
    """The act as its header line names it."""

    kind: str = ""  # "law", "code", "constitutional_law"
    title: str = ""  # «Об искусственном интеллекте»; a code's «Уголовный кодекс …»
    date: datetime.date | None = None
    number: str = ""  # «230-VIII» («ЗРК» is not part of the number)
    line: int = 0


@dataclass
class Document:
    """A whole official text as read: `text` is what was read (normalised lines), the
    line numbers of units, notes and problems refer to it."""

    language: str  # "ru" or "kk"
    format: str  # "txt", "html", "docx"
    text: str
    header: Header = field(default_factory=Header)
    preamble: str = ""
    units: list[Unit] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)  # footnotes on the act as a whole
    notes: list[Note] = field(default_factory=list)  # notes on the act as a whole
    signature: str = ""  # «Президент Республики Казахстан К. ТОКАЕВ», place, date, number
    problems: list[Problem] = field(default_factory=list)

    def walk(self):
        for unit in self.units:
            yield from unit.walk()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def counts(self) -> dict[str, int]:
        """Units by type, for the import report."""
        found: dict[str, int] = {}
        for unit in self.walk():
            found[unit.type] = found.get(unit.type, 0) + 1
        return found


class UnreadableFile(Exception):
    """The file is not an official text kzai can read (empty, binary, wrong encoding, a
    .docx that is not Adilet's): nothing is parsed. Carries the Problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem
