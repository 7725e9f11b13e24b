"""Walking JSON data (fixtures, questionnaire definitions) for its texts in three languages."""

from collections.abc import Iterator


def texts(node, path: str = "") -> Iterator[tuple[str, dict]]:
    """(path, {lang: text}) of every object in `node` that has a language key."""
    if isinstance(node, dict):
        if {"ru", "kk", "en"} & set(node):
            yield path, node
        for key, value in node.items():
            yield from texts(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{path}[{index}]")
