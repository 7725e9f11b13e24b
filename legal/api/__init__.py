"""The legal part of the REST API v1: acts, versions, provisions, terms, practices,
obligations, search and citation resolving (docs/api.md). Infrastructure: kzai/api."""
