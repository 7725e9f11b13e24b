"""The standard citation of a provision, as a lawyer writes it in a brief.

    п. 2 ст. 21 Закона Республики Казахстан от 17 ноября 2025 года № 230-VIII «Об искусственном интеллекте»
    ч. 2 ст. 190 Уголовного кодекса Республики Казахстан от 3 июля 2014 года № 226-V
    Article 21(2) of the Law of the Republic of Kazakhstan No. 230-VIII of 17 November 2025 “On …”
    Қазақстан Республикасының 2025 жылғы 17 қарашадағы № 230-VIII «…» Заңының 21-бабының 2-тармағы

Units are named by the act's `numbering`: in the Criminal and Administrative Codes the «1.»
unit of an article is a part («часть», «бөлік») and the «1)» unit a point («пункт»); in
laws and the Civil Code they are «пункт» and «подпункт». The act's own designation
(genitive, with date and number) is data on the Act (`citation_name`), built from the
research data by scripts/build_kb_fixtures.py.
"""

from __future__ import annotations

from kzai.i18n import normalize_language, pick, values_of

# How each unit type is written, for acts numbered in parts ("code") and in paragraphs
# ("law"): Russian abbreviations;
# Kazakh (genitive when another unit follows, possessive for the last one).
RU_UNITS = {
    "law": {
        "part": "ч. {}",
        "section": "разд. {}",
        "chapter": "гл. {}",
        "paragraph": "§ {}",
        "article": "ст. {}",
        "para": "п. {}",
        "subpara": "пп. {})",
        "def": "пп. {})",
    },
    "code": {
        "part": "ч. {}",
        "section": "разд. {}",
        "chapter": "гл. {}",
        "paragraph": "§ {}",
        "article": "ст. {}",
        "para": "ч. {}",
        "subpara": "п. {})",
        "def": "п. {})",
    },
}
KK_UNITS = {
    "law": {
        "part": ("{}-бөлігінің", "{}-бөлігі"),
        "section": ("{}-бөлімінің", "{}-бөлімі"),
        "chapter": ("{}-тарауының", "{}-тарауы"),
        "paragraph": ("{}-параграфының", "{}-параграфы"),
        "article": ("{}-бабының", "{}-бабы"),
        "para": ("{}-тармағының", "{}-тармағы"),
        "subpara": ("{}) тармақшасының", "{}) тармақшасы"),
        "def": ("{}) тармақшасының", "{}) тармақшасы"),
    },
    "code": {
        "part": ("{}-бөлігінің", "{}-бөлігі"),
        "section": ("{}-бөлімінің", "{}-бөлімі"),
        "chapter": ("{}-тарауының", "{}-тарауы"),
        "paragraph": ("{}-параграфының", "{}-параграфы"),
        "article": ("{}-бабының", "{}-бабы"),
        "para": ("{}-бөлігінің", "{}-бөлігі"),
        "subpara": ("{}) тармағының", "{}) тармағы"),
        "def": ("{}) тармағының", "{}) тармағы"),
    },
}
EN_CONTAINERS = {"part": "Part", "section": "Section", "chapter": "Chapter", "paragraph": "Paragraph"}

# A draft has no number or date of adoption: it is cited by title and by which draft it is.
DRAFT_NAMES = {
    "ru": "проекта Закона Республики Казахстан «{title}» ({label})",
    "kk": "«{title}» Қазақстан Республикасы Заңы жобасының ({label})",
    "en": "the draft Law of the Republic of Kazakhstan \u201c{title}\u201d ({label})",
}


def _grammar(act) -> str:
    return "code" if act.numbering == "parts" else "law"


def citation_chain(provision, ancestors) -> list:
    """The units a citation names, innermost first: from the provision up to its article
    (or up to the outermost unit when it is not inside an article)."""
    chain = [provision]
    if provision.type != "article":
        for ancestor in reversed(ancestors):
            chain.append(ancestor)
            if ancestor.type == "article":
                break
    return chain


def format_citation(provision, language: str | None = None, ancestors=None) -> str:
    """The citation of `provision` in `language` (ru, kk or en), or "" when a unit of it has
    no established number (a reconstructed draft unit): no number is ever made up.

    Pass `ancestors` (outermost first) when already loaded, to save the query.
    """
    lang = normalize_language(language)
    if ancestors is None:
        ancestors = provision.ancestors()
    chain = citation_chain(provision, ancestors)
    if any(not unit.num for unit in chain):
        return ""
    name = act_designation(provision.version, lang)
    if not name:
        return ""
    lang = name.lang  # a designation missing in this language: the whole citation in Russian
    grammar = _grammar(provision.version.act)
    if lang == "en":
        return f"{_english_units(chain)} of {name}"
    if lang == "kk":
        units = KK_UNITS[grammar]
        outer_to_inner = list(reversed(chain))
        words = [units[u.type][0].format(u.num) for u in outer_to_inner[:-1]]
        words.append(units[chain[0].type][1].format(chain[0].num))
        return f"{name} {' '.join(words)}"
    return " ".join(RU_UNITS[grammar][u.type].format(u.num) for u in chain) + f" {name}"


def act_designation(version, lang: str):
    """How the act stands after the units: the adopted act's citation name, or a draft's."""
    act = version.act
    if not version.is_draft:
        return pick(values_of(act, "citation_name"), lang)
    names = {}
    for code, template in DRAFT_NAMES.items():
        title, label = getattr(act, f"title_{code}"), pick(values_of(version, "label"), code)
        if title and label:
            names[code] = template.format(title=title, label=label)
    return pick(names, lang)


def _english_units(chain) -> str:
    """Article 17(3)(6); Chapter 4; Article 1(4) for a definition."""
    outer_to_inner = list(reversed(chain))
    head = outer_to_inner[0]
    if head.type in EN_CONTAINERS:
        words = [f"{EN_CONTAINERS[head.type]} {head.num}"]
        words += [f"({u.num})" for u in outer_to_inner[1:]]
        return "".join(words[:1]) + "".join(words[1:])
    if head.type == "article":
        return f"Article {head.num}" + "".join(f"({u.num})" for u in outer_to_inner[1:])
    return "".join(f"({u.num})" for u in outer_to_inner)
