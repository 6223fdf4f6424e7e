#!/usr/bin/env bash
# Mozilla's HTTP Observatory scanner, for the test that scans the site served by nginx
# (tests/server/). Installed into tools/observatory/node_modules at the version its
# package-lock.json pins, not globally.
#
# The package's install scripts download Chromium's HSTS preload list and IANA's list of
# top-level domains. The tests scan 127.0.0.1 without TLS, where neither matters, and the
# network may not reach them: so the install runs with --ignore-scripts (also set in
# tools/observatory/.npmrc), and the scanner gets an empty preload list, conf/hsts-preload.json
# holding `{}`. The TLD list is only read by the package's web API, which the tests do not run.
set -euo pipefail
cd "$(dirname "$0")/../tools/observatory"
package=node_modules/@mdn/mdn-http-observatory
if [ ! -x node_modules/.bin/mdn-http-observatory-scan ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  command -v npm >/dev/null 2>&1 || { echo "error: npm is missing: run scripts/system-deps.sh" >&2; exit 1; }
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
[ -s "$package/conf/hsts-preload.json" ] || echo '{}' > "$package/conf/hsts-preload.json"
