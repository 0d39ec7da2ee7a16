"""Property-based fuzzing of every OpenAPI operation with schemathesis, against a live server, signed in.

For each operation: valid (positive) and invalid (negative) cases generated from the app's own OpenAPI document;
operations with ids in the path also get positive cases on the caller's real resources (random ids only reach 404).
Every answer is checked: no 5xx, every error in the SPEC envelope with the X-Request-ID it was sent with, and the
body and content type match what the OpenAPI document declares for that status.
Used by tests/hostile/test_fuzz_api.py (a small run) and scripts/fuzz_api.py (N >= 2000).

The target is the real app served by Uvicorn in a thread on 127.0.0.1 (in this process, so tiny test models
registered with open_clip here are visible to it), with a local Google issuer so sign-in answers 401 rather than
"not configured", and tiny CLIP/BERT models so the model routes answer rather than 503.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pymongo
import requests
import schemathesis
import uvicorn
from bson import ObjectId
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import HypothesisException
from schemathesis import Case, GenerationMode, Response
from schemathesis.checks import content_type_conformance, response_schema_conformance
from schemathesis.core.result import Err

from app.db import free_port
from main import create_app
from tests.auth.google_issuer import CLIENT_ID, CLIENT_SECRET, FakeGoogle
from tests.support.app import make_settings
from tests.support.models import TINY_CLIP, save_tiny_bert, save_tiny_clip

SCHEMA_CHECKS = [response_schema_conformance, content_type_conformance]
REQUEST_TIMEOUT_S = 30.0
MAX_FAILURES_KEPT = 50


@dataclass
class Failure:
    operation: str
    kind: str  # server_error, envelope, schema
    detail: str
    request: str


@dataclass
class FuzzReport:
    cases: int = 0
    per_operation: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    failure_counts: Counter[str] = field(default_factory=Counter)

    def record(self, failure: Failure) -> None:
        self.failure_counts[failure.kind] += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(failure)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "operations": len(self.per_operation),
            "statuses": {str(status): count for status, count in sorted(self.statuses.items())},
            "failures": dict(self.failure_counts),
            "per_operation": dict(sorted(self.per_operation.items())),
            "examples": [failure.__dict__ for failure in self.failures],
        }


def envelope_problem(status: int, headers: dict[str, list[str]], content: bytes) -> str | None:
    """Why this answer breaks the SPEC's error rules, or None (`headers` as schemathesis keeps them)."""
    request_id = next(iter(headers.get("x-request-id") or []), None)
    if not request_id:
        return "no X-Request-ID header"
    if status < 400:
        return None
    try:
        body = json.loads(content)
    except ValueError:
        return f"error body is not JSON: {content[:200]!r}"
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or set(body) != {"error"}:
        return f"error body is not the envelope: {content[:200]!r}"
    if not isinstance(error.get("code"), str) or not isinstance(error.get("message"), str):
        return f"envelope without code/message: {error!r}"
    if error.get("request_id") != request_id:
        return "envelope request_id differs from the X-Request-ID header"
    if not set(error) <= {"code", "message", "request_id", "details"}:
        return f"unexpected envelope keys: {sorted(error)}"
    return None


def _describe(case: Case) -> str:
    body = case.body if not isinstance(case.body, bytes | bytearray) else case.body[:200]
    return json.dumps(
        {"method": case.method, "path": case.formatted_path, "query": case.query, "body": body}, default=repr
    )[:1000]


def _check(case: Case, response: Response, report: FuzzReport) -> None:
    label = case.operation.label
    report.cases += 1
    report.per_operation[label] += 1
    report.statuses[response.status_code] += 1
    if response.status_code >= 500:
        detail = f"{response.status_code}: {response.content[:300]!r}"
        report.record(Failure(label, "server_error", detail, _describe(case)))
    if problem := envelope_problem(response.status_code, response.headers, response.content):
        report.record(Failure(label, "envelope", problem, _describe(case)))
    try:
        case.validate_response(response, checks=SCHEMA_CHECKS)
    except Exception as exc:  # noqa: BLE001 - schemathesis reports check failures as exceptions
        report.record(Failure(label, "schema", str(exc)[:600], _describe(case)))


def fuzz_api(
    base_url: str,
    access_token: str,
    *,
    cases_per_operation: int,
    random_seed: int = 0,
    own_ids: Callable[[], dict[str, str]] | None = None,
    sign_in: Callable[[], str] | None = None,
) -> FuzzReport:
    """Run the cases against `base_url`; `own_ids()` returns fresh ids of the caller's resources by path name;
    `sign_in()` a fresh access token before each operation (a case may have signed the last one out)."""
    raw = httpx.get(f"{base_url}/openapi.json", timeout=REQUEST_TIMEOUT_S).json()
    schema = schemathesis.openapi.from_dict(raw)
    report = FuzzReport()
    headers = {"Authorization": f"Bearer {access_token}"}
    session = requests.Session()

    def run(strategy: Any) -> None:
        @seed(random_seed)
        @settings(
            max_examples=cases_per_operation,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def one(case: Case) -> None:
            response = case.call(base_url=base_url, session=session, headers=headers, timeout=REQUEST_TIMEOUT_S)
            _check(case, response, report)

        # Nothing satisfiable to generate (e.g. negative cases of an operation without inputs) is not a failure.
        with contextlib.suppress(HypothesisException):
            one()

    try:
        for result in schema.get_all_operations():
            if isinstance(result, Err):
                raise result.err()  # an operation the schema cannot describe fails the run
            operation = result.ok()
            if sign_in is not None:
                headers["Authorization"] = f"Bearer {sign_in()}"
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                run(operation.as_strategy(generation_mode=mode))
            path_names = {p.name for p in operation.path_parameters}
            if own_ids is not None and path_names:
                ids = own_ids()
                run(operation.as_strategy(path_parameters={name: ids[name] for name in path_names}))
    finally:
        session.close()
    return report


@contextlib.contextmanager
def serve_in_thread(app: FastAPI) -> Iterator[str]:
    """Uvicorn serving `app` (lifespan included) from a thread of its own; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@dataclass
class FuzzTarget:
    base_url: str
    access_token: str
    own_ids: Callable[[], dict[str, str]]
    sign_in: Callable[[], str]


@contextlib.contextmanager
def fuzz_target(mongo_url: str, workdir: Path) -> Iterator[FuzzTarget]:
    """The app with every dependency answering (local Google issuer, tiny models), and one signed-in user."""
    google = FakeGoogle()
    google.add_key("fuzz-key")
    google.start()
    settings = make_settings(
        mongo_url, workdir, google_client_ids=[CLIENT_ID], google_client_secret=CLIENT_SECRET,
        google_jwks_url=google.jwks_url, google_token_url=google.token_url, outbox_poll_seconds=0.05,
        clip_model=TINY_CLIP, clip_pretrained=save_tiny_clip(workdir / "clip"),
        url_model_path=save_tiny_bert(workdir / "bert"),
        # own_ids() shares once per operation: the daily share budgets are tests/sharing's subject, not this one's
        quota_share_emails_per_day=100_000, quota_share_recipients_per_day=100_000,
        quota_share_emails_per_recipient_per_day=100_000,
    )  # fmt: skip
    try:
        with serve_in_thread(create_app(settings)) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
            email = f"fuzz-{uuid.uuid4().hex[:8]}@example.com"
            account = {"email": email, "password": "fuzz-password-1"}
            pair = client.post("/api/v1/auth/register", json=account).json()
            headers = {"Authorization": f"Bearer {pair['access_token']}"}
            with pymongo.MongoClient[dict[str, Any]](mongo_url) as mongo:  # sharing needs a proven address
                verified = {"$set": {"email_verified_at": datetime.now(UTC)}}
                mongo[settings.mongo_db].users.update_one({"_id": ObjectId(pair["user"]["id"])}, verified)

            def sign_in() -> str:
                """A new session (a fuzzed DELETE /account/sessions ends every one, the caller's too)."""
                token = str(client.post("/api/v1/auth/login", json=account).json()["access_token"])
                headers["Authorization"] = f"Bearer {token}"
                return token

            def own_ids() -> dict[str, str]:
                """A fresh cart holding an item, shared once, linked once, and a second session: real ids for
                the path parameters."""
                cart = client.post("/api/v1/carts", json={"name": uuid.uuid4().hex}, headers=headers).json()
                item = client.post(
                    "/api/v1/items",
                    json={"url": f"https://shop.example/{uuid.uuid4().hex}", "name": "Lamp", "cart_ids": [cart["id"]]},
                    headers=headers,
                ).json()
                share = client.post(
                    f"/api/v1/carts/{cart['id']}/share", json={"recipients": ["a@example.com"]}, headers=headers
                ).json()
                client.post("/api/v1/auth/login", json={"email": email, "password": "fuzz-password-1"})
                sessions = client.get("/api/v1/account/sessions", headers=headers).json()
                other = next(session["id"] for session in sessions if not session["current"])
                link = client.post(f"/api/v1/carts/{cart['id']}/links", json={}, headers=headers).json()
                return {
                    "cart_id": cart["id"],
                    "item_id": item["id"],
                    "share_id": share["share_id"],
                    "session_id": other,
                    "link_id": link["link_id"],
                    "token": link["url"].rsplit("/s/", 1)[1],
                    "user_id": pair["user"]["id"],  # the owner: not a member of their cart, so a 404 path
                }

            yield FuzzTarget(base_url, pair["access_token"], own_ids, sign_in)
    finally:
        google.stop()
