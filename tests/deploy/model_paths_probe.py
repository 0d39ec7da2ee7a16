"""Run the service's model code paths and print what they answer, as JSON (tests/deploy/test_slim_runtime.py runs
this in a fresh interpreter, once on the full venv and once on a slimmed copy without the training-only packages).

    python tests/deploy/model_paths_probe.py TINY_CLIP_DIR [MODULE,MODULE...]

The named modules are made absent first (`None` in sys.modules: importing fails, `find_spec` answers None).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    clip_dir = Path(sys.argv[1])
    absent = [name for name in (sys.argv[2] if len(sys.argv) > 2 else "").split(",") if name]
    for name in absent:
        sys.modules[name] = None  # type: ignore[assignment]

    import open_clip
    import pycountry
    import transformers
    from PIL import Image

    import main as service
    from app.ml.clip_verifier import ClipVerifier
    from app.ml.url_classifier import UrlClassifier
    from tests.support.models import TINY_CLIP

    service.create_app()
    open_clip.add_model_config(clip_dir / "configs")
    urls = ["https://shop.example.com/p/kettle-123", "https://shop.example.com/dp/B0C1234567", "https://a.example/help"]
    url_model = UrlClassifier(str(REPO_ROOT / "models" / "url-classifier"))
    clip = ClipVerifier(TINY_CLIP, str(clip_dir / "tiny-clip.pt"), threshold=0.1)
    images = [Image.new("RGB", (40, 40), colour) for colour in ("red", "blue", "white")]
    production_clip = open_clip.create_model("ViT-B-32")  # the image's architecture (random weights)
    answers = {
        "url_scores": url_model.predict_proba(urls),
        "clip_scores": clip.score_images(images, "red kettle"),
        "vit_b_32_parameters": sum(parameter.numel() for parameter in production_clip.parameters()),
        "currencies": sorted(currency.alpha_3 for currency in pycountry.currencies),
        "transformers_from": str(Path(transformers.__file__).parents[1]),
        "absent_modules_loaded": sorted(name for name in absent if sys.modules.get(name) is not None),
    }
    print(json.dumps(answers))


if __name__ == "__main__":
    main()
