"""The table of contents of a version, as a nested tree."""

from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kzai.i18n import pick, values_of

from ..fields import translations


class TocNodeSerializer(serializers.Serializer):
    eid = serializers.CharField()
    type = serializers.CharField()
    num = serializers.CharField()
    title = serializers.CharField()
    api_url = serializers.CharField()
    translations = translations("title")
    children = serializers.SerializerMethodField()

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/TocNode"}})
    def get_children(self, node):  # documentation only: toc_nodes() builds the tree
        return []


class TocSerializer(serializers.Serializer):
    act = serializers.CharField()
    version = serializers.CharField()
    frbr_uri = serializers.CharField(allow_null=True)
    url = serializers.CharField()
    items = TocNodeSerializer(many=True)


def toc_nodes(tree, api_prefix: tuple[str, str]) -> list[dict]:
    """The nested tree as plain dicts (thousands of nodes: no serializer per node)."""
    language = get_language()
    before, after = api_prefix
    return [
        {
            "eid": node.provision.eid,
            "type": node.provision.type,
            "num": node.provision.num,
            "title": str(pick(values_of(node.provision, "title"), language)),
            "api_url": f"{before}{node.provision.eid}{after}",
            "translations": {"title": values_of(node.provision, "title")},
            "children": toc_nodes(node.children, api_prefix),
        }
        for node in tree
    ]
