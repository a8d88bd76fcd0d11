#!/usr/bin/env bash
# Load-test the reader pages the way ../shared/anchors measures Wagtail, bare
# Django and nginx, so the figures compare: gunicorn sync workers, DEBUG off,
# PostgreSQL over TCP on 127.0.0.1, persistent connections, wrk on the same box
# (through the anchors' own load.sh).
#
#   bench/run.sh [seconds=15] [connections=32] [runs=3]
#
# Environment: BENCH_PORT (8005), BENCH_WORKERS (2), BENCH_CONFIGS (which of
# nocache, locmem, redis to run), ANCHORS (../shared/anchors).
# Builds its own database (bench_newsroom) and files under /tmp/newsroom-bench;
# touches nothing else. Prints a markdown table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-15}" conns="${2:-32}" runs="${3:-3}"
port="${BENCH_PORT:-8005}" workers="${BENCH_WORKERS:-2}"
configs="${BENCH_CONFIGS:-nocache locmem redis}"
anchors="${ANCHORS:-../shared/anchors}"
work=/tmp/newsroom-bench
py=.venv/bin/python

log() { printf '%s\n' "$*" >&2; }

[ -x "$py" ] || { log "Run 'make test' (or make run) first: $py is missing."; exit 1; }
[ -x "$anchors/load.sh" ] || { log "Cannot find $anchors/load.sh (set ANCHORS)."; exit 1; }
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { log "wrk is missing: apt install wrk"; exit 1; }
  apt-get install -y -qq wrk >/dev/null
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/bench_newsroom"
export SECRET_KEY="bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 CONN_MAX_AGE=600 LOG_LEVEL=WARNING
export STATIC_ROOT="$work/static" VAR_DIR="$work/var" SITE_URL="http://127.0.0.1:$port"

log "Building the benchmark database and static files"
mkdir -p "$work"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS bench_newsroom" postgres
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE bench_newsroom" postgres
DEBUG=1 $py manage.py migrate --no-input -v0
DEBUG=1 $py manage.py load_demo >/dev/null
$py manage.py collectstatic --no-input -v0

pages=(
  "article /fact-checks/ketamine-depression-treatment-resistant/"
  "home /"
  "search /search/?q=ketamine"
  "topic /topics/health/"
)

log "SQL queries per page (in-process, Django test client, page cache off)"
FACTCHECK_PAGE_CACHE_SECONDS=0 $py bench/count_queries.py "${pages[@]#* }" >&2

pid=""
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }
trap stop EXIT

echo "| config | page | req/s median (min-max) | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|"
for config in $configs; do
  case "$config" in
    nocache) env=(FACTCHECK_PAGE_CACHE_SECONDS=0) ;;
    # Per-process cache: fine for a benchmark without edits, not for production
    # with several workers (an edit would not reach the other workers' copies).
    locmem) env=(FACTCHECK_PAGE_CACHE_SECONDS=300) ;;
    redis) env=(FACTCHECK_PAGE_CACHE_SECONDS=300 REDIS_URL=redis://127.0.0.1:6379/13) ;;
    *) log "unknown config $config"; exit 2 ;;
  esac
  env "${env[@]}" .venv/bin/gunicorn newsroom.wsgi --workers "$workers" \
    --bind "127.0.0.1:$port" --log-level warning &
  pid=$!
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  for page in "${pages[@]}"; do
    name="${page%% *}" url="http://127.0.0.1:$port${page#* }"
    "$anchors/load.sh" "$url" 5 "$conns" >/dev/null  # warm-up, discarded
    results=()
    for _ in $(seq "$runs"); do results+=("$("$anchors/load.sh" "$url" "$secs" "$conns")"); done
    printf '%s\n' "${results[@]}" | $py bench/summarise.py "$config" "$name"
  done
  stop
done
