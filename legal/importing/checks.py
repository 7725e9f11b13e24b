"""What is checked before anything is written: the reader's errors, the language, the
header against the act (unless forced), the source and the options. Each failure is an
error Problem; any error refuses the whole import."""

import re

from legal.models import Act, ActKind, VersionStatus
from legal.official.types import ERROR, Document, Problem
from legal.publication import official_urls

from .types import ImportOptions

# The header names a law; kzai also files laws that amend others as their own kind.
_HEADER_KINDS = {ActKind.AMENDING_LAW: ActKind.LAW}


def error(code: str, message: str, line: int = 0) -> Problem:
    return Problem(ERROR, code, message, line)


def _number(value: str) -> str:
    return value.replace("№", "").replace(" ", "").casefold()


def _same_number(written: str, ours: str) -> bool:
    """«№ 6» names the act kzai holds as 6-I: old texts leave out the convocation."""
    written, ours = _number(written), _number(ours)
    return written == ours or re.fullmatch(rf"{re.escape(written)}-[ivxl]+", ours) is not None


def header_problems(act: Act, document: Document) -> list[Problem]:
    """The header names another act: its number, date or kind differ from the act's."""
    header = document.header
    differs = []
    if header.number and act.number and not _same_number(header.number, act.number):
        differs.append("number")
    if header.date and act.adopted and header.date != act.adopted:
        differs.append("date")
    if header.kind and act.kind and header.kind != _HEADER_KINDS.get(act.kind, act.kind):
        differs.append("kind")
    if not differs:
        return []
    theirs = f"{header.kind or '?'} от {_date(header.date)} № {header.number or '?'}"
    ours = f"«{act.slug}»: {act.kind} от {_date(act.adopted)} № {act.number or '?'}"
    return [
        error(
            "another_act",
            f"Текст другого акта: в заголовке — {theirs}, а акт в базе — {ours} "
            f"(не совпадает: {', '.join(differs)}). Проверьте файл или импортируйте с --force.",
            header.line,
        )
    ]


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else "?"


def source_url(act: Act, document: Document, options: ImportOptions) -> str:
    return options.source_url or official_urls(act).get(document.language, "")


def check(act: Act, document: Document, options: ImportOptions) -> list[Problem]:
    """Every reason to refuse this import (empty: go ahead)."""
    problems = list(document.errors)
    if options.language and options.language != document.language:
        problems.append(
            error(
                "language",
                f"Язык текста — {document.language}, а указан {options.language}.",
            )
        )
    if not options.force:
        problems += header_problems(act, document)
    if not source_url(act, document, options):
        problems.append(
            error(
                "no_source",
                f"У акта «{act.slug}» нет официальной ссылки на языке {document.language}: "
                "укажите источник текста (--source).",
            )
        )
    if options.status and options.status not in VersionStatus.values:
        problems.append(error("status", f"Неизвестный статус редакции: {options.status}."))
    if options.status == VersionStatus.DRAFT and options.in_force_from:
        problems.append(error("status", "Проект не может вступить в силу: уберите дату вступления в силу."))
    return problems
