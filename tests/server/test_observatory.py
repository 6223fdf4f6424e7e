"""Mozilla's HTTP Observatory scanner against the site behind nginx (installed offline by
scripts/observatory.sh): every test that does not depend on TLS passes."""

from __future__ import annotations

import json
import subprocess

from tests.server.conftest import NginxSite
from tests.support.build import REPO

SCANNER = REPO / "tools" / "observatory" / "node_modules" / ".bin" / "mdn-http-observatory-scan"
# The scanner's tests that a server without TLS can pass; `redirection` (to HTTPS) and
# `strict-transport-security` need a certificate for a public name.
WITHOUT_TLS = (
    "content-security-policy",
    "referrer-policy",
    "x-content-type-options",
    "x-frame-options",
    "cross-origin-resource-policy",
    "subresource-integrity",
    "cookies",
    "cross-origin-resource-sharing",
)


def test_the_observatory_passes_every_test_that_does_not_need_tls(nginx: NginxSite) -> None:
    assert SCANNER.exists(), f"{SCANNER} is missing: run scripts/observatory.sh (make test does)"
    completed = subprocess.run(
        [str(SCANNER), f"127.0.0.1:{nginx.server.port}"], capture_output=True, text=True, timeout=180, cwd=SCANNER.parent
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert report["scan"]["error"] is None, report["scan"]
    tests = report["tests"]
    failed = {name: tests[name]["result"] for name in WITHOUT_TLS if not tests[name]["pass"]}
    assert failed == {}, failed
    # Each scored as the best a site can do without TLS: a policy with no unsafe source, frames
    # forbidden by the policy, no referrer at all, cross-origin reads refused.
    assert tests["content-security-policy"]["result"] == "csp-implemented-with-no-unsafe"
    assert tests["x-frame-options"]["result"] == "x-frame-options-implemented-via-csp"
    assert tests["referrer-policy"]["result"] == "referrer-policy-private"
    assert tests["cross-origin-resource-policy"]["result"] == "corp-implemented-with-same-origin"
    # only the two TLS tests are left: 100 less their 20 points each, plus the bonuses above
    assert set(tests) - set(WITHOUT_TLS) == {"redirection", "strict-transport-security"}
    assert report["scan"]["score"] >= 60, report["scan"]
