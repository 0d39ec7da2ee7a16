"""One error type, one handler: every failure leaves as the SPEC error envelope."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from pymongo.errors import ConnectionFailure, PyMongoError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.middleware import REQUEST_ID_HEADER

logger = logging.getLogger(__name__)


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    message = "Bad request"

    def __init__(
        self,
        message: str | None = None,
        *,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        self.details = details
        self.headers = headers
        super().__init__(self.message)


class BadRequest(AppError):
    pass


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"
    message = "Authentication required"


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    message = "Forbidden"


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "Not found"


class MethodNotAllowed(AppError):
    status_code = 405
    code = "method_not_allowed"
    message = "Method not allowed"


class RequestTimeout(AppError):
    status_code = 408
    code = "request_timeout"
    message = "Request body not received in time"


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    message = "Conflict"


class QuotaExceeded(Conflict):
    """A per-account quota is reached; details name the resource and its limit (and anything else, e.g. which
    recipients)."""

    code = "quota_exceeded"
    message = "Quota exceeded"

    def __init__(self, resource: str, limit: int, *, message: str | None = None, **details: object) -> None:
        super().__init__(
            message or f"You have reached the limit of {limit} {resource}",
            details={"resource": resource, "limit": limit, **details},
        )


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"
    message = "Request body too large"


class UnsupportedMediaType(AppError):
    status_code = 415
    code = "unsupported_media_type"
    message = "Unsupported media type"


class UnprocessableEntity(AppError):
    status_code = 422
    code = "validation_error"
    message = "Invalid request"


class TooManyRequests(AppError):
    status_code = 429
    code = "rate_limited"
    message = "Too many requests"


class ServiceUnavailable(AppError):
    status_code = 503
    code = "service_unavailable"
    message = "Service temporarily unavailable"


# Starlette's own errors (unknown path, wrong method) and the body limits' (app/edge/security.py) arrive as
# HTTPException: each takes the code of the class with its status.
_CODE_BY_STATUS = {
    error.status_code: error.code
    for error in (
        BadRequest,
        Unauthorized,
        Forbidden,
        NotFound,
        MethodNotAllowed,
        RequestTimeout,
        Conflict,
        PayloadTooLarge,
        UnsupportedMediaType,
        UnprocessableEntity,
        TooManyRequests,
        ServiceUnavailable,
    )
}


class ErrorBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    message: str
    request_id: str
    details: Any = None


class ErrorEnvelope(BaseModel):
    """What every error answer carries (documented in the OpenAPI schema for 422 and every other 4xx)."""

    model_config = ConfigDict(extra="forbid")
    error: ErrorBody


def request_id_of(request: Request) -> str:
    return getattr(request.state, "request_id", "") or ""


def error_response(
    request: Request,
    status_code: int,
    code: str,
    message: str,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    request_id = request_id_of(request)
    body: dict[str, Any] = {"code": code, "message": message, "request_id": request_id}
    if details is not None:
        body["details"] = details
    # Set here too: unhandled errors are answered by Starlette's outermost middleware, outside ours.
    headers = {**(headers or {}), REQUEST_ID_HEADER: request_id} if request_id else headers
    return JSONResponse({"error": body}, status_code=status_code, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Never echo the rejected input back: it may be a password.
    return [
        {"loc": [str(part) for part in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def _document_error_envelope(app: FastAPI) -> None:
    """FastAPI documents 422 as its own {"detail": [...]} shape; ours is the envelope, for every 4xx."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        envelope = ErrorEnvelope.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(envelope.pop("$defs", {}))
        components["ErrorEnvelope"] = envelope
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}
        for operation in (op for path in schema.get("paths", {}).values() for op in path.values()):
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = {"description": "Validation error", "content": content}
            responses.setdefault("4XX", {"description": "Error", "content": content})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def install_error_handlers(app: FastAPI) -> None:
    _document_error_envelope(app)

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return error_response(request, exc.status_code, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(request, 422, "validation_error", "Invalid request", _validation_details(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODE_BY_STATUS.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ").capitalize()
        return error_response(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(PyMongoError)
    async def _database_error(request: Request, exc: PyMongoError) -> JSONResponse:
        # Handled here, inside the app, rather than by the catch-all below: Starlette re-raises what reaches the
        # catch-all, so Uvicorn logs a crash and closes the client's keep-alive connection on every 503.
        if not _database_unavailable(exc):
            raise exc
        logger.warning("database unavailable: %s", type(exc).__name__)
        return error_response(request, 503, "database_unavailable", "Database temporarily unavailable")

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error")
        return error_response(request, 500, "internal_error", "Internal server error")


def _database_unavailable(exc: PyMongoError) -> bool:
    """Lost connection, no server to select, or a driver timeout: the database is not answering in time."""
    return isinstance(exc, ConnectionFailure) or exc.timeout
