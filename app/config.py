"""Settings read from the environment; `.env.example` documents every variable."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

CommaList = Annotated[list[str], NoDecode]
# Secrets anyone can read (an old default, the .env.example placeholder): refused in every environment.
PUBLIC_JWT_SECRETS = frozenset({"dev-insecure-change-me-0123456789abcdef", "change-me"})
JWT_SECRET_FILE = "jwt_secret"  # under DATA_DIR: the generated secret outside production
# The reference extension's origin (its id is fixed by the manifest's key): CORS allows it in development.
REFERENCE_EXTENSION_ORIGIN = "chrome-extension://eedhdbmafaolimloappljpidjkcelicj"


def generated_jwt_secret(data_dir: Path) -> str:
    """The secret kept in DATA_DIR/jwt_secret (mode 0600), made once, on first start."""
    path = data_dir / JWT_SECRET_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            pass
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(48))
    secret = path.read_text().strip()
    if len(secret) < 32:
        raise ValueError(f"{path} holds no usable secret: delete it to have a new one made")
    return secret


class Settings(BaseSettings):
    # An empty value (`DOCS_ENABLED=` in a copied .env.example) means unset.
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)

    environment: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"
    release: str = "dev"

    # Database: no MONGO_URL means an embedded SecantusDB under DATA_DIR.
    mongo_url: str | None = None
    mongo_db: str = "buyhive"
    mongo_timeout_ms: int = 5000
    data_dir: Path = Path("./data")

    # Tokens
    # Unset outside production: a random secret generated once per DATA_DIR (generated_jwt_secret)
    jwt_secret_key: str = ""
    jwt_access_token_expire_minutes: int = 15
    jwt_refresh_token_expire_days: int = 7
    jwt_issuer: str = "buyhive"
    jwt_audience: str = "buyhive-api"

    # Google sign-in
    google_client_ids: CommaList = Field(default_factory=list)
    google_client_secret: str | None = None
    google_issuers: CommaList = Field(default_factory=lambda: ["accounts.google.com", "https://accounts.google.com"])
    google_jwks_url: str = "https://www.googleapis.com/oauth2/v3/certs"
    google_token_url: str = "https://oauth2.googleapis.com/token"

    # HTTP edges
    allowed_origins: CommaList = Field(default_factory=list)
    trusted_proxies: CommaList = Field(default_factory=lambda: ["127.0.0.1"])
    docs_enabled: bool | None = None
    max_body_bytes: int = 64 * 1024
    max_extract_body_bytes: int = 4 * 1024 * 1024
    # A request body must have arrived this long after the request began, or 408 (slow clients)
    body_read_timeout_seconds: float = Field(default=30.0, gt=0)

    # Outbound fetches (app/net): public addresses on these ports only.
    fetch_allow_private_hosts: CommaList = Field(default_factory=list)  # tests only, refused in production
    fetch_allowed_ports: Annotated[list[int], NoDecode] = Field(default_factory=lambda: [80, 443])

    # Email
    email_backend: Literal["ses", "file", "console"] = "file"
    ses_from_email: str = "no-reply@buyhive.local"
    ses_configuration_set: str | None = None
    aws_region: str = "us-east-1"
    public_app_url: str = "http://localhost:8000"
    outbox_max_attempts: int = 5
    outbox_lease_seconds: int = 60
    outbox_poll_seconds: float = 1.0
    # SES bounces and complaints: the SQS queue subscribed to the configuration set's SNS topic (README)
    ses_feedback_queue_url: str | None = None
    # SQS long polling; shutting down waits for the receive in flight, so it stays well under the stop timeout
    ses_feedback_wait_seconds: int = Field(default=10, ge=0, le=20)

    # LLM providers
    groq_api_key: str | None = None
    groq_model: str = "llama-3.3-70b-versatile"
    groq_base_url: str | None = None
    openai_api_key: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_base_url: str | None = None
    llm_timeout_seconds: float = 10.0
    llm_max_retries: int = 2

    # Models
    clip_model: str = "ViT-B-32"
    clip_pretrained: str | None = None
    clip_threshold: float = 0.22
    url_model_path: str | None = None
    extraction_cache_ttl_seconds: int = 24 * 3600
    # Extractions running at once per process; a request waits this long for a slot, then 503 (admission.py)
    extract_max_concurrent: int = Field(default=4, ge=1)
    extract_queue_wait_seconds: float = Field(default=2.0, ge=0)

    # Per-account quotas (409 quota_exceeded when reached); carts fit on one page of GET /carts?limit=100
    quota_carts_per_user: int = Field(default=100, ge=1)
    quota_items_per_user: int = Field(default=5000, ge=1)
    # Sharing, per UTC day: emails one account sends, distinct addresses it mails, and the share emails one
    # address receives from all accounts together (so relaying through BuyHive reaches few people, and rarely)
    quota_share_emails_per_day: int = Field(default=50, ge=1)
    quota_share_recipients_per_day: int = Field(default=20, ge=1)
    quota_share_emails_per_recipient_per_day: int = Field(default=5, ge=1)

    # Rate limits
    rate_limit_enabled: bool = True
    rate_limit_storage_uri: str | None = None
    rate_limit_extract: str = "10/minute"
    rate_limit_classify_url: str = "60/minute"
    rate_limit_verify_image: str = "30/minute"
    rate_limit_auth: str = "10/minute"
    rate_limit_share: str = "20/hour"
    # Accounts created (registration or a first Google sign-in) per client network: IPv4 address or IPv6 /64
    rate_limit_account_creation: str = "20/hour"
    # Failed sign-ins per account (app/auth/login_throttle.py): free tries, then a doubling wait up to the cap
    # How long one instance trusts its memory that a session is live (app/auth/live_sessions.py); 0: read every time
    session_check_cache_seconds: float = Field(default=1.0, ge=0, le=10)
    login_free_failures: int = Field(default=5, ge=1)
    login_lockout_max_seconds: int = Field(default=300, ge=1)

    # Price watch (app/pricewatch): re-checks of watched products and alerts
    price_recheck_in_api: bool | None = None  # default: on in development only; else `python -m app.pricewatch.worker`
    price_recheck_interval_hours: float = Field(default=24.0, gt=0)
    price_recheck_host_interval_seconds: float = Field(default=10.0, ge=0)
    price_recheck_concurrency: int = Field(default=4, ge=1)
    price_recheck_lease_seconds: int = Field(default=120, ge=10)
    price_recheck_poll_seconds: float = Field(default=5.0, gt=0)
    price_recheck_max_backoff_hours: float = Field(default=24.0, gt=0)
    # Checks of one host per UTC day, across instances; beyond it, its products wait for the next day
    price_recheck_host_daily_budget: int = Field(default=5000, ge=1)
    # SQS queue of scheduled checks (production; README "Price watch"); empty: an in-process queue
    price_recheck_queue_url: str | None = None
    # SQS long polling of the re-check queue; shutting down waits for the receive in flight
    price_recheck_queue_wait_seconds: int = Field(default=10, ge=0, le=20)
    price_alert_period_hours: float = Field(default=24.0, gt=0)
    price_alert_digest_after: int = Field(default=3, ge=1)
    rate_limit_shared_link: str = "120/minute"  # per client network: opening public cart links (JSON and page)

    # Error tracking and metrics
    sentry_dsn: str | None = None
    sentry_traces_sample_rate: float = 0.0
    metrics_enabled: bool | None = None  # default: on in production only
    metrics_flush_seconds: float = 60.0

    @field_validator(
        "google_client_ids",
        "google_issuers",
        "allowed_origins",
        "trusted_proxies",
        "fetch_allow_private_hosts",
        "fetch_allowed_ports",
        mode="before",
    )
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _production_guards(self) -> Settings:
        if self.jwt_secret_key in PUBLIC_JWT_SECRETS:
            raise ValueError("JWT_SECRET_KEY is a published placeholder: set a random one, or leave it empty")
        if not self.is_production:
            return self
        if self.fetch_allow_private_hosts:
            raise ValueError("FETCH_ALLOW_PRIVATE_HOSTS is for tests only and must be empty in production")
        if len(self.jwt_secret_key) < 32:
            raise ValueError("JWT_SECRET_KEY must be set to at least 32 random characters in production")
        return self

    @model_validator(mode="after")
    def _development_defaults(self) -> Settings:
        if self.is_production:
            return self
        if not self.jwt_secret_key:
            self.jwt_secret_key = generated_jwt_secret(self.data_dir)
        if self.environment == "development" and not self.allowed_origins:
            self.allowed_origins = [REFERENCE_EXTENSION_ORIGIN]
        return self

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def emit_metrics(self) -> bool:
        return self.metrics_enabled if self.metrics_enabled is not None else self.is_production

    @property
    def recheck_in_api(self) -> bool:
        return self.price_recheck_in_api if self.price_recheck_in_api is not None else self.environment == "development"

    @property
    def show_docs(self) -> bool:
        return self.docs_enabled if self.docs_enabled is not None else not self.is_production


@lru_cache
def get_settings() -> Settings:
    return Settings()
