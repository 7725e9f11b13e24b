"""The import of one official text into the knowledge base, in one transaction: the
whole version or nothing. A dry run runs the same code and rolls it back."""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from legal import freshness
from legal.models import ActVersion, OfficialDocument, Provision, Term
from legal.official.types import Document
from legal.search import indexer

from . import rows
from .attach import Source, attach
from .checks import check, source_url
from .editions import new_edition, target_version
from .links import link_references
from .types import ATTACHED, NEW_EDITION, UNCHANGED, ImportOptions, ImportRefused, ImportResult

Progress = Callable[[str, int, int], None]


class _RollBack(Exception):
    def __init__(self, result: ImportResult):
        self.result = result


def import_official_text(
    act, document: Document, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportResult:
    """Import `document` (read by legal.official) as the official text of `act`. Raises
    ImportRefused, having written nothing, when the text cannot be imported."""
    options = options or ImportOptions()
    progress = progress or (lambda stage, done, total: None)
    problems = check(act, document, options)
    if problems:
        raise ImportRefused(problems)
    try:
        with transaction.atomic(), indexer.paused():
            result = _Import(act, document, options, progress).run()
            if options.dry_run:
                raise _RollBack(result)
            transaction.on_commit(freshness.invalidate)
    except _RollBack as rolled_back:
        result = rolled_back.result
    finally:
        # The caches may hold what was built from rows inside the transaction.
        freshness.invalidate()
    return result


class _Import:
    def __init__(self, act, document: Document, options: ImportOptions, progress: Progress):
        self.act, self.document, self.options, self.progress = act, document, options, progress
        self.language = document.language
        self.url = source_url(act, document, options)

    def run(self) -> ImportResult:
        version = target_version(self.act, self.document, self.options, self.url)
        checksum = rows.checksum(self.document.text)
        before = OfficialDocument.objects.filter(version=version, language=self.language).first()
        result = ImportResult(
            outcome=ATTACHED,
            version_code=version.code,
            language=self.language,
            counts=self.document.counts(),
            problems=list(self.document.warnings),
            dry_run=self.options.dry_run,
        )
        if before is not None and before.checksum == checksum:
            result.outcome = UNCHANGED
            return result
        summaries_of = version
        old = {}
        if before is not None:
            old = dict(before.texts.values_list("provision__eid", "checksum"))
            version = new_edition(version, self.document, self.options, self.url)
            result.outcome, result.version_code = NEW_EDITION, version.code
        self.progress("attach", 0, 1)
        attached = attach(version, self.document, self._source())
        self.progress("attach", 1, 1)
        result.created, result.attached, result.missing = (
            attached.created,
            attached.attached,
            attached.missing,
        )
        result.problems += attached.problems
        result.changed = [eid for eid, sha in attached.checksums.items() if eid in old and old[eid] != sha]
        result.outdated = self._mark_outdated(version, summaries_of, result.changed)
        freshness.invalidate()  # the citation catalogue must see the new units
        texts = {unit.eid: f"{unit.text}\n{unit.wrap_up}" for unit in self.document.walk()}
        result.links = link_references(version, self.language, texts, self._as_of(version), self.progress)
        self._index(version)
        attached.document.report = _report(result)
        attached.document.save(update_fields=["report"])
        return result

    def _source(self) -> Source:
        return Source(self.url, self.options.date, timezone.now(), self.options.filename)

    def _as_of(self, version: ActVersion) -> datetime.date:
        return version.consolidated_as_of or version.in_force_from or version.date or timezone.localdate()

    def _mark_outdated(self, version, summaries_of: ActVersion, changed: list[str]) -> list[str]:
        """Our summary may be out of date where the official wording changed since, or an
        amendment came after the text the summary was checked against."""
        written_on = summaries_of.consolidated_as_of or summaries_of.date
        suspects = set(changed)
        if written_on:
            for unit in self.document.walk():
                if any(_after(a, written_on) for a in unit.amendments):
                    suspects.add(unit.eid)
        provisions = Provision.objects.filter(version=version, eid__in=suspects)
        outdated = [p for p in provisions if any((p.summary_ru, p.summary_kk, p.summary_en))]
        marking = [p for p in outdated if not p.summary_outdated]
        for provision in marking:
            provision.summary_outdated = True
        rows.update(Provision, marking, ["summary_outdated"])
        return sorted(p.eid for p in outdated)

    def _index(self, version: ActVersion) -> None:
        ids = list(Provision.objects.filter(version=version).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), indexer.BATCH):
            indexer.index_provisions(ids[start : start + indexer.BATCH])
            self.progress("index", min(start + indexer.BATCH, len(ids)), len(ids))
        indexer.index_terms(
            list(Term.objects.filter(provision__version=version).values_list("pk", flat=True))
        )


def _after(amendment, day: datetime.date) -> bool:
    return any(d and d > day for d in (amendment.law_date, amendment.effective_from))


def _report(result: ImportResult) -> dict:
    return result.as_report()
