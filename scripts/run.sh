#!/usr/bin/env bash
# Run the API on http://127.0.0.1:${PORT:-8000}; without MONGO_URL it starts an embedded SecantusDB under ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/uvicorn --factory main:create_app --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" "$@"
