"""A whole code, generated: 300 articles with parts and points, cross-references to its own
articles («частью 2 статьи 17 настоящего Кодекса»), to another act of the catalogue and to
an unknown one, and decoys (numbers, dates, gazette references, article headings). The
expected citations are known from the generation, so the pure engine (a catalogue in
memory, no database) is measured for precision and recall on a text of a code's size.

Precision and recall are asserted twice: on the citations alone, and with every decoy
counted (a heading or a gazette's «ст. 83» read as a citation lowers precision).
"""

import datetime
import random
from dataclasses import dataclass, field

import pytest

from legal.citations.catalogue import ActRecord, Catalogue, VersionRecord
from legal.citations.resolver import extract
from legal.versions import in_force_among

ARTICLES = 300
TODAY = datetime.date(2026, 6, 1)
CODE, LAW = "test-code", "ai-law"
CODE_EIDS = {
    eid
    for n in range(1, ARTICLES + 1)
    for eid in (
        f"art_{n}",
        *(f"art_{n}__para_{p}" for p in (1, 2, 3)),
        *(f"art_{n}__para_{p}__subpara_{k}" for p in (1, 2, 3) for k in (1, 2, 3)),
    )
}
LAW_EIDS = {eid for n in range(1, 31) for eid in (f"art_{n}", *(f"art_{n}__para_{p}" for p in (1, 2, 3)))}


def _catalogue() -> Catalogue:
    def version(pk, eids):
        day = datetime.date(2020, 1, 1)
        return VersionRecord(pk, "current", "in_force", day, day, None, set(eids), dict.fromkeys(eids, ""))

    acts = [
        ActRecord(CODE, "code", True, True, "1-viii", None, [version(1, CODE_EIDS)]),
        ActRecord(LAW, "law", False, True, "230-viii", None, [version(2, LAW_EIDS)]),
    ]
    names = [(CODE, "Испытательный кодекс"), (LAW, "Закон об ИИ"), (LAW, "Закон об искусственном интеллекте")]
    return Catalogue(acts, names, in_force=in_force_among)


@dataclass
class Generated:
    parts: list[str] = field(default_factory=list)
    size: int = 0
    expected: list[tuple[int, int, tuple]] = field(default_factory=list)  # (start, end, key)
    decoys: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, text: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return start, self.size

    def cite(self, text: str, *keys: tuple) -> None:
        start, end = self.add(text)
        self.expected += [(start, end, key) for key in keys]

    def decoy(self, kind: str, text: str) -> None:
        self.decoys.setdefault(kind, []).append(self.add(text))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _ok(act, eid):
    return (act, eid, True, "")


def _generate(seed: int = 14) -> Generated:
    rng = random.Random(seed)
    g = Generated()
    g.decoy("heading", "Глава 1. Общие положения\n\n")
    for n in range(1, ARTICLES + 1):
        g.decoy("heading", f"Статья {n}.")
        g.add(f" Порядок номер {n}\n\n")
        for part in (1, 2, 3):
            g.add(f"{part}. Лицо обязано соблюдать требования, ")
            m, k = rng.randint(1, ARTICLES), rng.randint(1, 30)
            choice = rng.randrange(7)
            if choice == 0:
                g.cite(f"частью 2 статьи {m} настоящего Кодекса", _ok(CODE, f"art_{m}__para_2"))
            elif choice == 1:
                eid = f"art_{m}__para_1__subpara_3"
                g.cite(f"пунктом 3) части 1 статьи {m} настоящего Кодекса", _ok(CODE, eid))
            elif choice == 2:
                g.cite(f"статьей {m} настоящего Кодекса", _ok(CODE, f"art_{m}"))
            elif choice == 3:
                g.cite(f"пунктом 2 статьи {k} Закона об ИИ", _ok(LAW, f"art_{k}__para_2"))
            elif choice == 4:
                m2 = m % ARTICLES + 1
                both = _ok(CODE, f"art_{m}"), _ok(CODE, f"art_{m2}")
                g.cite(f"статьями {m} и {m2} настоящего Кодекса", *both)
            elif choice == 5:
                g.cite(f"статьи {k} Закона о пчеловодстве", (None, None, False, "unknown_act"))
            else:
                g.cite(f"ч. 3 ст. {m} настоящего Кодекса", _ok(CODE, f"art_{m}__para_3"))
            g.add(", ")
            decoy = rng.randrange(4)
            if decoy == 0:
                g.decoy("number", f"в {rng.randint(2000, 2030)} году {rng.randint(2, 99)} человек")
            elif decoy == 1:
                g.decoy("date", f"от {rng.randint(1, 28)} ноября {rng.randint(2000, 2030)} года")
            elif decoy == 2:
                g.decoy("number", f"за {rng.randint(2, 9)} ч. до заседания")
            else:
                g.decoy("gazette", f"Ведомости Парламента РК, {rng.randint(1995, 2025)} г., № 13, ст. 83")
            g.add(";\n")
            if part == 2:
                for point in (1, 2, 3):
                    g.add(f"{point}) требование номер {point};\n")
        g.add("\n")
    return g


GENERATED = _generate()
FOUND = extract(_catalogue(), GENERATED.text, act=CODE, as_of=TODAY)


def _key(citation) -> tuple:
    return (citation.act, citation.eid, citation.in_kb, citation.reason_code)


def _inside(citation, spans) -> bool:
    return any(start <= citation.start and citation.end <= end for start, end in spans)


def _score(excluded_kinds=()) -> tuple[float, float]:
    """(precision, recall): a found citation counts when it lies in a reference put there
    with that reading; citations inside excluded decoys are left out of the count."""
    excluded = [span for kind in excluded_kinds for span in GENERATED.decoys[kind]]
    found = [c for c in FOUND if not _inside(c, excluded)]
    expected = list(GENERATED.expected)
    hits = 0
    for citation in found:
        for index, (start, end, key) in enumerate(expected):
            if start <= citation.start and citation.end <= end and key == _key(citation):
                hits += 1
                del expected[index]
                break
    return hits / len(found), hits / len(GENERATED.expected)


def test_the_text_is_a_code_of_realistic_size():
    assert len(GENERATED.expected) > 900
    assert len(GENERATED.text) > 100_000


def test_spans_are_the_text():
    assert all(GENERATED.text[c.start : c.end] == c.text for c in FOUND)


def test_precision_and_recall():
    """Measured at 1.000 / 1.000."""
    precision, recall = _score(excluded_kinds=("heading", "gazette"))
    assert precision >= 0.99
    assert recall >= 0.99


@pytest.mark.parametrize("kind", ["number", "date", "heading", "gazette"])
def test_decoys_are_not_citations(kind):
    assert not [c.text for c in FOUND if _inside(c, GENERATED.decoys[kind])]


def test_precision_and_recall_with_every_decoy_counted():
    precision, recall = _score(excluded_kinds=())
    assert precision >= 0.99
    assert recall >= 0.99
