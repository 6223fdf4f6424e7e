"""Sentence length of a page, compared with its English original.

Translations drift towards longer sentences: a French sentence that joins two English ones is
harder to read on a phone and betrays the translation. These figures let a translator see, page
by page, whether the translation keeps the English sentence breaks: the average sentence length
must stay within `MAX_AVERAGE_RATIO` of the English, and the number of long sentences
(`LONG_SENTENCE` words or more) within `MAX_LONG_RATIO` of the English count, rounded up.

Only prose is counted: paragraphs, list items, table cells and box contents. Headings, code,
HTML comments, front matter, checklist ids, video lines, link targets and attribute lists are
left out, so a page's figures do not change when a link's address or a heading id does.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pymdownx.tasklist import RE_CHECKBOX

from advocacy_guide.markdown.source import LIST_MARKER, read_source

LONG_SENTENCE = 30
MAX_AVERAGE_RATIO = 1.10
MAX_LONG_RATIO = 1.20

# Lines that are structure, not prose.
_SKIPPED_LINE = re.compile(
    r"""^[ \t]*(?:
        \#{1,6}[ \t]              # a heading
      | ///                       # a block's opening or closing line (checklists)
      | (?:!!!|\?\?\?\+?)[ \t]    # an admonition or a folded box and its title
      | id:[ \t]                  # a checklist's id
      | !\[type:video\]           # a video line
      | \*\[[^\]]+\]:             # an abbreviation definition
      | \[[^\]]+\]:[ \t]          # a link reference definition
      | \|?[ \t]*:?-{3,}          # a table's separator row
    )""",
    re.X,
)
_ATTR_LIST = re.compile(r"\{[:#.][^}\n]*\}")
_LINK_TARGET = re.compile(r"(\]|\))\([^)\s]*(?:[ \t]+\"[^\"]*\")?\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# A sentence ends at . ! ? or … (and any closing quotes, brackets or emphasis), before a capital
# letter, which may follow opening quotes, brackets, a link's `[` or emphasis (`**Note**`,
# `[The page](...)`). "No. 36", "arts. 2 and 19" and "e.g. the" do not end a sentence. Whether the
# letter is a capital is decided by `str.isupper` (`_ends_before_capital`): a character class of
# lowercase letters misses some (œ, ā), which then split "mise en œuvre" after a full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]*_]*\s+(?=[«\"“¿¡(\[*_]*\s*(?P<letter>[^\W\d_]))")
# Words: letters with inner apostrophes or hyphens (l'État, follow-up), or a number, with
# thousands groups separated by spaces (19 000) or commas (19,000) counted once.
_WORD = re.compile(r"\d+(?:[ \u00a0\u202f,.]\d{3})*(?:[.,]\d+)?|[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@dataclass(frozen=True)
class SentenceFigures:
    """How many sentences a page has, how long they are on average, and how many are long."""

    sentences: int
    words: int
    long: int

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"sentences": self.sentences, "words": self.words, "average": round(self.average, 1), "long": self.long}


@dataclass(frozen=True)
class SentenceComparison:
    """A translation's figures against its English page's, and whether they keep to the limits."""

    english: SentenceFigures
    translation: SentenceFigures

    @property
    def average_ratio(self) -> float:
        return self.translation.average / self.english.average if self.english.average else 1.0

    @property
    def allowed_long(self) -> int:
        return math.ceil(self.english.long * MAX_LONG_RATIO - 1e-9)

    @property
    def problems(self) -> list[str]:
        found = []
        if self.average_ratio > MAX_AVERAGE_RATIO:
            found.append(
                f"sentences average {self.translation.average:.1f} words against {self.english.average:.1f} in English "
                f"({self.average_ratio:.2f}x, at most {MAX_AVERAGE_RATIO:.2f}x): split long sentences where the English does"
            )
        if self.translation.long > self.allowed_long:
            found.append(
                f"{self.translation.long} sentences of {LONG_SENTENCE} words or more against {self.english.long} in English "
                f"(at most {self.allowed_long}): split them where the English does"
            )
        return found

    @property
    def within_limits(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return {
            "english": self.english.as_dict(),
            "translation": self.translation.as_dict(),
            "average_ratio": round(self.average_ratio, 2),
            "max_average_ratio": MAX_AVERAGE_RATIO,
            "long_sentence_words": LONG_SENTENCE,
            "allowed_long": self.allowed_long,
            "within_limits": self.within_limits,
            "problems": self.problems,
        }

    def summary(self) -> str:
        return (
            f"sentences: {self.translation.average:.1f} words on average ({self.average_ratio:.2f}x English), "
            f"{self.translation.long} of {LONG_SENTENCE}+ words (English {self.english.long})"
        )


def prose_units(markdown: str) -> list[str]:
    """The page's prose, as paragraphs, list items and table cells, with markup removed."""
    return [text for _, text in located_prose_units(markdown)]


def located_prose_units(markdown: str) -> list[tuple[int, str]]:
    """`prose_units`, each with the line of the file it starts on."""
    source = read_source(markdown)
    units: list[tuple[int, list[str]]] = [(source.first_body_line, [])]
    for number, line in source.body_prose_lines():
        if not line.strip() or _SKIPPED_LINE.match(line):
            units.append((number + 1, []))
            continue
        if line.lstrip().startswith("|"):
            units.extend((number, [cell]) for cell in line.strip().strip("|").split("|"))
            units.append((number + 1, []))
            continue
        item = LIST_MARKER.match(line)
        if item:
            text = line[item.end() :]
            box = RE_CHECKBOX.match(text)
            units.append((number, [box.group("line") if box else text]))
            continue
        if not units[-1][1]:
            units[-1] = (number, units[-1][1])
        units[-1][1].append(line.strip().lstrip(">").strip())
    cleaned = []
    for number, unit in units:
        text = " ".join(unit)
        text = _IMAGE.sub(" ", text)
        text = _LINK_TARGET.sub(r"\1", text)
        text = _ATTR_LIST.sub(" ", _HTML_TAG.sub(" ", text))
        if _WORD.search(text):
            cleaned.append((number, " ".join(text.split())))
    return cleaned


def split_sentences(unit: str) -> list[str]:
    """The sentences of one paragraph, list item or table cell."""
    found: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(unit):
        if end.group("letter").isupper():
            found.append(unit[start : end.start()])
            start = end.end()
    found.append(unit[start:])
    return found


def sentences(markdown: str) -> list[str]:
    """Every sentence of the page's prose."""
    return [s for unit in prose_units(markdown) for s in split_sentences(unit) if _WORD.search(s)]


def longest_sentence(markdown: str) -> tuple[int, int, str] | None:
    """(line of its paragraph, words, text) of the page's longest sentence, None without prose."""
    found = [(word_count(sentence), -line, sentence) for line, unit in located_prose_units(markdown)
             for sentence in split_sentences(unit) if _WORD.search(sentence)]
    if not found:
        return None
    words, line, sentence = max(found)
    return -line, words, sentence


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def figures(markdown: str) -> SentenceFigures:
    """The sentence figures of a Markdown page."""
    counts = [word_count(s) for s in sentences(markdown)]
    return SentenceFigures(len(counts), sum(counts), sum(1 for c in counts if c >= LONG_SENTENCE))


def compare(english: str, translation: str) -> SentenceComparison:
    """Compare a translation's sentence figures with its English page's."""
    return SentenceComparison(figures(english), figures(translation))


if __name__ == "__main__":  # python -m advocacy_guide.translations.sentences fr [page.md ...] [--long]
    import sys
    from pathlib import Path

    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    language, pages = arguments[0], arguments[1:]
    show_long = "--long" in sys.argv
    root = Path.cwd() / "docs"
    failed = 0
    for path in sorted((root / language).glob("*.md")):
        if pages and path.name not in pages:
            continue
        english = root / "en" / path.name
        if not english.exists():
            continue
        result = compare(english.read_text(encoding="utf-8"), path.read_text(encoding="utf-8"))
        flag = "FAIL" if result.problems else "ok  "
        failed += bool(result.problems)
        print(f"{flag} {path.name:<34} {result.summary()}")
        for problem in result.problems:
            print(f"       {problem}")
        if show_long:
            for sentence in sentences(path.read_text(encoding="utf-8")):
                if word_count(sentence) >= LONG_SENTENCE:
                    print(f"       [{word_count(sentence)}] {sentence}")
    sys.exit(1 if failed else 0)
