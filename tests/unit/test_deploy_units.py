"""The deployment files from a hand-made site (no build): paths under a base address, what
refuses to be written, escaping into each host's syntax, and the precompression cache."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_guide.csp import meta_tag
from advocacy_guide.deploy import DeployError, write_deployment
from advocacy_guide.deploy import precompress as precompress_module
from advocacy_guide.deploy.headers import cache_control, onion_location, permissions_policy
from advocacy_guide.deploy.hosts import apache_string, nginx_string
from advocacy_guide.deploy.precompress import precompress_site

POLICY = "default-src 'self'; frame-src 'self' https://player.vimeo.com"


def page(policy: str | None = POLICY, body: str = "x") -> str:
    tag = meta_tag(policy) if policy is not None else ""
    return f"<!doctype html><html><head><meta charset=\"utf-8\">{tag}</head><body>{body * 600}</body></html>"


def small_site(root: Path, pages: dict[str, str]) -> Path:
    site = root / "site"
    for relative, text in pages.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8")
    return site


def test_a_site_under_a_path_gets_its_404_rules_under_that_path(tmp_path: Path) -> None:
    site = small_site(tmp_path, {"index.html": page(), "404.html": page(), "fr/404.html": page(), "fr/index.html": page()})
    write_deployment(site, "https://example.org/guide/")
    assert "/guide/fr/* /guide/fr/404.html 404" in (site / "_redirects").read_text(encoding="utf-8")
    assert "ErrorDocument 404 /guide/fr/404.html" in (site / "fr" / ".htaccess").read_text(encoding="utf-8")
    rules = (tmp_path / "site-deploy/nginx/snippets/advocacy-guide.conf").read_text(encoding="utf-8")
    assert "error_page 404 /guide/404.html;" in rules and "location /guide/fr/ {" in rules
    assert "server_name example.org;" in (tmp_path / "site-deploy/nginx/sites-available/advocacy-guide").read_text(encoding="utf-8")
    assert (site / "_headers").read_text(encoding="utf-8").count("\n/guide/*\n") == 1


def test_pages_without_a_policy_or_with_two_policies_stop_the_deployment_files(tmp_path: Path) -> None:
    site = small_site(tmp_path / "a", {"index.html": page(), "about.html": page(policy=None)})
    with pytest.raises(DeployError, match="about.html carries no Content-Security-Policy"):
        write_deployment(site, None)
    site = small_site(tmp_path / "b", {"index.html": page(), "fr/index.html": page("default-src 'none'")})
    with pytest.raises(DeployError, match="fr/index.html and index.html carry different policies"):
        write_deployment(site, None)
    assert not (site / "_headers").exists()


@given(st.text(min_size=1))
def test_any_text_is_one_quoted_nginx_or_apache_value_or_refused(value: str) -> None:
    if "\n" in value or "\r" in value:
        with pytest.raises(DeployError):
            nginx_string(value)
        with pytest.raises(DeployError):
            apache_string(value)
        return
    quoted = nginx_string(value)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    # every quote and backslash inside is escaped: nothing ends the string early
    unescaped = inner.replace("\\\\", "").replace('\\"', "")
    assert '"' not in unescaped and "\\" not in unescaped
    if "\\" in value:
        with pytest.raises(DeployError):
            apache_string(value)
    else:
        assert '"' not in apache_string(value)[1:-1].replace('\\"', "")


def test_the_onion_address_is_checked() -> None:
    assert onion_location(None) is None
    assert onion_location("http://" + "b" * 56 + ".onion/") == "http://" + "b" * 56 + ".onion"
    for wrong in ("https://example.org/", "http://short.onion/", "http://" + "b" * 56 + ".onion/page"):
        with pytest.raises(DeployError, match="not an onion service address"):
            onion_location(wrong)


def test_video_features_are_allowed_to_the_video_hosts_only_and_the_rest_denied() -> None:
    policy = dict(item.split("=", 1) for item in permissions_policy(["https://player.vimeo.com"]).split(", "))
    assert policy["fullscreen"] == '(self "https://player.vimeo.com")'
    assert policy["camera"] == policy["microphone"] == policy["geolocation"] == "()"


def test_cache_rules_by_name() -> None:
    assert cache_control("assets/javascripts/bundle.a5f9d56c.min.js") == "public, max-age=31536000, immutable"
    assert cache_control("assets/stylesheets/main.57a0d79d.min.css.map") == "public, max-age=31536000, immutable"
    for revalidated in ("index.html", "assets/guide.css", "assets/javascripts/lunr/min/lunr.fr.min.js", "search/search_index.json", "videos/a.en.vtt"):
        assert cache_control(revalidated) == "no-cache", revalidated


def test_precompressed_copies_are_exact_skip_small_files_and_reuse_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = small_site(tmp_path, {"big.js": "let a = 1;\n" * 200, "small.css": "a{}", "page.html": page()})
    (site / "small.css.gz").write_bytes(b"stale")  # from an earlier build, when the file was bigger
    cache = tmp_path / "cache"
    report = precompress_site(site, cache)
    assert report.files == 2
    assert gzip.decompress((site / "big.js.gz").read_bytes()) == (site / "big.js").read_bytes()
    assert not (site / "small.css.gz").exists() and not (site / "small.css.br").exists()
    assert (site / "page.html.br").exists()
    calls: list[int] = []
    real = precompress_module.brotli_bytes
    monkeypatch.setattr(precompress_module, "brotli_bytes", lambda data: calls.append(len(data)) or real(data))
    precompress_site(site, cache)
    # the script came from the cache; the page, written by each build, was compressed again
    assert calls == [len((site / "page.html").read_bytes())]
