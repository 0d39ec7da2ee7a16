#!/usr/bin/env bash
# Run the whole test suite; every server it needs (SecantusDB, moto, local OIDC/LLM/HTTP servers) is started by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install_chromium.sh
exec .venv/bin/python -m pytest "$@"
