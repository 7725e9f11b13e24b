"""The body of an act, line by line, into its tree of units: containers (parts, sections,
chapters, paragraphs), articles, their points, subpoints, definitions and notes; footnotes
and editorial notes attached to the unit whose heading they follow.

Inside an article: «1.» lines are points; «1)» lines subpoints of the current point (or of
the article); without «1.» points each paragraph is a part («часть») of the article, a
line starting in lower case continuing the previous one. A single part is the article's own
text. Text after a point's subpoints is its wrap-up."""

import re

from legal.official import layout
from legal.official.footnotes import parse_footnote
from legal.official.types import (
    EXCLUDED,
    NOTE_CONSTITUTIONAL_COURT,
    NOTE_IZPI,
    WARNING,
    Document,
    Note,
    Problem,
    Unit,
)

_NUM = r"(\d+(?:-\d+)*)"
# What a footnote's words name: «дополнена статьей 641-1», «2-тарау 7-1-баппен толықтырылды»;
# «Статья 5 …», «статьи 5», «5-бапқа»; «Пункт 2 статьи 5»; «Глава 2», «2-тарау».
_ADDED_ARTICLE = re.compile(rf"стать(?:ей|ями)\s+{_NUM}|{_NUM}-бап(?:пен|тармен)", re.IGNORECASE)
_NAMED_ARTICLE = re.compile(rf"(?<!\w)стать(?:я|и|ю|е)\s+{_NUM}|(?<![\w-]){_NUM}-бап", re.IGNORECASE)
_NAMED_POINT = re.compile(rf"пункт(?:а|е)?\s+{_NUM}\s+статьи\s+{_NUM}", re.IGNORECASE)
_NAMED_CHAPTER = re.compile(rf"(?<!\w)глав(?:а|ы|у)\s+{_NUM}|(?<![\w-]){_NUM}-тарау", re.IGNORECASE)


def _number(found: re.Match | None) -> str | None:
    return next((group for group in found.groups() if group), None) if found else None


LEVELS = {layout.PART: 0, layout.SECTION: 1, layout.CHAPTER: 2, layout.PARAGRAPH: 3}
_COURT_WORDS = re.compile(r"Конституционн|Конституциялық\s+Сот", re.IGNORECASE)


def _append(text: str, line: str) -> str:
    return f"{text}\n{line}" if text else line


class TreeBuilder:
    """Reads lines[start:end] (the body, the table of contents left out) into `doc`."""

    def __init__(self, doc: Document, lines: list[str], kinds: list[tuple[str, dict]]):
        self.doc, self.lines, self.kinds = doc, lines, kinds
        self.stack: list[tuple[int, Unit]] = []
        self.article: Unit | None = None
        self.para: Unit | None = None  # the current point or part of the article
        self.numbered = False  # the article has «1.» points
        self.definitions = False
        self.note: Unit | None = None  # an open «Примечание.» (law)
        self.last: Unit | None = None  # the unit footnotes and notes go to
        self.pending_title: Unit | None = None
        self.open_heading: Unit | None = None  # a container heading an upper-case line continues
        self.articles: dict[str, Unit] = {}
        self.chapters: dict[str, Unit] = {}
        self.preamble: list[str] = []
        self.last_text_line = 0  # the last line of the body that is not blank

    def build(self, start: int, end: int, skip: range = range(0)) -> None:
        index = start
        while index < end:
            if index in skip:
                index = skip.stop
                continue
            index = self._line(index, end) + 1
        self._close_article()
        self.doc.preamble = "\n".join(self.preamble)

    # One line (or a wrapped footnote / note); returns the index of its last line.

    def _line(self, index: int, end: int) -> int:
        kind, groups = self.kinds[index]
        line, number = self.lines[index], index + 1
        if kind == layout.BLANK:
            return index
        self.last_text_line = number
        heading, self.open_heading = self.open_heading, None
        if heading is not None and kind == layout.TEXT and line.isupper():
            heading.heading = f"{heading.heading} {line}"  # «Глава 1. ЗАКОНОДАТЕЛЬСТВО …» wrapped
            self.open_heading = heading
            return index
        if kind == layout.FOOTNOTE:
            last = self._wrapped(index, end, balanced=True)
            text = " ".join(self.lines[index : last + 1])
            self._amend(parse_footnote(text, number, self.doc.language), text)
            self.last_text_line = last + 1
            return last
        if kind == layout.IZPI:
            last = self._wrapped(index, end, balanced=False)
            parts = [groups["title"], *self.lines[index + 1 : last + 1]]
            text = "\n".join(part for part in parts if part)
            self._add_note(
                NOTE_CONSTITUTIONAL_COURT if _COURT_WORDS.search(text) else NOTE_IZPI, text, number
            )
            self.last_text_line = last + 1
            return last
        if kind == layout.COURT:
            self._add_note(NOTE_CONSTITUTIONAL_COURT, line, number)
        elif kind in LEVELS:
            self._open_container(kind, groups, number)
        elif kind == layout.ARTICLE:
            self._open_article(groups, number)
        elif self.note is not None:
            self.note.text = _append(self.note.text, line)
        elif kind == layout.NOTE and self.article is not None:
            self._open_note(groups, number)
        elif self.pending_title is not None and kind == layout.TEXT:
            self.pending_title.heading = line
            self.pending_title = None
        elif self.article is not None:
            self._article_line(kind, groups, line, number)
        elif not self.stack:
            self.preamble.append(line)
        else:
            container = self.stack[-1][1]
            container.text = _append(container.text, line)
            self._warn("unknown_line", f"Строка не относится ни к одной статье: «{line[:80]}»", number)
        return index

    def _wrapped(self, index: int, end: int, balanced: bool) -> int:
        """The last line of a footnote (it goes on until its parentheses close on a final
        «.») or of an editorial note (until a blank line); a structural line ends either."""
        last = index
        text = self.lines[index]
        while last + 1 < end:
            if balanced and text.count("(") <= text.count(")") and text.endswith("."):
                break
            kind = self.kinds[last + 1][0]
            court_words = not balanced and kind == layout.COURT  # an ИЗПИ note on the court's decision
            if kind == layout.BLANK or (kind in layout.STRUCTURAL and not court_words):
                break
            last += 1
            text = f"{text} {self.lines[last]}"
        return last

    def _amend(self, amendments, text: str) -> None:
        target = self._named(text) or self.last
        (target.amendments if target is not None else self.doc.amendments).extend(amendments)

    def _named(self, text: str) -> Unit | None:
        """The unit a footnote names, when it is one already read: the article it adds
        («дополнена статьей 641-1»), else the point or article it names first, else the
        chapter; None leaves it with the unit whose heading or text it follows."""
        article = self.articles.get(
            _number(_ADDED_ARTICLE.search(text)) or _number(_NAMED_ARTICLE.search(text)) or ""
        )
        if article is not None:
            point = _NAMED_POINT.search(text)
            if point and point[2] == article.num:
                paras = (
                    child for child in article.children if child.type == "para" and child.num == point[1]
                )
                return next(paras, article)
            return article
        return self.chapters.get(_number(_NAMED_CHAPTER.search(text)) or "")

    def _add_note(self, kind: str, text: str, number: int) -> None:
        note = Note(kind, text, number)
        (self.last.notes if self.last is not None else self.doc.notes).append(note)

    def _warn(self, code: str, message: str, number: int) -> None:
        self.doc.problems.append(Problem(WARNING, code, message, number))

    # Headings.

    def _heading_unit(self, unit_type: str, groups: dict, number: int) -> Unit:
        title = groups.get("title", "")
        unit = Unit(type=unit_type, eid="", num=groups.get("num", ""), line=number)
        if layout.is_repealed(title):
            unit.repealed, unit.text = True, title
            unit.amendments = _excluded(title, number, self.doc.language)
        else:
            unit.heading = title
        return unit

    def _open_container(self, kind: str, groups: dict, number: int) -> None:
        self._close_article()
        level = LEVELS[kind]
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        unit = self._heading_unit(kind, groups, number)
        if kind == layout.PART:
            unit.num = ""
        self._children_of_top().append(unit)
        self.stack.append((level, unit))
        self.last = unit
        self.pending_title = unit if not unit.heading and not unit.repealed else None
        self.open_heading = unit if unit.heading else None
        if kind == layout.CHAPTER:
            self.chapters.setdefault(unit.num, unit)

    def _children_of_top(self) -> list[Unit]:
        return self.stack[-1][1].children if self.stack else self.doc.units

    def _open_article(self, groups: dict, number: int) -> None:
        self._close_article()
        self.pending_title = None
        unit = self._heading_unit(layout.ARTICLE, groups, number)
        self._children_of_top().append(unit)
        self.article = self.last = unit
        self.articles.setdefault(unit.num, unit)
        self.definitions = layout.is_definitions(unit.heading)

    def _open_note(self, groups: dict, number: int) -> None:
        self.note = Unit(type="note", eid="", text=groups["title"], line=number)
        self.article.children.append(self.note)
        self.last = self.note

    def _close_article(self) -> None:
        article = self.article
        if article is not None:
            parts = [child for child in article.children if child.type == "para"]
            if len(parts) == 1 and not parts[0].num and not article.text:
                part = parts[0]
                article.text, article.wrap_up = part.text, part.wrap_up
                article.amendments.extend(part.amendments)
                article.notes.extend(part.notes)
                position = article.children.index(part)
                article.children[position : position + 1] = part.children
        self.article = self.para = self.note = None
        self.numbered = self.definitions = False

    # Inside an article.

    def _article_line(self, kind: str, groups: dict, line: str, number: int) -> None:
        article = self.article
        if kind == layout.POINT:
            if not self.numbered:
                self._fold_parts(article)
            self.numbered = True
            self.para = self._item("para", groups, number)
            article.children.append(self.para)
        elif kind == layout.SUBPOINT:
            parent = self.para if self.para is not None and not self.para.wrap_up else article
            item = self._item("def" if self.definitions else "subpara", groups, number)
            parent.children.append(item)
        elif self.para is not None and (self.numbered or line[:1].islower()):
            if self.para.children:
                self.para.wrap_up = _append(self.para.wrap_up, line)
            else:
                self.para.text = _append(self.para.text, line)
        elif any(child.type in ("subpara", "def") for child in article.children):
            article.wrap_up = _append(article.wrap_up, line)
        else:
            self.para = Unit(type="para", eid="", text=line, line=number)
            article.children.append(self.para)
            self.last = self.para

    def _item(self, unit_type: str, groups: dict, number: int) -> Unit:
        unit = self._heading_unit(unit_type, groups, number)
        if not unit.repealed:
            unit.text, unit.heading = unit.heading, ""
        self.last = unit
        return unit

    def _fold_parts(self, article: Unit) -> None:
        """Paragraphs before an article's first «1.» point are the article's own text."""
        for part in [child for child in article.children if child.type == "para" and not child.children]:
            article.text = _append(article.text, part.text)
            article.amendments.extend(part.amendments)
            article.notes.extend(part.notes)
            article.children.remove(part)


def _excluded(text: str, number: int, language: str):
    amendments = parse_footnote(text, number, language)
    for amendment in amendments:
        amendment.action = EXCLUDED
    return amendments


def assign_eids(units: list[Unit], parent: str = "", chapter: str = "") -> None:
    """Akoma Ntoso style eids, as kzai's: articles are unique in the act, so they carry no
    container; points, subpoints and definitions carry their article."""
    ordinals: dict[str, int] = {}
    for unit in units:
        ordinals[unit.type] = ordinals.get(unit.type, 0) + 1
        ordinal = ordinals[unit.type]
        if unit.type == "part":
            general = unit.heading.upper().startswith(("ОБЩ", "ЖАЛПЫ"))
            unit.eid = "part_general" if general else "part_special"
        elif unit.type == "section":
            unit.eid = f"sec_{unit.num}"
        elif unit.type == "chapter":
            unit.eid = f"chp_{unit.num}"
        elif unit.type == "paragraph":
            unit.eid = f"{chapter}__subchp_{unit.num}" if chapter else f"subchp_{unit.num}"
        elif unit.type == "article":
            unit.eid = f"art_{unit.num}"
        elif unit.type == "note":
            unit.eid = f"{parent}__note_{ordinal}"
        else:
            unit.eid = f"{parent}__{unit.type}_{unit.num or ordinal}"
        assign_eids(unit.children, unit.eid, unit.eid if unit.type == "chapter" else chapter)
