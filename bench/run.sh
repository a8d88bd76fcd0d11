#!/usr/bin/env bash
# The benchmark (bench/run.py): anchors, our pages uncached, app-cached and
# through nginx, and the publish burst. Needs PostgreSQL, Redis, wrk, nginx
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
exec .venv/bin/python bench/run.py "$@"
