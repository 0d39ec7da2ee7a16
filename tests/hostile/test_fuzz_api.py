"""Schemathesis over every OpenAPI operation, signed in: no 5xx, errors in the envelope, bodies as documented.

A small run (a few cases per operation and mode, ~300 in all); scripts/fuzz_api.py runs the same with N >= 2000.
"""

from __future__ import annotations

import pytest

from app.db import EmbeddedMongo
from tests.hostile.fuzzing import fuzz_api, fuzz_target

CASES_PER_OPERATION = 4


@pytest.mark.slow
def test_fuzzing_every_operation_finds_no_server_error_and_no_stray_error_shape(
    mongo_server: EmbeddedMongo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with fuzz_target(mongo_server.url, tmp_path_factory.mktemp("fuzz")) as target:
        report = fuzz_api(
            target.base_url,
            target.access_token,
            cases_per_operation=CASES_PER_OPERATION,
            own_ids=target.own_ids,
            sign_in=target.sign_in,
        )

    assert report.cases >= 200
    assert len(report.per_operation) >= 29
    assert not report.failure_counts, [failure.__dict__ for failure in report.failures[:5]]
    # Both sides of the contract were exercised: requests accepted and requests refused.
    assert sum(n for status, n in report.statuses.items() if status < 300) >= 30
    assert sum(n for status, n in report.statuses.items() if 400 <= status < 500) >= 100
