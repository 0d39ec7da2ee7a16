"""Accounts the tests create through the API, as a person would by signing up."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx

PASSWORD = "correct horse battery"


@dataclass
class Person:
    email: str
    password: str
    user_id: str
    default_cart_id: str
    access_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def register_person(api_client: httpx.AsyncClient, name: str = "Shopper") -> Person:
    email = f"shopper-{uuid.uuid4().hex[:8]}@example.com"
    answer = await api_client.post("/auth/register", json={"email": email, "password": PASSWORD, "name": name})
    assert answer.status_code == 201, answer.text
    pair = answer.json()
    carts = (await api_client.get("/carts", headers={"Authorization": f"Bearer {pair['access_token']}"})).json()[
        "items"
    ]
    return Person(email, PASSWORD, pair["user"]["id"], carts[0]["id"], pair["access_token"])
