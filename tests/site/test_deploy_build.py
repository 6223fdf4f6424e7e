"""The deployment files the build writes next to the pages (advocacy_guide.deploy): one policy in
every page and every host's headers, each language's 404 page, precompressed copies, Onion-Location."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli

from advocacy_guide.deploy.local_nginx import LocalNginx
from tests.conftest import BuiltSite
from tests.support.build import free_port, make_fixture_project, mkdocs_build
from tests.support.http import request
from tests.support.offline import OfflineCopy

META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".vtt", ".xml"}
HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$")
ONION = "http://" + "a" * 56 + ".onion/"


def deploy_dir(site: Path) -> Path:
    return site.with_name(site.name + "-deploy")


def meta_policy(path: Path) -> str:
    found = META_POLICY.findall(path.read_text(encoding="utf-8"))
    assert len(found) == 1, path
    return found[0].replace("&quot;", '"').replace("&amp;", "&")


def headers_rules(text: str) -> dict[str, dict[str, str]]:
    """`_headers` as {path: {name: value}}, read the way Netlify and Cloudflare Pages read it."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        assert current is not None, line
        name, _, value = line.strip().partition(":")
        current[name.strip()] = value.strip()
    return rules


def test_every_page_and_every_host_send_the_one_policy_with_frame_ancestors(built_site: BuiltSite) -> None:
    site = built_site.dir
    pages = built_site.pages()
    policies = {meta_policy(site / page) for page in pages}
    assert len(pages) > 3 * 20 and len(policies) == 1, "pages carry different policies"
    header = policies.pop() + "; frame-ancestors 'none'"
    rules = headers_rules((site / "_headers").read_text(encoding="utf-8"))
    assert rules["/*"]["Content-Security-Policy"] == header
    # no other rule sets a policy: both hosts would join the two into a stricter one
    assert [path for path, rule in rules.items() if "Content-Security-Policy" in rule] == ["/*"]
    nginx = (deploy_dir(site) / "nginx/snippets/advocacy-guide.conf").read_text(encoding="utf-8")
    assert re.findall(r'add_header Content-Security-Policy "(.*)" always;', nginx) == [header]
    apache = (site / ".htaccess").read_text(encoding="utf-8")
    assert re.findall(r'Header always set Content-Security-Policy "(.*)"', apache) == [header]
    for name, value in (("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff"), ("Cross-Origin-Opener-Policy", "same-origin")):
        assert rules["/*"][name] == value
        assert f'add_header {name} "{value}" always;' in nginx
        assert f'Header always set {name} "{value}"' in apache


def test_cloudflare_pages_takes_the_headers_file(built_site: BuiltSite) -> None:
    """At most 100 rules and 2,000 characters a line (Cloudflare's limits)."""
    text = (built_site.dir / "_headers").read_text(encoding="utf-8")
    assert len(headers_rules(text)) <= 100
    assert max(len(line) for line in text.splitlines()) <= 2000


def test_only_files_named_by_their_content_hash_are_kept_for_a_year(built_site: BuiltSite) -> None:
    site = built_site.dir
    rules = headers_rules((site / "_headers").read_text(encoding="utf-8"))
    hashed = sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and HASHED.search(p.name))
    assert any("bundle." in path for path in hashed), "Material's bundle was not found: is the test reading the site right?"
    cached = sorted(path for path, rule in rules.items() if "Cache-Control" in rule)
    assert cached == hashed
    assert {rules[path]["Cache-Control"] for path in cached} == {"public, max-age=31536000, immutable"}


def test_each_language_has_its_404_rule_on_every_host(built_site: BuiltSite) -> None:
    site = built_site.dir
    redirects = [line.split() for line in (site / "_redirects").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert sorted(redirects) == [["/es/*", "/es/404.html", "404"], ["/fr/*", "/fr/404.html", "404"]]
    assert "ErrorDocument 404 /404.html" in (site / ".htaccess").read_text(encoding="utf-8")
    nginx = (deploy_dir(site) / "nginx/snippets/advocacy-guide.conf").read_text(encoding="utf-8")
    assert "error_page 404 /404.html;" in nginx
    for language in ("fr", "es"):
        assert (site / language / ".htaccess").read_text(encoding="utf-8").splitlines()[-1] == f"ErrorDocument 404 /{language}/404.html"
        assert f"location /{language}/ {{\n    error_page 404 /{language}/404.html;\n}}" in nginx


def test_every_text_file_has_gzip_and_brotli_copies_of_its_exact_bytes(built_site: BuiltSite) -> None:
    site = built_site.dir
    checked = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < 512:
            continue
        relative = path.relative_to(site)
        assert gzip.decompress((site / f"{relative}.gz").read_bytes()) == data, relative
        assert brotli.decompress((site / f"{relative}.br").read_bytes()) == data, relative
        checked += 1
    assert checked > 100
    # images and videos are compressed already
    assert not [p for p in site.rglob("*.mp4.gz")] + [p for p in site.rglob("*.webp.br")]


def test_the_offline_copy_carries_no_deployment_file(offline_copy: OfflineCopy) -> None:
    root = offline_copy.root
    assert (root / "index.html").is_file()
    assert not (root / "_headers").exists() and not (root / ".htaccess").exists()
    assert not list(root.rglob("*.br")) and not list(root.rglob("*.html.gz"))


PAGES = {
    "en/index.md": "---\ndescription: Home.\n---\n\n# Home {#home}\n\nHello.\n",
    "fr/index.md": "---\ndescription: Accueil.\n---\n\n# Accueil {#home}\n\nBonjour.\n",
}


def test_an_onion_address_adds_onion_location_for_the_same_page(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, PAGES)
    port = free_port()
    site = tmp_path / "site"
    result = mkdocs_build(project, site, f"http://127.0.0.1:{port}/", {"ONION_URL": ONION})
    assert result.ok, result.output
    assert f"Onion-Location: {ONION}" in (site / "_headers").read_text(encoding="utf-8")
    assert f'Header always set Onion-Location "expr={ONION.rstrip("/")}%{{REQUEST_URI}}"' in (site / ".htaccess").read_text(encoding="utf-8")
    with LocalNginx(site, tmp_path / "nginx", port) as server:
        answer = request(server.url, "/fr/index.html")
    assert answer.status == 200
    assert answer.header("onion-location") == ONION + "fr/index.html"


def test_a_wrong_onion_address_fails_the_strict_build_saying_what_to_give(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, PAGES)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/", {"ONION_URL": "guide.example.org"})
    assert not result.ok
    assert "ONION_URL='guide.example.org' is not an onion service address: give it as http://<56 letters and digits>.onion/" in result.output
