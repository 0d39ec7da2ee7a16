"""The heuristic ranking used when CLIP weights are absent."""

from __future__ import annotations

from app.extraction.structured import ImageCandidate
from app.ml.image_ranking import heuristic_rank


def test_markup_image_beats_a_bigger_earlier_page_image() -> None:
    ranked = heuristic_rank(
        [
            ImageCandidate("https://shop.example/hero-banner-photo.jpg", "page", 0, 1600, 900),
            ImageCandidate("https://shop.example/p/123-main.jpg", "jsonld", 5),
            ImageCandidate("https://shop.example/og.jpg", "opengraph", 6, 1200, 630),
        ]
    )
    assert [image.url for image in ranked][:2] == ["https://shop.example/p/123-main.jpg", "https://shop.example/og.jpg"]


def test_among_page_images_size_then_position_decide_and_icons_sink() -> None:
    ranked = heuristic_rank(
        [
            ImageCandidate("https://shop.example/a.jpg", "page", 0, 120, 120),
            ImageCandidate("https://shop.example/b.jpg", "page", 1, 800, 800),
            ImageCandidate("https://shop.example/c.jpg", "page", 2, 800, 800),
            ImageCandidate("https://shop.example/cart-icon.png", "page", 3, 800, 800),
            ImageCandidate("https://shop.example/d.jpg", "page", 4, 32, 32),
        ]
    )
    urls = [image.url for image in ranked]
    assert urls[:3] == ["https://shop.example/b.jpg", "https://shop.example/c.jpg", "https://shop.example/a.jpg"]
    assert urls.index("https://shop.example/cart-icon.png") > urls.index("https://shop.example/a.jpg")
    assert ranked[0].score > ranked[-1].score


def test_a_url_from_several_sources_appears_once_with_its_best_score() -> None:
    url = "https://shop.example/p/1.jpg"
    ranked = heuristic_rank(
        [ImageCandidate(url, "page", 9), ImageCandidate(url, "jsonld", 9), ImageCandidate("https://x/2.jpg", "page", 0)]
    )
    assert [image.url for image in ranked] == [url, "https://x/2.jpg"]


def test_nothing_to_rank_gives_an_empty_list() -> None:
    assert heuristic_rank([]) == []
