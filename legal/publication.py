"""Where an act is officially published: its official texts exist in Kazakh (the state
language) and Russian only; any other text, such as the English one on Adilet, is an
unofficial translation and is never shown or cited as official."""

OFFICIAL_LANGUAGES = ("ru", "kk")


def official_urls(act) -> dict[str, str]:
    """The act's official publications, {lang: url}: Russian and Kazakh only."""
    urls = act.official_urls or {}
    return {lang: url for lang, url in urls.items() if lang in OFFICIAL_LANGUAGES and url}


def translation_urls(act) -> dict[str, str]:
    """The act's unofficial translations, {lang: url} (the English text on Adilet); a
    non-official language found among `official_urls` is listed here, never as official."""
    found = {lang: url for lang, url in (act.official_urls or {}).items() if lang not in OFFICIAL_LANGUAGES}
    found.update(getattr(act, "translation_urls", None) or {})
    return {lang: url for lang, url in found.items() if url}
