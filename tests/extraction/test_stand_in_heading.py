"""A page without an <h1> heads its product with an <h2>-<h4> that repeats the title's name: it is the heading
the price is read below and the name is taken from; other subheadings are not."""

from __future__ import annotations

from decimal import Decimal

from app.extraction.structured import extract_structured

URL = "https://shop.example/products/3456789"


def page(subheadings: str) -> str:
    return f"""<html lang="ko"><head><title>헤비웨이트 스웨트 후드 블랙 - 무신사</title></head><body>
      <div class="sc-a1"><img src="/g/3456789.jpg" alt=""></div><div class="sc-b2">{subheadings}
      <div class="sc-c3"><span class="x9">29%</span><span class="x7">63,900원</span></div>
      <button class="sc-buy">구매하기</button></div></body></html>"""


def test_a_subheading_repeating_the_title_name_heads_the_page() -> None:
    result = extract_structured(page("<h2>헤비웨이트 스웨트 후드 블랙</h2>"), URL)
    assert result.name == "헤비웨이트 스웨트 후드 블랙"
    assert (result.price, result.currency) == (Decimal("63900"), "KRW")
    assert result.evidence.score >= 0.5


def test_a_subheading_that_is_not_the_product_name_is_no_heading() -> None:
    result = extract_structured(page("<h2>회원 혜택 안내</h2>"), URL)  # "member benefits"
    assert result.price is None
    assert result.name == "헤비웨이트 스웨트 후드 블랙"  # from the title, without the shop's name
