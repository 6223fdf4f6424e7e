"""Each host's own files, rendered from one list of headers and rules (templates/).

Netlify and Cloudflare Pages match `_headers` rules against the address asked for and join the
values of a header that several rules set; Cloudflare Pages takes at most 100 rules. So the
security headers are one rule for every address, and `Cache-Control` is set only on the files
whose names carry a content hash, one rule each: both hosts already revalidate everything else
(`public, max-age=0, must-revalidate`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from advocacy_guide.deploy.headers import (
    HASHED_NAME,
    HSTS,
    IMMUTABLE,
    REVALIDATE,
    DeployError,
    check_header_value,
    is_hashed_name,
    onion_location,
    security_headers,
)
from advocacy_guide.deploy.precompress import COMPRESSED_SUFFIXES, PrecompressReport, precompress_site
from advocacy_guide.deploy.site_policy import site_policy

TEMPLATES = Path(__file__).parent / "templates"
# The nginx files, in the layout of Debian's /etc/nginx (README, "Deploying").
NGINX_HTTP = "nginx/conf.d/advocacy-guide.conf"
NGINX_RULES = "nginx/snippets/advocacy-guide.conf"
NGINX_SERVER = "nginx/sites-available/advocacy-guide"


@dataclass
class DeploymentReport:
    written: list[Path] = field(default_factory=list)
    precompressed: PrecompressReport = field(default_factory=PrecompressReport)


def deploy_dir_for(site_dir: Path) -> Path:
    """Where the server configurations go: next to the site, never inside it (`site-deploy/`)."""
    return site_dir.with_name(f"{site_dir.name}-deploy")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # configuration files, not HTML: each value goes through a filter below
    )
    env.filters["nginx_string"] = nginx_string
    env.filters["apache_string"] = apache_string
    env.filters["header_line"] = check_header_value
    return env


def nginx_string(value: str) -> str:
    """`value` as a double-quoted nginx string."""
    check_header_value(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def apache_string(value: str) -> str:
    """`value` as a double-quoted Apache argument. Apache unescapes `\\"` only, so a value
    with a backslash (none of the headers has one) is refused rather than guessed at."""
    check_header_value(value)
    if "\\" in value:
        raise DeployError(f"a header value for Apache holds a backslash: {value!r}")
    return '"' + value.replace('"', '\\"') + '"'


def base_path(site_url: str | None) -> str:
    """The path the site is served under, from SITE_URL: "/" or "/guide/"."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def write_deployment(
    site_dir: Path,
    site_url: str | None,
    onion_url: str | None = None,
    deploy_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> DeploymentReport:
    """Write every host's files for the complete, secured site in `site_dir` (module docstring)."""
    deploy_dir = deploy_dir or deploy_dir_for(site_dir)
    page_policy = site_policy(site_dir)
    base = base_path(site_url)
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    languages = sorted(p.parent.name for p in site_dir.glob("*/404.html"))
    context = {
        "headers": security_headers(page_policy),
        "hsts": HSTS,
        "immutable": IMMUTABLE,
        "revalidate": REVALIDATE,
        "hashed_name": HASHED_NAME,
        "hashed_files": [base + path for path in files if is_hashed_name(path)],
        "onion": onion_location(onion_url),
        "base": base,
        "languages": languages,
        "server_name": urlsplit(site_url or "").hostname or "_",
        "compressed": [suffix.lstrip(".") for suffix in COMPRESSED_SUFFIXES],
    }
    env = _environment()
    outputs = {
        site_dir / "_headers": "_headers.j2",
        site_dir / "_redirects": "_redirects.j2",
        site_dir / ".htaccess": "htaccess.j2",
        deploy_dir / NGINX_HTTP: "nginx-http.conf.j2",
        deploy_dir / NGINX_RULES: "nginx-rules.conf.j2",
        deploy_dir / NGINX_SERVER: "nginx-server.conf.j2",
    }
    for language in languages:
        outputs[site_dir / language / ".htaccess"] = "htaccess-language.j2"
    report = DeploymentReport()
    for target, template in outputs.items():
        language = target.parent.name if template == "htaccess-language.j2" else None
        text = env.get_template(template).render(**context, language=language, not_found=_not_found(base, language))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        report.written.append(target)
    report.precompressed = precompress_site(site_dir, cache_dir)
    return report


def _not_found(base: str, language: str | None) -> str:
    return posixpath.join(base, language, "404.html") if language else base + "404.html"


__all__ = ["DeployError", "DeploymentReport", "deploy_dir_for", "write_deployment"]
