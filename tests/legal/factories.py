"""Plain factory functions for law pages tests, and a small AI-law-shaped sample.

Slugs start with "t-": under `--real-kb` the test database also holds the real knowledge
base, whose acts are "ai-law", "admin-code" …"""

import datetime
from dataclasses import dataclass

import pytest

from legal import selectors
from legal.models import (
    Act,
    ActVersion,
    DutyHolder,
    FineSchedule,
    LinkKind,
    LinkOrigin,
    Obligation,
    ObligationProvision,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
    ProvisionLink,
    Synonym,
    Term,
    VersionNote,
)

D = datetime.date


def make_act(slug="t-ai-law", **fields) -> Act:
    defaults = {
        "kind": "law",
        "number": "230-VIII",
        "adopted": D(2025, 11, 17),
        "title_ru": "Об искусственном интеллекте",
        "title_en": "On Artificial Intelligence",
        "short_name_ru": "Закон об ИИ",
        "short_name_en": "AI Law",
        "citation_name_ru": (
            "Закона Республики Казахстан от 17 ноября 2025 года № 230-VIII «Об искусственном интеллекте»"
        ),
        "confidence": "verified",
        "sources": ["https://adilet.zan.kz/rus/docs/Z2500000230"],
    }
    defaults.update(fields)
    return Act.objects.create(slug=slug, **defaults)


def make_version(act, code="2025-11-17", status="in_force", **fields) -> ActVersion:
    defaults = {"label_ru": f"Редакция {code}", "label_en": f"Version {code}"}
    if status != "draft":
        defaults.update(date=act.adopted, in_force_from=D(2026, 1, 18))
    defaults.update(fields)
    return ActVersion.objects.create(act=act, code=code, status=status, **defaults)


def make_provision(version, eid, type, num="", parent=None, order=None, **fields) -> Provision:
    if order is None:
        order = Provision.objects.filter(version=version).count() + 1
    defaults = {"confidence": "verified", "sources": ["https://example.org/source"]}
    defaults.update(fields)
    return Provision.objects.create(
        version=version, eid=eid, type=type, num=num, parent=parent, order=order, **defaults
    )


def make_holder(code, name_ru, name_en="", order=0) -> DutyHolder:
    """Duty holders are shared vocabulary (the knowledge base may have loaded them)."""
    holder, _ = DutyHolder.objects.get_or_create(
        code=code, defaults={"name_ru": name_ru, "name_en": name_en, "order": order}
    )
    return holder


def make_synonym(term, *replacements, language="ru") -> Synonym:
    """Synonyms are shared vocabulary too (the knowledge base may have loaded the term)."""
    synonym, _ = Synonym.objects.update_or_create(
        language=language, term=term, defaults={"replacements": "\n".join(replacements)}
    )
    return synonym


def make_practice(slug, **fields) -> ProhibitedPractice:
    defaults = {
        "name_ru": slug,
        "description_ru": "Описание",
        "confidence": "verified",
        "sources": ["https://example.org/practice"],
    }
    defaults.update(fields)
    return ProhibitedPractice.objects.create(slug=slug, **defaults)


def make_obligation(slug, holders=(), **fields) -> Obligation:
    defaults = {
        "obligation_ru": "Обязанность " + slug,
        "confidence": "secondary",
        "sources": ["https://example.org/obligation"],
    }
    defaults.update(fields)
    obligation = Obligation.objects.create(slug=slug, **defaults)
    obligation.duty_holders.set(holders)
    return obligation


def cite(practice_or_obligation, provision, role, **fields):
    if isinstance(practice_or_obligation, ProhibitedPractice):
        return PracticeProvision.objects.create(
            practice=practice_or_obligation, provision=provision, role=role, **fields
        )
    return ObligationProvision.objects.create(
        obligation=practice_or_obligation, provision=provision, role=role, **fields
    )


def corresponds(source, target):
    return ProvisionLink.objects.create(
        source=source, target=target, kind=LinkKind.CORRESPONDS_TO, origin=LinkOrigin.EDITOR
    )


def make_fine_schedule(provision, amounts, repeat=None, **fields) -> FineSchedule:
    return FineSchedule.objects.create(provision=provision, amounts=amounts, repeat=repeat, **fields)


@dataclass
class Sample:
    ai_law: Act
    draft: ActVersion
    adopted: ActVersion
    admin_code: Act
    admin_current: ActVersion
    criminal_code: Act
    criminal_current: ActVersion
    p: dict  # "adopted:art_21__para_2" → Provision
    practice: ProhibitedPractice
    draft_only_practice: ProhibitedPractice
    obligation: Obligation
    owner: DutyHolder
    user: DutyHolder


def build_sample() -> Sample:
    """An AI law (draft Jan 2025 + adopted text), the Administrative Code's art. 641-1,
    a Criminal Code consolidated text, one practice, one draft-only practice, one duty."""
    owner = make_holder("owner", "собственник", "owner", order=1)
    user = make_holder("user", "пользователь", "user", order=2)

    ai = make_act(
        official_urls={"ru": "https://adilet.zan.kz/rus/docs/Z2500000230"},
        citation_name_en=(
            "the Law of the Republic of Kazakhstan No. 230-VIII of 17 November 2025"
            " “On Artificial Intelligence”"
        ),
    )
    draft = make_version(
        ai, "draft-2025-01", "draft", date=D(2025, 1, 1), date_precision="month",
        label_ru="Проект (январь 2025)", label_en="Draft (January 2025)",
        note_ru="Частичная реконструкция проекта.",
    )
    adopted = make_version(
        ai, "2025-11-17", "in_force", label_ru="Закон от 17.11.2025 № 230-VIII",
        label_en="Law of 17 Nov 2025 No. 230-VIII", sources=["https://kazpravda.kz/n/ai-law/"],
    )
    p = {}

    def add(version, key, eid, type, num="", parent=None, **fields):
        p[f"{key}:{eid}"] = make_provision(version, eid, type, num, parent=p.get(f"{key}:{parent}"), **fields)
        return p[f"{key}:{eid}"]

    add(adopted, "adopted", "chp_1", "chapter", "1", title_ru="ОБЩИЕ ПОЛОЖЕНИЯ",
        title_en="GENERAL PROVISIONS", title_kk="ЖАЛПЫ ЕРЕЖЕЛЕР")
    add(adopted, "adopted", "art_1", "article", "1", "chp_1", title_ru="Основные понятия",
        title_en="Basic concepts")
    add(adopted, "adopted", "art_1__def_4", "def", "4", "art_1",
        title_ru="синтетические результаты деятельности систем искусственного интеллекта",
        title_en="synthetic results of AI systems")
    add(adopted, "adopted", "chp_3", "chapter", "3", title_ru="ПРАВОВОЙ РЕЖИМ", title_en="LEGAL REGIME")
    add(adopted, "adopted", "art_17", "article", "17", "chp_3",
        title_ru="Правовой режим систем искусственного интеллекта",
        title_en="Legal regime of AI systems", summary_ru="Классификация систем ИИ по риску.",
        summary_en="Classification of AI systems by risk.")
    add(adopted, "adopted", "art_17__para_1", "para", "1", "art_17", summary_ru="Три уровня риска.")
    add(adopted, "adopted", "art_17__para_3", "para", "3", "art_17", summary_ru="Запрещённые возможности.")
    add(adopted, "adopted", "art_17__para_3__subpara_1", "subpara", "1", "art_17__para_3",
        summary_ru="Манипуляции.")
    add(adopted, "adopted", "art_21", "article", "21", "chp_3", title_ru="Прозрачность систем ИИ",
        title_en="Transparency of AI systems")
    add(adopted, "adopted", "art_21__para_2", "para", "2", "art_21",
        summary_ru="Синтетические результаты маркируются в машиночитаемой форме.",
        summary_en="Synthetic outputs must carry a machine-readable label.",
        sources=["https://factcheck.kz/art-21"])
    p["adopted:art_21__para_2"].duty_holders.set([owner])
    Term.objects.create(provision=p["adopted:art_1__def_4"], term_ru="синтетические результаты")

    add(draft, "draft", "chp_1", "chapter", "1", title_ru="ОБЩИЕ ПОЛОЖЕНИЯ", confidence="secondary")
    add(draft, "draft", "unk_risk_classification", "article", title_ru="Классификация по степени риска",
        confidence="secondary")
    add(draft, "draft", "unk_prohibited_practices", "article", title_ru="Запрещённые практики",
        confidence="secondary")
    add(draft, "draft", "unk_prohibited_practices__item_a", "subpara", parent="unk_prohibited_practices",
        summary_ru="Манипуляции (проект).", confidence="secondary")
    add(draft, "draft", "unk_prohibited_practices__item_d", "subpara", parent="unk_prohibited_practices",
        summary_ru="Биометрическая идентификация в реальном времени.", confidence="secondary")
    add(draft, "draft", "unk_transparency", "article", title_ru="Прозрачность", confidence="secondary")
    corresponds(p["draft:unk_risk_classification"], p["adopted:art_17__para_1"])
    corresponds(p["draft:unk_prohibited_practices"], p["adopted:art_17__para_3"])
    corresponds(p["draft:unk_prohibited_practices__item_a"], p["adopted:art_17__para_3__subpara_1"])
    corresponds(p["draft:unk_transparency"], p["adopted:art_21"])

    VersionNote.objects.create(
        act=ai, eid="art_21", from_version=draft, to_version=adopted,
        change_ru="Закон добавил маркировку синтетических результатов.", confidence="secondary",
    )
    VersionNote.objects.create(
        act=ai, eid="", from_version=draft, to_version=adopted,
        change_ru="Законопроект принят 17 ноября 2025 года.", confidence="secondary",
    )

    admin = make_act(
        "t-admin-code", kind="code", number="235-V", adopted=D(2014, 7, 5),
        title_ru="Кодекс Республики Казахстан об административных правонарушениях",
        short_name_ru="КоАП", short_name_en="Administrative Code", partial=True,
    )
    admin_current = make_version(
        admin, "current", "in_force", date=None, in_force_from=None, label_ru="Действующая редакция",
        consolidated_as_of=D(2026, 2, 3),
    )
    p["admin:art_641-1"] = make_provision(
        admin_current, "art_641-1", "article", "641-1",
        title_ru="Нарушение законодательства Республики Казахстан в сфере искусственного интеллекта",
        sanction_ru="Штраф от 15 до 200 МРП.", confidence="secondary",
    )

    criminal = make_act(
        "t-criminal-code", kind="code", number="226-V", adopted=D(2014, 7, 3),
        title_ru="Уголовный кодекс Республики Казахстан", short_name_ru="УК", partial=True,
        citation_aliases=["УК РК"],
    )
    criminal_current = make_version(
        criminal, "current", "in_force", date=None, in_force_from=None, label_ru="Действующая редакция",
        consolidated_as_of=D(2026, 2, 3),
    )
    p["criminal:art_190"] = make_provision(
        criminal_current, "art_190", "article", "190", title_ru="Мошенничество"
    )
    p["criminal:art_190__para_2"] = make_provision(
        criminal_current, "art_190__para_2", "para", "2", parent=p["criminal:art_190"],
        summary_ru="Мошенничество с использованием ИТ.",
    )

    practice = make_practice(
        "t-unlabelled-synthetic-content", name_ru="Синтетический контент без маркировки",
        name_en="Unlabelled synthetic content",
        description_ru="Распространение синтетических результатов без маркировки.",
        examples_ru="Дипфейк-ролик без пометки.\nСгенерированное фото без предупреждения.",
        examples_note_ru="Примеры — наши иллюстрации.",
    )
    cite(practice, p["adopted:art_21__para_2"], "basis")
    cite(practice, p["draft:unk_transparency"], "draft_basis")
    cite(practice, p["admin:art_641-1"], "liability", note_ru="Штрафы за отсутствие маркировки.")

    draft_only = make_practice(
        "t-real-time-remote-biometric-identification",
        name_ru="Дистанционная биометрическая идентификация в реальном времени",
        confidence="secondary",
    )
    cite(draft_only, p["draft:unk_prohibited_practices__item_d"], "draft_basis")

    obligation = make_obligation(
        "t-machine-readable-marking", holders=[owner],
        obligation_ru="Маркировать синтетические результаты в машиночитаемой форме.",
        trigger_ru="Система создаёт синтетический контент.",
        evidence_ru="Описание метода маркировки\nЖурнал проверок",
        applies_to_minimal_risk=True, applies_to_medium_risk=True, applies_to_high_risk=True,
    )
    cite(obligation, p["adopted:art_21__para_2"], "basis")
    cite(obligation, p["admin:art_641-1"], "liability")
    make_obligation(
        "t-high-risk-security", holders=[owner, user],
        obligation_ru="Обеспечить защиту систем высокого риска.",
        applies_to_minimal_risk=False, applies_to_medium_risk=False, applies_to_high_risk=True,
    )

    return Sample(
        ai_law=ai, draft=draft, adopted=adopted, admin_code=admin, admin_current=admin_current,
        criminal_code=criminal, criminal_current=criminal_current, p=p, practice=practice,
        draft_only_practice=draft_only, obligation=obligation, owner=owner, user=user,
    )


def add_fines(sample: Sample) -> FineSchedule:
    """КоАП 641-1 ч. 1 fines in МРП per offender category; ч. 2 punishes the repeat."""
    article = sample.p["admin:art_641-1"]
    for num in ("1", "2"):
        sample.p[f"admin:art_641-1__para_{num}"] = make_provision(
            sample.admin_current, f"art_641-1__para_{num}", "para", num, parent=article,
            summary_ru=f"Часть {num} статьи 641-1.", confidence="secondary",
        )
    return make_fine_schedule(
        sample.p["admin:art_641-1__para_1"],
        {"individual": 15, "small": 20, "medium": 30, "large": 100},
        repeat=sample.p["admin:art_641-1__para_2"],
        note_ru="Размеры по категориям субъектов.",
    )


# ------------------------------------------------------------------ fixtures
# Test modules import these (`from tests.legal.factories import fixed_today, …`).

TODAY = D(2026, 11, 21)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Pages read "today" through legal.selectors.today(); tests never use the clock."""
    monkeypatch.setattr(selectors, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def sample(db):
    return build_sample()


@pytest.fixture
def get(client):
    """`get(url, lang="kk", **params)`: a GET with the language cookie set."""

    def _get(url, lang="ru", **params):
        client.cookies["django_language"] = lang
        return client.get(url, params or None)

    return _get
