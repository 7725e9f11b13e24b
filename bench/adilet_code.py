"""A generated code in the layout Adilet publishes, for the import benchmark (bench/import.py).

    python bench/adilet_code.py [--articles 1000] [--seed 15] > code.txt

TEST DATA, NOT LAW: the wording is random sentences of legal vocabulary, the title, numbers
(№ 990-VIII, 906-VIII, …) and dates are invented. Only the layout is Adilet's plain-text
export, with every construct the reader knows: header line, a footnote on the act,
ОБЩАЯ/ОСОБЕННАЯ ЧАСТЬ, «Раздел», «Глава», «Параграф», «Статья» (with
inserted numbers such as 73-1), parts «1.» and points «1)» with words after them,
unnumbered paragraphs, definitions in article 1, footnotes wrapped over several lines
(sometimes two laws), repealed articles and parts, «Примечание.» (law) and «Примечание
ИЗПИ!» (not law), and cross-references to earlier units («пунктом 2 статьи 15 настоящего
Кодекса», «подпунктом 3) пункта 1 статьи 20 …», «пунктом 1 настоящей статьи»).
Deterministic for a given seed. Pure Python: no Django.
"""

import argparse
import random
import sys

NOUNS = (
    "органа", "лица", "системы", "данных", "заявления", "решения", "порядка", "требований",
    "собственника", "владельца", "пользователя", "услуги", "сведений", "договора", "проверки",
    "разрешения", "уведомления", "документа", "реестра", "деятельности", "контроля",
)
VERBS = (
    "осуществляется", "устанавливается", "определяется", "обеспечивается", "допускается",
    "подлежит исполнению", "рассматривается", "утверждается", "публикуется", "прекращается",
)
ADJECTIVES = (
    "уполномоченного", "государственного", "местного", "исполнительного", "тестового",
    "соответствующего", "установленного", "письменного", "электронного", "обязательного",
)
TOPICS = (
    "Порядок", "Условия", "Требования к", "Права и обязанности", "Особенности", "Основания",
    "Сроки", "Ответственность за нарушение", "Контроль за соблюдением", "Содержание",
)
CHAPTER_WORDS = (
    "ОБЩИЕ ПОЛОЖЕНИЯ", "ПРАВОВОЕ ПОЛОЖЕНИЕ", "ПОРЯДОК ДЕЯТЕЛЬНОСТИ", "ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ",
    "КОНТРОЛЬ И НАДЗОР", "ОТВЕТСТВЕННОСТЬ", "ОТДЕЛЬНЫЕ ВИДЫ", "ПЕРЕХОДНЫЕ ПОЛОЖЕНИЯ",
)
AMENDING = (("01.02.2026", "906-VIII", "01.03.2026"), ("10.02.2026", "907-VIII", ""),
            ("15.04.2026", "912-VIII", "01.07.2026"))


class Writer:
    """Builds the text line by line; remembers each article's parts and points so that
    cross-references point at units that exist (always earlier ones)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.lines: list[str] = []
        self.parts: dict[str, list[int]] = {}  # article number → points in each part (0: none)

    def sentence(self, words: int = 12) -> str:
        rng = self.rng
        chunks = []
        while len(chunks) < words:
            chunks += [rng.choice(ADJECTIVES), rng.choice(NOUNS)]
            if rng.random() < 0.3:
                chunks.append(rng.choice(VERBS))
        return " ".join(chunks[:words])

    def reference(self, article: str) -> str:
        """A reference to an earlier unit, or to a part of the same article."""
        rng = self.rng
        numbered = [a for a, parts in self.parts.items() if parts and a != article]
        if not numbered or rng.random() < 0.15:
            return "" if not self.parts.get(article) else "пунктом 1 настоящей статьи"
        target = rng.choice(numbered[-200:])
        parts = self.parts[target]
        choice = rng.random()
        if choice < 0.3:
            return f"статьей {target} настоящего Кодекса"
        part = rng.randint(1, len(parts))
        if choice < 0.8 or not parts[part - 1]:
            return f"пунктом {part} статьи {target} настоящего Кодекса"
        point = rng.randint(1, parts[part - 1])
        return f"подпунктом {point}) пункта {part} статьи {target} настоящего Кодекса"

    def text(self, article: str, words: int) -> str:
        text = self.sentence(words).capitalize()
        reference = self.reference(article) if self.rng.random() < 0.6 else ""
        if reference:
            text += f", предусмотренных {reference}"
        return text

    def footnote(self, subject: str) -> None:
        """A footnote wrapped over three lines, with one or two amending laws."""
        laws = self.rng.sample(AMENDING, self.rng.choice((1, 2)))
        said = []
        for date, number, effective in laws:
            entry = f"от {date} № {number}"
            entry += f" (вводится в действие с {effective})" if effective else (
                " (вводится в действие по истечении десяти календарных дней после дня его первого"
                " официального опубликования)")
            said.append(entry)
        whom = "законами РК " if len(laws) > 1 else "Законом РК "
        words = f"Сноска. {subject} с изменениями, внесенными {whom}" + "; ".join(said) + "."
        cut1, cut2 = len(words) // 3, 2 * len(words) // 3
        cut1, cut2 = words.index(" ", cut1), words.index(" ", cut2)
        self.lines += [words[:cut1], words[cut1 + 1:cut2], words[cut2 + 1:]]

    def article(self, number: str, index: int) -> None:
        rng, out = self.rng, self.lines
        if index % 97 == 50:
            date, law, effective = AMENDING[0]
            out += [f"Статья {number}. Исключена Кодексом РК от {date} № {law}"
                    f" (вводится в действие с {effective}).", ""]
            self.parts[number] = []
            return
        out.append(f"Статья {number}. {rng.choice(TOPICS)} {rng.choice(NOUNS)} {rng.choice(NOUNS)}")
        out.append("")
        if index % 7 == 3:
            self.footnote(f"Статья {number}")
            out.append("")
        if index % 50 == 20:
            out += ["Примечание ИЗПИ!", f"Статья {number} предусмотрена в тестовой редакции.", ""]
        if index % 13 == 6:  # unnumbered paragraphs: «части»
            for _ in range(rng.randint(2, 3)):
                out.append(self.text(number, 20) + ".")
            self.parts[number] = []
        else:
            self.numbered_parts(number, index)
        if index % 10 == 4:
            out += ["Примечание.",
                    f"1. Для целей настоящей статьи {self.sentence(18)}.",
                    f"2. {self.sentence(14).capitalize()}."]
        out.append("")

    def numbered_parts(self, number: str, index: int) -> None:
        rng, out = self.rng, self.lines
        points_in = []
        self.parts[number] = []
        for part in range(1, rng.randint(4, 6) + 1):
            if index % 31 == 9 and part == 2:
                date, law, effective = AMENDING[0]
                out.append(f"2. Исключен Кодексом РК от {date} № {law} (вводится в действие с {effective}).")
                points_in.append(0)
                self.parts[number] = list(points_in)
                continue
            points = rng.choice((0, 3, 4, 5, 6))
            if points:
                out.append(f"{part}. {self.text(number, 8)}:")
                for point in range(1, points + 1):
                    end = ";" if point < points else ("," if part % 2 else ".")
                    out.append(f"{point}) {self.sentence(5)}{end}")
                if part % 2:
                    out.append(f"если иное не установлено {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}.")
            else:
                out.append(f"{part}. {self.text(number, 12)}.")
            points_in.append(points)
            self.parts[number] = list(points_in)
        if index % 23 == 11:
            self.footnote(f"Пункт {len(points_in)}")


def article_numbers(count: int) -> list[str]:
    """1, 2, …, with an inserted «N-1» after every 40th article: `count` in all."""
    numbers, n = [], 0
    while len(numbers) < count:
        n += 1
        numbers.append(str(n))
        if n % 40 == 33 and len(numbers) < count:
            numbers.append(f"{n}-1")
    return numbers


def generate_code(articles: int = 1000, seed: int = 15) -> str:
    """The whole text: about 3.5 KB of UTF-8 per article, ~18 units per article."""
    w = Writer(seed)
    w.lines += [
        "Тестовый кодекс Республики Казахстан о генерированных правоотношениях", "",
        "Кодекс Республики Казахстан от 3 июля 2024 года № 990-VIII ЗРК.", "",
    ]
    w.footnote("Кодекс")
    w.lines += ["", "Настоящий Кодекс регулирует генерированные правоотношения для проверки импорта.", ""]
    numbers = article_numbers(articles)
    per_chapter, chapters_per_section = 20, 5
    general = len(numbers) * 3 // 10
    chapter = section = 0
    for index, number in enumerate(numbers):
        if index == 0:
            w.lines += ["ОБЩАЯ ЧАСТЬ", ""]
        elif index == general:
            w.lines += ["ОСОБЕННАЯ ЧАСТЬ", ""]
        if index % per_chapter == 0:
            if chapter % chapters_per_section == 0:
                section += 1
                w.lines += [f"Раздел {section}. {w.rng.choice(CHAPTER_WORDS)}", ""]
            chapter += 1
            w.lines += [f"Глава {chapter}. {w.rng.choice(CHAPTER_WORDS)}", ""]
            if chapter == 2:
                w.lines += ["Примечание ИЗПИ!", "Глава 2 дополнена в тестовой редакции.", ""]
        if index % per_chapter in (0, per_chapter // 2) and chapter % 3 == 0:
            paragraph = 1 + (index % per_chapter > 0)
            w.lines += [f"Параграф {paragraph}. {w.rng.choice(TOPICS)} {w.rng.choice(NOUNS)}", ""]
        if index == 0:
            definitions(w)
        else:
            w.article(number, index)
    w.lines += ["Президент", "Республики Казахстан К. ТЕСТОВ", "",
                "Астана, Акорда, 3 июля 2024 года", "№ 990-VIII ЗРК", ""]
    return "\n".join(w.lines)


def definitions(w: Writer) -> None:
    w.lines += ["Статья 1. Основные понятия, используемые в настоящем Кодексе", "",
                "В настоящем Кодексе используются следующие основные понятия:"]
    for n in range(1, 31):
        end = ";" if n < 30 else "."
        w.lines.append(f"{n}) {w.rng.choice(NOUNS)} {n} – {w.sentence(14)}{end}")
    w.lines.append("")
    w.parts["1"] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    sys.stdout.write(generate_code(args.articles, args.seed))


if __name__ == "__main__":
    main()
