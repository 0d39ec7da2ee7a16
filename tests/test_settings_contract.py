"""`.env.example` documents every setting, and production refuses unsafe ones."""

import re
from typing import Any

import pytest
from pydantic import ValidationError

from app.config import Settings
from tests.support import REPO_ROOT


def test_env_example_lists_every_setting() -> None:
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (REPO_ROOT / ".env.example").read_text(), re.MULTILINE))
    expected = {name.upper() for name in Settings.model_fields}
    assert expected - documented == set()


def test_comma_separated_lists_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_CLIENT_IDS", "a.apps.googleusercontent.com, b.apps.googleusercontent.com")
    monkeypatch.setenv("FETCH_ALLOWED_PORTS", "80,443,8443")
    settings = Settings(_env_file=None)
    assert settings.google_client_ids == ["a.apps.googleusercontent.com", "b.apps.googleusercontent.com"]
    assert settings.fetch_allowed_ports == [80, 443, 8443]


@pytest.mark.parametrize(
    "overrides",
    [{}, {"jwt_secret_key": "short"}, {"jwt_secret_key": "x" * 40, "fetch_allow_private_hosts": ["127.0.0.1"]}],
)
def test_production_refuses_unsafe_settings(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, environment="production", **overrides)
    Settings(_env_file=None, environment="production", jwt_secret_key="x" * 40)
