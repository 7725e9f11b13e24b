"""Content in three languages, stored as `<name>_ru`, `<name>_kk`, `<name>_en` columns.

`Translated("title")` on a model reads the column of the active language and falls back
to Russian (then English, then Kazakh). The result remembers which language it is in, so
templates can mark a fallback visibly instead of silently showing another language, and
whether it is kzai's own translation (the record's `our_translations`, e.g. "summary_kk"),
so pages label it so and never pass it off as official wording.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language

LANGUAGE_CODES = ("ru", "kk", "en")
FALLBACK_ORDER = ("ru", "en", "kk")


def normalize_language(language: str | None) -> str:
    """Map 'en-us', 'kk', None … to one of the content languages (default Russian)."""
    code = (language or "ru").split("-")[0].lower()
    return code if code in LANGUAGE_CODES else "ru"


class LocalizedText(str):
    """A string that knows its language, whether it stands in for the requested one, and
    whether it is kzai's own translation (`ours`: the field's name, e.g. "summary")."""

    lang: str
    requested: str
    ours: str

    def __new__(cls, text: str, lang: str, requested: str, ours: str = ""):
        obj = super().__new__(cls, text)
        obj.lang = lang
        obj.requested = requested
        obj.ours = ours
        return obj

    @property
    def is_fallback(self) -> bool:
        return bool(self) and self.lang != self.requested

    def derive(self, text: str) -> "LocalizedText":
        """Another text (an excerpt, one line) with the same language and origin."""
        return LocalizedText(text, self.lang, self.requested, self.ours)


def pick(values: dict[str, str], language: str | None = None) -> LocalizedText:
    """Choose the text for `language` from {lang: text}, falling back in a fixed order."""
    requested = normalize_language(language or get_language())
    for lang in (requested, *FALLBACK_ORDER):
        text = values.get(lang) or ""
        if text:
            return LocalizedText(text, lang, requested)
    return LocalizedText("", requested, requested)


def values_of(obj, name: str) -> dict[str, str]:
    """{lang: text} of the multilingual field `name` of `obj`."""
    return {lang: getattr(obj, f"{name}_{lang}") for lang in LANGUAGE_CODES}


def is_our_translation(obj, name: str, lang: str) -> bool:
    """Whether `obj`'s `name` in `lang` is kzai's own translation. Only a loaded
    `our_translations` is read (a record without it, or with it deferred, costs no query)."""
    if "our_translations" not in obj.__dict__:
        return False
    return obj.is_our_translation(name, lang)


class Translated:
    """Descriptor: `obj.title` → LocalizedText from obj.title_ru/_kk/_en."""

    def __init__(self, name: str):
        self.name = name

    def __set_name__(self, owner, attr):
        self.attr = attr

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = pick(values_of(obj, self.name))
        if value and is_our_translation(obj, self.name, value.lang):
            value.ours = self.name
        return value


def translated(name: str, verbose, *, text: bool = False) -> type[models.Model]:
    """An abstract model with the ru/kk/en columns of one field and its `Translated` reader.

    `class Provision(translated("title", _("заголовок")), models.Model)` gives
    `title_ru`, `title_kk`, `title_en` and `provision.title`.
    """
    attrs = {
        "__module__": __name__,
        "Meta": type("Meta", (), {"abstract": True}),
        name: Translated(name),
    }
    for lang in LANGUAGE_CODES:
        field_class = models.TextField if text else models.CharField
        kwargs = {"verbose_name": format_lazy("{} ({})", verbose, lang), "blank": True}
        if not text:
            kwargs["max_length"] = 1000
        attrs[f"{name}_{lang}"] = field_class(**kwargs)
    return type(f"Translated_{name}", (models.Model,), attrs)
