"""Tiny random models saved to disk, so the real loading paths (`from_pretrained(path)`, CLIP_PRETRAINED) run fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.models import save_tiny_bert, save_tiny_clip


@pytest.fixture(scope="session")
def tiny_bert_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(save_tiny_bert(tmp_path_factory.mktemp("tiny-bert")))


@pytest.fixture(scope="session")
def tiny_clip_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer, width-64 open_clip model registered under TINY_CLIP and saved as a checkpoint file."""
    return Path(save_tiny_clip(tmp_path_factory.mktemp("tiny-clip")))
