"""The pieces of scripts/build_kb_fixtures.py (research data → fixtures/kb.json).

Plain Python, no Django: the builders run outside the application. One concern a module:
`common` (problem list, multilingual values, dates, sources), `citations` (how an act is
cited), `acts` (acts, versions, units, links, version notes), `records` (practices,
obligations and their references), `kk` (our Kazakh translations), `fines` (МРП and fines).
"""
