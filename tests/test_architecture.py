"""The architecture's rules hold (docs/architecture.md), and the checks that keep them would
catch a break: the import contracts (.importlinter, run by `make lint` in CI) and the size of
modules (scripts/check_module_size.py)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kzai", "legal", "compliance")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(no_cache=True, no_logo=True))"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def project_copy(tmp_path):
    """The three packages and the contracts, copied so a test can break them."""
    for package in PACKAGES:
        skip = shutil.ignore_patterns("locale", "__pycache__")
        shutil.copytree(ROOT / package, tmp_path / package, ignore=skip)
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("legal/planted.py", "import compliance.models\n", "legal is not allowed to import compliance"),
        ("kzai/planted.py", "import legal.models\n", "kzai is not allowed to import legal"),
        ("legal/models/planted.py", "import legal.views\n",
         "legal.models is not allowed to import legal.views"),
        ("compliance/models/planted.py", "from compliance.services import assessments\n",
         "compliance.models is not allowed to import compliance.services"),
    ],
)
def test_a_wrong_way_import_breaks_a_contract(project_copy, module, line, broken):
    (project_copy / module).write_text(line)
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert broken in " ".join(result.stdout.split())


def test_an_import_circle_breaks_a_contract(project_copy):
    (project_copy / "legal" / "planted_a.py").write_text("from legal import planted_b\n")
    (project_copy / "legal" / "planted_b.py").write_text("from legal import planted_a\n")
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert "No cycles are allowed in legal" in result.stdout


def test_no_module_is_over_the_size_limit():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_module_size
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert check_module_size.oversized(ROOT) == []
