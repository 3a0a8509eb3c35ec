"""Ingest: files of every format a case arrives in, read into `Document`s.

Importing the package registers every format's reader (`registry.READERS`):
text and Markdown, HTML, PDF, Word, e-mail and mailboxes, ZIP archives, and
records (CSV, JSON lines, XLSX) read with a column mapping.
"""

from casegraph.ingest import archive, files, html, mail, pdf, records, word

__all__ = ["archive", "files", "html", "mail", "pdf", "records", "word"]
