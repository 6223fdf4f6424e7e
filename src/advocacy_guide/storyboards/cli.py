"""`advocacy-guide videos`: render module videos from their storyboards, or check that they are current."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from advocacy_guide.build.languages import find_config_file, known_languages
from advocacy_guide.storyboards import STORYBOARD_FOLDER
from advocacy_guide.storyboards.check import check_renderings, stale_reasons
from advocacy_guide.storyboards.declarations import DeclarationError, write_declarations
from advocacy_guide.storyboards.encode import EncodeError
from advocacy_guide.storyboards.manifest import Manifest, ManifestError, Rendering
from advocacy_guide.storyboards.model import StoryboardError
from advocacy_guide.storyboards.project import Storyboards, load_storyboards
from advocacy_guide.storyboards.render import render_storyboard
from advocacy_guide.storyboards.settings import RenderSettings
from advocacy_guide.storyboards.slides import SlideRenderer, template_fingerprint
from advocacy_guide.storyboards.speech import SpeechError

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_videos_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "videos",
        help="render the module videos from storyboards/ (or --check that they are current)",
        description=(
            "Render each storyboard (storyboards/<module>/<language>.md) into a narrated video, its poster "
            "and captions in videos/, record it in storyboards/manifest.json and declare it in data/videos.yml. "
            "Only missing or stale renderings are made again, unless --force."
        ),
    )
    parser.add_argument("--module", action="append", metavar="ID", help="only this module (repeatable), such as why-engage")
    parser.add_argument("--language", action="append", metavar="LANG", help="only this language (repeatable), one of mkdocs.yml's: en, fr, es...")
    parser.add_argument("--check", action="store_true", help="render nothing; exit with 1 naming each rendering that is missing or stale")
    parser.add_argument("--force", action="store_true", help="render again even when the rendering is up to date")
    parser.add_argument("--root", type=Path, default=None, help="the project folder (default: found from the current folder)")
    parser.set_defaults(func=run_videos)


def find_project_root(start: Path) -> Path | None:
    try:
        return find_config_file(start).parent
    except FileNotFoundError:
        return None


def run_videos(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    root = find_project_root(args.root or Path.cwd())
    if root is None:
        print("error: no mkdocs.yml here or above: run the command inside the project, or pass --root", file=err)
        return EXIT_USAGE
    site_languages = known_languages(root).codes
    unknown = [code for code in args.language or [] if code not in site_languages]
    if unknown:
        print(f"error: --language {unknown[0]} is not a language of the site: use one of {', '.join(site_languages)}", file=err)
        return EXIT_USAGE
    storyboards = load_storyboards(root)
    keys = {file.key for file in storyboards.files
            if (not args.module or file.video_id in args.module) and (not args.language or file.language in args.language)}
    for module in args.module or []:
        if not any(file.video_id == module for file in storyboards.files):
            print(f"error: no storyboard for '{module}': expected {STORYBOARD_FOLDER}/{module}/<language>.md", file=err)
            return EXIT_USAGE
    selected_all = not args.module and not args.language
    if args.check:
        findings = check_renderings(root, keys=None if selected_all else keys, storyboards=storyboards)
        for finding in findings:
            print(finding, file=err)
        if findings:
            return EXIT_PROBLEMS
        print(f"{len(keys)} renderings match their storyboards.", file=out)
        return 0
    return _render(root, storyboards, keys, selected_all, args.force, out, err)


def _render(root: Path, storyboards: Storyboards, keys: set[str], selected_all: bool, force: bool, out: TextIO, err: TextIO) -> int:
    failed = False
    for problem in storyboards.problems:
        print(problem, file=err)
        failed = True
    try:
        manifest = Manifest.read(root)
    except ManifestError as error:
        print(f"error: {error}", file=err)
        return EXIT_PROBLEMS
    settings = RenderSettings()
    template = template_fingerprint()
    chosen = [storyboards.parsed[key] for key in sorted(keys) if key in storyboards.parsed]
    to_render = [s for s in chosen if force or stale_reasons(s, manifest.renderings.get(s.key), settings.for_storyboard(s, template), root)]
    if to_render:
        with SlideRenderer(settings.width, settings.height, settings.caption_band) as slides:
            for storyboard in to_render:
                print(f"rendering {storyboard.key} ({storyboard.path}) ...", file=out, flush=True)
                try:
                    rendering = render_storyboard(storyboard, root=root, settings=settings, slides=slides)
                except StoryboardError as error:
                    for problem in error.problems:
                        print(problem, file=err)
                    failed = True
                    continue
                except (SpeechError, EncodeError) as error:
                    print(f"error: {storyboard.key}: {error}", file=err)
                    failed = True
                    continue
                manifest.renderings[storyboard.key] = rendering
                manifest.write(root)  # after each video: an interrupted run keeps what it made
                out.write(_summary(rendering))
    if selected_all:
        _prune(root, manifest, {file.key for file in storyboards.files}, out)
    rendered: dict[str, dict[str, Rendering]] = defaultdict(dict)
    for storyboard in chosen:
        if storyboard.key in manifest.renderings:
            rendered[storyboard.video_id][storyboard.language] = manifest.renderings[storyboard.key]
    try:
        if write_declarations(root, rendered):
            print("data/videos.yml: versions updated.", file=out)
    except DeclarationError as error:
        print(f"error: {error}", file=err)
        return EXIT_PROBLEMS
    if not to_render:
        print("Every selected rendering is up to date (use --force to render again).", file=out)
    remaining = check_renderings(root, keys=None if selected_all else keys)
    for finding in remaining:
        if not any(str(finding) == str(problem) for problem in storyboards.problems):
            print(finding, file=err)
    return EXIT_PROBLEMS if failed or remaining else 0


def _prune(root: Path, manifest: Manifest, existing: set[str], out: TextIO) -> None:
    """Forget renderings whose storyboard was deleted, and delete their files."""
    gone = [key for key in manifest.renderings if key not in existing]
    for key in gone:
        for output in manifest.renderings.pop(key).files.values():
            (root / output.path).unlink(missing_ok=True)
        print(f"removed the rendering of {key}: its storyboard is gone", file=out)
    if gone:
        manifest.write(root)


def _summary(rendering: Rendering) -> str:
    media = rendering.files["media"]
    per_minute = media.bytes / 1024 / (rendering.duration / 60)
    return (
        f"  {media.path}: {rendering.duration:.1f} s, {media.bytes / 1024:.0f} KB ({per_minute:.0f} KB/min); "
        f"poster {rendering.files['poster'].bytes / 1024:.0f} KB; {len(rendering.chapters)} chapters\n"
    )

