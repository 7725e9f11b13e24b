"""Load questionnaire definitions (fixtures/questionnaires/*.json) into the database.

One file is one version of one questionnaire. Like `load_kb`: idempotent (an unchanged
file changes nothing), one transaction for all files, and any problem — a malformed
condition, a provision that does not exist in the version in force on the questionnaire's
date, an unknown obligation — rolls everything back with a message saying where.

A published questionnaire is frozen: a changed file for a published version is refused
(publish the change as a new `version`). A draft is rebuilt from its file.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from compliance.models import (
    Option,
    Question,
    Questionnaire,
    QuestionnaireStatus,
    Rule,
    Section,
)
from compliance.services import questionnaires
from kzai.i18n import LANGUAGE_CODES
from legal.fixture_files import langs, read_json
from legal.models import Act, DutyHolder, Obligation, ProhibitedPractice, Provision
from legal.versions import versions_in_force

FORMAT = 1
DEFAULT_DIR = Path(settings.BASE_DIR) / "fixtures" / "questionnaires"


class QuestionnaireError(Exception):
    """A definition cannot be loaded; nothing was changed."""


def read_definitions(paths: list[Path]) -> list[tuple[Path, dict]]:
    return [(Path(path), read_json(path, "questionnaire", QuestionnaireError, FORMAT)) for path in paths]


def definition_files(directory: Path = DEFAULT_DIR) -> list[Path]:
    return sorted(Path(directory).glob("*.json"))


def text(value) -> dict[str, str]:
    """{"ru": "…" or ["line", …]} → {"ru": "…"}: long Markdown may be written as a list of lines."""
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - set(LANGUAGE_CODES):
        raise QuestionnaireError(f"expected {{ru, kk, en}} texts, got {value!r:.80}")
    return {lang: "\n".join(part) if isinstance(part, list) else part for lang, part in value.items()}


def source_hash(data: dict) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Loader:
    def __init__(self, data: dict, where: str, progress: Callable[[str], None]):
        self.data = data
        self.where = where
        self.progress = progress
        self.counts: Counter = Counter()

    def fail(self, message: str):
        raise QuestionnaireError(f"{self.where}: {message}")

    def run(self) -> Counter:
        data = self.data
        slug, version = data["slug"], data["version"]
        digest = source_hash(data)
        status = data.get("status", QuestionnaireStatus.DRAFT)
        if status not in QuestionnaireStatus.values:
            self.fail(f"status must be draft or published, not {status!r}")
        existing = Questionnaire.objects.filter(slug=slug, version=version).first()
        if existing and existing.source_hash == digest:
            if status == QuestionnaireStatus.PUBLISHED and not existing.is_published:
                self.publish(existing)
            return self.counts
        if existing and existing.is_published:
            self.fail(
                f"{slug} v{version} is published and its definition changed: "
                f'publish the change as a new version ("version": {version + 1})'
            )
        if existing:
            existing.sections.all().delete()  # cascades to questions and options
            existing.rules.all().delete()
        questionnaire = existing or Questionnaire(slug=slug, version=version)
        questionnaire.as_of = iso_date(data["as_of"], "as_of", self)
        questionnaire.context_act = self.act(data.get("context_act"), "questionnaire")
        questionnaire.roles_question = data.get("roles_question", "")
        questionnaire.source_hash = digest
        for field, values in {
            **langs("title", text(data["title"])),
            **langs("description", text(data.get("description"))),
        }.items():
            setattr(questionnaire, field, values)
        self.save(questionnaire, "questionnaire")
        self.counts["questionnaires updated" if existing else "questionnaires created"] += 1
        self.in_force = versions_in_force(questionnaire.as_of)

        for section_order, section_data in enumerate(data["sections"]):
            where = f"section {section_data['code']!r}"
            section = self.save(
                Section(
                    questionnaire=questionnaire,
                    code=section_data["code"],
                    order=section_order,
                    context_act=self.act(section_data.get("context_act"), where),
                    **langs("title", text(section_data["title"])),
                    **langs("intro", text(section_data.get("intro"))),
                ),
                where,
            )
            for order, question_data in enumerate(section_data["questions"]):
                self.load_question(questionnaire, section, order, question_data)
        for order, rule_data in enumerate(data["rules"]):
            self.load_rule(questionnaire, order, rule_data)

        problems = questionnaires.problems(questionnaire)
        if problems:
            self.fail("\n  " + "\n  ".join(problems))
        if status == QuestionnaireStatus.PUBLISHED:
            self.publish(questionnaire)
        self.progress(
            f"  {slug} v{version}: {questionnaire.questions.count()} questions, "
            f"{questionnaire.rules.count()} rules"
        )
        return self.counts

    def publish(self, questionnaire: Questionnaire) -> None:
        try:
            questionnaires.publish(questionnaire)
        except ValidationError as exc:
            self.fail("; ".join(exc.messages))
        self.counts["questionnaires published"] += 1

    def load_question(self, questionnaire, section, order: int, data: dict) -> None:
        code = data["code"]
        question = self.save(
            Question(
                questionnaire=questionnaire,
                section=section,
                code=code,
                kind=data["kind"],
                order=order,
                required=data.get("required", True),
                visible_if=data.get("visible_if"),
                **langs("text", text(data["text"])),
                **langs("help", text(data.get("help"))),
            ),
            f"question {code!r}",
            clean=False,
        )  # visible_if is checked once all questions exist
        for option_order, option in enumerate(data.get("options", [])):
            self.save(
                Option(
                    question=question,
                    code=option["code"],
                    order=option_order,
                    **langs("label", text(option["label"])),
                ),
                f"question {code!r}, option {option.get('code')!r}",
            )
        question.provisions.set(self.provisions(data.get("provisions", []), f"question {code!r}"))

    def load_rule(self, questionnaire, order: int, data: dict) -> None:
        code = data["code"]
        where = f"rule {code!r}"
        rule = self.save(
            Rule(
                questionnaire=questionnaire,
                code=code,
                kind=data.get("kind", "finding"),
                order=order,
                condition=data.get("condition"),
                severity=data.get("severity", ""),
                outcome=data.get("outcome", ""),
                priority=data.get("priority", 0),
                context_act=self.act(data.get("context_act"), where),
                **langs("title", text(data["title"])),
                **langs("explanation", text(data.get("explanation"))),
                **langs("actions", text(data.get("actions"))),
            ),
            where,
        )
        rule.provisions.set(self.provisions(data.get("provisions", []), where))
        rule.obligations.set(self.by_slug(Obligation, data.get("obligations", []), where, "obligation"))
        rule.practices.set(self.by_slug(ProhibitedPractice, data.get("practices", []), where, "practice"))
        rule.duty_holders.set(self.duty_holders(data.get("duty_holders", []), where))

    def provisions(self, refs: list[str], where: str) -> list[Provision]:
        """ "act/eid" → the unit of that act's version in force on the questionnaire's date."""
        found = []
        for ref in refs:
            act_slug, _, eid = ref.partition("/")
            version = next((v for v in self.in_force.values() if v.act.slug == act_slug), None)
            if version is None:
                self.fail(f"{where}: {ref}: no act {act_slug!r} in force on the questionnaire's date")
            provision = Provision.objects.filter(version=version, eid=eid).first()
            if provision is None:
                self.fail(
                    f"{where}: no provision {eid!r} in {act_slug}@{version.code} "
                    f"(the version in force on the questionnaire's date)"
                )
            found.append(provision)
        return found

    def act(self, slug: str | None, where: str) -> Act | None:
        """`context_act`: the act that references naming none in these texts belong to."""
        if not slug:
            return None
        act = Act.objects.filter(slug=slug).first()
        if act is None:
            self.fail(f"{where}: context_act: no act {slug!r} in the knowledge base")
        return act

    def by_slug(self, model, slugs: list[str], where: str, label: str):
        rows = {row.slug: row for row in model.objects.filter(slug__in=slugs)}
        for slug in slugs:
            if slug not in rows:
                self.fail(f"{where}: no {label} {slug!r} in the knowledge base")
        return [rows[slug] for slug in slugs]

    def duty_holders(self, codes: list[str], where: str) -> list[DutyHolder]:
        rows = {row.code: row for row in DutyHolder.objects.filter(code__in=codes)}
        for code in codes:
            if code not in rows:
                self.fail(f"{where}: no duty holder {code!r} in the knowledge base")
        return [rows[code] for code in codes]

    def save(self, obj, where: str, clean: bool = True):
        try:
            if clean:
                obj.full_clean()
            else:
                obj.clean_fields()
                obj.validate_unique()
                obj.validate_constraints()
        except ValidationError as exc:
            details = "; ".join(
                _field_message(field, messages) for field, messages in exc.message_dict.items()
            )
            self.fail(f"{where}: {details}")
        obj.save()
        return obj


def _field_message(field: str, messages: list[str]) -> str:
    text = " ".join(messages)
    return text if text.startswith(field) else f"{field}: {text}"


def iso_date(value, field: str, loader: Loader) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        loader.fail(f"{field}: expected a date YYYY-MM-DD, got {value!r}")


def load_questionnaires(
    definitions: list[tuple[Path, dict]], progress: Callable[[str], None] | None = None
) -> Counter:
    """Apply all `definitions` in one transaction; returns counts of what changed."""
    counts: Counter = Counter()
    progress = progress or (lambda message: None)
    with transaction.atomic():
        for path, data in definitions:
            try:
                counts += Loader(data, path.name, progress).run()
            except (KeyError, TypeError) as exc:
                raise QuestionnaireError(f"{path.name}: malformed definition: {exc!r}") from exc
    return counts
