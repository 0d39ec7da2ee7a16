"""Tiny random models saved to disk, so the real loading paths (`from_pretrained(path)`, CLIP_PRETRAINED) run fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.model_fixtures import save_tiny_clip

# Words the tiny tokenizer knows; anything else becomes word pieces of single characters.
_VOCAB_WORDS = ["shop", "com", "www", "p", "dp", "product", "products", "item", "cart", "login", "help", "search"]


@pytest.fixture(scope="session")
def tiny_bert_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer random BERT written with save_pretrained; unlike tests/model_fixtures' one, its vocabulary has
    `##` pieces, so different URLs become different token sequences (batching must then pad for real)."""
    import string

    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    directory = tmp_path_factory.mktemp("tiny-bert")
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
    return directory


@pytest.fixture(scope="session")
def tiny_clip_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer, width-64 open_clip model registered under TINY_CLIP and saved as a checkpoint file."""
    return Path(save_tiny_clip(tmp_path_factory.mktemp("tiny-clip")))
