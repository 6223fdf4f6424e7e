"""WebVTT captions written from the timeline: one cue per spoken chunk, at its measured time."""

from __future__ import annotations

from advocacy_guide.storyboards.timeline import Timeline

# Two lines of this many characters fit a phone screen at the players' default caption size.
CAPTION_LINE_CHARACTERS = 42


def format_webvtt(timeline: Timeline, *, language: str, scene_ids: list[str]) -> str:
    """The captions file. A NOTE before each scene's first cue names the scene for translators."""
    blocks = [f"WEBVTT - {language}"]
    current_scene = -1
    for number, chunk in enumerate(timeline.chunks, start=1):
        if chunk.scene != current_scene:
            current_scene = chunk.scene
            blocks.append(f"NOTE scene {scene_ids[chunk.scene]}")
        text = "\n".join(wrap_caption(_escape(chunk.text)))
        blocks.append(f"{number}\n{timestamp(chunk.start)} --> {timestamp(chunk.end)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def wrap_caption(text: str, width: int = CAPTION_LINE_CHARACTERS) -> list[str]:
    """Break a caption into lines of at most about `width` characters, as even as possible."""
    if len(text) <= width:
        return [text]
    words = text.split(" ")
    # The break that makes the longer of the two lines shortest.
    best = min(range(1, len(words)), key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))), default=None)
    if best is None:
        return [text]
    first, rest = " ".join(words[:best]), " ".join(words[best:])
    return [first, *wrap_caption(rest, width)] if len(rest) > width and len(first) <= width else [first, rest]


def _escape(text: str) -> str:
    """A cue's text cannot hold '<', '&' or '-->' as such (WebVTT cue text syntax)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
