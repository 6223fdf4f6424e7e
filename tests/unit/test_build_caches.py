"""What the build reads or compiles once per process (data files, YAML, templates) stays correct."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader

from advocacy_guide import yaml_parsing
from advocacy_guide.glossary import GlossaryError, load_glossary
from advocacy_guide.located_yaml import LocatedYamlError, load_located_yaml
from advocacy_guide.template_cache import MemoryBytecodeCache, share_compiled_templates
from tests.support.build import REPO

GLOSSARY = """\
terms:
  - id: list-of-issues
    en: {{term: {en}, definition: Questions the Committee sends.}}
    fr: {{term: liste de points, definition: Questions du Comité.}}
    es: {{term: lista de cuestiones, definition: Preguntas del Comité.}}
"""


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


@pytest.mark.parametrize(
    "document",
    ["key: [unclosed\n", "a: b: c\n", "- item\nkey: value\n", "key: 'open\n", "\tkey: value\n"],
)
def test_invalid_yaml_raises_pyyamls_own_error(document: str) -> None:
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.compose(document, Loader=yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError) as fast:
        yaml_parsing.compose(document)
    assert str(fast.value) == str(expected.value)
    with pytest.raises(yaml.YAMLError) as fast_load:
        yaml_parsing.safe_load(document)
    assert str(fast_load.value) == str(expected.value)


def test_valid_yaml_reads_the_same_values_and_lines() -> None:
    document = "when: 4:30\nanswer: no\nlist:\n  - one\n  - 2026-11-29\nnested:\n  key: value\n"
    assert yaml_parsing.safe_load(document) == yaml.safe_load(document)
    located = load_located_yaml(document, "x.yml")
    assert located == {"when": "4:30", "answer": "no", "list": ["one", "2026-11-29"], "nested": {"key": "value"}}
    assert located.key_lines == {"when": 1, "answer": 2, "list": 3, "nested": 6}
    assert located["list"].item_lines == [4, 5]
    with pytest.raises(LocatedYamlError) as error:
        load_located_yaml("a: 1\nb: [x\n", "x.yml")
    assert error.value.line == 3 and "not valid YAML" in error.value.message


def test_the_glossary_is_parsed_once_per_version_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY.format(en="list of issues"), encoding="utf-8")
    first = load_glossary(path)
    assert load_glossary(path) is first
    path.write_text(GLOSSARY.format(en="list of issue"), encoding="utf-8")
    _touch_later(path)
    changed = load_glossary(path)
    assert changed.terms[0].texts["en"].term == "list of issue"
    path.write_text("terms:\n  - id: Bad Id\n", encoding="utf-8")
    _touch_later(path)
    with pytest.raises(GlossaryError, match=r"glossary.yml:2: the id 'Bad Id'"):
        load_glossary(path)


def counting_environment(folder: Path, cache: MemoryBytecodeCache, compiled: list[str]) -> Environment:
    """An environment over `folder` that notes in `compiled` each template it compiles."""

    class CountingEnvironment(Environment):
        def _compile(self, source: str, filename: str):  # type: ignore[no-untyped-def]
            compiled.append(filename)
            return super()._compile(source, filename)

    env = CountingEnvironment(loader=FileSystemLoader(str(folder)))
    env.bytecode_cache = cache
    return env


def test_environments_share_compilations_and_see_edited_templates(tmp_path: Path) -> None:
    template = tmp_path / "t.html"
    template.write_text("one {{ value }}", encoding="utf-8")
    cache = MemoryBytecodeCache()
    compiled: list[str] = []

    def environment() -> Environment:
        return counting_environment(tmp_path, cache, compiled)

    assert environment().get_template("t.html").render(value=1) == "one 1"
    assert environment().get_template("t.html").render(value=2) == "one 2"
    assert len(compiled) == 1
    template.write_text("two {{ value }}", encoding="utf-8")
    assert environment().get_template("t.html").render(value=3) == "two 3"
    assert len(compiled) == 2
    shared = share_compiled_templates(Environment(loader=FileSystemLoader(str(tmp_path))))
    assert shared.bytecode_cache is not None and shared.get_template("t.html").render(value=4) == "two 4"


def test_compiled_templates_are_kept_on_disk_for_the_next_build(tmp_path: Path) -> None:
    templates, kept = tmp_path / "templates", tmp_path / ".cache" / "templates"
    templates.mkdir()
    template = templates / "t.html"
    template.write_text("one {{ value }}", encoding="utf-8")
    compiled: list[str] = []

    def next_build() -> Environment:
        """A new process: a new, empty memory cache over the same folder."""
        cache = MemoryBytecodeCache()
        cache.keep_in(kept)
        return counting_environment(templates, cache, compiled)

    assert next_build().get_template("t.html").render(value=1) == "one 1"
    assert len(compiled) == 1 and any(kept.iterdir())
    assert next_build().get_template("t.html").render(value=2) == "one 2"
    assert len(compiled) == 1  # read from the folder, not compiled again
    template.write_text("two {{ value }}", encoding="utf-8")
    assert next_build().get_template("t.html").render(value=3) == "two 3"
    assert len(compiled) == 2  # the source changed: compiled again
    for kept_file in kept.iterdir():
        kept_file.write_bytes(b"not bytecode")
    assert next_build().get_template("t.html").render(value=4) == "two 4"  # a damaged cache is ignored


def test_a_folder_that_cannot_be_made_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = MemoryBytecodeCache()
    cache.keep_in(blocker / "templates")  # a file stands where the folder would be
    (tmp_path / "t.html").write_text("ok {{ value }}", encoding="utf-8")
    env = Environment(loader=FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
    assert env.get_template("t.html").render(value=1) == "ok 1"


def test_a_themes_environments_share_compilations_and_one_listing_per_theme(tmp_path: Path) -> None:
    from mkdocs.theme import Theme

    from advocacy_guide.template_cache import SHARED_CACHE, share_theme_environments

    custom = tmp_path / "overrides"
    custom.mkdir()
    (custom / "snippet.html").write_text("snippet {{ value }}", encoding="utf-8")
    theme = Theme(name="mkdocs", custom_dir=str(custom))
    share_theme_environments(theme)
    share_theme_environments(theme)  # on_config runs once per language: no double wrapping
    first, second = theme.get_env(), theme.get_env()
    assert first.bytecode_cache is SHARED_CACHE and second.bytecode_cache is SHARED_CACHE
    assert first.get_template("snippet.html").render(value=1) == "snippet 1"
    assert "snippet.html" in first.list_templates()
    (custom / "added.css").write_text("", encoding="utf-8")
    assert "added.css" not in second.list_templates()  # listed once for this theme (one build)
    assert second.list_templates(filter_func=lambda name: name.endswith(".html")) == sorted(
        name for name in first.list_templates() if name.endswith(".html")
    )
    rebuilt = Theme(name="mkdocs", custom_dir=str(custom))  # `mkdocs serve` reloads the theme
    share_theme_environments(rebuilt)
    assert "added.css" in rebuilt.get_env().list_templates()


def test_the_theme_files_mkdocs_copies_are_the_same_with_the_shorter_listing() -> None:
    """The shared listing skips hidden folders (Material's 14,000 icons): MkDocs copies exactly
    the files it copied from the full listing, for Material with this site's overrides."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from advocacy_guide.template_cache import share_theme_environments

    config = load_config(str(REPO / "mkdocs.yml"))
    stock = Files([])
    stock.add_files_from_theme(config.theme.get_env(), config)
    share_theme_environments(config.theme)
    env = config.theme.get_env()
    shared = Files([])
    shared.add_files_from_theme(env, config)
    assert [f.src_uri for f in shared] == [f.src_uri for f in stock]
    assert len(stock) > 40 and not any(f.src_uri.startswith(".") for f in stock)
    assert env.get_template(".icons/material/check.svg") is not None  # hidden templates still load
