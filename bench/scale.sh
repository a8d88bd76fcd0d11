#!/usr/bin/env bash
# The scale benchmark (bench/scale.py): every public page, uncached, with
# 100,000 fact-checks, and the admin. Needs PostgreSQL, Redis, wrk, nginx
# and ../shared/anchors; installs wrk and nginx-light when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { echo "Run 'make test' (or make run) first." >&2; exit 1; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "Install: apt install ${missing[*]}" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
exec .venv/bin/python bench/scale.py "$@"
