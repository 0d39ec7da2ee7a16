async def test_register_and_me(client, alice):
    response = await client.get("/api/v1/auth/me", headers=alice.headers)
    assert response.status_code == 200
    assert response.json()["email"] == "alice@example.com"
