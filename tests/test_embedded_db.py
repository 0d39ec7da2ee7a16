"""No MONGO_URL: the app runs its own SecantusDB under DATA_DIR, stops it on exit, and the data survives."""

from __future__ import annotations

import socket
from pathlib import Path

from app.config import Settings
from tests.support.accounts import PASSWORD
from tests.support.app import make_settings, running_app


def _database_processes(storage: Path) -> list[str]:
    """Pids of live processes serving this storage directory."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes().split(b"\0")
        except OSError:  # the process ended while we looked
            continue
        if str(storage).encode() in arguments:
            pids.append(cmdline.parent.name)
    return pids


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


async def test_embedded_database_restarts_with_data_intact(tmp_path: Path) -> None:
    settings: Settings = make_settings(None, tmp_path, mongo_db="buyhive")  # type: ignore[arg-type]
    storage = tmp_path / "mongo"

    async with running_app(settings) as (app, client):
        embedded = app.state.database.embedded
        assert embedded is not None
        first_port = embedded.port
        assert _database_processes(storage)
        registered = await client.post(
            "/api/v1/auth/register", json={"email": "dora@example.com", "password": PASSWORD, "name": "Dora"}
        )
        assert registered.status_code == 201
        headers = {"Authorization": f"Bearer {registered.json()['access_token']}"}
        cart_id = (await client.get("/api/v1/carts", headers=headers)).json()["items"][0]["id"]
        item = await client.post(
            "/api/v1/items",
            json={
                "url": "https://shop.example/p",
                "name": "Lamp",
                "price": "49.90",
                "currency": "EUR",
                "cart_ids": [cart_id],
            },
            headers=headers,
        )
        assert item.status_code == 201
        health = (await client.get("/health")).json()
        assert health["components"]["database"] == {"status": "ok", "embedded": True}

    assert _database_processes(storage) == []
    assert not _port_open(first_port)

    async with running_app(settings) as (_, client):
        login = await client.post("/api/v1/auth/login", json={"email": "dora@example.com", "password": PASSWORD})
        assert login.status_code == 200
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        [listed] = (await client.get("/api/v1/items", headers=headers)).json()["items"]
        saved = item.json()
        # the save answers before its price joins the product's history; the history survived the restart too
        assert {**listed, "price_tracking": None} == {**saved, "price_tracking": None}
        assert listed["price_tracking"]["current"]["price"] == "49.90"
        # Sessions survive too: the refresh token from before the restart still rotates.
        refreshed = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": registered.json()["refresh_token"]}
        )
        assert refreshed.status_code == 200

    assert _database_processes(storage) == []
