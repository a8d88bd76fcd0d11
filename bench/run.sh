#!/usr/bin/env bash
# The benchmark (bench/run.py): anchors, our pages uncached, app-cached and
# through nginx, and the publish burst.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
exec .venv/bin/python bench/run.py "$@"
