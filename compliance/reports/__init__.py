"""The assessment report: its content (`assessment_report`), the stored PDF of a final
assessment and its verification (`services`), and the page and API views. The PDF engine
is the kernel's (`kzai.pdf`); printing an act is the law's (`legal.act_print`). See
docs/reports.md.
"""
