"""Official texts as Adilet publishes them: reading the file (plain text, saved HTML,
.docx), the grammar of the layout, footnotes into amendment history. Pure: no Django, no
database. `legal.importing` writes what this reads into the knowledge base."""
