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
    """Break a caption into lines of about `width` characters, balanced when it takes two."""
    if len(text) <= width:
        return [text]
    words = text.split(" ")
    lines_needed = -(-len(text) // width)
    target = len(text) / lines_needed
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > target and len(lines) < lines_needed - 1:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def _escape(text: str) -> str:
    """A cue's text cannot hold '<', '&' or '-->' as such (WebVTT cue text syntax)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
