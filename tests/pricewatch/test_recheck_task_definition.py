"""The re-check worker's ECS task definition: the API's image and roles, its own command, nothing listening."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import botocore.session
from botocore.validate import validate_parameters

from app.config import Settings
from tests.support import REPO_ROOT

RECHECK = REPO_ROOT / "deploy" / "task-definition-recheck.json"
API = REPO_ROOT / "deploy" / "task-definition.json"


def _rendered(path: Path) -> dict[str, Any]:
    text = path.read_text().replace("${AWS_ACCOUNT_ID}", "123456789012").replace("${AWS_REGION}", "eu-west-1")
    definition = json.loads(text)
    definition["containerDefinitions"][0]["image"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/buyhive:abc123"
    return definition


def test_matches_the_ecs_schema_and_runs_the_worker_module() -> None:
    definition = _rendered(RECHECK)
    shape = botocore.session.get_session().get_service_model("ecs").operation_model("RegisterTaskDefinition")
    validate_parameters(definition, shape.input_shape)
    (container,) = definition["containerDefinitions"]
    assert shlex.join(container["command"]) == "python -m app.pricewatch.worker"
    assert "portMappings" not in container and "healthCheck" not in container  # no HTTP server in this task
    assert container["stopTimeout"] > 30  # the worker lets checks in flight finish for up to 30 s
    assert container["linuxParameters"]["initProcessEnabled"] is True  # SIGTERM reaches Python, as for the API


def test_same_roles_and_production_settings_as_the_api() -> None:
    recheck, api = _rendered(RECHECK), _rendered(API)
    assert (recheck["executionRoleArn"], recheck["taskRoleArn"]) == (api["executionRoleArn"], api["taskRoleArn"])
    (container,) = recheck["containerDefinitions"]
    environment = {variable["name"]: variable["value"] for variable in container["environment"]}
    secrets = {secret["name"] for secret in container["secrets"]}
    assert environment["ENVIRONMENT"] == "production" and environment["PRICE_RECHECK_IN_API"] == "false"
    assert {"MONGO_URL", "JWT_SECRET_KEY"} <= secrets  # production refuses to start without a JWT secret
    assert set(environment) | secrets <= {name.upper() for name in Settings.model_fields}
