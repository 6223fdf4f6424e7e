# The two commands of the README are `make site` and `make test`; the rest are for maintainers.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV := .venv/bin

PAPER ?= a4

.PHONY: site serve serve-nginx observatory test translations translations-check check offline pdf zim bench links clean videos

## Build the deployable site (all three languages) into site/, strictly, with each host's files:
## site/_headers, site/_redirects, site/.htaccess, .gz and .br copies, and site-deploy/nginx/ (README, "Deploying").
## ONION_URL=http://....onion/ adds an Onion-Location header.
site:
	scripts/bootstrap.sh
	$(VENV)/mkdocs build --strict -d site

## Preview with live reload at http://127.0.0.1:8000/ (French at /fr/, Spanish at /es/).
serve:
	scripts/bootstrap.sh
	$(VENV)/mkdocs serve --strict

## The built site served by Debian's nginx with the generated configuration, at http://127.0.0.1:8080/ (PORT=...).
serve-nginx: site
	scripts/system-deps.sh
	$(VENV)/python -m advocacy_guide.deploy.local_nginx site --port $(or $(PORT),8080)

## Mozilla's HTTP Observatory scanner in tools/observatory/, installed offline: `npm ci --ignore-scripts`
## (its install scripts would download the HSTS preload and TLD lists), then an empty
## conf/hsts-preload.json. Scan a server with: tools/observatory/node_modules/.bin/mdn-http-observatory-scan 127.0.0.1:8080
observatory:
	scripts/system-deps.sh
	scripts/observatory.sh

## The whole test suite: no broken translation, every module video up to date, then unit, built-site and browser tests (installs Chromium if missing).
## Outdated and missing translations do not fail it: readers see a notice, and English authors do not wait for translators.
test:
	scripts/bootstrap.sh test
	scripts/system-deps.sh
	scripts/observatory.sh
	$(VENV)/advocacy-guide translations --check --fail-on broken
	$(VENV)/advocacy-guide videos --check
	$(VENV)/python -m pytest

## Status of every translation: up-to-date, outdated, missing or broken (translators/README.md).
translations:
	scripts/bootstrap.sh
	$(VENV)/advocacy-guide translations

## Fails unless every translation is up to date: what maintainers run before a release of main.
translations-check:
	scripts/bootstrap.sh
	$(VENV)/advocacy-guide translations --check

## Render the module videos that are missing or older than their storyboards (README, "Module videos").
videos:
	scripts/bootstrap.sh test
	scripts/system-deps.sh
	$(VENV)/advocacy-guide videos

## The offline copy for trainers: dist/advocacy-guide-offline.zip, opened from disk (README).
offline:
	scripts/bootstrap.sh
	$(VENV)/python -m advocacy_guide.offline dist/advocacy-guide-offline.zip

## The printed guide: an accessible PDF per language, dist/advocacy-guide-<lang>.pdf (A4; PAPER=letter for Letter).
pdf:
	scripts/bootstrap.sh editions
	scripts/system-deps.sh
	$(VENV)/python -m advocacy_guide.editions pdf --paper $(PAPER)

## The Kiwix files: a ZIM per language, dist/advocacy-guide_<lang>_all_<YYYY-MM>.zim, for Kiwix apps and hotspots.
zim:
	scripts/bootstrap.sh editions
	$(VENV)/python -m advocacy_guide.editions zim

## Check every link of the built site; list external links in dist/external-links.md (not fetched).
links: site
	$(VENV)/python -m advocacy_guide.links site --report dist/external-links.md

## Benchmark against stock Material: builds, page weight, Lighthouse -> benchmarks/RESULTS.md.
bench:
	scripts/bootstrap.sh test
	scripts/system-deps.sh
	$(VENV)/python benchmarks/run.py

clean:
	rm -rf site site-deploy dist .pytest_cache
