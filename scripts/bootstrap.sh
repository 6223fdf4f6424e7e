#!/usr/bin/env bash
# Create .venv (if needed) and install the project with the versions in constraints.txt.
# Usage: scripts/bootstrap.sh [extra]   e.g. scripts/bootstrap.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: Python 3.11 or newer is needed ($python is $("$python" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv || {
    echo "error: could not create .venv; on Debian/Ubuntu run: sudo apt-get install python3-venv" >&2
    exit 1
  }
fi
stamp=".venv/.installed-${extra:-site}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  target="."
  [ -n "$extra" ] && target=".[$extra]"
  .venv/bin/python -m pip install --quiet -c constraints.txt -e "$target"
  touch "$stamp"
fi
