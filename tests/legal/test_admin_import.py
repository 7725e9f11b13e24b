"""Import of an official text from the admin: who may, the report, the confirm, bad files.

The sample texts are invented test data (tests/legal/adilet_samples.py)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from legal import admin_import
from legal.models import Act, OfficialDocument, OfficialText, Provision
from tests.legal import adilet_samples as samples
from tests.legal.factories import make_act, make_provision, make_version

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:legal_act_import")
CONFIRM = reverse("admin:legal_act_import_confirm")
SOURCE = "https://adilet.zan.kz/rus/docs/Z2500000901"


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


@pytest.fixture
def act():
    """The act of the samples, with one provision that has our summary."""
    act = make_act(
        "t-samples", number="901-VIII", adopted=datetime.date(2025, 3, 5), title_ru="О тестовых образцах"
    )
    version = make_version(act, "2025-03-05", in_force_from=datetime.date(2025, 3, 20))
    make_provision(version, "art_2", "article", "2", summary_ru="Наше изложение статьи 2.")
    return act


def upload(client, data: bytes, name="law.txt", act=None, **fields):
    form = {"file": SimpleUploadedFile(name, data), "source_url": SOURCE, **fields}
    if act is not None:
        form["act"] = act.pk
    return client.post(UPLOAD, form)


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def waiting(var_dir):
    return list((var_dir / "imports").glob("*.upload")) if (var_dir / "imports").exists() else []


def written() -> tuple[int, int, int]:
    return OfficialDocument.objects.count(), OfficialText.objects.count(), Provision.objects.count()


def test_the_act_admin_offers_the_import(admin_client, act):
    listing = admin_client.get(reverse("admin:legal_act_changelist")).content.decode()
    assert UPLOAD in listing and "Импортировать официальный текст" in listing
    page = admin_client.get(reverse("admin:legal_act_change", args=[act.pk])).content.decode()
    assert f"{UPLOAD}?act={act.pk}" in page
    form = admin_client.get(UPLOAD, {"act": act.pk})
    assert form.status_code == 200 and f'<option value="{act.pk}" selected>' in form.content.decode()


def test_only_editors_may_import(client, act):
    assert client.get(UPLOAD).status_code == 302  # anonymous: to the admin's login
    user = User.objects.create_user("reader", password="x")
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 302  # not staff
    assert upload(client, samples.LAW_RU.encode(), act=act).status_code == 302
    user.is_staff = True
    user.save()
    assert client.get(UPLOAD).status_code == 403  # staff without change_act
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="change_act"))
    assert client.get(UPLOAD).status_code == 200
    # adding a new act needs add_act too
    assert upload(client, samples.LAW_RU.encode()).status_code == 403
    assert written() == (0, 0, 1)


def test_dry_run_shows_the_report_and_writes_nothing(admin_client, act, var_dir):
    response = upload(admin_client, samples.LAW_RU.encode(), act=act, dry_run="on")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Проверка: ничего не записано." in body
    assert 'name="token"' not in body  # nothing to confirm
    assert re.search(r"<td>article</td><td>6</td>", body)
    assert written() == (0, 0, 1) and waiting(var_dir) == []


def test_upload_then_confirm_imports_and_keeps_our_summary(admin_client, act, var_dir):
    response = upload(admin_client, samples.LAW_RU.encode(), act=act)
    body = response.content.decode()
    assert response.status_code == 200 and "Проверьте отчёт и подтвердите импорт." in body
    assert written() == (0, 0, 1)  # step 1 wrote nothing …
    assert len(waiting(var_dir)) == 1  # … but keeps the file for step 2
    done = admin_client.post(CONFIRM, {"token": token_of(response)})
    assert done.status_code == 302 and done.url == reverse("admin:legal_act_change", args=[act.pk])
    document = OfficialDocument.objects.get()
    assert (document.version.act, document.language, document.format) == (act, "ru", "txt")
    assert document.source_url == SOURCE
    art_2 = Provision.objects.get(version__act=act, eid="art_2")
    assert art_2.summary_ru == "Наше изложение статьи 2."
    assert art_2.official_texts.get(language="ru").text.startswith("Целью настоящего Закона")
    assert waiting(var_dir) == []
    # the token is spent: a second confirm finds no file and writes nothing
    again = admin_client.post(CONFIRM, {"token": token_of(response)}, follow=True)
    assert "загрузите его снова" in again.content.decode()
    assert OfficialDocument.objects.count() == 1


def test_a_new_act_from_the_header_of_a_docx(admin_client, var_dir):
    response = upload(admin_client, samples.as_docx(samples.LAW_RU), name="law.docx")
    body = response.content.decode()
    assert response.status_code == 200 and "Новый акт по заголовку текста" in body
    assert 'value="901-VIII"' in body and "2025-03-05" in body
    assert Act.objects.count() == 0
    done = admin_client.post(CONFIRM, {
        "token": token_of(response), "slug": "t-obraztsy", "kind": "law", "number": "901-VIII",
        "adopted": "2025-03-05", "title_ru": "О тестовых образцах", "title_kk": "",
    })
    assert done.status_code == 302
    act = Act.objects.get()
    assert (act.slug, act.number, act.adopted) == ("t-obraztsy", "901-VIII", datetime.date(2025, 3, 5))
    assert OfficialDocument.objects.get().format == "docx"
    assert Provision.objects.filter(version__act=act, eid="art_3__para_1__subpara_2").exists()


@pytest.mark.parametrize("data, name, message", [
    (samples.cp1251_bytes(), "law.txt", "Windows-1251"),
    (b"", "law.txt", ""),
    (samples.LAW_RU.encode(), "law.pdf", "Нужен файл .txt, .html или .docx."),
    (b"PK\x03\x04 not a word file", "law.docx", ""),
])
def test_a_file_that_cannot_be_read_is_refused(admin_client, act, var_dir, data, name, message):
    response = upload(admin_client, data, name=name, act=act)
    body = response.content.decode()
    assert response.status_code == 200 and 'class="errorlist' in body
    assert message in body
    assert written() == (0, 0, 1) and waiting(var_dir) == []


def test_a_file_over_the_limit_is_refused(admin_client, act, monkeypatch):
    monkeypatch.setattr(admin_import, "MAX_UPLOAD_BYTES", 1024 * 1024)
    response = upload(admin_client, b"x" * (1024 * 1024 + 1), act=act)
    assert "Файл больше 1 МБ" in response.content.decode()
    assert written() == (0, 0, 1)


def test_errors_are_shown_with_line_numbers_and_nothing_is_imported(admin_client, act, var_dir):
    response = upload(admin_client, samples.DUPLICATED_ARTICLE_RU.encode(), act=act)
    body = response.content.decode()
    assert "Текст не импортирован: ничего не изменено." in body
    line = samples.line_of(samples.DUPLICATED_ARTICLE_RU, "Статья 2. Составление образцов")
    assert f"<td>{line}</td><td>ошибка</td>" in body
    assert 'name="token"' not in body
    assert written() == (0, 0, 1)


def test_another_acts_text_is_refused(admin_client, var_dir):
    other = make_act("t-other", number="777-VIII", adopted=datetime.date(2025, 1, 1))
    make_version(other, "2025-01-01")
    response = upload(admin_client, samples.LAW_RU.encode(), act=other)
    body = response.content.decode()
    assert "Текст не импортирован: ничего не изменено." in body and 'name="token"' not in body
    assert OfficialDocument.objects.count() == 0


def test_a_forged_or_another_editors_token_is_refused(admin_client, act, var_dir):
    token = token_of(upload(admin_client, samples.LAW_RU.encode(), act=act))
    forged = admin_client.post(CONFIRM, {"token": token[:-2] + "xx"}, follow=True)
    assert "загрузите его снова" in forged.content.decode()
    other = User.objects.create_superuser("other", password="x")
    admin_client.force_login(other)
    refused = admin_client.post(CONFIRM, {"token": token}, follow=True)
    assert "загрузите его снова" in refused.content.decode()
    assert OfficialDocument.objects.count() == 0


def test_a_language_the_text_is_not_in_is_refused(admin_client, act, var_dir):
    response = upload(admin_client, samples.LAW_RU.encode(), act=act, language="kk")
    body = response.content.decode()
    assert "Текст не импортирован: ничего не изменено." in body and 'name="token"' not in body
    assert written() == (0, 0, 1)
