"""PDF documents: assessment reports and printed acts, rendered by WeasyPrint into PDF/A-3b.

`engine` turns an HTML document into PDF bytes in a worker process with a time limit;
`fetcher` is the only way a rendering may read anything, and it serves kzai's own report
assets and nothing else. See docs/reports.md.
"""
