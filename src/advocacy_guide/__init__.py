"""The Civil Society Advocacy Guide: build-time helpers shared by MkDocs hooks and the CLI."""

LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
DEFAULT_LANGUAGE = "en"
# The command as hints print it: works from the project's root in a fresh shell once any `make`
# target (scripts/bootstrap.sh) has created .venv, without activating the environment.
COMMAND = ".venv/bin/advocacy-guide"
