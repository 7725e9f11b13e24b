"""Citation check: every citation in a memo, a brief or an AI answer, with a verdict on a date.

Built on the citation engine's public face (`legal.citations.extract_citations`) and on
`legal.versions`' rule for the version in force. The engine picks, per act, the version in
force on the date (else the latest adopted one); this module says what that means for the
reader: in force, not yet in force, repealed, no such provision, not verifiable … and adds
what the engine does not know: the provision's title and unofficial summary, and whether
the title quoted in the reference matches it.

"Excluded" provisions: the models have no unit-level status yet (an article excluded by an
amendment is simply absent from the consolidated text, or described in `status_note`), so
a unit is only ever repealed with its whole version. The import of official texts will add
that status; `Verdict.REPEALED` is where it will land.

Bounded: at most `limit` citations (250) are checked (`truncated` says when more were
found), the text is at most 100 KB, and the provisions are read in two queries whatever
their number (the versions, then the provisions).
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext, gettext_lazy

from kzai.i18n import normalize_language, pick, values_of
from legal.citations import Citation, extract_citations
from legal.models import ActVersion, Provision

MAX_BYTES = 100 * 1024
MAX_CITATIONS = 250
MAX_UPLOAD_BYTES = 5 * MAX_BYTES
MAX_DOCX_UNPACKED = 20 * 1024 * 1024


class Verdict(models.TextChoices):
    """What a citation is worth on the date, most reassuring first (the report's order)."""

    IN_FORCE = "in_force", gettext_lazy("Действует на дату")
    NOT_YET_IN_FORCE = "not_yet_in_force", gettext_lazy("Ещё не вступило в силу")
    REPEALED = "repealed", gettext_lazy("Утратило силу")
    TITLE_MISMATCH = "title_mismatch", gettext_lazy("Заголовок не совпадает со статьёй")
    NO_SUCH_PROVISION = "no_such_provision", gettext_lazy("Такого положения в акте нет")
    NOT_HELD = "not_held", gettext_lazy("Положения нет в kzai: проверить нельзя")
    UNKNOWN_ACT = "unknown_act", gettext_lazy("Акта нет в kzai")
    MALFORMED = "malformed", gettext_lazy("Ссылка неполна или неоднозначна")


#: Verdicts a careful author has to look at (the page and the PDF mark them).
PROBLEMS = frozenset(
    {Verdict.NOT_YET_IN_FORCE, Verdict.REPEALED, Verdict.TITLE_MISMATCH, Verdict.NO_SUCH_PROVISION}
)


class InputError(ValueError):
    """The text or the file cannot be checked; the message says why. `status` is 400 or 413."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass
class CheckedCitation:
    citation: Citation
    verdict: str
    version: ActVersion | None = None  # the version the citation was read against
    provision: Provision | None = None  # None for a whole act or one not held
    quoted_title: str = ""  # the title quoted in the reference, "" when none

    @property
    def verdict_label(self) -> str:
        return str(Verdict(self.verdict).label)

    @property
    def is_problem(self) -> bool:
        return self.verdict in PROBLEMS

    @property
    def tone(self) -> str:
        """ok / problem / unverified / malformed: how the page and the PDF colour it."""
        if self.verdict == Verdict.IN_FORCE:
            return "ok"
        if self.is_problem:
            return "problem"
        return "malformed" if self.verdict == Verdict.MALFORMED else "unverified"

    @property
    def url(self) -> str | None:
        """kzai's page of the provision at the version read (held ones only)."""
        return self.citation.url if self.citation.in_kb else None

    @property
    def official_url(self) -> str | None:
        return self.citation.url if self.citation.resolved and not self.citation.in_kb else None

    def title(self, language: str) -> str:
        return str(pick(values_of(self.provision, "title"), language)) if self.provision else ""

    def summary(self, language: str) -> str:
        return str(pick(values_of(self.provision, "summary"), language)) if self.provision else ""


@dataclass
class CheckResult:
    as_of: datetime.date
    language: str
    citations: list[CheckedCitation]
    found: int  # citations found in the text, before the limit
    truncated: bool
    counts: dict[str, int] = field(default_factory=dict)  # verdict → number, every verdict

    @property
    def problems(self) -> int:
        return sum(self.counts[v] for v in PROBLEMS)

    def count_rows(self) -> list[tuple[str, str, int]]:
        """(code, label, count) for every verdict, in the report's order."""
        return [(v.value, str(v.label), self.counts[v.value]) for v in Verdict]


def check_text(text: str, as_of: datetime.date, *, language: str, limit: int = MAX_CITATIONS) -> CheckResult:
    """Every citation of `text` (at most `limit`) with its verdict on `as_of`."""
    if len(text.encode()) > MAX_BYTES:
        raise InputError(too_large_message(), status=413)
    language = normalize_language(language)
    found = extract_citations(text, as_of=as_of)
    kept = found[:limit]
    versions, provisions = _load(kept)
    checked = []
    for citation in kept:
        version = versions.get((citation.act, citation.version))
        provision = provisions.get((citation.act, citation.version, citation.eid))
        quoted = getattr(citation, "title", "") or ""
        checked.append(
            CheckedCitation(
                citation, _verdict(citation, version, provision, quoted, as_of), version, provision, quoted
            )
        )
    tally = Counter(c.verdict for c in checked)
    return CheckResult(
        as_of=as_of,
        language=language,
        citations=checked,
        found=len(found),
        truncated=len(found) > limit,
        counts={v.value: tally.get(v.value, 0) for v in Verdict},
    )


def _load(citations: list[Citation]) -> tuple[dict, dict]:
    """The versions and the held provisions the citations name: two queries at most."""
    pairs = {(c.act, c.version) for c in citations if c.in_kb and c.act and c.version}
    if not pairs:
        return {}, {}
    slugs = {slug for slug, _code in pairs}
    codes = {code for _slug, code in pairs}
    versions = {
        (v.act.slug, v.code): v
        for v in ActVersion.objects.filter(act__slug__in=slugs, code__in=codes).select_related("act")
        if (v.act.slug, v.code) in pairs
    }
    eids = {c.eid for c in citations if c.in_kb and c.eid}
    provisions = {}
    if eids and versions:
        by_pk = {v.pk: key for key, v in versions.items()}
        rows = Provision.objects.filter(version__in=list(versions.values()), eid__in=eids)
        for provision in rows:
            slug, code = by_pk[provision.version_id]
            provision.version = versions[(slug, code)]
            provisions[(slug, code, provision.eid)] = provision
    return versions, provisions


def _verdict(citation: Citation, version, provision, quoted: str, as_of: datetime.date) -> str:
    code = citation.reason_code
    if code == "no_such_provision":
        return Verdict.NO_SUCH_PROVISION
    if code == "unknown_act":
        return Verdict.UNKNOWN_ACT
    if not citation.resolved:
        return Verdict.MALFORMED  # malformed, ambiguous act, no act named, no context
    if not citation.in_kb or version is None:
        return Verdict.NOT_HELD  # a partial act (codes): what we lack may exist
    if quoted and provision is not None and not title_matches(quoted, provision):
        return Verdict.TITLE_MISMATCH
    state = version.state_on(as_of)
    if state == "in_force":
        return Verdict.IN_FORCE
    if state in ("pending", "draft"):
        return Verdict.NOT_YET_IN_FORCE
    return Verdict.REPEALED


_QUOTES_RE = re.compile(r"[«»\"“”„‟‹›'’‘`]")
_SPACE_RE = re.compile(r"\s+")


def normalize_title(value: str) -> str:
    """Case, quotes, ё/е, dashes and whitespace do not make two titles different."""
    value = unicodedata.normalize("NFC", value).casefold().replace("ё", "е")
    value = _QUOTES_RE.sub("", value).replace("—", "-").replace("–", "-")
    return _SPACE_RE.sub(" ", value).strip(" .;:,")


def title_matches(quoted: str, provision: Provision) -> bool:
    """The quoted title is the provision's title in ru, kk or en (a provision with no title
    of its own cannot be contradicted)."""
    titles = [normalize_title(t) for t in values_of(provision, "title").values() if t]
    return not titles or normalize_title(quoted) in titles


def segments(text: str, result: CheckResult) -> list[tuple[str, CheckedCitation | None]]:
    """The text cut into plain runs and checked citations, for highlighting (a span that
    overlaps an earlier one, as the numbers of one range may, is shown once)."""
    out: list[tuple[str, CheckedCitation | None]] = []
    done = 0
    for checked in sorted(result.citations, key=lambda c: c.citation.start):
        start, end = checked.citation.start, checked.citation.end
        if start < done:
            continue
        if start > done:
            out.append((text[done:start], None))
        out.append((text[start:end], checked))
        done = end
    if done < len(text):
        out.append((text[done:], None))
    return out


# ---------------------------------------------------------------------------- input


def too_large_message() -> str:
    return gettext("Текст больше 100 КБ: разделите его на части.")


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded .txt (UTF-8) or .docx; InputError for anything else."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(gettext("Файл слишком большой: не больше 500 КБ."), status=413)
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "docx":
        text = _docx_text(data)
    elif suffix == "txt":
        text = _utf8_text(data)
    else:
        raise InputError(gettext("Загрузите файл .txt (UTF-8) или .docx."))
    if len(text.encode()) > MAX_BYTES:
        raise InputError(too_large_message(), status=413)
    return text


def _utf8_text(data: bytes) -> str:
    if b"\x00" in data:
        raise InputError(gettext("Файл не текстовый: загрузите .txt в кодировке UTF-8 или .docx."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            gettext("Файл не в кодировке UTF-8: сохраните его как UTF-8 и загрузите снова.")
        ) from None


def _docx_text(data: bytes) -> str:
    """The paragraphs and table cells of a .docx, one a line."""
    import docx  # python-docx: only this reader needs it

    broken = gettext("Файл .docx повреждён или не является документом Word.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputError(broken) from None
    if unpacked > MAX_DOCX_UNPACKED:  # a zip bomb
        raise InputError(gettext("Файл .docx слишком большой."), status=413)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # a broken part: the library's errors vary (KeyError, lxml …)
        raise InputError(broken) from error
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)
