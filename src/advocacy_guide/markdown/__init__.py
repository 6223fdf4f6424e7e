"""Python-Markdown extensions of the guide, listed in mkdocs.yml under markdown_extensions."""
