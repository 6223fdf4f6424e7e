"""The Civil Society Advocacy Guide: build-time helpers shared by MkDocs hooks and the CLI."""

# The site's languages are in one place, mkdocs.yml (plugins.i18n.languages): see
# advocacy_guide.build.languages.
# The command as hints print it: works from the project's root in a fresh shell once any `make`
# target (scripts/bootstrap.sh) has created .venv, without activating the environment.
COMMAND = ".venv/bin/advocacy-guide"
