"""The HTTP headers the site is served with, on every host that lets a site set them.

One list, rendered into each host's format by `advocacy_guide.deploy.hosts`. The
Content-Security-Policy is the one every page carries in its `<meta>` tag (hooks/security.py),
read back from the pages, plus what only a header can say: `frame-ancestors 'none'`, so that no
other site can frame the guide and trick a reader into clicks (clickjacking).

Cache rules: a file whose name carries a hash of its content (Material's bundles, such as
`bundle.a5f9d56c.min.js`) never changes under that name, so browsers keep it for a year without
asking. Everything else (pages, search indexes, captions, and the project's own `guide.css` or
`checklists.js`, whose names stay the same when they change) is revalidated on each use: the
browser keeps its copy and asks whether it changed (a 304 answer carries no body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A content hash in a file name, as Material writes them (`main.57a0d79d.min.css`, its `.map`).
# The same regular expression works in Python, nginx and Apache (all PCRE-like).
HASHED_NAME = r"\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Two years: what browsers' preload lists ask for. Sent only over HTTPS (a browser ignores it on
# plain HTTP anyway, and a host serving both must not promise HTTPS on its HTTP answers).
HSTS = "max-age=63072000"

# Powerful features the guide never uses, denied to the page and to any frame in it. Only names
# Chromium knows: an unknown one is logged as an error on every page.
DENIED_FEATURES = (
    "accelerometer",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
# What the site's videos use: the page's own player, and the external video hosts' players,
# which load only after a reader's click (overrides/assets/video.js gives their frames these).
VIDEO_FEATURES = ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")

_ONION_URL = re.compile(r"^https?://(?:[a-z2-7]{56})\.onion/?$")


class DeployError(ValueError):
    """The deployment files cannot be written as the build stands; the message says why."""


@dataclass(frozen=True)
class Header:
    name: str
    value: str


def header_policy(page_policy: str) -> str:
    """The Content-Security-Policy header for a page whose `<meta>` policy is `page_policy`."""
    return f"{page_policy}; frame-ancestors 'none'"


def frame_origins(page_policy: str) -> list[str]:
    """The external origins a policy lets the page frame (its `frame-src`, without 'self')."""
    for directive in page_policy.split(";"):
        name, _, sources = directive.strip().partition(" ")
        if name == "frame-src":
            return [source for source in sources.split() if not source.startswith("'")]
    return []


def permissions_policy(video_origins: list[str]) -> str:
    denied = [f"{feature}=()" for feature in DENIED_FEATURES]
    allowlist = " ".join(["self", *(f'"{origin}"' for origin in video_origins)])
    allowed = [f"{feature}=({allowlist})" for feature in VIDEO_FEATURES]
    return ", ".join(sorted(denied + allowed))


def security_headers(page_policy: str) -> list[Header]:
    """Every header sent with every answer, whatever the file and the protocol."""
    return [
        Header("Content-Security-Policy", header_policy(page_policy)),
        # A link a reader follows tells the other site nothing about where they came from.
        Header("Referrer-Policy", "no-referrer"),
        # A file is what its Content-Type says: a browser never guesses a script out of a caption.
        Header("X-Content-Type-Options", "nosniff"),
        # frame-ancestors for browsers that predate it.
        Header("X-Frame-Options", "DENY"),
        Header("Permissions-Policy", permissions_policy(frame_origins(page_policy))),
        # A window the guide opens, or that opens it, gets no handle on the other.
        Header("Cross-Origin-Opener-Policy", "same-origin"),
        # Other sites cannot embed the guide's files (and so learn whether a reader has them cached).
        Header("Cross-Origin-Resource-Policy", "same-origin"),
    ]


def is_hashed_name(site_path: str) -> bool:
    return re.search(HASHED_NAME, site_path) is not None


def cache_control(site_path: str) -> str:
    return IMMUTABLE if is_hashed_name(site_path) else REVALIDATE


def onion_location(onion_url: str | None) -> str | None:
    """`ONION_URL` checked and without its final slash (the request's path follows it), or None."""
    if not onion_url:
        return None
    text = onion_url.strip()
    if not _ONION_URL.match(text):
        raise DeployError(
            f"ONION_URL={onion_url!r} is not an onion service address: give it as "
            "http://<56 letters and digits>.onion/ (the address Tor prints in the service's hostname file)"
        )
    return text.rstrip("/")


def check_header_value(value: str) -> str:
    """`value` unchanged if it is one header line; a line break would start a new header."""
    if "\r" in value or "\n" in value:
        raise DeployError(f"a header value holds a line break: {value!r}")
    return value
