#!/usr/bin/env bash
# Debian packages the test suite drives: Chromium (Playwright cannot download browsers here),
# ffmpeg (test videos, rendering), espeak-ng (narration), nginx with its Brotli module (the site
# served with the configuration the build writes), Apache (the same through the .htaccess files),
# npm (Mozilla's HTTP Observatory scanner, scripts/observatory.sh), openssl (a certificate for the
# HTTPS test), Pango (WeasyPrint lays out the PDF edition with it), kiwix-tools (kiwix-serve opens
# the ZIM edition as Kiwix apps do). Installed only when missing; the packages' services are not
# needed (the tests start their own servers, on 127.0.0.1).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v kiwix-serve >/dev/null 2>&1 || missing+=(kiwix-tools)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: install as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
