"""Addresses of videos on YouTube, Vimeo and PeerTube, and their privacy-enhanced embeds.

Nothing is requested from these hosts until a reader asks for it: the page shows a placeholder
naming the host, and the embed address computed here is loaded only after the click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com", "youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# PeerTube ids: a UUID or the 22-character short id of `/w/...` addresses.
_PEERTUBE_PATH = re.compile(r"^/(?:w|videos/watch|videos/embed)/([0-9a-fA-F-]{36}|[A-Za-z0-9]{20,24})/?$")
_HOSTNAME = re.compile(r"^[a-z0-9.-]+(?::\d+)?$")

SUPPORTED = (
    "https://www.youtube.com/watch?v=ID, https://youtu.be/ID, https://vimeo.com/NUMBER "
    "or a PeerTube address such as https://peertube.example.org/w/ID"
)


@dataclass(frozen=True)
class ExternalVideo:
    provider: str  # "YouTube", "Vimeo", "PeerTube"
    contacted_host: str  # the host the embed connects to, shown to the reader before they click
    embed_url: str  # loaded only after the reader's click
    watch_url: str  # the video's own page on the host, for readers who prefer to go there


def is_external_address(target: str) -> bool:
    return target.startswith(("http://", "https://", "//"))


def parse_external(url: str) -> ExternalVideo | None:
    """The embed for a YouTube, Vimeo or PeerTube address, or None when it is not one."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if host in _YOUTUBE_HOSTS:
        return _youtube(parts)
    if host in _VIMEO_HOSTS:
        return _vimeo(parts)
    return _peertube(parts, parts.netloc.lower())


def _youtube(parts) -> ExternalVideo | None:  # type: ignore[no-untyped-def]
    segments = [s for s in parts.path.split("/") if s]
    video_id = None
    if parts.hostname == "youtu.be" and len(segments) == 1:
        video_id = segments[0]
    elif segments == ["watch"]:
        video_id = (parse_qs(parts.query).get("v") or [None])[0]
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
        video_id = segments[1]
    if not video_id or not _YOUTUBE_ID.match(video_id):
        return None
    return ExternalVideo(
        provider="YouTube",
        contacted_host="www.youtube-nocookie.com",
        embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
        watch_url=f"https://www.youtube.com/watch?v={video_id}",
    )


def _vimeo(parts) -> ExternalVideo | None:  # type: ignore[no-untyped-def]
    segments = [s for s in parts.path.split("/") if s]
    if segments[:1] == ["video"]:
        segments = segments[1:]
    if not segments or not segments[0].isdigit() or len(segments) > 2:
        return None
    video_id = segments[0]
    # Unlisted videos carry a hash: vimeo.com/ID/HASH or ?h=HASH.
    secret = segments[1] if len(segments) == 2 else (parse_qs(parts.query).get("h") or [""])[0]
    if secret and not secret.isalnum():
        return None
    hash_param = f"&h={secret}" if secret else ""
    return ExternalVideo(
        provider="Vimeo",
        contacted_host="player.vimeo.com",
        # dnt=1: Vimeo's "do not track" mode, no session data or cookies.
        embed_url=f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1{hash_param}",
        watch_url=f"https://vimeo.com/{video_id}" + (f"/{secret}" if secret else ""),
    )


def _peertube(parts, netloc: str) -> ExternalVideo | None:  # type: ignore[no-untyped-def]
    match = _PEERTUBE_PATH.match(parts.path)
    if not match or not _HOSTNAME.match(netloc):
        return None
    video_id = quote(match.group(1))
    return ExternalVideo(
        provider="PeerTube",
        contacted_host=netloc,
        # p2p=0: no peer-to-peer sharing, which would expose the reader's address to other viewers.
        embed_url=f"https://{netloc}/videos/embed/{video_id}?autoplay=1&p2p=0&warningTitle=0",
        watch_url=f"https://{netloc}/w/{video_id}",
    )
