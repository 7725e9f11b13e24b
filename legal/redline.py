"""A word-level redline of two texts (pure: no Django), like a lawyer's "track changes".

Words and punctuation marks are separate tokens, so «статьи 17» → «статьи 18.» marks just
«17» and «18» and «.»; whitespace is carried by the token before it and never counts as a
change. Short runs of common words between two changes («и», «в») are folded into the
change, so that two unrelated sentences read as one replacement rather than confetti.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

EQUAL, INSERT, DELETE = "equal", "insert", "delete"

# A word (with inner hyphens or apostrophes: «73-3», «бап-тың», «д'Арк») or one other mark,
# then the whitespace after it.
_TOKEN_RE = re.compile(r"(\w+(?:[-‑'’]\w+)*|[^\w\s])(\s*)")

# An unchanged run of at most this many short words («и», «в», «на», «,»), between two
# changes, is shown as part of the change.
_SHORT_EQUAL = 2
_SHORT_WORD = 3


@dataclass(frozen=True)
class Piece:
    """A run of text that is in both texts (equal), only in the new one or only in the old.
    An equal run's `text` has the new text's spacing, `old_text` the old one's."""

    op: str
    text: str
    old_text: str = ""

    @property
    def as_old(self) -> str:
        """The run as the old text has it (for the old column of a side-by-side view)."""
        return self.old_text if self.op == EQUAL else self.text


def tokens(text: str) -> list[tuple[str, str]]:
    """(token, whitespace after it) pairs: «п. 2» → [("п", ""), (".", " "), ("2", "")]."""
    return [(m.group(1), m.group(2)) for m in _TOKEN_RE.finditer(text or "")]


def same_words(old: str, new: str) -> bool:
    """Whether the texts differ at most in whitespace."""
    return [t for t, _ in tokens(old)] == [t for t, _ in tokens(new)]


def redline(old: str, new: str) -> list[Piece]:
    """The pieces that turn `old` into `new`, in order; equal runs keep the new spacing."""
    a, b = tokens(old), tokens(new)
    old_words = [t for t, _ in a]
    matcher = SequenceMatcher(None, old_words, [t for t, _ in b], autojunk=False)
    codes = _fold_short_equals(matcher.get_opcodes(), old_words)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == EQUAL:
            _add(pieces, EQUAL, b[j1:j2], a[i1:i2])
            continue
        _add(pieces, DELETE, a[i1:i2])
        _add(pieces, INSERT, b[j1:j2])
    return pieces


def inline(pieces: list[Piece]) -> list[Piece]:
    """The pieces for one column (deletions and insertions in place): a deletion after an
    equal run keeps the space the old text had before it («Манипуляции <del>(проект)</del>.»)."""
    result: list[Piece] = []
    for piece in pieces:
        previous = result[-1] if result else None
        if (
            piece.op == DELETE
            and previous is not None
            and previous.op == EQUAL
            and previous.as_old[-1:].isspace()
            and not previous.text[-1:].isspace()
        ):
            piece = Piece(DELETE, " " + piece.text)
        result.append(piece)
    return result


def _fold_short_equals(codes, words):
    """Merge a run of short words that sits between two changes into one replace."""
    result: list[tuple[str, int, int, int, int]] = []
    for index, code in enumerate(codes):
        tag, i1, i2, j1, j2 = code
        between_changes = 0 < index < len(codes) - 1
        if tag == EQUAL and between_changes and _is_filler(words[i1:i2]):
            tag = "replace"
        if result and tag != EQUAL and result[-1][0] != EQUAL:
            _, pi1, _, pj1, _ = result[-1]
            result[-1] = ("replace", pi1, i2, pj1, j2)
        else:
            result.append((tag, i1, i2, j1, j2))
    return result


def _is_filler(words: list[str]) -> bool:
    return len(words) <= _SHORT_EQUAL and all(len(word) <= _SHORT_WORD for word in words)


def _add(pieces: list[Piece], op: str, run: list[tuple[str, str]], old_run=()) -> None:
    if not run:
        return
    text = "".join(token + space for token, space in run)
    old_text = "".join(token + space for token, space in old_run)
    if pieces and pieces[-1].op == op:
        last = pieces[-1]
        pieces[-1] = Piece(op, last.text + text, last.old_text + old_text)
    else:
        pieces.append(Piece(op, text, old_text))


def counts(pieces: list[Piece]) -> tuple[int, int]:
    """(words inserted, words deleted): the size of a change, for a summary line."""
    inserted = sum(len(tokens(p.text)) for p in pieces if p.op == INSERT)
    deleted = sum(len(tokens(p.text)) for p in pieces if p.op == DELETE)
    return inserted, deleted
