"""The `kzai_official` template tag library: which official texts a version holds, for
the version page's link to the whole text (legal.selectors.official reads it)."""

from django import template

from legal.selectors import official

register = template.Library()
register.simple_tag(official.document_languages, name="official_languages")
