#!/usr/bin/env bash
# The scale benchmark (bench/scale.py): every public page, uncached, with
# 100,000 fact-checks, and the admin.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
exec .venv/bin/python bench/scale.py "$@"
