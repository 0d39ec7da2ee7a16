#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests (tests/e2e drives it through Playwright; no browser is ever downloaded
# by Playwright itself). Idempotent and silent when Chromium is already there.
set -euo pipefail

[ -x /usr/bin/chromium ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install_chromium: /usr/bin/chromium is missing and this user cannot install packages;" \
    "the end-to-end tests will skip (CI fails them)" >&2
  exit 0
fi

echo "install_chromium: installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version >&2
