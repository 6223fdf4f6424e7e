"""The video hosts a page may frame: those of the external videos declared in data/videos.yml.

A policy that allowed every video host would let any injected frame through; this one allows
only the hosts of videos the guide actually declares, as their privacy-enhanced embeds
(`www.youtube-nocookie.com`, `player.vimeo.com`, the PeerTube instance itself). Those frames
load only after a reader's click.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from advocacy_guide import yaml_parsing
from advocacy_guide.external_video import is_external_address, parse_external


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def frame_origins(videos: Any) -> list[str]:
    """`https://host` for every external video address found anywhere in the declarations."""
    origins: dict[str, None] = {}
    for text in _strings(videos):
        if not is_external_address(text.strip()):
            continue
        video = parse_external(text)
        if video is not None:
            origins[f"https://{video.contacted_host}"] = None
    return sorted(origins)


def frame_origins_from_file(path: Path) -> list[str]:
    """The frame origins of `data/videos.yml`; none when the file does not exist.

    The file's own errors are reported by the video feature, which reads it with line numbers;
    here an unreadable file allows no frame.
    """
    if not path.is_file():
        return []
    try:
        data = yaml_parsing.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return []
    return frame_origins(data)
