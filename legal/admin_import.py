"""Import of an official text from the admin, for editors (staff who may change acts).

Two steps. Step 1 (upload): the file is read and the import is tried in a transaction
that is rolled back, so the report (counts, what would be created, attached, changed,
missing; warnings and errors with line numbers) is the real one; for a new act the
proposed slug, kind, number, date and titles from the header are shown, editable.
Step 2 (confirm): the same import, for real, in the request (one transaction: the whole
version or nothing). A background task with progress comes with the task queue; until
then the file is limited to MAX_UPLOAD_BYTES.

Between the steps the uploaded bytes wait in KZAI_VAR_DIR/imports/ under a random name;
the confirm form carries only a signed token (django.core.signing: the file's key and
SHA-256, the user, the act and the options) that expires after TOKEN_MAX_AGE. A forged,
expired or another user's token, or a file changed on disk, is refused; nothing the
browser sends names a path. Files are deleted after the confirm and swept when older
than TOKEN_MAX_AGE.
"""

import datetime
import hashlib
import secrets
import time
from dataclasses import asdict, replace
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legal.importing import ImportOptions, ImportRefused, create_act, import_official_text, propose_act
from legal.models import Act, VersionStatus
from legal.official import read_official_text
from legal.official.types import ERROR, Problem, UnreadableFile

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
TOKEN_MAX_AGE = 60 * 60  # seconds between the upload and the confirm
TOKEN_SALT = "legal.admin_import"
EXTENSIONS = (".txt", ".html", ".htm", ".docx")
PROPOSAL_FIELDS = (
    "slug",
    "kind",
    "number",
    "adopted",
    "title_ru",
    "title_kk",
    "citation_name_ru",
    "citation_name_kk",
)


class UploadForm(forms.Form):
    act = forms.ModelChoiceField(
        Act.objects.order_by("slug"),
        required=False,
        label=gettext_lazy("Акт"),
        empty_label=gettext_lazy("— новый акт (по заголовку текста) —"),
    )
    file = forms.FileField(
        label=gettext_lazy("Файл"),
        help_text=gettext_lazy(
            "Выгрузка с Әділет: текст (.txt), сохранённая страница (.html) или .docx; до 8 МБ."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Язык"),
        required=False,
        choices=[("", gettext_lazy("определить по тексту")), ("ru", "ru"), ("kk", "kk")],
    )
    version = forms.SlugField(label=gettext_lazy("Код редакции"), required=False, max_length=40)
    status = forms.ChoiceField(
        label=gettext_lazy("Статус новой редакции"),
        required=False,
        choices=[("", "—"), *VersionStatus.choices],
    )
    date = forms.DateField(label=gettext_lazy("Дата текста"), required=False)
    in_force_from = forms.DateField(label=gettext_lazy("Действует с"), required=False)
    source_url = forms.URLField(label=gettext_lazy("Источник"), required=False, assume_scheme="https")
    force = forms.BooleanField(label=gettext_lazy("Не сверять реквизиты акта"), required=False)
    dry_run = forms.BooleanField(
        label=gettext_lazy("Только проверить"),
        required=False,
        help_text=gettext_lazy("Показать отчёт, ничего не записывая."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Файл больше %(limit)d МБ. Такой текст импортируйте командой manage.py import_act.")
                % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Нужен файл .txt, .html или .docx."))
        return upload


class ProposalForm(forms.ModelForm):
    """A new act as its header names it; the editor corrects it before the import."""

    class Meta:
        model = Act
        fields = PROPOSAL_FIELDS


def _require_editor(request, adding: bool = False) -> None:
    user = request.user
    if not user.has_perm("legal.change_act") or (adding and not user.has_perm("legal.add_act")):
        raise PermissionDenied


# ----------------------------------------------------------- the waiting file


def _store() -> Path:
    folder = Path(settings.VAR_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep(folder: Path) -> None:
    limit = time.time() - TOKEN_MAX_AGE
    for stale in folder.glob("*.upload"):
        if stale.stat().st_mtime < limit:
            stale.unlink(missing_ok=True)


def _keep(data: bytes) -> str:
    folder = _store()
    _sweep(folder)
    key = secrets.token_hex(16)
    (folder / f"{key}.upload").write_bytes(data)
    return key


def _waiting(key: str) -> Path:
    if not key.isalnum():
        raise signing.BadSignature(key)
    return _store() / f"{key}.upload"


# ------------------------------------------------------------------ options


def _options(data: dict, filename: str) -> ImportOptions:
    def day(value):
        return datetime.date.fromisoformat(value) if isinstance(value, str) and value else value

    return ImportOptions(
        language=data.get("language") or None,
        version=data.get("version") or None,
        status=data.get("status") or None,
        date=day(data.get("date")),
        in_force_from=day(data.get("in_force_from")),
        source_url=data.get("source_url") or "",
        filename=filename,
        force=bool(data.get("force")),
    )


def _token(request, key: str, sha: str, act: Act | None, options: ImportOptions) -> str:
    said = {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in asdict(options).items()}
    return signing.dumps(
        {"key": key, "sha": sha, "user": request.user.pk, "act": act.pk if act else None, "options": said},
        salt=TOKEN_SALT,
    )


def _untoken(request, token: str) -> dict:
    payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    if payload["user"] != request.user.pk:
        raise signing.BadSignature("another user's upload")
    return payload


# -------------------------------------------------------------------- steps


def _trial(act: Act | None, fields: dict | None, document, options: ImportOptions):
    """The import as it would go, rolled back: for a new act the act is created too."""
    with transaction.atomic():
        target = act or create_act(fields)
        result = import_official_text(target, document, replace(options, dry_run=True))
        transaction.set_rollback(True)
    return result


def _page(model_admin, request, template: str, **context) -> TemplateResponse:
    context.update(
        model_admin.admin_site.each_context(request),
        opts=Act._meta,
        title=_("Импорт официального текста"),
        max_mb=MAX_UPLOAD_BYTES // (1024 * 1024),
    )
    return TemplateResponse(request, f"admin/legal/{template}", context)


def _report(model_admin, request, *, act, document, token, proposal, result=None, problems=(), dry_run=False):
    problems = list(problems) or (list(result.problems) if result else list(document.problems))
    errors = [p for p in problems if p.severity == ERROR]
    return _page(
        model_admin,
        request,
        "import_report.html",
        act=act,
        document=document,
        token=token,
        proposal=proposal,
        result=result,
        errors=errors,
        warnings=[p for p in problems if p.severity != ERROR],
        counts=sorted((result.counts if result else document.counts()).items()),
        can_confirm=not errors and not dry_run and (result is not None or proposal is not None),
        dry_run=dry_run,
    )


def upload_view(model_admin, request):
    """Step 1: read the file, try the import, show the report."""
    _require_editor(request)
    form = UploadForm(request.POST or None, request.FILES or None, initial={"act": request.GET.get("act")})
    if request.method != "POST" or not form.is_valid():
        return _page(model_admin, request, "import_upload.html", form=form)
    upload, act = form.cleaned_data["file"], form.cleaned_data["act"]
    if act is None:
        _require_editor(request, adding=True)
    data = upload.read()
    options = _options(form.cleaned_data, upload.name)
    try:
        document = read_official_text(data, upload.name)
    except UnreadableFile as unreadable:
        form.add_error("file", unreadable.problem.message)
        return _page(model_admin, request, "import_upload.html", form=form)
    dry_run = form.cleaned_data["dry_run"]
    token = "" if dry_run else _token(request, _keep(data), hashlib.sha256(data).hexdigest(), act, options)
    proposal = None
    if act is None and not document.errors:
        proposal = ProposalForm(data={**{f: "" for f in PROPOSAL_FIELDS}, **propose_act(document)})
    result, refused = None, ()
    if not document.errors and (act is not None or proposal.is_valid()):
        try:
            result = _trial(act, proposal.cleaned_data if proposal else None, document, options)
        except ImportRefused as refusal:
            refused = refusal.problems
    return _report(
        model_admin,
        request,
        act=act,
        document=document,
        token=token,
        proposal=proposal,
        result=result,
        problems=refused,
        dry_run=dry_run,
    )


def confirm_view(model_admin, request):
    """Step 2: the import itself, from the file kept at step 1."""
    _require_editor(request)
    if request.method != "POST":
        return HttpResponseRedirect(reverse("admin:legal_act_import"))
    try:
        payload = _untoken(request, request.POST.get("token", ""))
        waiting = _waiting(payload["key"])
        data = waiting.read_bytes()
    except (signing.BadSignature, OSError):
        messages.error(request, _("Загруженный файл не найден или срок ожидания истёк: загрузите его снова."))
        return HttpResponseRedirect(reverse("admin:legal_act_import"))
    if hashlib.sha256(data).hexdigest() != payload["sha"]:
        raise PermissionDenied
    act = get_object_or_404(Act, pk=payload["act"]) if payload["act"] else None
    if act is None:
        _require_editor(request, adding=True)
    options = _options(payload["options"], payload["options"]["filename"])
    document = read_official_text(data, options.filename)
    proposal = ProposalForm(request.POST) if act is None else None
    if proposal is not None and not proposal.is_valid():
        return _report(
            model_admin, request, act=act, document=document, token=request.POST["token"], proposal=proposal
        )
    try:
        with transaction.atomic():
            target = act or create_act(proposal.cleaned_data)
            result = import_official_text(target, document, options)
    except ImportRefused as refusal:
        waiting.unlink(missing_ok=True)
        return _report(
            model_admin,
            request,
            act=act,
            document=document,
            token="",
            proposal=None,
            problems=refusal.problems or [Problem(ERROR, "refused", str(refusal))],
        )
    waiting.unlink(missing_ok=True)
    messages.success(
        request,
        _(
            "Официальный текст импортирован: редакция %(version)s, язык %(language)s; создано %(created)d, "
            "привязано %(attached)d, изменено %(changed)d, ссылок %(links)d."
        )
        % {
            "version": result.version_code,
            "language": result.language,
            "created": len(result.created),
            "attached": len(result.attached),
            "changed": len(result.changed),
            "links": result.links,
        },
    )
    return HttpResponseRedirect(reverse("admin:legal_act_change", args=[target.pk]))


def urls(model_admin) -> list:
    """The admin URLs of the import, to be put before the Act admin's own."""
    site = model_admin.admin_site
    return [
        path("import/", site.admin_view(lambda r: upload_view(model_admin, r)), name="legal_act_import"),
        path(
            "import/confirm/",
            site.admin_view(lambda r: confirm_view(model_admin, r)),
            name="legal_act_import_confirm",
        ),
    ]
