import io
import json

import httpx

from app.observability.metrics import MetricsRegistry, metrics
from tests.support.accounts import Account


def test_emf_lines_aggregate_values_per_dimension_set() -> None:
    registry = MetricsRegistry()
    for value in (10.04, 10.01, 25.0):
        registry.record("Latency", value, "Milliseconds", Route="/api/v1/items")
    registry.record("LlmCalls", 1, "Count", Provider="groq")
    out = io.StringIO()
    assert registry.flush(out) == 2
    documents = [json.loads(line) for line in out.getvalue().splitlines()]
    latency = next(d for d in documents if "Latency" in d)
    directive = latency["_aws"]["CloudWatchMetrics"][0]
    assert directive["Namespace"] == "BuyHive"
    assert directive["Dimensions"] == [["Route"]]
    assert directive["Metrics"] == [{"Name": "Latency", "Unit": "Milliseconds"}]
    assert latency["Route"] == "/api/v1/items"
    assert dict(zip(latency["Latency"]["Values"], latency["Latency"]["Counts"], strict=True)) == {10.0: 2, 25.0: 1}
    assert registry.flush(io.StringIO()) == 0  # drained


async def test_requests_are_counted_per_route(client: httpx.AsyncClient, alice: Account) -> None:
    metrics.drain()
    await client.get("/api/v1/carts", headers=alice.headers)
    out = io.StringIO()
    metrics.flush(out)
    routes = {json.loads(line).get("Route") for line in out.getvalue().splitlines()}
    assert "/api/v1/carts" in routes
