"""Line up a translation's structure with its English page's and say what differs, and where."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from advocacy_guide.translations.model import Problem
from advocacy_guide.translations.structure import NO_ID, PageStructure, Part

# What each kind of part is called in a message, and how to fix a difference.
NAMES = {
    "heading": ("heading id", "keep the English id and translate only the heading text"),
    "checklist": ("checklist id", "keep the English `id:` of the checklist"),
    "step": ("checklist step", "keep the English step id `{#...}` at the end of the step"),
    "video": ("video", "use the same `![type:video](id)` line as the English page"),
    "block": ("block", "use the same kind of admonition or `///` block as the English page"),
}


def _show(part: Part) -> str:
    if part.kind == "heading":
        return "no explicit id" if part.value == NO_ID else f"{{#{part.value}}}"
    if part.kind == "step":
        where = f" (checklist '{part.context}')" if part.context else ""
        return f"{{#{part.value}}}{where}" if part.value != NO_ID else f"without id{where}"
    return f"'{part.value}'"


def _missing_line(english_part: Part, translation: PageStructure, previous: Part | None) -> int:
    """Where in the translation a part the English page has should go."""
    if previous is not None:
        return previous.line
    line = translation.heading_line(english_part.section)
    return line if line is not None else 1


def compare_sequence(
    english: list[Part], translation: list[Part], translated: PageStructure, english_file: str, translation_file: str
) -> list[Problem]:
    """Differences between two ordered lists of parts of the same kind."""
    problems: list[Problem] = []
    matcher = SequenceMatcher(None, [p.value for p in english], [p.value for p in translation], autojunk=False)
    for tag, e1, e2, t1, t2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        kind = (english[e1] if e1 < e2 else translation[t1]).kind
        name, fix = NAMES[kind]
        english_parts, translation_parts = english[e1:e2], translation[t1:t2]
        pairs = list(zip(english_parts, translation_parts))
        for english_part, translation_part in pairs:
            problems.append(Problem(translation_file, translation_part.line,
                f"{name} {_show(translation_part)} differs from the English {_show(english_part)} "
                f"({english_file}:{english_part.line}): {fix}", "structure", kind))
        for translation_part in translation_parts[len(pairs):]:
            problems.append(Problem(translation_file, translation_part.line,
                f"{name} {_show(translation_part)} is not in the English page ({english_file}): "
                f"remove it, or {fix}", "structure", kind))
        previous = translation[t1 - 1] if t1 > 0 else None
        for english_part in english_parts[len(pairs):]:
            problems.append(Problem(translation_file, _missing_line(english_part, translated, previous),
                f"the English {name} {_show(english_part)} ({english_file}:{english_part.line}) is missing "
                f"here: {fix}", "structure", kind))
    return problems


def compare_links(
    english: PageStructure, translation: PageStructure, english_file: str, translation_file: str
) -> list[Problem]:
    """Internal links may move inside a translated sentence, so they are compared as a multiset."""
    problems: list[Problem] = []
    english_count = Counter(p.value for p in english.links)
    translation_count = Counter(p.value for p in translation.links)
    seen: Counter[str] = Counter()
    for part in translation.links:
        seen[part.value] += 1
        if seen[part.value] > english_count[part.value]:
            problems.append(Problem(translation_file, part.line,
                f"link to '{part.value}' is not in the English page ({english_file}): link to the same "
                "pages and anchors as the English page (file names and ids are never translated)", "structure", "link"))
    missing: Counter[str] = Counter()
    for part in english.links:
        missing[part.value] += 1
        if missing[part.value] > translation_count[part.value]:
            line = translation.heading_line(part.section) or 1
            problems.append(Problem(translation_file, line,
                f"the English page links to '{part.value}' ({english_file}:{part.line}) and this "
                "translation does not: keep the link, with the same file name and anchor", "structure", "link"))
    return problems


def compare_structures(
    english: PageStructure, translation: PageStructure, english_file: str, translation_file: str
) -> list[Problem]:
    """Every structural difference of `translation` from `english`, sorted by line."""
    problems: list[Problem] = []
    for attribute in ("headings", "checklists", "steps", "videos", "blocks"):
        problems += compare_sequence(
            getattr(english, attribute), getattr(translation, attribute), translation, english_file, translation_file
        )
    problems += compare_links(english, translation, english_file, translation_file)
    return sorted(problems, key=lambda p: p.line)
