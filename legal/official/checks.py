"""The checks on a read act: duplicated numbers (errors: eids must be unique), numbering
gaps and empty articles (warnings), no article at all, a text cut short or unsigned."""

from legal.official import layout
from legal.official.types import ERROR, WARNING, Document, Problem, Unit

_NAMES = {
    "part": "часть",
    "section": "раздел",
    "chapter": "глава",
    "paragraph": "параграф",
    "article": "статья",
    "para": "пункт",
    "subpara": "подпункт",
    "def": "подпункт",
    "note": "примечание",
}
_FINAL = ".!?…"
_CLOSING = "»\"”)'"


def check(doc: Document, lines: list[str], last_line: int) -> None:
    """Adds the problems of `doc`; `last_line` is the last non-empty line of the body."""
    articles = [unit for unit in doc.walk() if unit.type == "article"]
    if not articles:
        doc.problems.append(Problem(ERROR, "no_units", "В тексте не найдено ни одной статьи."))
    _duplicates(doc)
    for unit_type in ("section", "chapter", "article"):
        _gaps(doc, [unit for unit in doc.walk() if unit.type == unit_type])
    for unit in doc.walk():
        for unit_type in ("para", "subpara", "def"):
            _gaps(doc, [child for child in unit.children if child.type == unit_type and child.num])
    truncated = not doc.signature and articles and _cut_short(doc, lines, last_line, articles[-1])
    for article in articles:
        if _empty(article) and not (truncated and article is articles[-1]):
            doc.problems.append(
                Problem(WARNING, "empty_article", f"Статья {article.num} без текста.", article.line)
            )
    if articles and not doc.signature and not truncated:
        doc.problems.append(
            Problem(WARNING, "no_signature", "Нет подписи («Президент Республики Казахстан …»).", last_line)
        )


def _empty(article: Unit) -> bool:
    return not (article.repealed or article.text or article.wrap_up or article.children)


def _cut_short(doc: Document, lines: list[str], last_line: int, last_article: Unit) -> bool:
    """An unsigned text that ends mid-unit: with an article's heading, or on a line that
    does not end a sentence («:», «,», no final punctuation)."""
    last_unit = list(doc.walk())[-1]
    if last_unit is last_article and _empty(last_article):
        reason = f"текст обрывается на заголовке статьи {last_article.num}"
    else:
        ending = lines[last_line - 1].rstrip(_CLOSING) if last_line else ""
        if ending[-1:] in _FINAL:
            return False
        reason = "последняя строка не закончена"
    doc.problems.append(Problem(ERROR, "truncated", f"Текст неполный: {reason}, подписи нет.", last_line))
    return True


def _duplicates(doc: Document) -> None:
    """Repeated eids; the units inside a repeated article are not reported again."""
    seen: dict[str, Unit] = {}
    repeated: list[str] = []
    for unit in doc.walk():
        first = seen.setdefault(unit.eid, unit)
        if first is unit or any(unit.eid.startswith(f"{eid}__") for eid in repeated):
            continue
        repeated.append(unit.eid)
        if unit.type == "article":
            code, message = (
                "duplicate_article",
                f"Статья {unit.num} повторяется: строки {first.line} и {unit.line}.",
            )
        else:
            name = _NAMES.get(unit.type, unit.type)
            code = "duplicate_number"
            message = f"Номер повторяется ({name} {unit.num or unit.eid}): строки {first.line} и {unit.line}."
        doc.problems.append(Problem(ERROR, code, message, unit.line))


def _gaps(doc: Document, units: list[Unit]) -> None:
    for previous, current in zip(units, units[1:], strict=False):
        if previous.num and current.num and not layout.follows(previous.num, current.num):
            name = _NAMES.get(current.type, current.type)
            doc.problems.append(
                Problem(
                    WARNING,
                    "gap",
                    f"Пропуск в нумерации: {name} {current.num} после {previous.num}.",
                    current.line,
                )
            )
