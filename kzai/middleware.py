"""Language of the pages: the one a person picked with the switcher, otherwise Russian."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Like Django's LocaleMiddleware, but without guessing from Accept-Language.

    kzai is Russian first: its readers are lawyers in Kazakhstan whose browsers often say
    English, and a legal page must not change language behind their back. The choice made
    with the switcher (`set_language`, stored in the language cookie) is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        with translation.override(language):  # for this request only, not the thread after it
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
