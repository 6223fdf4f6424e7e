"""A page named the way a translator types it: `follow-up.md`, `fr/follow-up.md`,
`docs/fr/follow-up.md`, `docs/en/follow-up.md`, `./docs/fr/follow-up.md`, an absolute path, or
`follow-up` without `.md`, all name the page `follow-up.md`.

A page is always named by its English original: a translation without one is not a page to
stamp, diff or skip. A name that matches no English page gets the closest file names.
"""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

from advocacy_guide.translations.project import Project


class PageNotFound(FileNotFoundError):
    """The name matches no English page; the message says which ones come close."""


def resolve_page(project: Project, given: str, language: str | None = None) -> str:
    """The page `given` names, relative to a language folder (`follow-up.md`).

    `language` is the translation the command works on: a path into another translation's
    folder (`docs/es/...` for `fr`) is refused rather than silently read as the French page.
    """
    parts = list(_relative_parts(project, given))
    docs = PurePosixPath(project.relative(project.docs_dir)).parts
    if tuple(parts[: len(docs)]) == docs and len(parts) > len(docs):
        parts = parts[len(docs) :]
    if len(parts) > 1 and parts[0] in project.languages:
        folder = parts.pop(0)
        if language is not None and folder not in (language, project.default):
            page = "/".join(parts)
            raise PageNotFound(
                f"{given} is a page of docs/{folder}/, not docs/{language}/: name the page alone ({page}), "
                f"or use the language {folder}"
            )
    page = "/".join(parts)
    if page and not page.endswith(".md") and not PurePosixPath(page).suffix:
        page += ".md"
    english = project.pages(project.default)
    if page in english:
        return page
    folder = project.relative(project.folder(project.default))
    names = [name for name in english if name != page]
    close = difflib.get_close_matches(page, names, n=3, cutoff=0.6)
    if not close:  # a typo in a folder name, or a page given by its title: compare the file names alone
        by_name = {PurePosixPath(name).name: name for name in names}
        close = [by_name[name] for name in difflib.get_close_matches(PurePosixPath(page).name, list(by_name), n=3, cutoff=0.6)]
    hint = f"did you mean {' or '.join(close)}?" if close else f"the English pages are the files in {folder}/"
    raise PageNotFound(f"no page {page or given} in {folder}/: {hint}")


def _relative_parts(project: Project, given: str) -> tuple[str, ...]:
    path = Path(given.replace("\\", "/"))
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(project.root)
        except ValueError:
            pass
    return tuple(part for part in PurePosixPath(path.as_posix()).parts if part not in (".", "/"))
