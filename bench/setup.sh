# Sourced by the bench/*.sh wrappers: run from the project, with its virtualenv,
# wrk and nginx (installed when run as root). PostgreSQL and Redis must be up,
# and ../shared/anchors present.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x .venv/bin/python ] || { echo "Run 'make test' (or make run) first." >&2; exit 1; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "Install: apt install ${missing[*]}" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
