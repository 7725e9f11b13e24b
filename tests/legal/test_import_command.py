"""manage.py import_act: the report, the confirmation of a new act, exit codes, and that
a refused import writes nothing. Files are the reader's samples (invented test data)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from legal.management.commands.import_act import Command
from legal.models import Act, OfficialDocument, Provision
from tests.legal.adilet_samples import LAW_RU

pytestmark = pytest.mark.django_db
SOURCE = "https://adilet.zan.kz/rus/docs/Z2500000901"


@pytest.fixture
def law(tmp_path):
    path = tmp_path / "law-ru.txt"
    path.write_text(LAW_RU, encoding="utf-8")
    return path


def run(*args, stdin_tty=False):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_act", *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def test_a_missing_file_exits_with_1(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "import_act", str(tmp_path / "none.txt"), "--act", "t-x"])
    assert exited.value.code == 1
    assert "Cannot read" in capsys.readouterr().err


def test_a_new_act_is_created_when_confirmed(law):
    output = run(law, "--act", "t-samples", "--source", SOURCE, "--yes")

    assert "No act «t-samples»" in output and "number: 901-VIII" in output
    assert "t-samples, version 2025-03-05, ru: attached (written)" in output
    assert "Units: " in output and "article " in output
    act = Act.objects.get(slug="t-samples")
    assert act.number == "901-VIII" and act.official_urls == {"ru": SOURCE}
    assert Provision.objects.filter(version__act=act, eid="art_1").exists()

    again = run(law, "--act", "t-samples")
    assert ": unchanged (nothing to write)" in again
    assert OfficialDocument.objects.count() == 1


def test_a_new_act_unconfirmed_without_a_terminal_writes_nothing(law, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())
    with pytest.raises(CommandError, match="--yes"):
        run(law, "--act", "t-samples", "--source", SOURCE)
    assert not Act.objects.exists()


def test_dry_run_writes_nothing(law):
    output = run(law, "--act", "t-samples", "--source", SOURCE, "--yes", "--dry-run")

    assert "attached (dry run, nothing written)" in output
    assert not Act.objects.exists() and not Provision.objects.exists()


def test_bad_input_is_an_error_and_writes_nothing(tmp_path, law):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="nothing written"):
        run(empty, "--act", "t-samples", "--yes", "--source", SOURCE)
    with pytest.raises(CommandError, match="Язык текста"):
        run(law, "--act", "t-samples", "--yes", "--source", SOURCE, "--lang", "kk")
    assert not Act.objects.exists()
