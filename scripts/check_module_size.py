"""Fail when a Python module of the project grows past the size a reader takes in at once.

`make lint` runs it. Migrations are generated and exempt; a module that must stay bigger
for now is listed in ALLOWED with the issue that splits it.
"""

import sys
from pathlib import Path

LIMIT = 400
PACKAGES = ("kzai", "legal", "compliance")
ALLOWED: dict[str, int] = {}


def oversized(root: Path) -> list[str]:
    problems = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if "/migrations/" in relative:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            limit = ALLOWED.get(relative, LIMIT)
            if lines > limit:
                problems.append(f"{relative}: {lines} lines (limit {limit}); split it by concept")
    return problems


def main() -> int:
    problems = oversized(Path(__file__).resolve().parent.parent)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
