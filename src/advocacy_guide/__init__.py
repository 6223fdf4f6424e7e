"""The Civil Society Advocacy Guide: build-time helpers shared by MkDocs hooks and the CLI."""

LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
DEFAULT_LANGUAGE = "en"
