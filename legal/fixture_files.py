"""kzai's JSON fixtures (fixtures/kb.json, cases.json, demo.json): reading a file of the
right format, and the value shapes every loader shares (ru/kk/en columns, ISO dates)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings

from kzai.i18n import LANGUAGE_CODES

FORMAT = 1
DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "kb.json"


class KnowledgeBaseError(Exception):
    """The fixture cannot be loaded; nothing was changed."""


def read_json(
    path: Path, kind: str, error: type[Exception] = KnowledgeBaseError, version: int = FORMAT
) -> dict:
    """A kzai JSON file of format `version` (`kind` names it in messages); `error` with the
    file, line and column when it is missing, not JSON or not ours."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError as exc:
        raise error(f"{path}: no such file") from exc
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    if not isinstance(data, dict) or data.get("format") != version:
        raise error(f"{path}: not a kzai {kind} of format {version}")
    return data


def read_fixture(path: Path = DEFAULT_PATH) -> dict:
    return read_json(path, "knowledge-base fixture")


def langs(name: str, values: dict | None) -> dict[str, str]:
    """{"ru": …} → {"<name>_ru": …, "<name>_kk": "", "<name>_en": …}."""
    values = values or {}
    return {f"{name}_{lang}": values.get(lang, "") for lang in LANGUAGE_CODES}


def iso_date(value: str | None) -> datetime.date | None:
    """A fixture's "YYYY-MM-DD" (or nothing) as a date."""
    return datetime.date.fromisoformat(value) if value else None
