"""Organisations, AI systems, case records and assessments arrive with the compliance issue."""
