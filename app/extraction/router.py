from __future__ import annotations

from fastapi import APIRouter, Depends

from app.deps import AppSettings, CurrentUser, Db, Pipeline
from app.edge.ratelimit import limit_per_user
from app.extraction.admission import AdmittedRoute
from app.extraction.schemas import (
    ClassifyUrlRequest,
    ClassifyUrlResponse,
    ExtractRequest,
    ExtractResponse,
    VerifyImageRequest,
    VerifyImageResponse,
)
from app.net.addresses import names_public_host, normalize_hosts
from app.pricewatch import service as pricewatch

# Every route here requires a user (the limit dependency resolves CurrentUser).
router = APIRouter(prefix="/extract", tags=["extraction"])


async def extract(
    body: ExtractRequest, user: CurrentUser, pipeline: Pipeline, settings: AppSettings, db: Db
) -> ExtractResponse:
    """Decide whether a page is a product page and extract the product from it."""
    allowed = normalize_hosts(settings.fetch_allow_private_hosts)  # the fetcher's tests-only allow-list
    response = await pipeline.extract(body, caller=str(user.user_id))
    # The price this person's browser saw joins the product's shared history; a cached answer is this person's same
    # page again, already recorded (the history keeps one unchanged point a day anyway).
    if response.is_product and not response.cached:
        product = response.product
        await pricewatch.record_price(
            db, url=body.url, price=product.price, currency=product.currency, regular_price=product.regular_price,
            availability=product.availability, source="page",
        )  # fmt: skip
    if response.is_product:  # the form shows the lowest price seen lately beside the one on the page
        tracking = await pricewatch.page_price_tracking(db, url=body.url)
        response = response.model_copy(update={"price_tracking": tracking})
    return public_images_only(response, allowed)


def public_images_only(response: ExtractResponse, allowed_private_hosts: frozenset[str]) -> ExtractResponse:
    """A page may name images on private hosts (it was read in the person's browser): never echo those links."""
    product = response.product
    if product.image_url is not None and not names_public_host(product.image_url, allowed_private_hosts):
        product.image_url = None
    product.images = [image for image in product.images if names_public_host(image.url, allowed_private_hosts)]
    return response


# Bounded per process (app/extraction/admission.py): a busy process answers 503 with Retry-After.
router.add_api_route(
    "",
    extract,
    methods=["POST"],
    dependencies=[Depends(limit_per_user("rate_limit_extract"))],
    route_class_override=AdmittedRoute,
)


@router.post("/classify-url", dependencies=[Depends(limit_per_user("rate_limit_classify_url"))])
async def classify_url(body: ClassifyUrlRequest, pipeline: Pipeline) -> ClassifyUrlResponse:
    """Is this URL a product page, judging by the URL alone?"""
    return await pipeline.classify_url(body.url)


@router.post("/verify-image", dependencies=[Depends(limit_per_user("rate_limit_verify_image"))])
async def verify_image(body: VerifyImageRequest, pipeline: Pipeline) -> VerifyImageResponse:
    """Does this image show the named product? (CLIP)"""
    return await pipeline.verify_image(body.image_url, body.product_name)
