"""Official texts as Adilet publishes them: reading the file (plain text, saved HTML,
.docx), the grammar of the layout, footnotes into amendment history. Pure: no Django, no
database. `legal.importing` writes what this reads into the knowledge base."""

from legal.official.parser import parse, read_official_text
from legal.official.types import Document, Problem, UnreadableFile

__all__ = ["Document", "Problem", "UnreadableFile", "parse", "read_official_text"]
