"""Issue 13 finding 5 (the small ones) and "also found": names, dev secrets, IPv6 budgets, image links, .env."""

from __future__ import annotations

import stat
from pathlib import Path

import httpx
import pytest

from app.config import REFERENCE_EXTENSION_ORIGIN, Settings
from app.db import EmbeddedMongo
from tests.support import REPO_ROOT
from tests.support.accounts import Account, register_account
from tests.support.app import make_settings, running_app

CARTS = "/api/v1/carts"
ITEMS = "/api/v1/items"
# NUL, tab, line feed, NEL, line and paragraph separators, right-to-left override, zero-width space, BOM.
BREAKING = ["\x00", "\t", "\n", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff"]


@pytest.mark.parametrize("character", BREAKING)
async def test_names_with_control_or_separator_characters_are_refused(
    client: httpx.AsyncClient, alice: Account, character: str
) -> None:
    name = f"Gifts{character}Bcc: everyone@example.com"
    created = await client.post(CARTS, json={"name": name}, headers=alice.headers)
    assert created.status_code == 422 and created.json()["error"]["code"] == "validation_error"
    renamed = await client.patch(f"{CARTS}/{alice.default_cart_id}", json={"name": name}, headers=alice.headers)
    assert renamed.status_code == 422
    item = {"url": "https://shop.example/p/1", "name": name, "cart_ids": [alice.default_cart_id]}
    assert (await client.post(ITEMS, json=item, headers=alice.headers)).status_code == 422
    user = {"email": "mallory@example.com", "password": "correct horse battery", "name": name}
    assert (await client.post("/api/v1/auth/register", json=user)).status_code == 422
    assert [cart["name"] for cart in (await client.get(CARTS, headers=alice.headers)).json()["items"]] == ["My Cart"]


async def test_names_people_really_use_are_kept(client: httpx.AsyncClient, alice: Account) -> None:
    for name in ["Cadeaux d’anniversaire", "👨‍👩‍👧 family", "می‌خواهم", "Ünïcødé  spaced", "日本の お土産"]:
        response = await client.post(CARTS, json={"name": name}, headers=alice.headers)
        assert response.status_code == 201, name
        assert response.json()["name"] == name


def test_outside_production_the_jwt_secret_is_random_per_data_dir_and_private(tmp_path: Path) -> None:
    first = Settings(_env_file=None, data_dir=tmp_path / "one")
    again = Settings(_env_file=None, data_dir=tmp_path / "one")
    other = Settings(_env_file=None, data_dir=tmp_path / "two")
    assert len(first.jwt_secret_key) >= 32
    assert first.jwt_secret_key == again.jwt_secret_key != other.jwt_secret_key
    assert stat.S_IMODE((tmp_path / "one" / "jwt_secret").stat().st_mode) == 0o600
    for published in ("dev-insecure-change-me-0123456789abcdef", "change-me"):
        with pytest.raises(ValueError, match="placeholder"):
            Settings(_env_file=None, data_dir=tmp_path, jwt_secret_key=published)


async def test_ipv6_clients_share_one_budget_per_64(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    settings = make_settings(mongo_server.url, tmp_path, rate_limit_enabled=True, rate_limit_auth="2/minute")
    body = {"email": "a@example.com", "password": "wrong-password"}
    async with running_app(settings) as (_, client):
        statuses = [
            (
                await client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": f"2001:db8:1:2::{n}"})
            ).status_code
            for n in range(1, 4)
        ]
        neighbour = await client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": "2001:db8:1:3::1"})
    assert statuses == [401, 401, 429]  # a fresh address in the same /64 is no fresh budget
    assert neighbour.status_code == 401  # another /64 is another subscriber


async def test_classify_url_and_verify_image_have_their_own_budgets(
    mongo_server: EmbeddedMongo, tmp_path: Path
) -> None:
    settings = make_settings(
        mongo_server.url,
        tmp_path,
        rate_limit_enabled=True,
        rate_limit_extract="1/minute",
        rate_limit_classify_url="2/minute",
        rate_limit_verify_image="1/minute",
    )
    async with running_app(settings) as (_, client):
        account = await register_account(client)
        extract = {"url": "https://shop.example/p/1"}
        assert (await client.post("/api/v1/extract", json=extract, headers=account.headers)).status_code == 200
        assert (await client.post("/api/v1/extract", json=extract, headers=account.headers)).status_code == 429
        classify = [
            (await client.post("/api/v1/extract/classify-url", json=extract, headers=account.headers)).status_code
            for _ in range(3)
        ]
        image = {"image_url": "https://127.0.0.1/x.png", "product_name": "kettle"}
        verify = [
            (await client.post("/api/v1/extract/verify-image", json=image, headers=account.headers)).status_code
            for _ in range(2)
        ]
    assert 429 not in classify[:2] and classify[2] == 429  # 503 without a URL model here: answered, not limited
    assert verify[0] != 429 and verify[1] == 429


@pytest.mark.parametrize(
    "image_url",
    [
        "http://127.0.0.1/a.png",
        "http://2130706433/a.png",
        "http://[::1]/a.png",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.7/a.png",
        "http://192.168.1.1:8080/a.png",
        "http://[fe80::1]/a.png",
        "http://localhost/a.png",
        "http://intranet/a.png",
    ],
)
async def test_item_image_links_into_private_networks_are_refused(
    client: httpx.AsyncClient, alice: Account, image_url: str
) -> None:
    item = {"url": "https://shop.example/p/1", "name": "Kettle", "image_url": image_url}
    created = await client.post(ITEMS, json={**item, "cart_ids": [alice.default_cart_id]}, headers=alice.headers)
    assert created.status_code == 422
    saved = await client.post(
        ITEMS, json={**item, "image_url": None, "cart_ids": [alice.default_cart_id]}, headers=alice.headers
    )
    edited = await client.patch(f"{ITEMS}/{saved.json()['id']}", json={"image_url": image_url}, headers=alice.headers)
    assert edited.status_code == 422


async def test_extract_does_not_echo_private_image_links(client: httpx.AsyncClient, alice: Account) -> None:
    page = """<html><head><meta property="og:type" content="product"><meta property="og:image"
    content="http://169.254.169.254/latest/meta-data/kettle.png"></head><body><h1>Acme Kettle</h1>
    <img src="http://10.0.0.7/kettle.png" width="600" height="600"><span class="price">$39.99</span>
    <button>Add to cart</button></body></html>"""
    body = (
        await client.post(
            "/api/v1/extract", json={"url": "https://shop.example/p/k", "html": page}, headers=alice.headers
        )
    ).json()
    assert body["product"]["image_url"] is None
    assert body["product"]["images"] == []
    assert "169.254" not in str(body) and "10.0.0.7" not in str(body)


def test_a_copied_env_example_starts_in_development_with_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text((REPO_ROOT / ".env.example").read_text())
    monkeypatch.chdir(tmp_path)  # DATA_DIR=./data lands here
    settings = Settings(_env_file=env_file)
    assert settings.mongo_url is None  # empty means unset: the embedded database, reported as embedded
    assert settings.docs_enabled is None and settings.show_docs is True
    assert settings.metrics_enabled is None and settings.emit_metrics is False
    assert settings.allowed_origins == [REFERENCE_EXTENSION_ORIGIN]
    assert (Path("data") / "jwt_secret").exists() and len(settings.jwt_secret_key) >= 32


async def test_development_cors_lets_the_reference_extension_in(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    settings = make_settings(mongo_server.url, tmp_path, environment="development", allowed_origins=[])
    preflight = {"Origin": REFERENCE_EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST"}
    async with running_app(settings) as (_, client):
        allowed = await client.options("/api/v1/auth/login", headers=preflight)
        other = await client.options("/api/v1/auth/login", headers={**preflight, "Origin": "https://evil.example"})
    assert allowed.headers.get("access-control-allow-origin") == REFERENCE_EXTENSION_ORIGIN
    assert "access-control-allow-origin" not in other.headers
