"""manage.py import_act: import an official text (Adilet's .txt, saved .html or .docx) as
the official wording of a version of an act (docs/importing.md)."""

import datetime
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from legal.importing import (
    UNCHANGED,
    ImportOptions,
    ImportRefused,
    create_act,
    import_official_text,
    propose_act,
)
from legal.models import Act, VersionStatus
from legal.official.types import UnreadableFile

SHOWN = 30  # eids listed per group; the rest are counted


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = (
        "Import an official text exported from Adilet (.txt, .html, .docx) into a version of an act: "
        "one transaction, nothing written on any error; --dry-run shows the report only."
    )

    def add_base_argument(self, parser, *args, **kwargs):
        """--version is the target version here, not Django's version."""
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--act", required=True, help="the act's slug (a new act is proposed from the header)"
        )
        parser.add_argument("--version", dest="version_code", help="the target version's code")
        parser.add_argument("--lang", choices=["ru", "kk"], help="the text's language (checked)")
        parser.add_argument("--status", choices=VersionStatus.values, help="for a version the import creates")
        parser.add_argument("--date", type=_date, help="the text's date (YYYY-MM-DD)")
        parser.add_argument("--in-force-from", type=_date, help="a new edition's in-force date")
        parser.add_argument("--source", default="", help="the text's official URL")
        parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
        parser.add_argument(
            "--force", action="store_true", help="skip the check of the header against the act"
        )
        parser.add_argument("--yes", action="store_true", help="confirm creating a new act")

    def handle(self, *args, **opts):
        self.verbosity = opts["verbosity"]
        path = Path(opts["path"])
        document = self._read(path)
        options = ImportOptions(
            language=opts["lang"],
            version=opts["version_code"],
            status=opts["status"],
            date=opts["date"],
            in_force_from=opts["in_force_from"],
            source_url=opts["source"],
            filename=path.name,
            dry_run=opts["dry_run"],
            force=opts["force"],
        )
        try:
            with transaction.atomic():
                act = Act.objects.filter(slug=opts["act"]).first() or self._new_act(document, opts)
                result = import_official_text(act, document, options, self._progress)
                if options.dry_run:
                    transaction.set_rollback(True)
        except ImportRefused as refused:
            raise CommandError("Not imported, nothing written:\n" + str(refused)) from refused
        self._report(act, result)

    def _read(self, path: Path):
        """The document as read, its language detected (--lang is checked against it)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        from legal.official import read_official_text  # the reader (legal.official.parser)

        try:
            return read_official_text(data, path.name)
        except UnreadableFile as exc:
            raise CommandError(f"Not imported, nothing written: {exc}") from exc

    def _new_act(self, document, opts) -> Act:
        fields = {**propose_act(document), "slug": opts["act"]}
        if opts["source"]:
            fields["official_urls"] = {document.language: opts["source"]}
        self.stdout.write(f"No act «{opts['act']}» in the knowledge base. From the text's header:")
        for name, value in fields.items():
            self.stdout.write(f"  {name}: {value}")
        if not opts["yes"]:
            if not sys.stdin.isatty():
                raise CommandError("Not imported, nothing written: confirm creating the act with --yes.")
            if input("Create this act? [y/N] ").strip().lower() not in ("y", "yes", "д", "да"):
                raise CommandError("Not imported, nothing written: the act was not confirmed.")
        return create_act(fields)

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self.verbosity >= 1 and total >= 1000:
            self.stderr.write(f"{stage}: {done}/{total}")

    def _report(self, act, result) -> None:
        out = self.stdout.write
        if result.dry_run:
            written = "dry run, nothing written"
        else:
            written = "nothing to write" if result.outcome == UNCHANGED else "written"
        out(f"{act.slug}, version {result.version_code}, {result.language}: {result.outcome} ({written})")
        out("Units: " + ", ".join(f"{kind} {n}" for kind, n in sorted(result.counts.items())))
        for label, eids in (
            ("Created", result.created),
            ("Attached", result.attached),
            ("Changed", result.changed),
            ("Missing from the text (kept)", result.missing),
            ("Summaries marked out of date", result.outdated),
        ):
            if eids:
                more = f" … and {len(eids) - SHOWN} more" if len(eids) > SHOWN else ""
                out(f"{label} ({len(eids)}): {', '.join(eids[:SHOWN])}{more}")
        out(f"Links stored: {result.links}")
        if result.problems:
            out(f"Warnings ({len(result.problems)}):")
            for problem in result.problems:
                where = f"line {problem.line}: " if problem.line else ""
                out(f"  {where}{problem.message}")
