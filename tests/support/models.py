"""Tiny real models for tests: a random-initialised open_clip config and a tiny BERT, saved and loaded the real way,
and images to show them."""

from __future__ import annotations

import json
import string
from io import BytesIO
from pathlib import Path

from PIL import Image

TINY_CLIP = "buyhive-test-tiny-clip"
_TINY_CLIP_CONFIG = {
    "embed_dim": 32,
    "vision_cfg": {"image_size": 32, "layers": 2, "width": 64, "patch_size": 16},
    "text_cfg": {"context_length": 77, "vocab_size": 49408, "width": 64, "heads": 2, "layers": 2},
}
# Words the tiny BERT tokenizer knows; anything else becomes word pieces of single characters.
_VOCAB_WORDS = ["shop", "com", "www", "p", "dp", "product", "products", "item", "cart", "login", "help", "search"]


def save_tiny_clip(directory: Path) -> str:
    """Register the tiny config with open_clip and save random weights; returns the checkpoint path."""
    import open_clip
    import torch

    config_dir = directory / "configs"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / f"{TINY_CLIP}.json").write_text(json.dumps(_TINY_CLIP_CONFIG))
    open_clip.add_model_config(config_dir)
    torch.manual_seed(0)
    model = open_clip.create_model(TINY_CLIP, pretrained=None)
    checkpoint = directory / "tiny-clip.pt"
    torch.save(model.state_dict(), checkpoint)
    return str(checkpoint)


def save_tiny_bert(directory: Path) -> str:
    """A 2-layer random BERT sequence classifier, saved with save_pretrained; returns its directory. Its WordPiece
    vocabulary has `##` pieces of single characters, so different URLs become different token sequences (batching
    must then pad for real)."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    characters = list(string.ascii_lowercase + string.digits + string.punctuation)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *characters, *(f"##{c}" for c in characters)]
    vocab += _VOCAB_WORDS
    (directory / "vocab.txt").write_text("\n".join(vocab) + "\n")
    BertTokenizer(vocab=str(directory / "vocab.txt")).save_pretrained(directory)  # transformers 5: `vocab`
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        id2label={0: "not_product", 1: "product"},
        label2id={"not_product": 0, "product": 1},
    )
    BertForSequenceClassification(config).save_pretrained(directory)
    return str(directory)


def png_bytes(color: tuple[int, int, int], size: tuple[int, int] = (64, 64)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()
