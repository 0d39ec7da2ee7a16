"""scripts/download_models.py installs the committed URL model where the image keeps its models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.ml.url_classifier import UrlClassifier
from tests.support import REPO_ROOT

TRAINED_MODEL = REPO_ROOT / "models" / "url-classifier"


@pytest.mark.skipif(not (TRAINED_MODEL / "config.json").exists(), reason="no trained URL model in models/")
def test_installs_the_url_model_and_prints_the_setting(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "download_models.py"), "--target", str(tmp_path), "--skip-clip"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    installed = tmp_path / "url-classifier"
    assert result.stdout.strip() == f"URL_MODEL_PATH={installed.resolve()}"
    assert UrlClassifier(str(installed)).predict_proba(["https://shop.example.com/cart"]) is not None


def test_without_a_trained_model_it_stops_with_a_clear_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "download_models.py"),
            "--target",
            str(tmp_path / "models"),
            "--url-model",
            str(tmp_path / "nothing-here"),
            "--skip-clip",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "no trained URL model" in result.stderr
