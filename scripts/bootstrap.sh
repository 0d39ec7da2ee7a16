#!/usr/bin/env bash
# Create .venv, install requirements-dev.txt (runtime + test tools) and the project itself (editable) into it, again
# only when they change.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
# The checkout's own path counts too: the editable install points at one checkout, so a .venv moved or shared with
# another checkout is pointed at this one.
wanted=$( (cat requirements.txt requirements-dev.txt pyproject.toml; pwd -P) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt
  # requirements-dev.txt pins setuptools, so the editable build needs nothing from the network.
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation --editable .
  echo "$wanted" > "$stamp"
fi
