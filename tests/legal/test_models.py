# ruff: noqa: F811 (pytest fixtures imported from tests/legal/factories.py)
"""Invariants the legal model owns, and point-in-time selection of versions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from legal.models import (
    Act,
    ActVersion,
    LinkKind,
    Obligation,
    Provision,
    ProvisionLink,
    Term,
)
from legal.versions import version_in_force
from tests.legal.factories import sample  # noqa: F401 (fixture)

D = datetime.date.fromisoformat
pytestmark = pytest.mark.django_db


def make_act(slug="test-act", adopted="2020-01-01", kind="law"):
    return Act.objects.create(
        slug=slug, kind=kind, number="1-I", adopted=D(adopted) if adopted else None, title_ru="Тестовый акт"
    )


def make_version(act, code, status="in_force", in_force_from=None, until=None, consolidated=None, date=None):
    return ActVersion.objects.create(
        act=act,
        code=code,
        status=status,
        date=D(date) if date else None,
        in_force_from=D(in_force_from) if in_force_from else None,
        in_force_until=D(until) if until else None,
        consolidated_as_of=D(consolidated) if consolidated else None,
    )


def add(version, eid, parent=None, num="1", type_="article", **kw):
    return Provision.objects.create(
        version=version,
        eid=eid,
        parent=parent,
        num=num,
        type=type_,
        confidence="verified",
        sources=["https://example.org/a"],
        **kw,
    )


class TestPointInTime:
    def test_ai_law_nothing_in_force_before_its_entry_into_force(self, sample):
        ai = sample.ai_law
        assert version_in_force(ai, D("2025-11-17")) is None
        assert version_in_force(ai, D("2026-01-17")) is None
        assert version_in_force(ai, D("2026-01-18")).code == "2025-11-17"
        assert version_in_force(ai, D("2026-11-21")).code == "2025-11-17"

    def test_draft_is_never_in_force(self, sample):
        ai = sample.ai_law
        draft = ai.versions.get(code="draft-2025-01")
        for day in ("2025-01-31", "2026-06-01", "2030-01-01"):
            assert not draft.is_in_force_on(D(day))
            assert draft not in ai.versions.in_force_on(D(day))
        assert draft.state_on(D("2026-06-01")) == "draft"

    def test_draft_cannot_be_given_an_entry_into_force(self):
        act = make_act()
        version = ActVersion(act=act, code="d1", status="draft", in_force_from=D("2021-01-01"))
        with pytest.raises(ValidationError):
            version.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            version.save()

    def test_consolidated_text_counts_from_adoption_and_warns_before_its_check_date(self, sample):
        code = sample.criminal_code
        assert version_in_force(code, D("2014-07-02")) is None
        current = version_in_force(code, D("2014-07-03"))
        assert current.code == "current"
        assert current.wording_may_differ_on(D("2020-01-01"))
        assert not current.wording_may_differ_on(current.consolidated_as_of)
        assert not current.wording_may_differ_on(D("2026-11-21"))

    def test_repealed_version_and_successor(self):
        act = make_act(adopted="2010-01-01")
        old = make_version(act, "2010", status="repealed", in_force_from="2010-02-01", until="2020-01-01")
        new = make_version(act, "2020", in_force_from="2020-01-01")
        assert version_in_force(act, D("2010-01-31")) is None
        assert version_in_force(act, D("2015-05-05")) == old
        assert version_in_force(act, D("2019-12-31")) == old
        assert version_in_force(act, D("2020-01-01")) == new
        assert old.state_on(D("2021-01-01")) == "repealed"
        assert new.state_on(D("2019-06-01")) == "pending"
        assert new.state_on(D("2020-06-01")) == "in_force"

    def test_repealed_needs_an_end_date(self):
        act = make_act()
        with pytest.raises(ValidationError):
            ActVersion(act=act, code="x", status="repealed", in_force_from=D("2020-01-01")).full_clean()

    def test_overlapping_versions_the_latest_start_wins(self):
        act = make_act(adopted="2010-01-01")
        make_version(act, "consolidated")  # no date of its own: from adoption
        amended = make_version(act, "2024", in_force_from="2024-07-01")
        assert version_in_force(act, D("2024-07-01")) == amended
        assert version_in_force(act, D("2024-06-30")).code == "consolidated"

    def test_no_adoption_date_and_no_entry_into_force_means_never_in_force(self):
        act = make_act(adopted=None)
        make_version(act, "current")
        assert version_in_force(act, D("2026-01-01")) is None


class TestProvisionTree:
    def test_path_and_depth_follow_the_parent(self):
        version = make_version(make_act(), "v1", in_force_from="2020-01-01")
        chapter = add(version, "chp_1", type_="chapter")
        article = add(version, "art_1", parent=chapter)
        para = add(version, "art_1__para_1", parent=article, type_="para")
        assert (chapter.depth, article.depth, para.depth) == (0, 1, 2)
        assert para.path == "chp_1/art_1"
        assert [p.eid for p in para.ancestors()] == ["chp_1", "art_1"]

    def test_moving_a_unit_moves_its_descendants(self):
        version = make_version(make_act(), "v1", in_force_from="2020-01-01")
        chapter_1 = add(version, "chp_1", type_="chapter")
        chapter_2 = add(version, "chp_2", num="2", type_="chapter")
        article = add(version, "art_1", parent=chapter_1)
        para = add(version, "art_1__para_1", parent=article, type_="para")
        article.parent = chapter_2
        article.save()
        para.refresh_from_db()
        assert para.path == "chp_2/art_1"

    def test_ancestors_cost_one_query_whatever_the_depth(self, sample, django_assert_num_queries):
        provision = Provision.objects.get(pk=sample.p["adopted:art_17__para_3__subpara_1"].pk)
        with django_assert_num_queries(1):
            assert [p.eid for p in provision.ancestors()] == ["chp_3", "art_17", "art_17__para_3"]

    def test_eid_unique_within_a_version_only(self):
        act = make_act()
        v1 = make_version(act, "v1", in_force_from="2020-01-01")
        v2 = make_version(act, "v2", status="draft")
        add(v1, "art_1")
        add(v2, "art_1")
        with pytest.raises(IntegrityError), transaction.atomic():
            add(v1, "art_1")

    @pytest.mark.parametrize("eid", ["Art 1", "art_1__", "art.1", "_art_1", "art_1/para_2", ""])
    def test_eid_must_be_akoma_ntoso_style(self, eid):
        version = make_version(make_act(), "v1", in_force_from="2020-01-01")
        provision = Provision(
            version=version,
            eid=eid,
            type="article",
            num="1",
            confidence="verified",
            sources=["https://example.org"],
        )
        with pytest.raises(ValidationError):
            provision.full_clean()

    @pytest.mark.parametrize(
        "eid",
        [
            "art_73-3",
            "art_21__para_2",
            "unk_prohibited_practices__item_a",
            "chp_1",
            "art_1__def_4",
            "preamble",
        ],
    )
    def test_real_eids_are_accepted(self, eid):
        version = make_version(make_act(), "v1", in_force_from="2020-01-01")
        Provision(
            version=version,
            eid=eid,
            type="article",
            num="1",
            confidence="verified",
            sources=["https://example.org"],
        ).full_clean()

    def test_parent_from_another_version_or_a_cycle_is_rejected(self):
        act = make_act()
        v1 = make_version(act, "v1", in_force_from="2020-01-01")
        v2 = make_version(act, "v2", status="draft")
        foreign = add(v2, "art_9")
        article = add(v1, "art_1")
        para = add(v1, "art_1__para_1", parent=article, type_="para")
        with pytest.raises(ValidationError):
            Provision(
                version=v1,
                eid="art_2",
                parent=foreign,
                type="article",
                num="2",
                confidence="verified",
                sources=["https://example.org"],
            ).full_clean()
        article.parent = para
        with pytest.raises(ValidationError):
            article.full_clean()

    def test_confidence_and_sources_are_required_and_checked(self):
        version = make_version(make_act(), "v1", in_force_from="2020-01-01")
        with pytest.raises(ValidationError) as error:
            Provision(
                version=version,
                eid="art_1",
                type="article",
                num="1",
                confidence="probably",
                sources=["not a url"],
            ).full_clean()
        assert {"confidence", "sources"} <= set(error.value.message_dict)


class TestTranslationsAndSearchText:
    def test_missing_translation_falls_back_to_russian_and_says_so(self, sample):
        provision = sample.p["adopted:art_17"]
        assert provision.summary_ru and provision.summary_en and not provision.summary_kk
        with translation.override("kk"):
            summary = provision.summary
            assert summary == provision.summary_ru and summary.lang == "ru" and summary.is_fallback
        with translation.override("en"):
            assert provision.summary == provision.summary_en and not provision.summary.is_fallback

    def test_search_text_is_casefolded_cyrillic(self, sample):
        provision = Provision.objects.get(pk=sample.p["adopted:art_1__def_4"].pk)
        assert "синтетические" in provision.search_text
        assert provision.search_text == provision.search_text.casefold()

    def test_terms_are_definitions(self, sample):
        article = sample.p["adopted:art_1"]
        with pytest.raises(ValidationError):
            Term(provision=article, term_ru="не определение").full_clean()


class TestLinksAndObligations:
    def test_a_provision_cannot_link_to_itself(self, sample):
        provision = sample.p["adopted:art_21"]
        with pytest.raises(IntegrityError), transaction.atomic():
            ProvisionLink.objects.create(source=provision, target=provision, kind=LinkKind.REFERS_TO)

    def test_corresponds_to_links_versions_of_one_act(self, sample):
        ai = sample.p["adopted:art_21"]
        ai_draft = sample.p["draft:unk_prohibited_practices__item_d"]  # not linked yet
        code = sample.p["criminal:art_190"]
        ProvisionLink(source=ai_draft, target=ai, kind=LinkKind.CORRESPONDS_TO).full_clean()
        with pytest.raises(ValidationError):
            ProvisionLink(source=ai, target=code, kind=LinkKind.CORRESPONDS_TO).full_clean()

    def test_obligations_by_risk_level(self, sample):
        high_only = set(
            Obligation.objects.filter(applies_to_minimal_risk=False).values_list("slug", flat=True)
        )
        assert "t-high-risk-security" in high_only and "t-machine-readable-marking" not in high_only
        assert "t-high-risk-security" in Obligation.objects.for_risk_level("high").values_list(
            "slug", flat=True
        )
        assert "t-high-risk-security" not in Obligation.objects.for_risk_level(
            "minimal"
        ).values_list("slug", flat=True)
        assert "t-machine-readable-marking" in Obligation.objects.for_risk_level("minimal").values_list(
            "slug", flat=True
        )
