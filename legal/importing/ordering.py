"""The document order of a version after an import: a pure merge of two trees."""

from collections import defaultdict


def document_order(text: list[tuple[str, str | None]], ours: list[tuple[str, str | None]]) -> list[str]:
    """Every eid of the version in document order. `text`: the official text's units as
    (eid, parent eid) in its order; `ours`: the version's units before the import, in
    their order. The text decides where its units go; a unit of ours that the text lacks
    stays under its parent, right after the sibling it followed (first when none)."""
    children: dict[str | None, list[str]] = defaultdict(list)
    in_text = set()
    for eid, parent in text:
        children[parent].append(eid)
        in_text.add(eid)
    placed = set(in_text)
    our_children: dict[str | None, list[str]] = defaultdict(list)
    for eid, parent in ours:
        our_children[parent].append(eid)
    for parent, siblings in our_children.items():
        merged = children[parent]
        after = None
        for eid in siblings:
            if eid in in_text:
                after = eid if eid in merged else after
                continue
            if eid in placed:
                continue
            merged.insert(merged.index(after) + 1 if after else 0, eid)
            placed.add(eid)
            after = eid
    order: list[str] = []
    seen = set()
    stack = list(reversed(children[None]))
    while stack:
        eid = stack.pop()
        if eid in seen:
            continue
        seen.add(eid)
        order.append(eid)
        stack.extend(reversed(children.get(eid, [])))
    # A unit whose parent is lost (should not happen) still gets a place: at the end.
    order += [eid for eid, _ in ours if eid not in seen]
    return order
