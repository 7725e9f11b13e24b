"""A text/plain request body, as a str (for endpoints that take a text to read)."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser


class PlainTextParser(BaseParser):
    media_type = "text/plain"

    def parse(self, stream, media_type=None, parser_context=None):
        charset = "utf-8"
        for part in (media_type or "").split(";")[1:]:
            key, _sep, value = part.strip().partition("=")
            if key.lower() == "charset":
                charset = value.strip().strip('"') or charset
        try:
            return stream.read().decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise ParseError(_("Текст не в кодировке %(charset)s.") % {"charset": charset}) from None
