"""Which renderings are missing or stale, and why: shared by `--check` and the site build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocacy_guide import COMMAND
from advocacy_guide.storyboards import MANIFEST_FILE
from advocacy_guide.storyboards.declarations import declaration_mismatches
from advocacy_guide.storyboards.manifest import FILE_KINDS, Manifest, ManifestError, Rendering, file_sha256, output_names
from advocacy_guide.storyboards.model import Storyboard
from advocacy_guide.storyboards.project import Storyboards, load_storyboards
from advocacy_guide.storyboards.settings import RenderSettings, settings_fingerprint
from advocacy_guide.storyboards.slides import template_fingerprint
from advocacy_guide.videos import DECLARATIONS_FILE, load_catalog


@dataclass(frozen=True)
class Finding:
    """A problem at a file and line; about one module and language when `key` is set."""

    path: str
    line: int
    message: str
    key: str | None = None  # "why-engage/fr"

    def __str__(self) -> str:
        if self.key is None:
            return f"{self.path}:{self.line}: {self.message}"
        video_id, language = self.key.split("/")
        return f"{self.path}:{self.line}: {video_id} ({language}): {self.message}"


def render_command(key: str) -> str:
    video_id, language = key.split("/")
    return f"{COMMAND} videos --module {video_id} --language {language}"


def stale_reasons(storyboard: Storyboard, rendering: Rendering | None, settings: dict[str, object], root: Path) -> list[str]:
    """Why the rendering of `storyboard` must be made again; empty when it is up to date."""
    if rendering is None:
        return ["has no rendering yet"]
    reasons: list[str] = []
    if rendering.storyboard_sha256 != storyboard.fingerprint():
        reasons.append("the storyboard changed after the video was rendered")
    if rendering.settings_sha256 != settings_fingerprint(settings):
        changed = sorted(key for key in {*settings, *rendering.settings} if settings.get(key) != rendering.settings.get(key))
        reasons.append(f"the renderer's settings changed ({', '.join(changed) or 'format'})")
    expected = output_names(storyboard.video_id, storyboard.language)
    for kind in FILE_KINDS:
        output = rendering.files.get(kind)
        if output is None or output.name != expected[kind]:
            reasons.append(f"the manifest has no {kind} file for it")
            continue
        path = root / output.path
        if not path.is_file():
            reasons.append(f"{output.path} is missing")
        elif path.stat().st_size != output.bytes or file_sha256(path) != output.sha256:
            reasons.append(f"{output.path} is not the file that was rendered (it was changed or replaced)")
    return reasons


def check_renderings(root: Path, *, keys: set[str] | None = None, storyboards: Storyboards | None = None) -> list[Finding]:
    """Every problem that stops the videos matching their storyboards (all, or those in `keys`)."""
    storyboards = storyboards or load_storyboards(root)
    findings = [Finding(p.path, p.line, p.message) for p in storyboards.problems]
    if not storyboards.files:
        return findings
    try:
        manifest = Manifest.read(root)
    except ManifestError as error:
        return [*findings, Finding(MANIFEST_FILE, 1, str(error).split(": ", 1)[1])]
    template = template_fingerprint()
    settings = RenderSettings()
    catalog = load_catalog(root)
    for file in storyboards.files:
        key = file.key
        storyboard = storyboards.parsed.get(key)
        if storyboard is None or (keys is not None and key not in keys):
            continue
        if storyboard.video_id not in catalog.videos:
            findings.append(Finding(file.shown, 1, f"'{storyboard.video_id}' is not declared in {DECLARATIONS_FILE}: add it with its title in each language", key))
            continue
        rendering = manifest.renderings.get(key)
        reasons = stale_reasons(storyboard, rendering, settings.for_storyboard(storyboard, template), root)
        if reasons:
            findings.append(Finding(file.shown, 1, f"{'; '.join(reasons)}: run `{render_command(key)}`", key))
            continue
        assert rendering is not None
        for mismatch in declaration_mismatches(catalog, storyboard.video_id, storyboard.language, rendering):
            findings.append(Finding(
                DECLARATIONS_FILE, mismatch.line,
                f"{mismatch.what}: run `{COMMAND} videos` to write the rendered version in", key,
            ))
    for key in sorted(manifest.renderings):
        if keys is None and key not in {file.key for file in storyboards.files}:
            files = ", ".join(f.path for f in manifest.renderings[key].files.values())
            findings.append(Finding(MANIFEST_FILE, 1, f"rendered, but its storyboard is gone: run `{COMMAND} videos` to remove {files}", key))
    return findings
