#!/usr/bin/env bash
# Run the API on http://127.0.0.1:${PORT:-8000}; without MONGO_URL it starts an embedded SecantusDB under ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# The committed URL classifier, unless the environment names another one.
if [ -z "${URL_MODEL_PATH:-}" ] && [ -f models/url-classifier/config.json ]; then
  export URL_MODEL_PATH=models/url-classifier
fi
exec .venv/bin/uvicorn --factory main:create_app --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" "$@"
