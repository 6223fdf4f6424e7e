"""Build the real site, or a small fixture site, into a temporary folder with `--strict`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
# What a fixture site copies from the repository: everything the build reads but the pages.
SITE_SOURCES = ("mkdocs.yml", "overrides", "hooks", "data")
# Linked rather than copied: data/videos.yml names files in videos/, which may be large.
LINKED_SOURCES = ("videos",)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path
    project_dir: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def replicate(self) -> str:
        return f"replicate with: cd {self.project_dir} && mkdocs build --strict -d {self.site_dir}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mkdocs_build(project_dir: Path, site_dir: Path, site_url: str, extra_env: dict[str, str] | None = None) -> BuildResult:
    """Run `mkdocs build --strict` in `project_dir` and capture what it printed."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir, project_dir)


def build_strictly(project_dir: Path, site_dir: Path, site_url: str) -> BuildResult:
    """`mkdocs_build`, failing the test (with the build's output) if the strict build fails."""
    result = mkdocs_build(project_dir, site_dir, site_url)
    assert result.ok, f"strict build failed:\n{result.output}\n{result.replicate()}"
    return result


def make_fixture_project(
    tmp_path: Path,
    pages: dict[str, str],
    *,
    nav: list | None = None,
    config_changes: dict | None = None,
    extra_files: dict[str, str | bytes] | None = None,
) -> Path:
    """A copy of the site's configuration with only `pages` (paths like 'en/index.md') as content.

    The navigation defaults to every English page, in order; `config_changes` are merged into
    the top level of mkdocs.yml; `extra_files` are written relative to the project folder.
    """
    project = tmp_path / "project"
    project.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy2(source, project / name)
    own_folders = {Path(relative).parts[0] for relative in extra_files or {}}
    for name in LINKED_SOURCES:  # a test that brings its own videos/ never writes into the repository's
        if name not in own_folders and (REPO / name).exists() and not (project / name).exists():
            (project / name).symlink_to(REPO / name, target_is_directory=True)
    for relative, text in pages.items():
        target = project / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for relative, content in (extra_files or {}).items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_EnvLoader)
    config["nav"] = nav if nav is not None else [p[len("en/"):] for p in pages if p.startswith("en/") and p.endswith(".md")]
    # Fixture pages are about one feature each: a missing `reviewed:` date is allowed (a wrong one
    # is still an error). tests/site/test_freshness_build.py builds with the real rule.
    config["extra"] = {**(config.get("extra") or {}), "freshness": "optional"}
    config.update(config_changes or {})
    config_path.write_text(yaml.dump(config, Dumper=_EnvDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


class _Env:
    def __init__(self, value: list) -> None:
        self.value = value


class _EnvLoader(yaml.SafeLoader):
    pass


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> _Env:
    return _Env(loader.construct_sequence(node))  # type: ignore[arg-type]


_EnvLoader.add_constructor("!ENV", _construct_env)
# mkdocs.yml may name Python objects (pymdownx emoji functions, for example): keep them verbatim.
_EnvLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _PyName(suffix)
)


class _PyName:
    def __init__(self, name: str) -> None:
        self.name = name


class _EnvDumper(yaml.SafeDumper):
    pass


_EnvDumper.add_representer(_Env, lambda dumper, env: dumper.represent_sequence("!ENV", env.value, flow_style=True))
_EnvDumper.add_representer(_PyName, lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name.name}", ""))
