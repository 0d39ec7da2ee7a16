"""Read the production artifacts the way Docker and GitHub Actions read them (shared by the tests/deploy files)."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.support import REPO_ROOT

DOCKERFILE = REPO_ROOT / "Dockerfile"
DOCKERIGNORE = REPO_ROOT / ".dockerignore"
CI_WORKFLOW = REPO_ROOT / ".github" / "workflows" / "ci.yml"
DEPLOY_WORKFLOW = REPO_ROOT / ".github" / "workflows" / "deploy.yml"
TASK_DEFINITION = REPO_ROOT / "deploy" / "task-definition.json"


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def args_of(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]

    def env(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for args in self.args_of("ENV"):
            for token in shlex.split(args):
                name, _, value = token.partition("=")
                values[name] = value
        return values


@dataclass
class Dockerfile:
    global_args: dict[str, str]
    stages: dict[str, Stage]
    final: Stage

    def env(self, stage: Stage) -> dict[str, str]:
        """ENV values a stage sees, inherited through its FROM chain."""
        inherited = self.env(self.stages[stage.base]) if stage.base in self.stages else {}
        return inherited | stage.env()

    def healthcheck_command(self) -> list[str]:
        (args,) = self.final.args_of("HEALTHCHECK")
        return json.loads(args[args.index("CMD") + len("CMD") :].strip())

    def command(self) -> list[str]:
        (args,) = self.final.args_of("CMD")
        return json.loads(args)


def parse_dockerfile(text: str) -> Dockerfile:
    """Global ARG defaults and the stages, each with its (keyword, arguments) instructions."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    global_args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in logical:
        keyword, _, args = line.partition(" ")
        keyword, args = keyword.upper(), args.strip()
        if keyword == "FROM":
            words = args.split()
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(len(stages))
            stages.append(Stage(name=name, base=words[0]))
        elif stages:
            stages[-1].instructions.append((keyword, args))
        elif keyword == "ARG":
            name, _, default = args.partition("=")
            global_args[name] = default
    return Dockerfile(global_args, {stage.name: stage for stage in stages}, stages[-1])


def load_dockerfile() -> Dockerfile:
    return parse_dockerfile(DOCKERFILE.read_text())


def load_workflow(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as a boolean
    return workflow


def task_container() -> dict[str, Any]:
    (container,) = json.loads(TASK_DEFINITION.read_text())["containerDefinitions"]
    return container
