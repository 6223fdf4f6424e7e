"""The guide's Markdown: its Python-Markdown extensions (listed in mkdocs.yml under
markdown_extensions) and `source`, the one reading of a page's source that every check uses."""
