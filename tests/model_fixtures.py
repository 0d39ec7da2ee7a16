"""Tiny real models for tests: a random-initialised open_clip config and a tiny BERT, saved and loaded the real way."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

from PIL import Image

TINY_CLIP = "buyhive-test-tiny-clip"
_TINY_CLIP_CONFIG = {
    "embed_dim": 32,
    "vision_cfg": {"image_size": 32, "layers": 2, "width": 64, "patch_size": 16},
    "text_cfg": {"context_length": 77, "vocab_size": 49408, "width": 64, "heads": 2, "layers": 2},
}


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
    """A 2-layer BERT sequence classifier with a small WordPiece vocabulary, saved with save_pretrained."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "product", "item", "dp", "p", "blog", "news", "shop"]
    vocab = directory / "vocab.txt"
    directory.mkdir(parents=True, exist_ok=True)
    vocab.write_text("\n".join(words + [chr(c) for c in range(97, 123)]) + "\n")
    BertTokenizerFast(vocab=str(vocab)).save_pretrained(directory)  # transformers 5 ignores vocab_file=
    config = BertConfig(
        vocab_size=len(words) + 26, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
        num_labels=2, id2label={0: "other", 1: "product"}, label2id={"other": 0, "product": 1},
    )  # fmt: skip
    BertForSequenceClassification(config).save_pretrained(directory)
    return str(directory)


def png_bytes(color: tuple[int, int, int], size: tuple[int, int] = (64, 64)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


class StaticServer:
    """Serves a directory on 127.0.0.1 and records every path requested."""

    def __init__(self, root: Path) -> None:
        self.requested: list[str] = []
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requested.append(self.path)
                super().do_GET()

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
