"""Where a project's pages, languages and glossary are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import ConfigurationError

from advocacy_guide.build.languages import SiteLanguages, languages_of, load_project_config

GLOSSARY_FILE = Path("data") / "glossary.yml"
# English edits recorded as needing no translation (`advocacy-guide translations skip`).
SKIPS_FILE = Path("data") / "translation-skips.yml"


class ProjectNotFound(Exception):
    pass


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    languages: tuple[str, ...]  # mkdocs.yml's, default first or not: as the i18n plugin lists them
    default: str

    @classmethod
    def find(cls, start: Path) -> "Project":
        """The project whose mkdocs.yml is in `start` or the nearest folder above it."""
        for folder in (start.resolve(), *start.resolve().parents):
            config = folder / "mkdocs.yml"
            if config.is_file():
                return cls.from_config(config)
        raise ProjectNotFound(f"no mkdocs.yml in {start} or above it: run the command inside the guide's repository")

    @classmethod
    def from_config(cls, config_file: Path) -> "Project":
        """The project of a mkdocs.yml, read by MkDocs' own loader (`!ENV` and all)."""
        try:
            config = load_project_config(config_file)
        except ConfigurationError as error:
            raise ProjectNotFound(f"{config_file}: {error}") from error
        return cls.for_build(config_file.resolve().parent, config.docs_dir, languages_of(config))

    @classmethod
    def for_build(cls, root: Path, docs_dir: str, languages: SiteLanguages) -> "Project":
        """The project of a running build (its configuration is loaded already)."""
        return cls(root.resolve(), Path(docs_dir).resolve(), languages.codes, languages.default)

    @property
    def translations(self) -> tuple[str, ...]:
        return tuple(language for language in self.languages if language != self.default)

    @property
    def glossary_file(self) -> Path:
        return self.root / GLOSSARY_FILE

    @property
    def skips_file(self) -> Path:
        return self.root / SKIPS_FILE

    def folder(self, language: str) -> Path:
        return self.docs_dir / language

    def page_file(self, language: str, page: str) -> Path:
        return self.folder(language) / page

    def relative(self, path: Path) -> str:
        """A path as it is shown in messages: relative to the project, with `/`."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def pages(self, language: str) -> list[str]:
        """The Markdown pages of a language, relative to its folder, such as `follow-up.md`."""
        folder = self.folder(language)
        if not folder.is_dir():
            return []
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if p.is_file())
