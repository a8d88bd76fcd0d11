#!/usr/bin/env bash
# A minute of load while an editor publishes (bench/publish_load.py): no
# error, no lost write, p99 reported.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
exec .venv/bin/python bench/publish_load.py "$@"
