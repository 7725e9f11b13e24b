"""`url` and `api_url`: what every serialized object links to."""

from rest_framework import serializers

from ..fields import absolute


class Links(serializers.Serializer):
    """`url` (the web page) and `api_url` of an object, absolute."""

    url = serializers.SerializerMethodField(help_text="The page on the kzai web site.")
    api_url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return absolute(self.context.get("request"), obj.get_absolute_url())

    def get_api_url(self, obj) -> str:
        return absolute(self.context.get("request"), self.api_path(obj))
