"""Narrated module videos rendered from translatable storyboards.

A storyboard (`storyboards/<video-id>/<language>.md`, format in storyboards/README.md) lists the
scenes of a module's video: on-screen text, an optional illustration, and the narration. The
renderer (`advocacy-guide videos`) turns each one into an MP4 with a poster and WebVTT captions
in `videos/`, records what it was made from in `storyboards/manifest.json`, and writes the
video's version in data/videos.yml. The build and `advocacy-guide videos --check` report a
rendering that is missing or older than its storyboard.

Modules: `parser` (Markdown to a Storyboard, with located errors), `timeline` (narration chunks
to scene times and caption cues), `speech` (espeak-ng), `slides` (HTML slides captured with
Chromium), `encode` (ffmpeg), `manifest` (fingerprints and staleness), `declarations` (the
versions in data/videos.yml), `render` (one module and language end to end), `cli`.
"""

STORYBOARD_FOLDER = "storyboards"
MANIFEST_FILE = "storyboards/manifest.json"
