"""The official UN terms of the guide, read from data/glossary.yml, and the check for wrong ones.

One file feeds three things: the glossary page in each language, the hover definitions of
abbreviations (in the page's language), and the terminology check that fails the build and the
`advocacy-guide translations` report when a page uses a known wrong variant.

Wrong variants are matched the way a reader would recognise them: whatever the case, with or
without accents (`periodo`/`período`), with either apostrophe (`'`/`’`), across line breaks, and
with the optional endings the file marks in parentheses (`liste(s) des questions` also finds
"listes des questions"). A correct phrase that contains a wrong variant can be listed under
`allow` so that it is not reported.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from advocacy_guide.errors import LocatedError
from advocacy_guide.located_yaml import LocatedYamlError, YamlList, YamlMap, load_located_yaml
from advocacy_guide.markdown.source import read_source

STATUSES = ("verified", "ngo", "unverified")
LANGUAGE_FIELDS = ("term", "definition", "abbreviation", "also", "wrong", "allow", "status")
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "}


class GlossaryError(LocatedError):
    """The glossary file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class TermText:
    """A term in one language."""

    term: str
    definition: str
    abbreviation: str | None = None
    also: tuple[str, ...] = ()  # other correct forms
    wrong: tuple[str, ...] = ()  # known wrong variants
    allow: tuple[str, ...] = ()  # correct phrases that contain a wrong variant
    status: str = "unverified"


@dataclass(frozen=True)
class Term:
    id: str
    texts: dict[str, TermText]
    source: str
    line: int


@dataclass(frozen=True)
class WrongTerm:
    """A known wrong variant found in a page."""

    term_id: str
    found: str  # the words as written in the page
    official: str  # the term to write instead
    line: int

    def message(self, glossary_path: str = "data/glossary.yml") -> str:
        return (
            f'"{self.found}" is not the official UN term: write "{self.official}" '
            f"(see '{self.term_id}' in {glossary_path})"
        )


@dataclass
class Glossary:
    terms: list[Term]
    _patterns: dict[str, list[tuple[Term, re.Pattern[str], list[re.Pattern[str]]]]] = field(default_factory=dict)
    _found: dict[tuple[str, str], tuple[WrongTerm, ...]] = field(default_factory=dict, repr=False)
    _abbreviation_patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def entries(self, language: str) -> list[Term]:
        """Terms that have a text in `language`, in that language's alphabetical order."""
        return sorted((t for t in self.terms if language in t.texts), key=lambda t: sort_key(t.texts[language].term))

    def abbreviations(self, language: str) -> dict[str, str]:
        """{abbreviation: what it stands for} in `language`."""
        return {
            t.texts[language].abbreviation: t.texts[language].term  # type: ignore[misc]
            for t in self.terms
            if language in t.texts and t.texts[language].abbreviation
        }

    def abbreviations_used(self, text: str, language: str) -> set[str]:
        """The abbreviations of `language` that `text` uses as words (`OP1`, not `OP1-x`)."""
        if language not in self._abbreviation_patterns:
            # One pattern for all of them, longest first: one pass over each page.
            names = sorted(self.abbreviations(language), key=len, reverse=True)
            alternatives = "|".join(map(re.escape, names)) or r"(?!)"
            self._abbreviation_patterns[language] = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        return set(self._abbreviation_patterns[language].findall(text))

    def find_wrong_terms(self, text: str, language: str) -> list[WrongTerm]:
        """Every known wrong variant of `language` in a Markdown source, outside code and comments."""
        # The build checks each translated page twice (hooks/glossary.py for the page, the
        # translation status for the status page): the second check reuses the first.
        key = (language, text)
        if key not in self._found:
            if len(self._found) >= 1024:  # `mkdocs serve` sees a new text at every save
                self._found.clear()
            self._found[key] = tuple(self._find_wrong_terms(text, language))
        return list(self._found[key])

    def _find_wrong_terms(self, text: str, language: str) -> list[WrongTerm]:
        if language not in self._patterns:
            self._patterns[language] = [
                (term, variant_pattern(variant), [variant_pattern(a) for a in term.texts[language].allow])
                for term in self.terms
                if language in term.texts
                for variant in term.texts[language].wrong
            ]
        source = read_source(text)
        prose = source.prose
        folded, origin = fold(prose)
        found: list[WrongTerm] = []
        for term, pattern, allowed in self._patterns[language]:
            allowed_spans = [m.span() for a in allowed for m in a.finditer(folded) if _starts_a_word(folded, m.start())]
            for match in pattern.finditer(folded):
                start, end = match.span()
                if not _starts_a_word(folded, start):
                    continue
                if any(a_start <= start and end <= a_end for a_start, a_end in allowed_spans):
                    continue
                first, last = origin[start], origin[end - 1] + 1
                words = " ".join(text[first:last].split())
                found.append(WrongTerm(term.id, words, term.texts[language].term, source.line_of(first)))
        return sorted(found, key=lambda w: (w.line, w.found))

    @cached_property
    def ids(self) -> set[str]:
        return {t.id for t in self.terms}


# -----------------------------------------------------------------------------
# Matching
# -----------------------------------------------------------------------------


_FOLDED_CHARS: dict[str, str] = {}


def _fold_char(char: str) -> str:
    folded = _FOLDED_CHARS.get(char)
    if folded is None:
        plain = unicodedata.normalize("NFD", APOSTROPHES.get(char, char))
        folded = "".join(part for part in plain if unicodedata.category(part) != "Mn").lower()
        _FOLDED_CHARS[char] = folded
    return folded


def fold(text: str) -> tuple[str, Sequence[int]]:
    """`text` lowercased, without accents, with one kind of apostrophe and space.

    Returns the folded text and, for each of its characters, the offset of the character of
    `text` it came from, so that a match can be located in the original.
    """
    table = {ord(char): _fold_char(char) for char in set(text)}
    folded = text.translate(table)
    if all(len(piece) == 1 for piece in table.values()):
        return folded, range(len(text))  # the usual case: one character for one
    origin = [offset for offset, char in enumerate(text) for _ in table[ord(char)]]
    return folded, origin


def variant_pattern(variant: str) -> re.Pattern[str]:
    """A regular expression for a phrase of the glossary, matched against `fold`ed text."""
    folded, _ = fold(variant.strip())
    parts: list[str] = []
    for token in re.finditer(r"(?P<optional>\(\w+\))|(?P<space>\s+)|(?P<char>.)", folded):
        if token.group("optional"):
            parts.append(f"(?:{re.escape(token.group('optional')[1:-1])})?")
        elif token.group("space"):
            parts.append(r"\s+")
        else:
            parts.append(re.escape(token.group("char")))
    # A word boundary at the start is checked by `_starts_a_word`: a pattern that begins with
    # its first letter lets the regular expression engine skip ahead quickly.
    return re.compile("".join(parts) + r"(?!\w)")


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def sort_key(term: str) -> str:
    return fold(term)[0]


# -----------------------------------------------------------------------------
# Reading the file
# -----------------------------------------------------------------------------


def load_glossary(path: Path, languages: tuple[str, ...] | None = None) -> Glossary:
    """Read and validate data/glossary.yml; GlossaryError names the line to fix.

    `languages` are the site's (by default those of the project the file is in). The file is
    written in the ones it uses: every term needs a text in each of them. A site language the
    file does not use yet (a new language) has no terms: its pages get no hover definitions and
    no term check until its translator adds its texts.

    Several hooks read it, once per language: the file is parsed once for each version of it
    (path, size and modification time). The glossary is shared: its terms are frozen, and the
    patterns it compiles for the term check are then compiled once per build.
    """
    try:
        stat = path.stat()
    except OSError as error:
        raise GlossaryError(path, 1, f"cannot read the glossary: {error}") from error
    if languages is None:
        from advocacy_guide.build.languages import known_languages

        languages = known_languages(path.parent).codes
    return _load_glossary(path, stat.st_mtime_ns, stat.st_size, tuple(languages))


@functools.lru_cache(maxsize=8)
def _load_glossary(path: Path, mtime_ns: int, size: int, languages: tuple[str, ...]) -> Glossary:
    try:
        root = load_located_yaml(path.read_text(encoding="utf-8"), path)
    except OSError as error:
        raise GlossaryError(path, 1, f"cannot read the glossary: {error}") from error
    except LocatedYamlError as error:
        raise GlossaryError(path, error.line, error.message) from error
    top = _Reader(path, languages, ()).mapping(root, 1, "the file")
    if "terms" not in top:
        raise GlossaryError(path, 1, "the file must start with `terms:` followed by a list of terms")
    terms_list = top["terms"]
    if not isinstance(terms_list, YamlList):
        raise GlossaryError(path, top.line_of("terms"), "`terms:` must be a list: start each term with `- id: ...`")
    written = tuple(language for language in languages if any(isinstance(item, YamlMap) and language in item for item in terms_list))
    reader = _Reader(path, languages, written)
    terms = [reader.term(item, line) for item, line in zip(terms_list, terms_list.item_lines)]
    seen: dict[str, int] = {}
    for term in terms:
        if term.id in seen:
            raise GlossaryError(path, term.line, f"the id '{term.id}' is already used on line {seen[term.id]}: ids must be unique")
        seen[term.id] = term.line
    _check_abbreviations(path, terms, written)
    return Glossary(terms)


class _Reader:
    """Turns the YAML of data/glossary.yml into terms, with errors that point at a line."""

    def __init__(self, path: Path, languages: tuple[str, ...], written: tuple[str, ...]) -> None:
        self.path = path
        self.languages = languages  # the site's
        self.written = written  # those the file uses: every term needs them

    def mapping(self, value: object, line: int, what: str) -> YamlMap:
        if not isinstance(value, YamlMap):
            raise GlossaryError(self.path, line, f"{what} must be a mapping of `key: value` lines")
        return value

    def text(self, value: object, line: int, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise GlossaryError(self.path, line, f"{what} must be a non-empty text")
        return " ".join(value.split())

    def texts(self, value: object, line: int, what: str) -> tuple[str, ...]:
        if isinstance(value, str):
            return (self.text(value, line, what),)
        if not isinstance(value, YamlList):
            raise GlossaryError(self.path, line, f"{what} must be a list such as [first, second]")
        return tuple(self.text(item, item_line, what) for item, item_line in zip(value, value.item_lines))

    def term(self, value: object, line: int) -> Term:
        fields = self.mapping(value, line, "a term")
        if "id" not in fields:
            raise GlossaryError(self.path, fields.line, "every term needs an `id:` (lowercase words and hyphens, e.g. list-of-issues)")
        term_id = self.text(fields["id"], fields.line_of("id"), "`id`")
        if not TERM_ID.match(term_id):
            raise GlossaryError(self.path, fields.line_of("id"), f"the id '{term_id}' must be lowercase words and hyphens, e.g. list-of-issues")
        unknown = set(fields) - {"id", "source", *self.languages}
        if unknown:
            raise GlossaryError(
                self.path, fields.line, f"term '{term_id}': unknown key(s) {', '.join(sorted(unknown))}; use id, source, {', '.join(self.languages)}"
            )
        # A term with no text at all needs every language; otherwise those the file is written in.
        given = [language for language in self.languages if language in fields]
        missing = [language for language in (self.written if given else self.languages) if language not in fields]
        if missing:
            raise GlossaryError(
                self.path,
                fields.line,
                f"term '{term_id}' has no {', '.join(missing)} text: add `{missing[0]}:` with at least `term:` and `definition:`",
            )
        texts = {language: self.term_text(fields[language], fields.line_of(language), term_id, language) for language in self.written}
        source = self.text(fields["source"], fields.line_of("source"), "`source`") if "source" in fields else ""
        return Term(term_id, texts, source, fields.line)

    def term_text(self, value: object, line: int, term_id: str, language: str) -> TermText:
        where = f"term '{term_id}' ({language})"
        fields = self.mapping(value, line, where)
        unknown = set(fields) - set(LANGUAGE_FIELDS)
        if unknown:
            raise GlossaryError(self.path, fields.line, f"{where}: unknown key(s) {', '.join(sorted(unknown))}; use {', '.join(LANGUAGE_FIELDS)}")
        for required in ("term", "definition"):
            if required not in fields:
                raise GlossaryError(self.path, fields.line, f"{where} has no `{required}:`")

        def optional_text(key: str) -> str | None:
            return self.text(fields[key], fields.line_of(key), f"`{key}`") if key in fields else None

        def optional_texts(key: str) -> tuple[str, ...]:
            return self.texts(fields[key], fields.line_of(key), f"`{key}`") if key in fields else ()

        status = optional_text("status") or "unverified"
        if status not in STATUSES:
            raise GlossaryError(self.path, fields.line_of("status"), f"{where}: status '{status}' is not one of {', '.join(STATUSES)}")
        text = TermText(
            term=self.text(fields["term"], fields.line_of("term"), "`term`"),
            definition=self.text(fields["definition"], fields.line_of("definition"), "`definition`"),
            abbreviation=optional_text("abbreviation"),
            also=optional_texts("also"),
            wrong=optional_texts("wrong"),
            allow=optional_texts("allow"),
            status=status,
        )
        # A wrong variant that also finds the official term would report every correct use.
        for variant in text.wrong:
            pattern = variant_pattern(variant)
            for correct in (text.term, *text.also):
                folded_correct = fold(correct)[0]
                if any(_starts_a_word(folded_correct, m.start()) for m in pattern.finditer(folded_correct)):
                    raise GlossaryError(
                        self.path,
                        fields.line_of("wrong"),
                        f"{where}: the wrong variant '{variant}' also matches the correct form '{correct}': make it more precise",
                    )
        return text


def _check_abbreviations(path: Path, terms: list[Term], languages: tuple[str, ...]) -> None:
    for language in languages:
        seen: dict[str, Term] = {}
        for term in terms:
            abbreviation = term.texts[language].abbreviation
            if not abbreviation:
                continue
            if abbreviation in seen:
                raise GlossaryError(
                    path,
                    term.line,
                    f"the {language} abbreviation '{abbreviation}' is already used by "
                    f"'{seen[abbreviation].id}': a hover definition can only explain one term",
                )
            seen[abbreviation] = term
