"""A query string → a match expression (words, synonyms, stems) for either backend.

`parse(q, synonyms)` gives a `Match`: clauses joined by AND; a clause is a choice of
alternatives (the words typed, or a synonym's words); an alternative is words joined by
AND; a word matches any of its stems (`text.query_stems`). Both backends render the
same structure (`fts5()`, `tsquery()`), so they match the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import text


@dataclass(frozen=True)
class SynonymRule:
    words: tuple[str, ...]  # the term, as stems in its language
    language: str
    alternatives: tuple[tuple[str, ...], ...]  # each replacement, as lowercase words


@dataclass
class Clause:
    alternatives: list[tuple[str, ...]]  # each a tuple of words (AND)


@dataclass
class Match:
    clauses: list[Clause] = field(default_factory=list)

    def __bool__(self):
        return bool(self.clauses)

    def stems(self) -> set[str]:
        """Every stem the expression can match: for highlighting."""
        return {s for c in self.clauses for alt in c.alternatives for w in alt for s in text.query_stems(w)}

    def expansions(self) -> list[str]:
        """The synonyms used, «дипфейк» → [«синтетический», …], for telling the reader."""
        return [" ".join(alt) for c in self.clauses for alt in c.alternatives[1:]]

    def _render(self, quote, and_, or_) -> str:
        def word(w):
            stems = [quote(s) for s in text.query_stems(w)]
            return stems[0] if len(stems) == 1 else "(" + or_.join(stems) + ")"

        def alternative(alt):
            return alt and "(" + and_.join(word(w) for w in alt) + ")"

        return and_.join(
            "(" + or_.join(alternative(a) for a in c.alternatives if a) + ")" for c in self.clauses
        )

    def fts5(self) -> str:
        return self._render(lambda s: f'"{s}"', " AND ", " OR ")

    def tsquery(self) -> str:
        return self._render(lambda s: f"'{s}'", " & ", " | ")


def rules_from(synonyms) -> tuple[SynonymRule, ...]:
    """SynonymRule for each Synonym row (and, two-way, for each of its replacements)."""
    rules = []
    for synonym in synonyms:
        phrases = [synonym.term, *synonym.replacement_list]
        groups = [(phrases[0], phrases[1:])]
        if synonym.two_way:
            groups += [(p, [x for x in phrases if x != p]) for p in phrases[1:]]
        for term, others in groups:
            key = tuple(text.stem(w, synonym.language) for w in text.words(term))
            alts = tuple(tuple(w for w in text.words(o) if not text.is_stop(w)) for o in others)
            if key:
                rules.append(SynonymRule(key, synonym.language, tuple(a for a in alts if a)))
    # Longest terms first: «искусственный интеллект» before «интеллект».
    rules.sort(key=lambda r: -len(r.words))
    return tuple(rules)


def parse(q: str, rules: tuple[SynonymRule, ...] = ()) -> Match:
    typed = [w for w in text.words(q or "") if not text.is_stop(w)]
    clauses: list[Clause] = []
    i = 0
    while i < len(typed):
        for rule in rules:
            n = len(rule.words)
            window = typed[i : i + n]
            if len(window) == n and tuple(text.stem(w, rule.language) for w in window) == rule.words:
                alternatives = [tuple(window)]
                alternatives += [alt for alt in rule.alternatives if alt not in alternatives]
                clauses.append(Clause(alternatives))
                i += n
                break
        else:
            clauses.append(Clause([(typed[i],)]))
            i += 1
    return Match(clauses)
