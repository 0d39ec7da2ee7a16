from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response, status

from app.auth import email_verification, password_reset, service
from app.auth.schemas import (
    Accepted,
    GoogleSignInRequest,
    LoginRequest,
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    RegisterRequest,
    TokenPair,
    UserOut,
    VerifyEmailConfirm,
)
from app.deps import AppSettings, CurrentUser, Db, GoogleVerifierDep
from app.edge.ratelimit import charge_per_ip, limit_per_ip, limit_per_user

router = APIRouter(prefix="/auth", tags=["auth"])

# Public endpoints that guess or create accounts are limited per client IP.
PerIpAuthLimit = Depends(limit_per_ip("rate_limit_auth"))
# And accounts created, per client network per hour: charged only when an account is about to be made.
ACCOUNT_CREATION = "rate_limit_account_creation"


@router.post("/register", status_code=status.HTTP_201_CREATED, dependencies=[PerIpAuthLimit])
async def register(body: RegisterRequest, request: Request, db: Db, settings: AppSettings) -> TokenPair:
    """Create an account with email and password; returns a token pair. A verification email is sent."""
    return await service.register(
        db,
        settings,
        email=body.email,
        password=body.password,
        name=body.name,
        user_agent=request.headers.get("user-agent"),
        creation_budget=charge_per_ip(request, ACCOUNT_CREATION),
    )


@router.post("/login", dependencies=[PerIpAuthLimit])
async def login(body: LoginRequest, request: Request, db: Db, settings: AppSettings) -> TokenPair:
    """Sign in with email and password."""
    return await service.login(
        db, settings, email=body.email, password=body.password, user_agent=request.headers.get("user-agent")
    )


@router.post("/refresh")
async def refresh(body: RefreshRequest, db: Db, settings: AppSettings) -> TokenPair:
    """Exchange a refresh token for a new pair; the old refresh token is spent."""
    return await service.refresh(db, settings, refresh_token=body.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, db: Db) -> Response:
    """Revoke the session the refresh token belongs to."""
    await service.logout(db, refresh_token=body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me")
async def me(user: CurrentUser, db: Db) -> UserOut:
    """The signed-in user."""
    return await service.get_user(db, user.user_id)


@router.post("/google", dependencies=[PerIpAuthLimit])
async def google_sign_in(
    body: GoogleSignInRequest, request: Request, db: Db, settings: AppSettings, google: GoogleVerifierDep
) -> TokenPair:
    """Sign in with Google (ID token, or authorization code + PKCE); creates or links the account."""
    identity = await google.verify_sign_in(body)
    return await service.sign_in_with_google(
        db,
        settings,
        identity,
        user_agent=request.headers.get("user-agent"),
        creation_budget=charge_per_ip(request, ACCOUNT_CREATION),
    )


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED, dependencies=[PerIpAuthLimit])
async def request_password_reset(body: PasswordResetRequest, db: Db) -> Accepted:
    """Email a single-use reset link if the account exists; the answer is the same either way."""
    await password_reset.request_password_reset(db, email=body.email)
    return Accepted()


@router.post("/password-reset/confirm", status_code=status.HTTP_204_NO_CONTENT, dependencies=[PerIpAuthLimit])
async def confirm_password_reset(body: PasswordResetConfirm, db: Db) -> Response:
    """Set a new password with a reset token; every session of the account is signed out."""
    await password_reset.confirm_password_reset(db, token=body.token, new_password=body.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/verify-email/request",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[Depends(limit_per_user("rate_limit_auth", scope="verify_email"))],
)
async def request_email_verification(user: CurrentUser, db: Db) -> Accepted:
    """Email a fresh verification link; `already_verified` when there is nothing to verify."""
    if not await email_verification.request_verification(db, user_id=user.user_id):
        return Accepted(status="already_verified")
    return Accepted()


@router.post("/verify-email/confirm", status_code=status.HTTP_204_NO_CONTENT, dependencies=[PerIpAuthLimit])
async def confirm_email_verification(body: VerifyEmailConfirm, db: Db) -> Response:
    """Prove the address with the emailed token; 400 `invalid_verification_token` says why (unknown/used/expired)."""
    await email_verification.confirm_verification(db, token=body.token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
