"""The built site served by Debian's Apache through the `.htaccess` files the build wrote: the
same headers as nginx, the precompressed copies, each language's 404 page."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import brotli
import pytest

from tests.server.conftest import NginxSite
from tests.server.test_nginx import IMMUTABLE, assert_security_headers, meta_policy
from tests.support.apache import LocalApache
from tests.support.build import free_port
from tests.support.http import request


@pytest.fixture(scope="module")
def apache(nginx: NginxSite) -> Iterator[LocalApache]:
    """Apache over the same built site as the nginx tests."""
    with LocalApache(nginx.dir, free_port()) as server:
        yield server


def test_a_page_an_asset_and_a_video_carry_every_header(apache: LocalApache, nginx: NginxSite) -> None:
    policy = meta_policy(nginx, "fr/committee.html")
    page = request(apache.url, "/fr/committee.html")
    assert page.status == 200 and page.header("content-type") == "text/html; charset=utf-8"
    assert page.header("cache-control") == "no-cache"
    assert_security_headers(page, policy, "fr/committee.html", server=None)
    bundle = next((nginx.dir / "assets/javascripts").glob("bundle.*.min.js")).relative_to(nginx.dir).as_posix()
    asset = request(apache.url, f"/{bundle}")
    assert asset.status == 200 and asset.header("cache-control") == IMMUTABLE
    assert_security_headers(asset, policy, bundle, server=None)
    video = sorted((nginx.dir / "videos").glob("*.mp4"))[0].relative_to(nginx.dir).as_posix()
    ranged = request(apache.url, f"/{video}", {"Range": "bytes=0-99"})
    assert ranged.status == 206 and ranged.header("content-type") == "video/mp4"
    assert ranged.body == (nginx.dir / video).read_bytes()[:100]
    assert_security_headers(ranged, policy, video, server=None)


@pytest.mark.parametrize("path", ["fr/committee.html", "assets/guide.css", "es/search/search_index.json", "assets/checklists.js"])
def test_the_precompressed_copy_is_served_with_the_type_of_its_file(apache: LocalApache, nginx: NginxSite, path: str) -> None:
    original = (nginx.dir / path).read_bytes()
    plain = request(apache.url, f"/{path}")
    kind = plain.header("content-type")
    assert plain.header("content-encoding") is None and plain.body == original
    for accepted, encoding, suffix, decode in (("gzip, br", "br", "br", brotli.decompress), ("gzip", "gzip", "gz", gzip.decompress)):
        answer = request(apache.url, f"/{path}", {"Accept-Encoding": accepted})
        assert answer.header("content-encoding") == encoding, f"{path} with Accept-Encoding: {accepted}"
        assert answer.header("content-type") == kind, path
        assert "Accept-Encoding" in (answer.header("vary") or "")
        assert answer.body == (nginx.dir / f"{path}.{suffix}").read_bytes()  # not compressed again
        assert decode(answer.body) == original


def test_an_unknown_french_address_gets_the_french_404_page(apache: LocalApache, nginx: NginxSite) -> None:
    for path, page in (("/fr/unknown.html", "fr/404.html"), ("/es/no/such/page", "es/404.html"), ("/unknown.html", "404.html")):
        answer = request(apache.url, path)
        assert answer.status == 404 and answer.body == (nginx.dir / page).read_bytes(), path
        assert_security_headers(answer, meta_policy(nginx, page), path, server=None)
    for hidden in ("/_headers", "/_redirects", "/.htaccess"):
        assert request(apache.url, hidden).status in (403, 404), hidden
