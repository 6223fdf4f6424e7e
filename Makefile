# The two commands of the README are `make site` and `make test`; the rest are for maintainers.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV := .venv/bin

.PHONY: site serve test translations check offline bench clean

## Build the deployable site (all three languages) into site/, strictly.
site:
	scripts/bootstrap.sh
	$(VENV)/mkdocs build --strict -d site

## Preview with live reload at http://127.0.0.1:8000/ (French at /fr/, Spanish at /es/).
serve:
	scripts/bootstrap.sh
	$(VENV)/mkdocs serve --strict

## The whole test suite: unit, built-site and browser tests (installs Chromium if missing).
test:
	scripts/bootstrap.sh test
	scripts/system-deps.sh
	$(VENV)/python -m pytest

## Status of every translation: up-to-date, outdated, missing or broken (translators/README.md).
translations:
	scripts/bootstrap.sh
	$(VENV)/advocacy-guide translations

clean:
	rm -rf site dist .pytest_cache
