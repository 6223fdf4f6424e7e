"""The built site served by Debian's nginx with the configuration the build wrote: the headers of
every kind of answer, the precompressed copies, each language's 404 page, byte ranges for video."""

from __future__ import annotations

import gzip
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from advocacy_guide.deploy.local_nginx import LocalNginx
from tests.server.conftest import NginxSite
from tests.support.build import free_port
from tests.support.http import Answer, request

# What every answer carries, whatever the file (the policy is checked against each page).
FIXED_HEADERS = {
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "display-capture")
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
IMMUTABLE = "public, max-age=31536000, immutable"


def meta_policy(site: NginxSite, page: str) -> str:
    found = META_POLICY.findall((site.dir / page).read_text(encoding="utf-8"))
    assert len(found) == 1, f"{page}: {len(found)} policy tags"
    return found[0].replace("&quot;", '"').replace("&amp;", "&")


def assert_security_headers(answer: Answer, policy: str, what: str, server: str | None = "nginx") -> None:
    """Every security header on `answer`, the policy that of the page; `server`: the Server
    header, which names no version."""
    for name, value in FIXED_HEADERS.items():
        assert answer.header(name) == value, f"{what}: {name} is {answer.header(name)!r}"
    assert answer.header("content-security-policy") == f"{policy}; frame-ancestors 'none'", what
    permissions = dict(item.strip().split("=", 1) for item in (answer.header("permissions-policy") or "").split(","))
    for feature in DENIED:
        assert permissions.get(feature) == "()", f"{what}: Permissions-Policy leaves {feature} allowed"
    assert answer.header("strict-transport-security") is None, f"{what}: HSTS sent over plain HTTP"
    if server:
        assert answer.header("server") == server, f"{what}: the server tells its version"


def test_an_html_page_carries_every_header_and_revalidates(nginx: NginxSite) -> None:
    answer = request(nginx.url, "/fr/committee.html")
    assert answer.status == 200
    assert answer.header("content-type") == "text/html; charset=utf-8"
    assert_security_headers(answer, meta_policy(nginx, "fr/committee.html"), "fr/committee.html")
    assert answer.header("cache-control") == "no-cache"
    assert answer.body == (nginx.dir / "fr/committee.html").read_bytes()


def test_assets_with_a_content_hash_are_immutable_and_the_others_revalidate(nginx: NginxSite) -> None:
    policy = meta_policy(nginx, "index.html")
    bundle = next((nginx.dir / "assets/javascripts").glob("bundle.*.min.js")).relative_to(nginx.dir).as_posix()
    hashed = request(nginx.url, f"/{bundle}")
    assert hashed.status == 200 and hashed.header("content-type") == "application/javascript; charset=utf-8"
    assert hashed.header("cache-control") == IMMUTABLE
    assert_security_headers(hashed, policy, bundle)
    for path, kind in (
        ("assets/guide.css", "text/css; charset=utf-8"),
        ("search/search_index.json", "application/json; charset=utf-8"),
        ("fr/search/search_index.json", "application/json; charset=utf-8"),
    ):
        answer = request(nginx.url, f"/{path}")
        assert answer.status == 200 and answer.header("content-type") == kind, path
        assert answer.header("cache-control") == "no-cache", path
        assert_security_headers(answer, policy, path)


def a_video(site: NginxSite) -> str:
    return sorted(p.relative_to(site.dir).as_posix() for p in (site.dir / "videos").glob("*.mp4"))[0]


def test_a_video_and_its_captions_carry_every_header(nginx: NginxSite) -> None:
    policy = meta_policy(nginx, "index.html")
    video = a_video(nginx)
    answer = request(nginx.url, f"/{video}", method="HEAD")
    assert answer.status == 200 and answer.header("content-type") == "video/mp4"
    assert answer.header("accept-ranges") == "bytes"
    assert int(answer.header("content-length") or 0) == (nginx.dir / video).stat().st_size
    assert_security_headers(answer, policy, video)
    captions = video.replace(".mp4", ".vtt")
    assert (nginx.dir / captions).is_file(), captions
    answer = request(nginx.url, f"/{captions}")
    assert answer.status == 200 and answer.header("content-type") == "text/vtt; charset=utf-8"
    assert answer.header("cache-control") == "no-cache"
    assert_security_headers(answer, policy, captions)


def test_byte_ranges_of_a_video_are_served(nginx: NginxSite) -> None:
    video = a_video(nginx)
    data = (nginx.dir / video).read_bytes()
    middle = request(nginx.url, f"/{video}", {"Range": "bytes=1000-1999"})
    assert middle.status == 206
    assert middle.header("content-range") == f"bytes 1000-1999/{len(data)}"
    assert middle.body == data[1000:2000]
    tail = request(nginx.url, f"/{video}", {"Range": "bytes=-500"})
    assert tail.status == 206 and tail.body == data[-500:]
    beyond = request(nginx.url, f"/{video}", {"Range": f"bytes={len(data) + 10}-"})
    assert beyond.status == 416


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("fr/committee.html", "text/html; charset=utf-8"),
        ("assets/guide.css", "text/css; charset=utf-8"),
        ("assets/checklists.js", "application/javascript; charset=utf-8"),
        ("es/search/search_index.json", "application/json; charset=utf-8"),
    ],
)
def test_the_precompressed_copy_is_served_to_a_browser_that_accepts_it(nginx: NginxSite, path: str, kind: str) -> None:
    original = (nginx.dir / path).read_bytes()
    for accepted, encoding, decode in (
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
    ):
        answer = request(nginx.url, f"/{path}", {"Accept-Encoding": accepted})
        assert answer.status == 200
        assert answer.header("content-encoding") == encoding, f"{path} with Accept-Encoding: {accepted}"
        assert answer.header("content-type") == kind, path
        assert "Accept-Encoding" in (answer.header("vary") or ""), path
        # the copy the build wrote, sent as it is: nginx compresses nothing itself
        assert answer.body == (nginx.dir / f"{path}.{'br' if encoding == 'br' else 'gz'}").read_bytes()
        assert decode(answer.body) == original
    plain = request(nginx.url, f"/{path}")
    assert plain.header("content-encoding") is None and plain.body == original


def test_an_unknown_french_address_gets_the_french_404_page_with_status_404(nginx: NginxSite) -> None:
    for path, page in (("/fr/unknown.html", "fr/404.html"), ("/es/no/such/page", "es/404.html"), ("/unknown.html", "404.html")):
        answer = request(nginx.url, path)
        assert answer.status == 404, path
        assert answer.body == (nginx.dir / page).read_bytes(), f"{path} did not get {page}"
        assert_security_headers(answer, meta_policy(nginx, page), path)
    assert "Page introuvable" in request(nginx.url, "/fr/unknown.html").body.decode("utf-8")


def test_the_other_hosts_files_are_not_served(nginx: NginxSite) -> None:
    for path in ("/_headers", "/_redirects", "/.htaccess", "/fr/.htaccess"):
        assert request(nginx.url, path).status == 404, path
    # what a certificate renewal (ACME, webroot) puts in the site's folder is served
    challenge = nginx.dir / ".well-known/acme-challenge/token"
    challenge.parent.mkdir(parents=True)
    challenge.write_text("proof", encoding="utf-8")
    try:
        answer = request(nginx.url, "/.well-known/acme-challenge/token")
        assert answer.status == 200 and answer.body == b"proof"
    finally:
        challenge.unlink()
        challenge.parent.rmdir()
        challenge.parent.parent.rmdir()


def test_every_page_is_served_with_the_policy_of_its_meta_tag(nginx: NginxSite) -> None:
    pages = nginx.pages()
    assert len(pages) > 3 * 20
    for page in pages:
        answer = request(nginx.url, f"/{page}", method="HEAD")
        assert answer.status == 200, page
        assert answer.header("content-security-policy") == f"{meta_policy(nginx, page)}; frame-ancestors 'none'", page
    for folder in ("/", "/fr/", "/es/"):  # the address readers type: the folder's index.html
        answer = request(nginx.url, folder, method="HEAD")
        assert answer.status == 200, folder
        assert answer.header("content-security-policy") == f"{meta_policy(nginx, folder.lstrip('/') + 'index.html')}; frame-ancestors 'none'"


@pytest.fixture(scope="module")
def https_nginx(nginx: NginxSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNginx]:
    """The same configuration over HTTPS, with a certificate made for the test."""
    work = tmp_path_factory.mktemp("nginx-tls")
    certificate, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True, timeout=60,
    )
    with LocalNginx(nginx.dir, work / "server", free_port(), tls=(certificate, key)) as server:
        yield server


def test_strict_transport_security_is_sent_over_https_only(https_nginx: LocalNginx, nginx: NginxSite) -> None:
    secure = request(https_nginx.url, "/fr/committee.html")
    assert secure.status == 200
    assert secure.header("strict-transport-security") == "max-age=63072000"
    assert secure.header("x-content-type-options") == "nosniff"
    assert request(nginx.url, "/fr/committee.html").header("strict-transport-security") is None


def test_the_generated_production_server_file_is_valid_nginx(nginx: NginxSite, tmp_path: Path) -> None:
    """sites-available/advocacy-guide with its includes, as nginx -t reads them in /etc/nginx's layout."""
    deploy = nginx.dir.with_name(nginx.dir.name + "-deploy") / "nginx"
    prefix = tmp_path / "etc-nginx"
    for folder in ("conf.d", "snippets", "sites-available"):
        (prefix / folder).mkdir(parents=True)
        for file in (deploy / folder).iterdir():
            (prefix / folder / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    (prefix / "nginx.conf").write_text(
        f'pid "{tmp_path}/nginx.pid";\nerror_log "{tmp_path}/error.log";\n'
        "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n"
        "events {}\nhttp {\n  include /etc/nginx/mime.types;\n"
        f'  access_log "{tmp_path}/access.log";\n  client_body_temp_path "{tmp_path}/body";\n'
        "  include conf.d/*.conf;\n  include sites-available/*;\n}\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        ["nginx", "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True, timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
