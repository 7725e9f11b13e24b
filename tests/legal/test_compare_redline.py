"""The word-level redline (legal/redline.py): what a reader of "what changed" sees marked."""

from legal.redline import DELETE, EQUAL, INSERT, Piece, counts, inline, redline, same_words, tokens


def test_words_and_punctuation_are_separate_tokens():
    assert [t for t, _ in tokens("ст. 73-3, п. 2)")] == ["ст", ".", "73-3", ",", "п", ".", "2", ")"]


def test_a_changed_number_marks_only_the_number_and_the_punctuation():
    pieces = redline(
        "Согласно статьи 17 настоящего Закона.", "Согласно статьи 18 настоящего Закона, кроме п. 2."
    )
    assert pieces == [
        Piece(EQUAL, "Согласно статьи ", "Согласно статьи "),
        Piece(DELETE, "17 "),
        Piece(INSERT, "18 "),
        Piece(EQUAL, "настоящего Закона", "настоящего Закона"),
        Piece(DELETE, "."),
        Piece(INSERT, ", кроме п. 2."),
    ]


def test_the_pieces_rebuild_both_texts():
    old = "Собственник обязан маркировать синтетические результаты."
    new = "Собственник и владелец обязаны маркировать синтетические результаты в машиночитаемой форме."
    pieces = redline(old, new)
    assert "".join(p.text for p in pieces if p.op != DELETE) == new
    assert "".join(p.as_old for p in pieces if p.op != INSERT) == old


def test_short_common_words_between_changes_do_not_make_confetti():
    pieces = redline("Система ИИ и модель в сфере", "Платформа данных и сервис в облаке")
    assert [p.op for p in pieces] == [DELETE, INSERT]


def test_added_and_removed_text():
    assert redline("", "Новый пункт.") == [Piece(INSERT, "Новый пункт.")]
    assert redline("Исключённый пункт.", "") == [Piece(DELETE, "Исключённый пункт.")]
    assert redline("", "") == []


def test_whitespace_alone_is_no_change():
    assert same_words("один  два\nтри", "один два три")
    assert not same_words("один два", "один, два")
    assert redline("один  два", "один два") == [Piece(EQUAL, "один два", "один  два")]


def test_counts_words_inserted_and_deleted():
    assert counts(redline("а б в", "а г д в")) == (2, 1)


def test_inline_keeps_the_space_before_a_deletion():
    pieces = redline("Манипуляции (проект).", "Манипуляции.")
    assert "".join(p.text for p in pieces if p.op != "insert") == "Манипуляции(проект)."
    assert [(p.op, p.text) for p in inline(pieces)] == [
        (EQUAL, "Манипуляции"), (DELETE, " (проект)"), (EQUAL, "."),
    ]
