"""The local Google issuer shared by the Google sign-in tests (one per test module)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.auth.google_issuer import FakeGoogle


@pytest.fixture(scope="module")
def google() -> Iterator[FakeGoogle]:
    fake = FakeGoogle()
    fake.add_key("key-1")
    fake.add_key("rogue", publish=False)
    fake.start()
    yield fake
    fake.stop()
